import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clone, cloneShared, deepEqual, shareEqual } from './clone';

/** The allocation-heavy definition deepEqual replaced (undefined properties count as absent). */
function referenceDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => referenceDeepEqual(v, (b as unknown[])[i]));
  const defined = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  const ak = defined(a), bk = defined(b);
  return ak.length === bk.length && ak.every((k) => referenceDeepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

describe('deepEqual', () => {
  const value = fc.letrec((tie) => ({
    leaf: fc.oneof(fc.constantFrom(0, 1, 'a', 'b', true, null, undefined)),
    node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('x', 'y', 'z'), tie('node'), { maxKeys: 3 })),
  })).node;

  it('agrees with the reference definition, including on near-copies', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(deepEqual(a, b)).toBe(referenceDeepEqual(a, b));
        expect(deepEqual(a, clone(a))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('treats undefined properties as absent', () => {
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(deepEqual({ a: undefined }, { b: undefined })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1, c: 2 })).toBe(false);
  });
});

describe('shareEqual', () => {
  it('returns prev for equal data and shares equal subtrees otherwise', () => {
    const prev = { spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }] }], nodeName: undefined }, status: { phase: 'Pending' } };
    expect(shareEqual(clone(prev), prev)).toBe(prev);
    const next = clone(prev) as { spec: { containers: unknown[]; nodeName?: string }; status: { phase: string } };
    next.status.phase = 'Running';
    const shared = shareEqual(next, prev);
    expect(shared).toBe(next);
    expect(shared.spec).toBe(prev.spec);
    expect(shared.status).not.toBe(prev.status);
    expect(shared).toEqual({ ...prev, status: { phase: 'Running' } });
  });

  it('keeps the result deepEqual to next for random pairs (fast-check)', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    fc.assert(fc.property(json, json, (a, b) => {
      const next = clone(a);
      const expected = clone(a);
      const shared = shareEqual(next, b);
      expect(deepEqual(shared, expected)).toBe(true);
      expect(shared === b).toBe(deepEqual(a, b));
    }), { numRuns: 500 });
  });

  it('shares array elements and notices length changes', () => {
    const prev = { list: [{ a: 1 }, { b: 2 }] };
    const next = { list: [{ a: 1 }, { b: 2 }, { c: 3 }] };
    const shared = shareEqual(next, prev);
    expect(shared).toBe(next);
    expect(shared.list[0]).toBe(prev.list[0]);
    expect(shareEqual({ list: [{ a: 1 }] }, prev).list[0]).toBe(prev.list[0]);
  });
});

describe('cloneShared', () => {
  it('equals clone(next), is prev exactly when equal, and never aliases next (fast-check)', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    fc.assert(fc.property(json, json, fc.boolean(), (a, b, embed) => {
      // Half the time next carries one of prev's subtrees by reference, as a status write does.
      const prev = embed && a !== null && typeof a === 'object' && !Array.isArray(a) ? { ...(b as object), shared: a } : b;
      const next = embed && a !== null && typeof a === 'object' && !Array.isArray(a) ? { ...(clone(b) as object), shared: a } : clone(a);
      const out = cloneShared(next, prev);
      expect(deepEqual(out, next)).toBe(true);
      expect(out === prev).toBe(deepEqual(next, prev));
      if (out !== prev && out !== null && typeof out === 'object') expect(out).not.toBe(next);
    }), { numRuns: 500 });
  });

  it('reuses the unchanged subtrees of prev', () => {
    const prev = { spec: { containers: [{ name: 'a' }] }, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled' }] } };
    const next = { spec: prev.spec, status: { phase: 'Running', conditions: [{ type: 'PodScheduled' }] } };
    const out = cloneShared(next, prev);
    expect(out.spec).toBe(prev.spec);
    expect(out.status.conditions).toBe(prev.status.conditions);
    expect(out.status).not.toBe(prev.status);
  });
});
