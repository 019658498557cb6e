/**
 * Strict decoding of a manifest against the field catalog, as the apiserver decodes a request with
 * `fieldValidation=Strict` (kubectl's default since 1.27): encoding/json type errors, errors from
 * custom unmarshalers (Quantity, IntOrString) and, when the object decodes, every unknown field.
 *
 * Message texts follow the apiserver's: `Pod in version "v1" cannot be handled as a Pod:
 * strict decoding error: unknown field "spec.containers[0].imagee"`, or `... json: cannot unmarshal
 * string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32`.
 * Keys are visited in sorted order because the apiserver converts YAML to JSON through a Go map.
 */
import { parseQuantity, QuantityParseError } from '../../api/quantity';
import { elementType, goStructName, goTypeName, isListType, isMapType, rootTypeKey, typeDef, type FieldDef, type FieldType } from './catalog';

export interface DecodeIssue {
  /** Manifest path with list indices (`spec.containers[0].imagee`), for positioning markers. */
  readonly path: string;
  /** The decoder's own text for this issue (`unknown field "..."`, `json: cannot unmarshal ...`). */
  readonly text: string;
  /** Podlab's explanation of a known mistake (an older API version's spelling), never part of the real message. */
  readonly hint?: string;
}

/** Spellings of older API versions that learners copy into newer manifests. */
const LEGACY_SPELLINGS: readonly { readonly pattern: RegExp; readonly hint: string }[] = [
  {
    pattern: /^spec\.metrics\[\d+\]\.(resource|containerResource)\.targetAverageUtilization$/,
    hint: 'targetAverageUtilization is the autoscaling/v2beta1 spelling. In autoscaling/v2 write `target: {type: Utilization, averageUtilization: N}` under the resource metric (or use apiVersion autoscaling/v2beta1, which current clusters no longer serve).',
  },
  {
    pattern: /^spec\.metrics\[\d+\]\.(resource|containerResource)\.targetAverageValue$/,
    hint: 'targetAverageValue is the autoscaling/v2beta1 spelling. In autoscaling/v2 write `target: {type: AverageValue, averageValue: Q}` under the resource metric.',
  },
  {
    pattern: /^spec\.targetCPUUtilizationPercentage$/,
    hint: 'targetCPUUtilizationPercentage exists only in autoscaling/v1. In autoscaling/v2 use `metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: N}}}]`, or write apiVersion: autoscaling/v1.',
  },
];

function hintFor(path: string): string | undefined {
  return LEGACY_SPELLINGS.find((l) => l.pattern.test(path))?.hint;
}

export interface DecodeResult {
  readonly ok: boolean;
  /** The full apiserver message (`Pod in version "v1" cannot be handled as a Pod: ...`) when not ok. */
  readonly message?: string;
  /** One issue for a type or unmarshaler error; one per unknown field for a strict decoding error. */
  readonly issues: readonly DecodeIssue[];
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

interface Walk {
  abort?: DecodeIssue;
  typeError?: DecodeIssue;
  unknown: DecodeIssue[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How encoding/json names a JSON value in UnmarshalTypeError. */
function jsonKind(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  return 'object';
}

/** The JSON text of a number as Go's decoder echoes it (`number 1.5`). */
function numberText(value: number): string {
  return JSON.stringify(value) ?? String(value);
}

function childPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function sortedKeys(obj: Record<string, unknown>): string[] {
  return Object.keys(obj).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Context of the innermost Go struct field being decoded: its struct name and JSON field path. */
interface FieldContext {
  readonly struct: string;
  readonly goPath: string;
  readonly field?: FieldDef;
}

function typeError(walk: Walk, path: string, ctx: FieldContext, valueText: string, goType: string): void {
  if (walk.typeError) return;
  const target = ctx.goPath ? `Go struct field ${ctx.struct}.${ctx.goPath}` : 'Go value';
  walk.typeError = { path, text: `json: cannot unmarshal ${valueText} into ${target} of type ${goType}` };
}

function abort(walk: Walk, path: string, text: string): void {
  if (!walk.abort) walk.abort = { path, text };
}

function fieldGoType(type: FieldType, ctx: FieldContext): string {
  return goTypeName(type, ctx.field?.goInt ?? 'int32');
}

function walkValue(walk: Walk, value: unknown, type: FieldType, path: string, ctx: FieldContext): void {
  if (value === null || value === undefined || walk.abort) return;
  if (isListType(type)) {
    if (!Array.isArray(value)) return typeError(walk, path, ctx, jsonKind(value), fieldGoType(type, ctx));
    const item = elementType(type);
    value.forEach((element, i) => walkValue(walk, element, item, `${path}[${i}]`, ctx));
    return;
  }
  if (isMapType(type)) {
    if (!isRecord(value)) return typeError(walk, path, ctx, jsonKind(value), fieldGoType(type, ctx));
    const item = elementType(type);
    for (const key of sortedKeys(value)) walkValue(walk, value[key], item, `${path}[${key}]`, ctx);
    return;
  }
  switch (type) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') typeError(walk, path, ctx, jsonKind(value), 'string');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') typeError(walk, path, ctx, jsonKind(value), 'bool');
      return;
    case 'integer': {
      const goInt = ctx.field?.goInt ?? 'int32';
      if (typeof value !== 'number') return typeError(walk, path, ctx, jsonKind(value), goInt);
      const inRange = goInt === 'int32' ? value >= INT32_MIN && value <= INT32_MAX : Number.isSafeInteger(value);
      if (!Number.isInteger(value) || !inRange) typeError(walk, path, ctx, `number ${numberText(value)}`, goInt);
      return;
    }
    case 'time':
      if (typeof value !== 'string') abort(walk, path, `json: cannot unmarshal ${jsonKind(value)} into Go value of type string`);
      return;
    case 'quantity': {
      // Quantity.UnmarshalJSON: strip the quotes of a string, trim, and parse; anything else parses its JSON text.
      const text = typeof value === 'string' ? value : typeof value === 'number' ? numberText(value) : JSON.stringify(value);
      try {
        parseQuantity(text.trim());
      } catch (error) {
        if (!(error instanceof QuantityParseError)) throw error;
        abort(walk, path, error.message);
      }
      return;
    }
    case 'int-or-string':
      // IntOrString.UnmarshalJSON: a JSON string is the string form, anything else must decode as int32.
      if (typeof value === 'string') return;
      if (typeof value !== 'number') return abort(walk, path, `json: cannot unmarshal ${jsonKind(value)} into Go value of type int32`);
      if (!Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) abort(walk, path, `json: cannot unmarshal number ${numberText(value)} into Go value of type int32`);
      return;
  }
  const def = typeDef(type);
  if (!def) return;
  if (!isRecord(value)) return typeError(walk, path, ctx, jsonKind(value), fieldGoType(type, ctx));
  const struct = goStructName(type);
  for (const key of sortedKeys(value)) {
    const field = def.fields.get(key);
    const fieldPath = childPath(path, key);
    if (!field) {
      const hint = hintFor(fieldPath);
      walk.unknown.push({ path: fieldPath, text: `unknown field ${JSON.stringify(fieldPath)}`, ...(hint ? { hint } : {}) });
      continue;
    }
    walkValue(walk, value[key], field.type, fieldPath, { struct, goPath: childPath(ctx.goPath, key), field });
  }
}

/** `Kind in version "v1" cannot be handled as a Kind: <detail>` (runtime.NewStrictDecodingError wraps the detail). */
export function decodeFailureMessage(kind: string, apiVersion: string, detail: string): string {
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
  return `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${detail}`;
}

/**
 * Decodes `obj` as `kind` in `apiVersion` (the version the manifest names, so v1 and v2beta1
 * HorizontalPodAutoscalers decode against their own shapes). Never throws on bad input.
 */
export function strictDecode(obj: unknown, kind: string, apiVersion: string): DecodeResult {
  const root = rootTypeKey(kind, apiVersion);
  if (!root) return { ok: true, issues: [] };
  const walk: Walk = { unknown: [] };
  walkValue(walk, obj, root, '', { struct: goStructName(root), goPath: '' });
  const fatal = walk.abort ?? walk.typeError;
  if (fatal) return { ok: false, message: decodeFailureMessage(kind, apiVersion, fatal.text), issues: [fatal] };
  if (walk.unknown.length > 0) {
    const detail = `strict decoding error: ${walk.unknown.map((u) => u.text).join(', ')}`;
    return { ok: false, message: decodeFailureMessage(kind, apiVersion, detail), issues: walk.unknown };
  }
  return { ok: true, issues: [] };
}
