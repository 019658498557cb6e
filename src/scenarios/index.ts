/**
 * Guided scenarios (issue 8): data + a pure checker. The worker loads one into a fresh cluster
 * (`scenario.cluster`), the UI shows its files in the editor and its steps beside the console, and
 * after every tick the worker calls `evaluateScenario` to tick the current step.
 *
 * @example
 * const scenario = scenarioById(DEFAULT_SCENARIO_ID)!;
 * const cluster = createCluster(clusterConfigOf(scenario));
 * let progress = startProgress(scenario);
 * cluster.kubectl(resolveCommand(cluster, scenario.steps[0].commands[0]).line, { files: filesOf(scenario) });
 * cluster.advance(20_000);
 * progress = evaluateScenario(cluster, scenario, progress); // progress.done['bare-pod'] once echo runs
 */
import type { ClusterConfig } from '../engine/index';
import type { Scenario } from './types';
import { replicasetBasics } from './catalog/replicasetBasics';
import { liveness404 } from './catalog/liveness404';
import { livenessHttp } from './catalog/livenessHttp';
import { oomKilled } from './catalog/oomKilled';
import { replicasetAdoption } from './catalog/replicasetAdoption';
import { cascadeOrphan } from './catalog/cascadeOrphan';
import { rcVsRs } from './catalog/rcVsRs';
import { daemonsetSsd } from './catalog/daemonsetSsd';
import { daemonsetReplicasetShared } from './catalog/daemonsetReplicasetShared';
import { nodeSelector } from './catalog/nodeSelector';
import { resourceRequests } from './catalog/resourceRequests';
import { scaleReplicaset } from './catalog/scaleReplicaset';
import { hpa } from './catalog/hpa';
import { nodeFailure } from './catalog/nodeFailure';
import { rollingUpdate } from './catalog/rollingUpdate';

export type * from './types';
export {
  evaluateCheck,
  evaluateScenario,
  startProgress,
  markStepDone,
  describeCheck,
  resolveCommand,
  hasPlaceholders,
  clusterState,
  podColumns,
  readPath,
  type ClusterState,
  type CheckSource,
  type ResolvedCommand,
} from './check';

/** Every scenario, in the order the scenario picker lists them (a course: pods → controllers → scheduling → scaling → operations). */
export const SCENARIOS: readonly Scenario[] = [
  replicasetBasics,
  liveness404,
  livenessHttp,
  oomKilled,
  replicasetAdoption,
  cascadeOrphan,
  rcVsRs,
  daemonsetSsd,
  daemonsetReplicasetShared,
  nodeSelector,
  resourceRequests,
  scaleReplicaset,
  hpa,
  nodeFailure,
  rollingUpdate,
];

/** The scenario the app opens with: a gentle start (bare pod vs ReplicaSet). */
export const DEFAULT_SCENARIO_ID = replicasetBasics.id;

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/** The scenario's files as kubectl's `files` input (`kubectl apply -f <name>`). */
export function filesOf(scenario: Scenario): Record<string, string> {
  return Object.fromEntries(scenario.files.map((f) => [f.name, f.text]));
}

/** The cluster a scenario starts from: its nodes (default: node-1..node-3) and seed (default 1). */
export function clusterConfigOf(scenario: Scenario): ClusterConfig {
  return { seed: scenario.cluster?.seed ?? 1, ...(scenario.cluster?.nodes ? { nodes: scenario.cluster.nodes } : {}) };
}
