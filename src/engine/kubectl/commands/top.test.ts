import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl top', () => {
  it('shows pod and node usage from the simulated metrics', async () => {
    const s = new KubectlSession().file('web.yaml', M.WEB_DEPLOYMENT).file('requests.yaml', M.REQUESTS_POD);
    s.run('top pods');
    s.run('apply -f web.yaml');
    s.run('apply -f requests.yaml');
    s.advance(5_000);
    s.run('top pod requests-pod');
    s.advance(90_000);
    s.run('top pods');
    s.run('top pod --containers -l app=web');
    s.run('top pods --sort-by=cpu --sum');
    s.run('top pods -A --no-headers');
    s.run('top nodes');
    s.run('top node node-1 --show-capacity');
    s.run('top nodes --sort-by=memory');
    s.run('top pod nope');
    s.run('top pods --sort-by=name');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/top.txt');
  });
});
