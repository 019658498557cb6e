import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl set image', () => {
  it('updates container images of workloads and pods', async () => {
    const s = new KubectlSession().file('web.yaml', M.WEB_DEPLOYMENT).file('nginx.yaml', M.NGINX_POD).file('frontend.yaml', M.FRONTEND_RS);
    s.run('apply -f web.yaml');
    s.run('apply -f nginx.yaml');
    s.run('apply -f frontend.yaml');
    expect(s.run('set image deployment/web nginx=nginx:1.26').stdout).toBe('deployment.apps/web image updated\n');
    s.run('set image deployment/web nginx=nginx:1.26');
    s.run('set image deployment web *=nginx:1.27');
    s.run('set image pod/nginx nginx=nginx:1.27');
    s.run('set image rs frontend php-redis=gcr.io/google_samples/gb-frontend:v4 --dry-run=client -o yaml');
    s.run('set image deployment/web sidecar=busybox');
    s.run('set image node/node-1 app=busybox');
    s.run('set image deployment/web');
    s.run('set image deployment/nope nginx=nginx');
    s.advance(30_000);
    s.run('get deploy web -o wide');
    s.run('get pod nginx');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/set-image.txt');
  });
});
