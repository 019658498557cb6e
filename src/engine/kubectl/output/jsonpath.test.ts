import { describe, expect, it } from 'vitest';
import { JsonPath, relaxedJsonPath } from './jsonpath';

const list = {
  items: [
    { metadata: { name: 'a', labels: { 'app.kubernetes.io/name': 'web' } }, status: { conditions: [{ type: 'Ready', status: 'True' }], podIP: '10.0.0.1' }, spec: { containers: [{ name: 'c1', image: 'nginx' }, { name: 'c2', image: 'busybox' }] } },
    { metadata: { name: 'b' }, status: { conditions: [{ type: 'Ready', status: 'False' }] }, spec: { containers: [{ name: 'c1', image: 'redis' }] } },
  ],
};

describe('client-go jsonpath', () => {
  it('joins the results of one action with spaces', () => {
    expect(new JsonPath('{.items[*].metadata.name}').execute(list)).toBe('a b');
  });

  it('ranges with literal text and quoted escapes', () => {
    expect(new JsonPath('{range .items[*]}{.metadata.name}{"\\t"}{.spec.containers[*].image}{"\\n"}{end}').execute(list)).toBe('a\tnginx busybox\nb\tredis\n');
  });

  it('filters, indexes from the end and escapes dots in keys', () => {
    expect(new JsonPath('{.items[?(@.status.conditions[0].status=="False")].metadata.name}').execute(list)).toBe('b');
    expect(new JsonPath('{.items[-1].metadata.name}').execute(list)).toBe('b');
    expect(new JsonPath('{.items[0].metadata.labels.app\\.kubernetes\\.io/name}').execute(list)).toBe('web');
  });

  it('prints collections as compact JSON and skips missing keys', () => {
    expect(new JsonPath('{.items[0].status.conditions[0]}').execute(list)).toBe('{"status":"True","type":"Ready"}');
    expect(new JsonPath('x{.items[1].status.podIP}y').execute(list)).toBe('xy');
  });

  it('relaxes custom-column and sort-by paths to {.path}', () => {
    expect(relaxedJsonPath('.metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('{.metadata.name}')).toBe('{.metadata.name}');
  });
});
