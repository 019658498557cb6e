/** `kubectl label`: add, overwrite (--overwrite) and remove (`key-`) labels. */
import { validateLabelKey, validateLabelValue } from '../../api/labels';
import { ALL_NAMESPACES_FLAG, DRY_RUN_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, type Command } from '../command';
import { fail } from '../errors';
import { formatLabels } from '../../api/labels';
import { dryRunStrategy, dryRunSuffix, editable, printOperation, updateObject } from './common';
import { parsePairs, resourcesAndPairs, targetObjects } from './labelling';

export const labelCommand: Command = {
  name: 'label',
  short: 'Update the labels on a resource',
  use: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  flags: [
    { name: 'overwrite', type: 'bool' },
    { name: 'list', type: 'bool' },
    { name: 'local', type: 'bool' },
    { name: 'all', type: 'bool' },
    ALL_NAMESPACES_FLAG,
    SELECTOR_FLAG,
    { name: 'field-selector', type: 'string' },
    { name: 'resource-version', type: 'string' },
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    { name: 'field-manager', type: 'string' },
  ],
  run: (ctx, flags) => {
    const { resources, pairs } = resourcesAndPairs(flags.args, 'label');
    if (pairs.length === 0 && !flags.bool('list')) fail('at least one label update is required');
    const changes = parsePairs(pairs, 'label', (key, value, pair) => {
      const keyProblems = validateLabelKey(key);
      if (keyProblems.length > 0) fail(`invalid label key: "${pair}": ${keyProblems.join(';')}`);
      const valueProblems = validateLabelValue(value);
      if (valueProblems.length > 0) fail(`invalid label value: "${pair}": ${valueProblems.join(';')}`);
    });
    const dryRun = dryRunStrategy(flags);
    const overwrite = flags.bool('overwrite');
    const { objects, errors } = targetObjects(ctx, flags, resources);
    for (const obj of objects) {
      if (flags.bool('list')) {
        for (const [k, v] of Object.entries(obj.metadata.labels ?? {}).sort()) ctx.out(`${k}=${v}\n`);
        continue;
      }
      const labels = { ...(obj.metadata.labels ?? {}) };
      if (!overwrite) {
        const conflicts = [...changes.set].filter(([k, v]) => k in labels && labels[k] !== v);
        if (conflicts.length > 0) fail(conflicts.map(([k]) => `'${k}' already has a value (${labels[k]}), and --overwrite is false`).join('\n'));
      }
      // kubectl compares the serialized objects: smaller without --overwrite reads "unlabeled".
      const size = (l: Record<string, string>) => (Object.keys(l).length === 0 ? 0 : JSON.stringify(l).length);
      const before = formatLabels(labels);
      const beforeSize = size(labels);
      for (const [k, v] of changes.set) labels[k] = v;
      for (const key of changes.remove) {
        if (!(key in labels)) ctx.out(`label "${key}" not found.\n`);
        delete labels[key];
      }
      const after = formatLabels(labels);
      let message = 'not labeled';
      if (before !== after) message = !overwrite && size(labels) < beforeSize ? 'unlabeled' : 'labeled';
      let result = obj;
      if (dryRun === 'none' && before !== after) {
        const copy = editable(obj);
        copy.metadata.labels = labels;
        if (Object.keys(labels).length === 0) delete copy.metadata.labels;
        result = updateObject(ctx, copy);
      }
      printOperation(ctx, flags, [result], message + dryRunSuffix(dryRun));
    }
    for (const e of errors) ctx.failed(e);
    ctx.settle();
  },
};
