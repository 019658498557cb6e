import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KubeObject, OwnerReference, Pod, Typed } from '../api/types';
import { NOTHING, parseSelector } from '../api/labels';
import { ObjectStore } from './ObjectStore';

const NAMESPACES = ['default', 'team'] as const;
const OWNERS = ['rs-a', 'rs-b', 'ds-c'] as const;

function ownerRef(owner: string, controller: boolean): OwnerReference {
  return { apiVersion: 'apps/v1', kind: owner.startsWith('ds') ? 'DaemonSet' : 'ReplicaSet', name: owner, uid: `uid-${owner}`, controller, blockOwnerDeletion: true };
}

function pod(name: string, namespace: string, labels: Record<string, string>, refs: OwnerReference[], rv: number, nodeName?: string): Typed<Pod> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: `uid-${namespace}-${name}`, resourceVersion: String(rv), labels, ...(refs.length ? { ownerReferences: refs } : {}) },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...(nodeName ? { nodeName } : {}) },
  } as Typed<Pod>;
}

type Op =
  | { readonly t: 'put'; readonly name: number; readonly ns: number; readonly label: number; readonly tier: number | null; readonly controller: number | null; readonly extraOwner: number | null; readonly node: number | null }
  | { readonly t: 'remove'; readonly name: number; readonly ns: number }
  | { readonly t: 'secret'; readonly name: number; readonly controller: number | null };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('put' as const), name: fc.nat(7), ns: fc.nat(1), label: fc.nat(2), tier: fc.option(fc.nat(1)), controller: fc.option(fc.nat(2)), extraOwner: fc.option(fc.nat(2)), node: fc.option(fc.nat(1)) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('remove' as const), name: fc.nat(7), ns: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('secret' as const), name: fc.nat(2), controller: fc.option(fc.nat(2)) }) },
);

const controllerUid = (obj: KubeObject) => obj.metadata.ownerReferences?.find((r) => r.controller === true)?.uid;
const names = (objs: readonly KubeObject[]) => objs.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`);

const SELECTORS = ['app=l0', 'app in (l0,l2)', 'app=l1,tier=t0', 'tier in (t0,t1),app!=l2', 'tier!=t1', 'tier', '!tier', '', 'app=nobody'].map(parseSelector);

/** The indexes must read exactly like filtering list(), in list() (insertion) order. */
function expectIndexesMatchList(store: ObjectStore): void {
  expect(store.indexSignature()).toBe(store.rebuilt().indexSignature());
  for (const kind of ['Pod', 'Secret']) {
    for (const selector of SELECTORS) expect(names(store.selecting(kind, undefined, selector))).toEqual(names(store.list(kind).filter((o) => selector.matches(o.metadata.labels))));
    for (const ns of NAMESPACES) {
      const all = store.list(kind, ns);
      for (const selector of SELECTORS) {
        expect(names(store.selecting(kind, ns, selector))).toEqual(names(all.filter((o) => selector.matches(o.metadata.labels))));
        expect(names(store.orphansSelecting(kind, ns, selector))).toEqual(names(all.filter((o) => controllerUid(o) === undefined && selector.matches(o.metadata.labels))));
      }
      expect(store.selecting(kind, ns, NOTHING)).toEqual([]);
      expect(store.orphansSelecting(kind, ns, NOTHING)).toEqual([]);
      expect(names(store.orphans(kind, ns))).toEqual(names(all.filter((o) => controllerUid(o) === undefined)));
      for (const owner of OWNERS) {
        const uid = `uid-${owner}`;
        expect(names(store.controlledBy(kind, ns, uid))).toEqual(names(all.filter((o) => controllerUid(o) === uid)));
        expect(names(store.controlledByOrOrphans(kind, ns, uid))).toEqual(names(all.filter((o) => controllerUid(o) === uid || controllerUid(o) === undefined)));
      }
    }
  }
}

describe('ObjectStore control and label indexes', () => {
  it('match a filter of list() (same order) and a rebuild under random create/relabel/adopt/release/delete', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), (ops) => {
        const store = new ObjectStore();
        let rv = 0;
        for (const op of ops) {
          const writesBefore = store.writeCount;
          if (op.t === 'put') {
            const refs: OwnerReference[] = [];
            if (op.extraOwner !== null) refs.push(ownerRef(OWNERS[op.extraOwner], false));
            if (op.controller !== null && op.controller !== op.extraOwner) refs.push(ownerRef(OWNERS[op.controller], true));
            store.put(pod(`p${op.name}`, NAMESPACES[op.ns], { app: `l${op.label}`, ...(op.tier === null ? {} : { tier: `t${op.tier}` }) }, refs, ++rv, op.node === null ? undefined : `node-${op.node}`));
            expect(store.writeCount).toBe(writesBefore + 1);
          } else if (op.t === 'remove') {
            const existing = store.get('Pod', NAMESPACES[op.ns], `p${op.name}`);
            store.remove(pod(`p${op.name}`, NAMESPACES[op.ns], {}, [], 0));
            expect(store.writeCount).toBe(writesBefore + (existing ? 1 : 0));
          } else {
            const refs = op.controller === null ? [] : [ownerRef(OWNERS[op.controller], true)];
            store.put({ apiVersion: 'v1', kind: 'Secret', metadata: { name: `s${op.name}`, namespace: 'default', uid: `uid-s${op.name}`, ...(refs.length ? { ownerReferences: refs } : {}) } });
          }
          expectIndexesMatchList(store);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a re-adopted object at its original list() position', () => {
    const store = new ObjectStore();
    store.put(pod('a', 'default', {}, [ownerRef('rs-a', true)], 1));
    store.put(pod('b', 'default', {}, [ownerRef('rs-a', true)], 2));
    store.put(pod('c', 'default', {}, [ownerRef('rs-a', true)], 3));
    store.put(pod('a', 'default', {}, [], 4)); // released
    expect(names(store.orphans('Pod', 'default'))).toEqual(['Pod/default/a']);
    store.put(pod('a', 'default', {}, [ownerRef('rs-a', true)], 5)); // adopted again
    expect(names(store.controlledBy('Pod', 'default', 'uid-rs-a'))).toEqual(['Pod/default/a', 'Pod/default/b', 'Pod/default/c']);
    store.remove(pod('b', 'default', {}, [], 0));
    store.put(pod('b', 'default', {}, [ownerRef('rs-a', true)], 6)); // recreated: goes last, as in list()
    expect(names(store.controlledBy('Pod', 'default', 'uid-rs-a'))).toEqual(['Pod/default/a', 'Pod/default/c', 'Pod/default/b']);
    expect(names(store.controlledBy('Pod', 'default', 'uid-rs-a'))).toEqual(names(store.list('Pod', 'default')));
  });
});
