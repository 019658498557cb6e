import type { Node, Typed } from '../api/types';
import { isNodeDown } from '../api/node';
import { virtualMsFromIso } from '../clock/VirtualClock';

/** The kubelet renews its Lease every 10 s (0.25 × the 40 s lease duration). */
export const LEASE_RENEW_INTERVAL_MS = 10_000;
export const LEASE_DURATION_SECONDS = 40;

interface LeaseState {
  /** When the kubelet (re)started: renewals happen at upSinceMs + k × 10 s while it is up. */
  upSinceMs: number;
  /** When the machine failed (podlab.dev/failure appeared); no renewals from then on. */
  downSinceMs?: number;
  /** The last renewal before the current failure, kept so recovery does not move it. */
  lastRenewBeforeDownMs?: number;
  /** When the kubelet last acquired the lease (start or recovery). */
  acquiredMs: number;
}

/**
 * The kube-node-lease Leases, modelled in memory instead of as objects so 5,000 nodes do not
 * write every 10 s: a live kubelet's renew time is a pure function of when it started, so the
 * table only records starts and failures. The heartbeat controller and the node lifecycle
 * controller share one table; both call `sync` with the node they see, so neither depends on
 * the other reconciling first.
 */
export class NodeLeases {
  private readonly byNode = new Map<string, LeaseState>();

  /** Records the node's current up/down state as of `nowMs` (idempotent). */
  sync(node: Typed<Node>, nowMs: number): void {
    const name = node.metadata.name;
    const down = isNodeDown(node);
    let state = this.byNode.get(name);
    if (!state) {
      const created = virtualMsFromIso(node.metadata.creationTimestamp) ?? nowMs;
      state = { upSinceMs: Math.min(created, nowMs), acquiredMs: Math.min(created, nowMs) };
      if (down) {
        // Created already failed: its kubelet never renewed.
        state.downSinceMs = state.upSinceMs;
        state.lastRenewBeforeDownMs = undefined;
      }
      this.byNode.set(name, state);
      return;
    }
    if (down && state.downSinceMs === undefined) {
      state.lastRenewBeforeDownMs = this.renewBefore(state, nowMs, true);
      state.downSinceMs = nowMs;
    } else if (!down && state.downSinceMs !== undefined) {
      state.downSinceMs = undefined;
      state.upSinceMs = nowMs;
      state.acquiredMs = nowMs;
    }
  }

  forget(nodeName: string): void {
    this.byNode.delete(nodeName);
  }

  isTracked(nodeName: string): boolean {
    return this.byNode.has(nodeName);
  }

  /** Whether the machine is failed according to what `sync` last saw. */
  isDown(nodeName: string): boolean {
    return this.byNode.get(nodeName)?.downSinceMs !== undefined;
  }

  /** Lease spec.renewTime in virtual ms: the last renewal at or before now; undefined if never renewed. */
  lastRenewMs(nodeName: string, nowMs: number): number | undefined {
    const state = this.byNode.get(nodeName);
    if (!state) return undefined;
    if (state.downSinceMs !== undefined) return state.lastRenewBeforeDownMs;
    return this.renewBefore(state, nowMs, false);
  }

  /** Lease spec.acquireTime in virtual ms. */
  acquireMs(nodeName: string): number | undefined {
    return this.byNode.get(nodeName)?.acquiredMs;
  }

  private renewBefore(state: LeaseState, nowMs: number, strictlyBefore: boolean): number | undefined {
    const t = strictlyBefore ? nowMs - 1 : nowMs;
    if (t < state.upSinceMs) return undefined;
    return state.upSinceMs + Math.floor((t - state.upSinceMs) / LEASE_RENEW_INTERVAL_MS) * LEASE_RENEW_INTERVAL_MS;
  }
}
