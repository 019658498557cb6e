import type { DaemonSet, Node, Pod, Typed } from '../api/types';
import type { StoreView } from '../store/ObjectStore';
import type { Action } from '../sim/actions';
import type { Selector } from '../api/labels';
import { virtualMsFromIso } from '../clock/VirtualClock';
import { clone } from '../util/clone';
import { withPodCondition } from '../scheduler/podConditions';

/**
 * `kubectl drain` / `kubectl cordon` as data: what the command would change and print.
 * Models staging/src/k8s.io/kubectl/pkg/drain (drain.go, filters.go, cordon.go) and
 * pkg/cmd/drain/drain.go. The kubectl layer applies `actions`, waits as it sees fit and prints `lines`.
 */

const DAEMON_SET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMON_SET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

export type DryRun = 'none' | 'client' | 'server';

export interface DrainOptions {
  /** --force: also delete pods without a controller (and orphaned DaemonSet pods). */
  readonly force?: boolean;
  /** --ignore-daemonsets. */
  readonly ignoreDaemonsets?: boolean;
  /** --delete-emptydir-data (formerly --delete-local-data). */
  readonly deleteEmptydirData?: boolean;
  /** --pod-selector, already parsed. */
  readonly podSelector?: Selector;
  /** --disable-eviction: delete instead of using the Eviction API. */
  readonly disableEviction?: boolean;
  /** --grace-period (-1: the pod's own). */
  readonly gracePeriodSeconds?: number;
  /** --skip-wait-for-delete-timeout. */
  readonly skipWaitForDeleteTimeoutSeconds?: number;
  readonly dryRun?: DryRun;
  readonly nowMs?: number;
}

export type Stream = 'stdout' | 'stderr';
export interface OutputLine {
  readonly stream: Stream;
  readonly text: string;
}

export interface PodDeleteStatus {
  readonly pod: Typed<Pod>;
  readonly delete: boolean;
  readonly reason: 'Okay' | 'Skip' | 'Warning' | 'Error';
  readonly message?: string;
}

export interface CordonResult {
  /** False when the node already has the wanted spec.unschedulable (`already cordoned`). */
  readonly changed: boolean;
  /** The node to write when changed. */
  readonly node?: Typed<Node>;
  /** `node/<name> cordoned`, `node/<name> already uncordoned`, … with the dry-run suffix. */
  readonly message: string;
}

export interface DrainPlan {
  readonly nodeName: string;
  readonly cordon: CordonResult;
  /** Every pod on the node with the filters' verdict, in API list order (namespace, name). */
  readonly statuses: readonly PodDeleteStatus[];
  /** Pods that will be evicted (or deleted with --disable-eviction). */
  readonly podsToEvict: readonly Typed<Pod>[];
  /** The `Warning: …` text (without the prefix), empty when none. */
  readonly warnings: string;
  /** Fatal filter errors; when non-empty nothing is evicted and the command fails. */
  readonly errors: readonly string[];
  /** Writes in order: cordon, then per pod the eviction's DisruptionTarget condition and the delete. */
  readonly actions: readonly Action[];
  /** What kubectl prints, in order, assuming every eviction completes. */
  readonly lines: readonly OutputLine[];
  readonly exitCode: number;
}

function suffix(dryRun: DryRun | undefined): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/** CordonHelper: set spec.unschedulable (true: cordon; false removes the field, as the merge patch does). */
export function cordonNode(node: Typed<Node>, desired: boolean, dryRun: DryRun = 'none'): CordonResult {
  const name = node.metadata.name;
  const verb = desired ? 'cordon' : 'uncordon';
  if (Boolean(node.spec?.unschedulable) === desired) return { changed: false, message: `node/${name} already ${verb}ed${suffix(dryRun)}` };
  const updated = clone(node);
  updated.spec = { ...(updated.spec ?? {}) };
  if (desired) updated.spec.unschedulable = true;
  else delete updated.spec.unschedulable;
  delete updated.metadata.resourceVersion;
  return { changed: true, node: updated, message: `node/${name} ${verb}ed${suffix(dryRun)}` };
}

function controllerRefOf(pod: Pod) {
  return pod.metadata?.ownerReferences?.find((r) => r.controller === true);
}

function finished(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** The filters of filters.go, in their order; the first one that does not delete decides. */
function filterPod(view: StoreView, pod: Typed<Pod>, o: DrainOptions): PodDeleteStatus {
  const ok: PodDeleteStatus = { pod, delete: true, reason: 'Okay' };
  const filters: ((p: Typed<Pod>) => PodDeleteStatus)[] = [
    // skipDeletedFilter
    (p) => {
      const timeout = o.skipWaitForDeleteTimeoutSeconds ?? 0;
      const deletedAt = virtualMsFromIso(p.metadata.deletionTimestamp);
      if (timeout > 0 && deletedAt !== undefined && Math.trunc(((o.nowMs ?? 0) - deletedAt) / 1000) > timeout) return { pod: p, delete: false, reason: 'Skip' };
      return ok;
    },
    // daemonSetFilter
    (p) => {
      const ref = controllerRefOf(p);
      if (!ref || ref.kind !== 'DaemonSet') return ok;
      if (finished(p)) return ok;
      if (!view.get<DaemonSet>('DaemonSet', p.metadata.namespace, ref.name)) {
        const notFound = `daemonsets.apps "${ref.name}" not found`;
        return o.force ? { pod: p, delete: true, reason: 'Warning', message: notFound } : { pod: p, delete: false, reason: 'Error', message: notFound };
      }
      if (!o.ignoreDaemonsets) return { pod: p, delete: false, reason: 'Error', message: DAEMON_SET_FATAL };
      return { pod: p, delete: false, reason: 'Warning', message: DAEMON_SET_WARNING };
    },
    // mirrorPodFilter
    (p) => (p.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined ? { pod: p, delete: false, reason: 'Skip' } : ok),
    // localStorageFilter
    (p) => {
      if (!(p.spec?.volumes ?? []).some((v) => v.emptyDir)) return ok;
      if (finished(p)) return ok;
      if (!o.deleteEmptydirData) return { pod: p, delete: false, reason: 'Error', message: LOCAL_STORAGE_FATAL };
      return { pod: p, delete: true, reason: 'Warning', message: LOCAL_STORAGE_WARNING };
    },
    // unreplicatedFilter
    (p) => {
      if (finished(p)) return ok;
      if (controllerRefOf(p)) return ok;
      if (o.force) return { pod: p, delete: true, reason: 'Warning', message: UNMANAGED_WARNING };
      return { pod: p, delete: false, reason: 'Error', message: UNMANAGED_FATAL };
    },
  ];
  let status: PodDeleteStatus = ok;
  for (const f of filters) {
    status = f(pod);
    if (!status.delete) break;
  }
  return status;
}

/** Groups `ns/name` by message in first-seen order (kubectl walks a Go map, whose order varies). */
function grouped(statuses: readonly PodDeleteStatus[], reason: 'Warning' | 'Error'): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const s of statuses) {
    if (s.reason !== reason) continue;
    const msg = s.message || (reason === 'Error' ? 'unexpected error' : '');
    if (!groups.has(msg)) groups.set(msg, []);
    groups.get(msg)!.push(`${s.pod.metadata.namespace}/${s.pod.metadata.name}`);
  }
  return [...groups];
}

/** Aggregate.Error: one error as is, several as `[a, b]`. */
function aggregateText(errors: readonly string[]): string {
  return errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
}

/** The Eviction API's writes: a DisruptionTarget condition, then a delete with the eviction's grace period. */
function evictionActions(pod: Typed<Pod>, o: DrainOptions): Action[] {
  const actions: Action[] = [];
  const grace = o.gracePeriodSeconds !== undefined && o.gracePeriodSeconds >= 0 ? { gracePeriodSeconds: o.gracePeriodSeconds } : {};
  if (!o.disableEviction) {
    const marked = clone(pod);
    marked.status = { ...(marked.status ?? {}), conditions: withPodCondition(pod.status?.conditions, { type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' }, o.nowMs ?? 0) };
    delete marked.metadata.resourceVersion;
    actions.push({ type: 'update', object: marked });
  }
  actions.push({ type: 'delete', kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, options: { ...grace, uid: pod.metadata.uid } });
  return actions;
}

/**
 * Plans `kubectl drain <node>`: cordon, then evict every pod the filters allow. DaemonSet pods
 * need --ignore-daemonsets (and are then left running), pods without a controller need --force
 * (and are then simply gone), emptyDir pods need --delete-emptydir-data. Any refusal fails the
 * whole node with kubectl's texts, after the cordon. Undefined when the node does not exist.
 */
export function planDrain(view: StoreView, nodeName: string, options: DrainOptions = {}): DrainPlan | undefined {
  const node = view.get<Node>('Node', undefined, nodeName);
  if (!node) return undefined;
  const dry = options.dryRun ?? 'none';
  const cordon = cordonNode(node, true, dry);
  const pods = view
    .podsOnNode(nodeName)
    .filter((p) => !options.podSelector || options.podSelector.matches(p.metadata.labels ?? {}))
    .sort((a, b) => cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || cmp(a.metadata.name, b.metadata.name));
  const statuses = pods.map((p) => filterPod(view, p, options));
  const errors = grouped(statuses, 'Error').map(([msg, names]) => (msg.toLowerCase().startsWith('cannot delete') ? `${msg}: ${names.join(', ')}` : `cannot delete ${msg}: ${names.join(', ')}`));
  const warnings = grouped(statuses, 'Warning').map(([msg, names]) => `${msg}: ${names.join(', ')}`).join('; ');
  const podsToEvict = errors.length > 0 ? [] : statuses.filter((s) => s.delete).map((s) => s.pod);

  const lines: OutputLine[] = [{ stream: 'stdout', text: cordon.message }];
  const actions: Action[] = [];
  if (cordon.changed && dry === 'none') actions.push({ type: 'update', object: cordon.node! });
  if (errors.length > 0) {
    const err = aggregateText(errors);
    lines.push({ stream: 'stderr', text: `error: unable to drain node "${nodeName}" due to error: ${err}, continuing command...` });
    lines.push({ stream: 'stderr', text: 'There are pending nodes to be drained:' });
    lines.push({ stream: 'stderr', text: ` ${nodeName}` });
    for (const e of errors) lines.push({ stream: 'stderr', text: e });
    return { nodeName, cordon, statuses, podsToEvict, warnings, errors, actions, lines, exitCode: 1 };
  }
  if (warnings) lines.push({ stream: 'stderr', text: `Warning: ${warnings}` });
  const verb = options.disableEviction ? 'deleting' : 'evicting';
  const done = options.disableEviction ? 'deleted' : 'evicted';
  if (dry === 'client') {
    for (const p of podsToEvict) lines.push({ stream: 'stdout', text: `evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)` });
  } else {
    for (const p of podsToEvict) lines.push({ stream: 'stdout', text: `${verb} pod ${p.metadata.namespace}/${p.metadata.name}${dry === 'server' ? ' (server dry run)' : ''}` });
    if (dry === 'none') for (const p of podsToEvict) actions.push(...evictionActions(p, options));
    for (const p of podsToEvict) lines.push({ stream: 'stdout', text: `pod/${p.metadata.name} ${done}${suffix(dry)}` });
  }
  lines.push({ stream: 'stdout', text: `node/${nodeName} drained${suffix(dry)}` });
  return { nodeName, cordon, statuses, podsToEvict, warnings, errors, actions, lines, exitCode: 0 };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
