import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SNIPPETS, appendDocument, plainSnippet } from './snippets';

describe('snippets', () => {
  it('has one per simulated kind, each valid YAML of that kind once filled in', () => {
    expect(SNIPPETS.map((s) => s.kind)).toEqual(['Pod', 'ReplicaSet', 'Deployment', 'DaemonSet', 'ReplicationController', 'HorizontalPodAutoscaler', 'Namespace']);
    for (const s of SNIPPETS) {
      const doc = parse(plainSnippet(s.body)) as { kind: string; metadata: { name: string } };
      expect(doc.kind).toBe(s.kind);
      expect(doc.metadata.name).toMatch(/^[a-z-]+$/);
    }
    expect(plainSnippet('kind: ${2|ReplicaSet,Deployment|}')).toBe('kind: ReplicaSet');
  });

  it('appends as a new YAML document', () => {
    expect(appendDocument('', 'a: 1\n')).toBe('a: 1\n');
    expect(appendDocument('x: 1\n', 'a: 1\n')).toBe('---\na: 1\n');
    expect(appendDocument('x: 1', 'a: 1\n')).toBe('\n---\na: 1\n');
  });
});
