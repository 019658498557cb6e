/**
 * Time rendering shared by kubectl's printers and describers. Ages are measured against the
 * cluster's virtual clock; absolute times are shown in UTC (kubectl uses the local zone, and a
 * browser tab has no honest "local zone" for a simulated cluster).
 */
import { virtualMsFromIso } from '../clock/VirtualClock';
import { humanDuration } from './duration';

/** printers.translateTimestampSince: "<unknown>" for a missing time, HumanDuration otherwise. */
export function ageSince(iso: string | undefined | null, nowMs: number): string {
  const at = virtualMsFromIso(iso ?? undefined);
  if (at === undefined) return '<unknown>';
  return humanDuration(nowMs - at);
}

/** describe's translateTimestampUntil: how long until a future instant ("<unknown>" when unset). */
export function untilTime(iso: string | undefined | null, nowMs: number): string {
  const at = virtualMsFromIso(iso ?? undefined);
  if (at === undefined) return '<unknown>';
  return humanDuration(at - nowMs);
}

/**
 * Age of a virtual instant as kubectl computes it from the API object: metav1.Time travels with
 * whole seconds, so the sub-second part is gone before kubectl subtracts.
 */
export function ageSinceMs(atMs: number, nowMs: number): string {
  return humanDuration(nowMs - wholeSecondMs(atMs));
}

export function wholeSecondMs(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Go's time.RFC1123Z layout ("Mon, 02 Jan 2006 15:04:05 -0700") in UTC; Go's zero time for a missing value. */
export function rfc1123z(iso: string | undefined | null): string {
  const wall = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(wall)) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(wall);
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}
