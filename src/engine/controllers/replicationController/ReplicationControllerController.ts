import type { ReplicationController, Typed } from '../../api/types';
import type { Labels } from '../../api/labels';
import { setSelectorFor } from '../common/selectors';
import { ReplicaSetController, type ReplicaSetAdapter } from '../replicaSet/ReplicaSetController';

/**
 * Models pkg/controller/replication: the ReplicaSet controller run through adapters. The selector is
 * the equality map under `spec.selector` (the apiserver defaults it from the template labels), pods
 * point at `v1 ReplicationController`, and events come from `replication-controller`.
 */
export const replicationControllerAdapter: ReplicaSetAdapter = {
  kind: 'ReplicationController',
  apiVersion: 'v1',
  component: 'replication-controller',
  selector: (owner) => setSelectorFor(owner, (owner as Typed<ReplicationController>).spec?.selector as Labels | undefined),
  template: (owner) => (owner as Typed<ReplicationController>).spec?.template,
};

export function createReplicationControllerController(): ReplicaSetController {
  return new ReplicaSetController(replicationControllerAdapter);
}
