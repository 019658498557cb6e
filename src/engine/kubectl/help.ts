/** `kubectl --help` and `kubectl <command> --help`, in kubectl's layout (shortened). */
import type { Command } from './command';
import type { FlagType } from './flags';

const ZERO_DEFAULT: Readonly<Record<FlagType, string>> = { bool: 'false', string: "''", int: '0', stringArray: '[]', stringSlice: '[]', duration: '0s' };

export function rootHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return (
    'kubectl controls the Kubernetes cluster manager.\n\n' +
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n' +
    'Commands available in Podlab:\n' +
    commands.map((c) => `  ${c.name.padEnd(width)}${c.short}\n`).join('') +
    '\nUsage:\n  kubectl [flags] [options]\n\n' +
    'Use "kubectl <command> --help" for more information about a given command.\n'
  );
}

export function commandHelp(command: Command, path: string): string {
  let text = `${command.short}\n`;
  if (command.subcommands) {
    const width = Math.max(...command.subcommands.map((c) => c.name.length)) + 2;
    text += '\nAvailable Commands:\n' + command.subcommands.map((c) => `  ${c.name.padEnd(width)}${c.short}\n`).join('');
  }
  const flags = command.flags ?? [];
  if (flags.length > 0) {
    text += '\nOptions:\n';
    for (const f of flags) {
      const names = f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
      // kubectl's help shows each flag with its zero default, then its description.
      text += `    ${names}=${ZERO_DEFAULT[f.type]}:\n${f.description ? `\t${f.description}\n` : ''}\n`;
    }
  }
  const use = command.use ?? `${command.name} [flags]`;
  const parent = path.split(' ').slice(0, -1).join(' ');
  text += `\nUsage:\n  ${parent} ${use}\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
  return text;
}
