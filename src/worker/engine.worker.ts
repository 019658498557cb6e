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
scope.onmessage = (event) => host.handle(event.data);
