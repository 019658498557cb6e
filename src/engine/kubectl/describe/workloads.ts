/** `kubectl describe rs|rc|ds|deploy` (describe.go describeReplicaSet, describeReplicationController, describeDaemonSet, describeDeployment). */
import type { DaemonSet, Deployment, KubeObject, Pod, ReplicaSet, ReplicationController, Typed } from '../../api/types';
import { formatLabels, labelSelectorToString, selectorFromLabelSelector, selectorFromSet, type Selector } from '../../api/labels';
import type { EventRecord } from '../../events/EventRecorder';
import type { StoreView } from '../../store/ObjectStore';
import { replicaSetsOf } from '../../controllers/deployment/rollout';
import { findNewReplicaSet, findOldReplicaSets } from '../../controllers/deployment/deploymentUtil';
import { rfc1123z } from '../timefmt';
import { controllerText, describeEvents, describePodTemplate, printAnnotationsMultiline, printLabelsMultiline } from './common';
import { LEVEL_0, LEVEL_1, tabbedString } from './writer';

/** getPodStatusForController: pods matching the selector and controlled by the object. */
export function podPhaseCounts(view: StoreView, owner: KubeObject, selector: Selector): { running: number; waiting: number; succeeded: number; failed: number } {
  const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of view.list<Pod>('Pod', owner.metadata.namespace)) {
    if (!selector.matches(pod.metadata.labels)) continue;
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller === true);
    if (!ref || ref.uid !== owner.metadata.uid) continue;
    switch (pod.status?.phase) {
      case 'Running':
        counts.running++;
        break;
      case 'Pending':
        counts.waiting++;
        break;
      case 'Succeeded':
        counts.succeeded++;
        break;
      case 'Failed':
        counts.failed++;
        break;
    }
  }
  return counts;
}

function safeSelector(ls: Parameters<typeof selectorFromLabelSelector>[0]): Selector {
  try {
    return selectorFromLabelSelector(ls);
  } catch {
    return selectorFromSet({});
  }
}

function conditionsTable(w: Parameters<Parameters<typeof tabbedString>[0]>[0], conditions: readonly { type: string; status: string; reason?: string }[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

export function describeReplicaSet(view: StoreView, rs: Typed<ReplicaSet>, events: readonly EventRecord[], nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${labelSelectorToString(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const controlledBy = controllerText(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
    const c = podPhaseCounts(view, rs, safeSelector(rs.spec?.selector));
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
    describePodTemplate(w, rs.spec?.template, labelSelectorToString);
    conditionsTable(w, rs.status?.conditions);
    describeEvents(w, events, nowMs);
  });
}

export function describeReplicationController(view: StoreView, rc: Typed<ReplicationController>, events: readonly EventRecord[], nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rc.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rc.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired\n`);
    const c = podPhaseCounts(view, rc, selectorFromSet(rc.spec?.selector ?? {}));
    w.write(LEVEL_0, `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
    describePodTemplate(w, rc.spec?.template, labelSelectorToString);
    conditionsTable(w, rc.status?.conditions);
    describeEvents(w, events, nowMs);
  });
}

export function describeDaemonSet(view: StoreView, ds: Typed<DaemonSet>, events: readonly EventRecord[], nowMs: number): string {
  return tabbedString((w) => {
    const selector = safeSelector(ds.spec?.selector);
    const s = ds.status;
    w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
    w.write(LEVEL_0, `Selector:\t${selector.toString()}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${s?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${s?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${s?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${s?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${s?.numberMisscheduled ?? 0}\n`);
    const c = podPhaseCounts(view, ds, selector);
    w.write(LEVEL_0, `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
    describePodTemplate(w, ds.spec?.template, labelSelectorToString);
    describeEvents(w, events, nowMs);
  });
}

/** The deployment's ReplicaSets as describe lists them: the new one and every old one (GetAllReplicaSets). */
export function deploymentReplicaSets(view: StoreView, d: Typed<Deployment>): { newRs?: Typed<ReplicaSet>; oldRss: Typed<ReplicaSet>[] } {
  const all = replicaSetsOf(view, d);
  const [, oldRss] = findOldReplicaSets(d, all);
  return { newRs: findNewReplicaSet(d, all), oldRss };
}

function rsSummary(list: readonly Typed<ReplicaSet>[]): string {
  const text = list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
  return text || '<none>';
}

/** intstr.IntOrString.String(). */
function intOrString(v: unknown): string {
  return v === undefined || v === null ? '0' : String(v);
}

export function describeDeployment(view: StoreView, d: Typed<Deployment>, events: readonly EventRecord[], nowMs: number): string {
  return tabbedString((w) => {
    const s = d.status;
    w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${safeSelector(d.spec?.selector).toString()}\n`);
    w.write(LEVEL_0, `Replicas:\t${d.spec?.replicas ?? 0} desired | ${s?.updatedReplicas ?? 0} updated | ${s?.replicas ?? 0} total | ${s?.availableReplicas ?? 0} available | ${s?.unavailableReplicas ?? 0} unavailable\n`);
    w.write(LEVEL_0, `StrategyType:\t${d.spec?.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
    const ru = d.spec?.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
    describePodTemplate(w, d.spec?.template, labelSelectorToString);
    conditionsTable(w, d.status?.conditions);
    const { newRs, oldRss } = deploymentReplicaSets(view, d);
    if (oldRss.length > 0 || newRs) {
      w.write(LEVEL_0, `OldReplicaSets:\t${rsSummary(oldRss)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${rsSummary(newRs ? [newRs] : [])}\n`);
    }
    describeEvents(w, events, nowMs);
  });
}
