import type { Controller } from './Controller';
import { Scheduler } from '../scheduler/Scheduler';
import { NodeLeases } from '../nodes/leases';
import { NodeHeartbeat } from '../nodes/NodeHeartbeat';
import { NodeLifecycleController } from '../nodes/NodeLifecycleController';
import { TaintEvictionController } from '../nodes/TaintEvictionController';
import { PodGCController } from '../nodes/PodGCController';
import { createKubelet } from '../kubelet/Kubelet';
import { ReplicaSetController } from './replicaSet/ReplicaSetController';
import { createReplicationControllerController } from './replicationController/ReplicationControllerController';
import { DaemonSetController } from './daemonSet/DaemonSetController';
import { DeploymentController } from './deployment/DeploymentController';
import { HorizontalPodAutoscalerController } from './hpa/HorizontalPodAutoscalerController';
import { GarbageCollector } from './garbageCollector/GarbageCollector';

/**
 * Every controller of the simulated control plane, in the fixed order a step drains them.
 * The order is part of determinism: changing it changes event logs, so golden tests notice.
 * Slots, in order: scheduler · node lifecycle / taint eviction / pod GC · kubelet ·
 * replicaset · replicationcontroller · daemonset · deployment · horizontalpodautoscaler · garbage collector.
 */
export function createControllers(): Controller[] {
  const controllers: Controller[] = [];
  controllers.push(new Scheduler());
  // The kubelets' node status/lease loop and the node lifecycle controller share one lease table.
  const leases = new NodeLeases();
  controllers.push(new NodeHeartbeat(leases), new NodeLifecycleController(leases), new TaintEvictionController(), new PodGCController());
  controllers.push(createKubelet());
  controllers.push(new ReplicaSetController());
  controllers.push(createReplicationControllerController());
  controllers.push(new DaemonSetController());
  controllers.push(new DeploymentController());
  controllers.push(new HorizontalPodAutoscalerController());
  controllers.push(new GarbageCollector());
  return controllers;
}
