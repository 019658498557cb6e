import type { FromEngine } from '../protocol/messages';
import { clusterAfterPatch, clusterFromHello } from '../store/clusterSlice';
import { playbackAfter } from '../store/playbackSlice';
import { consoleAfterStream } from '../store/learningSlice';
import { withMessage } from '../store/uiSlice';
import { useStore } from '../store/useStore';

/**
 * The only writer of the cluster and playback slices: applies one message from the worker.
 * Returns 'resync' when a patch does not continue from the rv the page holds (it is applied anyway,
 * and the caller asks the worker for a fresh hello).
 */
export function applyFromEngine(message: FromEngine): 'ok' | 'resync' {
  switch (message.type) {
    case 'hello': {
      const cluster = clusterFromHello(message);
      useStore.setState((s) => ({
        ...cluster,
        past: undefined,
        scrubMs: undefined,
        ...playbackAfter(s, message.speed),
        messages:
          message.initErrors.length > 0
            ? withMessage(s.messages, { level: 'error', title: 'The starting scenario did not apply cleanly', key: 'messages.initErrors', lines: message.initErrors.map((e) => e.message), clockMs: message.clockMs })
            : s.messages,
      }));
      return 'ok';
    }
    case 'patch': {
      const state = useStore.getState();
      if (!state.connected) return 'ok';
      const gap = message.fromRv !== state.rv;
      useStore.setState(clusterAfterPatch(state, message));
      return gap ? 'resync' : 'ok';
    }
    case 'playback':
      useStore.setState((s) => playbackAfter(s, message.speed));
      return 'ok';
    case 'fatal':
      useStore.setState((s) => ({
        fatal: { message: message.message, seed: message.seed },
        messages: withMessage(s.messages, {
          level: 'error',
          title: 'The simulation stopped after an engine error',
          key: 'messages.engineStopped',
          lines: [message.message, `Seed ${message.seed}.`],
          clockMs: s.clockMs,
        }),
      }));
      return 'ok';
    case 'focus': {
      const focus = { uid: message.uid, data: message.focus };
      if (message.source === 'past') useStore.setState((s) => (s.past ? { past: { ...s.past, focus } } : {}));
      else useStore.setState({ focus });
      return 'ok';
    }
    case 'ack':
    case 'log':
      return 'ok';
    case 'scenario':
      useStore.setState({ scenario: { scenarioId: message.scenarioId, progress: message.progress, commands: message.commands } });
      return 'ok';
    case 'stream':
      useStore.setState((s) => consoleAfterStream(s, message));
      return 'ok';
  }
}
