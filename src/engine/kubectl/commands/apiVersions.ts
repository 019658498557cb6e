/** `kubectl api-versions`: the group/versions the simulated apiserver serves, sorted as kubectl does. */
import type { Command } from '../command';
import { fail } from '../errors';
import { apiVersionOf, RESOURCE_TYPES } from '../resources';

/** Still served besides the stored versions: HPAs can be written as autoscaling/v1. */
const ALSO_SERVED = ['autoscaling/v1'];

export const apiVersionsCommand: Command = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  use: 'api-versions',
  run: (ctx, flags) => {
    if (flags.args.length > 0) fail(`Unexpected args: [${flags.args.join(' ')}]`);
    const versions = [...new Set([...RESOURCE_TYPES.map(apiVersionOf), ...ALSO_SERVED])].sort();
    ctx.out(versions.map((v) => `${v}\n`).join(''));
  },
};
