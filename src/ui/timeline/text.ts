import { formatBytes } from '../../store/selectors';
import { formatClock } from '../app/formatClock';
import { goDuration } from '../inspector/whyText';

/** Every string of the timelines and the events panel, in one place (translations replace this module's values). */
export const timelineText = {
  dockLabel: 'Details',
  tabs: { console: 'Console', timeline: 'Pod timeline', events: 'Events' } as const,
  noPod: 'Select a pod on the graph to see its containers over time.',
  notPod: 'Timelines are drawn for pods: select a pod.',
  noTimeline: 'No timeline: the pod is not on a node yet (or the kubelet has forgotten it).',
  loading: 'Loading…',
  span: 'Time span',
  spans: { all: 'All', 300000: '5m', 60000: '1m' } as Record<string, string>,
  container: (name: string, init: boolean) => (init ? `${name} (init)` : name),
  restarts: (n: number) => (n === 1 ? '1 restart' : `${n} restarts`),
  state: 'state',
  probe: { liveness: 'liveness', readiness: 'readiness', startup: 'startup' } as Record<string, string>,
  events: 'events',
  restartsRow: 'restarts',
  killsRow: 'kills',
  memory: 'memory',
  memoryNow: (bytes: number | undefined, limit: number | undefined) => `${bytes === undefined ? '—' : formatBytes(bytes)}${limit ? ` / ${formatBytes(limit)} limit` : ''}`,
  band: (state: string, reason: string | undefined, ready: boolean | undefined, fromMs: number, toMs: number) =>
    `${state}${reason ? ` (${reason})` : ''}${state === 'running' ? (ready ? ', ready' : ', not ready') : ''}: ${formatClock(fromMs)} – ${formatClock(toMs)} (${goDuration(toMs - fromMs)})`,
  tick: (type: string, ok: boolean, atMs: number, message: string) => `${type} probe ${ok ? 'succeeded' : 'failed'} at ${formatClock(atMs)}${message ? `: ${message}` : ''}`,
  backoff: (lengthMs: number, fromMs: number) => `CrashLoopBackOff: waited ${goDuration(lengthMs)} from ${formatClock(fromMs)} before the next start`,
  backoffLabel: (lengthMs: number) => goDuration(lengthMs),
  restartMarker: (n: number, atMs: number) => `restart ${n} at ${formatClock(atMs)}`,
  oomMarker: (usage: number, limit: number, atMs: number) => `OOMKilled at ${formatClock(atMs)}: ${formatBytes(usage)} used, limit ${formatBytes(limit)}`,
  killMarker: (reason: string, atMs: number) => (reason === 'spec' ? `killed at ${formatClock(atMs)}: its spec changed` : `killed at ${formatClock(atMs)}: ${reason} probe failed`),
  // Events panel
  eventsFilter: 'Filter events',
  eventsList: 'Cluster events',
  eventsPlaceholder: 'filter: reason, object or message…',
  typeAll: 'All types',
  kindAll: 'All kinds',
  noEvents: 'No events match.',
  eventsHead: { time: 'Last seen', type: 'Type', reason: 'Reason', object: 'Object', message: 'Message' },
  eventRowTitle: 'Select this object',
  shown: (shown: number, total: number) => (shown === total ? `${total} events` : `${shown} of ${total} events`),
};
