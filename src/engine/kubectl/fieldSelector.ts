/**
 * `--field-selector`: `key=value`, `key==value`, `key!=value`, comma-separated and ANDed
 * (apimachinery fields.ParseSelector), over the field labels each resource's registry supports.
 */
import type { KubeObject } from '../api/types';

export interface FieldRequirement {
  readonly field: string;
  readonly op: '=' | '!=';
  readonly value: string;
}

export class FieldSelectorError extends Error {}

/** fields.ParseSelector; a backslash escapes `,`, `=`, `!` and `\` in values. */
export function parseFieldSelector(text: string): FieldRequirement[] {
  if (text.trim() === '') return [];
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) {
      current += text[i] + text[i + 1];
      i++;
    } else if (text[i] === ',') {
      parts.push(current);
      current = '';
    } else current += text[i];
  }
  parts.push(current);
  return parts.map((part) => {
    const m = /^(.*?)(!=|==|=)(.*)$/.exec(part);
    if (!m) throw new FieldSelectorError(`invalid selector: '${text}'; can't understand '${part}'`);
    const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
    return { field: m[1].trim(), op: m[2] === '!=' ? '!=' : '=', value: unescape(m[3]) };
  });
}

type FieldGetter = (obj: KubeObject) => string | undefined;

const dig = (obj: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), obj);
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

const COMMON: Record<string, FieldGetter> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
};

const BY_KIND: Record<string, Record<string, FieldGetter>> = {
  Pod: {
    'spec.nodeName': (o) => str(dig(o, 'spec.nodeName')),
    'spec.restartPolicy': (o) => str(dig(o, 'spec.restartPolicy')),
    'spec.schedulerName': (o) => str(dig(o, 'spec.schedulerName')),
    'spec.serviceAccountName': (o) => str(dig(o, 'spec.serviceAccountName')),
    'spec.hostNetwork': (o) => String(dig(o, 'spec.hostNetwork') === true),
    'status.phase': (o) => str(dig(o, 'status.phase')),
    'status.podIP': (o) => str(dig(o, 'status.podIP')),
    'status.nominatedNodeName': (o) => str(dig(o, 'status.nominatedNodeName')),
  },
  Node: { 'spec.unschedulable': (o) => String(dig(o, 'spec.unschedulable') === true) },
  Namespace: { 'status.phase': (o) => str(dig(o, 'status.phase')) },
  ReplicaSet: { 'status.replicas': (o) => str(dig(o, 'status.replicas') ?? 0) },
  ReplicationController: { 'status.replicas': (o) => str(dig(o, 'status.replicas') ?? 0) },
  Event: {
    'involvedObject.kind': (o) => str(dig(o, 'involvedObject.kind')),
    'involvedObject.namespace': (o) => str(dig(o, 'involvedObject.namespace')),
    'involvedObject.name': (o) => str(dig(o, 'involvedObject.name')),
    'involvedObject.uid': (o) => str(dig(o, 'involvedObject.uid')),
    'involvedObject.apiVersion': (o) => str(dig(o, 'involvedObject.apiVersion')),
    'involvedObject.fieldPath': (o) => str(dig(o, 'involvedObject.fieldPath')),
    reason: (o) => str(dig(o, 'reason')),
    reportingComponent: (o) => str(dig(o, 'reportingComponent')),
    source: (o) => str(dig(o, 'source.component')),
    type: (o) => str(dig(o, 'type')),
  },
};

/** Returns the first unsupported field label for the kind, if any (the apiserver rejects it). */
export function unsupportedField(kind: string, requirements: readonly FieldRequirement[]): string | undefined {
  return requirements.find((r) => !COMMON[r.field] && !BY_KIND[kind]?.[r.field])?.field;
}

export function matchesFields(obj: KubeObject, requirements: readonly FieldRequirement[]): boolean {
  return requirements.every((r) => {
    const getter = COMMON[r.field] ?? BY_KIND[obj.kind]?.[r.field];
    const value = getter ? getter(obj) ?? '' : '';
    return r.op === '=' ? value === r.value : value !== r.value;
  });
}
