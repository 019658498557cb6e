import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';

describe('kubectl explain', () => {
  it('documents kinds and fields of the simulated API', async () => {
    const s = new KubectlSession();
    s.run('explain pods');
    s.run('explain pod.spec.containers.livenessProbe');
    s.run('explain deployment.spec.strategy');
    s.run('explain rs.spec.replicas');
    s.run('explain hpa.spec.metrics --api-version=autoscaling/v2');
    s.run('explain pods.spec.nope');
    s.run('explain foo');
    s.run('explain');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/explain.txt');
    expect(s.cluster.kubectl('explain pod.spec.containers.image').stdout).toMatch(/^KIND:       Pod\nVERSION:    v1\n\nFIELD: image <string>\n/);
  });
});
