/** `kubectl top pod|node`: usage from the simulated metrics pipeline (metrics-server's 15 s scrapes). */
import type { Node, Pod, Typed } from '../../api/types';
import { ApiError } from '../../apiserver/errors';
import { isNodeDown } from '../../api/node';
import { tryParseQuantity } from '../../api/quantity';
import { virtualMsFromIso } from '../../clock/VirtualClock';
import { kubeletOf } from '../../kubelet/Kubelet';
import { ALL_NAMESPACES_FLAG, SELECTOR_FLAG, type Command } from '../command';
import type { KubectlContext } from '../context';
import { fail, failFromServer, serverErrorText } from '../errors';
import { goDuration } from '../duration';
import { getObject, listObjects } from '../objects';
import { resolveResourceType } from '../resources';
import { TABLE_TABWRITER, TabWriter } from '../tabwriter';
import type { PodUsage } from '../../controllers/Controller';

/** metricsCreationDelay: younger pods without metrics are "not ready yet", older ones an error. */
const METRICS_CREATION_DELAY_MS = 2 * 60 * 1000;
const MIB = 1024 * 1024;

const cpuText = (milli: number) => `${Math.ceil(milli)}m`;
const memText = (bytes: number) => `${Math.trunc(bytes / MIB)}Mi`;

function podUsage(ctx: KubectlContext, pod: Typed<Pod>): PodUsage | undefined {
  const kubelet = kubeletOf(ctx.sim);
  if (!kubelet) fail('Metrics API not available');
  return kubelet.podUsage(pod.metadata.namespace ?? 'default', pod.metadata.name);
}

function checkPodAge(ctx: KubectlContext, pod: Typed<Pod>): void {
  const age = ctx.nowMs() - (virtualMsFromIso(pod.metadata.creationTimestamp) ?? 0);
  if (age > METRICS_CREATION_DELAY_MS) fail(`Metrics not available for pod ${pod.metadata.namespace}/${pod.metadata.name}, age: ${goDuration(age)}`);
}

const topPod: Command = {
  name: 'pod',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  use: 'pod [NAME | -l label]',
  flags: [ALL_NAMESPACES_FLAG, SELECTOR_FLAG, { name: 'field-selector', type: 'string' }, { name: 'containers', type: 'bool' }, { name: 'no-headers', type: 'bool' }, { name: 'sort-by', type: 'string' }, { name: 'sum', type: 'bool' }, { name: 'use-protocol-buffers', type: 'bool' }],
  run: (ctx, flags) => {
    const sortBy = flags.string('sort-by');
    if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') fail(`--sort-by accepts only cpu or memory`);
    const all = flags.bool('all-namespaces');
    const name = flags.args[0];
    let pods: Typed<Pod>[];
    if (name) {
      const found = getObject(ctx, resolveResourceType('pods'), ctx.namespace, name);
      if (found instanceof ApiError) failFromServer(found);
      pods = [found as Typed<Pod>];
    } else {
      const listed = listObjects(ctx, resolveResourceType('pods'), { namespace: all ? undefined : ctx.namespace, labelSelector: flags.string('selector') || undefined, fieldSelector: flags.string('field-selector') || undefined });
      if (listed instanceof ApiError) fail(serverErrorText(listed).replace(/\n$/, ''));
      pods = listed as Typed<Pod>[];
    }
    let rows = pods.map((pod) => ({ pod, usage: podUsage(ctx, pod) })).filter((r): r is { pod: Typed<Pod>; usage: PodUsage } => r.usage !== undefined);
    if (rows.length === 0) {
      for (const pod of pods) checkPodAge(ctx, pod);
      if (pods.length > 0) fail('metrics not available yet');
      ctx.err(all ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
      return;
    }
    if (sortBy === 'cpu') rows = [...rows].sort((a, b) => Math.ceil(b.usage.cpuMilli) - Math.ceil(a.usage.cpuMilli));
    if (sortBy === 'memory') rows = [...rows].sort((a, b) => b.usage.memoryBytes - a.usage.memoryBytes);
    // metricsutil's printValue ends every cell with a tab, the last one too, so rows carry trailing padding.
    const w = new TabWriter(TABLE_TABWRITER);
    const line = (cells: readonly string[]) => w.write(cells.map((c) => `${c}\t`).join('') + '\n');
    const ns = (p: Typed<Pod>) => (all ? [p.metadata.namespace ?? ''] : []);
    const noHeaders = flags.bool('no-headers');
    // columnWidth only counts the optional columns when headers are printed (a kubectl quirk the --sum rows inherit).
    let columnWidth = 3;
    if (!noHeaders) {
      if (all) columnWidth++;
      if (flags.bool('containers')) columnWidth++;
      line([...(all ? ['NAMESPACE'] : []), ...(flags.bool('containers') ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
    }
    const byUsage = (a: { cpuMilli: number; memoryBytes: number }, b: { cpuMilli: number; memoryBytes: number }) =>
      sortBy === 'cpu' ? b.cpuMilli - a.cpuMilli : sortBy === 'memory' ? b.memoryBytes - a.memoryBytes : 0;
    for (const { pod, usage } of rows) {
      if (flags.bool('containers')) {
        const containers = [...usage.containers].sort((a, b) => (sortBy ? byUsage(a, b) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const c of containers) line([...ns(pod), pod.metadata.name, c.name, cpuText(c.cpuMilli), memText(c.memoryBytes)]);
      } else {
        line([...ns(pod), pod.metadata.name, cpuText(usage.cpuMilli), memText(usage.memoryBytes)]);
      }
    }
    if (flags.bool('sum')) {
      const cpu = rows.reduce((sum, r) => sum + r.usage.cpuMilli, 0);
      const mem = rows.reduce((sum, r) => sum + r.usage.memoryBytes, 0);
      line([...Array<string>(Math.max(0, columnWidth - 2)).fill(''), '________', '________']);
      line([...Array<string>(Math.max(0, columnWidth - 3)).fill(''), '', cpuText(cpu), memText(mem)]);
    }
    ctx.out(w.take());
  },
};

const topNode: Command = {
  name: 'node',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  use: 'node [NAME | -l label]',
  flags: [SELECTOR_FLAG, { name: 'no-headers', type: 'bool' }, { name: 'sort-by', type: 'string' }, { name: 'show-capacity', type: 'bool' }, { name: 'use-protocol-buffers', type: 'bool' }],
  run: (ctx, flags) => {
    const sortBy = flags.string('sort-by');
    if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') fail(`--sort-by accepts only cpu or memory`);
    const name = flags.args[0];
    let nodes: Typed<Node>[];
    if (name) {
      const found = getObject(ctx, resolveResourceType('nodes'), '', name);
      if (found instanceof ApiError) failFromServer(found);
      nodes = [found as Typed<Node>];
    } else {
      const listed = listObjects(ctx, resolveResourceType('nodes'), { labelSelector: flags.string('selector') || undefined });
      if (listed instanceof ApiError) fail(serverErrorText(listed).replace(/\n$/, ''));
      nodes = listed as Typed<Node>[];
    }
    const kubelet = kubeletOf(ctx.sim);
    if (!kubelet) fail('Metrics API not available');
    let rows = nodes.map((node) => ({ node, usage: isNodeDown(node) ? undefined : kubelet.nodeUsage(node.metadata.name) }));
    if (rows.every((r) => !r.usage)) fail('metrics not available yet');
    if (sortBy === 'cpu') rows = [...rows].sort((a, b) => (b.usage?.cpuMilli ?? -1) - (a.usage?.cpuMilli ?? -1));
    if (sortBy === 'memory') rows = [...rows].sort((a, b) => (b.usage?.memoryBytes ?? -1) - (a.usage?.memoryBytes ?? -1));
    const w = new TabWriter(TABLE_TABWRITER);
    const line = (cells: readonly string[]) => w.write(cells.map((c) => `${c}\t`).join('') + '\n');
    if (!flags.bool('no-headers')) line(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
    // Nodes without metrics come last, as kubectl appends them after the metrics it got.
    for (const { node, usage } of [...rows.filter((r) => r.usage), ...rows.filter((r) => !r.usage)]) {
      if (!usage) {
        line([node.metadata.name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
        continue;
      }
      const source = (flags.bool('show-capacity') ? node.status?.capacity : node.status?.allocatable) as Record<string, unknown> | undefined;
      const cpuAlloc = tryParseQuantity(source?.cpu)?.milliValue() ?? 0;
      const memAlloc = tryParseQuantity(source?.memory)?.value() ?? 0;
      const cpuMilli = Math.ceil(usage.cpuMilli);
      const pct = (v: number, whole: number) => (whole === 0 ? 0 : Math.trunc((v / whole) * 100));
      line([node.metadata.name, `${cpuMilli}m`, `${pct(cpuMilli, cpuAlloc)}%`, memText(usage.memoryBytes), `${pct(usage.memoryBytes, memAlloc)}%`]);
    }
    ctx.out(w.take());
  },
};

export const topCommand: Command = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  use: 'top SUBCOMMAND',
  subcommands: [topNode, topPod],
};
