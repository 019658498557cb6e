/**
 * What label and annotate share: splitting `TYPE NAME k=v k-` arguments
 * (cmdutil.GetResourcesAndPairs), parsing the changes and applying them to each object.
 */
import type { KubeObject } from '../../api/types';
import type { KubectlContext } from '../context';
import { fail } from '../errors';
import type { Flags } from '../flags';
import { buildItems } from '../objects';

export interface PairChanges {
  readonly set: ReadonlyMap<string, string>;
  readonly remove: readonly string[];
}

/** Splits arguments into resources and `key=value` / `key-` pairs; resources must come first. */
export function resourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let seenPair = false;
  for (const s of args) {
    const isPair = s.includes('=') || (s.endsWith('-') && s !== '-');
    if (isPair) {
      seenPair = true;
      pairs.push(s);
    } else {
      if (seenPair) fail(`all resources must be specified before ${pairType} changes: ${s}`);
      resources.push(s);
    }
  }
  return { resources, pairs };
}

export function parsePairs(pairs: readonly string[], pairType: string, validate: (key: string, value: string, pair: string) => void): PairChanges {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const pair of pairs) {
    if (pair.includes('=')) {
      const eq = pair.indexOf('=');
      const key = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (key === '') fail(`invalid ${pairType}: "${pair}"`);
      validate(key, value, pair);
      set.set(key, value);
    } else if (pair.endsWith('-')) {
      remove.push(pair.slice(0, -1));
    } else fail(`unknown ${pairType} spec: ${pair}`);
  }
  for (const key of remove) if (set.has(key)) fail(`can not both modify and remove ${pairType === 'label' ? 'a label' : 'an annotation'} in the same command`);
  return { set, remove };
}

/** The objects label/annotate act on: names, -l, --all, -A, or -f. */
export function targetObjects(ctx: KubectlContext, flags: Flags, resources: readonly string[]): { objects: KubeObject[]; errors: string[] } {
  if (resources.length === 0 && flags.list('filename').length === 0) fail('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const built = buildItems(ctx, {
    args: resources,
    filenames: flags.list('filename'),
    labelSelector: flags.string('selector') || undefined,
    fieldSelector: flags.string('field-selector') || undefined,
    allNamespaces: flags.bool('all-namespaces'),
    selectAll: flags.bool('all'),
  });
  return { objects: built.items.map((i) => i.object!), errors: built.errors };
}
