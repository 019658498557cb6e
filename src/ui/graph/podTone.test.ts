import { describe, expect, it } from 'vitest';
import { podTone } from './podTone';

describe('podTone', () => {
  it('maps kubectl STATUS values to colour families', () => {
    expect(podTone('Running', 1, 1)).toBe('running');
    expect(podTone('Running', 0, 1)).toBe('unready');
    expect(podTone('Pending', 0, 1)).toBe('pending');
    expect(podTone('ContainerCreating', 0, 1)).toBe('creating');
    expect(podTone('Init:0/2', 0, 1)).toBe('creating');
    expect(podTone('Init:CrashLoopBackOff', 0, 1)).toBe('failed');
    expect(podTone('CrashLoopBackOff', 0, 1)).toBe('failed');
    expect(podTone('ImagePullBackOff', 0, 1)).toBe('failed');
    expect(podTone('Completed', 0, 1)).toBe('succeeded');
    expect(podTone('Terminating', 1, 1)).toBe('terminating');
    expect(podTone('Whatever', 0, 1)).toBe('unknown');
  });
});
