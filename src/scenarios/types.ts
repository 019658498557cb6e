/**
 * Guided scenarios: plain data the worker loads into a fresh cluster and the UI renders as a
 * step list. A scenario never drives the engine itself — the learner (or a test) runs the step's
 * kubectl lines and lets virtual time pass; each step's `check` then describes a cluster state the
 * engine has to reach on its own (see check.ts).
 *
 * Imported by the worker and by tests. May import only the engine's public API (src/engine/index.ts).
 */
import type { NodeConfig } from '../engine/index';

/** Text in both of Podlab's languages. */
export interface Localized {
  readonly en: string;
  readonly ko: string;
}

/**
 * Markdown-lite, as the UI renders step texts:
 * - paragraphs separated by a blank line; single newlines are line breaks
 * - lines starting with `- ` are bullet items
 * - `code` spans, **bold**, and fenced ``` blocks (shown as preformatted text, e.g. kubectl output)
 * No links, headings, tables or HTML.
 */
export type MarkdownLite = Localized;

/** A manifest shown in the editor; step commands reference it by `name` (`kubectl apply -f <name>`). */
export interface ScenarioFile {
  readonly name: string;
  readonly text: string;
  /** Why this file exists / where it comes from (e.g. "the notes' YAML, indentation fixed"). */
  readonly note?: Localized;
}

export interface ScenarioCluster {
  /** Nodes to create; the engine's default is three workers node-1..node-3 (4 CPU, 8Gi). */
  readonly nodes?: readonly NodeConfig[];
  /** Seed for names, uids and tie-breaks; default 1. */
  readonly seed?: number;
}

/**
 * One step of a scenario.
 *
 * `commands` are exact kubectl lines the learner can run (the console may offer them as buttons).
 * They may contain placeholders the UI resolves against the live cluster with `resolveCommand`
 * (check.ts) just before showing or running them:
 *   `{pod:<selector>}`      → the name of the oldest non-terminating pod matching the label
 *                             selector (`{pod:tier=frontend}` → `frontend-b2zdv`);
 *   `{podOf:<Kind>/<name>}` → the oldest non-terminating pod controlled by that object
 *                             (`{podOf:DaemonSet/my-daemonset}` → `my-daemonset-7bv22`).
 * They stand where the notes name a generated pod, whose name depends on the seed and on what
 * the learner did before.
 */
export interface Step {
  /** Unique within the scenario; stable (used in URLs and saved progress). */
  readonly id: string;
  /** What to do, what to watch for and why. */
  readonly text: MarkdownLite;
  readonly commands: readonly string[];
  /**
   * The state that shows the step worked. Absent for read-only steps (look at output, no state
   * change): the UI lets the learner move on by hand.
   */
  readonly check?: Check;
  /** Shown when the learner asks for help or the check has not passed for a while. */
  readonly hint?: Localized;
  /**
   * Roughly how much virtual time the step needs after its commands (probe periods, back-off,
   * eviction timeouts). A hint for the UI (e.g. a "fast-forward" button); never part of a check.
   */
  readonly waitSeconds?: number;
}

export interface Scenario {
  /** URL-safe id (`?scenario=<id>`). */
  readonly id: string;
  readonly title: Localized;
  readonly summary: Localized;
  readonly cluster?: ScenarioCluster;
  readonly files: readonly ScenarioFile[];
  readonly steps: readonly Step[];
  /** Which study notes / docs the scenario follows. */
  readonly source?: Localized;
}

/** A label selector in kubectl's string syntax: `app=web`, `tier in (a,b)`, `!canary`, `env`. */
export type SelectorText = string;

/** Pod phase as stored in `status.phase`. */
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/**
 * Declarative checks evaluated against cluster state by `evaluateCheck` (check.ts).
 *
 * Pods are "active" unless they carry a deletionTimestamp; pod checks look at active pods only,
 * except where `includeTerminating` is set or the wanted STATUS is `Terminating`.
 * STATUS / READY / RESTARTS mean what `kubectl get pods` prints for the pod at that moment.
 */
export type Check =
  /**
   * The named pod (or, with `selector`, at least one matching pod) shows this STATUS column
   * (`Running`, `CrashLoopBackOff`, `OOMKilled`, `Pending`, `Terminating`, `ContainerCreating`…),
   * optionally with at least `minRestarts` restarts and a READY column like `0/1`.
   */
  | { readonly type: 'podStatus'; readonly name?: string; readonly selector?: SelectorText; readonly status: string; readonly minRestarts?: number; readonly ready?: string }
  /**
   * How many pods match. Filters: `phase` (status.phase), `status` (STATUS column), `ready`
   * (every container ready, i.e. READY n/n), `node` (bound to that node), `image` (some
   * container runs it). Exactly `count`, or within `min`/`max`.
   */
  | {
      readonly type: 'podCount';
      readonly selector: SelectorText;
      readonly count?: number;
      readonly min?: number;
      readonly max?: number;
      readonly phase?: PodPhase;
      readonly status?: string;
      readonly ready?: boolean;
      readonly node?: string;
      readonly image?: string;
      readonly includeTerminating?: boolean;
    }
  /**
   * The named pod (or every active pod matching `selector`, at least one) is bound to a node —
   * to `node` if given, to a node carrying label `nodeLabel` if given.
   */
  | { readonly type: 'podOnNode'; readonly name?: string; readonly selector?: SelectorText; readonly node?: string; readonly nodeLabel?: { readonly key: string; readonly value: string } }
  /** A container of the pod terminated (now or as its last state) with this reason (`OOMKilled`, `Error`, `Completed`) and exit code. */
  | { readonly type: 'containerTerminated'; readonly pod: string; readonly container?: string; readonly reason: string; readonly exitCode?: number }
  | { readonly type: 'objectExists'; readonly kind: string; readonly name: string; readonly namespace?: string }
  /** The object is not in the store at all (an object still terminating does not count as gone). */
  | { readonly type: 'objectGone'; readonly kind: string; readonly name: string; readonly namespace?: string }
  /**
   * The pod (or every active pod matching `selector`, at least one) has a controller owner of
   * this kind/name — or, with `orphan: true`, no controller owner at all.
   */
  | { readonly type: 'ownerOf'; readonly pod?: string; readonly selector?: SelectorText; readonly ownerKind?: string; readonly ownerName?: string; readonly orphan?: boolean }
  /**
   * An event with this reason has been recorded (counting aggregated repeats) at least `minCount`
   * times (default 1), optionally for an involved object kind/name, of a type, with a message part.
   */
  | {
      readonly type: 'eventSeen';
      readonly reason: string;
      readonly involvedKind?: string;
      readonly involvedName?: string;
      readonly messageIncludes?: string;
      readonly eventType?: 'Normal' | 'Warning';
      readonly minCount?: number;
    }
  /** The node has label key=value; with `absent: true`, the node has no label `key`. */
  | { readonly type: 'nodeLabel'; readonly node: string; readonly key: string; readonly value?: string; readonly absent?: boolean }
  /** The node's STATUS as `kubectl get nodes` derives it from the Ready condition. */
  | { readonly type: 'nodeStatus'; readonly node: string; readonly status: 'Ready' | 'NotReady' }
  /** The node carries (or, with `absent: true`, does not carry) a taint with this key (and effect). */
  | { readonly type: 'nodeTaint'; readonly node: string; readonly key: string; readonly effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'; readonly absent?: boolean }
  /**
   * Replica counters of a workload, read the way `kubectl get` prints them:
   * ReplicaSet / ReplicationController / Deployment: desired = spec.replicas, current =
   * status.replicas, ready = status.readyReplicas, updated = status.updatedReplicas (Deployment),
   * available = status.availableReplicas;
   * DaemonSet: desired/current/ready/updated/available = status.desiredNumberScheduled /
   * currentNumberScheduled / numberReady / updatedNumberScheduled / numberAvailable;
   * HorizontalPodAutoscaler: desired = status.desiredReplicas, current = status.currentReplicas.
   */
  | {
      readonly type: 'replicas';
      readonly kind: 'ReplicaSet' | 'ReplicationController' | 'Deployment' | 'DaemonSet' | 'HorizontalPodAutoscaler';
      readonly name: string;
      readonly desired?: number;
      readonly current?: number;
      readonly ready?: number;
      readonly updated?: number;
      readonly available?: number;
    }
  /**
   * A field of an object equals a value. `path` is dotted with `[i]` for list items:
   * `spec.selector.matchExpressions[0].operator`, `spec.template.spec.containers[0].image`.
   */
  | { readonly type: 'fieldEquals'; readonly kind: string; readonly name: string; readonly path: string; readonly value: string | number | boolean }
  | { readonly type: 'all'; readonly checks: readonly Check[] }
  | { readonly type: 'any'; readonly checks: readonly Check[] }
  | { readonly type: 'not'; readonly check: Check };

export type CheckType = Check['type'];

export interface CheckResult {
  readonly passed: boolean;
  /** What the cluster shows now, and what the check waits for (for the step list's tooltip). */
  readonly detail: Localized;
}

/** Progress through a scenario, kept by the worker (plain data: it can be saved and restored). */
export interface ScenarioProgress {
  readonly scenarioId: string;
  /** Index of the step the learner is on; equals steps.length when the scenario is complete. */
  readonly current: number;
  /** Steps done so far, by id, with the virtual time they were done at. Once done, a step stays done. */
  readonly done: Readonly<Record<string, { readonly atMs: number; readonly how: 'check' | 'manual' }>>;
  /** The current step's last check result (absent when it has no check or the scenario is complete). */
  readonly currentResult?: CheckResult;
  readonly complete: boolean;
}
