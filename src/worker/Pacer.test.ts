import { describe, expect, it } from 'vitest';
import { FRAME_MS, MAX_FRAME_WALL_MS, Pacer } from './Pacer';
import { FakeWallClock } from './testing/FakeWallClock';

function setup() {
  const wall = new FakeWallClock();
  const advances: number[] = [];
  let frames = 0;
  const pacer = new Pacer({ advance: (ms) => advances.push(ms), frame: () => frames++ }, wall);
  return { wall, advances, pacer, frames: () => frames };
}

describe('Pacer', () => {
  it('does nothing while paused', () => {
    const { wall, advances, frames } = setup();
    wall.advance(1000);
    expect(advances).toEqual([]);
    expect(frames()).toBe(0);
  });

  it('converts wall time to virtual time at the chosen speed', () => {
    const { wall, advances, pacer } = setup();
    pacer.setSpeed(1);
    wall.advance(1000);
    const total = advances.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(1000 - FRAME_MS);
    expect(total).toBeLessThanOrEqual(1000);
  });

  it('keeps fractions at 0.5× and runs 60× faster at 60×', () => {
    const slow = setup();
    slow.pacer.setSpeed(0.5);
    slow.wall.advance(1600);
    expect(slow.advances.reduce((a, b) => a + b, 0)).toBe(800);
    const fast = setup();
    fast.pacer.setSpeed(60);
    fast.wall.advance(1600);
    expect(fast.advances.reduce((a, b) => a + b, 0)).toBe(96_000);
  });

  it('runs at most one frame per FRAME_MS', () => {
    const { wall, pacer, frames } = setup();
    pacer.setSpeed(2);
    wall.advance(FRAME_MS * 10);
    expect(frames()).toBeLessThanOrEqual(11);
    pacer.requestFrame();
    pacer.requestFrame();
    pacer.requestFrame();
    const before = frames();
    wall.advance(FRAME_MS);
    expect(frames() - before).toBe(1);
  });

  it('drops wall time beyond MAX_FRAME_WALL_MS instead of catching up', () => {
    const wall = new FakeWallClock();
    const advances: number[] = [];
    const pacer = new Pacer({ advance: (ms) => advances.push(ms), frame: () => undefined }, wall);
    pacer.setSpeed(1);
    // Simulate a frame that fires very late (throttled tab): move time without running timers.
    wall.jump(5000);
    wall.advance(0);
    expect(Math.max(...advances)).toBeLessThanOrEqual(MAX_FRAME_WALL_MS);
  });

  it('a requested frame runs once while paused, then the loop stops', () => {
    const { wall, advances, pacer, frames } = setup();
    pacer.requestFrame();
    wall.advance(1000);
    expect(frames()).toBe(1);
    expect(advances).toEqual([]);
    expect(wall.pendingTimers).toBe(0);
    pacer.setSpeed(1);
    pacer.stop();
    expect(wall.pendingTimers).toBe(0);
  });
});
