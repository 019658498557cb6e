import type { ClusterSetupDto, LoggedCommandDto } from '../protocol/learning';
import type { FromEngine } from '../protocol/messages';

/**
 * The page's copy of what it takes to rebuild the cluster: the setup it started from and the engine's
 * command log (without advances), mirrored from `hello.log` and `log` messages. Share links, the
 * saved session and crash recovery read it, so it must survive the worker (it lives here, not there).
 * Not in the zustand store: nothing renders it, and it can be long.
 */
let setup: ClusterSetupDto = { seed: 1 };
let log: LoggedCommandDto[] = [];
/** Bumped whenever the mirror changes (the saved session watches it). */
let version = 0;
const listeners = new Set<() => void>();

export function sessionSetup(): ClusterSetupDto {
  return setup;
}

export function sessionLog(): readonly LoggedCommandDto[] {
  return log;
}

export function sessionVersion(): number {
  return version;
}

/** The setup a new cluster starts from (init, load, restart). */
export function setSessionSetup(next: ClusterSetupDto): void {
  setup = next;
  changed();
}

/** Follows the worker's log messages. */
export function mirrorLog(message: FromEngine): void {
  if (message.type === 'hello') {
    log = message.log ? [...message.log] : [];
    changed();
  } else if (message.type === 'log') {
    log = log.concat(message.entries);
    changed();
  }
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  version++;
  for (const listener of listeners) listener();
}
