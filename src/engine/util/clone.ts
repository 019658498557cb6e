/** Deep copy of plain JSON-like data (objects here never hold functions, Maps or Dates). */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    // Sized up front: grown by push, a one-element array keeps room for 17 (152 bytes, not 24).
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = clone(value[i]);
    return out as unknown as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    setOwn(out, key, clone(v));
  }
  return out as T;
}

/** Sets an own data property; a manifest key "__proto__" (YAML keeps it as an own key) must stay data, not set the prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Freezes a value and everything under it; used in tests so a controller that mutates the store fails loudly. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value as object)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

/** Stable JSON: keys sorted, so equal data always prints the same bytes (golden logs, hashes). */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return '[' + value.map(stableStringify).join(',') + ']';
  const keys = Object.keys(value as object).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + stableStringify((value as Record<string, unknown>)[k])).join(',') + '}';
}

/** Structural equality where an undefined property counts as absent (as in JSON). Allocation-free: it is on every write. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const aIsArray = Array.isArray(a);
  if (aIsArray !== Array.isArray(b)) return false;
  if (aIsArray) {
    const aa = a as unknown[], bb = b as unknown[];
    if (aa.length !== bb.length) return false;
    for (let i = 0; i < aa.length; i++) if (!deepEqual(aa[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>, bo = b as Record<string, unknown>;
  let aCount = 0;
  for (const k in ao) {
    if (!Object.prototype.hasOwnProperty.call(ao, k)) continue;
    const v = ao[k];
    if (v === undefined) continue;
    aCount++;
    if (!Object.prototype.hasOwnProperty.call(bo, k) || !deepEqual(v, bo[k])) return false;
  }
  let bCount = 0;
  for (const k in bo) if (Object.prototype.hasOwnProperty.call(bo, k) && bo[k] !== undefined) bCount++;
  return aCount === bCount;
}

/**
 * Structural sharing: returns `prev` when `next` equals it (deepEqual), otherwise `next` with every
 * subtree that equals prev's counterpart replaced by prev's (`next`'s own containers are modified,
 * so pass a fresh copy). Stored objects are immutable, so a new version of a pod can point at the
 * old version's spec and a pod at its sibling's: memory then grows with what differs.
 */
export function shareEqual<T>(next: T, prev: unknown): T {
  if (next === prev) return next;
  if (next === null || prev === null || typeof next !== 'object' || typeof prev !== 'object') return next;
  const nextIsArray = Array.isArray(next);
  if (nextIsArray !== Array.isArray(prev)) return next;
  if (nextIsArray) {
    const nn = next as unknown as unknown[], pp = prev as unknown[];
    let same = nn.length === pp.length;
    for (let i = 0; i < nn.length; i++) {
      const shared = i < pp.length ? shareEqual(nn[i], pp[i]) : nn[i];
      nn[i] = shared;
      if (shared !== pp[i]) same = false;
    }
    return same ? (prev as T) : next;
  }
  const no = next as Record<string, unknown>, po = prev as Record<string, unknown>;
  let same = true;
  let nextCount = 0;
  for (const k in no) {
    if (!Object.prototype.hasOwnProperty.call(no, k)) continue;
    const v = no[k];
    if (v === undefined) continue;
    nextCount++;
    if (!Object.prototype.hasOwnProperty.call(po, k)) {
      same = false;
      continue;
    }
    const shared = shareEqual(v, po[k]);
    if (shared !== v) setOwn(no, k, shared);
    if (shared !== po[k]) same = false;
  }
  if (!same) return next;
  let prevCount = 0;
  for (const k in po) if (Object.prototype.hasOwnProperty.call(po, k) && po[k] !== undefined) prevCount++;
  return prevCount === nextCount ? (prev as T) : next;
}

/**
 * A deep copy of `next` that reuses `prev`'s subtrees wherever they are equal: returns `prev` itself
 * when the whole value equals it, and never copies a subtree that is `prev`'s own (identity is the
 * common case: a status write carries the stored spec by reference). Like clone, it drops undefined
 * properties. The result may share frozen parts with `prev`: never mutate below its top level.
 */
export function cloneShared<T>(next: T, prev: unknown): T {
  if (next === prev || next === null || typeof next !== 'object') return next;
  if (prev === null || typeof prev !== 'object' || Array.isArray(next) !== Array.isArray(prev)) return clone(next);
  // The copy is allocated at the first difference: until then every element is prev's own, which
  // is what the copy would hold, and a subtree equal to prev's allocates nothing.
  if (Array.isArray(next)) {
    const pp = prev as unknown[];
    let out: unknown[] | undefined;
    for (let i = 0; i < next.length; i++) {
      const v = i < pp.length ? cloneShared(next[i], pp[i]) : clone(next[i]);
      if (out === undefined) {
        if (i < pp.length && v === pp[i]) continue;
        // Sized up front, as in clone.
        out = new Array(next.length);
        for (let j = 0; j < i; j++) out[j] = pp[j];
      }
      out[i] = v;
    }
    if (out !== undefined) return out as T;
    return (next.length === pp.length ? prev : pp.slice(0, next.length)) as T;
  }
  const no = next as Record<string, unknown>, po = prev as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  let count = 0;
  for (const key in no) {
    const v = no[key];
    if (v === undefined) continue;
    count++;
    const has = Object.prototype.hasOwnProperty.call(po, key);
    const copy = has ? cloneShared(v, po[key]) : clone(v);
    if (out === undefined) {
      if (has && copy === po[key]) continue;
      out = sameKeysBefore(no, po, key);
    }
    setOwn(out, key, copy);
  }
  if (out !== undefined) return out as T;
  let prevCount = 0;
  for (const key in po) if (Object.prototype.hasOwnProperty.call(po, key) && po[key] !== undefined) prevCount++;
  return (prevCount === count ? prev : sameKeysBefore(no, po, undefined)) as T;
}

/** A new object with next's defined keys before `stop` (all of them when undefined), each holding prev's value (found equal). */
function sameKeysBefore(no: Record<string, unknown>, po: Record<string, unknown>, stop: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in no) {
    if (key === stop) break;
    if (no[key] === undefined) continue;
    setOwn(out, key, po[key]);
  }
  return out;
}
