/**
 * The value kept for `key` in a bounded sharing table, keeping `value` when there is none yet.
 * These tables only let immutable values be shared (spec keys, probe attempts, cache-key strings,
 * timeline kinds), so when one reaches `max` entries it starts over: that costs sharing, never
 * correctness.
 */
export function internAs<V>(table: Map<string, V>, key: string, value: V, max: number): V {
  const kept = table.get(key);
  if (kept !== undefined) return kept;
  if (table.size >= max) table.clear();
  table.set(key, value);
  return value;
}

/**
 * internAs with the value made from the key only on a miss (memos of immutable results: parses,
 * compiled data). Pass a function of the key where there is one: hits then allocate nothing.
 */
export function internMade<V>(table: Map<string, V>, key: string, make: (key: string) => V, max: number): V {
  const kept = table.get(key);
  return kept !== undefined ? kept : internAs(table, key, make(key), max);
}
