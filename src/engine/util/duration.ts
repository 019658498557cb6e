/**
 * Human-readable durations, as Kubernetes prints them. All inputs are milliseconds.
 * Models k8s.io/apimachinery/pkg/util/duration (HumanDuration, ShortHumanDuration) and Go's
 * time.Duration.String (the kubelet's "back-off 5m0s", "pulled in 5.56s").
 */

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

/** ShortHumanDuration: one unit, truncated ("59s", "1m", "23h", "364d", "2y"). */
export function shortHumanDuration(ms: number): string {
  // Go truncates toward zero: up to 2 s in the future still reads as "0s" (clock skew tolerance).
  const seconds = Math.trunc(ms / SECOND_MS);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR_MS);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(ms / HOUR_MS / 24 / 365)}y`;
}

/** HumanDuration: about 2-3 significant figures ("70s", "3m10s", "70m", "3h1m", "2d1h", "2y1d"); AGE and "(5m ago)". */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND_MS);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE_MS);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR_MS);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${Math.trunc(hours / 24 / 365)}y` : `${Math.trunc(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/**
 * Go's time.Duration.String for a whole number of milliseconds: "0s", "560ms", "5.56s", "1m20s",
 * "5m0s", "1h0m0s". The kubelet prints back-off delays and pull times this way.
 */
export function goDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const whole = Math.round(ms);
  if (whole === 0) return '0s';
  const sign = whole < 0 ? '-' : '';
  let rest = Math.abs(whole);
  if (rest < SECOND_MS) return `${sign}${rest}ms`;
  const hours = Math.floor(rest / HOUR_MS);
  rest -= hours * HOUR_MS;
  const minutes = Math.floor(rest / MINUTE_MS);
  rest -= minutes * MINUTE_MS;
  const secs = Math.floor(rest / SECOND_MS);
  const frac = rest - secs * SECOND_MS;
  const secText = frac === 0 ? `${secs}` : `${secs}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`;
  if (hours > 0) return `${sign}${hours}h${minutes}m${secText}s`;
  if (minutes > 0) return `${sign}${minutes}m${secText}s`;
  return `${sign}${secText}s`;
}
