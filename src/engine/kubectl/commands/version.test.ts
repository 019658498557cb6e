import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import { KUBELET_VERSION } from '../../api/node';

describe('kubectl version', () => {
  it('prints client, kustomize and server versions', async () => {
    const s = new KubectlSession();
    const plain = s.run('version').stdout;
    s.run('version --client');
    s.run('version -o json');
    s.run('version -o yaml --client');
    s.run('version -o wide');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/version.txt');
    expect(plain).toBe(`Client Version: ${KUBELET_VERSION}\nKustomize Version: v5.7.1\nServer Version: ${KUBELET_VERSION}\n`);
  });
});
