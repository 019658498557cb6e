import { describe, expect, it } from 'vitest';
import { documentStartLine, markersFor } from './markers';

describe('documentStartLine', () => {
  it('counts documents as the yaml parser does', () => {
    const text = '# comment\napiVersion: v1\n---\n\nkind: Pod\n---\n---\nname: x\n';
    expect(documentStartLine(text, 0)).toBe(2);
    expect(documentStartLine(text, 1)).toBe(5);
    expect(documentStartLine(text, 2)).toBe(6);
    expect(documentStartLine(text, 3)).toBe(8);
    expect(documentStartLine('---\na: 1\n', 0)).toBe(2);
  });
});

describe('markersFor', () => {
  const text = 'apiVersion: apps/v1\nkind: ReplicaSet\nspec:\n  replicas: 3\n';

  it('uses the error position', () => {
    const [m] = markersFor(text, [{ message: 'bad', documentIndex: 0, position: { line: 4, column: 3, endLine: 4, endColumn: 14 } }]);
    expect(m).toEqual({ startLineNumber: 4, startColumn: 3, endLineNumber: 4, endColumn: 14, message: 'bad', severity: 'error' });
  });

  it('widens an empty range to the end of the line and clamps to the text', () => {
    const [m] = markersFor(text, [{ message: 'x', documentIndex: 0, position: { line: 2, column: 1, endLine: 2, endColumn: 1 } }]);
    expect(m.endColumn).toBe('kind: ReplicaSet'.length + 1);
    const [far] = markersFor(text, [{ message: 'x', documentIndex: 0, position: { line: 99, column: 1, endLine: 99, endColumn: 1 } }]);
    expect(far.startLineNumber).toBe(5);
  });

  it('marks the document start when there is no position, and appends the field path', () => {
    const [m, w] = markersFor(text, [{ message: 'no', documentIndex: 0, fieldPath: 'spec.selector' }], [{ message: 'old', documentIndex: 0 }]);
    expect(m).toMatchObject({ startLineNumber: 1, message: 'no (spec.selector)', severity: 'error' });
    expect(w.severity).toBe('warning');
  });
});
