import { EPOCH_MS } from '../engine/index';

/** Virtual ms of an RFC 3339 timestamp from a raw object (undefined when absent or malformed). */
export function isoMs(iso: unknown): number | undefined {
  if (typeof iso !== 'string' || iso === '') return undefined;
  const wall = Date.parse(iso);
  return Number.isNaN(wall) ? undefined : wall - EPOCH_MS;
}
