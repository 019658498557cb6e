import { create } from 'zustand';
import { createClusterSlice, initialClusterState, type ClusterSlice } from './clusterSlice';
import { createLearningSlice, initialLearningState, type LearningSlice } from './learningSlice';
import { createPlaybackSlice, initialPlaybackState, type PlaybackSlice } from './playbackSlice';
import { createUiSlice, initialUiState, type UiSlice } from './uiSlice';

export type StoreState = ClusterSlice & PlaybackSlice & UiSlice & LearningSlice;

/** Podlab's one bound store (zustand slices pattern). Cluster/playback are fed only by the bridge. */
export const useStore = create<StoreState>()((...a) => ({
  ...createClusterSlice(...a),
  ...createPlaybackSlice(...a),
  ...createUiSlice(...a),
  ...createLearningSlice(...a),
}));

/** Back to a fresh page state (tests). */
export function resetStore(): void {
  useStore.setState({ ...initialClusterState, ...initialPlaybackState, ...initialUiState, ...initialLearningState }, false);
}
