/**
 * Small helpers shared by the kind strategies: field.Error constructors (field/errors.go) and
 * defensive readers, because a strategy may see an object that skipped strict decoding (controllers,
 * tests) and must answer with a field error, never throw.
 */
import type { FieldError } from '../errors';
import { MAX_REPLICAS } from '../../sim/limits';
import { clone } from '../../util/clone';

export type Obj = Record<string, unknown>;

export const isRecord = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The child object at `key`, created when absent (for defaulting). A value of the wrong type is
 * left in place for validation to report; defaults then go to a detached object.
 */
export function ensureRecord(parent: Obj, key: string): Obj {
  const existing = parent[key];
  if (isRecord(existing)) return existing;
  const created: Obj = {};
  if (existing === undefined || existing === null) parent[key] = created;
  return created;
}

/**
 * PrepareForUpdate of every registry strategy: status is written through the status subresource,
 * so an update of the object keeps the stored status whatever the manifest says.
 */
export function keepStoredStatus(obj: { status?: unknown }, old: { status?: unknown }): void {
  if (old.status === undefined) delete obj.status;
  else obj.status = clone(old.status);
}

export function recordAt(parent: unknown, key: string): Obj | undefined {
  if (!isRecord(parent)) return undefined;
  const v = parent[key];
  return isRecord(v) ? v : undefined;
}

export function arrayAt(parent: unknown, key: string): unknown[] | undefined {
  if (!isRecord(parent)) return undefined;
  const v = parent[key];
  return Array.isArray(v) ? v : undefined;
}

export function stringAt(parent: unknown, key: string): string | undefined {
  if (!isRecord(parent)) return undefined;
  const v = parent[key];
  return typeof v === 'string' ? v : undefined;
}

export function numberAt(parent: unknown, key: string): number | undefined {
  if (!isRecord(parent)) return undefined;
  const v = parent[key];
  return typeof v === 'number' ? v : undefined;
}

export const isUnset = (v: unknown): boolean => v === undefined || v === null;

export function invalid(path: string, value: unknown, detail: string): FieldError {
  return { path, type: 'Invalid value', value, detail };
}

export function required(path: string, detail = ''): FieldError {
  return detail ? { path, type: 'Required value', detail } : { path, type: 'Required value' };
}

export function forbidden(path: string, detail: string): FieldError {
  return { path, type: 'Forbidden', detail };
}

export function unsupported(path: string, value: unknown, supported: readonly string[]): FieldError {
  return { path, type: 'Unsupported value', value, supported };
}

export function duplicate(path: string, value: unknown): FieldError {
  return { path, type: 'Duplicate value', value };
}

export function notFound(path: string, value: unknown): FieldError {
  return { path, type: 'Not found', value };
}

const FIELD_ERROR_TYPES = 'Invalid value|Required value|Unsupported value|Forbidden|Duplicate value|Too long|Too many|Not found|Internal error';
const FIELD_ERROR_TEXT = new RegExp(`^(.*?): (${FIELD_ERROR_TYPES})(?:: ([\\s\\S]*))?$`);

/**
 * Field errors from texts already printed as `path: Type: rest` (labels.ts returns those); the rest
 * is kept verbatim as the detail, so fieldErrorText reprints the same text.
 */
export function fromTexts(texts: readonly string[]): FieldError[] {
  return texts.map((text) => {
    const m = FIELD_ERROR_TEXT.exec(text);
    if (!m) return { path: '', type: 'Internal error', detail: text } as FieldError;
    const type = m[2] as FieldError['type'];
    return m[3] === undefined ? { path: m[1], type } : { path: m[1], type, detail: m[3] };
  });
}

export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';

/** ValidateNonnegativeField. */
export function nonNegative(value: unknown, path: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid(path, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

/** A number field that must be an integer: wrong types get a clear error instead of a crash. */
export function checkInteger(value: unknown, path: string): FieldError[] {
  if (isUnset(value)) return [];
  if (typeof value !== 'number' || !Number.isInteger(value)) return [invalid(path, value, 'must be an integer')];
  return [];
}

/** Podlab's bound on replica counts (sim/limits.ts); a real cluster allows up to 2^31-1. */
export function replicasBound(value: unknown, path: string): FieldError[] {
  if (typeof value === 'number' && value > MAX_REPLICAS) {
    return [invalid(path, value, `must be less than or equal to ${MAX_REPLICAS} (Podlab simulates at most ${MAX_REPLICAS} replicas per workload)`)];
  }
  return [];
}

/** content.InclusiveRangeError. */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}
