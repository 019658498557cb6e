/**
 * The kubeconfig Podlab's kubectl reads: one cluster, user and context, all named "podlab".
 * `config set-context --current --namespace=…` changes the context's namespace; that state lives
 * beside the cluster (keyed by it) and is rebuilt on replay because the commands are logged.
 */
import type { Cluster } from '../sim/Cluster';

export const CONTEXT_NAME = 'podlab';
/** The simulated apiserver's address as the kubeconfig names it (there is no network behind it). */
export const SERVER_URL = 'https://podlab.local:6443';

interface KubeconfigState {
  namespace?: string;
}

const states = new WeakMap<Cluster, KubeconfigState>();

export function kubeconfigState(cluster: Cluster): KubeconfigState {
  let state = states.get(cluster);
  if (!state) states.set(cluster, (state = {}));
  return state;
}

/** The context's namespace, or "default". */
export function contextNamespace(cluster: Cluster): string {
  return kubeconfigState(cluster).namespace || 'default';
}

export function kubeconfigObject(cluster: Cluster): Record<string, unknown> {
  const context: Record<string, string> = { cluster: CONTEXT_NAME, user: CONTEXT_NAME };
  const ns = kubeconfigState(cluster).namespace;
  if (ns) context.namespace = ns;
  return {
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': 'DATA+OMITTED', server: SERVER_URL }, name: CONTEXT_NAME }],
    contexts: [{ context, name: CONTEXT_NAME }],
    'current-context': CONTEXT_NAME,
    kind: 'Config',
    preferences: {},
    users: [{ name: CONTEXT_NAME, user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } }],
  };
}
