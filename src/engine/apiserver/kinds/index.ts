/** Registers every kind's apiserver strategy (imported for its side effect by apply.ts and the Writer). */
import { registerStrategy } from '../strategy';
import { podStrategy } from './pod';
import { nodeStrategy } from './node';
import { namespaceStrategy } from './namespace';
import { replicaSetStrategy } from './replicaSet';
import { replicationControllerStrategy } from './replicationController';
import { daemonSetStrategy } from './daemonSet';
import { deploymentStrategy } from './deployment';
import { horizontalPodAutoscalerStrategy } from './horizontalPodAutoscaler';

for (const strategy of [
  podStrategy,
  nodeStrategy,
  namespaceStrategy,
  replicaSetStrategy,
  replicationControllerStrategy,
  daemonSetStrategy,
  deploymentStrategy,
  horizontalPodAutoscalerStrategy,
]) {
  registerStrategy(strategy);
}
