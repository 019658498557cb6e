import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';

describe('commands Podlab cannot run', () => {
  it('explain honestly what is missing and what to use instead', async () => {
    const s = new KubectlSession();
    for (const line of [
      'port-forward pod/nginx 8080:80',
      'proxy --port=8080',
      'cp nginx:/etc/nginx/nginx.conf ./nginx.conf',
      'attach nginx -it',
      'edit deploy/web',
      'patch deploy web -p \'{"spec":{"replicas":2}}\'',
      'debug nginx -it --image=busybox',
      'wait --for=condition=Ready pod/nginx',
      'diff -f web.yaml',
      'cluster-info',
      'kustomize .',
      'auth can-i create pods',
      'certificate approve csr-1',
      'expose deployment web --port=80',
      'plugin list',
      'get pods | grep nginx',
      'frobnicate',
      'gt pods',
    ]) {
      const r = s.run(line);
      expect(r.exitCode, line).toBe(1);
    }
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/unsupported.txt');
  });
});
