import type { DeepMutable } from '../../api/types';
import type * as core from 'kubernetes-types/core/v1';

export type { Node, PodSpec, Taint, Toleration } from '../../api/types';
export type NodeSelectorRequirementLike = DeepMutable<core.NodeSelectorRequirement>;
