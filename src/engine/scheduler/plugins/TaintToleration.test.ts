import { describe, expect, it } from 'vitest';
import { makeNode, makePod, runFilter, runScores } from '../testFixtures';
import { ERR_REASON_UNTOLERATED, TaintToleration } from './TaintToleration';

describe('TaintToleration filter', () => {
  const tainted = makeNode('n1', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] });
  it('rejects an untolerated NoSchedule taint with the 1.35 text', () => {
    expect(runFilter(TaintToleration, makePod('p'), 'n1', [tainted])).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint(s)'] });
    expect(ERR_REASON_UNTOLERATED).toBe('node(s) had untolerated taint(s)');
  });
  it('admits a pod with a matching toleration', () => {
    expect(runFilter(TaintToleration, makePod('p', { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] }), 'n1', [tainted])).toBeUndefined();
    expect(runFilter(TaintToleration, makePod('p', { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'cpu', effect: 'NoSchedule' }] }), 'n1', [tainted])).toBeDefined();
  });
  it('rejects untolerated NoExecute taints and ignores PreferNoSchedule', () => {
    expect(runFilter(TaintToleration, makePod('p'), 'n', [makeNode('n', { taints: [{ key: 'k', effect: 'NoExecute' }] })])).toBeDefined();
    expect(runFilter(TaintToleration, makePod('p'), 'n', [makeNode('n', { taints: [{ key: 'k', effect: 'PreferNoSchedule' }] })])).toBeUndefined();
  });
});

describe('TaintToleration score', () => {
  it('prefers nodes with fewer untolerated PreferNoSchedule taints (reverse-normalised)', () => {
    const nodes = [
      makeNode('clean'),
      makeNode('one', { taints: [{ key: 'a', effect: 'PreferNoSchedule' }] }),
      makeNode('two', { taints: [{ key: 'a', effect: 'PreferNoSchedule' }, { key: 'b', effect: 'PreferNoSchedule' }] }),
    ];
    expect(runScores(TaintToleration, makePod('p'), ['clean', 'one', 'two'], nodes)).toEqual({ clean: 100, one: 50, two: 0 });
    const tolerant = makePod('t', { tolerations: [{ key: 'a', operator: 'Exists', effect: 'PreferNoSchedule' }] });
    expect(runScores(TaintToleration, tolerant, ['clean', 'one', 'two'], nodes)).toEqual({ clean: 100, one: 100, two: 0 });
  });
  it('gives every node 100 when none has such taints', () => {
    expect(runScores(TaintToleration, makePod('p'), ['a', 'b'], [makeNode('a'), makeNode('b')])).toEqual({ a: 100, b: 100 });
  });
});
