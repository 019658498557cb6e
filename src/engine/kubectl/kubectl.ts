import type { Cluster, KubectlIO } from '../sim/Cluster';

export interface KubectlResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/**
 * Runs one kubectl command line against the simulated cluster. The full command set lives in this
 * folder; this entry point is shared by the browser console, the CLI and tests.
 */
export function runKubectl(cluster: Cluster, line: string, io: KubectlIO): KubectlResult {
  const words = line.trim().split(/\s+/);
  if (words[0] === 'kubectl') words.shift();
  if (words[0] === 'apply' && words[1] === '-f' && words[2] === '-') {
    const result = cluster.apply(io.stdin ?? '', { fileName: 'STDIN' });
    const stdout = result.applied.map((a) => `${a.kind.toLowerCase()}/${a.name} ${a.outcome}\n`).join('');
    const stderr = result.errors.map((e) => e.message + '\n').join('');
    return { stdout, stderr, exitCode: result.errors.length > 0 ? 1 : 0 };
  }
  return { stdout: '', stderr: `error: unknown command "${words[0] ?? ''}" for "kubectl"\n`, exitCode: 1 };
}
