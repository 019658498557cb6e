/** Describers per kind, and the events each one shows (describe.go searchEvents). */
import type { DaemonSet, Deployment, HorizontalPodAutoscaler, KubeObject, Namespace, Node, Pod, ReplicaSet, ReplicationController, Typed } from '../../api/types';
import type { EventRecord } from '../../events/EventRecorder';
import type { Simulation } from '../../sim/Simulation';
import { fail } from '../errors';
import { describeHpa } from './hpa';
import { describeNamespace } from './namespace';
import { describeNode } from './node';
import { NODE_HEARTBEAT, type NodeHeartbeat } from '../../nodes/NodeHeartbeat';
import { describePod } from './pod';
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeReplicationController } from './workloads';

/**
 * Events kubectl lists for an object: same name, namespace and uid (kind too, except for pods,
 * whose reference has its kind cleared). Node events match the node's uid or, as the kubelet
 * reports them, its name.
 */
export function eventsFor(sim: Simulation, obj: KubeObject): EventRecord[] {
  const namespace = obj.metadata.namespace ?? 'default';
  const uid = obj.metadata.uid;
  return sim.events.list((e) => {
    const ref = e.involvedObject;
    if (ref.name !== obj.metadata.name) return false;
    if (obj.kind === 'Node') return ref.kind === 'Node' && (!ref.uid || ref.uid === uid || ref.uid === obj.metadata.name);
    if ((ref.namespace ?? 'default') !== namespace) return false;
    if (obj.kind !== 'Pod' && ref.kind !== obj.kind) return false;
    return !ref.uid || !uid || ref.uid === uid;
  });
}

export function describeObject(sim: Simulation, obj: KubeObject, showEvents: boolean): string {
  const now = sim.nowMs();
  const events = showEvents ? eventsFor(sim, obj) : [];
  const view = sim.store;
  const text = (() => {
    switch (obj.kind) {
      case 'Pod':
        return describePod(obj as Typed<Pod>, events, now);
      case 'ReplicaSet':
        return describeReplicaSet(view, obj as Typed<ReplicaSet>, events, now);
      case 'ReplicationController':
        return describeReplicationController(view, obj as Typed<ReplicationController>, events, now);
      case 'DaemonSet':
        return describeDaemonSet(view, obj as Typed<DaemonSet>, events, now);
      case 'Deployment':
        return describeDeployment(view, obj as Typed<Deployment>, events, now);
      case 'Node':
        return describeNode(view, sim.controller<NodeHeartbeat>(NODE_HEARTBEAT)?.leases, obj as Typed<Node>, events, now);
      case 'HorizontalPodAutoscaler':
        return describeHpa(obj as Typed<HorizontalPodAutoscaler>, events, now);
      case 'Namespace':
        return describeNamespace(obj as Typed<Namespace>);
    }
    return fail(`no description has been implemented for ${obj.apiVersion.includes('/') ? obj.apiVersion : `/${obj.apiVersion}`}, Kind=${obj.kind}`);
  })();
  if (!showEvents) return text.replace(/Events:\t<none>\n$/, '');
  return text;
}
