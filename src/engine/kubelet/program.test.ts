import { describe, expect, it } from 'vitest';
import type { Container } from '../api/types';
import { resolveImage } from '../images/catalog';
import { compileProgram, compileProgramPooled, isPooled, nextChangeAfterMs, programShell, effectiveArgv, expandK8sVars, fileAt, firstExceed, grpcCheck, httpGet, listensOn, memoryAt, parseStressBytes, cpuDemandAt } from './program';
import { parseSleep, runScript, type ShellContext } from './shell';
import { behaviourOverrides } from './annotations';

const MiB = 1024 * 1024;
const compile = (container: Partial<Container> & { image: string }, annotations?: Record<string, string>) =>
  compileProgram({ image: resolveImage(container.image), container: { name: 'c', ...container }, podName: 'pod-1', annotations, formatDate: () => 'Thu Jan  1 00:00:00 UTC 2026' });

const busyboxShell: ShellContext = {
  env: { PATH: '/bin' }, hostname: 'pod-1', files: {}, hasCommand: (n) => ['sleep', 'echo', 'touch', 'rm', 'cat', 'date', 'true', 'false'].includes(n.replace(/.*\//, '')),
  isProgram: () => false, flavor: 'busybox', formatDate: () => 'Thu Jan  1 00:00:00 UTC 2026',
};

describe('shell interpreter', () => {
  it('plays the docs\' exec-probe script in virtual time', () => {
    const r = runScript('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600', busyboxShell);
    expect(r.files).toEqual([{ atMs: 0, path: '/tmp/healthy', content: '' }, { atMs: 30_000, path: '/tmp/healthy', content: null }]);
    expect(r.exitAtMs).toBe(630_000);
    expect(r.exitCode).toBe(0);
  });

  it('exits with the code of `exit N` and of the last command', () => {
    expect(runScript('exit 3', busyboxShell)).toMatchObject({ exitAtMs: 0, exitCode: 3 });
    expect(runScript('echo hi; false', busyboxShell)).toMatchObject({ exitCode: 1 });
    expect(runScript('false || exit 7', busyboxShell)).toMatchObject({ exitCode: 7 });
    expect(runScript('true && exit 4; exit 9', busyboxShell)).toMatchObject({ exitCode: 4 });
  });

  it('prints echo output and reports unknown commands like busybox sh', () => {
    const r = runScript('echo "Hello Kubernetes!" && frobnicate', busyboxShell);
    expect(r.lines).toEqual([{ atMs: 0, stream: 'stdout', text: 'Hello Kubernetes!' }, { atMs: 0, stream: 'stderr', text: 'sh: frobnicate: not found' }]);
    expect(r.exitCode).toBe(127);
  });

  it('turns `while true` loops into periodic output that never ends', () => {
    const r = runScript('while true; do echo "$(date) tick"; sleep 5; done', busyboxShell);
    expect(r.exitAtMs).toBeUndefined();
    expect(r.periodic).toEqual({ startMs: 0, periodMs: 5000, lines: [{ offsetMs: 0, stream: 'stdout', text: 'Thu Jan  1 00:00:00 UTC 2026 tick' }] });
  });

  it('burns a core for dd from /dev/zero and for busy loops', () => {
    const dd = runScript('dd if=/dev/zero of=/dev/null', busyboxShell);
    expect(dd.cpuBurnFromMs).toBe(0);
    expect(dd.exitAtMs).toBeUndefined();
    expect(runScript('sleep 2; while :; do :; done', busyboxShell)).toMatchObject({ cpuBurnFromMs: 2000 });
  });

  it('handles redirects, variables, for loops and tests', () => {
    const r = runScript('N=3; for i in 1 2; do echo "$i of $N" >> /tmp/out; done; [ -f /tmp/out ] && cat /tmp/out', busyboxShell);
    expect(r.lines.map((l) => l.text)).toEqual(['1 of 3', '2 of 3']);
  });

  it('parses sleep durations like busybox', () => {
    expect(parseSleep('5')).toBe(5000);
    expect(parseSleep('1.5')).toBe(1500);
    expect(parseSleep('2m')).toBe(120_000);
    expect(parseSleep('infinity')).toBe(Infinity);
    expect(parseSleep('abc')).toBeUndefined();
  });
});

describe('program: ENTRYPOINT/CMD and $(VAR) semantics', () => {
  it('lets command replace ENTRYPOINT and CMD, args replace CMD only', () => {
    const nginx = resolveImage('nginx').entry;
    expect(effectiveArgv(nginx, { name: 'c' }, {})).toEqual(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
    expect(effectiveArgv(nginx, { name: 'c', command: ['sleep', '3600'] }, {})).toEqual(['sleep', '3600']);
    expect(effectiveArgv(nginx, { name: 'c', args: ['nginx-debug', '-g', 'daemon off;'] }, {})).toEqual(['/docker-entrypoint.sh', 'nginx-debug', '-g', 'daemon off;']);
  });

  it('expands $(VAR) from the container env and keeps $$ as $', () => {
    expect(expandK8sVars('echo $(GREETING) $$(HOME) $(MISSING)', { GREETING: 'hi' })).toBe('echo hi $(HOME) $(MISSING)');
  });
});

describe('program: images behave like their images', () => {
  it('nginx serves / with 200, unknown paths with 404, on port 80', () => {
    const p = compile({ image: 'nginx' });
    expect(httpGet(p, 80, '/', 1000)).toEqual({ kind: 'response', status: 200, bytes: 615 });
    expect(httpGet(p, 80, '/health', 1000)).toEqual({ kind: 'response', status: 404, bytes: 153 });
    expect(httpGet(p, 8080, '/', 1000)).toEqual({ kind: 'refused' });
    expect(p.exitAtMs).toBeUndefined();
    expect(p.stop).toMatchObject({ signal: 3, exitCode: 0 });
  });

  it('nginx with `command: [sleep, 3600]` is just sleep: no server, exits 0 after an hour, ignores SIGTERM', () => {
    const p = compile({ image: 'nginx', command: ['sleep', '3600'] });
    expect(listensOn(p, 80, 1000)).toBeUndefined();
    expect(p.exitAtMs).toBe(3_600_000);
    expect(p.stop.exitsAfterMs).toBeNull();
  });

  it('nginx without "daemon off;" forks into the background and the container completes', () => {
    expect(compile({ image: 'nginx', command: ['nginx'] })).toMatchObject({ exitCode: 0 });
    expect(compile({ image: 'nginx', command: ['nginx'] }).exitAtMs).toBeDefined();
  });

  it('busybox runs its command; with none, sh has nothing to read and exits 0', () => {
    expect(compile({ image: 'busybox' })).toMatchObject({ exitAtMs: 0, exitCode: 0 });
    expect(compile({ image: 'busybox', command: ['sh', '-c', 'exit 3'] })).toMatchObject({ exitAtMs: 0, exitCode: 3 });
    expect(compile({ image: 'busybox', command: ['sleep', '5'] })).toMatchObject({ exitAtMs: 5000, exitCode: 0 });
    expect(compile({ image: 'busybox', command: ['nosuchcmd'] }).startError).toContain('exec: "nosuchcmd": executable file not found in $PATH');
  });

  it('busybox dd burns CPU that a limit throttles (the demand stays 1000m)', () => {
    const p = compile({ image: 'busybox', command: ['dd', 'if=/dev/zero', 'of=/dev/null'] });
    expect(cpuDemandAt(p, 5000)).toBe(1000);
    expect(p.exitAtMs).toBeUndefined();
  });

  it('the docs\' exec probe file exists for 30 s', () => {
    const p = compile({ image: 'busybox', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] });
    expect(fileAt(p, '/tmp/healthy', 29_999)).toBe('');
    expect(fileAt(p, '/tmp/healthy', 30_000)).toBeUndefined();
  });

  it('polinux/stress --vm-bytes 500M allocates 500 MiB and crosses a 300Mi limit quickly', () => {
    const p = compile({ image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '500M', '--vm-hang', '1'] });
    expect(p.lines[0].text).toBe('stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd');
    expect(memoryAt(p.memory, 60_000)).toBe(500 * MiB + 700 * 1024);
    const oom = firstExceed(p.memory, 300 * MiB)!;
    expect(oom).toBeGreaterThan(0);
    expect(memoryAt(p.memory, oom)).toBeGreaterThan(300 * MiB);
    expect(memoryAt(p.memory, oom - 1)).toBeLessThanOrEqual(300 * MiB);
    expect(firstExceed(p.memory, 600 * MiB)).toBeUndefined();
    expect(parseStressBytes('150M')).toBe(150 * MiB);
    expect(parseStressBytes('1g')).toBe(1024 * MiB);
  });

  it('stress --cpu 2 --timeout 60s burns two cores and ends after a minute', () => {
    const p = compile({ image: 'polinux/stress', command: ['stress', '--cpu', '2', '--timeout', '60s'] });
    expect(cpuDemandAt(p, 1000)).toBe(2000);
    expect(p.exitAtMs).toBe(60_000);
    expect(p.lines.map((l) => l.text)).toContain('stress: info: [1] successful run completed in 60s');
  });

  it('the liveness image answers /healthz 200 for 10 s, then 500', () => {
    const p = compile({ image: 'k8s.gcr.io/liveness', args: ['/server'] });
    const start = p.server!.listenFromMs;
    expect(httpGet(p, 8080, '/healthz', start + 9_999)).toMatchObject({ status: 200 });
    expect(httpGet(p, 8080, '/healthz', start + 10_000)).toMatchObject({ status: 500 });
    const agn = compile({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.40', args: ['liveness'] });
    expect(httpGet(agn, 8080, '/healthz', agn.server!.listenFromMs + 11_000)).toMatchObject({ status: 500 });
  });

  it('unknown images listen on their declared ports: / is 200, the rest 404', () => {
    const p = compile({ image: 'khk9346/my-own-app:v1', ports: [{ containerPort: 3000 }] });
    expect(httpGet(p, 3000, '/', 1000)).toMatchObject({ status: 200 });
    expect(httpGet(p, 3000, '/missing', 1000)).toMatchObject({ status: 404 });
    expect(httpGet(p, 3000, '/', 100)).toEqual({ kind: 'refused' });
  });

  it('hello-app listens on $PORT', () => {
    const p = compile({ image: 'gcr.io/google-samples/hello-app:1.0', env: [{ name: 'PORT', value: '9000' }] });
    expect(listensOn(p, 9000, 100)).toBe('http');
    expect(listensOn(p, 8080, 100)).toBeUndefined();
  });
});

describe('behaviour annotations', () => {
  it('model memory growth to an OOM, readiness delay, failing health, exits and CPU', () => {
    const p = compile({ image: 'myorg/api:1.0', ports: [{ containerPort: 8080 }] }, {
      'podlab.dev/memory': '50Mi', 'podlab.dev/memory-growth': '10Mi/s', 'podlab.dev/ready-after-seconds': '20',
      'podlab.dev/health-fails-after-seconds': '60', 'podlab.dev/cpu': '250m', 'podlab.dev/exit-after-seconds': '300', 'podlab.dev/exit-code': '2',
    });
    const listen = p.server!.listenFromMs;
    expect(memoryAt(p.memory, listen)).toBe(50 * MiB);
    expect(memoryAt(p.memory, listen + 10_000)).toBe(150 * MiB);
    expect(firstExceed(p.memory, 100 * MiB)).toBe(listen + 5_000 + 1);
    expect(httpGet(p, 8080, '/', 19_999)).toMatchObject({ status: 503 });
    expect(httpGet(p, 8080, '/', 20_000)).toMatchObject({ status: 200 });
    expect(httpGet(p, 8080, '/healthz', 59_999)).toMatchObject({ status: 200 });
    expect(httpGet(p, 8080, '/healthz', 60_000)).toMatchObject({ status: 500 });
    expect(grpcCheck(p, 8080, 60_000)).toBe('NOT_SERVING');
    expect(cpuDemandAt(p, 1000)).toBe(250);
    expect(p).toMatchObject({ exitAtMs: 300_000, exitCode: 2 });
  });

  it('caps growth at the plateau and targets one container with a suffix', () => {
    const annotations = { 'podlab.dev/memory-growth': '1Mi', 'podlab.dev/memory-plateau': '64Mi', 'podlab.dev/startup-seconds.web': '12' };
    const web = compile({ name: 'web', image: 'nginx' } as Container & { image: string }, annotations);
    expect(web.server!.listenFromMs).toBe(12_000);
    expect(memoryAt(web.memory, 10_000_000)).toBe(64 * MiB);
    expect(firstExceed(web.memory, 64 * MiB)).toBeUndefined();
    const other = compile({ image: 'nginx' }, annotations);
    expect(other.server!.listenFromMs).toBe(60);
  });

  it('reports values it cannot read', () => {
    expect(behaviourOverrides({ 'podlab.dev/memory': 'lots' }, 'c').problems).toEqual(['podlab.dev/memory: cannot read "lots" (example: "64Mi")']);
  });

  it('can make an app ignore SIGTERM or take time to stop', () => {
    expect(compile({ image: 'nginx' }, { 'podlab.dev/ignore-sigterm': 'true' }).stop.exitsAfterMs).toBeNull();
    expect(compile({ image: 'nginx' }, { 'podlab.dev/shutdown-seconds': '45' }).stop.exitsAfterMs).toBe(45_000);
  });
});

/** What the kubelet sees of a pooled program: the shared data, with the pod's own env and shell. */
function compileProgramShared(cache: Map<string, ReturnType<typeof compileProgram> | null>, input: Parameters<typeof compileProgram>[0]): ReturnType<typeof compileProgram> {
  const p = compileProgramPooled(cache, input);
  if (!isPooled(p)) return p;
  const shell = programShell(p, input.podName, input.formatDate);
  return { ...p, env: shell.env, shell };
}

describe('shared programs', () => {
  const shared = (cache: Map<string, ReturnType<typeof compileProgram> | null>, podName: string, container: Partial<Container> & { image: string }, annotations?: Record<string, string>) =>
    compileProgramShared(cache, { image: resolveImage(container.image), container: { name: 'c', ...container }, podName, annotations, formatDate: () => `date of ${podName}` });
  const strip = (p: ReturnType<typeof compileProgram>) => JSON.stringify({ ...p, shell: { ...p.shell, formatDate: undefined, hasCommand: undefined, isProgram: undefined } });

  it('equal what compileProgram gives, sharing the data between pods', () => {
    const cache = new Map();
    const a = shared(cache, 'web-1', { image: 'nginx:1.27' }, { 'podlab.dev/health-fails-after-seconds': '60' });
    const b = shared(cache, 'web-2', { image: 'nginx:1.27' }, { 'podlab.dev/health-fails-after-seconds': '60' });
    expect(a.lines).toBe(b.lines);
    expect(a.env.HOSTNAME).toBe('web-1');
    expect(b.shell.hostname).toBe('web-2');
    for (const [p, name] of [[a, 'web-1'], [b, 'web-2']] as const) {
      expect(strip(p)).toBe(strip(compileProgram({ image: resolveImage('nginx:1.27'), container: { name: 'c' }, podName: name, annotations: { 'podlab.dev/health-fails-after-seconds': '60' }, formatDate: () => '' })));
    }
  });

  it('compile a program on its own when its output depends on the pod name or the clock', () => {
    const cache = new Map();
    const host = shared(cache, 'one', { image: 'busybox', command: ['sh', '-c', 'echo $HOSTNAME; sleep 3600'] });
    expect(shared(cache, 'two', { image: 'busybox', command: ['sh', '-c', 'echo $HOSTNAME; sleep 3600'] }).lines.map((l) => l.text)).toEqual(['two']);
    expect(host.lines.map((l) => l.text)).toEqual(['one']);
    expect(shared(cache, 'two', { image: 'busybox', command: ['sh', '-c', 'date; sleep 3600'] }).lines.map((l) => l.text)).toEqual(['date of two']);
  });

  it('pooled: one program object for every pod, the shell of a pod built on demand', () => {
    const cache = new Map();
    const input = (podName: string) => ({ image: resolveImage('busybox'), container: { name: 'c', image: 'busybox', command: ['sleep', '3600'], env: [{ name: 'A', value: '1' }] }, podName, formatDate: () => `date of ${podName}` });
    const a = compileProgramPooled(cache, input('web-1'));
    expect(compileProgramPooled(cache, input('web-2'))).toBe(a);
    expect(isPooled(a)).toBe(true);
    const shell = programShell(a, 'web-2', () => 'now');
    const own = compileProgramShared(new Map(), input('web-2'));
    expect(shell.env).toEqual(own.env);
    expect(shell.hostname).toBe('web-2');
    expect(shell.formatDate(0)).toBe('now');
    // A program compiled on its own keeps its shell.
    const dated = compileProgramPooled(cache, { ...input('web-3'), container: { name: 'c', image: 'busybox', command: ['sh', '-c', 'date; sleep 3600'] } });
    expect(isPooled(dated)).toBe(false);
    expect(programShell(dated, 'web-3')).toBe(dated.shell);
  });

  it('nextChangeAfterMs: the next moment a probe could see something else', () => {
    const p = compile({ image: 'nginx:1.27' }, { 'podlab.dev/ready-after-seconds': '15', 'podlab.dev/health-fails-after-seconds': '60' });
    expect(nextChangeAfterMs(p, 0)).toBe(p.server!.listenFromMs);
    expect(nextChangeAfterMs(p, p.server!.listenFromMs)).toBe(15_000);
    expect(nextChangeAfterMs(p, 15_000)).toBe(60_000);
    expect(nextChangeAfterMs(p, 60_000)).toBe(Infinity);
    const liveness = compile({ image: 'registry.k8s.io/liveness', args: ['/server'] });
    expect(nextChangeAfterMs(liveness, 1_000)).toBe(liveness.server!.listenFromMs + 10_000);
  });
});
