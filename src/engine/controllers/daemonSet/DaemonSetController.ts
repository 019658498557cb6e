import type { DaemonSet, KubeObject, Node, Pod, PodSpec, PodTemplateSpec, Taint, Toleration, Typed } from '../../api/types';
import type { Labels, Selector } from '../../api/labels';
import type { StoreView } from '../../store/ObjectStore';
import type { WatchChange } from '../../store/ObjectsDiff';
import type { Controller, ReconcileContext, ReconcileResult } from '../Controller';
import { DONE, NO_KEYS } from '../Controller';
import type { EventInput } from '../../events/EventRecorder';
import { clone, deepEqual } from '../../util/clone';
import { Changes } from '../common/changes';
import { claimObjects, getControllerOf, newControllerRef, resolveControllerRef, withControllerRef, withoutOwnerRef } from '../common/controllerRef';
import { creationMs, isPodAvailable, isPodReady, nextAvailabilityCheckMs } from '../common/pods';
import { chooseGeneratedName, podFromTemplate } from '../common/podTemplate';
import { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from '../common/slowStart';
import { labelSelectorFor } from '../common/selectors';
import { computeHash } from '../common/hash';
import { findUntoleratedTaint, matchesRequiredNodeAffinity } from '../common/nodeEligibility';
import { scaledValueFromIntOrPercent } from '../common/intOrPercent';

/** Models daemon_controller.go BurstReplicas. */
export const DAEMONSET_BURST_REPLICAS = 250;
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';
const COMPONENT = 'daemonset-controller';
/** Models daemon_controller.go failedPodsBackoff: flowcontrol.NewBackOff(1s, 15min). */
const FAILED_POD_BACKOFF_INITIAL_MS = 1_000;
const FAILED_POD_BACKOFF_MAX_MS = 15 * 60_000;

/**
 * Models daemonset_util.go AddOrUpdateDaemonPodTolerations: daemon pods survive not-ready and
 * unreachable nodes (no tolerationSeconds) and ignore the pressure and unschedulable taints.
 */
export function addDaemonPodTolerations(spec: PodSpec): void {
  const wanted: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (spec.hostNetwork) wanted.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  const tolerations = spec.tolerations ?? [];
  for (const toleration of wanted) {
    // AddOrUpdateTolerationInPodSpec: an equal key/operator/value/effect entry is replaced, else appended.
    const index = tolerations.findIndex((t) => t.key === toleration.key && (t.operator ?? 'Equal') === toleration.operator && (t.value ?? '') === '' && t.effect === toleration.effect);
    if (index >= 0) tolerations[index] = toleration;
    else tolerations.push(toleration);
  }
  spec.tolerations = tolerations;
}

/**
 * Models daemon_controller.go NodeShouldRunDaemonPod: [shouldRun, shouldContinueRunning]. Node
 * resources are not checked (the scheduler decides); untolerated NoSchedule taints stop new pods,
 * untolerated NoExecute taints also evict running ones.
 */
export function nodeShouldRunDaemonPod(node: Typed<Node>, ds: Typed<DaemonSet>): [boolean, boolean] {
  const spec = daemonPodSpec(ds);
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return [false, false];
  if (!matchesRequiredNodeAffinity(spec, node)) return [false, false];
  const taints = node.spec?.taints;
  if (findUntoleratedTaint(taints, spec.tolerations, (t: Taint) => t.effect === 'NoExecute' || t.effect === 'NoSchedule')) {
    return [false, !findUntoleratedTaint(taints, spec.tolerations, (t: Taint) => t.effect === 'NoExecute')];
  }
  return [true, true];
}

// Stored DaemonSets never change in place, so the pod spec (with tolerations added) is built once per object.
const daemonPodSpecs = new WeakMap<object, PodSpec>();

/** Models daemon_controller.go NewPod: the template's spec plus the DaemonSet tolerations (read only). */
function daemonPodSpec(ds: Typed<DaemonSet>): PodSpec {
  let spec = daemonPodSpecs.get(ds);
  if (!spec) {
    spec = clone(ds.spec?.template?.spec ?? ({ containers: [] } as PodSpec));
    addDaemonPodTolerations(spec);
    daemonPodSpecs.set(ds, spec);
  }
  return spec;
}

/** Models daemonset_util.go GetTargetNodeName: spec.nodeName, or the node named by the injected matchFields term. */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const field of term.matchFields ?? []) {
      if (field.key === 'metadata.name' && field.operator === 'In' && field.values?.length === 1) return field.values[0];
    }
  }
  return undefined;
}

/** Models daemonset_util.go ReplaceDaemonSetPodNodeNameNodeAffinity: pin the pod to one node through the scheduler. */
function pinToNode(template: PodTemplateSpec, nodeName: string): void {
  const spec = template.spec!;
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] };
  spec.affinity ??= {};
  spec.affinity.nodeAffinity ??= {};
  const nodeAffinity = spec.affinity.nodeAffinity;
  if (!nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution) nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: [term] };
  else nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms = [term];
}

/** Models daemon_controller.go podByCreationTimestampAndPhase: scheduled first, then oldest, then by name. */
function podByCreationAndPhaseLess(a: Typed<Pod>, b: Typed<Pod>): number {
  const scheduledA = Boolean(a.spec?.nodeName);
  const scheduledB = Boolean(b.spec?.nodeName);
  if (scheduledA !== scheduledB) return scheduledA ? -1 : 1;
  const ca = creationMs(a) ?? -Infinity;
  const cb = creationMs(b) ?? -Infinity;
  if (ca === cb) return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  return ca < cb ? -1 : 1;
}

/** Models daemonset_util.go AllowsSurge: a rolling update with a non-zero maxSurge. */
function allowsSurge(ds: Typed<DaemonSet>): boolean {
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return false;
  return scaledValueFromIntOrPercent(ds.spec?.updateStrategy?.rollingUpdate?.maxSurge ?? 0, 1, true) !== 0;
}

function templateGeneration(ds: Typed<DaemonSet>): string | undefined {
  return ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
}

/** Models daemonset_util.go IsPodUpdated: the revision hash (or the legacy template generation) matches. */
function isPodUpdated(pod: Typed<Pod>, hash: string, generation: string | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  return (generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === generation) || (hash !== '' && labels[CONTROLLER_REVISION_HASH_LABEL] === hash);
}

interface DaemonSetStatus {
  currentNumberScheduled: number;
  numberMisscheduled: number;
  desiredNumberScheduled: number;
  numberReady: number;
  observedGeneration?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  numberUnavailable?: number;
  collisionCount?: number;
}

interface Backoff { delayMs: number; lastUpdateMs: number }

const dsKey = (ds: KubeObject) => `${ds.metadata.namespace ?? ''}/${ds.metadata.name}`;

/**
 * Models pkg/controller/daemon/daemon_controller.go (manage, syncNodes, updateDaemonSetStatus) and
 * update.go (rollingUpdate without surge): one pod per eligible node, pinned through node affinity
 * and bound by the scheduler.
 */
export class DaemonSetController implements Controller {
  readonly name = COMPONENT;
  /** Per DaemonSet+node backoff for deleting failed daemon pods (controller memory, like the real one). */
  private readonly failedPodsBackoff = new Map<string, Backoff>();

  initialKeys(view: StoreView): readonly string[] {
    return view.list('DaemonSet').map(dsKey);
  }

  keysFor(change: WatchChange, view: StoreView): readonly string[] {
    const obj = change.object;
    if (obj.kind === 'DaemonSet') return [dsKey(obj)];
    if (obj.kind === 'Node') return this.keysForNode(change, view);
    if (obj.kind !== 'Pod') return NO_KEYS;
    const pod = obj as Typed<Pod>;
    if (change.type === 'deleted') return this.keyOfController(view, pod);
    if (change.type === 'added') return pod.metadata.deletionTimestamp || getControllerOf(pod) ? this.keyOfController(view, pod) : this.keysSelecting(view, pod);
    const old = change.old as Typed<Pod>;
    if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return NO_KEYS;
    const curRef = getControllerOf(pod);
    const oldRef = getControllerOf(old);
    const refChanged = !deepEqual(curRef, oldRef);
    // The common case (a status write to a pod with the same controller): its key at most, no merging.
    if (!refChanged && curRef) return this.keyOfController(view, pod);
    const keys = new Set<string>();
    if (refChanged && oldRef) for (const key of this.keyOfController(view, old)) keys.add(key);
    if (curRef) for (const key of this.keyOfController(view, pod)) keys.add(key);
    else if (refChanged || !deepEqual(old.metadata.labels ?? {}, pod.metadata.labels ?? {})) for (const key of this.keysSelecting(view, pod)) keys.add(key);
    return [...keys];
  }

  reconcile(key: string, ctx: ReconcileContext): ReconcileResult {
    const slash = key.indexOf('/');
    const ds = ctx.view.get<DaemonSet>('DaemonSet', key.slice(0, slash), key.slice(slash + 1));
    if (!ds) {
      for (const backoffKey of this.failedPodsBackoff.keys()) if (backoffKey.startsWith(`${key}/`)) this.failedPodsBackoff.delete(backoffKey);
      return DONE;
    }
    const changes = new Changes();
    const selector = labelSelectorFor(ds, ds.spec?.selector);
    if (!selector) return DONE;
    if (selector.empty()) {
      changes.event(this.event(ds, 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.'));
      return { actions: changes.actions() };
    }
    if (ds.metadata.deletionTimestamp) return DONE;

    const hash = computeHash(ds.spec?.template, ds.status?.collisionCount);
    const nodes = [...ctx.view.list<Node>('Node')].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    const verdicts = new Map(nodes.map((node) => [node.metadata.name, nodeShouldRunDaemonPod(node, ds)] as const));
    const verdict = (node: Typed<Node>) => verdicts.get(node.metadata.name)!;
    const nodeToDaemonPods = this.nodesToDaemonPods(ds, selector, ctx.view, changes);
    let requeueAfterMs: number | undefined;

    // manage: create where a pod should run and none exists, delete where none should run.
    const nodesNeedingPods: string[] = [];
    const podsToDelete: string[] = [];
    for (const node of nodes) {
      const [shouldRun, shouldContinueRunning] = verdict(node);
      const daemonPods = nodeToDaemonPods.get(node.metadata.name);
      if (shouldRun && !daemonPods) {
        nodesNeedingPods.push(node.metadata.name);
      } else if (shouldContinueRunning && daemonPods) {
        const running: Typed<Pod>[] = [];
        for (const pod of daemonPods) {
          if (pod.metadata.deletionTimestamp) continue;
          const phase = pod.status?.phase;
          if (phase === 'Failed') {
            const delayMs = this.failedPodDeleteDelay(`${key}/${node.metadata.name}`, ctx.nowMs);
            if (delayMs !== undefined) {
              requeueAfterMs = Math.min(requeueAfterMs ?? delayMs, delayMs);
              continue;
            }
            changes.event(this.event(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${node.metadata.name}, will try to kill it`));
            podsToDelete.push(pod.metadata.name);
          } else if (phase === 'Succeeded') {
            podsToDelete.push(pod.metadata.name);
          } else {
            running.push(pod);
          }
        }
        running.sort(podByCreationAndPhaseLess);
        if (!allowsSurge(ds)) {
          // Without surge, keep the oldest of several running daemon pods.
          for (const extra of running.slice(1)) podsToDelete.push(extra.metadata.name);
        } else {
          // With surge, an old and a new pod may overlap until the new one is available.
          let oldestNew: Typed<Pod> | undefined;
          let oldestOld: Typed<Pod> | undefined;
          for (const pod of running) {
            const isNew = pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash;
            if (isNew && !oldestNew) oldestNew = pod;
            else if (!isNew && !oldestOld) oldestOld = pod;
            else podsToDelete.push(pod.metadata.name);
          }
          if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec?.minReadySeconds ?? 0, ctx.nowMs))) {
            podsToDelete.push(oldestOld.metadata.name);
          }
        }
      } else if (!shouldContinueRunning && daemonPods) {
        for (const pod of daemonPods) if (!pod.metadata.deletionTimestamp) podsToDelete.push(pod.metadata.name);
      }
    }
    // Unscheduled pods aimed at nodes that no longer exist.
    const nodeNames = new Set(nodes.map((n) => n.metadata.name));
    for (const [nodeName, pods] of nodeToDaemonPods) {
      if (nodeNames.has(nodeName)) continue;
      for (const pod of pods) if (!pod.spec?.nodeName) podsToDelete.push(pod.metadata.name);
    }
    const before = changes.size;
    this.syncNodes(ds, podsToDelete, nodesNeedingPods, hash, ctx, changes);

    // updateDaemonSet: the rolling update runs only once manage's creates and deletes are observed
    // (its expectations are satisfied), i.e. in a pass where manage had nothing to do.
    if (changes.size === before && (ds.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
      const [oldPodsToDelete, nodesToSurgeOnto] = this.rollingUpdate(ds, nodes, verdict, nodeToDaemonPods, hash, ctx.nowMs);
      this.syncNodes(ds, oldPodsToDelete, nodesToSurgeOnto, hash, ctx, changes);
    }

    const scheduledPods = this.updateStatus(ds, nodes, verdict, nodeToDaemonPods, hash, ctx.nowMs, changes);
    const availabilityMs = nextAvailabilityCheckMs(scheduledPods, ds.spec?.minReadySeconds ?? 0, ctx.nowMs);
    if (availabilityMs !== undefined) requeueAfterMs = Math.min(requeueAfterMs ?? availabilityMs, availabilityMs);
    return { actions: changes.actions(), requeueAfterMs };
  }

  /** Models getNodesToDaemonPods: claim (adopt/release) the pods, then group them by target node. */
  private nodesToDaemonPods(ds: Typed<DaemonSet>, selector: Selector, view: StoreView, changes: Changes): Map<string, Typed<Pod>[]> {
    // Pods of other controllers are skipped by the claim, so only this DaemonSet's and orphans are candidates.
    const claim = claimObjects(ds, selector, view.controlledByOrOrphans<Pod>('Pod', ds.metadata.namespace, ds.metadata.uid ?? ''));
    const ref = newControllerRef(ds, 'apps/v1', 'DaemonSet');
    for (const pod of claim.adopted) changes.edit(pod).metadata = withControllerRef(pod, ref).metadata;
    for (const pod of claim.released) changes.edit(pod).metadata = withoutOwnerRef(pod, ds.metadata.uid ?? '').metadata;
    const byNode = new Map<string, Typed<Pod>[]>();
    for (const pod of claim.claimed) {
      const nodeName = targetNodeName(pod);
      if (nodeName === undefined) continue;
      const list = byNode.get(nodeName);
      if (list) list.push(pod);
      else byNode.set(nodeName, [pod]);
    }
    return byNode;
  }

  /**
   * Models update.go rollingUpdate: without surge, replace at most maxUnavailable old pods at a time;
   * with surge, start new pods next to at most maxSurge old ones and delete each old pod once its
   * replacement is available. Returns [pods to delete, nodes to create a pod on].
   */
  private rollingUpdate(ds: Typed<DaemonSet>, nodes: readonly Typed<Node>[], verdict: (node: Typed<Node>) => readonly [boolean, boolean], nodeToDaemonPods: Map<string, Typed<Pod>[]>, hash: string, nowMs: number): [string[], string[]] {
    const podsByNode = new Map(nodeToDaemonPods);
    const nodeByName = new Map(nodes.map((n) => [n.metadata.name, n] as const));
    let desired = 0;
    for (const node of nodes) {
      if (!verdict(node)[0]) continue;
      desired++;
      if (!podsByNode.has(node.metadata.name)) podsByNode.set(node.metadata.name, []);
    }
    const rolling = ds.spec?.updateStrategy?.rollingUpdate;
    let maxUnavailable = scaledValueFromIntOrPercent(rolling?.maxUnavailable ?? 1, desired, true);
    const maxSurge = scaledValueFromIntOrPercent(rolling?.maxSurge ?? 0, desired, true);
    if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
    const generation = templateGeneration(ds);
    const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
    const nodeNames = [...podsByNode.keys()].sort();
    // Models findUpdatedPodsOnNode: undefined when a node has more than one old or new pod.
    const split = (nodeName: string) => {
      let newPod: Typed<Pod> | undefined;
      let oldPod: Typed<Pod> | undefined;
      for (const pod of podsByNode.get(nodeName)!) {
        if (pod.metadata.deletionTimestamp) continue;
        if (isPodUpdated(pod, hash, generation)) {
          if (newPod) return undefined;
          newPod = pod;
        } else {
          if (oldPod) return undefined;
          oldPod = pod;
        }
      }
      return { newPod, oldPod };
    };

    if (maxSurge === 0) {
      let numUnavailable = 0;
      const allowedReplacements: string[] = [];
      const candidates: string[] = [];
      for (const nodeName of nodeNames) {
        const pair = split(nodeName);
        if (!pair || (!pair.oldPod && !pair.newPod) || (pair.oldPod && pair.newPod)) numUnavailable++;
        else if (pair.newPod) {
          if (!isPodAvailable(pair.newPod, minReadySeconds, nowMs)) numUnavailable++;
        } else if (!isPodAvailable(pair.oldPod!, minReadySeconds, nowMs)) allowedReplacements.push(pair.oldPod!.metadata.name);
        else if (numUnavailable < maxUnavailable) candidates.push(pair.oldPod!.metadata.name);
      }
      const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
      return [[...allowedReplacements, ...candidates.slice(0, remaining)], []];
    }

    let numSurge = 0;
    const oldPodsToDelete: string[] = [];
    const allowedNewNodes: string[] = [];
    const candidateNewNodes: string[] = [];
    for (const nodeName of nodeNames) {
      const pair = split(nodeName);
      if (!pair) {
        numSurge++;
        continue;
      }
      const { newPod, oldPod } = pair;
      if (!oldPod) continue;
      if (!newPod) {
        const node = nodeByName.get(nodeName);
        if (!isPodAvailable(oldPod, minReadySeconds, nowMs)) {
          if (!node || !verdict(node)[0]) oldPodsToDelete.push(oldPod.metadata.name);
          else allowedNewNodes.push(nodeName);
        } else if (numSurge < maxSurge) {
          candidateNewNodes.push(nodeName);
        }
        continue;
      }
      if (!isPodAvailable(newPod, minReadySeconds, nowMs)) numSurge++;
      else oldPodsToDelete.push(oldPod.metadata.name);
    }
    const remainingSurge = Math.min(Math.max(0, maxSurge - numSurge), candidateNewNodes.length);
    return [oldPodsToDelete, [...allowedNewNodes, ...candidateNewNodes.slice(0, remainingSurge)]];
  }

  /** Models syncNodes: slow-start creation of pinned pods, then deletions, each with its event. */
  private syncNodes(ds: Typed<DaemonSet>, podsToDelete: readonly string[], nodesNeedingPods: readonly string[], hash: string, ctx: ReconcileContext, changes: Changes): void {
    const createDiff = Math.min(nodesNeedingPods.length, DAEMONSET_BURST_REPLICAS);
    const deleteDiff = Math.min(podsToDelete.length, DAEMONSET_BURST_REPLICAS);
    const template = clone(ds.spec?.template ?? {}) as PodTemplateSpec;
    template.spec ??= { containers: [] };
    addDaemonPodTolerations(template.spec);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}) } };
    const generation = templateGeneration(ds);
    if (generation !== undefined) template.metadata.labels![TEMPLATE_GENERATION_LABEL] = generation;
    template.metadata.labels![CONTROLLER_REVISION_HASH_LABEL] = hash;
    const ref = newControllerRef(ds, 'apps/v1', 'DaemonSet');
    const taken = new Set<string>();
    let index = 0;
    slowStartBatch(createDiff, SLOW_START_INITIAL_BATCH_SIZE, () => {
      const podTemplate = clone(template);
      pinToNode(podTemplate, nodesNeedingPods[index++]);
      const pod = podFromTemplate(podTemplate, ds, ref);
      pod.metadata.name = chooseGeneratedName(ctx.view, 'Pod', ds.metadata.namespace, pod.metadata.generateName!, ctx.rng, taken);
      changes.create(pod);
      changes.event(this.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`));
      return true;
    });
    for (const name of podsToDelete.slice(0, deleteDiff)) {
      const pod = ctx.view.get<Pod>('Pod', ds.metadata.namespace, name);
      if (!pod) continue;
      changes.delete('Pod', ds.metadata.namespace, name, { uid: pod.metadata.uid });
      changes.event(this.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`));
    }
  }

  /** Models updateDaemonSetStatus; returns the pods it judged readiness on (for the availability requeue). */
  private updateStatus(ds: Typed<DaemonSet>, nodes: readonly Typed<Node>[], verdict: (node: Typed<Node>) => readonly [boolean, boolean], nodeToDaemonPods: Map<string, Typed<Pod>[]>, hash: string, nowMs: number, changes: Changes): Typed<Pod>[] {
    let desired = 0, current = 0, misscheduled = 0, ready = 0, updated = 0, available = 0;
    const judged: Typed<Pod>[] = [];
    const generation = templateGeneration(ds);
    const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
    for (const node of nodes) {
      const [shouldRun] = verdict(node);
      const pods = nodeToDaemonPods.get(node.metadata.name) ?? [];
      if (!shouldRun) {
        if (pods.length > 0) misscheduled++;
        continue;
      }
      desired++;
      if (pods.length === 0) continue;
      current++;
      const pod = [...pods].sort(podByCreationAndPhaseLess)[0];
      judged.push(pod);
      if (isPodReady(pod)) {
        ready++;
        if (isPodAvailable(pod, minReadySeconds, nowMs)) available++;
      }
      if (isPodUpdated(pod, hash, generation)) updated++;
    }
    const status: DaemonSetStatus = { currentNumberScheduled: current, numberMisscheduled: misscheduled, desiredNumberScheduled: desired, numberReady: ready };
    const old = (ds.status ?? {}) as Partial<DaemonSetStatus>;
    const unavailable = desired - available;
    const settled = (old.desiredNumberScheduled ?? 0) === desired && (old.currentNumberScheduled ?? 0) === current && (old.numberMisscheduled ?? 0) === misscheduled &&
      (old.numberReady ?? 0) === ready && (old.updatedNumberScheduled ?? 0) === updated && (old.numberAvailable ?? 0) === available &&
      (old.numberUnavailable ?? 0) === unavailable && (old.observedGeneration ?? 0) >= (ds.metadata.generation ?? 0);
    if (settled) return judged;
    if (ds.metadata.generation) status.observedGeneration = ds.metadata.generation;
    // The API omits these when zero.
    if (updated) status.updatedNumberScheduled = updated;
    if (available) status.numberAvailable = available;
    if (unavailable) status.numberUnavailable = unavailable;
    if (old.collisionCount !== undefined) status.collisionCount = old.collisionCount;
    changes.edit(ds).status = status as never;
    return judged;
  }

  /**
   * Models the failedPodsBackoff check: undefined when the failed pod may be deleted now (and the
   * next backoff step is taken), else the delay to wait.
   */
  private failedPodDeleteDelay(backoffKey: string, nowMs: number): number | undefined {
    const entry = this.failedPodsBackoff.get(backoffKey);
    const expired = !entry || nowMs - entry.lastUpdateMs > 2 * FAILED_POD_BACKOFF_MAX_MS;
    if (entry && !expired && nowMs - entry.lastUpdateMs < entry.delayMs) return entry.delayMs;
    const delayMs = !entry || expired ? FAILED_POD_BACKOFF_INITIAL_MS : Math.min(entry.delayMs * 2, FAILED_POD_BACKOFF_MAX_MS);
    this.failedPodsBackoff.set(backoffKey, { delayMs, lastUpdateMs: nowMs });
    return undefined;
  }

  /** Models addNode/updateNode: only DaemonSets whose verdict for this node changed are woken. */
  private keysForNode(change: WatchChange, view: StoreView): readonly string[] {
    const node = change.object as Typed<Node>;
    const old = change.old as Typed<Node> | undefined;
    if (view.count('DaemonSet') === 0) return NO_KEYS;
    const daemonSets = view.list<DaemonSet>('DaemonSet');
    if (change.type === 'added') return daemonSets.filter((ds) => nodeShouldRunDaemonPod(node, ds)[0]).map(dsKey);
    if (change.type === 'deleted') return daemonSets.map(dsKey);
    if (!old || !nodeChangeMatters(old, node)) return NO_KEYS;
    return daemonSets.filter((ds) => !deepEqual(nodeShouldRunDaemonPod(old, ds), nodeShouldRunDaemonPod(node, ds))).map(dsKey);
  }

  private keyOfController(view: StoreView, pod: Typed<Pod>): readonly string[] {
    const ds = resolveControllerRef(view, pod.metadata.namespace, getControllerOf(pod), 'DaemonSet');
    return ds ? [dsKey(ds)] : NO_KEYS;
  }

  /** Models getDaemonSetsForPod: DaemonSets in the pod's namespace whose non-empty selector matches. */
  private keysSelecting(view: StoreView, pod: Typed<Pod>): readonly string[] {
    const keys: string[] = [];
    for (const ds of view.list<DaemonSet>('DaemonSet', pod.metadata.namespace)) {
      const selector = labelSelectorFor(ds, ds.spec?.selector);
      if (selector && !selector.empty() && selector.matches(pod.metadata.labels as Labels | undefined)) keys.push(dsKey(ds));
    }
    return keys;
  }

  private event(ds: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): EventInput {
    return { involvedObject: { kind: 'DaemonSet', namespace: ds.metadata.namespace, name: ds.metadata.name, uid: ds.metadata.uid, apiVersion: 'apps/v1' }, type, reason, message, source: { component: COMPONENT } };
  }
}

/** Models shouldIgnoreNodeUpdate: heartbeats alone never matter; labels, taints, spec or condition statuses do. */
function nodeChangeMatters(old: Typed<Node>, cur: Typed<Node>): boolean {
  const conditionStatuses = (n: Typed<Node>) => (n.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`).sort();
  return !deepEqual(old.metadata.labels, cur.metadata.labels) || !deepEqual(old.spec, cur.spec) || !deepEqual(conditionStatuses(old), conditionStatuses(cur));
}
