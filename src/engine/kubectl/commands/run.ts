/** `kubectl run`: create a pod from an image (the run-pod/v1 generator). */
import type { KubeObject } from '../../api/types';
import { DRY_RUN_FLAG, OUTPUT_FLAG, type Command } from '../command';
import { fail, usageError } from '../errors';
import { createGenerated } from './create';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) fail(`invalid label spec: ${pair}`);
    labels[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return labels;
}

export const runCommand: Command = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  flags: [
    { name: 'image', type: 'string' },
    { name: 'env', type: 'stringArray' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'annotations', type: 'stringArray' },
    { name: 'port', type: 'string' },
    { name: 'restart', type: 'string' },
    { name: 'command', type: 'bool' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'serviceaccount', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'rm', type: 'bool' },
    { name: 'expose', type: 'bool' },
    { name: 'overrides', type: 'string' },
    { name: 'privileged', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    { name: 'save-config', type: 'bool' },
    { name: 'field-manager', type: 'string' },
  ],
  run: (ctx, flags, path) => {
    const names = flags.argsLenAtDash >= 0 ? flags.args.slice(0, flags.argsLenAtDash) : flags.args.slice(0, 1);
    const rest = flags.argsLenAtDash >= 0 ? flags.args.slice(flags.argsLenAtDash) : flags.args.slice(1);
    if (names.length === 0) usageError(path, 'NAME is required for run');
    const name = names[0];
    const image = flags.string('image');
    if (!image) fail('required flag(s) "image" not set');
    if (flags.bool('stdin') || flags.bool('tty') || flags.bool('attach')) {
      fail('Podlab cannot attach a terminal to a simulated container (-i/-t/--attach). Create the pod without them, then use "kubectl logs" and "kubectl exec POD -- COMMAND"');
    }
    if (flags.bool('rm')) fail('--rm should only be used for attached containers');
    if (flags.bool('expose')) fail('Podlab does not simulate Services, so --expose is not available');
    if (flags.string('overrides')) fail('Podlab does not apply --overrides; write the pod manifest in the editor and apply it instead');
    const restart = flags.string('restart') || 'Always';
    if (!RESTART_POLICIES.includes(restart)) fail(`invalid restart policy: ${restart}`);
    const labels = flags.string('labels') ? parseLabels(flags.string('labels')) : { run: name };
    const container: Record<string, unknown> = { image, name, resources: {} };
    if (rest.length > 0) container[flags.bool('command') ? 'command' : 'args'] = rest;
    const env = flags.list('env').map((pair) => {
      const eq = pair.indexOf('=');
      if (eq <= 0) fail(`invalid env: ${pair}`);
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
    });
    if (env.length > 0) container.env = env;
    const pullPolicy = flags.string('image-pull-policy');
    if (pullPolicy) container.imagePullPolicy = pullPolicy;
    const port = flags.string('port');
    if (port) {
      const n = Number(port);
      if (!/^\d+$/.test(port) || n > 65535) fail(`invalid port: ${port}`);
      container.ports = [{ containerPort: n }];
    }
    if (flags.bool('privileged')) container.securityContext = { privileged: true };
    // Since 1.34 a zero creationTimestamp is omitted, not printed as null (kubernetes#130989).
    const metadata: Record<string, unknown> = { labels, name };
    const annotations = flags.list('annotations');
    if (annotations.length > 0) {
      metadata.annotations = Object.fromEntries(
        annotations.map((a) => {
          const eq = a.indexOf('=');
          if (eq <= 0) fail(`invalid annotation: ${a}`);
          return [a.slice(0, eq), a.slice(eq + 1)];
        }),
      );
    }
    const spec: Record<string, unknown> = { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart };
    if (flags.string('serviceaccount')) spec.serviceAccountName = flags.string('serviceaccount');
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata, spec, status: {} } as unknown as KubeObject;
    createGenerated(ctx, flags, pod, '');
  },
};
