import { describe, expect, it } from 'vitest';
import { fieldErrorText } from '../errors';
import { defaultPodSpec, imageTag, validatePodSpec } from './podSpec';

describe('podSpec', () => {
  it('finds the tag of an image reference', () => {
    expect(imageTag('nginx')).toBe('latest');
    expect(imageTag('localhost:5000/app')).toBe('latest');
    expect(imageTag('localhost:5000/app:1.0')).toBe('1.0');
    expect(imageTag('app@sha256:abc')).toBe('');
  });

  it('defaults hostNetwork ports to host ports and nameless volumes to emptyDir', () => {
    const spec: Record<string, unknown> = { hostNetwork: true, containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 53 }] }], volumes: [{ name: 'scratch' }] };
    defaultPodSpec(spec);
    expect((spec.containers as { ports: unknown[] }[])[0].ports).toEqual([{ containerPort: 53, protocol: 'TCP', hostPort: 53 }]);
    expect(spec.volumes).toEqual([{ name: 'scratch', emptyDir: {} }]);
  });

  it('validates init containers: unique names and no probes unless sidecars', () => {
    const spec: Record<string, unknown> = {
      containers: [{ name: 'app', image: 'x' }],
      initContainers: [{ name: 'app', image: 'y', livenessProbe: { exec: { command: ['true'] } } }],
    };
    defaultPodSpec(spec);
    expect(validatePodSpec(spec, 'spec', { isPod: true }).map(fieldErrorText)).toEqual([
      'spec.initContainers[0].name: Duplicate value: "app"',
      'spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
    ]);
  });

  it('checks volumes: one source, DNS label names, no duplicates', () => {
    const spec: Record<string, unknown> = { containers: [{ name: 'app', image: 'x' }], volumes: [{ name: 'a', emptyDir: {}, hostPath: { path: '/' } }, { name: 'b', emptyDir: {} }, { name: 'b', emptyDir: {} }] };
    defaultPodSpec(spec);
    expect(validatePodSpec(spec, 'spec', { isPod: false }).map(fieldErrorText)).toEqual([
      'spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type',
      'spec.volumes[2].name: Duplicate value: "b"',
    ]);
  });
});
