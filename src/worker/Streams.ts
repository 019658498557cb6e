import { watchKubectl, type Cluster, type KubectlIO, type KubectlStream } from '../engine/index';

/** Console streams open at once (a forgotten `get -w` per tab is plenty). */
export const STREAMS_MAX = 8;

export interface StreamOutput {
  readonly streamId: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly done: boolean;
  readonly exitCode: number;
}

/**
 * Console commands that keep printing (`kubectl get -w`, `logs -f`, `rollout status`, `delete`
 * waiting): started once, then polled after every frame. Polling is read-only, so replays of the
 * command log stay deterministic.
 */
export class Streams {
  private readonly open = new Map<string, KubectlStream>();

  /** Runs `line`; the stream stays open (under `id`) when the command keeps printing. */
  start(cluster: Cluster, id: string, line: string, io: KubectlIO): { stdout: string; stderr: string; exitCode: number; streamId?: string } {
    const stream = watchKubectl(cluster, line, io);
    const { stdout, stderr, exitCode } = stream.initial;
    if (!stream.streaming) return { stdout, stderr, exitCode };
    if (this.open.size >= STREAMS_MAX) {
      // The oldest stream gives way (its console line already moved on).
      const [oldest, old] = this.open.entries().next().value!;
      old.stop();
      this.open.delete(oldest);
    }
    this.open.set(id, stream);
    return { stdout, stderr, exitCode, streamId: id };
  }

  /** New output of every open stream but `hold` (finished ones are closed and reported once with done). */
  poll(hold?: string): StreamOutput[] {
    const out: StreamOutput[] = [];
    for (const [streamId, stream] of this.open) {
      if (streamId === hold) continue;
      const chunk = stream.poll();
      if (chunk.done) this.open.delete(streamId);
      if (chunk.stdout !== '' || chunk.stderr !== '' || chunk.done) out.push({ streamId, stdout: chunk.stdout, stderr: chunk.stderr, done: chunk.done, exitCode: chunk.exitCode });
    }
    return out;
  }

  /** Ctrl+C: stops the stream and returns its final message (undefined when it is not open). */
  stop(streamId: string): StreamOutput | undefined {
    const stream = this.open.get(streamId);
    if (!stream) return undefined;
    stream.stop();
    this.open.delete(streamId);
    return { streamId, stdout: '', stderr: '', done: true, exitCode: 130 };
  }

  /** Closes everything (the cluster is being replaced); returns the final messages. */
  stopAll(): StreamOutput[] {
    return [...this.open.keys()].map((id) => this.stop(id)!);
  }

  get size(): number {
    return this.open.size;
  }
}
