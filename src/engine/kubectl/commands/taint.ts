/** `kubectl taint`: add (`key=value:Effect`), overwrite and remove (`key-`, `key:Effect-`) node taints. */
import type { Node, Taint, Typed } from '../../api/types';
import { validateLabelKey, validateLabelValue } from '../../api/labels';
import { ALL_NAMESPACES_FLAG, DRY_RUN_FLAG, OUTPUT_FLAG, SELECTOR_FLAG, type Command } from '../command';
import { fail } from '../errors';
import { buildItems } from '../objects';
import { taintString } from '../describe/common';
import { dryRunStrategy, dryRunSuffix, editable, printOperation, updateObject } from './common';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function parseTaint(spec: string): Taint {
  const parts = spec.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = parts[0];
  else if (parts.length === 2) {
    effect = parts[1];
    if (!EFFECTS.includes(effect)) fail(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0].split('=');
    if (kv.length > 2) fail(`invalid taint spec: ${spec}`);
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = validateLabelValue(value);
      if (errs.length > 0) fail(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
    }
  } else fail(`invalid taint spec: ${spec}`);
  const keyErrs = validateLabelKey(key);
  if (keyErrs.length > 0) fail(`invalid taint spec: ${spec}, ${keyErrs.join('; ')}`);
  const taint: Taint = { key, effect } as Taint;
  if (value) taint.value = value;
  return taint;
}

export const taintCommand: Command = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  use: 'taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  flags: [{ name: 'overwrite', type: 'bool' }, { name: 'all', type: 'bool' }, ALL_NAMESPACES_FLAG, SELECTOR_FLAG, DRY_RUN_FLAG, OUTPUT_FLAG, { name: 'validate', type: 'string', noOptDefault: 'strict' }, { name: 'field-manager', type: 'string' }],
  run: (ctx, flags) => {
    const resources: string[] = [];
    const specs: string[] = [];
    for (const s of flags.args) {
      const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
      if (isTaint) specs.push(s);
      else if (specs.length > 0) fail(`all resources must be specified before taint changes: ${s}`);
      else resources.push(s);
    }
    if (resources.length < 1) fail('one or more resources must be specified as <resource> <name>');
    if (specs.length < 1) fail('at least one taint update is required');
    const toAdd: Taint[] = [];
    const toRemove: Taint[] = [];
    for (const spec of specs) {
      if (spec.endsWith('-')) {
        const t = parseTaint(spec.slice(0, -1));
        toRemove.push({ key: t.key, effect: t.effect } as Taint);
        continue;
      }
      const t = parseTaint(spec);
      if (!t.effect) fail(`invalid taint spec: ${spec}`);
      if (toAdd.some((x) => x.key === t.key && x.effect === t.effect)) fail(`duplicated taints with the same key and effect: ${JSON.stringify(t)}`);
      toAdd.push(t);
    }
    const type = resources[0];
    if (!['node', 'nodes', 'no'].includes(type.toLowerCase().split('/')[0])) fail(`invalid resource type ${type}, only node types are supported`);
    const dryRun = dryRunStrategy(flags);
    const built = buildItems(ctx, { args: resources, labelSelector: flags.string('selector') || undefined, selectAll: flags.bool('all') });
    for (const e of built.errors) ctx.failed(e);
    for (const item of built.items) {
      const node = item.object as Typed<Node>;
      const old = node.spec?.taints ?? [];
      if (!flags.bool('overwrite')) {
        const exists = toAdd.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
        if (exists.length > 0) fail(`node ${node.metadata.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
      }
      let taints: Taint[] = [...toAdd];
      for (const o of old) if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o);
      const added = old.length !== taints.length;
      let removed = false;
      const errors: string[] = [];
      for (const r of toRemove) {
        const before = taints.length;
        taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
        removed = taints.length !== before;
        if (!removed) errors.push(`taint "${taintString(r)}" not found`);
      }
      if (errors.length > 0) fail(errors.join('\n'));
      const operation = (added && removed) || flags.bool('overwrite') ? 'modified' : added ? 'tainted' : 'untainted';
      let result = node as typeof node;
      if (dryRun === 'none') {
        const copy = editable(node);
        copy.spec = { ...(copy.spec ?? {}), taints };
        if (taints.length === 0) delete copy.spec.taints;
        result = updateObject(ctx, copy) as typeof node;
      }
      printOperation(ctx, flags, [result], operation + dryRunSuffix(dryRun));
    }
    ctx.settle();
  },
};
