/** Finds the fields of an object that Podlab stores but does not simulate, for apply's warnings. */
import { deepEqual } from '../../util/clone';
import { elementType, isListType, isMapType, rootTypeKey, typeDef, type FieldType } from './catalog';

export interface UnsimulatedField {
  readonly path: string;
  readonly note: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return false;
}

function walk(value: unknown, type: FieldType, path: string, out: UnsimulatedField[]): void {
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, elementType(type), `${path}[${i}]`, out));
    return;
  }
  if (isMapType(type)) return;
  const def = typeDef(type);
  if (!def || !isRecord(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const field = def.fields.get(key);
    if (!field) continue;
    const childPath = path ? `${path}.${key}` : key;
    if (!field.simulated) {
      if (!isEmpty(child) && !(field.defaultValue !== undefined && deepEqual(child, field.defaultValue))) {
        out.push({ path: childPath, note: field.note ?? 'Podlab does not simulate this field.' });
      }
      continue;
    }
    walk(child, field.type, childPath, out);
  }
}

/** Set, non-default fields Podlab does not simulate (status is server-owned and skipped). */
export function unsimulatedFieldsOf(obj: unknown, kind: string, apiVersion?: string): UnsimulatedField[] {
  const root = rootTypeKey(kind, apiVersion);
  if (!root || !isRecord(obj)) return [];
  const out: UnsimulatedField[] = [];
  const { status: _status, ...rest } = obj;
  walk(rest, root, '', out);
  return out;
}
