/**
 * Worker entry: the browser's only engine host. Everything interesting lives in EngineHost (which
 * is tested in-thread); this file just connects it to postMessage.
 */
import type { FromEngine, ToEngine } from '../protocol/messages';
import { EngineHost } from './EngineHost';

const scope = self as unknown as {
  postMessage(message: FromEngine): void;
  onmessage: ((event: MessageEvent<ToEngine>) => void) | null;
};

const host = new EngineHost((message) => scope.postMessage(message));
/** Test hook (debug_crash 'next_command'): the next command throws out of the worker, uncaught. */
let crashOnNextCommand = false;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'debug_crash' && message.when !== 'engine') {
    if (message.when === 'now') throw new Error('Test crash: the engine worker threw (debug hook).');
    crashOnNextCommand = true;
    return;
  }
  if (crashOnNextCommand && message.type === 'command') {
    crashOnNextCommand = false;
    throw new Error(`Test crash: the engine worker threw while running a ${message.command.type} command (debug hook).`);
  }
  host.handle(message);
};

// Messages posted before this script ran reach it only when the page's main thread relays them.
host.prebuildDefault();
