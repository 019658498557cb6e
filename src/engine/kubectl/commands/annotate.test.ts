import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl annotate', () => {
  it('adds, overwrites and removes annotations; change-cause shows in rollout history', async () => {
    const s = new KubectlSession().file('web.yaml', M.WEB_DEPLOYMENT);
    s.run('apply -f web.yaml');
    expect(s.run('annotate deploy web owner=team-a').stdout).toBe('deployment.apps/web annotated\n');
    s.run('annotate deploy web owner=team-b');
    s.run('annotate deploy web owner=team-b --overwrite');
    s.run('annotate deploy web kubernetes.io/change-cause="first rollout" --overwrite');
    s.run('annotate deploy web owner-');
    s.run('annotate deploy web --list');
    s.run('describe deploy web');
    s.run('rollout history deploy/web');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/annotate.txt');
  });
});
