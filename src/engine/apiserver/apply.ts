import type { KubeObject } from '../api/types';
import { DEFAULT_NAMESPACE, kindInfo, KINDS } from '../api/types';
import type { Simulation } from '../sim/Simulation';
import { ApiError, fieldErrorText, type FieldError } from './errors';
import { parseManifest, type ManifestError, type ParsedDocument } from './manifest';
import { strategyFor } from './strategy';
import { clone, deepEqual } from '../util/clone';
import { qualifiedResource } from '../sim/Writer';
import { decodeFailureMessage, strictDecode } from './schema/decode';
import './kinds/index';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Input versions a current cluster still serves besides the stored one (converted without a warning). */
const STILL_SERVED_API_VERSIONS: ReadonlySet<string> = new Set(['autoscaling/v1']);

export type ApplyMode = 'apply' | 'create' | 'replace';

export interface AppliedObject {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  /** What kubectl prints after `kind.group/name`. */
  readonly outcome: 'created' | 'configured' | 'unchanged' | 'replaced';
  readonly documentIndex: number;
}

export interface ApplyResult {
  readonly applied: readonly AppliedObject[];
  readonly errors: readonly ManifestError[];
  /** Non-fatal notes: deprecated apiVersions, fields Podlab does not simulate. */
  readonly warnings: readonly ManifestError[];
  /** Only with dryRun and no errors: the objects that would be written, parallel to `applied`. */
  readonly planned?: readonly KubeObject[];
}

export interface ApplyOptions {
  readonly mode?: ApplyMode;
  /** Shown in errors as kubectl shows the file name (`error when creating "pod.yaml"`). */
  readonly fileName?: string;
  /** kubectl -n: namespace for documents that name none. */
  readonly namespace?: string;
  readonly dryRun?: boolean;
  /**
   * `kubectl create --dry-run=client` never calls the server: no existence or namespace checks,
   * every object shows as created. (apply's client dry run does read the live object.)
   */
  readonly clientOnly?: boolean;
}

interface Planned {
  readonly doc: ParsedDocument;
  readonly object: KubeObject;
  readonly existing?: KubeObject;
  readonly outcome: AppliedObject['outcome'];
}

/**
 * `kubectl apply|create|replace -f`: parse, default, validate every document, and write only if all
 * are valid, so a bad document never leaves the batch half-applied.
 */
export function applyManifest(sim: Simulation, text: string, options: ApplyOptions = {}): ApplyResult {
  const mode = options.mode ?? 'apply';
  const parsed = parseManifest(text);
  const errors: ManifestError[] = [...parsed.errors];
  const warnings: ManifestError[] = [];
  const planned: Planned[] = [];
  const seen = new Set<string>();
  if (parsed.documents.length === 0 && errors.length === 0) {
    errors.push({ message: 'error: no objects passed to ' + mode, documentIndex: 0 });
  }
  for (const doc of parsed.documents) {
    const plan = planDocument(sim, doc, mode, options, errors, warnings);
    if (!plan) continue;
    const key = `${plan.object.kind}/${plan.object.metadata.namespace ?? ''}/${plan.object.metadata.name}`;
    if (seen.has(key)) {
      errors.push({ message: `error: ${qualifiedResource(plan.object.kind)} "${plan.object.metadata.name}" appears twice in the manifest`, documentIndex: doc.index, position: doc.positionOf('metadata.name'), fieldPath: 'metadata.name' });
      continue;
    }
    seen.add(key);
    planned.push(plan);
  }
  if (errors.length > 0 || options.dryRun) {
    if (errors.length > 0) return { applied: [], errors, warnings };
    return { applied: planned.map(toApplied), errors, warnings, planned: planned.map((p) => plannedView(p)) };
  }
  const applied: AppliedObject[] = [];
  for (const plan of planned) {
    if (plan.outcome === 'unchanged') {
      applied.push(toApplied(plan));
      continue;
    }
    const result = sim.write(plan.existing ? { type: 'update', object: plan.object } : { type: 'create', object: plan.object }, 'kubectl');
    if (result instanceof ApiError) {
      errors.push({ message: `Error from server (${result.reason}): ${result.message}`, documentIndex: plan.doc.index });
      continue;
    }
    applied.push(toApplied(plan));
  }
  sim.drain();
  return { applied, errors, warnings };
}

/** What a dry run shows: the planned object, keeping the live resourceVersion when unchanged by the plan. */
function plannedView(plan: Planned): KubeObject {
  const object = clone(plan.object);
  if (plan.existing && object.metadata.resourceVersion === undefined) object.metadata.resourceVersion = plan.existing.metadata.resourceVersion;
  return object;
}

function toApplied(plan: Planned): AppliedObject {
  return { kind: plan.object.kind, name: plan.object.metadata.name, namespace: plan.object.metadata.namespace, outcome: plan.outcome, documentIndex: plan.doc.index };
}

function planDocument(sim: Simulation, doc: ParsedDocument, mode: ApplyMode, options: ApplyOptions, errors: ManifestError[], warnings: ManifestError[]): Planned | undefined {
  const raw = doc.object as Partial<KubeObject> & Record<string, unknown>;
  const report = (message: string, fieldPath?: string) => {
    errors.push({ message, documentIndex: doc.index, fieldPath, position: fieldPath !== undefined ? doc.positionOf(fieldPath) : doc.positionOf('') });
  };
  if (typeof raw.apiVersion !== 'string' || raw.apiVersion === '') {
    report(`error: error validating data: apiVersion not set`, 'apiVersion');
    return undefined;
  }
  if (typeof raw.kind !== 'string' || raw.kind === '') {
    report(`error: error validating data: kind not set`, 'kind');
    return undefined;
  }
  const info = kindInfo(raw.kind);
  if (!info || !info.acceptedApiVersions.includes(raw.apiVersion)) {
    const hint = info ? ` (Podlab serves ${info.kind} as ${info.apiVersion})` : ` (Podlab simulates ${KINDS.map((k) => k.kind).join(', ')})`;
    report(`error: resource mapping not found for name: ${JSON.stringify(nameOf(raw))} namespace: ${JSON.stringify(raw.metadata && typeof raw.metadata === 'object' ? ((raw.metadata as Record<string, unknown>).namespace ?? '') : '')} from ${JSON.stringify(options.fileName ?? 'STDIN')}: no matches for kind ${JSON.stringify(raw.kind)} in version ${JSON.stringify(raw.apiVersion)}${hint}`, info ? 'apiVersion' : 'kind');
    return undefined;
  }
  // autoscaling/v1 is still served next to v2; only the retired versions get the warning.
  if (raw.apiVersion !== info.apiVersion && !STILL_SERVED_API_VERSIONS.has(raw.apiVersion)) {
    warnings.push({ message: `Warning: ${raw.apiVersion} ${info.kind} is deprecated and no longer served by current Kubernetes; Podlab reads it as ${info.apiVersion} ${info.kind}`, documentIndex: doc.index, position: doc.positionOf('apiVersion'), fieldPath: 'apiVersion' });
  }
  if (raw.metadata === undefined || raw.metadata === null || typeof raw.metadata !== 'object' || Array.isArray(raw.metadata)) {
    report(`error: error validating data: metadata not set`, 'metadata');
    return undefined;
  }
  const object = clone(raw) as KubeObject;
  object.apiVersion = info.apiVersion;
  const meta = object.metadata as KubeObject['metadata'];
  if (info.namespaced) {
    if (options.namespace && meta.namespace && meta.namespace !== options.namespace) {
      report(`error: the namespace from the provided object "${meta.namespace}" does not match the namespace "${options.namespace}". You must pass '--namespace=${meta.namespace}' to perform this operation.`, 'metadata.namespace');
      return undefined;
    }
    meta.namespace = meta.namespace || options.namespace || DEFAULT_NAMESPACE;
    if (!options.clientOnly && !sim.store.get('Namespace', undefined, meta.namespace)) {
      report(`Error from server (NotFound): error when creating ${JSON.stringify(options.fileName ?? 'STDIN')}: namespaces "${meta.namespace}" not found`, 'metadata.namespace');
      return undefined;
    }
  } else delete meta.namespace;
  // Server-set metadata in a manifest is ignored on create, as the apiserver does.
  for (const field of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'generation', 'managedFields', 'selfLink'] as const) delete (meta as unknown as Record<string, unknown>)[field];
  if (mode !== 'replace') delete object.status;

  const strategy = strategyFor(info.kind)!;
  const existing = meta.name && !(options.clientOnly && mode === 'create') ? sim.store.get(info.kind, meta.namespace, meta.name) : undefined;
  if (mode === 'create' && existing) {
    report(`Error from server (AlreadyExists): error when creating ${JSON.stringify(options.fileName ?? 'STDIN')}: ${qualifiedResource(info.kind)} "${meta.name}" already exists`, 'metadata.name');
    return undefined;
  }
  if (mode === 'replace' && !existing) {
    report(`Error from server (NotFound): error when replacing ${JSON.stringify(options.fileName ?? 'STDIN')}: ${qualifiedResource(info.kind)} "${meta.name ?? ''}" not found`, 'metadata.name');
    return undefined;
  }

  // The apiserver decodes the body strictly (kubectl sends fieldValidation=Strict) before anything else.
  const decoded = strictDecode(raw, info.kind, raw.apiVersion);
  if (!decoded.ok) {
    const verb = mode === 'replace' ? 'replacing' : existing ? 'patching' : 'creating';
    const prefix = `Error from server (BadRequest): error when ${verb} ${JSON.stringify(options.fileName ?? 'STDIN')}: `;
    decoded.issues.forEach((issue, i) => {
      const message = i === 0 ? decoded.message! : decodeFailureMessage(info.kind, raw.apiVersion as string, `strict decoding error: ${issue.text}`);
      errors.push({ message: prefix + message, documentIndex: doc.index, fieldPath: issue.path, position: doc.positionOf(issue.path) });
      if (issue.hint) warnings.push({ message: `Podlab hint: ${issue.hint}`, documentIndex: doc.index, fieldPath: issue.path, position: doc.positionOf(issue.path) });
    });
    return undefined;
  }
  strategy.convert?.(object, raw.apiVersion);

  let desired: KubeObject;
  if (existing && mode === 'apply') {
    const lastApplied = parseLastApplied(existing);
    const manifestForAnnotation = stripForLastApplied(raw, info.apiVersion);
    // kubectl puts the new annotation into the modified object before merging, so annotations that
    // controllers added (deployment.kubernetes.io/revision) survive as map entries.
    object.metadata.annotations = { ...(object.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: JSON.stringify(manifestForAnnotation) };
    desired = threeWayMerge(existing, lastApplied, object);
  } else {
    desired = object;
    if (mode === 'apply') {
      desired.metadata.annotations = { ...(desired.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: JSON.stringify(stripForLastApplied(raw, info.apiVersion)) };
    }
    if (existing) {
      desired.metadata.uid = undefined;
      desired.status = mode === 'replace' && object.status !== undefined ? object.status : existing.status;
    }
  }
  strategy.defaults(desired);
  if (existing) strategy.prepareForUpdate?.(desired, existing);

  const fieldErrors: FieldError[] = [];
  // ObjectMeta validation (name or generateName required) is part of every strategy's validate.
  fieldErrors.push(...strategy.validate(desired, sim.store));
  if (existing) fieldErrors.push(...(strategy.validateUpdate?.(desired, existing) ?? []));
  if (fieldErrors.length > 0) {
    const heading = `The ${info.kind} ${JSON.stringify(desired.metadata.name ?? '')} is invalid: `;
    const body = fieldErrors.length === 1 ? fieldErrorText(fieldErrors[0]) : '\n' + fieldErrors.map((e) => `* ${fieldErrorText(e)}`).join('\n');
    const first = fieldErrors[0];
    errors.push({ message: heading + body, documentIndex: doc.index, fieldPath: first.path, position: doc.positionOf(first.path) });
    // Each further field error gets its own marker too.
    for (const extra of fieldErrors.slice(1)) {
      errors.push({ message: heading + fieldErrorText(extra), documentIndex: doc.index, fieldPath: extra.path, position: doc.positionOf(extra.path) });
    }
    return undefined;
  }
  for (const note of strategy.unsimulatedFields?.(desired) ?? []) {
    warnings.push({ message: `Warning: ${note.path}: ${note.note}`, documentIndex: doc.index, fieldPath: note.path, position: doc.positionOf(note.path) });
  }
  if (existing) {
    desired.metadata.resourceVersion = undefined;
    const comparable = { ...clone(desired), metadata: { ...desired.metadata, uid: existing.metadata.uid, resourceVersion: existing.metadata.resourceVersion, creationTimestamp: existing.metadata.creationTimestamp, generation: existing.metadata.generation, deletionTimestamp: existing.metadata.deletionTimestamp, deletionGracePeriodSeconds: existing.metadata.deletionGracePeriodSeconds } };
    if (deepEqual(comparable, existing)) return { doc, object: desired, existing, outcome: 'unchanged' };
    return { doc, object: desired, existing, outcome: mode === 'replace' ? 'replaced' : 'configured' };
  }
  return { doc, object: desired, outcome: 'created' };
}

function nameOf(raw: Record<string, unknown>): string {
  const meta = raw.metadata as Record<string, unknown> | undefined;
  return typeof meta?.name === 'string' ? meta.name : '';
}

function parseLastApplied(obj: KubeObject): Record<string, unknown> {
  const text = obj.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The annotation holds the manifest as written (kubectl adds `annotations: {}` when there were none). */
function stripForLastApplied(raw: Record<string, unknown>, apiVersion: string): Record<string, unknown> {
  const copy = clone(raw) as Record<string, unknown>;
  copy.apiVersion = apiVersion;
  const meta = { ...((copy.metadata as Record<string, unknown>) ?? {}) };
  const annotations = { ...((meta.annotations as Record<string, string>) ?? {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  meta.annotations = annotations;
  copy.metadata = meta;
  return copy;
}

/**
 * kubectl apply's three-way merge, simplified to JSON merge semantics: fields in the manifest win,
 * fields removed since the last apply are removed, fields nobody declared (status, nodeName,
 * defaults) keep their live values. Lists are replaced whole; defaulting then refills them.
 */
export function threeWayMerge(live: KubeObject, lastApplied: Record<string, unknown>, manifest: KubeObject): KubeObject {
  return mergeValue(clone(live), lastApplied, manifest) as KubeObject;
}

function mergeValue(live: unknown, last: unknown, desired: unknown): unknown {
  if (!isPlainObject(desired) || !isPlainObject(live)) return clone(desired);
  const out: Record<string, unknown> = { ...live };
  const lastObj = isPlainObject(last) ? last : {};
  for (const key of Object.keys(lastObj)) {
    if (!(key in desired)) delete out[key];
  }
  for (const [key, value] of Object.entries(desired)) {
    out[key] = key in out ? mergeValue(out[key], lastObj[key], value) : clone(value);
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
