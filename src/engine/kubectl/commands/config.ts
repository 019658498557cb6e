/** `kubectl config view|current-context|get-contexts|use-context|set-context` over Podlab's one context. */
import type { Command } from '../command';
import { fail } from '../errors';
import { CONTEXT_NAME, kubeconfigObject, kubeconfigState } from '../kubeconfig';
import { parseOutputFormat, printGeneric } from '../printing';
import { TABLE_TABWRITER, TabWriter } from '../tabwriter';
import type { KubeObject } from '../../api/types';

const view: Command = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: [{ name: 'output', short: 'o', type: 'string' }, { name: 'minify', type: 'bool' }, { name: 'raw', type: 'bool' }, { name: 'flatten', type: 'bool' }, { name: 'merge', type: 'bool' }],
  run: (ctx, flags) => {
    const format = parseOutputFormat(flags.string('output') || 'yaml', ctx.io.files);
    if (format.kind === 'table') fail(`unable to match a printer suitable for the output format "${flags.string('output')}"`);
    ctx.out(printGeneric(format, [kubeconfigObject(ctx.cluster) as unknown as KubeObject], true));
  },
};

const currentContext: Command = {
  name: 'current-context',
  short: 'Display the current-context',
  run: (ctx) => ctx.out(`${CONTEXT_NAME}\n`),
};

const getContexts: Command = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  flags: [{ name: 'output', short: 'o', type: 'string' }, { name: 'no-headers', type: 'bool' }],
  run: (ctx, flags) => {
    const name = flags.args[0];
    if (name && name !== CONTEXT_NAME) fail(`context ${name} not found`);
    if (flags.string('output') === 'name') {
      ctx.out(`${CONTEXT_NAME}\n`);
      return;
    }
    const w = new TabWriter(TABLE_TABWRITER);
    if (!flags.bool('no-headers')) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
    w.write(`*\t${CONTEXT_NAME}\t${CONTEXT_NAME}\t${CONTEXT_NAME}\t${kubeconfigState(ctx.cluster).namespace ?? ''}\n`);
    ctx.out(w.take());
  },
};

const useContext: Command = {
  name: 'use-context',
  short: 'Set the current-context in a kubeconfig file',
  run: (ctx, flags) => {
    const name = flags.args[0];
    if (!name) fail('empty context names are not allowed');
    if (name !== CONTEXT_NAME) fail(`no context exists with the name: "${name}"`);
    ctx.out(`Switched to context "${CONTEXT_NAME}".\n`);
  },
};

const setContext: Command = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  flags: [{ name: 'current', type: 'bool' }, { name: 'cluster', type: 'string' }, { name: 'user', type: 'string' }],
  run: (ctx, flags) => {
    const name = flags.bool('current') ? CONTEXT_NAME : flags.args[0];
    if (!name) fail('you must specify a non-empty context name or --current');
    if (name !== CONTEXT_NAME) fail(`Podlab's kubeconfig has a single context, "${CONTEXT_NAME}"; set-context can only change it`);
    if (flags.changed('namespace')) kubeconfigState(ctx.cluster).namespace = flags.string('namespace') || undefined;
    ctx.out(`Context "${CONTEXT_NAME}" modified.\n`);
  },
};

export const configCommand: Command = {
  name: 'config',
  short: 'Modify kubeconfig files',
  use: 'config SUBCOMMAND',
  subcommands: [currentContext, getContexts, setContext, useContext, view],
};
