/**
 * The simulation keeps events in its EventRecorder rather than the object store; kubectl shows
 * them as core/v1 Event objects, so this builds those objects (for get, -o yaml, describe).
 */
import type { KubeObject } from '../api/types';
import type { EventRecord } from '../events/EventRecorder';
import { isoTime } from '../clock/VirtualClock';

export interface EventObject extends KubeObject {
  involvedObject: EventRecord['involvedObject'];
  reason: string;
  message: string;
  type: string;
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
  source: { component: string; host?: string };
}

export function eventToObject(e: EventRecord): EventObject {
  const source: { component: string; host?: string } = { component: e.source.component };
  if (e.source.host) source.host = e.source.host;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: e.name, namespace: e.namespace, uid: e.uid, creationTimestamp: isoTime(e.firstTimestampMs) },
    involvedObject: { ...e.involvedObject },
    reason: e.reason,
    message: e.message,
    type: e.type,
    count: e.count,
    firstTimestamp: isoTime(e.firstTimestampMs),
    lastTimestamp: isoTime(e.lastTimestampMs),
    eventTime: null,
    reportingComponent: e.source.component,
    reportingInstance: e.source.host ?? '',
    source,
  };
}
