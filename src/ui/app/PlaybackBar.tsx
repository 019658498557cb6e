import { SPEEDS, type Speed } from '../../bridge/constants';
import { selectClockMs, selectSpeed } from '../../store/selectors';
import { useStore } from '../../store/useStore';
import { setSpeed, step, togglePause } from '../commands/playback';
import { formatClock, formatSpeed } from './formatClock';

const RUNNING_SPEEDS = SPEEDS.filter((s) => s > 0);

/** Virtual clock readout: the only component that re-renders every frame while time runs. */
function ClockReadout() {
  const clockMs = useStore((s) => Math.floor(selectClockMs(s) / 1000));
  return (
    <span className="clock" data-testid="clock" title="Virtual time since the cluster started">
      {formatClock(clockMs * 1000)}
    </span>
  );
}

export function PlaybackBar() {
  const speed = useStore(selectSpeed);
  const lastRunningSpeed = useStore((s) => s.lastRunningSpeed);
  const connected = useStore((s) => s.connected);
  const paused = speed === 0;
  return (
    <div className="playback" role="group" aria-label="Playback">
      <button
        type="button"
        className="button button--icon"
        data-testid="play-pause"
        onClick={togglePause}
        disabled={!connected}
        aria-label={paused ? 'Play' : 'Pause'}
        title={paused ? 'Play' : 'Pause'}
      >
        {paused ? '▶' : '❚❚'}
      </button>
      <select
        className="select"
        data-testid="speed"
        aria-label="Speed"
        value={paused ? lastRunningSpeed : speed}
        disabled={!connected}
        onChange={(e) => setSpeed(Number(e.target.value) as Speed)}
      >
        {RUNNING_SPEEDS.map((s) => (
          <option key={s} value={s}>
            {formatSpeed(s)}
          </option>
        ))}
      </select>
      <button type="button" className="button" onClick={() => step(1000)} disabled={!connected} title="Advance virtual time by 1 second">
        +1s
      </button>
      <button type="button" className="button" onClick={() => step(10_000)} disabled={!connected} title="Advance virtual time by 10 seconds">
        +10s
      </button>
      <ClockReadout />
      <span className={`speed-state${paused ? ' speed-state--paused' : ''}`} data-testid="speed-state">
        {formatSpeed(speed)}
      </span>
    </div>
  );
}
