/**
 * `kubectl drain`: cordon every node, then per node evict the pods the drain filters allow
 * (decisions and writes from nodes/drain planDrain) and wait until they are gone, printing
 * kubectl's lines: `evicting pod ns/x`, `pod/x evicted` once the pod no longer exists,
 * `node/n drained`. Nodes are drained one after the other, as kubectl's RunDrain loop does.
 */
import type { Node, Pod, Typed } from '../../api/types';
import { ApiError } from '../../apiserver/errors';
import { parseSelector } from '../../api/labels';
import { planDrain, type DrainOptions } from '../../nodes/drain';
import { DRY_RUN_FLAG, SELECTOR_FLAG, type Command } from '../command';
import type { KubectlContext } from '../context';
import { fail, serverErrorText } from '../errors';
import { parseGoDuration, type Flags } from '../flags';
import { goDuration } from '../duration';
import { dryRunStrategy, dryRunSuffix, type DryRun } from './common';
import { selectNodes, setUnschedulable } from './cordon';

export const DRAIN_FLAGS = [
  { name: 'force', type: 'bool' as const },
  { name: 'ignore-daemonsets', type: 'bool' as const },
  { name: 'delete-emptydir-data', type: 'bool' as const },
  { name: 'delete-local-data', type: 'bool' as const },
  { name: 'grace-period', type: 'int' as const },
  { name: 'timeout', type: 'duration' as const },
  { name: 'pod-selector', type: 'string' as const },
  { name: 'disable-eviction', type: 'bool' as const },
  { name: 'skip-wait-for-delete-timeout', type: 'int' as const },
  { name: 'chunk-size', type: 'int' as const },
  SELECTOR_FLAG,
  DRY_RUN_FLAG,
];

/** Aggregate.Error(): one message as is, several as `[a, b]`. */
function aggregate(messages: readonly string[]): string {
  return messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
}

/** The pods one node is waiting for, with the instant the wait gives up (kubectl --timeout). */
interface NodeWait {
  readonly node: Typed<Node>;
  readonly pods: Typed<Pod>[];
  readonly deadlineMs: number;
}

/** What was decided and written for one node when the command started. */
type NodeStart =
  | { readonly kind: 'failed'; readonly errors: readonly string[] }
  | { readonly kind: 'printed' }
  | { readonly kind: 'evicting'; readonly pods: Typed<Pod>[] };

/**
 * All writes happen when the command starts (a replay of the logged line must reproduce the
 * cluster without the console's polls); the output is then released node by node as kubectl
 * prints it, each node's lines once the previous node is drained.
 */
class DrainRun {
  private next = 0;
  private waiting: NodeWait | undefined;
  private readonly reported = new Set<string>();
  private readonly started: { node: Typed<Node>; start: NodeStart; out: string; err: string }[] = [];
  /** Per failed node: the errors RunDrain aggregates into its final error. */
  private readonly fatal: string[][] = [];
  private readonly remaining: string[] = [];
  done = false;

  constructor(
    private readonly ctx: KubectlContext,
    nodes: readonly Typed<Node>[],
    private readonly options: DrainOptions,
    private readonly dryRun: DryRun,
    private readonly timeoutMs: number,
  ) {
    for (const node of nodes) this.started.push({ node, ...this.startNode(node) });
    this.ctx.settle();
  }

  /** Advances as far as the cluster allows right now; output goes to ctx. */
  step(): void {
    while (!this.done) {
      if (this.waiting) {
        if (!this.checkWaiting()) return;
        continue;
      }
      if (this.next >= this.started.length) {
        this.finish();
        return;
      }
      const { node, start, out, err } = this.started[this.next++];
      this.ctx.err(err);
      this.ctx.out(out);
      if (start.kind === 'failed') this.nodeFailed(node.metadata.name, start.errors);
      else if (start.kind === 'evicting') this.waiting = { node, pods: start.pods, deadlineMs: this.ctx.nowMs() + this.timeoutMs };
    }
  }

  /** Plans and writes one node's evictions; returns the node's first lines instead of printing them. */
  private startNode(node: Typed<Node>): { start: NodeStart; out: string; err: string } {
    const name = node.metadata.name;
    const plan = planDrain(this.ctx.sim.store, name, { ...this.options, nowMs: this.ctx.nowMs() });
    if (!plan) return { start: { kind: 'failed', errors: [`nodes "${name}" not found`] }, out: '', err: '' };
    if (plan.errors.length > 0) return { start: { kind: 'failed', errors: plan.errors }, out: '', err: '' };
    const err = plan.warnings ? `Warning: ${plan.warnings}\n` : '';
    const evicting = plan.podsToEvict.map((p) => `evicting pod ${p.metadata.namespace}/${p.metadata.name}${dryRunSuffix(this.dryRun)}\n`).join('');
    if (this.dryRun !== 'none') return { start: { kind: 'printed' }, out: `${evicting}node/${name} drained${dryRunSuffix(this.dryRun)}\n`, err };
    for (const action of plan.actions) {
      const result = this.ctx.write(action);
      if (result instanceof ApiError && result.reason !== 'NotFound') {
        return { start: { kind: 'failed', errors: [serverErrorText(result).replace(/^Error from server[^:]*: /, '').trimEnd()] }, out: '', err };
      }
    }
    // With --disable-eviction kubectl deletes without announcing each pod.
    return { start: { kind: 'evicting', pods: [...plan.podsToEvict] }, out: this.options.disableEviction ? '' : evicting, err };
  }

  /** True when the node in progress is finished (drained or failed). */
  private checkWaiting(): boolean {
    const wait = this.waiting!;
    const verb = this.options.disableEviction ? 'deleted' : 'evicted';
    const pending: Typed<Pod>[] = [];
    for (const pod of wait.pods) {
      const live = this.ctx.sim.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
      const key = pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`;
      if (!live || live.metadata.uid !== pod.metadata.uid) {
        if (!this.reported.has(key)) {
          this.reported.add(key);
          this.ctx.out(`pod/${pod.metadata.name} ${verb}\n`);
        }
      } else pending.push(pod);
    }
    if (pending.length === 0) {
      this.waiting = undefined;
      this.ctx.out(`node/${wait.node.metadata.name} drained\n`);
      return true;
    }
    if (this.ctx.nowMs() < wait.deadlineMs) return false;
    // --timeout ran out: kubectl lists what is still there, then gives up on the node.
    const timeout = goDuration(this.timeoutMs);
    const name = wait.node.metadata.name;
    const errors = this.options.disableEviction
      ? ['timed out waiting for the condition']
      : pending.map((p) => `error when waiting for pod "${p.metadata.name}" in namespace "${p.metadata.namespace}" to terminate: global timeout reached: ${timeout}`);
    this.ctx.err(`There are pending pods in node "${name}" when an error occurred: ${aggregate(errors)}\n`);
    for (const p of pending) this.ctx.err(`pod/${p.metadata.name}\n`);
    this.waiting = undefined;
    this.nodeFailed(name, errors);
    return true;
  }

  private nodeFailed(name: string, errors: readonly string[]): void {
    this.ctx.err(`error: unable to drain node "${name}" due to error: ${aggregate(errors)}, continuing command...\n`);
    this.fatal.push([...errors]);
    this.remaining.push(name);
  }

  /** RunDrain's tail: the pending nodes, then the aggregated error as cmdutil.CheckErr prints it. */
  private finish(): void {
    this.done = true;
    if (this.remaining.length === 0) return;
    this.ctx.err(`There are pending nodes to be drained:\n${this.remaining.map((n) => ` ${n}\n`).join('')}`);
    // An aggregate of one node's errors prints each on its own line; of several nodes, one line per node.
    const lines = this.fatal.length === 1 ? this.fatal[0] : this.fatal.map((errs) => aggregate(errs));
    this.ctx.failed(lines.map((l) => `${l}\n`).join(''));
  }
}

function drainOptions(flags: Flags): DrainOptions {
  let podSelector: DrainOptions['podSelector'];
  if (flags.string('pod-selector')) {
    try {
      podSelector = parseSelector(flags.string('pod-selector'));
    } catch {
      fail('--pod-selector=<pod_selector> must be a valid label selector');
    }
  }
  return {
    force: flags.bool('force'),
    ignoreDaemonsets: flags.bool('ignore-daemonsets'),
    // --delete-local-data is the deprecated spelling of --delete-emptydir-data.
    deleteEmptydirData: flags.bool('delete-emptydir-data') || flags.bool('delete-local-data'),
    podSelector,
    disableEviction: flags.bool('disable-eviction'),
    gracePeriodSeconds: flags.int('grace-period', -1),
    skipWaitForDeleteTimeoutSeconds: flags.int('skip-wait-for-delete-timeout', 0),
    dryRun: dryRunStrategy(flags),
  };
}

export const drainCommand: Command = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  use: 'drain NODE',
  flags: DRAIN_FLAGS,
  run: (ctx, flags, path) => {
    const options = drainOptions(flags);
    const dryRun = options.dryRun ?? 'none';
    if (flags.bool('delete-local-data')) ctx.err('Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n');
    const nodes = selectNodes(ctx, flags, path);
    setUnschedulable(ctx, nodes, true, dryRunSuffix(dryRun), dryRun === 'none');
    ctx.settle();
    // 0 means no limit.
    const timeoutMs = parseGoDuration(flags.string('timeout', '0s')) || Number.POSITIVE_INFINITY;
    const run = new DrainRun(ctx, nodes, options, dryRun, timeoutMs);
    run.step();
    if (run.done || !ctx.streaming) return;
    // The evicted pods terminate gracefully; report each when it is gone, then the node.
    ctx.stream = {
      poll: () => {
        const [out0, err0] = [ctx.stdout.length, ctx.stderr.length];
        run.step();
        return { stdout: ctx.stdout.slice(out0), stderr: ctx.stderr.slice(err0), done: run.done, exitCode: ctx.exitCode };
      },
      stop: () => undefined,
    };
  },
};
