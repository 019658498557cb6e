/** `kubectl version`: client (kubectl) and server versions of the simulated cluster. */
import { KUBELET_VERSION } from '../../api/node';
import type { Command } from '../command';
import { fail } from '../errors';
import { toKubectlJson } from '../output/json';
import { toGoYaml } from '../output/yaml';

/** Podlab's kubectl and apiserver speak the release its nodes run. */
export const KUBECTL_VERSION = KUBELET_VERSION;
/** The kustomize library kubectl 1.34/1.35 embed. */
export const KUSTOMIZE_VERSION = 'v5.7.1';

function versionInfo(gitVersion: string): Record<string, string> {
  const m = /^v(\d+)\.(\d+)/.exec(gitVersion);
  return { gitVersion, major: m?.[1] ?? '', minor: m?.[2] ?? '', platform: 'linux/amd64' };
}

export const versionCommand: Command = {
  name: 'version',
  short: 'Print the client and server version information',
  use: 'version [flags]',
  flags: [{ name: 'client', type: 'bool' }, { name: 'output', short: 'o', type: 'string' }],
  run: (ctx, flags) => {
    const output = flags.string('output');
    const client = flags.bool('client');
    if (output === 'json' || output === 'yaml') {
      const data: Record<string, unknown> = { clientVersion: versionInfo(KUBECTL_VERSION), kustomizeVersion: KUSTOMIZE_VERSION };
      if (!client) data.serverVersion = versionInfo(KUBECTL_VERSION);
      ctx.out(output === 'json' ? toKubectlJson(data) : toGoYaml(data));
      return;
    }
    if (output) fail(`--output must be 'yaml' or 'json'`);
    ctx.out(`Client Version: ${KUBECTL_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (!client) ctx.out(`Server Version: ${KUBECTL_VERSION}\n`);
  },
};
