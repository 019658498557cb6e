import { describe, expect, it } from 'vitest';
import { makeNode, makePod, runFilter } from '../testFixtures';
import { ERR_REASON_NODE_NAME, NodeName } from './NodeName';

describe('NodeName', () => {
  it('passes any node for a pod without spec.nodeName and only the named node otherwise', () => {
    const nodes = [makeNode('n1'), makeNode('n2')];
    expect(runFilter(NodeName, makePod('p'), 'n1', nodes)).toBeUndefined();
    const pinned = makePod('p', { node: 'n2' });
    expect(runFilter(NodeName, pinned, 'n2', nodes)).toBeUndefined();
    expect(runFilter(NodeName, pinned, 'n1', nodes)).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_NODE_NAME] });
    expect(ERR_REASON_NODE_NAME).toBe("node(s) didn't match the requested node name");
  });
});
