/** `kubectl get`: tables, wide, labels, sorting, and the generic -o printers. */
import { ALL_NAMESPACES_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, type Command } from '../command';
import type { KubectlContext } from '../context';
import { fail, KubectlError, usageError } from '../errors';
import type { FlagDef, Flags } from '../flags';
import { runGetWatch } from './getWatch';
import { buildItems, type BuildResult } from '../objects';
import { parseOutputFormat, printGeneric, printHuman, sortObjects, type HumanOptions, type TypedGroup } from '../printing';

export const GET_FLAGS: readonly FlagDef[] = [
  OUTPUT_FLAG,
  { name: 'show-labels', type: 'bool', description: 'When printing, show all labels as the last column (default hide labels column)' },
  { name: 'label-columns', short: 'L', type: 'stringSlice', description: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...' },
  { name: 'sort-by', type: 'string', description: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string." },
  { name: 'no-headers', type: 'bool', description: "When using the default or custom-column output format, don't print headers (default print headers)." },
  { name: 'watch', short: 'w', type: 'bool', description: 'After listing/getting the requested object, watch for changes.' },
  { name: 'watch-only', type: 'bool', description: 'Watch for changes to the requested object(s), without listing/getting first.' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool', description: 'If set to true, suppresses NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found.' },
  SELECTOR_FLAG,
  { name: 'field-selector', type: 'string', description: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
  ALL_NAMESPACES_FLAG,
  { name: 'chunk-size', type: 'int' },
  FILENAME_FLAG,
  RECURSIVE_FLAG,
  { name: 'show-kind', type: 'bool', description: 'If present, list the resource type for the requested object(s).' },
  { name: 'server-print', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'raw', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'subresource', type: 'string' },
];

/** What `get` resolved: the items and how to print them. */
export interface GetPlan {
  readonly built: BuildResult;
  readonly groups: TypedGroup[];
  readonly human: HumanOptions;
}

/** Shared by get and get -w: validates flags and resolves the objects. */
export function planGet(ctx: KubectlContext, flags: Flags, path: string): GetPlan {
  if (flags.string('raw')) fail('Podlab has no raw HTTP API to query; use kubectl get <type> instead of --raw');
  if (flags.changed('template')) fail('Podlab does not run Go templates (--template); -o jsonpath=… covers the same ground');
  const output = flags.string('output');
  if (flags.bool('show-labels') && output !== '' && output !== 'wide') fail(`--show-labels option cannot be used with ${output} printer`);
  if (flags.bool('output-watch-events') && !flags.bool('watch') && !flags.bool('watch-only')) {
    usageError(path, '--output-watch-events option can only be used with --watch or --watch-only');
  }
  if (flags.args.length === 0 && flags.list('filename').length === 0) {
    throw new KubectlError(
      `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee '${path} -h' for help and examples\n`,
    );
  }
  const built = buildItems(ctx, {
    args: flags.args,
    filenames: flags.list('filename'),
    labelSelector: flags.string('selector') || undefined,
    fieldSelector: flags.string('field-selector') || undefined,
    allNamespaces: flags.bool('all-namespaces'),
    allowEmptySelector: true,
  });
  const sortBy = flags.string('sort-by');
  const groups = sortBy ? built.groups.map((g) => ({ type: g.type, objects: sortObjects(g.objects, sortBy) })) : built.groups;
  return {
    built,
    groups,
    human: {
      wide: output === 'wide',
      noHeaders: flags.bool('no-headers'),
      allNamespaces: flags.bool('all-namespaces'),
      showLabels: flags.bool('show-labels'),
      columnLabels: flags.list('label-columns'),
      showKind: flags.bool('show-kind'),
      nowMs: ctx.nowMs(),
    },
  };
}

export function runGet(ctx: KubectlContext, flags: Flags, path: string): void {
  if (flags.bool('watch') || flags.bool('watch-only')) {
    runGetWatch(ctx, flags, path);
    return;
  }
  const format = parseOutputFormat(flags.string('output'), ctx.io.files);
  const plan = planGet(ctx, flags, path);
  const ignoreNotFound = flags.bool('ignore-not-found');
  const errors = ignoreNotFound ? plan.built.errors.filter((e) => !e.startsWith('Error from server (NotFound)')) : plan.built.errors;
  if (format.kind === 'table') {
    const text = printHuman(plan.groups, plan.human);
    ctx.out(text);
    if (text === '' && errors.length === 0 && !ignoreNotFound && !flags.bool('watch-only')) {
      const allNamespaced = !plan.human.allNamespaces && plan.built.types.every((t) => t.namespaced);
      ctx.err(allNamespaced ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n');
    }
  } else {
    const objects = plan.groups.flatMap((g) => g.objects);
    if (!(objects.length === 0 && ignoreNotFound && plan.built.singleItemImplied)) {
      if (!(plan.built.singleItemImplied && objects.length === 0)) ctx.out(printGeneric(format, objects, plan.built.singleItemImplied, flags.bool('no-headers')));
    }
  }
  for (const e of errors) ctx.failed(e);
}

export const getCommand: Command = {
  name: 'get',
  short: 'Display one or many resources',
  use: 'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  flags: GET_FLAGS,
  run: runGet,
};
