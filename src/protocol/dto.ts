/**
 * WARNING: imported by both threads (worker and page). Types only, plus nothing that needs a DOM or
 * the engine at runtime. Every shape here must survive structured clone: plain objects, arrays,
 * strings, numbers, booleans. No Maps, no classes, no functions.
 *
 * DTOs are the page's view of cluster objects, computed in the worker (src/worker/toDto.ts) so the
 * page never needs engine code (kubectl's display rules, quantity parsing) to draw the cluster.
 */

/** A pointer to another object (owner, involved object). */
export interface ObjectRefDto {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly uid?: string;
}

/** Fields every DTO has. `rv` is the object's metadata.resourceVersion. */
interface BaseDto {
  readonly uid: string;
  readonly name: string;
  readonly namespace?: string;
  readonly rv: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The controller owner (ownerReferences with controller: true, else the first one). */
  readonly owner?: ObjectRefDto;
  /** Set while the object waits for its finalizers / grace period. */
  readonly deleting: boolean;
  /** Virtual ms of metadata.creationTimestamp (0 when unknown). */
  readonly createdMs: number;
}

/** Requests or capacity in numbers the UI can add and compare. */
export interface ResourcesDto {
  readonly cpuMilli: number;
  readonly memoryBytes: number;
  readonly pods: number;
}

export interface PodDto extends BaseDto {
  readonly dto: 'pod';
  readonly kind: 'Pod';
  readonly namespace: string;
  /** spec.nodeName; undefined while unscheduled. */
  readonly nodeName?: string;
  /** status.phase (Pending, Running, Succeeded, Failed, Unknown). */
  readonly phase: string;
  /** kubectl get pods STATUS column (Running, ContainerCreating, CrashLoopBackOff, Terminating…). */
  readonly status: string;
  /** kubectl READY column, e.g. "1/1". */
  readonly ready: string;
  /** kubectl RESTARTS column as computed when the pod last changed, e.g. "2 (40s ago)". */
  readonly restarts: string;
  readonly restartCount: number;
  readonly readyContainers: number;
  readonly totalContainers: number;
  /** Sum of the containers' requests (pods counts 1). */
  readonly requests: ResourcesDto;
  readonly images: readonly string[];
  /** PodScheduled=False message, e.g. "0/3 nodes are available: 3 Insufficient cpu." */
  readonly unschedulableMessage?: string;
  readonly podIP?: string;
}

export interface NodeConditionDto {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly message?: string;
}

export interface TaintDto {
  readonly key: string;
  readonly value?: string;
  readonly effect: string;
}

export interface NodeDto extends BaseDto {
  readonly dto: 'node';
  readonly kind: 'Node';
  /** kubectl get nodes STATUS, e.g. "Ready", "NotReady,SchedulingDisabled". */
  readonly status: string;
  /** Ready condition status: "True", "False" or "Unknown". */
  readonly ready: string;
  readonly roles: string;
  readonly unschedulable: boolean;
  readonly capacity: ResourcesDto;
  readonly allocatable: ResourcesDto;
  /** Sum of requests of the non-terminated pods bound to this node. */
  readonly requests: ResourcesDto;
  /** The quantities as written on the node, for display ("4", "8Gi", "110"). */
  readonly allocatableText: { readonly cpu: string; readonly memory: string; readonly pods: string };
  readonly conditions: readonly NodeConditionDto[];
  readonly taints: readonly TaintDto[];
}

export type OwnerKind = 'ReplicaSet' | 'ReplicationController' | 'DaemonSet' | 'Deployment' | 'HorizontalPodAutoscaler';

/** One requirement of a label selector (matchLabels entries become `In` with one value). */
export interface SelectorRequirementDto {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: readonly string[];
}

export interface OwnerDto extends BaseDto {
  readonly dto: 'owner';
  readonly kind: OwnerKind;
  readonly namespace: string;
  /** The selector as kubectl prints it (`app=web,tier in (a,b)`), "" when none. */
  readonly selector: string;
  /**
   * The same selector as requirements, so the page can show which pods it matches (all must hold).
   * Undefined when the object has no usable selector (HPA, an invalid one): it matches nothing.
   */
  readonly selectorRequirements?: readonly SelectorRequirementDto[];
  readonly replicas: {
    /** spec.replicas (DaemonSet: desiredNumberScheduled). */
    readonly desired?: number;
    readonly current?: number;
    readonly ready?: number;
    readonly available?: number;
    readonly updated?: number;
  };
  /** HorizontalPodAutoscaler only. */
  readonly hpa?: {
    readonly target: ObjectRefDto;
    readonly minReplicas: number;
    readonly maxReplicas: number;
    readonly currentReplicas?: number;
    readonly desiredReplicas?: number;
    /** TARGETS column, e.g. "cpu: 40%/50%". */
    readonly targets: string;
  };
}

/** Any other kind (Namespace, …): identity only. */
export interface GenericDto extends BaseDto {
  readonly dto: 'object';
  readonly kind: string;
}

export type ObjectDto = PodDto | NodeDto | OwnerDto | GenericDto;

export interface EventDto {
  readonly uid: string;
  readonly name: string;
  readonly namespace: string;
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
  readonly count: number;
  readonly firstMs: number;
  readonly lastMs: number;
  /** Orders events with equal times. */
  readonly seq: number;
  readonly involved: ObjectRefDto;
  /** "kubelet, node-1" style source. */
  readonly source: string;
}

export interface SnapshotDto {
  readonly objects: readonly ObjectDto[];
  /** The most recent events (bounded), oldest first. */
  readonly events: readonly EventDto[];
}

/** Net object changes since the previous patch, keyed by uid. */
export interface DiffDto {
  readonly added: readonly ObjectDto[];
  readonly updated: readonly ObjectDto[];
  readonly removed: readonly string[];
}

/** 1-based editor position, the same shape as the engine's SourcePosition. */
export interface SourcePositionDto {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface ManifestErrorDto {
  readonly message: string;
  readonly documentIndex: number;
  readonly position?: SourcePositionDto;
  readonly fieldPath?: string;
}

export interface AppliedObjectDto {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly outcome: 'created' | 'configured' | 'unchanged' | 'replaced';
  readonly documentIndex: number;
}

export interface NodeConfigDto {
  readonly name: string;
  readonly cpu?: string;
  readonly memory?: string;
  readonly pods?: number;
  readonly labels?: Readonly<Record<string, string>>;
  readonly role?: 'control-plane' | 'worker';
}

export interface ManifestDto {
  readonly fileName: string;
  readonly text: string;
}

// ------------------------------------------------------------------------------------------------
// Inspection ("focus"): what the page shows for the one object it inspects. Facts only; the page
// words them (src/ui/inspector/whyText.ts), so explanations can be translated.
// ------------------------------------------------------------------------------------------------

/** One state band of a container, as kubectl would have shown it during [fromMs, toMs). */
export interface TimelineBandDto {
  readonly fromMs: number;
  /** Undefined while the band is still open (up to the data's `atMs`). */
  readonly toMs?: number;
  readonly state: 'waiting' | 'running' | 'terminated';
  readonly reason?: string;
  readonly ready?: boolean;
}

/** `count` probe results with the same outcome and message, `periodMs` apart, from `fromMs`. */
export interface ProbeRunDto {
  readonly type: 'liveness' | 'readiness' | 'startup';
  readonly outcome: 'success' | 'failure' | 'error';
  readonly message: string;
  readonly fromMs: number;
  readonly periodMs: number;
  readonly count: number;
}

export interface ContainerTimelineDto {
  readonly name: string;
  readonly init: boolean;
  readonly bands: readonly TimelineBandDto[];
  readonly probes: readonly ProbeRunDto[];
  readonly restarts: readonly { readonly atMs: number; readonly restartCount: number }[];
  readonly ooms: readonly { readonly atMs: number; readonly usageBytes: number; readonly limitBytes: number }[];
  /** CrashLoopBackOff waits: the container exited at `fromMs` and may restart at `fromMs + lengthMs`. */
  readonly backoffs: readonly { readonly fromMs: number; readonly lengthMs: number }[];
  /** Kills by the kubelet: `reason` is liveness, startup, delete or spec. */
  readonly kills: readonly { readonly atMs: number; readonly reason: string }[];
  readonly memoryLimitBytes?: number;
  /** Memory use samples of the current and previous instance. */
  readonly memory: readonly { readonly tMs: number; readonly bytes: number }[];
}

/** The kubelet's per-container history of one pod (undefined once the kubelet forgot the pod). */
export interface PodTimelineDto {
  readonly nodeName: string;
  readonly containers: readonly ContainerTimelineDto[];
}

/** The scheduler's last decision for a pod (its DecisionTrace), trimmed for display. */
export interface SchedulingDto {
  readonly atMs: number;
  readonly attempt: number;
  readonly outcome: 'Scheduled' | 'Unschedulable' | 'SchedulingGated' | 'Error';
  readonly nodeName?: string;
  /** The FailedScheduling / Scheduled text. */
  readonly message: string;
  readonly numAllNodes: number;
  readonly feasibleNodes: number;
  readonly nodes: readonly {
    readonly node: string;
    readonly feasible: boolean;
    /** The filter plugin that rejected the node and its reasons. */
    readonly plugin?: string;
    readonly reasons: readonly string[];
    readonly totalScore?: number;
  }[];
  readonly omittedNodes: number;
  readonly preFilter: readonly { readonly plugin: string; readonly result: string }[];
  readonly tiedNodes?: readonly string[];
  readonly notes: readonly string[];
}

/**
 * The ranking rule that put a pod first in line on scale-down, in the order of
 * controller_utils.go ActivePodsWithRanks.Less.
 */
export type ScaleDownCriterion = 'unassigned' | 'phase' | 'notReady' | 'deletionCost' | 'colocated' | 'readySince' | 'restarts' | 'newer' | 'tie' | 'other';

/** Why a ReplicaSet / ReplicationController picked this pod when it scaled down. */
export interface ScaleDownDto {
  readonly atMs: number;
  readonly owner: ObjectRefDto;
  /** Active pods before the deletion, and how many were wanted. */
  readonly activeBefore: number;
  readonly desired: number;
  readonly criterion: ScaleDownCriterion;
  /** The survivor it was compared with (the one it differed from first), if any survived. */
  readonly comparedWith?: string;
  /** The values the criterion compared: this pod's and the survivor's (e.g. "Pending" / "Running"). */
  readonly mine?: string;
  readonly theirs?: string;
  /** Pods deleted in the same sync. */
  readonly together: readonly string[];
}

/** A change of a pod's controller owner, as it happened. */
export interface OwnershipChangeDto {
  readonly atMs: number;
  /** created: born with an owner; adopted: an owner took an orphan; released: its labels stopped matching; orphaned: the owner was deleted with --cascade=orphan. */
  readonly change: 'created' | 'adopted' | 'released' | 'orphaned';
  readonly owner: ObjectRefDto;
  /** The owner's selector at the time (adopted / released). */
  readonly selector?: string;
  /** The pod's labels at the time. */
  readonly labels?: Readonly<Record<string, string>>;
}

export interface OwnershipDto {
  readonly history: readonly OwnershipChangeDto[];
  /** The controller owner named in ownerReferences, and whether it still exists. */
  readonly owner?: ObjectRefDto & { readonly exists: boolean };
  /** Controllers (RS/RC/DS) whose selector matches the object's labels now. */
  readonly matchingOwners: readonly (ObjectRefDto & { readonly selector: string })[];
}

/** Everything the inspector shows for one object at one moment. */
export interface FocusDto {
  readonly uid: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  /** Virtual time the data describes. */
  readonly atMs: number;
  /** `kubectl get -o yaml` text of the stored object, status included. */
  readonly yaml: string;
  /** Events whose involved object is this one, oldest first (bounded). */
  readonly events: readonly EventDto[];
  readonly timeline?: PodTimelineDto;
  readonly scheduling?: SchedulingDto;
  readonly scaleDown?: ScaleDownDto;
  readonly ownership: OwnershipDto;
  /** Containers' current waiting / last terminated state (pods). */
  readonly containers?: readonly ContainerStateDto[];
}

export interface ContainerStateDto {
  readonly name: string;
  readonly state: 'waiting' | 'running' | 'terminated' | 'unknown';
  readonly reason?: string;
  readonly message?: string;
  readonly exitCode?: number;
  readonly restartCount: number;
  readonly ready: boolean;
  readonly lastTerminated?: { readonly reason?: string; readonly exitCode?: number; readonly finishedMs?: number };
  /** Probes configured, for "why" texts ("liveness http-get :80/health, failureThreshold 3"). */
  readonly probes: readonly { readonly type: 'liveness' | 'readiness' | 'startup'; readonly action: string; readonly periodSeconds: number; readonly failureThreshold: number; readonly initialDelaySeconds: number }[];
  readonly memoryLimitBytes?: number;
}
