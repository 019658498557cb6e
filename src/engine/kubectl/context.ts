/**
 * What a kubectl command sees while it runs: the cluster, the effective namespace, the editor's
 * files and stdin, and the two output streams. Mutations go through the simulation's single
 * writer as actor "kubectl" and are drained before the command returns, like a synchronous
 * request to the apiserver followed by the controllers reacting.
 */
import type { Cluster, KubectlIO } from '../sim/Cluster';
import type { Simulation } from '../sim/Simulation';
import type { Action } from '../sim/actions';
import type { KubeObject } from '../api/types';
import { type ApiError } from '../apiserver/errors';

export const KUBECTL_ACTOR = 'kubectl';

/** More output a streaming command (get -w, logs -f, rollout status …) produces as time passes. */
export interface Streamer {
  /** Output since the last poll; `done` once the command would have returned. */
  poll(): { stdout: string; stderr: string; done: boolean; exitCode?: number };
  /** Ends the stream (Ctrl-C) and releases any cluster subscription. */
  stop(): void;
}

export class KubectlContext {
  stdout = '';
  stderr = '';
  exitCode = 0;
  /** Set by a command that keeps producing output when run through watchKubectl. */
  stream: Streamer | undefined;

  constructor(
    readonly cluster: Cluster,
    readonly io: KubectlIO,
    /** -n / --namespace, or "default". */
    readonly namespace: string,
    /** True when the user passed -n (kubectl's enforceNamespace). */
    readonly explicitNamespace: boolean,
    /** True under watchKubectl: streaming commands may subscribe to the cluster. */
    readonly streaming = false,
  ) {}

  get sim(): Simulation {
    return this.cluster.sim;
  }

  nowMs(): number {
    return this.cluster.sim.nowMs();
  }

  out(text: string): void {
    this.stdout += text;
  }

  err(text: string): void {
    this.stderr += text;
  }

  /** Records a failure without stopping the command (kubectl's aggregated errors). */
  failed(text: string): void {
    this.stderr += text;
    this.exitCode = 1;
  }

  /** One apiserver write on behalf of kubectl; API errors come back as values. */
  write(action: Action): KubeObject | ApiError | undefined {
    return this.sim.write(action, KUBECTL_ACTOR);
  }

  /** Lets controllers react to the writes of this command at the current instant. */
  settle(): void {
    this.sim.drain();
  }
}
