/** Go's fmt %v for decoded JSON values, as custom-columns prints cells: map[k:v], [a b], <nil>. */
export function goFormatValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return '[' + value.map(goFormatValue).join(' ') + ']';
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return 'map[' + keys.map((k) => `${k}:${goFormatValue(record[k])}`).join(' ') + ']';
  }
  return String(value);
}
