/** `kubectl logs`: container output from the simulated kubelet (current or --previous instance). */
import type { Pod, Typed } from '../../api/types';
import { ApiError } from '../../apiserver/errors';
import { kubeletOf } from '../../kubelet/Kubelet';
import { SELECTOR_FLAG, type Command } from '../command';
import type { KubectlContext } from '../context';
import { fail, serverErrorText } from '../errors';
import { parseGoDuration, type Flags } from '../flags';
import { listObjects } from '../objects';
import { resolveResourceType } from '../resources';
import { attachablePod, chooseContainer } from './podTarget';

export const LOGS_FLAGS = [
  { name: 'container', short: 'c', type: 'string' as const },
  { name: 'all-containers', type: 'bool' as const },
  { name: 'all-pods', type: 'bool' as const },
  { name: 'previous', short: 'p', type: 'bool' as const },
  { name: 'follow', short: 'f', type: 'bool' as const },
  { name: 'tail', type: 'int' as const },
  { name: 'since', type: 'duration' as const },
  { name: 'since-time', type: 'string' as const },
  { name: 'timestamps', type: 'bool' as const },
  { name: 'limit-bytes', type: 'int' as const },
  { name: 'prefix', type: 'bool' as const },
  { name: 'max-log-requests', type: 'int' as const },
  { name: 'ignore-errors', type: 'bool' as const },
  { name: 'pod-running-timeout', type: 'duration' as const },
  { name: 'insecure-skip-tls-verify-backend', type: 'bool' as const },
  SELECTOR_FLAG,
];

export interface LogRequest {
  readonly pod: Typed<Pod>;
  readonly container: string;
  /** `[pod/name/container] ` with --prefix. */
  readonly prefix: string;
}

/** Resolves which pod/container streams a logs command reads. */
export function logRequests(ctx: KubectlContext, flags: Flags, path: string): LogRequest[] {
  const selector = flags.string('selector');
  const args = flags.args;
  if (selector && args.length > 0) fail('only one of -l or POD may be specified');
  if (!selector && args.length === 0) fail(`expected POD or TYPE/NAME is a required argument for the logs command\nSee '${path} -h' for help and examples`);
  if (args.length > 2) fail(`expected POD or TYPE/NAME is a required argument for the logs command\nSee '${path} -h' for help and examples`);
  let pods: Typed<Pod>[];
  if (selector) {
    const listed = listObjects(ctx, resolveResourceType('pods'), { namespace: ctx.namespace, labelSelector: selector });
    if (listed instanceof ApiError) fail(serverErrorText(listed).replace(/\n$/, ''));
    pods = listed as Typed<Pod>[];
    const max = flags.int('max-log-requests', 5);
    if (pods.length > max && flags.bool('follow')) fail(`you are attempting to follow ${pods.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
  } else {
    pods = [attachablePod(ctx, args[0])];
  }
  const containerFlag = flags.string('container') || (args.length === 2 ? args[1] : '');
  const prefix = flags.bool('prefix') || (selector !== '' && pods.length > 1) ? true : false;
  const requests: LogRequest[] = [];
  for (const pod of pods) {
    const names = flags.bool('all-containers')
      ? [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name)
      : [selector ? containerFlag || (pod.spec?.containers?.[0]?.name ?? '') : chooseContainer(ctx, pod, containerFlag, false)];
    for (const container of names) requests.push({ pod, container, prefix: prefix ? `[pod/${pod.metadata.name}/${container}] ` : '' });
  }
  return requests;
}

/** Reads one container's log through the kubelet; errors are kubectl's texts. */
export function readLog(ctx: KubectlContext, request: LogRequest, flags: Flags, tailDefault: number): { text: string } | { error: string } {
  const pod = request.pod;
  if (!pod.spec?.nodeName) return { text: '' }; // unscheduled: the apiserver returns an empty stream
  const kubelet = kubeletOf(ctx.sim);
  if (!kubelet) return { error: 'error: Podlab is running without a kubelet, so no container has produced logs\n' };
  const since = flags.string('since');
  const tail = flags.changed('tail') ? flags.int('tail', -1) : tailDefault;
  const result = kubelet.logs(pod.metadata.namespace ?? 'default', pod.metadata.name, {
    container: request.container,
    previous: flags.bool('previous'),
    tailLines: tail >= 0 ? tail : undefined,
    timestamps: flags.bool('timestamps'),
    sinceSeconds: since ? Math.ceil((parseGoDuration(since) ?? 0) / 1000) : undefined,
    limitBytes: flags.changed('limit-bytes') ? flags.int('limit-bytes', 0) : undefined,
  });
  if (!result.ok) return { error: serverErrorText(new ApiError(result.reason, result.message)) };
  const text = request.prefix ? result.value.replace(/^(?=.)/gm, request.prefix) : result.value;
  return { text };
}

function containerId(ctx: KubectlContext, request: LogRequest): string | undefined {
  const pod = ctx.sim.store.get<Pod>('Pod', request.pod.metadata.namespace, request.pod.metadata.name);
  if (!pod || pod.metadata.uid !== request.pod.metadata.uid) return undefined;
  const status = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((s) => s.name === request.container);
  return status?.state?.running ? status.containerID : undefined;
}

function runLogs(ctx: KubectlContext, flags: Flags, path: string): void {
  const requests = logRequests(ctx, flags, path);
  const tailDefault = flags.string('selector') ? 10 : -1;
  const followed: { request: LogRequest; printed: string; id: string | undefined }[] = [];
  for (const request of requests) {
    const read = readLog(ctx, request, flags, tailDefault);
    if ('error' in read) {
      if (flags.bool('ignore-errors')) continue;
      ctx.failed(read.error);
      return;
    }
    ctx.out(read.text);
    followed.push({ request, printed: fullLog(ctx, request, flags), id: containerId(ctx, request) });
  }
  if (!flags.bool('follow') || flags.bool('previous') || !ctx.streaming) return;
  // -f: keep reading the container that was running; the stream ends when it stops.
  ctx.stream = {
    poll: () => {
      let out = '';
      let done = true;
      for (const f of followed) {
        if (f.id === undefined) continue;
        const stillRunning = containerId(ctx, f.request) === f.id;
        const text = stillRunning ? fullLog(ctx, f.request, flags) : fullLog(ctx, f.request, flags, true);
        if (text.startsWith(f.printed)) out += text.slice(f.printed.length);
        f.printed = text;
        if (stillRunning) done = false;
        else f.id = undefined;
      }
      return { stdout: out, stderr: '', done };
    },
    stop: () => undefined,
  };
}

/** The whole log of the followed container (or its previous instance once it stopped), with --prefix/--timestamps applied. */
function fullLog(ctx: KubectlContext, request: LogRequest, flags: Flags, previous = false): string {
  const kubelet = kubeletOf(ctx.sim);
  if (!kubelet) return '';
  const result = kubelet.logs(request.pod.metadata.namespace ?? 'default', request.pod.metadata.name, { container: request.container, previous, timestamps: flags.bool('timestamps') });
  if (!result.ok) return '';
  return request.prefix ? result.value.replace(/^(?=.)/gm, request.prefix) : result.value;
}

export const logsCommand: Command = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  use: 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]',
  flags: LOGS_FLAGS,
  run: runLogs,
};
