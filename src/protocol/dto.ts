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

export interface OwnerDto extends BaseDto {
  readonly dto: 'owner';
  readonly kind: OwnerKind;
  readonly namespace: string;
  /** The selector as kubectl prints it (`app=web,tier in (a,b)`), "" when none. */
  readonly selector: string;
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
