/**
 * Fixture support for controller tests, in the style of sample-controller's controller_test.go: seed a
 * store with frozen objects, run one reconcile, and compare the actions it returns.
 */
import type { KubeObject } from '../../api/types';
import { keyOf } from '../../api/types';
import { ObjectStore } from '../../store/ObjectStore';
import { createRng } from '../../random/Rng';
import { EventRecorder } from '../../events/EventRecorder';
import { isoTime } from '../../clock/VirtualClock';
import type { Action } from '../../sim/actions';
import type { MetricsSource, ReconcileContext } from '../Controller';
import { clone, deepFreeze } from '../../util/clone';

export interface Fixture {
  readonly store: ObjectStore;
  ctx(nowMs?: number): ReconcileContext;
}

const noMetrics: MetricsSource = { podUsage: () => undefined };

let uidCounter = 0;
/** A readable, unique uid for seeded objects (`uid-<name>-<n>`). */
export function testUid(name: string): string {
  return `uid-${name}-${++uidCounter}`;
}

/**
 * A store holding deep-frozen copies of `objects` (uids, resourceVersions and creation timestamps
 * filled in when missing), and contexts reading it at a chosen virtual time.
 */
export function fixture(objects: readonly KubeObject[], options: { nowMs?: number; seed?: number; metrics?: MetricsSource } = {}): Fixture {
  const store = new ObjectStore();
  for (const input of objects) {
    const obj = clone(input);
    obj.metadata = { ...obj.metadata };
    obj.metadata.uid ??= testUid(obj.metadata.name);
    obj.metadata.resourceVersion ??= String(++store.resourceVersion);
    obj.metadata.creationTimestamp ??= isoTime(0);
    store.put(deepFreeze(obj));
  }
  const defaultNowMs = options.nowMs ?? 0;
  return {
    store,
    ctx: (nowMs = defaultNowMs) => ({
      view: store,
      nowMs,
      rng: createRng(options.seed ?? 1).fork('test'),
      metrics: options.metrics ?? noMetrics,
      events: new EventRecorder(),
    }),
  };
}

/** One line per action: `create Pod/default/x`, `update ReplicaSet/default/r`, `delete Pod/default/p`, `event Normal Reason Kind/name: message`. */
export function summarize(actions: readonly Action[] | undefined): string[] {
  return (actions ?? []).map((action) => {
    switch (action.type) {
      case 'create':
        return `create ${keyOf(action.object)}`;
      case 'update':
        return `update ${keyOf(action.object)}`;
      case 'delete':
        return `delete ${action.kind}/${action.namespace ?? ''}/${action.name}${action.options?.propagationPolicy ? ` ${action.options.propagationPolicy}` : ''}`;
      case 'event':
        return `event ${action.event.type} ${action.event.reason} ${action.event.involvedObject.kind}/${action.event.involvedObject.name}: ${action.event.message}`;
    }
  });
}

/** The objects written by create/update actions, by store key (the last write wins). */
export function written(actions: readonly Action[] | undefined): Map<string, KubeObject> {
  const out = new Map<string, KubeObject>();
  for (const action of actions ?? []) if (action.type === 'create' || action.type === 'update') out.set(keyOf(action.object), action.object);
  return out;
}
