/**
 * From a console line to a command run: shell word splitting, cobra-style command lookup
 * (flags may come before the command), pflag parsing, global flags, and kubectl's error
 * reporting (stderr text, exit code 1).
 */
import type { Cluster, KubectlIO } from '../sim/Cluster';
import { GLOBAL_FLAGS, type Command } from './command';
import { KubectlContext, type Streamer } from './context';
import { KubectlError, errorText, usageError } from './errors';
import { parseFlags, type Flags } from './flags';
import { splitShellWords } from './shell';
import { COMMANDS } from './commands';
import { commandHelp, rootHelp } from './help';
import { contextNamespace } from './kubeconfig';

export interface KubectlResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** Global flags that consume the next word when given without `=`. */
const VALUE_GLOBALS = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => (f.short ? [`--${f.name}`, `-${f.short}`] : [`--${f.name}`])));

/** Suggestions for a mistyped command (cobra SuggestionsFor: edit distance ≤ 2 or a prefix). */
const SUGGEST_FOR: Record<string, string[]> = { get: ['list', 'ps'], delete: ['rm'] };

function levenshtein(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

function suggestions(typed: string, commands: readonly Command[]): string[] {
  const lower = typed.toLowerCase();
  return commands
    .filter((c) => levenshtein(lower, c.name) <= 2 || c.name.startsWith(lower) || (SUGGEST_FOR[c.name] ?? []).includes(typed))
    .map((c) => c.name);
}

export function findCommand(name: string, commands: readonly Command[]): Command | undefined {
  return commands.find((c) => c.name === name || (c.aliases ?? []).includes(name));
}

interface Located {
  readonly command: Command;
  readonly path: string;
  /** The words with the command and subcommand names removed. */
  readonly rest: string[];
}

/** Index of the first positional word at or after `from`, skipping flags and global flag values. */
function nextPositional(words: readonly string[], from: number): number {
  for (let i = from; i < words.length; i++) {
    const w = words[i];
    if (w === '--') return -1;
    if (w.startsWith('-') && w.length > 1) {
      if (!w.includes('=') && VALUE_GLOBALS.has(w)) i++;
      continue;
    }
    return i;
  }
  return -1;
}

function locate(words: string[]): Located | KubectlResult {
  const at = nextPositional(words, 0);
  if (at < 0) return { stdout: rootHelp(COMMANDS), stderr: '', exitCode: 0 };
  const name = words[at];
  const command = findCommand(name, COMMANDS);
  if (!command) {
    const similar = suggestions(name, COMMANDS);
    const hint = similar.length > 0 ? `\n\nDid you mean this?\n${similar.map((s) => `\t${s}\n`).join('')}` : '';
    return { stdout: '', stderr: errorText(`unknown command "${name}" for "kubectl"${hint}`), exitCode: 1 };
  }
  const rest = [...words.slice(0, at), ...words.slice(at + 1)];
  if (!command.subcommands) return { command, path: `kubectl ${command.name}`, rest };
  const subAt = nextPositional(rest, at);
  if (subAt < 0) return { command, path: `kubectl ${command.name}`, rest };
  const sub = findCommand(rest[subAt], command.subcommands);
  if (!sub) return { command, path: `kubectl ${command.name}`, rest };
  return { command: sub, path: `kubectl ${command.name} ${sub.name}`, rest: [...rest.slice(0, subAt), ...rest.slice(subAt + 1)] };
}

/** Checks global flags that would point kubectl somewhere other than the simulated cluster. */
function checkGlobals(flags: Flags): void {
  const context = flags.string('context');
  if (context && context !== 'podlab') throw new KubectlError(errorText(`context was not found for specified context: ${context}`));
  for (const name of ['kubeconfig', 'server', 'token', 'cluster', 'user']) {
    if (flags.changed(name)) {
      throw new KubectlError(errorText(`Podlab's kubectl always talks to the simulated cluster (context "podlab"); --${name} cannot point it elsewhere`));
    }
  }
}

export interface DispatchResult extends KubectlResult {
  /** Present when the command streams (only with `streaming`). */
  readonly stream?: Streamer;
}

export function dispatch(cluster: Cluster, line: string, io: KubectlIO, streaming = false): DispatchResult {
  const split = splitShellWords(line);
  if (split.unterminatedQuote) {
    return { stdout: '', stderr: errorText(`unterminated ${split.unterminatedQuote === '"' ? 'double' : 'single'} quote in the command line`), exitCode: 1 };
  }
  if (split.operator) {
    return {
      stdout: '',
      stderr: errorText(`Podlab's console runs one kubectl command at a time and has no shell: "${split.operator}" (pipes, redirections, command chaining) is not available. kubectl's own flags often do the same job: -l for filtering, -o jsonpath=… or -o custom-columns=… for picking fields, --sort-by for ordering.`),
      exitCode: 1,
    };
  }
  const words = [...split.words];
  if (words[0] === 'kubectl' || words[0] === 'k') words.shift();
  const located = locate(words);
  if (!('command' in located)) return located;
  const { command, path } = located;
  try {
    // A command that only explains why it is unavailable does so whatever flags it was given.
    const rest = command.explainsOnly ? located.rest.filter((w) => w === '--help' || w === '-h') : located.rest;
    const flags = parseFlags(rest, [...GLOBAL_FLAGS, ...(command.flags ?? [])], path);
    if (flags.bool('help')) return { stdout: commandHelp(command, path), stderr: '', exitCode: 0 };
    checkGlobals(flags);
    if (!command.run) {
      if (flags.args.length > 0) usageError(path, `unknown command "${flags.args.join(' ')}"`);
      return { stdout: commandHelp(command, path), stderr: '', exitCode: 0 };
    }
    const namespace = flags.string('namespace') || contextNamespace(cluster);
    const ctx = new KubectlContext(cluster, io, namespace, flags.changed('namespace'), streaming);
    try {
      command.run(ctx, flags, path);
    } catch (err) {
      if (!(err instanceof KubectlError)) throw err;
      ctx.failed(err.stderr);
    }
    if (ctx.exitCode !== 0 && ctx.stream) {
      ctx.stream.stop();
      ctx.stream = undefined;
    }
    return { stdout: ctx.stdout, stderr: ctx.stderr, exitCode: ctx.exitCode, stream: ctx.stream };
  } catch (err) {
    if (err instanceof KubectlError) return { stdout: '', stderr: err.stderr, exitCode: err.exitCode };
    throw err;
  }
}
