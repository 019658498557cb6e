import { formatBytes, formatCpu, nodesOf } from '../../store/selectors';
import type { StoreState } from '../../store/useStore';

/**
 * The header's cluster summary as data (joined into one string so a store selector returns a
 * stable value), worded in the current language by the Header.
 */
export function selectSummaryKey(s: StoreState): string {
  const nodes = nodesOf(s);
  if (nodes.length === 0) return s.connected ? 'none' : 'starting';
  const workers = nodes.filter((n) => n.roles === '<none>' || n.roles.split(',').includes('worker')).length;
  const first = nodes[0].allocatableText;
  const alike = nodes.every((n) => n.allocatableText.cpu === first.cpu && n.allocatableText.memory === first.memory && n.allocatableText.pods === first.pods);
  const kind = workers === nodes.length ? 'workers' : 'nodes';
  if (alike) return ['each', kind, nodes.length, first.cpu, first.memory, first.pods].join('|');
  const cpu = nodes.reduce((sum, n) => sum + n.allocatable.cpuMilli, 0);
  const mem = nodes.reduce((sum, n) => sum + n.allocatable.memoryBytes, 0);
  const pods = nodes.reduce((sum, n) => sum + n.allocatable.pods, 0);
  return ['total', kind, nodes.length, formatCpu(cpu), formatBytes(mem), pods].join('|');
}

export function summaryText(key: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (key === 'none' || key === 'starting') return t(`summary.${key}`);
  const [mode, kind, count, cpu, memory, pods] = key.split('|');
  return t(`summary.${mode}`, { count: Number(count), nodes: t(`summary.${kind}`, { count: Number(count) }), cpu, memory, pods });
}
