/**
 * Flag parsing as spf13/pflag does it for kubectl's cobra commands: interspersed flags,
 * `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`, grouped boolean shorthands
 * (`-it`), `--` ending flags (ArgsLenAtDash), and pflag's error texts.
 */
import { flagError } from './errors';

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration';

export interface FlagDef {
  readonly name: string;
  readonly short?: string;
  readonly type: FlagType;
  /** Value used when the flag is given without one (pflag NoOptDefVal; "true" for bools). */
  readonly noOptDefault?: string;
  readonly description?: string;
}

export type FlagValue = string | number | boolean | string[];

export interface ParsedFlags {
  /** Positional arguments, in order, including those after `--`. */
  readonly args: string[];
  /** Number of positional arguments before `--`, or -1 (cobra ArgsLenAtDash). */
  readonly argsLenAtDash: number;
  readonly values: ReadonlyMap<string, FlagValue>;
  /** Flags the user set explicitly. */
  readonly changed: ReadonlySet<string>;
}

export class Flags {
  constructor(private readonly parsed: ParsedFlags) {}
  get args(): string[] {
    return this.parsed.args;
  }
  get argsLenAtDash(): number {
    return this.parsed.argsLenAtDash;
  }
  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }
  string(name: string, fallback = ''): string {
    const v = this.parsed.values.get(name);
    return typeof v === 'string' ? v : fallback;
  }
  bool(name: string): boolean {
    return this.parsed.values.get(name) === true;
  }
  int(name: string, fallback: number): number {
    const v = this.parsed.values.get(name);
    return typeof v === 'number' ? v : fallback;
  }
  list(name: string): string[] {
    const v = this.parsed.values.get(name);
    return Array.isArray(v) ? v : [];
  }
}

const TRUE_WORDS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE_WORDS = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** strconv.ParseInt(s, 0, 64) accepting Go's prefixes and underscores; undefined when invalid. */
function parseGoInt(text: string): number | 'range' | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(text);
  if (!m) return undefined;
  const body = m[2];
  const hasPrefix = /^0[xXbBoO]/.test(body) || (body.length > 1 && body[0] === '0');
  if (body.includes('_') && (!hasPrefix || /__|_$|^0[xXbBoO]?_*$/.test(body))) return undefined;
  let value: bigint;
  const clean = body.replace(/_/g, '');
  if (/^0[xX]/.test(clean)) value = BigInt(clean);
  else if (/^0[bB]/.test(clean)) value = BigInt(clean);
  else if (/^0[oO]/.test(clean)) value = BigInt('0o' + clean.slice(2));
  else if (clean.length > 1 && clean[0] === '0') value = BigInt('0o' + clean.slice(1));
  else value = BigInt(clean);
  if (m[1] === '-') value = -value;
  if (value > 9223372036854775807n || value < -9223372036854775808n) return 'range';
  return Number(value);
}

/** Go time.ParseDuration for the units kubectl users type; returns milliseconds or undefined. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '') return undefined;
  let total = 0;
  re.lastIndex = 0;
  let pos = 0;
  while (pos < rest.length) {
    re.lastIndex = pos;
    const m = re.exec(rest);
    if (!m) return undefined;
    const n = Number(m[1]);
    const unitMs: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
    total += n * unitMs[m[2]];
    pos = re.lastIndex;
  }
  return sign * total;
}

function flagLabel(def: FlagDef): string {
  return def.short ? `-${def.short}, --${def.name}` : `--${def.name}`;
}

/**
 * Parses `words` against `defs`. `commandPath` ("kubectl get") is used in error texts.
 * Throws KubectlError with pflag's message on bad input.
 */
export function parseFlags(words: readonly string[], defs: readonly FlagDef[], commandPath: string): Flags {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short!, d]));
  const values = new Map<string, FlagValue>();
  const changed = new Set<string>();
  const args: string[] = [];
  let argsLenAtDash = -1;

  const set = (def: FlagDef, raw: string) => {
    changed.add(def.name);
    switch (def.type) {
      case 'bool': {
        if (TRUE_WORDS.has(raw)) values.set(def.name, true);
        else if (FALSE_WORDS.has(raw)) values.set(def.name, false);
        else flagError(commandPath, `invalid argument "${raw}" for "${flagLabel(def)}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
        return;
      }
      case 'int': {
        const n = parseGoInt(raw);
        if (n === undefined) flagError(commandPath, `invalid argument "${raw}" for "${flagLabel(def)}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
        if (n === 'range') flagError(commandPath, `invalid argument "${raw}" for "${flagLabel(def)}" flag: strconv.ParseInt: parsing "${raw}": value out of range`);
        values.set(def.name, n);
        return;
      }
      case 'duration': {
        const ms = parseGoDuration(raw);
        if (ms === undefined) flagError(commandPath, `invalid argument "${raw}" for "${flagLabel(def)}" flag: time: invalid duration "${raw}"`);
        values.set(def.name, raw);
        return;
      }
      case 'stringArray': {
        const list = (values.get(def.name) as string[] | undefined) ?? [];
        values.set(def.name, [...list, raw]);
        return;
      }
      case 'stringSlice': {
        // pflag reads the value as one CSV record; an empty value adds nothing.
        const list = (values.get(def.name) as string[] | undefined) ?? [];
        values.set(def.name, raw === '' ? list : [...list, ...raw.split(',')]);
        return;
      }
      case 'string':
        values.set(def.name, raw);
        return;
    }
  };

  const noOpt = (def: FlagDef) => def.noOptDefault ?? (def.type === 'bool' ? 'true' : undefined);

  let i = 0;
  while (i < words.length) {
    const word = words[i++];
    if (word.length < 2 || word[0] !== '-') {
      args.push(word);
      continue;
    }
    if (word[1] === '-') {
      if (word.length === 2) {
        argsLenAtDash = args.length;
        args.push(...words.slice(i));
        break;
      }
      const body = word.slice(2);
      if (body[0] === '-' || body[0] === '=') flagError(commandPath, `bad flag syntax: ${word}`);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const def = byName.get(name);
      if (!def) flagError(commandPath, `unknown flag: --${name}`);
      if (eq >= 0) set(def, body.slice(eq + 1));
      else if (noOpt(def) !== undefined) set(def, noOpt(def)!);
      else if (i < words.length) set(def, words[i++]);
      else flagError(commandPath, `flag needs an argument: ${word}`);
      continue;
    }
    let shorts = word.slice(1);
    while (shorts.length > 0) {
      const c = shorts[0];
      const def = byShort.get(c);
      if (!def) flagError(commandPath, `unknown shorthand flag: '${c}' in -${shorts}`);
      if (shorts.length > 2 && shorts[1] === '=') {
        set(def, shorts.slice(2));
        shorts = '';
      } else if (noOpt(def) !== undefined) {
        set(def, noOpt(def)!);
        shorts = shorts.slice(1);
      } else if (shorts.length > 1) {
        set(def, shorts.slice(1));
        shorts = '';
      } else if (i < words.length) {
        set(def, words[i++]);
        shorts = '';
      } else {
        flagError(commandPath, `flag needs an argument: '${c}' in -${shorts}`);
      }
    }
  }
  return new Flags({ args, argsLenAtDash, values, changed });
}
