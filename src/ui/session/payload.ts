import type { ManifestDto, NodeConfigDto } from '../../protocol/dto';
import type { ClusterSetupDto, LoggedCommandDto, ScenarioProgressDto } from '../../protocol/learning';
import { FILES_MAX, FILE_CHARS_MAX, FILE_NAME_PATTERN, type EditorFile } from '../../store/learningSlice';

/**
 * A session as plain data: enough to rebuild the same cluster at the same moment (setup + command
 * log + clock) and the learner's editor tabs and scenario progress. Share links, exported files and
 * the saved session all use it. Everything that arrives from outside goes through `validatePayload`.
 */
export interface SessionPayload {
  readonly v: 1;
  readonly setup: ClusterSetupDto;
  readonly log: readonly LoggedCommandDto[];
  readonly clockMs: number;
  readonly files: readonly EditorFile[];
  readonly activeFile?: string;
  readonly progress?: ScenarioProgressDto;
}

/** Decoded payloads larger than this (characters of JSON) are refused. */
export const PAYLOAD_CHARS_MAX = 2_000_000;
export const LOG_ENTRIES_MAX = 20_000;
export const NODES_MAX = 100;
export const MANIFESTS_MAX = 20;
/** 30 virtual days. */
export const CLOCK_MS_MAX = 30 * 24 * 60 * 60 * 1000;
const LINE_CHARS_MAX = 10_000;
const NAME_CHARS_MAX = 253;
const SEED_MAX = 2 ** 31 - 1;

export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/**
 * Checks untrusted data field by field and rebuilds it from the fields it knows (anything else is
 * dropped), so what reaches the engine and the editor has exactly the expected shape and sizes.
 */
export function validatePayload(data: unknown): Validation<SessionPayload> {
  const errors: string[] = [];
  const err = (path: string, why: string) => {
    if (errors.length < 20) errors.push(`${path}: ${why}`);
  };
  if (!isObj(data)) return { ok: false, errors: ['not a Podlab session (expected an object)'] };
  if (data.v !== 1) err('v', 'unsupported version (expected 1)');

  // setup
  const setupIn = data.setup;
  let setup: ClusterSetupDto = { seed: 1 };
  if (!isObj(setupIn)) err('setup', 'missing');
  else {
    const seed = setupIn.seed;
    if (!isInt(seed, 0, SEED_MAX)) err('setup.seed', `not a whole number from 0 to ${SEED_MAX}`);
    const nodes = setupIn.nodes === undefined ? undefined : validateNodes(setupIn.nodes, err);
    const manifests = setupIn.manifests === undefined ? undefined : validateManifests(setupIn.manifests, err);
    let scenarioId: string | undefined;
    if (setupIn.scenarioId !== undefined) {
      if (typeof setupIn.scenarioId === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(setupIn.scenarioId)) scenarioId = setupIn.scenarioId;
      else err('setup.scenarioId', 'not a scenario id');
    }
    setup = { seed: isInt(seed, 0, SEED_MAX) ? seed : 1, ...(nodes ? { nodes } : {}), ...(manifests ? { manifests } : {}), ...(scenarioId ? { scenarioId } : {}) };
  }

  // log
  const log: LoggedCommandDto[] = [];
  if (!Array.isArray(data.log)) err('log', 'not a list');
  else if (data.log.length > LOG_ENTRIES_MAX) err('log', `${data.log.length} entries (at most ${LOG_ENTRIES_MAX})`);
  else {
    let last = 0;
    data.log.forEach((entry: unknown, i) => {
      const path = `log[${i}]`;
      if (!isObj(entry) || !isObj(entry.command)) return err(path, 'not a command');
      if (!isInt(entry.atMs, last, CLOCK_MS_MAX)) return err(`${path}.atMs`, 'not a time in ms after the previous entry');
      last = entry.atMs;
      const command = validateCommand(entry.command, path, err);
      if (command) log.push({ atMs: entry.atMs, command });
    });
  }

  if (!isInt(data.clockMs, 0, CLOCK_MS_MAX)) err('clockMs', 'not a time in ms (0 to 30 days)');
  const clockMs = isInt(data.clockMs, 0, CLOCK_MS_MAX) ? data.clockMs : 0;
  if (log.length > 0 && clockMs < log[log.length - 1].atMs) err('clockMs', 'earlier than the last command');

  const files = validateFiles(data.files, err);
  let activeFile: string | undefined;
  if (data.activeFile !== undefined) {
    if (typeof data.activeFile === 'string' && files.some((f) => f.name === data.activeFile)) activeFile = data.activeFile;
    else err('activeFile', 'not one of the files');
  }
  const progress = data.progress === undefined ? undefined : validateProgress(data.progress, err);

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { v: 1, setup, log, clockMs, files, ...(activeFile ? { activeFile } : {}), ...(progress ? { progress } : {}) } };
}

type Err = (path: string, why: string) => void;

function stringMap(v: unknown, path: string, err: Err, maxEntries: number, maxChars: number): Record<string, string> | undefined {
  if (!isObj(v)) {
    err(path, 'not a map of strings');
    return undefined;
  }
  const entries = Object.entries(v);
  if (entries.length > maxEntries) {
    err(path, `more than ${maxEntries} entries`);
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (key.length > NAME_CHARS_MAX || !isStr(value, maxChars)) err(`${path}.${key.slice(0, 40)}`, 'not a string of allowed length');
    else out[key] = value;
  }
  return out;
}

function validateNodes(v: unknown, err: Err): NodeConfigDto[] | undefined {
  if (!Array.isArray(v) || v.length === 0 || v.length > NODES_MAX) {
    err('setup.nodes', `not a list of 1 to ${NODES_MAX} nodes`);
    return undefined;
  }
  const quantity = /^[0-9]+(\.[0-9]+)?(m|k|Ki|Mi|Gi|Ti|M|G|T)?$/;
  return v.flatMap((n: unknown, i): NodeConfigDto[] => {
    const path = `setup.nodes[${i}]`;
    if (!isObj(n) || typeof n.name !== 'string' || !/^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$/.test(n.name)) {
      err(`${path}.name`, 'not a node name');
      return [];
    }
    if (n.cpu !== undefined && !(typeof n.cpu === 'string' && quantity.test(n.cpu))) err(`${path}.cpu`, 'not a quantity');
    if (n.memory !== undefined && !(typeof n.memory === 'string' && quantity.test(n.memory))) err(`${path}.memory`, 'not a quantity');
    if (n.pods !== undefined && !isInt(n.pods, 1, 10_000)) err(`${path}.pods`, 'not a whole number from 1 to 10000');
    if (n.role !== undefined && n.role !== 'worker' && n.role !== 'control-plane') err(`${path}.role`, 'not worker or control-plane');
    const labels = n.labels === undefined ? undefined : stringMap(n.labels, `${path}.labels`, err, 64, 63);
    let taints: { key: string; value?: string; effect: string }[] | undefined;
    if (n.taints !== undefined) {
      if (!Array.isArray(n.taints) || n.taints.length > 32) err(`${path}.taints`, 'not a list of up to 32 taints');
      else
        taints = n.taints.flatMap((t: unknown, j) => {
          if (!isObj(t) || !isStr(t.key, NAME_CHARS_MAX) || (t.value !== undefined && !isStr(t.value, 63)) || !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect as string)) {
            err(`${path}.taints[${j}]`, 'not a taint');
            return [];
          }
          return [{ key: t.key, ...(t.value !== undefined ? { value: t.value as string } : {}), effect: t.effect as string }];
        });
    }
    const node = {
      name: n.name,
      ...(typeof n.cpu === 'string' ? { cpu: n.cpu } : {}),
      ...(typeof n.memory === 'string' ? { memory: n.memory } : {}),
      ...(typeof n.pods === 'number' ? { pods: n.pods } : {}),
      ...(labels ? { labels } : {}),
      ...(n.role === 'worker' || n.role === 'control-plane' ? { role: n.role } : {}),
      ...(taints ? { taints } : {}),
    };
    return [node as NodeConfigDto];
  });
}

function validateManifests(v: unknown, err: Err): ManifestDto[] | undefined {
  if (!Array.isArray(v) || v.length > MANIFESTS_MAX) {
    err('setup.manifests', `not a list of up to ${MANIFESTS_MAX} manifests`);
    return undefined;
  }
  return v.flatMap((m: unknown, i): ManifestDto[] => {
    if (!isObj(m) || !isStr(m.fileName, 100) || !isStr(m.text, FILE_CHARS_MAX)) {
      err(`setup.manifests[${i}]`, 'not a manifest (fileName, text)');
      return [];
    }
    return [{ fileName: m.fileName, text: m.text }];
  });
}

function validateCommand(c: Obj, path: string, err: Err): LoggedCommandDto['command'] | undefined {
  switch (c.type) {
    case 'apply': {
      if (!isStr(c.text, FILE_CHARS_MAX)) return void err(`${path}.text`, 'not a manifest text of allowed length');
      const o = c.options === undefined ? {} : c.options;
      if (!isObj(o)) return void err(`${path}.options`, 'not an object');
      if (o.mode !== undefined && o.mode !== 'apply' && o.mode !== 'create' && o.mode !== 'replace') return void err(`${path}.options.mode`, 'not apply, create or replace');
      if (o.fileName !== undefined && !isStr(o.fileName, 200)) return void err(`${path}.options.fileName`, 'not a file name');
      if (o.namespace !== undefined && !isStr(o.namespace, 63)) return void err(`${path}.options.namespace`, 'not a namespace');
      if (o.dryRun !== undefined && typeof o.dryRun !== 'boolean') return void err(`${path}.options.dryRun`, 'not a boolean');
      const options = { ...(o.mode ? { mode: o.mode as 'apply' } : {}), ...(o.fileName !== undefined ? { fileName: o.fileName as string } : {}), ...(o.namespace !== undefined ? { namespace: o.namespace as string } : {}), ...(o.dryRun ? { dryRun: true } : {}) };
      return { type: 'apply', text: c.text, ...(c.options !== undefined ? { options } : {}) };
    }
    case 'delete': {
      if (!isStr(c.kind, 64) || !isStr(c.name, NAME_CHARS_MAX)) return void err(path, 'delete needs a kind and a name');
      if (c.namespace !== undefined && !isStr(c.namespace, 63)) return void err(`${path}.namespace`, 'not a namespace');
      const o = c.options === undefined ? {} : c.options;
      if (!isObj(o)) return void err(`${path}.options`, 'not an object');
      if (o.propagationPolicy !== undefined && !['Background', 'Foreground', 'Orphan'].includes(o.propagationPolicy as string)) return void err(`${path}.options.propagationPolicy`, 'not Background, Foreground or Orphan');
      if (o.gracePeriodSeconds !== undefined && !isInt(o.gracePeriodSeconds, 0, 31_536_000)) return void err(`${path}.options.gracePeriodSeconds`, 'not a whole number of seconds');
      if (o.uid !== undefined && !isStr(o.uid, 64)) return void err(`${path}.options.uid`, 'not a uid');
      const options = {
        ...(o.propagationPolicy ? { propagationPolicy: o.propagationPolicy as 'Background' } : {}),
        ...(o.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: o.gracePeriodSeconds as number } : {}),
        ...(o.uid !== undefined ? { uid: o.uid as string } : {}),
      };
      return { type: 'delete', kind: c.kind, name: c.name, ...(c.namespace !== undefined ? { namespace: c.namespace } : {}), ...(c.options !== undefined ? { options } : {}) };
    }
    case 'kubectl': {
      if (!isStr(c.line, LINE_CHARS_MAX)) return void err(`${path}.line`, 'not a command line of allowed length');
      if (c.stdin !== undefined && !isStr(c.stdin, FILE_CHARS_MAX)) return void err(`${path}.stdin`, 'not a text of allowed length');
      const files = c.files === undefined ? undefined : stringMap(c.files, `${path}.files`, err, FILES_MAX, FILE_CHARS_MAX);
      return { type: 'kubectl', line: c.line, ...(c.stdin !== undefined ? { stdin: c.stdin as string } : {}), ...(files ? { files } : {}) };
    }
    default:
      return void err(`${path}.type`, 'not apply, delete or kubectl');
  }
}

function validateFiles(v: unknown, err: Err): EditorFile[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > FILES_MAX) {
    err('files', `not a list of 1 to ${FILES_MAX} editor files`);
    return [];
  }
  const seen = new Set<string>();
  return v.flatMap((f: unknown, i): EditorFile[] => {
    if (!isObj(f) || typeof f.name !== 'string' || !FILE_NAME_PATTERN.test(f.name)) {
      err(`files[${i}].name`, 'not a file name (letters, digits, . _ -)');
      return [];
    }
    if (seen.has(f.name)) {
      err(`files[${i}].name`, 'used twice');
      return [];
    }
    seen.add(f.name);
    if (!isStr(f.text, FILE_CHARS_MAX)) {
      err(`files[${i}].text`, `not a text of at most ${FILE_CHARS_MAX} characters`);
      return [];
    }
    return [{ name: f.name, text: f.text }];
  });
}

function validateProgress(v: unknown, err: Err): ScenarioProgressDto | undefined {
  if (!isObj(v) || typeof v.scenarioId !== 'string' || v.scenarioId.length > 64 || !isInt(v.current, 0, 1000) || !isObj(v.done)) {
    err('progress', 'not a scenario progress');
    return undefined;
  }
  const done: Record<string, { atMs: number; how: 'check' | 'manual' }> = {};
  const entries = Object.entries(v.done);
  if (entries.length > 1000) {
    err('progress.done', 'too many steps');
    return undefined;
  }
  for (const [id, d] of entries) {
    if (id.length > 100 || !isObj(d) || !isInt(d.atMs, 0, CLOCK_MS_MAX) || (d.how !== 'check' && d.how !== 'manual')) {
      err(`progress.done.${id.slice(0, 40)}`, 'not a finished step');
      continue;
    }
    done[id] = { atMs: d.atMs, how: d.how };
  }
  return { scenarioId: v.scenarioId, current: v.current, done, complete: v.complete === true };
}
