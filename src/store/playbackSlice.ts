import type { StateCreator } from 'zustand';
import type { Speed } from '../protocol/messages';
import type { StoreState } from './useStore';

/** Playback as last confirmed by the worker (the UI never assumes a speed change happened). */
export interface PlaybackSlice {
  speed: Speed;
  /** The speed "play" returns to after a pause. */
  lastRunningSpeed: Speed;
}

export const initialPlaybackState: PlaybackSlice = { speed: 0, lastRunningSpeed: 1 };

export const createPlaybackSlice: StateCreator<StoreState, [], [], PlaybackSlice> = () => ({ ...initialPlaybackState });

export function playbackAfter(state: PlaybackSlice, speed: Speed): PlaybackSlice {
  return { speed, lastRunningSpeed: speed > 0 ? speed : state.lastRunningSpeed };
}
