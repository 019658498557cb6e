/**
 * Go encoding/json as kubectl's JSONPrinter uses it (json.MarshalIndent with four spaces): map
 * keys sorted byte-wise, HTML-sensitive characters escaped (\u003c, \u003e, \u0026), U+2028 and
 * U+2029 escaped, control characters as \n \r \t \b \f or \u00XX.
 */

const HEX = '0123456789abcdef';

export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&') out += '\\u00' + HEX[c >> 4] + HEX[c & 15];
    else if (c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16);
    else out += ch;
  }
  return out + '"';
}

function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  return String(n);
}

function encode(value: unknown, indent: string, step: string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return goJsonNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  const inner = indent + step;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[\n' + value.map((v) => inner + encode(v, inner, step)).join(',\n') + '\n' + indent + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (keys.length === 0) return '{}';
  return '{\n' + keys.map((k) => inner + goJsonString(k) + ': ' + encode(record[k], inner, step)).join(',\n') + '\n' + indent + '}';
}

/** json.MarshalIndent(value, "", "    ") followed by a newline, as kubectl -o json prints. */
export function toKubectlJson(value: unknown): string {
  return encode(value, '', '    ') + '\n';
}

/** Compact Go JSON (json.Marshal), used for jsonpath results and annotations. */
export function toCompactJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value !== 'object') return encode(value, '', '');
  if (Array.isArray(value)) return '[' + value.map(toCompactJson).join(',') + ']';
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return '{' + keys.map((k) => goJsonString(k) + ':' + toCompactJson(record[k])).join(',') + '}';
}
