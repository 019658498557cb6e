/**
 * Reading objects like kubectl's resource.Builder: argument forms (`type name…`, `type/name…`,
 * `type1,type2`), -f manifests, label and field selectors, --all-namespaces, in the apiserver's
 * list order (namespace, then name). Lookups that fail become apiserver errors, which commands
 * print and continue past, as kubectl does with ContinueOnError.
 */
import type { KubeObject } from '../api/types';
import { parseSelector, LabelSelectorError, type Selector } from '../api/labels';
import { ApiError, notFound } from '../apiserver/errors';
import { parseManifest } from '../apiserver/manifest';
import type { KubectlContext } from './context';
import { eventToObject } from './eventObjects';
import { fail, serverErrorText } from './errors';
import { FieldSelectorError, matchesFields, parseFieldSelector, unsupportedField, type FieldRequirement } from './fieldSelector';
import { ALL_CATEGORY, EVENT_RESOURCE, groupResourceString, gvrString, lookupResourceType, resolveResourceType, RESOURCE_TYPES, type ResourceType } from './resources';

export interface ListOptions {
  /** Namespace to list; undefined lists every namespace. Ignored for cluster-scoped types. */
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
}

function byKey(a: KubeObject, b: KubeObject): number {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function rawList(ctx: KubectlContext, type: ResourceType, namespace: string | undefined): KubeObject[] {
  const ns = type.namespaced ? namespace : undefined;
  if (type === EVENT_RESOURCE) {
    ctx.sim.events.expire(ctx.nowMs());
    return ctx.sim.events
      .list()
      .filter((e) => ns === undefined || e.namespace === ns)
      .map(eventToObject);
  }
  return ctx.sim.store.list(type.kind, ns);
}

/** The apiserver's reply to a list with selectors it cannot parse (wrapped by EnhanceListError). */
function listError(type: ResourceType, options: ListOptions, detail: string): ApiError {
  return new ApiError('BadRequest', `Unable to find "${gvrString(type)}" that match label selector "${options.labelSelector ?? ''}", field selector "${options.fieldSelector ?? ''}": ${detail}`);
}

export function parseListSelectors(type: ResourceType, options: ListOptions): { labels?: Selector; fields: FieldRequirement[] } | ApiError {
  let labels: Selector | undefined;
  let fields: FieldRequirement[] = [];
  try {
    if (options.labelSelector) labels = parseSelector(options.labelSelector);
  } catch (err) {
    if (err instanceof LabelSelectorError) return listError(type, options, err.message);
    throw err;
  }
  try {
    fields = parseFieldSelector(options.fieldSelector ?? '');
  } catch (err) {
    if (err instanceof FieldSelectorError) return listError(type, options, err.message);
    throw err;
  }
  const bad = unsupportedField(type.kind, fields);
  if (bad) return listError(type, options, `field label not supported: ${bad}`);
  return { labels, fields };
}

/** A list request: sorted like etcd keys; an ApiError for selectors the server rejects. */
export function listObjects(ctx: KubectlContext, type: ResourceType, options: ListOptions = {}): KubeObject[] | ApiError {
  const selectors = parseListSelectors(type, options);
  if (selectors instanceof ApiError) return selectors;
  return rawList(ctx, type, options.namespace)
    .filter((o) => !selectors.labels || selectors.labels.matches(o.metadata.labels))
    .filter((o) => matchesFields(o, selectors.fields))
    .sort(byKey);
}

export function getObject(ctx: KubectlContext, type: ResourceType, namespace: string, name: string): KubeObject | ApiError {
  if (type === EVENT_RESOURCE) {
    const found = rawList(ctx, type, namespace).find((e) => e.metadata.name === name);
    return found ?? notFound(groupResourceString(type), name);
  }
  const obj = ctx.sim.store.get(type.kind, type.namespaced ? namespace : undefined, name);
  return obj ?? notFound(groupResourceString(type), name);
}

// ------------------------------------------------------------------------------------------
// Builder: turning command-line arguments into the objects a command acts on.
// ------------------------------------------------------------------------------------------

export interface ResourceRequest {
  readonly type: ResourceType;
  /** Named objects; empty means "list". */
  readonly names: readonly string[];
}

export interface BuilderInput {
  readonly args: readonly string[];
  readonly filenames?: readonly string[];
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  readonly allNamespaces?: boolean;
  /** delete/label --all: list instead of requiring names. */
  readonly selectAll?: boolean;
  /** get allows a bare type (lists everything); most other commands need names or a selector. */
  readonly allowEmptySelector?: boolean;
}

export interface BuiltItem {
  readonly type: ResourceType;
  readonly namespace: string | undefined;
  readonly name: string;
  /** The live object; absent when the lookup failed. */
  readonly object?: KubeObject;
  /** Set for -f items: the manifest's own object (apply/delete need it). */
  readonly manifest?: KubeObject;
  /** True when this item came from a list rather than a name. */
  readonly listed: boolean;
}

export interface BuildResult {
  readonly items: BuiltItem[];
  /** Error texts to print on stderr (NotFound per name, list errors). */
  readonly errors: string[];
  /** Exactly one named object was requested (kubectl's singleItemImplied). */
  readonly singleItemImplied: boolean;
  /** Every requested type, in order (for "No resources found" and headers). */
  readonly types: ResourceType[];
  /**
   * kubectl's infos: one group per listed type (even when empty) and one per run of found named
   * objects of the same type, in request order.
   */
  readonly groups: { type: ResourceType; objects: KubeObject[] }[];
}

function groupItems(items: readonly BuiltItem[]): { type: ResourceType; objects: KubeObject[] }[] {
  const groups: { type: ResourceType; objects: KubeObject[]; listed: boolean }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.type === item.type && last.listed === item.listed) last.objects.push(item.object!);
    else groups.push({ type: item.type, objects: [item.object!], listed: item.listed });
  }
  return groups.map(({ type, objects }) => ({ type, objects }));
}

function expandTypes(text: string): ResourceType[] {
  const out: ResourceType[] = [];
  for (const part of text.split(',')) {
    if (part === '') continue;
    if (part.toLowerCase() === 'all') {
      for (const plural of ALL_CATEGORY) out.push(RESOURCE_TYPES.find((r) => r.resource === plural)!);
      continue;
    }
    out.push(resolveResourceType(part));
  }
  return out;
}

/** Parses the positional arguments into type/name requests (ResourceTypeOrNameArgs). */
export function parseResourceArgs(args: readonly string[]): ResourceRequest[] {
  if (args.length === 0) return [];
  const withSlash = args.filter((a) => a.includes('/'));
  if (withSlash.length > 0) {
    if (!args[0].includes('/')) {
      fail(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
    }
    const requests: ResourceRequest[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash < 0) fail(`arguments in resource/name form must have a single resource and name`);
      const typeText = arg.slice(0, slash);
      const name = arg.slice(slash + 1);
      if (typeText === '' || name === '' || name.includes('/')) fail(`arguments in resource/name form must have a single resource and name`);
      const type = resolveResourceType(typeText);
      const last = requests[requests.length - 1];
      if (last && last.type === type) requests[requests.length - 1] = { type, names: [...last.names, name] };
      else requests.push({ type, names: [name] });
    }
    return requests;
  }
  const types = expandTypes(args[0]);
  const names = args.slice(1);
  return types.map((type) => ({ type, names }));
}

function readFile(ctx: KubectlContext, name: string): string {
  if (name === '-') return ctx.io.stdin ?? '';
  const text = ctx.io.files?.[name];
  if (text === undefined) fail(`the path "${name}" does not exist`);
  return text;
}

/** -f items: every document's kind/namespace/name, with the manifest object. */
export function manifestItems(ctx: KubectlContext, filenames: readonly string[], namespace: string, explicitNamespace: boolean): BuiltItem[] {
  const items: BuiltItem[] = [];
  for (const file of filenames) {
    const parsed = parseManifest(readFile(ctx, file));
    if (parsed.errors.length > 0) fail(parsed.errors[0].message.replace(/^error: /, ''));
    for (const doc of parsed.documents) {
      const raw = doc.object;
      const type = typeof raw.kind === 'string' ? lookupResourceType(raw.kind) : undefined;
      if (!type) {
        fail(`resource mapping not found for name: "${raw.metadata?.name ?? ''}" namespace: "${raw.metadata?.namespace ?? ''}" from "${file === '-' ? 'STDIN' : file}": no matches for kind "${raw.kind}" in version "${raw.apiVersion}"`);
      }
      const docNs = raw.metadata?.namespace;
      if (type.namespaced && explicitNamespace && docNs && docNs !== namespace) {
        fail(`the namespace from the provided object "${docNs}" does not match the namespace "${namespace}". You must pass '--namespace=${docNs}' to perform this operation.`);
      }
      const ns = type.namespaced ? docNs || namespace : undefined;
      const name = raw.metadata?.name ?? '';
      const live = ctx.sim.store.get(type.kind, ns, name);
      items.push({ type, namespace: ns, name, object: live, manifest: raw as KubeObject, listed: false });
    }
  }
  return items;
}

/**
 * Resolves what a command should act on. `namespace` is the effective namespace; with
 * allNamespaces lists span all of them.
 */
export function buildItems(ctx: KubectlContext, input: BuilderInput): BuildResult {
  const items: BuiltItem[] = [];
  const errors: string[] = [];
  if (input.filenames && input.filenames.length > 0) {
    if (input.args.length > 0) fail(`Unexpected args: [${input.args.join(' ')}]`);
    const fromFiles = manifestItems(ctx, input.filenames, ctx.namespace, ctx.explicitNamespace);
    for (const item of fromFiles) {
      if (!item.object) errors.push(serverErrorText(notFound(groupResourceString(item.type), item.name)));
      items.push(item);
    }
    const found = items.filter((i) => i.object);
    return { items: found, errors, singleItemImplied: fromFiles.length === 1, types: [...new Set(fromFiles.map((i) => i.type))], groups: groupItems(found) };
  }
  const requests = parseResourceArgs(input.args);
  const hasNames = requests.some((r) => r.names.length > 0);
  if (hasNames && (input.labelSelector || input.fieldSelector)) fail('name cannot be provided when a selector is specified');
  if (hasNames && input.allNamespaces) fail('a resource cannot be retrieved by name across all namespaces');
  const namespace = input.allNamespaces ? undefined : ctx.namespace;
  const groups: { type: ResourceType; objects: KubeObject[] }[] = [];
  let lastNamed: { type: ResourceType; objects: KubeObject[] } | undefined;
  let named = 0;
  for (const request of requests) {
    if (request.names.length > 0) {
      for (const name of request.names) {
        named++;
        const found = getObject(ctx, request.type, ctx.namespace, name);
        if (found instanceof ApiError) {
          errors.push(serverErrorText(found));
          continue;
        }
        items.push({ type: request.type, namespace: found.metadata.namespace, name, object: found, listed: false });
        if (lastNamed && lastNamed.type === request.type) lastNamed.objects.push(found);
        else groups.push((lastNamed = { type: request.type, objects: [found] }));
      }
      continue;
    }
    lastNamed = undefined;
    if (!input.allowEmptySelector && !input.selectAll && !input.labelSelector && !input.fieldSelector) {
      fail(`resource(s) were provided, but no name was specified`);
    }
    const listed = listObjects(ctx, request.type, { namespace, labelSelector: input.labelSelector, fieldSelector: input.fieldSelector });
    if (listed instanceof ApiError) {
      errors.push(serverErrorText(listed));
      continue;
    }
    for (const obj of listed) items.push({ type: request.type, namespace: obj.metadata.namespace, name: obj.metadata.name, object: obj, listed: true });
    groups.push({ type: request.type, objects: listed });
  }
  const singleItemImplied = named === 1 && requests.length === 1 && requests[0].names.length === 1;
  return { items, errors, singleItemImplied, types: requests.map((r) => r.type), groups };
}
