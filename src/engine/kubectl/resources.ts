/**
 * Resource type resolution the way kubectl's RESTMapper does it from discovery: plural,
 * singular, short names and kinds, optionally qualified as `name.group` or
 * `name.version.group`, case-insensitive. Events are served by the simulation's EventRecorder.
 */
import { KINDS, kindInfo } from '../api/types';
import { fail } from './errors';

export interface ResourceType {
  readonly kind: string;
  readonly resource: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly group: string;
  readonly version: string;
  readonly namespaced: boolean;
}

export const EVENT_RESOURCE: ResourceType = { kind: 'Event', resource: 'events', singular: 'event', shortNames: ['ev'], group: '', version: 'v1', namespaced: true };

export const RESOURCE_TYPES: readonly ResourceType[] = [
  ...KINDS.map((k): ResourceType => ({
    kind: k.kind,
    resource: k.plural,
    singular: k.singular,
    shortNames: k.shortNames,
    group: k.group,
    version: k.apiVersion.includes('/') ? k.apiVersion.split('/')[1] : k.apiVersion,
    namespaced: k.namespaced,
  })),
  EVENT_RESOURCE,
];

/** Discovery order kubectl uses for `api-resources`: core group first, then groups by name, names sorted. */
export function apiResourcesOrder(): ResourceType[] {
  return [...RESOURCE_TYPES].sort((a, b) => (a.group === b.group ? (a.resource < b.resource ? -1 : 1) : a.group === '' ? -1 : b.group === '' ? 1 : a.group < b.group ? -1 : 1));
}

/** The `all` category, in the order kubectl prints it. */
export const ALL_CATEGORY = ['pods', 'replicationcontrollers', 'daemonsets', 'deployments', 'replicasets', 'horizontalpodautoscalers'];

export function resourceForKind(kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((r) => r.kind === kind);
}

export function apiVersionOf(r: ResourceType): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** `pod`, `replicaset.apps`: what kubectl prints before `/name` and in `kind "name" deleted`. */
export function kindGroupString(r: ResourceType): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase();
}

/** `pods`, `replicasets.apps`: the resource name in apiserver error messages. */
export function groupResourceString(r: ResourceType): string {
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

/** schema.GroupVersionResource.String(), e.g. "apps/v1, Resource=deployments". */
export function gvrString(r: ResourceType): string {
  return `${r.group}/${r.version}, Resource=${r.resource}`;
}

function matches(r: ResourceType, name: string): boolean {
  return name === r.resource || name === r.singular || r.shortNames.includes(name) || name === r.kind.toLowerCase();
}

/** Finds a resource type or returns undefined (no error). */
export function lookupResourceType(text: string): ResourceType | undefined {
  const lower = text.toLowerCase();
  const direct = RESOURCE_TYPES.find((r) => matches(r, lower));
  if (direct) return direct;
  const parts = lower.split('.');
  if (parts.length >= 2) {
    const name = parts[0];
    const rest = parts.slice(1);
    return RESOURCE_TYPES.find((r) => {
      if (!matches(r, name)) return false;
      const group = rest.length >= 2 && /^v\d/.test(rest[0]) ? rest.slice(1).join('.') : rest.join('.');
      const version = rest.length >= 2 && /^v\d/.test(rest[0]) ? rest[0] : undefined;
      if (rest.length === 1 && rest[0] === r.version && r.group === '') return true;
      return group === r.group && (version === undefined || version === r.version || (kindInfo(r.kind)?.acceptedApiVersions ?? []).includes(`${r.group}/${version}`));
    });
  }
  return undefined;
}

/** Resolves a resource type argument or fails with kubectl's message. */
export function resolveResourceType(text: string): ResourceType {
  const found = lookupResourceType(text);
  if (!found) fail(`the server doesn't have a resource type "${text}"`);
  return found;
}
