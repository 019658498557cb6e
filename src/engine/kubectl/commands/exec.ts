/** `kubectl exec POD -- COMMAND`: runs a command in the simulated container's tiny shell. */
import { kubeletOf } from '../../kubelet/Kubelet';
import type { Command } from '../command';
import { fail, usageError } from '../errors';
import { attachablePod, chooseContainer } from './podTarget';

const INTERACTIVE_SHELLS = new Set(['sh', 'bash', 'ash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/zsh']);

export const execCommand: Command = {
  name: 'exec',
  short: 'Execute a command in a container',
  use: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'pod-running-timeout', type: 'duration' },
  ],
  run: (ctx, flags, path) => {
    const dash = flags.argsLenAtDash;
    const args = flags.args;
    if (args.length === 0) usageError(path, 'pod, type/name or --filename must be specified');
    if (dash < 0 && args.length > 1) fail('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
    if (dash > 1) fail(`exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead`);
    const argv = dash >= 0 ? args.slice(dash) : [];
    if (argv.length === 0) usageError(path, 'you must specify at least one command for the container');
    const pod = attachablePod(ctx, args[0]);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') fail(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    const container = chooseContainer(ctx, pod, flags.string('container'), true);
    if (flags.bool('stdin') && flags.bool('tty') && argv.length === 1 && INTERACTIVE_SHELLS.has(argv[0])) {
      fail(`Podlab's console cannot hold an interactive shell open. Run one command at a time instead, e.g. kubectl exec ${pod.metadata.name} -- env, or kubectl exec ${pod.metadata.name} -- cat /etc/hostname`);
    }
    const kubelet = kubeletOf(ctx.sim);
    if (!kubelet || !pod.spec?.nodeName) fail(`unable to upgrade connection: container not found ("${container}")`);
    const result = kubelet.exec(pod.metadata.namespace ?? 'default', pod.metadata.name, container, argv);
    if (!result.ok) {
      if (result.reason === 'NotFound') fail(`unable to upgrade connection: pod does not exist`);
      fail(result.message);
    }
    ctx.out(result.value.stdout);
    ctx.err(result.value.stderr);
    if (result.value.exitCode !== 0) {
      ctx.err(`command terminated with exit code ${result.value.exitCode}\n`);
      ctx.exitCode = result.value.exitCode;
    }
    ctx.settle();
  },
};
