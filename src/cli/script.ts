import type { Cluster } from '../engine/index';

/** Parses `90s`, `5m`, `1h30m`, `1500ms` or a bare number of seconds into milliseconds. */
export function parseDurationMs(text: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let total = 0;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(trimmed))) {
    const value = Number(match[1]);
    total += match[2] === 'ms' ? value : match[2] === 's' ? value * 1000 : match[2] === 'm' ? value * 60_000 : value * 3_600_000;
    consumed += match[0].length;
  }
  if (consumed !== trimmed.length || consumed === 0) throw new Error(`invalid duration "${text}" (use e.g. 90s, 5m, 1h30m, 1500ms)`);
  return Math.round(total);
}

export interface ScriptIO {
  readonly files: Readonly<Record<string, string>>;
  readonly write: (text: string) => void;
}

/**
 * Runs a Podlab script: one command per line — `kubectl …` (the `kubectl`/`k` prefix is optional),
 * `advance <duration>`, `# comments`. Inline manifests for `kubectl apply -f -` go between the
 * command line and a line with only `EOF` (a here-document). Returns the number of failed commands.
 */
export function runScript(cluster: Cluster, script: string, io: ScriptIO): number {
  const lines = script.split(/\r?\n/);
  let failures = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    let stdin: string | undefined;
    let command = line;
    const heredoc = /<<\s*'?EOF'?\s*$/.exec(command);
    if (heredoc) {
      command = command.slice(0, heredoc.index).trim();
      const body: string[] = [];
      while (++i < lines.length && lines[i].trim() !== 'EOF') body.push(lines[i]);
      stdin = body.join('\n') + '\n';
    }
    io.write(`$ ${command}\n`);
    const advance = /^(?:advance|sleep|wait)\s+(.+)$/.exec(command);
    if (advance) {
      try {
        cluster.advance(parseDurationMs(advance[1]));
        io.write(`(virtual time is now ${formatClock(cluster.now())})\n`);
      } catch (error) {
        failures++;
        io.write(`error: ${(error as Error).message}\n`);
      }
      continue;
    }
    const kubectlLine = command.replace(/^(kubectl|k)\s+/, '');
    const result = cluster.kubectl(kubectlLine, { stdin, files: io.files });
    io.write(result.stdout);
    io.write(result.stderr);
    if (result.exitCode !== 0) failures++;
  }
  return failures;
}

export function formatClock(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const h = Math.floor(totalSeconds / 3600), m = Math.floor((totalSeconds % 3600) / 60), s = totalSeconds % 60;
  return `${h}h${String(m).padStart(2, '0')}m${String(s).padStart(2, '0')}s`;
}
