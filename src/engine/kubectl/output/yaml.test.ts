import { describe, expect, it } from 'vitest';
import { goYamlKeyLess, toGoYaml } from './yaml';

describe('go-yaml v2 output as kubectl -o yaml prints it', () => {
  it('sorts keys, keeps sequences at their key\'s indentation and writes empty collections inline', () => {
    const text = toGoYaml({ spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }], volumes: [] }, apiVersion: 'v1', kind: 'Pod' });
    expect(text).toBe('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - image: nginx\n    name: nginx\n    resources: {}\n  volumes: []\n');
  });

  it('double-quotes strings that would read back as numbers, booleans, nulls or timestamps', () => {
    const text = toGoYaml({ a: '0', b: 'true', c: '', d: '2026-01-01T00:00:05Z', e: '1.5', f: 'yes', g: 'null', h: '0x1F', i: '1:20', j: 80, k: null, l: true });
    expect(text).toBe('a: "0"\nb: "true"\nc: ""\nd: "2026-01-01T00:00:05Z"\ne: "1.5"\nf: "yes"\ng: "null"\nh: "0x1F"\ni: "1:20"\nj: 80\nk: null\nl: true\n');
  });

  it('single-quotes strings with indicators and doubles their quotes', () => {
    expect(toGoYaml({ m: '0/3 nodes are available: 3 Insufficient cpu.', msg: "it's", o: '*', p: '- x', q: 'a #b', r: 'k=v' })).toBe(
      "m: '0/3 nodes are available: 3 Insufficient cpu.'\nmsg: it's\no: '*'\np: '- x'\nq: 'a #b'\nr: k=v\n",
    );
    // YAML 1.1 reads a bare n/y key as a boolean, so go-yaml quotes it.
    expect(toGoYaml({ n: 1, y: 2 })).toBe('"n": 1\n"y": 2\n');
  });

  it('writes multi-line strings as literal blocks with chomping indicators', () => {
    expect(toGoYaml({ a: { b: 'line1\nline2\n' }, c: 'x\ny' })).toBe('a:\n  b: |\n    line1\n    line2\nc: |-\n  x\n  y\n');
  });

  it('folds long plain and single-quoted scalars at a space past column 80', () => {
    const message = '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.';
    expect(toGoYaml({ status: { message } })).toBe(
      "status:\n  message: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:\n    }, 2 Insufficient cpu.'\n",
    );
  });

  it('escapes control characters in double quotes', () => {
    expect(toGoYaml({ t: 'a\tb' })).toBe('t: "a\\tb"\n');
  });

  it('orders keys like go-yaml: numbers inside keys compare numerically', () => {
    expect(['item10', 'item9', 'b', 'a.b', 'ab'].sort((x, y) => (goYamlKeyLess(x, y) ? -1 : 1))).toEqual(['a.b', 'ab', 'b', 'item9', 'item10']);
  });
});
