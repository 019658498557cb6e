import { replayCluster, toGoYaml, type Cluster, type KubeObject } from '../engine/index';
import type { DiffDocumentDto, DiffResultDto } from '../protocol/learning';

const NOISE_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration'];

/** The object as `kubectl diff` compares it: no status and no bookkeeping that every write changes. */
export function comparable(obj: KubeObject | undefined): string {
  if (!obj) return '';
  const { status: _status, ...rest } = obj as KubeObject & { status?: unknown };
  const metadata: Record<string, unknown> = { ...obj.metadata };
  delete metadata.resourceVersion;
  delete metadata.generation;
  delete metadata.managedFields;
  if (metadata.annotations && typeof metadata.annotations === 'object') {
    const annotations = { ...(metadata.annotations as Record<string, string>) };
    for (const key of NOISE_ANNOTATIONS) delete annotations[key];
    if (Object.keys(annotations).length === 0) delete metadata.annotations;
    else metadata.annotations = annotations;
  }
  return toGoYaml({ ...rest, metadata });
}

/**
 * What `kubectl apply -f <text>` would change, object by object: the live cluster's log is replayed
 * into a scratch cluster (determinism makes it identical), the text is applied there, and each object
 * is compared before and after. The live cluster is never touched. Errors come back as apply reports them.
 */
export function diffAgainstLive(live: Cluster, text: string, fileName?: string): DiffResultDto {
  const scratch = replayCluster({ seed: live.seed, nodes: live.nodeConfigs }, live.commandLog());
  const result = scratch.apply(text, { fileName });
  if (result.errors.length > 0) return { documents: [], errors: result.errors.map((e) => ({ ...e })) };
  const documents: DiffDocumentDto[] = result.applied.map((a) => ({
    kind: a.kind,
    name: a.name,
    namespace: a.namespace,
    original: comparable(live.sim.store.get(a.kind, a.namespace, a.name)),
    modified: comparable(scratch.sim.store.get(a.kind, a.namespace, a.name)),
  }));
  return { documents, errors: [] };
}
