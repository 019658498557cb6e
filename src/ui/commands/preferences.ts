import { SLOW_MOTION_SPEED, type Speed } from '../../bridge/constants';
import type { Language } from '../../store/learningSlice';
import { useStore } from '../../store/useStore';
import { applyLanguage } from '../i18n';
import { setSpeed } from './playback';

export function setLanguage(language: Language): void {
  applyLanguage(language);
  useStore.setState({ language });
}

export function toggleTheme(): void {
  useStore.setState((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' }));
}

/**
 * Teacher mode: the presenter layout (large type for the back row) and slow motion, so a class can
 * follow each step; leaving it restores the speed it had.
 */
export function setPresenter(on: boolean): void {
  const s = useStore.getState();
  if (s.presenter === on) return;
  if (on) {
    useStore.setState({ presenter: true, speedBeforePresenter: s.speed });
    if (s.connected && s.speed !== 0) setSpeed(SLOW_MOTION_SPEED);
  } else {
    const before = s.speedBeforePresenter;
    useStore.setState({ presenter: false, speedBeforePresenter: undefined });
    if (s.connected && s.speed !== 0 && before) setSpeed(before as Speed);
  }
}
