import { describe, expect, it } from 'vitest';
import { podlabAnnotations, registerPodlabAnnotation } from './annotations';

describe('podlab.dev annotation registry', () => {
  it('has the node failure annotation and filters by kind', () => {
    expect(podlabAnnotations('Node').map((d) => d.key)).toContain('podlab.dev/failure');
    expect(podlabAnnotations('Pod').map((d) => d.key)).not.toContain('podlab.dev/failure');
  });
  it('replaces a doc registered twice and keeps the list sorted', () => {
    registerPodlabAnnotation({ key: 'podlab.dev/zz-test', appliesTo: ['Pod'], description: 'first' });
    registerPodlabAnnotation({ key: 'podlab.dev/aa-test', appliesTo: ['Pod'], description: 'a' });
    registerPodlabAnnotation({ key: 'podlab.dev/zz-test', appliesTo: ['Pod'], description: 'second' });
    const pod = podlabAnnotations('Pod').filter((d) => d.key.endsWith('-test'));
    expect(pod.map((d) => [d.key, d.description])).toEqual([['podlab.dev/aa-test', 'a'], ['podlab.dev/zz-test', 'second']]);
  });
});
