/** `kubectl annotate`: add, overwrite (--overwrite) and remove (`key-`) annotations. */
import { validateLabelKey } from '../../api/labels';
import { ALL_NAMESPACES_FLAG, DRY_RUN_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, type Command } from '../command';
import { fail } from '../errors';
import { dryRunStrategy, dryRunSuffix, editable, printOperation, updateObject } from './common';
import { parsePairs, resourcesAndPairs, targetObjects } from './labelling';

/** kubernetes.io/change-cause may always be overwritten. */
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export const annotateCommand: Command = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  use: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
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
    const { resources, pairs } = resourcesAndPairs(flags.args, 'annotation');
    if (pairs.length === 0 && !flags.bool('list')) fail('at least one annotation update is required');
    const changes = parsePairs(pairs, 'annotation', (key, _value, pair) => {
      const problems = validateLabelKey(key);
      if (problems.length > 0) fail(`invalid annotation format: ${pair}`);
    });
    const dryRun = dryRunStrategy(flags);
    const { objects, errors } = targetObjects(ctx, flags, resources);
    for (const obj of objects) {
      const annotations = { ...(obj.metadata.annotations ?? {}) };
      if (flags.bool('list')) {
        for (const [k, v] of Object.entries(annotations).sort()) ctx.out(`${k}=${v}\n`);
        continue;
      }
      if (!flags.bool('overwrite')) {
        const conflicts = [...changes.set].filter(([k, v]) => k !== CHANGE_CAUSE && k in annotations && annotations[k] !== v);
        if (conflicts.length > 0) fail(`--overwrite is false but found the following declared annotation(s): ${conflicts.map(([k]) => `'${k}' already has a value (${annotations[k]})`).join('; ')}`);
      }
      for (const [k, v] of changes.set) annotations[k] = v;
      for (const key of changes.remove) delete annotations[key];
      let result = obj;
      if (dryRun === 'none') {
        const copy = editable(obj);
        copy.metadata.annotations = annotations;
        if (Object.keys(annotations).length === 0) delete copy.metadata.annotations;
        result = updateObject(ctx, copy);
      }
      printOperation(ctx, flags, [result], 'annotated' + dryRunSuffix(dryRun));
    }
    for (const e of errors) ctx.failed(e);
    ctx.settle();
  },
};
