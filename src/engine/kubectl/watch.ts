/**
 * The streaming form of runKubectl for the browser console. Commands that keep printing in a
 * real terminal (`get -w`, `events -w`, `logs -f`, `rollout status`, `drain`, `delete` waiting
 * for the objects to go) return their first output at once and then, each time the UI has
 * advanced the cluster, `poll()` returns what kubectl would have printed since. Watch rows are
 * rendered at the virtual instant each change happened.
 *
 * Usage (console):
 *   const s = watchKubectl(cluster, 'get pods -w', io);
 *   print(s.initial.stdout, s.initial.stderr);
 *   // after every cluster.advance(...):
 *   const more = s.poll(); print(more.stdout, more.stderr); if (more.done) s.stop();
 *   // Ctrl-C: s.stop()
 *
 * Every line is run through cluster.kubectl's command log only when the command mutates the
 * cluster (the first run); polling is read-only, so replay stays deterministic.
 */
import type { Cluster, KubectlIO } from '../sim/Cluster';
import type { KubectlResult } from './dispatch';
import { splitShellWords } from './shell';

export interface StreamChunk {
  readonly stdout: string;
  readonly stderr: string;
  /** True when the command has finished; later polls return nothing. */
  readonly done: boolean;
  /** The command's exit code once done. */
  readonly exitCode: number;
}

export interface KubectlStream {
  /** What the command printed right away (a complete result for non-streaming commands). */
  readonly initial: KubectlResult;
  /** False for commands that print everything at once (then `poll` only reports done). */
  readonly streaming: boolean;
  /** Output since the previous poll. */
  poll(): StreamChunk;
  /** Stops the command (Ctrl-C); idempotent. */
  stop(): void;
}

/**
 * Runs a kubectl line for the console, keeping streaming commands open. The line is logged on
 * the cluster like cluster.kubectl (so replays re-run it), but the streaming tail is not.
 */
export function watchKubectl(cluster: Cluster, line: string, io: KubectlIO = {}): KubectlStream {
  const result = cluster.kubectlStreaming(line, io);
  const stream = result.stream;
  let finished = !stream;
  let exitCode = result.exitCode;
  return {
    initial: { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode },
    streaming: Boolean(stream),
    poll(): StreamChunk {
      if (finished || !stream) return { stdout: '', stderr: '', done: true, exitCode };
      const chunk = stream.poll();
      if (chunk.done) {
        finished = true;
        exitCode = chunk.exitCode ?? 0;
        stream.stop();
      }
      return { stdout: chunk.stdout, stderr: chunk.stderr, done: chunk.done, exitCode: chunk.done ? exitCode : 0 };
    },
    stop(): void {
      if (!finished) {
        finished = true;
        stream?.stop();
      }
    },
  };
}

/** Whether a line would keep streaming in a terminal (the console can show a "running" state). */
export function isStreamingCommand(line: string): boolean {
  const words = splitShellWords(line).words;
  if (words[0] === 'kubectl' || words[0] === 'k') words.shift();
  const has = (...flags: string[]) => words.some((w) => flags.some((f) => w === f || w.startsWith(`${f}=`)) && !/=false$/.test(w));
  const command = words.find((w) => !w.startsWith('-'));
  switch (command) {
    case 'get':
      return has('-w', '--watch', '--watch-only');
    case 'events':
      return has('-w', '--watch');
    case 'logs':
      return has('-f', '--follow');
    case 'rollout':
      return words.includes('status') && !words.some((w) => w === '--watch=false' || w === '-w=false');
    case 'drain':
      return true;
    case 'replace':
      return has('--force');
    case 'delete':
      return !words.some((w) => w === '--wait=false');
  }
  return false;
}
