/**
 * k8s.io/client-go/util/jsonpath, the template language of `-o jsonpath=…`, custom columns and
 * --sort-by: text with {…} actions holding field paths (.a.b, ['a.b'], ..a), array access
 * ([0], [-1], [1:3], [*], [0,2]), filters ([?(@.type=="Ready")]), {range …}{end} and quoted
 * literals ({"\n"}). Missing keys are allowed, as kubectl's printers configure it.
 */
import { toCompactJson } from './json';

export class JsonPathError extends Error {}

type Step =
  | { kind: 'field'; names: string[] }
  | { kind: 'recursive' }
  | { kind: 'wildcard' }
  | { kind: 'index'; indices: number[] }
  | { kind: 'slice'; start?: number; end?: number; step?: number }
  | { kind: 'filter'; left: Step[]; op?: string; right?: Operand };

type Operand = { kind: 'path'; steps: Step[] } | { kind: 'literal'; value: unknown };

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'path'; steps: Step[]; fromRoot: boolean }
  | { kind: 'literal'; text: string }
  | { kind: 'range'; steps: Step[]; fromRoot: boolean; body: Node[] };

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string): never {
    throw new JsonPathError(message);
  }

  parseTemplate(): Node[] {
    const root: Node[] = [];
    const stack: Node[][] = [root];
    const ranges: { steps: Step[]; fromRoot: boolean }[] = [];
    while (this.pos < this.text.length) {
      const open = this.text.indexOf('{', this.pos);
      if (open < 0) {
        stack[stack.length - 1].push({ kind: 'text', text: this.text.slice(this.pos) });
        break;
      }
      if (open > this.pos) stack[stack.length - 1].push({ kind: 'text', text: this.text.slice(this.pos, open) });
      const close = this.findClose(open);
      const inside = this.text.slice(open + 1, close).trim();
      this.pos = close + 1;
      if (inside === 'end') {
        if (stack.length === 1) this.fail(`not in range, nothing to end`);
        const body = stack.pop()!;
        const r = ranges.pop()!;
        stack[stack.length - 1].push({ kind: 'range', steps: r.steps, fromRoot: r.fromRoot, body });
        continue;
      }
      if (inside.startsWith('range ') || inside === 'range') {
        const expr = inside.slice(5).trim();
        const { steps, fromRoot } = new PathParser(expr).parsePath();
        ranges.push({ steps, fromRoot });
        stack.push([]);
        continue;
      }
      if (inside.startsWith('"') || inside.startsWith("'")) stack[stack.length - 1].push({ kind: 'literal', text: unquote(inside) });
      else if (inside !== '') {
        const { steps, fromRoot } = new PathParser(inside).parsePath();
        stack[stack.length - 1].push({ kind: 'path', steps, fromRoot });
      }
    }
    if (stack.length > 1) this.fail('unclosed action');
    return root;
  }

  private findClose(open: number): number {
    let depth = 0;
    let quote: string | undefined;
    for (let i = open + 1; i < this.text.length; i++) {
      const ch = this.text[i];
      if (quote) {
        if (ch === '\\') i++;
        else if (ch === quote) quote = undefined;
        continue;
      }
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '[') depth++;
      else if (ch === ']') depth--;
      else if (ch === '}' && depth <= 0) return i;
    }
    return this.fail('unclosed action');
  }
}

function unquote(text: string): string {
  const q = text[0];
  if (text.length < 2 || text[text.length - 1] !== q) throw new JsonPathError(`unterminated quoted string`);
  const body = text.slice(1, -1);
  if (q === "'") return body;
  return body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"' })[c] ?? c);
}

class PathParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parsePath(): { steps: Step[]; fromRoot: boolean } {
    let fromRoot = false;
    if (this.text[this.pos] === '$') {
      fromRoot = true;
      this.pos++;
    } else if (this.text[this.pos] === '@') this.pos++;
    const steps = this.parseSteps(() => this.pos >= this.text.length);
    if (this.pos < this.text.length) throw new JsonPathError(`unrecognized character in action: ${JSON.stringify(this.text[this.pos])}`);
    return { steps, fromRoot };
  }

  parseSteps(done: () => boolean): Step[] {
    const steps: Step[] = [];
    while (!done()) {
      const ch = this.text[this.pos];
      if (ch === '.') {
        if (this.text[this.pos + 1] === '.') {
          steps.push({ kind: 'recursive' });
          this.pos += 2;
          if (this.text[this.pos] !== '[') steps.push(this.parseFieldName());
          continue;
        }
        this.pos++;
        if (this.pos >= this.text.length || done()) continue; // "{.}" is the current object
        if (this.text[this.pos] === '[') continue;
        steps.push(this.parseFieldName());
      } else if (ch === '[') {
        steps.push(this.parseBracket());
      } else if (/[A-Za-z_]/.test(ch)) {
        steps.push(this.parseFieldName());
      } else break;
    }
    return steps;
  }

  private parseFieldName(): Step {
    if (this.text[this.pos] === '*') {
      this.pos++;
      return { kind: 'wildcard' };
    }
    let name = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === '\\' && this.text[this.pos + 1] === '.') {
        name += '.';
        this.pos += 2;
        continue;
      }
      if (' .[]$@{},()=!<>'.includes(ch)) break;
      name += ch;
      this.pos++;
    }
    if (name === '') throw new JsonPathError(`invalid field name at position ${this.pos}`);
    return { kind: 'field', names: [name] };
  }

  private parseBracket(): Step {
    const close = this.matchingBracket(this.pos);
    const inside = this.text.slice(this.pos + 1, close).trim();
    this.pos = close + 1;
    if (inside === '*') return { kind: 'wildcard' };
    if (inside.startsWith('?(') && inside.endsWith(')')) return parseFilter(inside.slice(2, -1));
    if (inside.startsWith("'") || inside.startsWith('"')) {
      return { kind: 'field', names: inside.split(',').map((s) => unquote(s.trim())) };
    }
    if (inside.includes(':')) {
      const [a, b, c] = inside.split(':').map((s) => s.trim());
      const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : toInt(s));
      return { kind: 'slice', start: num(a), end: num(b), step: num(c) };
    }
    return { kind: 'index', indices: inside.split(',').map((s) => toInt(s.trim())) };
  }

  private matchingBracket(open: number): number {
    let depth = 0;
    let quote: string | undefined;
    for (let i = open; i < this.text.length; i++) {
      const ch = this.text[i];
      if (quote) {
        if (ch === quote) quote = undefined;
        continue;
      }
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '[') depth++;
      else if (ch === ']' && --depth === 0) return i;
    }
    throw new JsonPathError('unclosed array expect ]');
  }
}

function toInt(s: string): number {
  if (!/^-?\d+$/.test(s)) throw new JsonPathError(`invalid array index ${s}`);
  return Number(s);
}

function parseFilter(expr: string): Step {
  const m = /^(.*?)\s*(==|!=|<=|>=|<|>)\s*(.*)$/.exec(expr);
  const operand = (text: string): Operand => {
    const t = text.trim();
    if (t.startsWith('@') || t.startsWith('$')) return { kind: 'path', steps: new PathParser(t).parsePath().steps };
    if (t.startsWith('"') || t.startsWith("'")) return { kind: 'literal', value: unquote(t) };
    if (t === 'true' || t === 'false') return { kind: 'literal', value: t === 'true' };
    if (t !== '' && !Number.isNaN(Number(t))) return { kind: 'literal', value: Number(t) };
    throw new JsonPathError(`unrecognized filter operand ${t}`);
  };
  if (!m) {
    const left = operand(expr);
    if (left.kind !== 'path') throw new JsonPathError(`unrecognized filter ${expr}`);
    return { kind: 'filter', left: left.steps };
  }
  const left = operand(m[1]);
  if (left.kind !== 'path') throw new JsonPathError(`unrecognized filter ${expr}`);
  return { kind: 'filter', left: left.steps, op: m[2], right: operand(m[3]) };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function applyStep(values: unknown[], step: Step, root: unknown): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    switch (step.kind) {
      case 'field':
        for (const name of step.names) if (isObject(v) && v[name] !== undefined) out.push(v[name]);
        break;
      case 'wildcard':
        if (Array.isArray(v)) out.push(...v);
        else if (isObject(v)) for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out.push(v[k]);
        break;
      case 'recursive': {
        const walk = (x: unknown) => {
          out.push(x);
          if (Array.isArray(x)) x.forEach(walk);
          else if (isObject(x)) for (const k of Object.keys(x).sort()) walk(x[k]);
        };
        walk(v);
        break;
      }
      case 'index':
        if (!Array.isArray(v)) break;
        for (const i of step.indices) {
          const at = i < 0 ? v.length + i : i;
          if (at < 0 || at >= v.length) throw new JsonPathError(`array index out of bounds: index ${i}, length ${v.length}`);
          out.push(v[at]);
        }
        break;
      case 'slice': {
        if (!Array.isArray(v)) break;
        const len = v.length;
        let start = step.start ?? 0;
        let end = step.end ?? len;
        if (start < 0) start += len;
        if (end < 0) end += len;
        start = Math.max(0, Math.min(start, len));
        end = Math.max(0, Math.min(end, len));
        const inc = step.step ?? 1;
        for (let i = start; i < end; i += Math.max(1, inc)) out.push(v[i]);
        break;
      }
      case 'filter': {
        const items = Array.isArray(v) ? v : isObject(v) ? [v] : [];
        for (const item of items) {
          const left = evalSteps([item], step.left, root);
          if (!step.op) {
            if (left.length > 0) out.push(item);
            continue;
          }
          const right = step.right!.kind === 'literal' ? [step.right!.value] : evalSteps([item], step.right!.steps, root);
          if (left.length === 0 || right.length === 0) continue;
          if (compare(left[0], step.op, right[0])) out.push(item);
        }
        break;
      }
    }
  }
  return out;
}

function compare(a: unknown, op: string, b: unknown): boolean {
  const na = typeof a === 'number' ? a : typeof a === 'string' && typeof b === 'number' ? Number(a) : a;
  const nb = typeof b === 'number' ? b : typeof b === 'string' && typeof a === 'number' ? Number(b) : b;
  switch (op) {
    case '==':
      return na === nb;
    case '!=':
      return na !== nb;
    case '<':
      return (na as number) < (nb as number);
    case '>':
      return (na as number) > (nb as number);
    case '<=':
      return (na as number) <= (nb as number);
    case '>=':
      return (na as number) >= (nb as number);
  }
  return false;
}

function evalSteps(start: unknown[], steps: Step[], root: unknown): unknown[] {
  let values = start;
  for (const step of steps) values = applyStep(values, step, root);
  return values;
}

/** How one jsonpath result is printed: collections as compact JSON, scalars as text. */
export function jsonPathValueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return toCompactJson(value);
  return String(value);
}

export class JsonPath {
  private readonly nodes: Node[];
  constructor(readonly template: string) {
    this.nodes = new Parser(template).parseTemplate();
  }

  /** Every value each action finds, per action (FindResults). */
  findResults(data: unknown): unknown[][] {
    const results: unknown[][] = [];
    const run = (nodes: Node[], current: unknown) => {
      for (const node of nodes) {
        if (node.kind === 'text' || node.kind === 'literal') results.push([node.text]);
        else if (node.kind === 'path') results.push(evalSteps([node.fromRoot ? data : current], node.steps, data));
        else for (const item of evalSteps([node.fromRoot ? data : current], node.steps, data)) run(node.body, item);
      }
    };
    run(this.nodes, data);
    return results;
  }

  /** Execute: each action's results separated by spaces, actions and text concatenated. */
  execute(data: unknown): string {
    return this.findResults(data)
      .map((values) => values.map(jsonPathValueText).join(' '))
      .join('');
  }
}

/**
 * kubectl's RelaxedJSONPathExpression for custom columns and --sort-by: `.a.b`, `a.b` and
 * `{.a.b}` all mean `{.a.b}`.
 */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) throw new JsonPathError(`unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`);
  return `{.${m[1] || m[2]}}`;
}
