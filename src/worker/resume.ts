import type { Command, LoggedCommand } from '../engine/index';

/** The furthest a resumed session may run (virtual time): 30 days. */
export const MAX_RESUME_MS = 30 * 24 * 60 * 60 * 1000;
/** Entries a resumed log may hold. */
export const MAX_RESUME_ENTRIES = 20_000;

const isString = (v: unknown): v is string => typeof v === 'string';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function stringRecord(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(v)) if (isString(value)) out[key] = value;
  return out;
}

/**
 * The log entries to replay, rebuilt field by field (the page validated them already, but the worker
 * does not trust its input either): anything that is not a well-formed apply / delete / kubectl
 * command is an error; advances are dropped (the replay derives them from the entries' times).
 */
export function resumeEntries(log: unknown): LoggedCommand[] {
  if (!Array.isArray(log)) throw new Error('The session log is not a list.');
  if (log.length > MAX_RESUME_ENTRIES) throw new Error(`The session log has ${log.length} entries (at most ${MAX_RESUME_ENTRIES}).`);
  const entries: LoggedCommand[] = [];
  let lastAt = 0;
  log.forEach((entry: unknown, index) => {
    const bad = (why: string) => new Error(`Session log entry ${index + 1}: ${why}.`);
    if (!isRecord(entry) || !isRecord(entry.command)) throw bad('not a command');
    const atMs = entry.atMs;
    if (typeof atMs !== 'number' || !Number.isInteger(atMs) || atMs < lastAt || atMs > MAX_RESUME_MS) throw bad('its time is not a non-decreasing whole number of ms');
    lastAt = atMs;
    const c = entry.command;
    let command: Command;
    switch (c.type) {
      case 'apply': {
        if (!isString(c.text)) throw bad('apply without text');
        const o = isRecord(c.options) ? c.options : {};
        const mode = o.mode === 'create' || o.mode === 'replace' || o.mode === 'apply' ? o.mode : undefined;
        command = {
          type: 'apply',
          text: c.text,
          options: { mode, fileName: isString(o.fileName) ? o.fileName : undefined, namespace: isString(o.namespace) ? o.namespace : undefined, dryRun: o.dryRun === true ? true : undefined },
        };
        break;
      }
      case 'delete': {
        if (!isString(c.kind) || !isString(c.name)) throw bad('delete without kind and name');
        const o = isRecord(c.options) ? c.options : {};
        const policy = o.propagationPolicy === 'Orphan' || o.propagationPolicy === 'Foreground' || o.propagationPolicy === 'Background' ? o.propagationPolicy : undefined;
        const grace = typeof o.gracePeriodSeconds === 'number' && Number.isFinite(o.gracePeriodSeconds) ? o.gracePeriodSeconds : undefined;
        command = { type: 'delete', kind: c.kind, name: c.name, namespace: isString(c.namespace) ? c.namespace : undefined, options: { propagationPolicy: policy, gracePeriodSeconds: grace, uid: isString(o.uid) ? o.uid : undefined } };
        break;
      }
      case 'kubectl':
        if (!isString(c.line)) throw bad('kubectl without a command line');
        command = { type: 'kubectl', line: c.line, stdin: isString(c.stdin) ? c.stdin : undefined, files: stringRecord(c.files) };
        break;
      case 'advance':
        return;
      default:
        throw bad(`unknown command type ${JSON.stringify(String(c.type)).slice(0, 40)}`);
    }
    entries.push({ atMs, command: stripUndefined(command) });
  });
  return entries;
}

/** Drops undefined fields, so a replayed command logs exactly like the original. */
function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
