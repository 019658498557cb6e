/**
 * YAML exactly as `kubectl -o yaml` prints it: sigs.k8s.io/yaml turns the object's JSON into
 * go-yaml v2 output. That means go-yaml's rules, reproduced here: map keys in go-yaml's
 * "natural" order, sequences not indented under their key, strings quoted only when they would
 * read back as something else (numbers, booleans, timestamps → double quotes; indicator
 * characters → single quotes), multi-line strings as literal blocks, and long scalars folded at
 * spaces past column 80.
 */

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

// ------------------------------------------------------------------------------------------
// Implicit typing (go-yaml resolve.go): a plain scalar that would resolve to a non-string type
// must be quoted.
// ------------------------------------------------------------------------------------------

const RESOLVE_SPECIAL = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** strconv.ParseInt/ParseUint(s, 0, 64) after go-yaml removed underscores. */
function isGoInt(s: string): boolean {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  const body = m[2];
  let value: bigint;
  if (/^0[xXbB]/.test(body)) value = BigInt(body);
  else if (/^0[oO]/.test(body)) value = BigInt('0o' + body.slice(2));
  else if (body.length > 1 && body[0] === '0') value = BigInt('0o' + body.slice(1));
  else value = BigInt(body);
  if (m[1] === '-') return value <= 9223372036854775808n;
  return value <= 18446744073709551615n;
}

/** go-yaml parseTimestamp: YYYY-M-D, optionally with a T/t/space time. */
function isTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  const date = '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}';
  const time = '[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?';
  const zone = '(Z|[+-][0-9]{2}:[0-9]{2})';
  const patterns = [new RegExp(`^${date}[Tt]${time}${zone}$`), new RegExp(`^${date} ${time}$`), new RegExp(`^${date}$`)];
  if (!patterns.some((p) => p.test(s))) return false;
  const [y, mo, d] = s.slice(0, 10).split(/[-Tt ]/).map(Number);
  void y;
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

function resolvesToNonString(s: string): boolean {
  if (RESOLVE_SPECIAL.has(s)) return true;
  const first = s[0];
  if (first === '.') return YAML_STYLE_FLOAT.test(s) || /^\.[0-9]/.test(s) && !Number.isNaN(Number(s));
  if (!(first === '+' || first === '-' || (first >= '0' && first <= '9'))) return false;
  if (isTimestamp(s)) return true;
  const plain = s.replace(/_/g, '');
  if (isGoInt(plain)) return true;
  if (YAML_STYLE_FLOAT.test(plain)) return true;
  if (/^-?0b[01]+$/.test(plain)) return true;
  return false;
}

/** go-yaml isBase60Float: "1:20" style sexagesimal numbers are quoted too. */
function isBase60Float(s: string): boolean {
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}

// ------------------------------------------------------------------------------------------
// Scalar analysis (emitterc.go yaml_emitter_analyze_scalar / select_scalar_style).
// ------------------------------------------------------------------------------------------

const isBreakCp = (c: number) => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isPrintableCp = (c: number) => c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

function analyze(value: string): Analysis {
  if (value.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const cps = [...value].map((c) => c.codePointAt(0)!);
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let tabs = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  const isBlankAt = (i: number) => i >= cps.length || cps[i] === 0x20 || cps[i] === 0x09;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    const ch = String.fromCodePoint(c);
    const followedByWhitespace = i + 1 >= cps.length || cps[i + 1] === 0x20 || cps[i + 1] === 0x09 || isBreakCp(cps[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':') && followedByWhitespace) blockIndicators = true;
      else if (ch === '-' && followedByWhitespace) blockIndicators = true;
    } else if (ch === ':' && followedByWhitespace) blockIndicators = true;
    else if (ch === '#' && precededByWhitespace) blockIndicators = true;
    if (c === 0x09) tabs = true;
    else if (!isPrintableCp(c)) special = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreakCp(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankAt(i) || isBreakCp(c);
  }
  const a: Analysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) a.blockPlainAllowed = a.singleQuotedAllowed = false;
  if (spaceBreak || tabs || special) a.blockPlainAllowed = a.singleQuotedAllowed = false;
  if (spaceBreak || special) a.blockAllowed = false;
  if (lineBreaks) a.blockPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

type Style = 'plain' | 'single' | 'double' | 'literal';

function chooseStyle(value: string, simpleKey: boolean): Style {
  // Encoder (encode.go stringv): literal for multi-line text, plain when it reads back as a string.
  let style: Style = value.includes('\n') ? 'literal' : !resolvesToNonString(value) && !isBase60Float(value) ? 'plain' : 'double';
  const a = analyze(value);
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single';
    if (value.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

// ------------------------------------------------------------------------------------------
// Writer with go-yaml's column bookkeeping.
// ------------------------------------------------------------------------------------------

class Emitter {
  out = '';
  column = 0;

  put(text: string): void {
    for (const ch of text) {
      this.out += ch;
      if (ch === '\n') this.column = 0;
      else this.column++;
    }
  }

  /** write_indent: new line unless at the start of one, then pad to `indent`. */
  newLine(indent: number): void {
    if (this.column !== 0) this.put('\n');
    while (this.column < indent) this.put(' ');
  }

  /** Breaks a long scalar at a space: newline and indentation, the space itself is dropped. */
  fold(indent: number): void {
    this.put('\n');
    while (this.column < indent) this.put(' ');
  }

  scalar(value: string, indent: number, simpleKey: boolean): void {
    const style = chooseStyle(value, simpleKey);
    const allowBreaks = !simpleKey;
    const cps = [...value];
    switch (style) {
      case 'plain': {
        let spaces = false;
        for (let i = 0; i < cps.length; i++) {
          const ch = cps[i];
          if (ch === ' ') {
            if (allowBreaks && !spaces && this.column > BEST_WIDTH && cps[i + 1] !== ' ') this.fold(indent);
            else this.put(ch);
            spaces = true;
          } else {
            this.put(ch);
            spaces = false;
          }
        }
        return;
      }
      case 'single': {
        this.put("'");
        let spaces = false;
        for (let i = 0; i < cps.length; i++) {
          const ch = cps[i];
          if (ch === ' ') {
            if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1 && cps[i + 1] !== ' ') this.fold(indent);
            else this.put(ch);
            spaces = true;
          } else {
            this.put(ch === "'" ? "''" : ch);
            spaces = false;
          }
        }
        this.put("'");
        return;
      }
      case 'double': {
        this.put('"');
        let spaces = false;
        for (let i = 0; i < cps.length; i++) {
          const ch = cps[i];
          const c = ch.codePointAt(0)!;
          if (!isPrintableCp(c) || c === 0xfeff || isBreakCp(c) || ch === '"' || ch === '\\') {
            this.put(doubleEscape(c));
            spaces = false;
          } else if (ch === ' ') {
            if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1) {
              this.fold(indent);
              if (cps[i + 1] === ' ') this.put('\\');
            } else this.put(ch);
            spaces = true;
          } else {
            this.put(ch);
            spaces = false;
          }
        }
        this.put('"');
        return;
      }
      case 'literal': {
        this.put('|');
        if (cps[0] === ' ' || isBreakCp(cps[0].codePointAt(0)!)) this.put(String(BEST_INDENT));
        const last = cps[cps.length - 1];
        if (!isBreakCp(last.codePointAt(0)!)) this.put('-');
        else if (cps.length === 1 || isBreakCp(cps[cps.length - 2].codePointAt(0)!)) this.put('+');
        this.put('\n');
        let breaks = true;
        for (const ch of cps) {
          if (isBreakCp(ch.codePointAt(0)!)) {
            this.put('\n');
            breaks = true;
          } else {
            if (breaks) while (this.column < indent) this.put(' ');
            this.put(ch);
            breaks = false;
          }
        }
        return;
      }
    }
  }
}

function doubleEscape(c: number): string {
  const short: Record<number, string> = { 0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P' };
  if (short[c] !== undefined) return '\\' + short[c];
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return '\\x' + hex.padStart(2, '0');
  if (c <= 0xffff) return '\\u' + hex.padStart(4, '0');
  return '\\U' + hex.padStart(8, '0');
}

// ------------------------------------------------------------------------------------------
// Key order (go-yaml sorter.go keyList.Less).
// ------------------------------------------------------------------------------------------

const isLetter = (ch: string) => /\p{L}/u.test(ch);
const isDigitCh = (ch: string) => ch >= '0' && ch <= '9';

export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigitCh(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigitCh(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigitCh(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

function sortedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort((x, y) => (goYamlKeyLess(x, y) ? -1 : goYamlKeyLess(y, x) ? 1 : 0));
}

// ------------------------------------------------------------------------------------------
// Block structure.
// ------------------------------------------------------------------------------------------

function isEmptyCollection(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && sortedKeys(value as Record<string, unknown>).length === 0;
}

function scalarText(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

/** Writes a value after its indicator (`key:` or `-`); `indent` is the indentation of that key/dash. */
function emitValue(e: Emitter, value: unknown, indent: number, inSequence: boolean): void {
  const plain = scalarText(value);
  if (plain !== undefined) {
    e.put(' ' + plain);
    return;
  }
  if (typeof value === 'string') {
    e.put(' ');
    e.scalar(value, indent + BEST_INDENT, false);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      e.put(' []');
      return;
    }
    // Sequences under a mapping key are not indented; nested in a sequence they are.
    emitSequence(e, value, inSequence ? indent + BEST_INDENT : indent, inSequence);
    return;
  }
  const record = value as Record<string, unknown>;
  if (isEmptyCollection(record)) {
    e.put(' {}');
    return;
  }
  emitMapping(e, record, indent + BEST_INDENT, inSequence);
}

function emitMapping(e: Emitter, record: Record<string, unknown>, indent: number, firstOnSameLine: boolean): void {
  sortedKeys(record).forEach((key, i) => {
    if (i === 0 && firstOnSameLine) e.put(' ');
    else e.newLine(indent);
    e.scalar(key, indent + BEST_INDENT, true);
    e.put(':');
    emitValue(e, record[key], indent, false);
  });
}

function emitSequence(e: Emitter, items: unknown[], indent: number, firstOnSameLine: boolean): void {
  items.forEach((item, i) => {
    if (i === 0 && firstOnSameLine) e.put(' ');
    else e.newLine(indent);
    e.put('-');
    emitValue(e, item, indent, true);
  });
}

/** sigs.k8s.io/yaml.Marshal(value): the text of one YAML document, newline-terminated. */
export function toGoYaml(value: unknown): string {
  const e = new Emitter();
  const plain = scalarText(value);
  if (plain !== undefined) e.put(plain);
  else if (typeof value === 'string') e.scalar(value, 0, false);
  else if (Array.isArray(value)) {
    if (value.length === 0) e.put('[]');
    else emitSequence(e, value, 0, false);
  } else if (isEmptyCollection(value)) e.put('{}');
  else emitMapping(e, value as Record<string, unknown>, 0, false);
  if (e.column !== 0) e.put('\n');
  return e.out;
}
