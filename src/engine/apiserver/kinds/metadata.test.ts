import { describe, expect, it } from 'vitest';
import { fieldErrorText } from '../errors';
import { fromTexts } from './util';
import { isPathSegmentName, nameIsDNSLabel, nameIsDNSSubdomain, validateAnnotations, validateObjectMeta } from './metadata';

const texts = (errs: ReturnType<typeof validateObjectMeta>) => errs.map(fieldErrorText);

describe('ObjectMeta validation', () => {
  it('requires a name or generateName', () => {
    expect(texts(validateObjectMeta({ namespace: 'default' }, true, nameIsDNSSubdomain))).toEqual(['metadata.name: Required value: name or generateName is required']);
  });

  it('lets generateName end in a dash but checks it as a prefix', () => {
    expect(validateObjectMeta({ generateName: 'web-', namespace: 'default' }, true, nameIsDNSSubdomain)).toEqual([]);
    expect(texts(validateObjectMeta({ generateName: 'Web-', namespace: 'default' }, true, nameIsDNSSubdomain))[0]).toMatch(/^metadata\.generateName: Invalid value: "Web-": a lowercase RFC 1123 subdomain/);
  });

  it('limits lengths in bytes', () => {
    expect(nameIsDNSSubdomain('a'.repeat(254), false)).toEqual(['must be no more than 253 bytes']);
    expect(nameIsDNSLabel('a'.repeat(64), false)).toEqual(['must be no more than 63 bytes']);
  });

  it('checks the namespace of namespaced objects and forbids it on cluster-scoped ones', () => {
    expect(texts(validateObjectMeta({ name: 'x' }, true, nameIsDNSSubdomain))).toEqual(['metadata.namespace: Required value']);
    expect(texts(validateObjectMeta({ name: 'x', namespace: 'a' }, false, nameIsDNSSubdomain))).toEqual(['metadata.namespace: Forbidden: not allowed on this type']);
  });

  it('validates labels and annotations keys', () => {
    const errs = texts(validateObjectMeta({ name: 'x', namespace: 'default', labels: { 'app/': 'x' }, annotations: { 'bad key': 'v' } }, true, nameIsDNSSubdomain));
    expect(errs[0]).toBe('metadata.labels: Invalid value: "app/": name part must be non-empty');
    expect(errs).toContain(
      `metadata.annotations: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
  });

  it('bounds the total annotation size', () => {
    expect(validateAnnotations({ big: 'x'.repeat(300_000) }, 'metadata.annotations').map(fieldErrorText)).toEqual(['metadata.annotations: Too long: may not be more than 262144 bytes']);
  });

  it('checks finalizer names', () => {
    expect(texts(validateObjectMeta({ name: 'x', namespace: 'd', finalizers: ['kubernetes', 'example.com/cleanup', 'cleanup'] }, true, nameIsDNSSubdomain))).toEqual([
      'metadata.finalizers[2]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });

  it('path segment names', () => {
    expect(isPathSegmentName('..')).toEqual(["may not be '..'"]);
    expect(isPathSegmentName('a/b%c')).toEqual(["may not contain '/'", "may not contain '%'"]);
  });
});

describe('fromTexts', () => {
  it('reprints texts from labels.ts verbatim', () => {
    const samples = ['spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is \'In\' or \'NotIn\'', 'metadata.labels: Invalid value: "a b": x: y', 'spec.x: Required value'];
    expect(fromTexts(samples).map(fieldErrorText)).toEqual(samples);
  });
});
