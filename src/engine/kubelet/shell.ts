/**
 * A small, bounded interpreter for the shell one-liners learners put in `command`/`args`
 * (`sh -c "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"`, `exit 3`,
 * `while true; do echo hi; sleep 5; done`, `dd if=/dev/zero of=/dev/null`). It does not run
 * anything: it works out, in virtual time, what the script prints, which files it creates and
 * removes, when it exits and with what code, and whether it idles or burns CPU forever.
 */

export interface TimedLine {
  readonly atMs: number;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
  /** The text is an image log template (`${ts:go}` …) rendered when read. */
  readonly template?: boolean;
  /** Printed once per worker process (nginx). */
  readonly perWorker?: boolean;
}

export interface FileOp {
  readonly atMs: number;
  readonly path: string;
  /** New content, or null when the file is removed. */
  readonly content: string | null;
}

/** Output that repeats forever from `startMs` every `periodMs` (a `while true` loop). */
export interface PeriodicLines {
  readonly startMs: number;
  readonly periodMs: number;
  readonly lines: readonly { readonly offsetMs: number; readonly stream: 'stdout' | 'stderr'; readonly text: string }[];
}

export interface ScriptResult {
  readonly lines: readonly TimedLine[];
  readonly periodic?: PeriodicLines;
  readonly files: readonly FileOp[];
  /** When the script ends on its own; undefined when it runs forever. */
  readonly exitAtMs?: number;
  readonly exitCode: number;
  /** From this moment the script spins a CPU core (dd, yes, a loop without sleep). */
  readonly cpuBurnFromMs?: number;
  /** At this moment the shell `exec`s (or runs as its last command) a program it does not model itself. */
  readonly exec?: { readonly atMs: number; readonly argv: readonly string[] };
  /** Ports a server started by the script listens on (busybox httpd, nc -l). */
  readonly listens: readonly { readonly port: number; readonly fromMs: number; readonly http: boolean }[];
  /** The script installed a TERM trap, so SIGTERM ends it (with this code) instead of being ignored. */
  readonly termTrapExitCode?: number;
}

export interface ShellContext {
  readonly env: Readonly<Record<string, string>>;
  readonly hostname: string;
  /** Files present in the image (path → content). */
  readonly files: Readonly<Record<string, string>>;
  /** Is `name` an executable the image has? */
  readonly hasCommand: (name: string) => boolean;
  /** Commands the shell does not model but the image runs as a program (stress, nginx …): `exec` into them. */
  readonly isProgram: (name: string) => boolean;
  /** `sh: x: not found` (busybox) or `bash: line 1: x: command not found`. */
  readonly flavor: 'busybox' | 'bash';
  /** Wall-clock rendering for `date`. */
  readonly formatDate: (atMs: number) => string;
}

const MAX_STEPS = 20_000;
const MAX_LINES = 2_000;
const HORIZON_MS = 100 * 365 * 24 * 3600 * 1000;

// ---------------------------------------------------------------------------------------------------
// Lexing and parsing.
// ---------------------------------------------------------------------------------------------------

interface WordPart { readonly text: string; readonly quote: 'none' | 'single' | 'double' }
type Word = readonly WordPart[];
type Token = { kind: 'word'; word: Word } | { kind: 'op'; op: string };

const OPERATORS = ['&&', '||', ';;', '>>', '2>&1', '2>>', '2>', '&>', ';', '|', '&', '(', ')', '>', '<', '\n'];

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let parts: WordPart[] = [];
  let current = '';
  let inWord = false;
  const flushPart = () => {
    if (current !== '') parts.push({ text: current, quote: 'none' });
    current = '';
  };
  const flushWord = () => {
    flushPart();
    if (inWord) tokens.push({ kind: 'word', word: parts });
    parts = [];
    inWord = false;
  };
  while (i < input.length) {
    const c = input[i];
    if (c === '#' && !inWord) {
      while (i < input.length && input[i] !== '\n') i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      flushWord();
      i++;
      continue;
    }
    if (c === '\\' && i + 1 < input.length) {
      if (input[i + 1] === '\n') { i += 2; continue; }
      current += input[i + 1];
      inWord = true;
      i += 2;
      continue;
    }
    if (c === "'") {
      flushPart();
      const end = input.indexOf("'", i + 1);
      const text = end < 0 ? input.slice(i + 1) : input.slice(i + 1, end);
      parts.push({ text, quote: 'single' });
      inWord = true;
      i = end < 0 ? input.length : end + 1;
      continue;
    }
    if (c === '"') {
      flushPart();
      let j = i + 1;
      let text = '';
      while (j < input.length && input[j] !== '"') {
        if (input[j] === '\\' && j + 1 < input.length && '"\\$`'.includes(input[j + 1])) {
          text += input[j + 1];
          j += 2;
        } else text += input[j++];
      }
      parts.push({ text, quote: 'double' });
      inWord = true;
      i = j + 1;
      continue;
    }
    if (c === '$' && input[i + 1] === '(') {
      // Keep $(...) and $((...)) inside the word, balanced.
      let depth = 0;
      let j = i + 1;
      for (; j < input.length; j++) {
        if (input[j] === '(') depth++;
        else if (input[j] === ')') { depth--; if (depth === 0) break; }
      }
      current += input.slice(i, j + 1);
      inWord = true;
      i = j + 1;
      continue;
    }
    const op = OPERATORS.find((o) => input.startsWith(o, i));
    if (op && !(op === '2>' && inWord) && !(op === '2>&1' && inWord)) {
      flushWord();
      tokens.push({ kind: 'op', op });
      i += op.length;
      continue;
    }
    current += c;
    inWord = true;
    i++;
  }
  flushWord();
  return tokens;
}

interface Redirect { readonly fd: 1 | 2 | 'both'; readonly append: boolean; readonly target: Word | 'stdout' }
interface Simple { readonly type: 'simple'; readonly words: Word[]; readonly redirects: Redirect[] }
interface Pipeline { readonly type: 'pipeline'; readonly cmds: Command[]; readonly negate: boolean }
interface While { readonly type: 'while'; readonly until: boolean; readonly cond: List; readonly body: List }
interface For { readonly type: 'for'; readonly name: string; readonly items: Word[]; readonly body: List }
interface If { readonly type: 'if'; readonly branches: { cond: List; body: List }[]; readonly elseBody?: List }
interface Group { readonly type: 'group'; readonly body: List }
type Command = Simple | While | For | If | Group;
interface List { readonly items: { node: Pipeline; op: string }[] }

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parseProgram(): List {
    const list = this.parseList([]);
    return list;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private peekWord(): string | undefined {
    const t = this.peek();
    if (t?.kind !== 'word' || t.word.length !== 1 || t.word[0].quote !== 'none') return undefined;
    return t.word[0].text;
  }

  private skipSeparators(): void {
    while (this.peek()?.kind === 'op' && [';', '\n'].includes((this.peek() as { op: string }).op)) this.pos++;
  }

  private parseList(terminators: string[]): List {
    const items: { node: Pipeline; op: string }[] = [];
    this.skipSeparators();
    while (this.pos < this.tokens.length) {
      const word = this.peekWord();
      if (word !== undefined && terminators.includes(word)) break;
      const t = this.peek();
      if (t?.kind === 'op' && t.op === ')') break;
      const node = this.parsePipeline();
      let op = ';';
      const next = this.peek();
      if (next?.kind === 'op' && ['&&', '||', ';', '&', '\n', ';;'].includes(next.op)) {
        op = next.op === '\n' || next.op === ';;' ? ';' : next.op;
        this.pos++;
      }
      items.push({ node, op });
      this.skipSeparators();
    }
    return { items };
  }

  private parsePipeline(): Pipeline {
    let negate = false;
    if (this.peekWord() === '!') { negate = true; this.pos++; }
    const cmds: Command[] = [this.parseCommand()];
    while (this.peek()?.kind === 'op' && (this.peek() as { op: string }).op === '|') {
      this.pos++;
      cmds.push(this.parseCommand());
    }
    return { type: 'pipeline', cmds, negate };
  }

  private expectWord(word: string): void {
    if (this.peekWord() === word) this.pos++;
  }

  private parseCommand(): Command {
    const word = this.peekWord();
    if (word === 'while' || word === 'until') {
      this.pos++;
      const cond = this.parseList(['do']);
      this.expectWord('do');
      const body = this.parseList(['done']);
      this.expectWord('done');
      return { type: 'while', until: word === 'until', cond, body };
    }
    if (word === 'for') {
      this.pos++;
      const name = this.peekWord() ?? 'i';
      this.pos++;
      const items: Word[] = [];
      if (this.peekWord() === 'in') {
        this.pos++;
        while (this.peek()?.kind === 'word' && this.peekWord() !== 'do') items.push((this.tokens[this.pos++] as { word: Word }).word);
      }
      this.skipSeparators();
      this.expectWord('do');
      const body = this.parseList(['done']);
      this.expectWord('done');
      return { type: 'for', name, items, body };
    }
    if (word === 'if') {
      this.pos++;
      const branches: { cond: List; body: List }[] = [];
      let elseBody: List | undefined;
      let cond = this.parseList(['then']);
      this.expectWord('then');
      let body = this.parseList(['elif', 'else', 'fi']);
      branches.push({ cond, body });
      while (this.peekWord() === 'elif') {
        this.pos++;
        cond = this.parseList(['then']);
        this.expectWord('then');
        body = this.parseList(['elif', 'else', 'fi']);
        branches.push({ cond, body });
      }
      if (this.peekWord() === 'else') {
        this.pos++;
        elseBody = this.parseList(['fi']);
      }
      this.expectWord('fi');
      return { type: 'if', branches, elseBody };
    }
    if (word === '{') {
      this.pos++;
      const body = this.parseList(['}']);
      this.expectWord('}');
      return { type: 'group', body };
    }
    const t = this.peek();
    if (t?.kind === 'op' && t.op === '(') {
      this.pos++;
      const body = this.parseList([]);
      if (this.peek()?.kind === 'op' && (this.peek() as { op: string }).op === ')') this.pos++;
      return { type: 'group', body };
    }
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    while (this.pos < this.tokens.length) {
      const tok = this.tokens[this.pos];
      if (tok.kind === 'word') {
        words.push(tok.word);
        this.pos++;
        continue;
      }
      if (['>', '>>', '2>', '2>>', '&>'].includes(tok.op)) {
        this.pos++;
        const target = this.tokens[this.pos];
        if (target?.kind !== 'word') break;
        this.pos++;
        redirects.push({ fd: tok.op.startsWith('2') ? 2 : tok.op === '&>' ? 'both' : 1, append: tok.op.endsWith('>>'), target: target.word });
        continue;
      }
      if (tok.op === '2>&1') {
        this.pos++;
        redirects.push({ fd: 2, append: true, target: 'stdout' });
        continue;
      }
      if (tok.op === '<') {
        this.pos += 2;
        continue;
      }
      break;
    }
    return { type: 'simple', words, redirects };
  }
}

export function parseScript(script: string): List {
  return new Parser(lex(script)).parseProgram();
}

// ---------------------------------------------------------------------------------------------------
// Execution in virtual time.
// ---------------------------------------------------------------------------------------------------

class ExitSignal { constructor(readonly code: number) {} }
class ForeverSignal { constructor(readonly burn: boolean) {} }
class ExecSignal { constructor(readonly argv: string[]) {} }
class BudgetSignal {}

interface Output { out: string[]; err: string[] }

class Executor {
  t = 0;
  status = 0;
  steps = 0;
  readonly env = new Map<string, string>();
  readonly files = new Map<string, string>();
  readonly lines: TimedLine[] = [];
  readonly fileOps: FileOp[] = [];
  readonly listens: { port: number; fromMs: number; http: boolean }[] = [];
  cpuBurnFromMs: number | undefined;
  periodic: PeriodicLines | undefined;
  termTrapExitCode: number | undefined;

  constructor(private readonly ctx: ShellContext) {
    for (const [k, v] of Object.entries(ctx.env)) this.env.set(k, v);
    if (!this.env.has('HOSTNAME')) this.env.set('HOSTNAME', ctx.hostname);
    for (const [k, v] of Object.entries(ctx.files)) this.files.set(k, v);
  }

  runList(list: List): number {
    let prevOp = ';';
    for (const { node, op } of list.items) {
      const skip = (prevOp === '&&' && this.status !== 0) || (prevOp === '||' && this.status === 0);
      prevOp = op;
      if (skip) continue;
      if (op === '&') {
        // Background jobs run beside the script; only their output and files matter here.
        this.runBackground(node);
        this.status = 0;
        continue;
      }
      this.status = this.runPipeline(node);
    }
    return this.status;
  }

  private runBackground(node: Pipeline): void {
    const savedT = this.t;
    try {
      this.runPipeline(node);
    } catch (signal) {
      if (!(signal instanceof ForeverSignal)) throw signal;
      if (signal.burn && this.cpuBurnFromMs === undefined) this.cpuBurnFromMs = savedT;
    }
    this.t = savedT;
  }

  private tick(): void {
    if (++this.steps > MAX_STEPS || this.t > HORIZON_MS) throw new BudgetSignal();
  }

  private runPipeline(p: Pipeline): number {
    let input: string[] | undefined;
    let status = 0;
    p.cmds.forEach((cmd, index) => {
      const last = index === p.cmds.length - 1;
      const out: Output = { out: [], err: [] };
      status = this.runCommand(cmd, input, last ? undefined : out);
      input = last ? undefined : out.out;
    });
    return p.negate ? (status === 0 ? 1 : 0) : status;
  }

  private runCommand(cmd: Command, stdin: string[] | undefined, capture: Output | undefined): number {
    this.tick();
    switch (cmd.type) {
      case 'group':
        return this.runList(cmd.body);
      case 'if': {
        for (const branch of cmd.branches) {
          if (this.runList(branch.cond) === 0) return this.runList(branch.body);
        }
        return cmd.elseBody ? this.runList(cmd.elseBody) : 0;
      }
      case 'for': {
        const items = cmd.items.flatMap((w) => this.expandWord(w, true));
        for (const item of items) {
          this.env.set(cmd.name, item);
          this.runList(cmd.body);
        }
        return this.status;
      }
      case 'while':
        return this.runWhile(cmd);
      case 'simple':
        return this.runSimple(cmd, stdin, capture);
    }
  }

  private runWhile(cmd: While): number {
    const constant = cmd.cond.items.length === 1 && isConstantTrue(cmd.cond.items[0].node);
    for (let iteration = 0; ; iteration++) {
      const startT = this.t;
      const startLines = this.lines.length;
      const condStatus = this.runList(cmd.cond);
      if (cmd.until ? condStatus === 0 : condStatus !== 0) return 0;
      this.runList(cmd.body);
      const periodMs = this.t - startT;
      if ((constant && !cmd.until) || iteration >= 1000) {
        // The loop never ends: its first iteration repeats forever.
        const body = this.lines.slice(startLines).map((l) => ({ offsetMs: l.atMs - startT, stream: l.stream, text: l.text }));
        if (periodMs === 0 && this.cpuBurnFromMs === undefined) this.cpuBurnFromMs = startT;
        if (body.length > 0) {
          this.lines.length = startLines;
          this.periodic = { startMs: startT, periodMs: Math.max(1, periodMs), lines: body };
        }
        throw new ForeverSignal(periodMs === 0);
      }
    }
  }

  private runSimple(cmd: Simple, stdin: string[] | undefined, capture: Output | undefined): number {
    const argv: string[] = [];
    const assigns: [string, string][] = [];
    for (const word of cmd.words) {
      const raw = word.map((p) => p.text).join('');
      if (argv.length === 0 && word[0]?.quote === 'none' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(raw)) {
        const eq = raw.indexOf('=');
        assigns.push([raw.slice(0, eq), this.expandWord([{ text: word[0].text.slice(eq + 1), quote: 'none' }, ...word.slice(1)], false).join('')]);
        continue;
      }
      argv.push(...this.expandWord(word, true));
    }
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.env.set(k, v);
      return 0;
    }
    const out: Output = capture ?? { out: [], err: [] };
    const status = this.builtin(argv, stdin, out);
    if (!capture) this.emit(out, cmd.redirects);
    else this.emit({ out: [], err: out.err }, cmd.redirects);
    return status;
  }

  private emit(out: Output, redirects: Redirect[]): void {
    let stdoutTarget: string | undefined;
    let stderrTarget: string | undefined | 'stdout';
    let appendOut = false;
    for (const r of redirects) {
      const target = r.target === 'stdout' ? 'stdout' : this.expandWord(r.target, false).join('');
      if (r.fd === 1 || r.fd === 'both') { stdoutTarget = target; appendOut = r.append; }
      if (r.fd === 2 || r.fd === 'both') stderrTarget = target;
    }
    const write = (path: string, text: string[], append: boolean) => {
      if (path === '/dev/null' || text.length === 0 && append) return;
      const before = append ? this.files.get(path) ?? '' : '';
      const content = before + text.map((l) => l + '\n').join('');
      this.files.set(path, content);
      this.fileOps.push({ atMs: this.t, path, content });
    };
    if (stdoutTarget !== undefined && stdoutTarget !== 'stdout') write(stdoutTarget, out.out, appendOut);
    else this.log('stdout', out.out);
    if (stderrTarget === 'stdout') {
      if (stdoutTarget !== undefined && stdoutTarget !== 'stdout') write(stdoutTarget, out.err, true);
      else this.log('stdout', out.err);
    } else if (stderrTarget !== undefined) write(stderrTarget, out.err, false);
    else this.log('stderr', out.err);
  }

  private log(stream: 'stdout' | 'stderr', text: string[]): void {
    for (const line of text) if (this.lines.length < MAX_LINES) this.lines.push({ atMs: this.t, stream, text: line });
  }

  private notFound(name: string, out: Output): number {
    out.err.push(this.ctx.flavor === 'bash' ? `bash: line 1: ${name}: command not found` : `sh: ${name}: not found`);
    return 127;
  }

  private builtin(argv: string[], stdin: string[] | undefined, out: Output): number {
    const [name, ...args] = argv;
    const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
    switch (base) {
      case ':': case 'true': return 0;
      case 'false': return 1;
      case 'exit': throw new ExitSignal(args.length > 0 ? toExitCode(args[0]) : this.status);
      case 'exec':
        if (args.length === 0) return 0;
        return this.execInto(args, out);
      case 'export': case 'readonly': case 'local':
        for (const a of args) {
          const eq = a.indexOf('=');
          if (eq > 0) this.env.set(a.slice(0, eq), a.slice(eq + 1));
        }
        return 0;
      case 'unset': for (const a of args) this.env.delete(a); return 0;
      case 'cd': case 'set': case 'shopt': case 'umask': case 'wait': case 'kill': case 'sync': case 'ulimit': return 0;
      case 'trap': {
        const signals = args.slice(1).map((s) => s.toUpperCase().replace(/^SIG/, ''));
        if (signals.includes('TERM') || signals.includes('15')) {
          const action = args[0] ?? '';
          const m = /exit\s+(\d+)/.exec(action);
          this.termTrapExitCode = m ? toExitCode(m[1]) : 0;
        }
        return 0;
      }
      case 'echo': {
        let rest = args;
        let escapes = false;
        while (rest[0] && /^-[neE]+$/.test(rest[0])) {
          if (rest[0].includes('e')) escapes = true;
          rest = rest.slice(1);
        }
        let text = rest.join(' ');
        if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
        out.out.push(...text.split('\n'));
        return 0;
      }
      case 'printf': {
        if (args.length === 0) return 1;
        let i = 1;
        const text = args[0].replace(/%[sd]/g, () => args[i++] ?? '').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
        const parts = text.split('\n');
        if (parts[parts.length - 1] === '') parts.pop();
        out.out.push(...parts);
        return 0;
      }
      case 'sleep': {
        let total = 0;
        for (const a of args) {
          const ms = parseSleep(a);
          if (ms === undefined) {
            out.err.push(`sleep: invalid number '${a}'`);
            return 1;
          }
          if (!Number.isFinite(ms)) throw new ForeverSignal(false);
          total += ms;
        }
        if (args.length === 0) {
          out.err.push(this.ctx.flavor === 'bash' ? 'sleep: missing operand' : 'BusyBox: sleep: usage: sleep [N]...');
          return 1;
        }
        this.t += total;
        this.tick();
        return 0;
      }
      case 'touch':
        for (const f of args.filter((a) => !a.startsWith('-'))) {
          if (!this.files.has(f)) {
            this.files.set(f, '');
            this.fileOps.push({ atMs: this.t, path: f, content: '' });
          }
        }
        return 0;
      case 'rm': {
        const force = args.some((a) => /^-\w*f/.test(a));
        let status = 0;
        for (const f of args.filter((a) => !a.startsWith('-'))) {
          const victims = [...this.files.keys()].filter((p) => p === f || p.startsWith(f.endsWith('/') ? f : f + '/'));
          if (victims.length === 0 && !force) {
            out.err.push(`rm: can't remove '${f}': No such file or directory`);
            status = 1;
          }
          for (const v of victims) {
            this.files.delete(v);
            this.fileOps.push({ atMs: this.t, path: v, content: null });
          }
        }
        return status;
      }
      case 'cp': case 'mv': {
        const paths = args.filter((a) => !a.startsWith('-'));
        if (paths.length < 2) return 1;
        const [src, dst] = paths;
        const content = this.files.get(src);
        if (content === undefined) {
          out.err.push(`${base}: can't stat '${src}': No such file or directory`);
          return 1;
        }
        this.files.set(dst, content);
        this.fileOps.push({ atMs: this.t, path: dst, content });
        if (base === 'mv') {
          this.files.delete(src);
          this.fileOps.push({ atMs: this.t, path: src, content: null });
        }
        return 0;
      }
      case 'cat': {
        const paths = args.filter((a) => !a.startsWith('-'));
        if (paths.length === 0) {
          out.out.push(...(stdin ?? []));
          return 0;
        }
        let status = 0;
        for (const p of paths) {
          const content = this.files.get(p);
          if (content === undefined) {
            out.err.push(`cat: can't open '${p}': No such file or directory`);
            status = 1;
          } else out.out.push(...splitLines(content));
        }
        return status;
      }
      case 'test': case '[': case '[[':
        return evalTest(base === 'test' ? args : args.slice(0, -1), this.files) ? 0 : 1;
      case 'date':
        out.out.push(this.ctx.formatDate(this.t));
        return 0;
      case 'hostname':
        out.out.push(this.ctx.hostname);
        return 0;
      case 'env': case 'printenv': {
        if (base === 'printenv' && args.length > 0) {
          const v = this.env.get(args[0]);
          if (v === undefined) return 1;
          out.out.push(v);
          return 0;
        }
        for (const [k, v] of [...this.env.entries()].sort()) out.out.push(`${k}=${v}`);
        return 0;
      }
      case 'seq': {
        const nums = args.map(Number);
        const [from, to] = nums.length >= 2 ? [nums[0], nums[nums.length - 1]] : [1, nums[0] ?? 0];
        for (let n = from; n <= to && out.out.length < 10_000; n++) out.out.push(String(n));
        return 0;
      }
      case 'wc': {
        const lines = stdin ?? [];
        out.out.push(args.includes('-l') ? String(lines.length) : `${lines.length} ${lines.join(' ').split(/\s+/).filter(Boolean).length} ${lines.reduce((n, l) => n + l.length + 1, 0)}`);
        return 0;
      }
      case 'grep': {
        const pattern = args.find((a) => !a.startsWith('-')) ?? '';
        const matches = (stdin ?? []).filter((l) => l.includes(pattern));
        out.out.push(...matches);
        return matches.length > 0 ? 0 : 1;
      }
      case 'head': case 'tail': {
        if (base === 'tail' && args.some((a) => a === '-f' || a === '-F')) throw new ForeverSignal(false);
        const nArg = args.find((a) => /^-n?\d+$/.test(a));
        const n = nArg ? Number(nArg.replace(/^-n?/, '')) : 10;
        const lines = stdin ?? splitLines(this.files.get(args.find((a) => !a.startsWith('-')) ?? '') ?? '');
        out.out.push(...(base === 'head' ? lines.slice(0, n) : lines.slice(-n)));
        return 0;
      }
      case 'ls': {
        const dir = (args.find((a) => !a.startsWith('-')) ?? '/').replace(/\/$/, '');
        const names = [...this.files.keys()].filter((p) => p.startsWith(dir + '/')).map((p) => p.slice(dir.length + 1).split('/')[0]);
        out.out.push(...[...new Set(names)].sort());
        return 0;
      }
      case 'mkdir': case 'chmod': case 'chown': case 'ln': case 'wget': case 'curl': case 'apt-get': case 'apk': case 'ping': case 'nslookup': case 'uname': case 'whoami': case 'id': case 'ps': case 'df': case 'free': case 'uptime':
        if (!this.ctx.hasCommand(base)) return this.notFound(name, out);
        if (base === 'whoami') out.out.push('root');
        else if (base === 'uname') out.out.push(args.includes('-a') ? `Linux ${this.ctx.hostname} 6.8.0-podlab #1 SMP x86_64 GNU/Linux` : 'Linux');
        return 0;
      case 'dd': {
        const count = args.find((a) => a.startsWith('count='));
        if (count) {
          out.err.push(`${count.slice(6)}+0 records in`, `${count.slice(6)}+0 records out`);
          return 0;
        }
        // Copying /dev/zero with no count never ends and keeps one core busy.
        throw new ForeverSignal(true);
      }
      case 'yes':
        throw new ForeverSignal(true);
      case 'nc': case 'netcat':
        if (args.some((a) => a.startsWith('-l'))) {
          const port = Number(args.find((a) => /^\d+$/.test(a)) ?? 0);
          if (port) this.listens.push({ port, fromMs: this.t, http: false });
          throw new ForeverSignal(false);
        }
        return 1;
      case 'httpd': {
        const pIndex = args.indexOf('-p');
        const port = pIndex >= 0 ? Number(args[pIndex + 1]) : 80;
        this.listens.push({ port, fromMs: this.t, http: true });
        if (args.includes('-f')) throw new ForeverSignal(false);
        return 0;
      }
      case 'sh': case 'bash': case 'ash': case 'dash': {
        const cIndex = args.indexOf('-c');
        if (cIndex >= 0 && args[cIndex + 1] !== undefined) return this.runList(parseScript(args[cIndex + 1]));
        return 0;
      }
      default:
        if (this.ctx.isProgram(base)) return this.execInto(argv, out);
        if (this.ctx.hasCommand(base)) return 0;
        return this.notFound(name, out);
    }
  }

  private execInto(argv: string[], out: Output): number {
    const base = argv[0].slice(argv[0].lastIndexOf('/') + 1);
    if (this.ctx.isProgram(base)) throw new ExecSignal(argv);
    return this.builtin(argv, undefined, out);
  }

  expandWord(word: Word, split: boolean): string[] {
    const results: string[] = [];
    let text = '';
    for (const part of word) {
      if (part.quote === 'single') {
        text += part.text;
        continue;
      }
      const expanded = this.expandVars(part.text);
      if (part.quote === 'none' && split) {
        // Unquoted expansions split on whitespace.
        const pieces = expanded.split(/\s+/);
        for (let i = 0; i < pieces.length; i++) {
          if (i > 0) {
            if (text !== '') results.push(text);
            text = '';
          }
          text += pieces[i];
        }
        continue;
      }
      text += expanded;
    }
    if (text !== '' || word.some((p) => p.quote !== 'none')) results.push(text);
    return results;
  }

  private expandVars(text: string): string {
    return text
      .replace(/\$\(\((.*?)\)\)/g, (_, expr: string) => String(evalArithmetic(this.expandVars(expr), this.env)))
      .replace(/\$\(([^)]*)\)/g, (_, inner: string) => {
        const sub: Output = { out: [], err: [] };
        const argv = inner.trim().split(/\s+/).map((a) => this.expandVars(a));
        try {
          if (argv[0] === 'seq' || argv[0] === 'hostname' || argv[0] === 'date' || argv[0] === 'cat' || argv[0] === 'echo') this.builtin(argv, undefined, sub);
        } catch {
          return '';
        }
        return sub.out.join(' ');
      })
      .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*|\?|\$)/g, (_, braced: string | undefined, _d, dflt: string | undefined, plain: string | undefined) => {
        const name = braced ?? plain!;
        if (name === '?') return String(this.status);
        if (name === '$') return '1';
        const v = this.env.get(name);
        return v === undefined || v === '' ? dflt ?? '' : v;
      });
  }
}

function isConstantTrue(p: Pipeline): boolean {
  if (p.negate || p.cmds.length !== 1 || p.cmds[0].type !== 'simple') return false;
  const words = (p.cmds[0] as Simple).words.map((w) => w.map((x) => x.text).join(''));
  return (words.length === 1 && (words[0] === 'true' || words[0] === ':')) || (words[0] === '[' && words.length === 3 && words[1] === '1');
}

function splitLines(content: string): string[] {
  const lines = content.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function toExitCode(text: string): number {
  const n = Number(text);
  return Number.isInteger(n) ? ((n % 256) + 256) % 256 : 2;
}

/** busybox/coreutils sleep: seconds with an optional s/m/h/d suffix, fractions allowed, `inf`/`infinity`. */
export function parseSleep(arg: string): number | undefined {
  if (/^inf(inity)?$/i.test(arg)) return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(m[1]) * unit);
}

function evalTest(args: string[], files: Map<string, string>): boolean {
  if (args.length === 0) return false;
  if (args[0] === '!') return !evalTest(args.slice(1), files);
  if (args.length === 1) return args[0] !== '';
  if (args.length === 2) {
    const [op, a] = args;
    switch (op) {
      case '-f': case '-e': case '-s': case '-r': return files.has(a) && (op !== '-s' || files.get(a) !== '');
      case '-d': return [...files.keys()].some((p) => p.startsWith(a.replace(/\/$/, '') + '/'));
      case '-z': return a === '';
      case '-n': return a !== '';
    }
    return false;
  }
  const [a, op, b] = args;
  switch (op) {
    case '=': case '==': return a === b;
    case '!=': return a !== b;
    case '-eq': return Number(a) === Number(b);
    case '-ne': return Number(a) !== Number(b);
    case '-lt': return Number(a) < Number(b);
    case '-le': return Number(a) <= Number(b);
    case '-gt': return Number(a) > Number(b);
    case '-ge': return Number(a) >= Number(b);
  }
  return false;
}

function evalArithmetic(expr: string, env: Map<string, string>): number {
  const tokens = expr.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|[-+*/%()]/g) ?? [];
  let pos = 0;
  const value = (tok: string): number => (/^\d+$/.test(tok) ? Number(tok) : Number(env.get(tok) ?? 0) || 0);
  const primary = (): number => {
    const tok = tokens[pos++];
    if (tok === '(') {
      const v = sum();
      pos++;
      return v;
    }
    if (tok === '-') return -primary();
    return tok === undefined ? 0 : value(tok);
  };
  const product = (): number => {
    let v = primary();
    while (tokens[pos] === '*' || tokens[pos] === '/' || tokens[pos] === '%') {
      const op = tokens[pos++];
      const r = primary();
      v = op === '*' ? v * r : r === 0 ? 0 : op === '/' ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[pos] === '+' || tokens[pos] === '-') v = tokens[pos++] === '+' ? v + product() : v - product();
    return v;
  };
  return sum();
}

/** Runs a script (the text after `sh -c`) and reports its effects in virtual time from its start. */
export function runScript(script: string, ctx: ShellContext): ScriptResult {
  return runWith(ctx, (ex) => ex.runList(parseScript(script)));
}

/** Runs one command line given as argv (a container `command` without a shell). */
export function runArgv(argv: readonly string[], ctx: ShellContext): ScriptResult {
  return runWith(ctx, (ex) => ex.runList({ items: [{ node: { type: 'pipeline', negate: false, cmds: [{ type: 'simple', words: argv.map((a) => [{ text: a, quote: 'single' as const }]), redirects: [] }] }, op: ';' }] }));
}

function runWith(ctx: ShellContext, body: (ex: Executor) => number): ScriptResult {
  const ex = new Executor(ctx);
  const base = () => ({ lines: ex.lines, files: ex.fileOps, listens: ex.listens, periodic: ex.periodic, cpuBurnFromMs: ex.cpuBurnFromMs, termTrapExitCode: ex.termTrapExitCode });
  try {
    const status = body(ex);
    return { ...base(), exitAtMs: ex.t, exitCode: status };
  } catch (signal) {
    if (signal instanceof ExitSignal) return { ...base(), exitAtMs: ex.t, exitCode: signal.code };
    if (signal instanceof ForeverSignal) {
      return { ...base(), exitCode: 0, cpuBurnFromMs: signal.burn ? Math.min(ex.cpuBurnFromMs ?? ex.t, ex.t) : ex.cpuBurnFromMs };
    }
    if (signal instanceof ExecSignal) return { ...base(), exitCode: 0, exec: { atMs: ex.t, argv: signal.argv } };
    if (signal instanceof BudgetSignal) return { ...base(), exitCode: 0 };
    throw signal;
  }
}

/** Runs a command for `kubectl exec` against a snapshot of the container's files; instant (sleeps are not waited for). */
export function execCommand(argv: readonly string[], ctx: ShellContext): { stdout: string; stderr: string; exitCode: number; files: readonly FileOp[] } {
  const result = argv.length >= 3 && /(^|\/)(ba|a|da)?sh$/.test(argv[0]) && argv[1] === '-c' ? runScript(argv[2], ctx) : runArgv(argv, ctx);
  const stdout = result.lines.filter((l) => l.stream === 'stdout').map((l) => l.text + '\n').join('');
  const stderr = result.lines.filter((l) => l.stream === 'stderr').map((l) => l.text + '\n').join('');
  return { stdout, stderr, exitCode: result.exitAtMs === undefined ? 0 : result.exitCode, files: result.files };
}
