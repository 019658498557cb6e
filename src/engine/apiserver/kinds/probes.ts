/**
 * Probe and lifecycle handler defaults (SetDefaults_Probe, SetDefaults_HTTPGetAction) and
 * validation (core validation.go validateProbe / validateHandler / validate*Action).
 */
import type { FieldError } from '../errors';
import { forbidden, inclusiveRangeError, invalid, isRecord, nonNegative, required, unsupported, type Obj } from './util';

/** Defaults treat 0 like unset, as Go's zero value does. */
function defaultIfZero(obj: Obj, key: string, value: number): void {
  if (obj[key] === undefined || obj[key] === null || obj[key] === 0) obj[key] = value;
}

function defaultHttpGet(handler: Obj): void {
  if (!isRecord(handler.httpGet)) return;
  if (!handler.httpGet.path) handler.httpGet.path = '/';
  if (!handler.httpGet.scheme) handler.httpGet.scheme = 'HTTP';
}

export function defaultProbe(probe: unknown): void {
  if (!isRecord(probe)) return;
  defaultIfZero(probe, 'timeoutSeconds', 1);
  defaultIfZero(probe, 'periodSeconds', 10);
  defaultIfZero(probe, 'successThreshold', 1);
  defaultIfZero(probe, 'failureThreshold', 3);
  defaultHttpGet(probe);
}

export function defaultLifecycle(lifecycle: unknown): void {
  if (!isRecord(lifecycle)) return;
  defaultHttpGet(isRecord(lifecycle.postStart) ? lifecycle.postStart : {});
  defaultHttpGet(isRecord(lifecycle.preStop) ? lifecycle.preStop : {});
}

const PORT_NAME_CHARSET = /^[-a-z0-9]+$/;

/** content.IsValidPortName. */
export function portNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push('must be no more than 15 bytes');
  if (!PORT_NAME_CHARSET.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

export function portNumberErrors(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** ValidatePortNumOrName; a missing port is the int 0. */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'string') return portNameErrors(port).map((msg) => invalid(path, port, msg));
  const n = typeof port === 'number' ? port : 0;
  return portNumberErrors(n).map((msg) => invalid(path, n, msg));
}

const HTTP_HEADER_NAME = /^[-A-Za-z0-9]+$/;

function validateHttpGet(http: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!http.path) errs.push(required(`${path}.path`));
  errs.push(...validatePortNumOrName(http.port, `${path}.port`));
  if (http.scheme !== 'HTTP' && http.scheme !== 'HTTPS') errs.push(unsupported(`${path}.scheme`, http.scheme ?? '', ['HTTP', 'HTTPS']));
  for (const header of Array.isArray(http.httpHeaders) ? http.httpHeaders : []) {
    const name = isRecord(header) && typeof header.name === 'string' ? header.name : '';
    if (!HTTP_HEADER_NAME.test(name)) {
      errs.push(invalid(`${path}.httpHeaders`, name, "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')"));
    }
  }
  return errs;
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

/** validateHandler: exactly one handler; each extra one is Forbidden. */
function validateHandler(handler: Obj, kinds: readonly string[], gracePeriod: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of kinds) {
    const value = handler[kind];
    if (value === undefined || value === null) continue;
    const p = `${path}.${kind}`;
    if (count > 0) {
      errs.push(forbidden(p, 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    const action = isRecord(value) ? value : {};
    if (kind === 'exec' && !(Array.isArray(action.command) && action.command.length > 0)) errs.push(required(`${p}.command`));
    if (kind === 'httpGet') errs.push(...validateHttpGet(action, p));
    if (kind === 'tcpSocket') errs.push(...validatePortNumOrName(action.port, `${p}.port`));
    if (kind === 'grpc') {
      const port = typeof action.port === 'number' ? action.port : 0;
      errs.push(...portNumberErrors(port).map((msg) => invalid(`${p}.port`, port, msg)));
    }
    if (kind === 'sleep' && gracePeriod !== undefined) {
      const seconds = typeof action.seconds === 'number' ? action.seconds : 0;
      if (seconds < 0 || seconds > gracePeriod) errs.push(invalid(`${p}`, seconds, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`));
    }
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/** validateLivenessProbe / validateReadinessProbe / validateStartupProbe. */
export function validateProbe(probe: unknown, kind: ProbeKind, gracePeriod: number | undefined, path: string): FieldError[] {
  if (probe === undefined || probe === null) return [];
  if (!isRecord(probe)) return [invalid(path, probe, 'must be an object with one handler (exec, httpGet, tcpSocket or grpc)')];
  const errs = validateHandler(probe, PROBE_HANDLERS, gracePeriod, path);
  for (const key of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...nonNegative(probe[key], `${path}.${key}`));
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (typeof tgps === 'number' && tgps <= 0) errs.push(invalid(`${path}.terminationGracePeriodSeconds`, tgps, 'must be greater than 0'));
  if (kind === 'readinessProbe') {
    if (tgps !== undefined && tgps !== null) errs.push(invalid(`${path}.terminationGracePeriodSeconds`, tgps, 'must not be set for readinessProbes'));
  } else if (probe.successThreshold !== 1) {
    errs.push(invalid(`${path}.successThreshold`, probe.successThreshold ?? 0, 'must be 1'));
  }
  return errs;
}

/** validateLifecycle: postStart and preStop each need exactly one handler. */
export function validateLifecycle(lifecycle: unknown, gracePeriod: number | undefined, path: string): FieldError[] {
  if (!isRecord(lifecycle)) return [];
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop']) {
    const handler = lifecycle[hook];
    if (handler === undefined || handler === null) continue;
    errs.push(...validateHandler(isRecord(handler) ? handler : {}, LIFECYCLE_HANDLERS, gracePeriod, `${path}.${hook}`));
  }
  return errs;
}
