import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { completeKubectl } from './complete';
import * as M from './__golden__/manifests';

function cluster() {
  const c = createCluster({ seed: 1 });
  c.apply(M.WEB_DEPLOYMENT);
  c.apply(M.NGINX_POD);
  c.kubectl('create namespace team-a');
  c.advance(20_000);
  return c;
}

describe('completeKubectl', () => {
  it('completes commands, subcommands, resource types, names, flags and flag values', () => {
    const c = cluster();
    expect(completeKubectl(c, 'ge')).toEqual({ from: 0, candidates: ['get'] });
    expect(completeKubectl(c, 'kubectl de').candidates).toEqual(['debug', 'delete', 'describe']);
    expect(completeKubectl(c, 'rollout st')).toEqual({ from: 8, candidates: ['status'] });
    expect(completeKubectl(c, 'get po').candidates).toEqual(['pods']);
    expect(completeKubectl(c, 'get pods ng')).toEqual({ from: 9, candidates: ['nginx'] });
    expect(completeKubectl(c, 'describe deploy ').candidates).toEqual(['web']);
    expect(completeKubectl(c, 'logs web-').candidates.every((n) => n.startsWith('web-'))).toBe(true);
    expect(completeKubectl(c, 'logs web-').candidates).toHaveLength(3);
    expect(completeKubectl(c, 'cordon node-').candidates).toEqual(['node-1', 'node-2', 'node-3']);
    expect(completeKubectl(c, 'get pods --sho').candidates).toEqual(['--show-kind', '--show-labels', '--show-managed-fields']);
    expect(completeKubectl(c, 'get pods -o ').candidates).toContain('wide');
    expect(completeKubectl(c, 'get pods -n te').candidates).toEqual(['team-a']);
    expect(completeKubectl(c, 'get pods --namespace=kube-').candidates).toEqual(['--namespace=kube-node-lease', '--namespace=kube-public', '--namespace=kube-system']);
    expect(completeKubectl(c, 'exec nginx -c ').candidates).toEqual(['nginx']);
    expect(completeKubectl(c, 'frobnicate ').candidates).toEqual([]);
  });
});
