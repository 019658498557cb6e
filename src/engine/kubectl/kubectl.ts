/**
 * Podlab's kubectl: one implementation for the browser console, the CLI and tests.
 *
 * - runKubectl(cluster, line, io): runs a command line and returns its output; streaming
 *   commands (`get -w`, `logs -f`, `rollout status`, `events -w`, `drain`) return what kubectl
 *   prints before it starts waiting.
 * - watchKubectl(cluster, line, io): the streaming form for the console (./watch.ts).
 * - completeKubectl(cluster, partialLine): tab-completion candidates (./complete.ts).
 */
import type { Cluster, KubectlIO } from '../sim/Cluster';
import { dispatch, type DispatchResult, type KubectlResult } from './dispatch';

export type { KubectlResult } from './dispatch';
export type StreamingKubectlResult = DispatchResult;

export function runKubectl(cluster: Cluster, line: string, io: KubectlIO): KubectlResult {
  const { stdout, stderr, exitCode } = dispatch(cluster, line, io);
  return { stdout, stderr, exitCode };
}

/** Like runKubectl, but a streaming command leaves `stream` open; used by Cluster.kubectlStreaming. */
export function runKubectlStreaming(cluster: Cluster, line: string, io: KubectlIO): StreamingKubectlResult {
  return dispatch(cluster, line, io, true);
}

export { watchKubectl, isStreamingCommand, type KubectlStream, type StreamChunk } from './watch';
export { completeKubectl, type Completion } from './complete';
