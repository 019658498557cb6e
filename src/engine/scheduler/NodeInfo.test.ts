import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NodeInfo } from './NodeInfo';
import { makeNode, makePod } from './testFixtures';

describe('NodeInfo', () => {
  it('keeps its copied numbers equal to allocatable, requested and pods through adds and removes', () => {
    const pods = Array.from({ length: 8 }, (_, i) => makePod(`p${i}`, { node: 'n1', requests: i % 3 === 0 ? {} : { cpu: `${50 * i}m`, memory: `${16 * i}Mi` } }));
    const op = fc.record({ pod: fc.integer({ min: 0, max: 7 }), add: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.boolean(), (ops, viaClone) => {
        const node = makeNode('n1', { cpu: '4', memory: '8Gi', pods: 5, labels: { zone: 'a' }, taints: [{ key: 'k', effect: 'PreferNoSchedule' }], unschedulable: true });
        let info = new NodeInfo(node);
        for (const o of ops) {
          if (o.add) info.addPod(pods[o.pod]);
          else info.removePod(pods[o.pod]);
          if (viaClone) info = info.clone();
          expect(info.podCount).toBe(info.pods.length);
          expect(info.requestedMilliCPU).toBe(info.requested.milliCPU);
          expect(info.requestedMemoryBytes).toBe(info.requested.memoryBytes);
        }
        expect([info.allocMilliCPU, info.allocMemoryBytes, info.allowedPodNumber]).toEqual([info.allocatable.milliCPU, info.allocatable.memoryBytes, info.allocatable.allowedPodNumber]);
        expect(info.labels).toBe(node.metadata.labels);
        expect(info.taints).toBe(node.spec!.taints);
        expect(info.unschedulable).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
