import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

describe('Backoff (flowcontrol.Backoff as the kubelet sets it up)', () => {
  it('has no entry until Next, so the first restart is immediate', () => {
    const b = new Backoff();
    expect(b.isInBackOffSince('pod/c', 0, 0)).toBe(false);
    expect(b.get('pod/c')).toBe(0);
  });

  it('doubles 10 s → 300 s and stays capped', () => {
    const b = new Backoff();
    const delays = [];
    let t = 0;
    for (let i = 0; i < 8; i++) {
      delays.push(b.next('k', t, t));
      t += delays[delays.length - 1];
    }
    expect(delays).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  });

  it('is in back-off for exactly the delay measured from the event time', () => {
    const b = new Backoff();
    b.next('k', 1_000, 1_000);
    expect(b.isInBackOffSince('k', 5_000, 5_000)).toBe(true);
    expect(b.isInBackOffSince('k', 5_000, 14_999)).toBe(true);
    expect(b.isInBackOffSince('k', 5_000, 15_000)).toBe(false);
  });

  it('resets after more than 600 s between the last update and the event (10 minutes of clean running)', () => {
    const b = new Backoff();
    b.next('k', 0, 0);
    b.next('k', 10_000, 20_000);
    expect(b.get('k')).toBe(20_000);
    expect(b.isInBackOffSince('k', 620_000, 620_001)).toBe(true);
    expect(b.isInBackOffSince('k', 620_001, 620_002)).toBe(false);
    expect(b.next('k', 620_001, 620_002)).toBe(10_000);
  });

  it('measures image-pull back-off from the last update', () => {
    const b = new Backoff();
    b.next('img', 0, 3_000);
    expect(b.isInBackOffSinceUpdate('img', 12_999)).toBe(true);
    expect(b.isInBackOffSinceUpdate('img', 13_000)).toBe(false);
  });
});
