/**
 * The images Podlab knows, as data: what each one runs, listens on, answers, logs, uses and does on
 * SIGTERM. The kubelet interprets these entries (kubelet/program.ts); nothing here decides an
 * outcome on its own: a probe fails or a container is OOMKilled because of how these behaviours
 * meet the pod spec and the kubelet's rules. Unknown images get DEFAULT_IMAGE.
 */
import { internMade } from '../util/intern';
import { familiarName, parseImageReference, type ImageReference } from './reference';

/** A log line template. Placeholders: ${ts:go|clf|redis|apache|iso}, ${client}, ${path}, ${status},
 * ${bytes}, ${ua}, ${hostname}, ${podIP}, ${port}, ${version}, ${worker}, ${conn}, ${epoch}, ${signal}. */
export interface LogLine {
  readonly text: string;
  readonly stream?: 'stdout' | 'stderr';
  /** Printed once per worker process (nginx starts one per CPU). */
  readonly perWorker?: boolean;
}

export interface HttpRoute {
  /** Exact path, or a prefix ending in `*`. */
  readonly path: string;
  readonly status: number;
  readonly bytes: number;
  /** Only from this many ms after the process started (e.g. the liveness image's /healthz turns 500 at 10 s). */
  readonly fromMs?: number;
  readonly untilMs?: number;
}

export interface ServerSpec {
  /** Ports it listens on; 'declared' uses the container's `ports`; a number list is fixed by the image. */
  readonly ports: readonly number[] | 'declared';
  /** Environment variable that moves the port (hello-app's PORT). */
  readonly portEnv?: string;
  readonly protocol: 'http' | 'tcp';
  readonly routes: readonly HttpRoute[];
  readonly fallback: { readonly status: number; readonly bytes: number };
  /** Answers the gRPC health protocol with SERVING. */
  readonly grpcHealth?: boolean;
  readonly startupMs: number;
  readonly memoryBytes: number;
  readonly cpuMilli: number;
  readonly logs: {
    readonly start: readonly LogLine[];
    readonly request?: readonly LogLine[];
    /** Extra lines for responses with status ≥ 400 (nginx's error log). */
    readonly requestError?: readonly LogLine[];
    readonly stop?: readonly LogLine[];
  };
  /** Without one of these arguments the binary daemonizes and PID 1 exits 0 at once (`nginx` without `daemon off;`). */
  readonly foregroundArgs?: readonly string[];
}

export type BinarySpec =
  /** sh/bash/ash: runs `-c` scripts; with nothing to read it exits 0. */
  | { readonly program: 'shell' }
  /** A command the shell interpreter knows (sleep, dd, echo, yes, tail …) run as PID 1. */
  | { readonly program: 'command' }
  | { readonly program: 'server'; readonly server: ServerSpec }
  | { readonly program: 'stress' }
  /** agnhost: the subcommand (liveness, netexec, serve-hostname, pause) picks a server. */
  | { readonly program: 'agnhost' }
  /** An entrypoint script that prints lines and then runs its arguments (nginx's /docker-entrypoint.sh). */
  | { readonly program: 'wrapper'; readonly logs: readonly LogLine[]; readonly onlyFor?: readonly string[] };

export interface StopSpec {
  /** STOPSIGNAL of the image: 15 SIGTERM, 3 SIGQUIT. */
  readonly signal: number;
  /** ms until the process exits after the signal; null: it ignores the signal (PID 1 without a handler). */
  readonly exitsAfterMs: number | null;
  readonly exitCode: number;
}

export interface ImageEntry {
  readonly name: string;
  readonly repositories: readonly string[];
  /** Tags that exist in the registry; anything else fails to pull (`not found`). */
  readonly tags: RegExp;
  readonly sizeBytes: number;
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  /** Executables by base name; `*` matches any other name (unknown images). */
  readonly binaries: Readonly<Record<string, BinarySpec>>;
  /** Which shell utilities exist: busybox applets, GNU coreutils, or none (distroless). */
  readonly userland: 'busybox' | 'gnu' | 'none';
  readonly stop: StopSpec;
  readonly env: Readonly<Record<string, string>>;
  readonly files: Readonly<Record<string, string>>;
  /** Version string for `${version}`, by tag; `default` for floating tags. */
  readonly versions?: { readonly default: string; readonly fromTag?: boolean };
  readonly description: string;
}

const MiB = 1024 * 1024;
const PATH_ENV = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const SIGTERM_PID1_IGNORED: StopSpec = { signal: 15, exitsAfterMs: null, exitCode: 137 };

const HELLO_HTML = 615;
const NGINX_404 = 153;

const nginxServer: ServerSpec = {
  ports: [80],
  protocol: 'http',
  routes: [
    { path: '/', status: 200, bytes: HELLO_HTML },
    { path: '/index.html', status: 200, bytes: HELLO_HTML },
    { path: '/50x.html', status: 200, bytes: 497 },
  ],
  fallback: { status: 404, bytes: NGINX_404 },
  startupMs: 60,
  memoryBytes: 9 * MiB,
  cpuMilli: 0,
  foregroundArgs: ['daemon off;'],
  logs: {
    start: [
      { text: '${ts:go} [notice] 1#1: using the "epoll" event method', stream: 'stderr' },
      { text: '${ts:go} [notice] 1#1: nginx/${version}', stream: 'stderr' },
      { text: '${ts:go} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ', stream: 'stderr' },
      { text: '${ts:go} [notice] 1#1: OS: Linux 6.8.0-podlab', stream: 'stderr' },
      { text: '${ts:go} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576', stream: 'stderr' },
      { text: '${ts:go} [notice] 1#1: start worker processes', stream: 'stderr' },
      { text: '${ts:go} [notice] 1#1: start worker process ${worker}', stream: 'stderr', perWorker: true },
    ],
    request: [{ text: '${client} - - [${ts:clf}] "GET ${path} HTTP/1.1" ${status} ${bytes} "-" "${ua}" "-"' }],
    requestError: [{ text: '${ts:go} [error] ${worker}#${worker}: *${conn} open() "/usr/share/nginx/html${path}" failed (2: No such file or directory), client: ${client}, server: localhost, request: "GET ${path} HTTP/1.1", host: "${podIP}:${port}"', stream: 'stderr' }],
    stop: [
      { text: '${ts:go} [notice] 1#1: signal ${signal} (SIGQUIT) received, shutting down', stream: 'stderr' },
      { text: '${ts:go} [notice] ${worker}#${worker}: gracefully shutting down', stream: 'stderr', perWorker: true },
      { text: '${ts:go} [notice] ${worker}#${worker}: exiting', stream: 'stderr', perWorker: true },
      { text: '${ts:go} [notice] ${worker}#${worker}: exit', stream: 'stderr', perWorker: true },
      { text: '${ts:go} [notice] 1#1: signal 17 (SIGCHLD) received from ${worker}', stream: 'stderr', perWorker: true },
      { text: '${ts:go} [notice] 1#1: worker process ${worker} exited with code 0', stream: 'stderr', perWorker: true },
      { text: '${ts:go} [notice] 1#1: exit', stream: 'stderr' },
    ],
  },
};

const nginxEntrypoint: BinarySpec = {
  program: 'wrapper',
  onlyFor: ['nginx', 'nginx-debug'],
  logs: [
    { text: '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration' },
    { text: '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/' },
    { text: '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh' },
    { text: '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf' },
    { text: '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf' },
    { text: '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh' },
    { text: '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh' },
    { text: '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh' },
    { text: '/docker-entrypoint.sh: Configuration complete; ready for start up' },
  ],
};

/** The liveness test server (test/images/agnhost/liveness, formerly k8s.gcr.io/liveness): /healthz is 200 for 10 s, then 500. */
const livenessServer: ServerSpec = {
  ports: [8080],
  protocol: 'http',
  routes: [
    { path: '/healthz', status: 200, bytes: 2, untilMs: 10_000 },
    { path: '/healthz', status: 500, bytes: 16, fromMs: 10_000 },
    { path: '/started', status: 200, bytes: 2 },
  ],
  fallback: { status: 404, bytes: 19 },
  startupMs: 20,
  memoryBytes: 2 * MiB,
  cpuMilli: 0,
  logs: { start: [] },
};

const goServerStop: StopSpec = { signal: 15, exitsAfterMs: 0, exitCode: 2 };

const apacheLogs = (server: string): ServerSpec['logs'] => ({
  start: [
    { text: "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${podIP}. Set the 'ServerName' directive globally to suppress this message", stream: 'stderr' },
    { text: "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${podIP}. Set the 'ServerName' directive globally to suppress this message", stream: 'stderr' },
    { text: `[\${ts:apache}] [mpm_prefork:notice] [pid 1] AH00163: ${server} configured -- resuming normal operations`, stream: 'stderr' },
    { text: "[${ts:apache}] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'", stream: 'stderr' },
  ],
  request: [{ text: '${client} - - [${ts:clf}] "GET ${path} HTTP/1.1" ${status} ${bytes} "-" "${ua}"' }],
  stop: [{ text: '[${ts:apache}] [mpm_prefork:notice] [pid 1] AH00170: caught SIGWINCH, shutting down gracefully', stream: 'stderr' }],
});

/** busybox applets the shell interpreter treats as known commands (anything else is `not found`). */
export const BUSYBOX_APPLETS: ReadonlySet<string> = new Set((
  'ash awk base64 basename cat chgrp chmod chown clear cp cut date dd df diff dirname dmesg du echo egrep env expr false ' +
  'fgrep find free grep gunzip gzip head hexdump hostname httpd id ifconfig ip kill killall less ln ls md5sum mkdir mktemp ' +
  'more mount mv nc netstat nslookup od ping printenv printf ps pwd readlink realpath rm rmdir sed seq sh sha256sum sleep sort ' +
  'stat stty sync tail tar tee telnet test timeout top touch tr traceroute true tty uname uniq unzip uptime usleep vi watch wc ' +
  'wget which whoami xargs yes [ [[ : . exit export set unset cd echo read source'
).split(' '));

export const GNU_USERLAND: ReadonlySet<string> = new Set((
  'bash sh dash cat chmod chown cp cut date dd df dirname du echo env expr false find grep head hostname id kill ln ls ' +
  'mkdir mktemp mv nproc printenv printf ps pwd readlink rm rmdir sed seq sleep sort stat tail tar tee test timeout touch tr ' +
  'true uname uniq wc whoami xargs yes [ : . exit export set unset cd read source apt apt-get curl'
).split(' '));

export const IMAGES: readonly ImageEntry[] = [
  {
    name: 'nginx',
    repositories: ['docker.io/library/nginx'],
    tags: /^(latest|stable|mainline|alpine|alpine-slim|alpine-perl|perl|bookworm|trixie|(stable|mainline)-(alpine|alpine-slim|perl|bookworm)|1(\.(1\d|2\d|[0-9]))?(\.\d)?(-(alpine|alpine-slim|alpine-perl|perl|bookworm))?)$/,
    sizeBytes: 72_404_038,
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    binaries: { 'docker-entrypoint.sh': nginxEntrypoint, nginx: { program: 'server', server: nginxServer }, 'nginx-debug': { program: 'server', server: nginxServer }, sh: { program: 'shell' }, bash: { program: 'shell' } },
    userland: 'gnu',
    stop: { signal: 3, exitsAfterMs: 40, exitCode: 0 },
    env: { PATH: PATH_ENV, NGINX_VERSION: '${version}', NJS_VERSION: '0.8.10', PKG_RELEASE: '1~bookworm' },
    files: {
      '/etc/nginx/conf.d/default.conf': 'server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n\n    error_page   500 502 503 504  /50x.html;\n    location = /50x.html {\n        root   /usr/share/nginx/html;\n    }\n}\n',
      '/usr/share/nginx/html/index.html': '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n</body>\n</html>\n',
    },
    versions: { default: '1.29.1', fromTag: true },
    description: 'nginx web server: listens on 80, serves / with 200 and unknown paths with 404, logs every request; exits cleanly on SIGQUIT (its STOPSIGNAL).',
  },
  {
    name: 'busybox',
    repositories: ['docker.io/library/busybox'],
    tags: /^(latest|stable|unstable|musl|glibc|uclibc|1\.(2\d|3[0-7])(\.\d)?(-(musl|glibc|uclibc))?|(stable|unstable)-(musl|glibc|uclibc))$/,
    sizeBytes: 2_156_472,
    entrypoint: [],
    cmd: ['sh'],
    binaries: { sh: { program: 'shell' }, ash: { program: 'shell' } },
    userland: 'busybox',
    stop: SIGTERM_PID1_IGNORED,
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    files: {},
    description: 'busybox: runs its command/args with a small shell (sleep, echo, touch, rm, dd, exit …). PID 1 ignores SIGTERM, so deletion waits the grace period and ends with 137.',
  },
  {
    name: 'alpine',
    repositories: ['docker.io/library/alpine'],
    tags: /^(latest|edge|3(\.(1\d|2[0-3]|[0-9]))?(\.\d{1,2})?)$/,
    sizeBytes: 3_653_908,
    entrypoint: [],
    cmd: ['/bin/sh'],
    binaries: { sh: { program: 'shell' }, ash: { program: 'shell' } },
    userland: 'busybox',
    stop: SIGTERM_PID1_IGNORED,
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    files: { '/etc/alpine-release': '3.22.1\n' },
    description: 'alpine: like busybox (busybox userland, /bin/sh), a little larger.',
  },
  {
    name: 'ubuntu',
    repositories: ['docker.io/library/ubuntu', 'docker.io/library/debian'],
    tags: /^(latest|rolling|devel|jammy|noble|focal|bookworm|bullseye|trixie|stable|(bookworm|bullseye|trixie|stable)-slim|\d{1,2}(\.\d{1,2})?)$/,
    sizeBytes: 29_754_290,
    entrypoint: [],
    cmd: ['/bin/bash'],
    binaries: { bash: { program: 'shell' }, sh: { program: 'shell' }, dash: { program: 'shell' } },
    userland: 'gnu',
    stop: SIGTERM_PID1_IGNORED,
    env: { PATH: PATH_ENV },
    files: {},
    description: 'ubuntu / debian: bash and GNU coreutils; with no command, bash has nothing to read and exits 0.',
  },
  {
    name: 'stress',
    repositories: ['docker.io/polinux/stress', 'docker.io/progrium/stress', 'docker.io/containerstack/alpine-stress'],
    tags: /^(latest|1\.0\.4)$/,
    sizeBytes: 4_038_906,
    entrypoint: [],
    cmd: ['stress', '--help'],
    binaries: { stress: { program: 'stress' }, sh: { program: 'shell' } },
    userland: 'busybox',
    stop: SIGTERM_PID1_IGNORED,
    env: { PATH: PATH_ENV },
    files: {},
    description: 'stress: `--vm N --vm-bytes B` allocates N×B of memory (B in 1024-based units), `--cpu N` burns N cores, `--timeout T` ends the run.',
  },
  {
    name: 'liveness',
    repositories: ['registry.k8s.io/liveness', 'k8s.gcr.io/liveness', 'gcr.io/google_containers/liveness'],
    tags: /^(latest)$/,
    sizeBytes: 2_574_187,
    entrypoint: ['/server'],
    cmd: [],
    binaries: { server: { program: 'server', server: livenessServer } },
    userland: 'none',
    stop: goServerStop,
    env: { PATH: PATH_ENV },
    files: {},
    description: 'the Kubernetes docs\' liveness server: listens on 8080; /healthz answers 200 for the first 10 s, then 500.',
  },
  {
    name: 'agnhost',
    repositories: ['registry.k8s.io/e2e-test-images/agnhost', 'k8s.gcr.io/e2e-test-images/agnhost'],
    tags: /^2\.(\d|[1-5]\d)$/,
    sizeBytes: 51_362_344,
    entrypoint: ['/agnhost'],
    cmd: [],
    binaries: { agnhost: { program: 'agnhost' }, sh: { program: 'shell' } },
    userland: 'busybox',
    stop: goServerStop,
    env: { PATH: PATH_ENV },
    files: {},
    description: 'agnhost test image: `liveness` (/healthz 200 for 10 s, then 500, port 8080), `netexec` (HTTP 8080), `serve-hostname` (9376), `pause`.',
  },
  {
    name: 'echo',
    repositories: ['ghcr.io/subicura/echo'],
    tags: /^(latest|v1|v2|v3)$/,
    sizeBytes: 46_931_114,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['node', 'index.js'],
    binaries: {
      'docker-entrypoint.sh': { program: 'wrapper', logs: [] },
      node: { program: 'server', server: { ports: [3000], protocol: 'http', routes: [{ path: '/*', status: 200, bytes: 310 }], fallback: { status: 200, bytes: 310 }, startupMs: 400, memoryBytes: 38 * MiB, cpuMilli: 1, logs: { start: [] } } },
      sh: { program: 'shell' },
    },
    userland: 'busybox',
    stop: SIGTERM_PID1_IGNORED,
    env: { PATH: PATH_ENV, NODE_VERSION: '18.20.4' },
    files: {},
    description: 'subicura/echo (the Korean k8s guide): a Node.js echo server on port 3000 that answers every path with 200.',
  },
  {
    name: 'gb-frontend',
    repositories: ['gcr.io/google_samples/gb-frontend', 'gcr.io/google-samples/gb-frontend', 'us-docker.pkg.dev/google-samples/containers/gke/gb-frontend'],
    tags: /^v[3-6]$/,
    sizeBytes: 132_874_455,
    entrypoint: ['apache2-foreground'],
    cmd: [],
    binaries: {
      'apache2-foreground': { program: 'server', server: { ports: [80], protocol: 'http', routes: [{ path: '/', status: 200, bytes: 921 }, { path: '/index.html', status: 200, bytes: 921 }, { path: '/guestbook.php', status: 200, bytes: 27 }, { path: '/controllers.js', status: 200, bytes: 1086 }], fallback: { status: 404, bytes: 274 }, startupMs: 300, memoryBytes: 14 * MiB, cpuMilli: 1, logs: apacheLogs('Apache/2.4.10 (Debian) PHP/5.6.20') } },
      sh: { program: 'shell' }, bash: { program: 'shell' },
    },
    userland: 'gnu',
    stop: { signal: 28, exitsAfterMs: 300, exitCode: 0 },
    env: { PATH: PATH_ENV, GET_HOSTS_FROM: 'dns' },
    files: {},
    description: 'guestbook frontend (Apache + PHP) on port 80.',
  },
  {
    name: 'hello-app',
    repositories: ['gcr.io/google-samples/hello-app', 'us-docker.pkg.dev/google-samples/containers/gke/hello-app'],
    tags: /^[12]\.0$/,
    sizeBytes: 11_096_186,
    entrypoint: ['/hello-app'],
    cmd: [],
    binaries: {
      'hello-app': { program: 'server', server: { ports: [8080], portEnv: 'PORT', protocol: 'http', routes: [{ path: '/*', status: 200, bytes: 66 }], fallback: { status: 200, bytes: 66 }, startupMs: 10, memoryBytes: 3 * MiB, cpuMilli: 0, logs: { start: [{ text: '${ts:go} Server listening on port ${port}', stream: 'stderr' }], request: [{ text: '${ts:go} Serving request: ${path}', stream: 'stderr' }] } } },
    },
    userland: 'none',
    stop: goServerStop,
    env: { PATH: PATH_ENV },
    files: {},
    versions: { default: '1.0.0' },
    description: 'Google\'s hello-app: answers every path on 8080 (or $PORT) with "Hello, world!".',
  },
  {
    name: 'redis',
    repositories: ['docker.io/library/redis'],
    tags: /^(latest|alpine|bookworm|[5-8](\.\d)?(\.\d{1,2})?(-(alpine|bookworm))?)$/,
    sizeBytes: 45_124_876,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    binaries: {
      'docker-entrypoint.sh': { program: 'wrapper', logs: [] },
      'redis-server': { program: 'server', server: { ports: [6379], protocol: 'tcp', routes: [], fallback: { status: 0, bytes: 0 }, startupMs: 30, memoryBytes: 4 * MiB, cpuMilli: 2, logs: {
        start: [
          { text: '1:C ${ts:redis} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo' },
          { text: '1:C ${ts:redis} * Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started' },
          { text: '1:C ${ts:redis} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf' },
          { text: '1:M ${ts:redis} * monotonic clock: POSIX clock_gettime' },
          { text: '1:M ${ts:redis} * Running mode=standalone, port=6379.' },
          { text: '1:M ${ts:redis} * Server initialized' },
          { text: '1:M ${ts:redis} * Ready to accept connections tcp' },
        ],
        stop: [
          { text: '1:signal-handler (${epoch}) Received SIGTERM scheduling shutdown...' },
          { text: '1:M ${ts:redis} * User requested shutdown...' },
          { text: '1:M ${ts:redis} * Saving the final RDB snapshot before exiting.' },
          { text: '1:M ${ts:redis} * DB saved on disk' },
          { text: '1:M ${ts:redis} # Redis is now ready to exit, bye bye...' },
        ],
      } } },
      'redis-cli': { program: 'command' },
      sh: { program: 'shell' }, bash: { program: 'shell' },
    },
    userland: 'gnu',
    stop: { signal: 15, exitsAfterMs: 120, exitCode: 0 },
    env: { PATH: PATH_ENV, REDIS_VERSION: '${version}' },
    files: {},
    versions: { default: '8.2.1', fromTag: true },
    description: 'redis: TCP on 6379 (tcpSocket probes and `redis-cli ping` work; HTTP probes do not).',
  },
  {
    name: 'httpd',
    repositories: ['docker.io/library/httpd'],
    tags: /^(latest|alpine|2(\.4(\.\d{1,2})?)?(-alpine)?)$/,
    sizeBytes: 58_262_164,
    entrypoint: [],
    cmd: ['httpd-foreground'],
    binaries: { 'httpd-foreground': { program: 'server', server: { ports: [80], protocol: 'http', routes: [{ path: '/', status: 200, bytes: 45 }, { path: '/index.html', status: 200, bytes: 45 }], fallback: { status: 404, bytes: 196 }, startupMs: 200, memoryBytes: 8 * MiB, cpuMilli: 1, logs: apacheLogs('Apache/2.4.65 (Unix)') } }, sh: { program: 'shell' }, bash: { program: 'shell' } },
    userland: 'gnu',
    stop: { signal: 28, exitsAfterMs: 200, exitCode: 0 },
    env: { PATH: PATH_ENV },
    files: { '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n' },
    description: 'Apache httpd on port 80 ("It works!").',
  },
  {
    name: 'kubia',
    repositories: ['docker.io/luksa/kubia', 'docker.io/khk9346/kubia'],
    tags: /^(latest|v[1-3])$/,
    sizeBytes: 250_212_344,
    entrypoint: ['node', 'app.js'],
    cmd: [],
    binaries: { node: { program: 'server', server: { ports: [8080], protocol: 'http', routes: [{ path: '/*', status: 200, bytes: 32 }], fallback: { status: 200, bytes: 32 }, startupMs: 300, memoryBytes: 11 * MiB, cpuMilli: 0, logs: { start: [{ text: 'Kubia server starting...' }], request: [{ text: 'Received request from ::ffff:${client}' }] } } }, sh: { program: 'shell' }, bash: { program: 'shell' } },
    userland: 'gnu',
    stop: SIGTERM_PID1_IGNORED,
    env: { PATH: PATH_ENV, NODE_VERSION: '7.10.1' },
    files: {},
    description: 'kubia (Kubernetes in Action): Node.js on 8080 answering "You\'ve hit <pod name>". Node as PID 1 ignores SIGTERM.',
  },
  {
    name: 'pause',
    repositories: ['registry.k8s.io/pause', 'k8s.gcr.io/pause'],
    tags: /^(latest|3\.\d{1,2})$/,
    sizeBytes: 320_368,
    entrypoint: ['/pause'],
    cmd: [],
    binaries: { pause: { program: 'server', server: { ports: [], protocol: 'tcp', routes: [], fallback: { status: 0, bytes: 0 }, startupMs: 0, memoryBytes: 256 * 1024, cpuMilli: 0, logs: { start: [], stop: [{ text: 'Shutting down, got signal: Terminated', stream: 'stderr' }] } } } },
    userland: 'none',
    stop: { signal: 15, exitsAfterMs: 0, exitCode: 0 },
    env: { PATH: PATH_ENV },
    files: {},
    description: 'pause: sleeps until it is told to stop.',
  },
];

/** What an unknown image does: runs forever, listens on its declared ports, answers / with 200 and anything else with 404. */
export const DEFAULT_IMAGE: ImageEntry = {
  name: 'default',
  repositories: [],
  tags: /.*/,
  sizeBytes: 0,
  entrypoint: ['/app'],
  cmd: [],
  binaries: {
    '*': { program: 'server', server: { ports: 'declared', protocol: 'http', routes: [{ path: '/', status: 200, bytes: 120 }], fallback: { status: 404, bytes: 19 }, startupMs: 500, memoryBytes: 24 * MiB, cpuMilli: 1, logs: { start: [] } } },
    sh: { program: 'shell' }, bash: { program: 'shell' },
  },
  userland: 'busybox',
  stop: { signal: 15, exitsAfterMs: 100, exitCode: 143 },
  env: { PATH: PATH_ENV },
  files: {},
  description: 'An image Podlab does not know: a long-running app on its declared ports; / answers 200, other paths 404; modest CPU and memory.',
};

export type PullOutcome =
  | { readonly ok: true; readonly sizeBytes: number; readonly digest: string }
  | { readonly ok: false; readonly kind: 'invalid'; readonly message: string }
  | { readonly ok: false; readonly kind: 'not-found' | 'denied'; readonly message: string };

export interface ResolvedImage {
  readonly ref?: ImageReference;
  readonly entry: ImageEntry;
  readonly known: boolean;
  readonly pull: PullOutcome;
  /** `${version}` for log templates and env. */
  readonly version: string;
}

const byRepository = new Map<string, ImageEntry>();
for (const entry of IMAGES) for (const repo of entry.repositories) byRepository.set(repo, entry);
const libraryNames = [...byRepository.keys()].filter((r) => r.startsWith('docker.io/library/')).map((r) => r.slice('docker.io/library/'.length));

const MAX_RESOLVED = 1_000;
const resolved = new Map<string, ResolvedImage>();

/**
 * Looks an image up and decides, from the registry's point of view, whether it can be pulled.
 * Results are immutable and shared: every container of a ReplicaSet holds the same one.
 */
export function resolveImage(image: string): ResolvedImage {
  return internMade(resolved, image, resolveImageUncached, MAX_RESOLVED);
}

function resolveImageUncached(image: string): ResolvedImage {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return { entry: DEFAULT_IMAGE, known: false, pull: { ok: false, kind: 'invalid', message: parsed.error }, version: '' };
  const ref = parsed.ref;
  const entry = byRepository.get(ref.repository);
  if (entry) {
    if (ref.tag && !ref.digest && !entry.tags.test(ref.tag)) {
      return { ref, entry, known: true, pull: { ok: false, kind: 'not-found', message: notFoundMessage(ref) }, version: '' };
    }
    return { ref, entry, known: true, pull: { ok: true, sizeBytes: tagSize(entry, ref), digest: digestOf(ref) }, version: versionOf(entry, ref) };
  }
  if (isLikelyTypo(ref)) return { ref, entry: DEFAULT_IMAGE, known: false, pull: { ok: false, kind: 'denied', message: deniedMessage(ref) }, version: '' };
  const size = 20_000_000 + (hash32(ref.repository) % 180_000_000);
  return { ref, entry: DEFAULT_IMAGE, known: false, pull: { ok: true, sizeBytes: size, digest: digestOf(ref) }, version: '' };
}

/** containerd's error for a tag the registry does not have. */
function notFoundMessage(ref: ImageReference): string {
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}": ${ref.normalized}: not found`;
}

/** containerd's error for a repository that does not exist (Docker Hub answers "access denied"). */
function deniedMessage(ref: ImageReference): string {
  return `rpc error: code = Unknown desc = failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

/** A Docker Hub official-image name one or two edits away from a known one (`ngnix`, `busybx`) does not exist. */
function isLikelyTypo(ref: ImageReference): boolean {
  if (!ref.path.startsWith('library/')) return false;
  const name = ref.path.slice('library/'.length);
  return libraryNames.some((known) => known !== name && Math.abs(known.length - name.length) <= 2 && editDistance(known, name) <= 2 && name.length >= 4);
}

function editDistance(a: string, b: string): number {
  const rows = a.length + 1, cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function tagSize(entry: ImageEntry, ref: ImageReference): number {
  // Alpine-based variants are about a third of the Debian ones.
  return ref.tag && /alpine/.test(ref.tag) && entry.sizeBytes > 10_000_000 ? Math.round(entry.sizeBytes * 0.3) : entry.sizeBytes;
}

function versionOf(entry: ImageEntry, ref: ImageReference): string {
  const v = entry.versions;
  if (!v) return '';
  if (v.fromTag && ref.tag) {
    const m = /^(\d+\.\d+(?:\.\d+)?)/.exec(ref.tag);
    if (m) return m[1].split('.').length === 2 ? `${m[1]}.0` : m[1];
  }
  return v.default;
}

/** A stable, registry-like `sha256:` digest for a reference (not cryptographic; only has to be deterministic). */
export function digestOf(ref: ImageReference): string {
  if (ref.digest) return ref.digest;
  let out = '';
  let seed = hash32(ref.normalized);
  for (let i = 0; i < 8; i++) {
    seed = hash32(`${seed}:${ref.normalized}:${i}`);
    out += seed.toString(16).padStart(8, '0');
  }
  return `sha256:${out}`;
}

/** What containerd reports as the image ID: `docker.io/library/nginx@sha256:…`. */
export function imageIdOf(ref: ImageReference): string {
  let id = imageIds.get(ref);
  if (id === undefined) imageIds.set(ref, (id = `${ref.repository}@${digestOf(ref)}`));
  return id;
}

const imageIds = new WeakMap<ImageReference, string>();

export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export { familiarName };
