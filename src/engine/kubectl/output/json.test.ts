import { describe, expect, it } from 'vitest';
import { toCompactJson, toKubectlJson } from './json';

describe('Go encoding/json as kubectl -o json prints it', () => {
  it('indents with four spaces, sorts keys and ends with a newline', () => {
    expect(toKubectlJson({ kind: 'List', apiVersion: 'v1', items: [], metadata: { resourceVersion: '' } })).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
  });

  it('escapes <, > and & like Go\'s HTML-safe encoder', () => {
    expect(toCompactJson({ a: '<none> & more' })).toBe('{"a":"\\u003cnone\\u003e \\u0026 more"}');
  });

  it('drops undefined fields and keeps nulls', () => {
    expect(toCompactJson({ a: undefined, b: null, c: [1, 'x'] })).toBe('{"b":null,"c":[1,"x"]}');
  });
});
