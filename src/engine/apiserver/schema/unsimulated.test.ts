import { describe, expect, it } from 'vitest';
import { unsimulatedFieldsOf } from './unsimulated';

describe('unsimulatedFieldsOf', () => {
  it('walks pod templates and reports each occurrence once, without descending into it', () => {
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: { template: { spec: { volumes: [{ name: 'v', secret: { secretName: 's' } }], imagePullSecrets: [{ name: 'reg' }], containers: [{ name: 'a', image: 'x', tty: true, stdin: false }] } } },
    };
    expect(unsimulatedFieldsOf(deploy, 'Deployment').map((f) => f.path)).toEqual([
      'spec.template.spec.volumes',
      'spec.template.spec.imagePullSecrets',
      'spec.template.spec.containers[0].tty',
      'spec.template.spec.containers[0].stdin',
    ]);
  });
  it('ignores unknown kinds and non-objects', () => {
    expect(unsimulatedFieldsOf({}, 'Service')).toEqual([]);
    expect(unsimulatedFieldsOf('x', 'Pod')).toEqual([]);
  });
});
