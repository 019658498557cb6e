import type { KubeObject } from '../api/types';
import { DEFAULT_NODES, newNode, type NodeConfig } from '../api/node';
import { Simulation } from './Simulation';
import { createControllers } from '../controllers/registry';
import { applyManifest, type ApplyOptions, type ApplyResult } from '../apiserver/apply';
import type { EventRecord } from '../events/EventRecorder';
import type { DeleteOptions } from './actions';
import type { ApiError } from '../apiserver/errors';
import { runKubectl, runKubectlStreaming, type KubectlResult, type StreamingKubectlResult } from '../kubectl/kubectl';
import { stableStringify } from '../util/clone';
import { MAX_ADVANCE_MS } from './limits';

export interface ClusterConfig {
  /** Seed for every random choice (names, uids, tie-breaks, jitter). Default 1. */
  readonly seed?: number;
  /** Nodes to create; default three workers with 4 CPU, 8Gi and 110 pods each. */
  readonly nodes?: readonly NodeConfig[];
  /** Freeze stored objects (tests): a controller that mutates the store throws. */
  readonly freezeObjects?: boolean;
  readonly checkInvariants?: (sim: Simulation) => void;
}

/** External inputs, in order, with the virtual time they arrived: the replayable command log. */
export type Command =
  | { readonly type: 'apply'; readonly text: string; readonly options?: ApplyOptions }
  | { readonly type: 'delete'; readonly kind: string; readonly name: string; readonly namespace?: string; readonly options?: DeleteOptions }
  | { readonly type: 'kubectl'; readonly line: string; readonly stdin?: string; readonly files?: Readonly<Record<string, string>> }
  | { readonly type: 'advance'; readonly ms: number };

export interface LoggedCommand {
  readonly atMs: number;
  readonly command: Command;
}

export interface KubectlIO {
  /** Text for `-f -`. */
  readonly stdin?: string;
  /** Named buffers `-f name` can read (the editor's files in the browser, files on disk in the CLI). */
  readonly files?: Readonly<Record<string, string>>;
}

export interface ClusterSnapshot {
  readonly nowMs: number;
  readonly resourceVersion: number;
  readonly objects: readonly KubeObject[];
  readonly events: readonly EventRecord[];
}

/**
 * The public face of the engine: a simulated cluster you apply manifests to, advance in time and
 * talk to with kubectl. Every input is logged, so seed + config + log replays the same cluster.
 */
export class Cluster {
  readonly sim: Simulation;
  readonly seed: number;
  readonly nodeConfigs: readonly NodeConfig[];
  private readonly log: LoggedCommand[] = [];

  constructor(config: ClusterConfig = {}) {
    this.seed = config.seed ?? 1;
    this.nodeConfigs = config.nodes ?? DEFAULT_NODES;
    this.sim = new Simulation({ seed: this.seed, controllers: createControllers(), freezeObjects: config.freezeObjects, checkInvariants: config.checkInvariants });
    for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      this.sim.writer.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    }
    this.nodeConfigs.forEach((nodeConfig, index) => this.sim.writer.create(newNode(nodeConfig, index, 0)));
    this.sim.start();
  }

  apply(text: string, options?: ApplyOptions): ApplyResult {
    this.record({ type: 'apply', text, options });
    return applyManifest(this.sim, text, options);
  }

  /** Deletes like `kubectl delete` (background cascade unless told otherwise). */
  delete(kind: string, name: string, namespace?: string, options: DeleteOptions = {}): KubeObject | ApiError | undefined {
    this.record({ type: 'delete', kind, name, namespace, options });
    const result = this.sim.write({ type: 'delete', kind, namespace, name, options: { propagationPolicy: 'Background', ...options } }, 'kubectl');
    this.sim.drain();
    return result;
  }

  /**
   * Advances virtual time. User input never throws here: a negative or NaN duration does nothing
   * (and is not logged), an infinite or huge one is capped at MAX_ADVANCE_MS per call.
   */
  advance(ms: number): void {
    if (Number.isNaN(ms) || ms < 0) return;
    this.advanceBy(Math.round(Math.min(ms, MAX_ADVANCE_MS)));
  }

  /** Logs and runs an already-capped advance (replay runs folded advances uncapped, as logged). */
  private advanceBy(ms: number): void {
    this.record({ type: 'advance', ms });
    this.sim.runUntil(this.now() + ms);
  }

  now(): number {
    return this.sim.nowMs();
  }

  kubectl(line: string, io: KubectlIO = {}): KubectlResult {
    this.record({ type: 'kubectl', line, stdin: io.stdin, files: io.files });
    return runKubectl(this, line, io);
  }

  /**
   * kubectl for the browser console: logged like kubectl(), but a streaming command (`get -w`,
   * `logs -f`, `rollout status` …) keeps a stream open. Use through kubectl/watch.ts watchKubectl.
   */
  kubectlStreaming(line: string, io: KubectlIO = {}): StreamingKubectlResult {
    this.record({ type: 'kubectl', line, stdin: io.stdin, files: io.files });
    return runKubectlStreaming(this, line, io);
  }

  events(): EventRecord[] {
    return this.sim.events.list();
  }

  commandLog(): readonly LoggedCommand[] {
    return this.log;
  }

  /** Plain data for the UI, share links and determinism checks: objects sorted by kind/namespace/name. */
  snapshot(): ClusterSnapshot {
    const objects = this.sim.store.all().sort((a, b) => compareKeys(a, b));
    return { nowMs: this.now(), resourceVersion: this.sim.store.resourceVersion, objects, events: this.events() };
  }

  /** A byte-stable text of the whole state, for "same seed ⇒ same run" checks. */
  fingerprint(): string {
    return stableStringify(this.snapshot());
  }

  /** Re-runs a command (used by replay and the worker); does not log it twice. */
  replay(command: Command): void {
    switch (command.type) {
      case 'apply':
        this.apply(command.text, command.options);
        return;
      case 'delete':
        this.delete(command.kind, command.name, command.namespace, command.options);
        return;
      case 'kubectl':
        this.kubectl(command.line, { stdin: command.stdin, files: command.files });
        return;
      case 'advance':
        if (Number.isFinite(command.ms) && command.ms >= 0) this.advanceBy(Math.round(command.ms));
        return;
    }
  }

  private record(command: Command): void {
    const last = this.log[this.log.length - 1];
    // Consecutive advances fold into one: running to T in one go or in frames gives the same state.
    if (command.type === 'advance' && last?.command.type === 'advance') {
      this.log[this.log.length - 1] = { atMs: last.atMs, command: { type: 'advance', ms: last.command.ms + command.ms } };
      return;
    }
    this.log.push({ atMs: this.now(), command });
  }
}

function compareKeys(a: KubeObject, b: KubeObject): number {
  const ka = `${a.kind}/${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.kind}/${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Rebuilds a cluster from its seed, nodes and command log, up to the same moment. */
export function replayCluster(config: ClusterConfig, log: readonly LoggedCommand[]): Cluster {
  const cluster = new Cluster(config);
  for (const entry of log) {
    if (entry.atMs > cluster.now()) cluster.sim.advance(entry.atMs - cluster.now());
    cluster.replay(entry.command);
  }
  return cluster;
}
