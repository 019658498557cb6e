/** `kubectl api-resources`: the resource types the simulated apiserver serves. */
import type { Command } from '../command';
import { fail } from '../errors';
import { apiResourcesOrder, apiVersionOf, type ResourceType } from '../resources';
import { TABLE_TABWRITER, TabWriter } from '../tabwriter';

const VERBS = '[create delete deletecollection get list patch update watch]';

function verbsOf(r: ResourceType): string {
  // Namespaces cannot be deleted as a collection.
  return r.kind === 'Namespace' ? '[create delete get list patch update watch]' : VERBS;
}

function categoriesOf(r: ResourceType): string {
  return ['Pod', 'ReplicationController', 'DaemonSet', 'Deployment', 'ReplicaSet'].includes(r.kind) ? 'all' : r.kind === 'HorizontalPodAutoscaler' ? 'all' : '';
}

export const apiResourcesCommand: Command = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  use: 'api-resources [flags]',
  flags: [
    { name: 'namespaced', type: 'bool' },
    { name: 'api-group', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'sort-by', type: 'string' },
    { name: 'verbs', type: 'stringSlice' },
    { name: 'cached', type: 'bool' },
    { name: 'categories', type: 'stringSlice' },
  ],
  run: (ctx, flags) => {
    const output = flags.string('output');
    if (output && output !== 'wide' && output !== 'name') fail(`--output ${output} is not available`);
    const sortBy = flags.string('sort-by');
    if (sortBy && sortBy !== 'name' && sortBy !== 'kind') fail(`--sort-by accepts only name or kind`);
    let list = apiResourcesOrder();
    if (flags.changed('namespaced')) list = list.filter((r) => r.namespaced === flags.bool('namespaced'));
    if (flags.changed('api-group')) list = list.filter((r) => r.group === flags.string('api-group'));
    for (const c of flags.list('categories')) list = list.filter((r) => categoriesOf(r) === c);
    if (sortBy === 'name') list = [...list].sort((a, b) => (a.resource < b.resource ? -1 : 1));
    if (sortBy === 'kind') list = [...list].sort((a, b) => (a.kind < b.kind ? -1 : 1));
    if (output === 'name') {
      ctx.out(list.map((r) => (r.group ? `${r.resource}.${r.group}\n` : `${r.resource}\n`)).join(''));
      return;
    }
    const wide = output === 'wide';
    const w = new TabWriter(TABLE_TABWRITER);
    if (!flags.bool('no-headers')) w.write(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? '\tVERBS\tCATEGORIES' : ''}\n`);
    for (const r of list) {
      w.write(`${r.resource}\t${r.shortNames.join(',')}\t${apiVersionOf(r)}\t${r.namespaced}\t${r.kind}${wide ? `\t${verbsOf(r)}\t${categoriesOf(r)}` : ''}\n`);
    }
    ctx.out(w.take());
  },
};
