import { describe, expect, it } from 'vitest';
import { firstNestingViolation } from './nestingDepth';

describe('firstNestingViolation', () => {
  it('accepts ordinary manifests', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web, tier: "front{end"}
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - {key: disk, operator: In, values: [ssd, 'nv[me']}
  containers:
  - name: c
    image: busybox
    args:
    - sh
    - -c
    - |
      if true; then
          while true; do
              echo [[[[[[[[
          done
      fi
`;
    expect(firstNestingViolation(text, 20)).toBeUndefined();
  });

  it('finds flow lists and maps nested past the limit, with the line and column', () => {
    const text = `kind: Pod\nspec:\n  x: ${'['.repeat(50)}${']'.repeat(50)}\n`;
    expect(firstNestingViolation(text, 30)).toEqual({ line: 3, column: 5 + 28 + 1 });
    expect(firstNestingViolation(`a: ${'{b: '.repeat(40)}1${'}'.repeat(40)}`, 30)?.line).toBe(1);
  });

  it('counts `- - -` on one line and deep indentation', () => {
    expect(firstNestingViolation(`x:\n  ${'- '.repeat(40)}y\n`, 30)?.line).toBe(2);
    const indented = Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(firstNestingViolation(indented, 30)?.line).toBe(31);
  });

  it('ignores brackets in comments, quoted strings and block scalars', () => {
    const text = `a: "${'['.repeat(100)}"  # ${'{'.repeat(100)}\nb: '${'{'.repeat(100)}'\nc: >\n  ${'['.repeat(100)}\n`;
    expect(firstNestingViolation(text, 10)).toBeUndefined();
  });

  it('resets at document separators and scans a 10,000-deep line quickly', () => {
    expect(firstNestingViolation(`a: [[[\n---\nb: 1\n`, 5)).toBeUndefined();
    const deep = 'a: ' + '['.repeat(10_000) + ']'.repeat(10_000);
    expect(firstNestingViolation(deep, 100)).toEqual({ line: 1, column: 4 + 99 });
  });
});
