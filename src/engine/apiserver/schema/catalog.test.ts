import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { goTypeName, markUnsimulated, rootTypeKey, typeDef } from './catalog';
import { GENERATED_TYPES } from './catalog.generated';
import { unsimulatedFieldsOf } from './unsimulated';
import { KINDS } from '../../api/types';

describe('field catalog', () => {
  it('is up to date with the kubernetes-types API docs (run generate-catalog.mjs after upgrading)', () => {
    const script = fileURLToPath(new URL('./generate-catalog.mjs', import.meta.url));
    const generated = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(generated).toBe(readFileSync(fileURLToPath(new URL('./catalog.generated.ts', import.meta.url)), 'utf8'));
  });

  it('has a root type for every kind and apiVersion Podlab accepts, and every referenced type exists', () => {
    for (const info of KINDS) {
      for (const version of info.acceptedApiVersions) expect(typeDef(rootTypeKey(info.kind, version)!), `${info.kind} ${version}`).toBeDefined();
    }
    const referenced = Object.values(GENERATED_TYPES).flatMap((t) => t.f.map((f) => f[1].replace(/^(\[\]|map\[)+/, '').replace(/\]$/, '')));
    for (const type of referenced.filter((t) => t.includes('.'))) expect(GENERATED_TYPES[type], type).toBeDefined();
  });

  it('knows Go integer widths and type names for decoding errors', () => {
    expect(typeDef('core.v1.PodSpec')!.fields.get('terminationGracePeriodSeconds')!.goInt).toBe('int64');
    expect(typeDef('apps.v1.DeploymentSpec')!.fields.get('replicas')!.goInt).toBe('int32');
    expect(goTypeName('[]core.v1.Container')).toBe('[]v1.Container');
    expect(goTypeName('map[string]')).toBe('map[string]string');
    expect(goTypeName('map[quantity]')).toBe('v1.ResourceList');
    expect(goTypeName('autoscaling.v2.MetricSpec')).toBe('v2.MetricSpec');
  });

  it('marks what Podlab does not simulate, with enums and defaults where the API has them', () => {
    const volumes = typeDef('core.v1.PodSpec')!.fields.get('volumes')!;
    expect(volumes.simulated).toBe(false);
    expect(volumes.note).toMatch(/no storage/);
    expect(typeDef('core.v1.PodSpec')!.fields.get('containers')!.simulated).toBe(true);
    expect(typeDef('core.v1.Container')!.fields.get('imagePullPolicy')!.enum).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(typeDef('core.v1.PodSpec')!.fields.get('dnsPolicy')!.defaultValue).toBe('ClusterFirst');
  });

  it('lets other modules mark fields unsimulated', () => {
    expect(typeDef('core.v1.Container')!.fields.get('args')!.simulated).toBe(true);
    markUnsimulated('core.v1.Container', 'args', 'test note');
    expect(typeDef('core.v1.Container')!.fields.get('args')).toMatchObject({ simulated: false, note: 'test note' });
  });

  it('finds set, non-default unsimulated fields and skips status and defaults', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'x' },
      spec: { dnsPolicy: 'ClusterFirst', securityContext: {}, serviceAccountName: 'robot', containers: [{ name: 'a', env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'x' } } }] }] },
      status: { hostIP: '1.2.3.4' },
    };
    expect(unsimulatedFieldsOf(pod, 'Pod').map((f) => f.path)).toEqual(['spec.serviceAccountName', 'spec.containers[0].env[0].valueFrom']);
  });
});
