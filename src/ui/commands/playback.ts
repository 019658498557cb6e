import { send } from '../../bridge/engineClient';
import type { Speed } from '../../bridge/constants';
import { withMessage } from '../../store/uiSlice';
import { useStore } from '../../store/useStore';
import { goLive } from './timeTravel';

/** Asks for a speed; the playback slice changes when the worker confirms. */
export function setSpeed(speed: Speed): void {
  send({ type: 'set_speed', speed });
}

export function togglePause(): void {
  const { speed, lastRunningSpeed } = useStore.getState();
  setSpeed(speed === 0 ? lastRunningSpeed : 0);
}

export function step(advanceMs: number): void {
  send({ type: 'step', advanceMs });
}

/** Starts the cluster over from its seed and starting scenario. Editor text is kept. */
export function resetCluster(): void {
  goLive(false);
  useStore.setState((s) => ({
    selection: undefined,
    applyErrors: [],
    applyWarnings: [],
    applySeq: s.applySeq + 1,
    messages: withMessage(s.messages, { level: 'info', title: 'Cluster reset to its starting point', key: 'messages.reset', lines: [], clockMs: 0 }),
  }));
  send({ type: 'reset' });
}
