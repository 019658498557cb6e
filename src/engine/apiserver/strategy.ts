import type { KubeObject } from '../api/types';
import type { FieldError } from './errors';
import type { StoreView } from '../store/ObjectStore';

/**
 * Per-kind apiserver behaviour, like pkg/registry/<group>/<kind>/strategy.go: defaulting
 * (SetDefaults_*), validation on create and on update, and what an update may change.
 */
export interface KindStrategy {
  readonly kind: string;
  /**
   * Converts, in place, a manifest written in an older wire version (`fromApiVersion`, e.g.
   * autoscaling/v1) to the stored version's shape. Runs before defaults; apply.ts calls it.
   */
  convert?(obj: KubeObject, fromApiVersion: string): void;
  /** Fills in defaults in place, as the apiserver does before validation. */
  defaults(obj: KubeObject): void;
  validate(obj: KubeObject, view: StoreView): FieldError[];
  /** Extra checks when replacing `old` (immutable fields). */
  validateUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
  /** Fields the manifest may not set and the server keeps (status, nodeName…), copied from old on update. */
  prepareForUpdate?(obj: KubeObject, old: KubeObject): void;
  /** Manifest fields Podlab reads but does not simulate, reported as warnings (path → note). */
  unsimulatedFields?(obj: KubeObject): { path: string; note: string }[];
}

const strategies = new Map<string, KindStrategy>();

export function registerStrategy(strategy: KindStrategy): void {
  strategies.set(strategy.kind, strategy);
}

export function strategyFor(kind: string): KindStrategy | undefined {
  return strategies.get(kind);
}
