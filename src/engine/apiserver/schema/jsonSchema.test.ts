import { describe, expect, it } from 'vitest';
import { jsonSchemaForAll, toJsonSchema, type JsonSchema } from './jsonSchema';
import { registerPodlabAnnotation } from './annotations';

/** Every $ref in a schema, so tests can check they resolve. */
function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

const def = (schema: JsonSchema, name: string) => (schema.definitions as Record<string, JsonSchema>)[name];

describe('toJsonSchema', () => {
  it('describes a Pod with draft-07, closed objects and resolvable refs', () => {
    const schema = toJsonSchema('Pod');
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.required).toEqual(['apiVersion', 'kind', 'metadata']);
    expect((schema.properties as Record<string, JsonSchema>).kind).toMatchObject({ const: 'Pod' });
    for (const ref of refs(schema)) expect(def(schema, ref.replace('#/definitions/', '')), ref).toBeDefined();
    const container = def(schema, 'io.k8s.core.v1.Container');
    expect(container.additionalProperties).toBe(false);
    expect(container.required).toEqual(['name']);
  });

  it('documents fields with markdown, enums, defaults and Podlab notes', () => {
    const schema = toJsonSchema('Pod');
    const props = def(schema, 'io.k8s.core.v1.Container').properties as Record<string, JsonSchema>;
    expect(props.imagePullPolicy.enum).toEqual(['Always', 'IfNotPresent', 'Never', null]);
    expect(props.imagePullPolicy.markdownDescription).toContain('Allowed values: `Always`, `IfNotPresent`, `Never`');
    expect(props.volumeMounts.markdownDescription).toContain('**Not simulated in Podlab.**');
    expect(props.livenessProbe.allOf).toEqual([{ $ref: '#/definitions/io.k8s.core.v1.Probe' }]);
    expect(props.livenessProbe.description).toMatch(/^Periodic probe of container liveness/);
    const specProps = def(schema, 'io.k8s.core.v1.PodSpec').properties as Record<string, JsonSchema>;
    expect(specProps.terminationGracePeriodSeconds.type).toEqual(['integer', 'null']);
    expect(specProps.dnsPolicy.default).toBe('ClusterFirst');
    const resources = def(schema, 'io.k8s.core.v1.ResourceRequirements').properties as Record<string, JsonSchema>;
    expect(resources.limits.additionalProperties).toMatchObject({ type: ['string', 'number', 'null'] });
  });

  it('uses the wire shape of the requested HPA version', () => {
    const v1 = toJsonSchema('HorizontalPodAutoscaler', 'autoscaling/v1');
    expect(Object.keys(def(v1, 'io.k8s.autoscaling.v1.HorizontalPodAutoscalerSpec').properties as object)).toContain('targetCPUUtilizationPercentage');
    const v2 = toJsonSchema('HorizontalPodAutoscaler');
    expect(def(v2, 'io.k8s.autoscaling.v1.HorizontalPodAutoscalerSpec')).toBeUndefined();
    expect((v2.properties as Record<string, JsonSchema>).apiVersion.enum).toEqual(['autoscaling/v2', 'autoscaling/v1', 'autoscaling/v2beta2', 'autoscaling/v2beta1']);
  });

  it('lists registered podlab.dev annotations for hover docs', () => {
    registerPodlabAnnotation({ key: 'podlab.dev/test-only', appliesTo: ['Pod'], description: 'Only for this test.' });
    const meta = def(toJsonSchema('Pod'), 'io.k8s.meta.v1.ObjectMeta').properties as Record<string, JsonSchema>;
    const annotations = meta.annotations.properties as Record<string, JsonSchema>;
    expect(annotations['podlab.dev/failure'].description).toMatch(/machine failure/);
    expect(annotations['podlab.dev/test-only'].markdownDescription).toContain('**Podlab annotation** (Pod)');
    expect(() => registerPodlabAnnotation({ key: 'example.com/x', appliesTo: [], description: '' })).toThrow(/podlab\.dev\//);
  });

  it('rejects kinds Podlab does not serve', () => {
    expect(() => toJsonSchema('Service')).toThrow(/Podlab does not serve kind Service/);
  });
});

describe('jsonSchemaForAll', () => {
  it('picks the kind schema with if/then and the HPA shape by apiVersion', () => {
    const schema = jsonSchemaForAll();
    for (const ref of refs(schema)) expect(def(schema, ref.replace('#/definitions/', '')), ref).toBeDefined();
    const branches = schema.allOf as JsonSchema[];
    const kinds = branches.map((b) => ((b.if as JsonSchema).properties as Record<string, JsonSchema>).kind.const);
    expect(new Set(kinds)).toEqual(new Set(['Pod', 'Node', 'Namespace', 'ReplicationController', 'ReplicaSet', 'DaemonSet', 'Deployment', 'HorizontalPodAutoscaler']));
    const hpa = branches.filter((b) => ((b.if as JsonSchema).properties as Record<string, JsonSchema>).kind.const === 'HorizontalPodAutoscaler');
    expect(hpa).toHaveLength(3);
    expect(hpa.map((b) => (b.then as JsonSchema).$ref)).toEqual([
      '#/definitions/kind.HorizontalPodAutoscaler.autoscaling.v2.HorizontalPodAutoscaler',
      '#/definitions/kind.HorizontalPodAutoscaler.autoscaling.v1.HorizontalPodAutoscaler',
      '#/definitions/kind.HorizontalPodAutoscaler.autoscaling.v2beta1.HorizontalPodAutoscaler',
    ]);
    expect((hpa[0].if as JsonSchema).properties).toMatchObject({ apiVersion: { not: { enum: ['autoscaling/v1', 'autoscaling/v2beta1'] } } });
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
