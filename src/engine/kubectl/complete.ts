/**
 * Tab completion for the console, in the spirit of kubectl's cobra completion: commands and
 * subcommands, flags, flag values (namespaces, output formats, containers), resource types and
 * the names of live objects.
 */
import type { Cluster } from '../sim/Cluster';
import type { Pod, Typed } from '../api/types';
import { GLOBAL_FLAGS, type Command } from './command';
import { COMMANDS } from './commands';
import { findCommand } from './dispatch';
import { contextNamespace } from './kubeconfig';
import { lookupResourceType, RESOURCE_TYPES, type ResourceType } from './resources';
import { splitShellWords } from './shell';

export interface Completion {
  /** Offset in the line where the word being completed starts (replace from here to the cursor). */
  readonly from: number;
  /** Full replacement words, sorted, without duplicates. */
  readonly candidates: string[];
}

const OUTPUT_FORMATS = ['json', 'yaml', 'wide', 'name', 'jsonpath=', 'custom-columns=', 'jsonpath-as-json=', 'jsonpath-file=', 'custom-columns-file='];
/** Commands whose first argument is a resource type (then names of that type). */
const TYPE_COMMANDS = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'scale', 'autoscale', 'explain', 'image', 'history', 'undo', 'restart', 'status', 'pause', 'resume', 'taint']);
/** Commands whose first argument is a pod (or TYPE/NAME). */
const POD_COMMANDS = new Set(['logs', 'exec', 'attach', 'port-forward', 'cp']);
/** Commands whose first argument is a node. */
const NODE_COMMANDS = new Set(['cordon', 'uncordon', 'drain']);

const uniqueSorted = (list: readonly string[]) => [...new Set(list)].sort();

/** kubectl's completion offers `api-resources -o name`: plural names, group-qualified outside the core group. */
function typeNames(): string[] {
  return RESOURCE_TYPES.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource));
}

function objectNames(cluster: Cluster, type: ResourceType, namespace: string): string[] {
  if (type.kind === 'Event') return cluster.sim.events.list((e) => e.namespace === namespace).map((e) => e.name);
  return cluster.sim.store.list(type.kind, type.namespaced ? namespace : undefined).map((o) => o.metadata.name);
}

function flagNames(command: Command | undefined): string[] {
  const defs = [...GLOBAL_FLAGS, ...(command?.flags ?? [])];
  return defs.flatMap((d) => (d.short ? [`--${d.name}`, `-${d.short}`] : [`--${d.name}`]));
}

/** Value-taking flags (so the word after them is a value, not a positional argument). */
function takesValue(command: Command | undefined, word: string): boolean {
  if (word.includes('=')) return false;
  const defs = [...GLOBAL_FLAGS, ...(command?.flags ?? [])];
  const def = word.startsWith('--') ? defs.find((d) => `--${d.name}` === word) : defs.find((d) => d.short && `-${d.short}` === word);
  return def !== undefined && def.type !== 'bool' && def.noOptDefault === undefined;
}

/** Completes the word at the end of `partialLine` (the cursor is assumed to be at the end). */
export function completeKubectl(cluster: Cluster, partialLine: string): Completion {
  const split = splitShellWords(partialLine);
  const endsWithSpace = /\s$/.test(partialLine) || partialLine === '';
  const words = [...split.words];
  const offsets = [...split.offsets];
  const current = endsWithSpace ? '' : (words.pop() ?? '');
  const from = endsWithSpace ? partialLine.length : (offsets.pop() ?? partialLine.length);
  if (words[0] === 'kubectl' || words[0] === 'k') {
    words.shift();
    offsets.shift();
  }
  const matchPrefix = (list: readonly string[]) => ({ from, candidates: uniqueSorted(list.filter((c) => c.startsWith(current))) });

  // Locate command, subcommand, namespace and positional arguments typed so far.
  let command: Command | undefined;
  let parent: Command | undefined;
  let namespace = contextNamespace(cluster);
  const positionals: string[] = [];
  let unknownCommand = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('-')) {
      if (w === '-n' || w === '--namespace') namespace = words[i + 1] ?? namespace;
      else if (w.startsWith('--namespace=')) namespace = w.slice('--namespace='.length);
      if (takesValue(command ?? parent, w)) i++;
      continue;
    }
    if (!command && !parent) {
      if (unknownCommand) continue;
      command = findCommand(w, COMMANDS);
      unknownCommand = !command;
      if (command?.subcommands) {
        parent = command;
        command = undefined;
      }
      continue;
    }
    if (parent && !command) {
      command = findCommand(w, parent.subcommands ?? []);
      continue;
    }
    positionals.push(w);
  }

  // A flag value?
  const previous = words[words.length - 1];
  if (previous && previous.startsWith('-') && takesValue(command ?? parent, previous)) {
    if (previous === '-n' || previous === '--namespace') return matchPrefix(cluster.sim.store.list('Namespace').map((n) => n.metadata.name));
    if (previous === '-o' || previous === '--output') return matchPrefix(OUTPUT_FORMATS);
    if (previous === '-c' || previous === '--container') {
      const podName = positionals.find((p) => !p.includes('/'));
      const pod = podName ? cluster.sim.store.get<Pod>('Pod', namespace, podName) : undefined;
      return matchPrefix([...(pod?.spec?.containers ?? []), ...(pod?.spec?.initContainers ?? [])].map((c) => c.name));
    }
    if (previous === '-f' || previous === '--filename') return matchPrefix(['-']);
    return { from, candidates: [] };
  }
  if (current.startsWith('--') && current.includes('=')) {
    const [flag, value] = [current.slice(0, current.indexOf('=')), current.slice(current.indexOf('=') + 1)];
    const withFlag = (list: readonly string[]) => ({ from, candidates: uniqueSorted(list.filter((v) => v.startsWith(value)).map((v) => `${flag}=${v}`)) });
    if (flag === '--namespace') return withFlag(cluster.sim.store.list('Namespace').map((n) => n.metadata.name));
    if (flag === '--output') return withFlag(OUTPUT_FORMATS);
    if (flag === '--cascade') return withFlag(['background', 'foreground', 'orphan']);
    if (flag === '--dry-run') return withFlag(['none', 'client', 'server']);
    return { from, candidates: [] };
  }
  if (unknownCommand) return { from, candidates: [] };
  if (current.startsWith('-')) return matchPrefix(flagNames(command ?? parent));

  if (!command && !parent) return matchPrefix(COMMANDS.map((c) => c.name));
  if (parent && !command) return matchPrefix((parent.subcommands ?? []).map((c) => c.name));
  const name = command!.name;

  if (name === 'config' || parent?.name === 'config') return matchPrefix(command?.name === 'use-context' ? ['podlab'] : []);
  if (parent?.name === 'top') return matchPrefix(objectNames(cluster, lookupResourceType(command!.name === 'node' ? 'nodes' : 'pods')!, namespace));
  if (NODE_COMMANDS.has(name)) return matchPrefix(objectNames(cluster, lookupResourceType('nodes')!, namespace));
  if (POD_COMMANDS.has(name)) {
    if (positionals.length === 0) return matchPrefix(objectNames(cluster, lookupResourceType('pods')!, namespace));
    return { from, candidates: [] };
  }
  if (TYPE_COMMANDS.has(name) || parent?.name === 'rollout' || parent?.name === 'set') {
    if (name === 'explain') return matchPrefix(RESOURCE_TYPES.filter((r) => r.kind !== 'Event').map((r) => r.resource));
    if (current.includes('/')) {
      const type = lookupResourceType(current.slice(0, current.indexOf('/')));
      if (!type) return { from, candidates: [] };
      const prefix = current.slice(0, current.indexOf('/') + 1);
      return matchPrefix(objectNames(cluster, type, namespace).map((n) => prefix + n));
    }
    if (positionals.length === 0) return matchPrefix(name === 'taint' ? ['nodes', 'node', 'no'] : [...typeNames(), ...(name === 'get' ? ['all'] : [])]);
    if (positionals[0].includes('/')) return matchPrefix(typeNames().map((t) => `${t}/`));
    const type = lookupResourceType(positionals[0].split(',')[0]);
    if (!type) return { from, candidates: [] };
    return matchPrefix(objectNames(cluster, type, namespace));
  }
  return { from, candidates: [] };
}
