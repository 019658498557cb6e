import type { KubeObject } from '../../api/types';
import { keyOf } from '../../api/types';
import type { Action, DeleteOptions } from '../../sim/actions';
import type { EventInput } from '../../events/EventRecorder';
import { clone, deepEqual } from '../../util/clone';

type Op =
  | { readonly type: 'action'; readonly action: Action }
  | { readonly type: 'update'; readonly key: string };

/**
 * Collects one reconcile's writes in the order the real controller issues them. A controller that
 * changes the same object several times in one pass (status, then annotations, then status again)
 * edits one working copy; its single update is emitted where it was first edited, carrying the
 * stored resourceVersion so the write stays an optimistic-concurrency update.
 */
export class Changes {
  private readonly ops: Op[] = [];
  private readonly trailing: Op[] = [];
  private readonly originals = new Map<string, KubeObject>();
  private readonly working = new Map<string, KubeObject>();
  /** Objects created in this pass: editing one changes what the create writes. */
  private readonly created = new Map<string, KubeObject>();

  /**
   * A mutable working copy of a stored object; later calls return the same copy. `atEnd` emits its
   * update after everything else (a controller's closing status write).
   */
  edit<T extends KubeObject>(stored: T, atEnd = false): T {
    const key = keyOf(stored);
    const fresh = this.created.get(key);
    if (fresh) return fresh as T;
    const existing = this.working.get(key);
    if (existing) return existing as T;
    const copy = clone(stored);
    this.originals.set(key, stored);
    this.working.set(key, copy);
    if (atEnd) this.trailing.push({ type: 'update', key });
    else this.ops.push({ type: 'update', key });
    return copy;
  }

  /** The working copy if this pass edited the object, else the stored one. */
  current<T extends KubeObject>(stored: T): T {
    const key = keyOf(stored);
    return ((this.created.get(key) ?? this.working.get(key)) as T | undefined) ?? stored;
  }

  /** Records a create; the object stays editable (through `edit`) until `actions()` is called. */
  create<T extends KubeObject>(object: T): T {
    if (object.metadata.name) this.created.set(keyOf(object), object);
    this.ops.push({ type: 'action', action: { type: 'create', object } });
    return object;
  }

  delete(kind: string, namespace: string | undefined, name: string, options?: DeleteOptions): void {
    this.ops.push({ type: 'action', action: { type: 'delete', kind, namespace, name, options } });
  }

  event(event: EventInput): void {
    this.ops.push({ type: 'action', action: { type: 'event', event } });
  }

  get size(): number {
    return this.ops.length + this.trailing.length;
  }

  /** The writes, with unchanged working copies dropped. */
  actions(): Action[] {
    const out: Action[] = [];
    for (const op of [...this.ops, ...this.trailing]) {
      if (op.type === 'action') {
        out.push(op.action);
        continue;
      }
      const copy = this.working.get(op.key)!;
      if (!deepEqual(copy, this.originals.get(op.key))) out.push({ type: 'update', object: copy });
    }
    return out;
  }
}
