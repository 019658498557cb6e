import { describe, expect, it } from 'vitest';
import { makeNode, makePod, runFilter } from '../testFixtures';
import { ERR_REASON_NODE_PORTS, NodePorts } from './NodePorts';

describe('NodePorts', () => {
  it('rejects a node where the host port is taken and skips pods without host ports', () => {
    const objects = [makeNode('n1'), makePod('web', { node: 'n1', hostPort: 8080 })];
    expect(runFilter(NodePorts, makePod('p', { hostPort: 8080 }), 'n1', objects)).toEqual({ code: 'Unschedulable', reasons: [ERR_REASON_NODE_PORTS] });
    expect(runFilter(NodePorts, makePod('p', { hostPort: 9090 }), 'n1', objects)).toBeUndefined();
    expect(runFilter(NodePorts, makePod('p'), 'n1', objects)).toBeUndefined();
  });
  it('frees the port when the holder finishes', () => {
    const objects = [makeNode('n1'), makePod('web', { node: 'n1', hostPort: 8080, phase: 'Succeeded' })];
    expect(runFilter(NodePorts, makePod('p', { hostPort: 8080 }), 'n1', objects)).toBeUndefined();
  });
});
