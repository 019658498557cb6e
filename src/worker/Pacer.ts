/**
 * WARNING: the ONLY place in Podlab that reads wall time (performance.now, setTimeout). The engine's
 * clock is virtual and moves only when told; the Pacer turns elapsed wall time into virtual time at
 * the chosen speed and paces patches to at most one per frame.
 *
 * Workers have no requestAnimationFrame, so a "frame" here is a setTimeout of about 16 ms.
 */

/** Injected so tests can drive frames by hand (EngineHost.test.ts). */
export interface WallClock {
  now(): number;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realWallClock: WallClock = {
  now: () => performance.now(),
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One frame of wall time. */
export const FRAME_MS = 16;
/**
 * Wall time beyond this in one frame (a throttled background tab, a slow advance) is dropped rather
 * than caught up, so the simulation never spirals into ever longer advances.
 */
export const MAX_FRAME_WALL_MS = 250;

export interface PacerTarget {
  /** Move virtual time forward by a whole number of ms (> 0). */
  advance(virtualMs: number): void;
  /** End of a frame: post what changed (at most one patch). */
  frame(): void;
}

export class Pacer {
  private speedValue = 0;
  private timer: unknown = undefined;
  private lastWallMs = 0;
  private lastFrameWallMs = Number.NEGATIVE_INFINITY;
  /** Fractional virtual ms carried between frames (0.5× gives 8 ms per 16 ms frame, exactly). */
  private carryMs = 0;
  private frameRequested = false;

  constructor(
    private readonly target: PacerTarget,
    private readonly wall: WallClock = realWallClock,
  ) {}

  get speed(): number {
    return this.speedValue;
  }

  /** 0 pauses; any other value is a multiple of wall time. */
  setSpeed(speed: number): void {
    if (!(speed >= 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be a non-negative number, got ${speed}`);
    if (speed === this.speedValue) return;
    const wasPaused = this.speedValue === 0;
    this.speedValue = speed;
    if (wasPaused) {
      this.lastWallMs = this.wall.now();
      this.carryMs = 0;
    }
    this.schedule();
  }

  /** Ensures one frame runs soon (≤ one frame from the previous), e.g. to post a step's effects. */
  requestFrame(): void {
    this.frameRequested = true;
    this.schedule();
  }

  /** Runs `work` and reports how long it took in wall time (time-travel replays report their cost). */
  timed<T>(work: () => T): { value: T; wallMs: number } {
    const start = this.wall.now();
    const value = work();
    return { value, wallMs: this.wall.now() - start };
  }

  /** Stops the loop (speed 0, no pending frame). */
  stop(): void {
    this.speedValue = 0;
    this.frameRequested = false;
    if (this.timer !== undefined) this.wall.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    if (this.speedValue === 0 && !this.frameRequested) return;
    const delay = Math.max(0, this.lastFrameWallMs + FRAME_MS - this.wall.now());
    this.timer = this.wall.setTimeout(() => this.runFrame(), delay);
  }

  private runFrame(): void {
    this.timer = undefined;
    const now = this.wall.now();
    this.lastFrameWallMs = now;
    this.frameRequested = false;
    if (this.speedValue > 0) {
      const elapsed = Math.min(Math.max(0, now - this.lastWallMs), MAX_FRAME_WALL_MS);
      this.lastWallMs = now;
      const virtual = elapsed * this.speedValue + this.carryMs;
      const whole = Math.floor(virtual);
      this.carryMs = virtual - whole;
      if (whole > 0) this.target.advance(whole);
    }
    this.target.frame();
    this.schedule();
  }
}
