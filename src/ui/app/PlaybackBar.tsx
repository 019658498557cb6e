import { useTranslation } from 'react-i18next';
import { SPEEDS, type Speed } from '../../bridge/constants';
import { selectClockMs, selectSpeed } from '../../store/selectors';
import { useStore } from '../../store/useStore';
import { setSpeed, step, togglePause } from '../commands/playback';
import { goLive } from '../commands/timeTravel';
import { formatClock, formatSpeed } from './formatClock';

const RUNNING_SPEEDS = SPEEDS.filter((s) => s > 0);

/** Virtual clock readout: the only component that re-renders every frame while time runs. */
function ClockReadout() {
  const clockMs = useStore((s) => Math.floor(selectClockMs(s) / 1000));
  const past = useStore((s) => s.past !== undefined);
  const { t } = useTranslation();
  return (
    <span className={`clock${past ? ' clock--past' : ''}`} data-testid="clock" title={t('playback.clockTitle')}>
      {formatClock(clockMs * 1000)}
    </span>
  );
}

export function PlaybackBar() {
  const { t } = useTranslation();
  const speed = useStore(selectSpeed);
  const lastRunningSpeed = useStore((s) => s.lastRunningSpeed);
  const connected = useStore((s) => s.connected);
  const past = useStore((s) => s.past !== undefined || s.scrubMs !== undefined);
  const paused = speed === 0 || past;
  return (
    <div className="playback" role="group" aria-label={t('playback.group')}>
      <button
        type="button"
        className="button button--icon"
        data-testid="play-pause"
        onClick={past ? () => goLive() : togglePause}
        disabled={!connected}
        aria-label={past ? t('playback.backToLive') : paused ? t('playback.play') : t('playback.pause')}
        title={past ? t('playback.backToLive') : paused ? t('playback.play') : t('playback.pause')}
      >
        {paused ? '▶' : '❚❚'}
      </button>
      <select
        className="select"
        data-testid="speed"
        aria-label={t('playback.speed')}
        value={paused ? lastRunningSpeed : speed}
        disabled={!connected || past}
        onChange={(e) => setSpeed(Number(e.target.value) as Speed)}
      >
        {RUNNING_SPEEDS.map((s) => (
          <option key={s} value={s}>
            {formatSpeed(s)}
          </option>
        ))}
      </select>
      <button type="button" className="button" onClick={() => step(1000)} disabled={!connected || past} title={t('playback.stepTitle', { seconds: 1 })}>
        +1s
      </button>
      <button type="button" className="button" onClick={() => step(10_000)} disabled={!connected || past} title={t('playback.stepTitle', { seconds: 10 })}>
        +10s
      </button>
      <ClockReadout />
      <span className={`speed-state${paused ? ' speed-state--paused' : ''}`} data-testid="speed-state">
        {speed === 0 ? t('playback.paused') : formatSpeed(speed)}
      </span>
    </div>
  );
}
