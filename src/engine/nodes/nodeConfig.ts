import type { Node, Typed } from '../api/types';
import type { StoreView } from '../store/ObjectStore';
import { NODE_FAILURE_ANNOTATION, newNode, type NodeConfig } from '../api/node';

/**
 * Cluster edits as objects and commands, so every change a teacher makes is a replayable input:
 * adding a node is creating this Node (`kubectl apply -f node.yaml`), removing it is deleting it,
 * failing and recovering it is (un)annotating it.
 */

/** The next free node index (podCIDR 10.244.<i>.0/24, InternalIP 172.18.0.<i+2>). */
function nextNodeIndex(view: StoreView): number {
  let max = -1;
  for (const node of view.list<Node>('Node')) {
    const cidr = node.spec?.podCIDR ?? node.spec?.podCIDRs?.[0] ?? '';
    const m = /^10\.244\.(\d+)\.0\/24$/.exec(cidr);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return Math.max(max + 1, view.count('Node'));
}

/** A Ready Node for `config`, numbered after the existing ones (reuses api/node.ts newNode). */
export function nodeObjectFor(view: StoreView, config: NodeConfig, nowMs: number): Typed<Node> {
  return newNode(config, nextNodeIndex(view), nowMs);
}

/** The kubectl line that fails (`podlab.dev/failure=<mode>`) or recovers a node's machine. */
export function nodeFailureCommand(nodeName: string, failed: boolean, mode = 'stopped'): string {
  return failed ? `kubectl annotate node ${nodeName} ${NODE_FAILURE_ANNOTATION}=${mode}` : `kubectl annotate node ${nodeName} ${NODE_FAILURE_ANNOTATION}-`;
}
