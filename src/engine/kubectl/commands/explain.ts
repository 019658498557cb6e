/** `kubectl explain`: field documentation for the kinds Podlab simulates. */
import { explain } from '../../apiserver/schema';
import type { Command } from '../command';
import { errorText, KubectlError, usageError } from '../errors';

export const explainCommand: Command = {
  name: 'explain',
  short: 'Get documentation for a resource',
  use: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]',
  flags: [{ name: 'recursive', type: 'bool' }, { name: 'api-version', type: 'string' }, { name: 'output', short: 'o', type: 'string' }],
  run: (ctx, flags, path) => {
    if (flags.args.length === 0) usageError(path, 'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    if (flags.args.length > 1) usageError(path, `We accept only this format: explain RESOURCE`);
    const output = flags.string('output');
    if (output && output !== 'plaintext') throw new KubectlError(errorText(`Podlab explains fields in the plaintext format only (-o plaintext)`));
    const result = explain(flags.args[0], { recursive: flags.bool('recursive'), apiVersion: flags.string('api-version') || undefined });
    if (!result.ok) throw new KubectlError(errorText(result.error));
    ctx.out(result.text);
  },
};
