/**
 * A scripted kubectl session for golden tests: run lines against a seeded cluster, let virtual
 * time pass, and collect one transcript (the command, its stdout verbatim, stderr and a non-zero
 * exit code marked) that a test compares byte for byte with a file under __golden__/.
 */
import { createCluster } from '../index';
import type { Cluster, ClusterConfig } from '../sim/Cluster';
import { watchKubectl, type KubectlStream } from './watch';
import { runKubectl } from './kubectl';
import { goDuration } from './duration';

export class KubectlSession {
  readonly cluster: Cluster;
  readonly files: Record<string, string> = {};
  private text = '';

  constructor(config: ClusterConfig = {}) {
    this.cluster = createCluster({ seed: 1, ...config });
  }

  /** Adds an editor buffer `-f <name>` can read. */
  file(name: string, content: string): this {
    this.files[name] = content;
    return this;
  }

  /** Runs `kubectl <line>` and records it; returns stdout for further checks. */
  run(line: string, stdin?: string): { stdout: string; stderr: string; exitCode: number } {
    const result = this.cluster.kubectl(line, { files: this.files, stdin });
    this.record(line, result.stdout, result.stderr, result.exitCode, stdin);
    return result;
  }

  /** Starts a streaming command (get -w, logs -f, rollout status …); poll it with `follow`. */
  stream(line: string): KubectlStream {
    const s = watchKubectl(this.cluster, line, { files: this.files });
    this.record(line, s.initial.stdout, s.initial.stderr, s.streaming ? 0 : s.initial.exitCode);
    return s;
  }

  /** Advances time in steps, recording what the stream printed after each; stops it at the end unless done. */
  follow(s: KubectlStream, totalMs: number, stepMs = 1000): void {
    for (let elapsed = 0; elapsed < totalMs; elapsed += stepMs) {
      this.cluster.advance(Math.min(stepMs, totalMs - elapsed));
      const chunk = s.poll();
      this.text += chunk.stdout;
      if (chunk.stderr) this.text += chunk.stderr.replace(/^(?=.)/gm, '! ');
      if (chunk.done) {
        if (chunk.exitCode !== 0) this.text += `[exit ${chunk.exitCode}]\n`;
        this.text += `[stream ended after ${goDuration(elapsed + Math.min(stepMs, totalMs - elapsed))}]\n`;
        return;
      }
    }
    s.stop();
    this.text += `^C\n`;
  }

  /**
   * Lets time pass in steps until `line` prints something `until` accepts, then records the wait
   * and that one run. Returns undefined (recording nothing) when it never does within maxMs.
   */
  waitFor(line: string, until: (stdout: string) => boolean, maxMs: number, stepMs = 1000): string | undefined {
    const startMs = this.cluster.now();
    while (this.cluster.now() - startMs < maxMs) {
      this.cluster.advance(stepMs);
      const probe = runKubectl(this.cluster, line, { files: this.files });
      if (until(probe.stdout)) {
        this.text += `# ${goDuration(this.cluster.now() - startMs)} later\n`;
        return this.run(line).stdout;
      }
    }
    return undefined;
  }

  advance(ms: number): this {
    this.cluster.advance(ms);
    this.text += `# ${goDuration(ms)} later\n`;
    return this;
  }

  /** A free-form note in the transcript. */
  note(text: string): this {
    this.text += `# ${text}\n`;
    return this;
  }

  transcript(): string {
    return this.text;
  }

  private record(line: string, stdout: string, stderr: string, exitCode: number, stdin?: string): void {
    this.text += `$ kubectl ${line}\n`;
    if (stdin !== undefined) this.text += stdin.replace(/^/gm, '< ').replace(/< $/, '') + (stdin.endsWith('\n') ? '' : '\n');
    this.text += stdout;
    // stderr lines are marked so a golden shows which stream a line went to.
    if (stderr) this.text += stderr.replace(/^(?=.)/gm, '! ') + (stderr.endsWith('\n') ? '' : '\n');
    if (exitCode !== 0) this.text += `[exit ${exitCode}]\n`;
  }
}
