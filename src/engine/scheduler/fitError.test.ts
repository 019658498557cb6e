import { describe, expect, it } from 'vitest';
import { fitErrorMessage, newDiagnosis } from './fitError';
import { unresolvable, unschedulable } from './framework';

function diagnosis(statuses: Record<string, string[]>, extra: Partial<ReturnType<typeof newDiagnosis>> = {}) {
  const d = newDiagnosis();
  for (const [node, reasons] of Object.entries(statuses)) d.nodeStatuses.set(node, unschedulable(...reasons));
  return Object.assign(d, extra);
}

describe('fitErrorMessage (FitError.Error)', () => {
  it('prints a PreFilter message once instead of the per-node histogram', () => {
    const d = diagnosis({ node1: ['Node(s) failed PreFilter plugin FalsePreFilter'], node2: ['Node(s) failed PreFilter plugin FalsePreFilter'] }, { preFilterMsg: 'Node(s) failed PreFilter plugin FalsePreFilter' });
    expect(fitErrorMessage(3, d)).toBe('0/3 nodes are available: Node(s) failed PreFilter plugin FalsePreFilter.');
    d.postFilterMsg = 'Error running PostFilter plugin FailedPostFilter';
    expect(fitErrorMessage(3, d)).toBe('0/3 nodes are available: Node(s) failed PreFilter plugin FalsePreFilter. Error running PostFilter plugin FailedPostFilter');
  });

  it('sorts the histogram entries as strings, count first', () => {
    const d = diagnosis({ node1: ['Node(s) failed Filter plugin FalseFilter-1'], node2: ['Node(s) failed Filter plugin FalseFilter-1'], node3: ['Node(s) failed Filter plugin FalseFilter-2'] });
    expect(fitErrorMessage(3, d)).toBe('0/3 nodes are available: 1 Node(s) failed Filter plugin FalseFilter-2, 2 Node(s) failed Filter plugin FalseFilter-1.');
  });

  it('counts every reason of a node, so one node can add to two entries', () => {
    const d = diagnosis({ a: ['Insufficient cpu', 'Insufficient memory'], b: ['Insufficient memory'], c: ["node(s) didn't match Pod's node affinity/selector"] });
    expect(fitErrorMessage(3, d)).toBe("0/3 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector, 2 Insufficient memory.");
  });

  it('charges the absent-node status once per node not in the map', () => {
    const d = diagnosis({ n1: ['Insufficient cpu'] }, { absentStatus: unresolvable("node(s) didn't satisfy plugin(s) [NodeAffinity]") });
    expect(fitErrorMessage(3, d)).toBe("0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].");
  });

  it('appends the PostFilter message without a period of its own', () => {
    const d = diagnosis({ n1: ['Insufficient memory'] }, { postFilterMsg: 'no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.' });
    expect(fitErrorMessage(1, d)).toBe('0/1 nodes are available: 1 Insufficient memory. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.');
  });
});
