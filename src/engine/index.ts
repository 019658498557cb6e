/**
 * Podlab's engine: a deterministic simulated Kubernetes control plane. Pure TypeScript; runs the
 * same in the browser worker, in Node tests and in the headless CLI.
 *
 * @example
 * const cluster = createCluster({ seed: 7 });
 * cluster.apply(rsYaml);
 * cluster.advance(30_000);
 * console.log(cluster.kubectl('get pods').stdout);
 */
import { Cluster, type ClusterConfig } from './sim/Cluster';

export { Cluster, replayCluster } from './sim/Cluster';
export type { ClusterConfig, Command, LoggedCommand, KubectlIO, ClusterSnapshot } from './sim/Cluster';
export type { KubectlResult } from './kubectl/kubectl';
export { runKubectl, watchKubectl, isStreamingCommand, completeKubectl, type KubectlStream, type StreamChunk, type Completion } from './kubectl/kubectl';
export type { ApplyResult, AppliedObject, ApplyOptions } from './apiserver/apply';
export type { ManifestError, SourcePosition } from './apiserver/manifest';
export type { EventRecord } from './events/EventRecorder';
export type { ObjectsDiff, WatchChange } from './store/ObjectsDiff';
export type { KubeObject, Kind } from './api/types';
export { KINDS } from './api/types';
export { DEFAULT_NODES, type NodeConfig } from './api/node';
export { EPOCH_MS, isoTime } from './clock/VirtualClock';
export { parseSelector, selectorFromLabelSelector, selectorFromSet, type Selector } from './api/labels';
export { parseQuantity, type Quantity } from './api/quantity';
export { Simulation } from './sim/Simulation';
export { toJsonSchema, jsonSchemaForAll, explain, explainField, registerPodlabAnnotation, podlabAnnotations, type JsonSchema, type ExplainOptions, type ExplainResult, type PodlabAnnotationDoc } from './apiserver/schema';

/** Creates a simulated cluster: 3 worker nodes (4 CPU, 8Gi, 110 pods) unless `nodes` says otherwise. */
export function createCluster(config: ClusterConfig = {}): Cluster {
  return new Cluster(config);
}
export { podStatusColumns, type PodColumns } from './kubelet/podDisplay';
export { toGoYaml } from './kubectl/output/yaml';
export { kubeletOf, type Kubelet, type KubeletApi, type KubeletResult, type LogOptions, type ExecResult } from './kubelet/Kubelet';
export type { PodTimeline, ContainerTimeline, StateBand, ProbeRun } from './kubelet/timeline';
export { behaviourAnnotationDocs } from './kubelet/annotations';
export { humanDuration, shortHumanDuration, goDuration } from './util/duration';
