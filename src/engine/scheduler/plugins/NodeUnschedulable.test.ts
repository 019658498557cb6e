import { describe, expect, it } from 'vitest';
import { makeNode, makePod, runFilter } from '../testFixtures';
import { ERR_REASON_UNSCHEDULABLE, NodeUnschedulable } from './NodeUnschedulable';

describe('NodeUnschedulable', () => {
  const cordoned = makeNode('n1', { unschedulable: true });
  it('rejects a cordoned node for ordinary pods, as unresolvable', () => {
    expect(runFilter(NodeUnschedulable, makePod('p'), 'n1', [cordoned])).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_UNSCHEDULABLE] });
    expect(ERR_REASON_UNSCHEDULABLE).toBe('node(s) were unschedulable');
  });
  it('admits pods that tolerate the unschedulable taint (DaemonSet pods do)', () => {
    const pod = makePod('ds', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(runFilter(NodeUnschedulable, pod, 'n1', [cordoned])).toBeUndefined();
  });
  it('passes schedulable nodes', () => {
    expect(runFilter(NodeUnschedulable, makePod('p'), 'n2', [makeNode('n2')])).toBeUndefined();
  });
  it('wakes pods when a node is uncordoned', () => {
    const old = makeNode('n1', { unschedulable: true });
    const node = makeNode('n1');
    expect(NodeUnschedulable.isSchedulableAfter!(makePod('p'), { type: 'NodeUpdate', old, node, changes: new Set(['unschedulable']) }, undefined as never)).toBe(true);
    expect(NodeUnschedulable.isSchedulableAfter!(makePod('p'), { type: 'NodeUpdate', old: node, node: old, changes: new Set(['unschedulable']) }, undefined as never)).toBe(false);
  });
});
