import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../src/scenarios/index';
import { Player } from './harness';

const scenario = scenarioById('cascade-orphan')!;

describe('scenario cascade-orphan', () => {
  it('plays through: orphan → re-adopt without new pods → foreground delete', () => {
    const p = new Player(scenario);

    p.step('frontend');
    p.waitUntilDone('frontend', 30);
    const pods = p.podNames('tier=frontend');
    expect(pods).toHaveLength(3);
    const oldUid = p.cluster.sim.store.get('ReplicaSet', 'default', 'frontend')!.metadata.uid;

    const [del, , , yaml] = p.step('orphan');
    expect(del.result.stdout).toBe('replicaset.apps "frontend" deleted from default namespace\n');
    expect(yaml.result.stdout).not.toMatch(/ownerReferences/);
    p.waitUntilDone('orphan', 5);
    expect(p.podNames('tier=frontend')).toEqual(pods);

    p.step('readopt');
    p.waitUntilDone('readopt', 5);
    p.advance(30);
    const rs = p.cluster.sim.store.get('ReplicaSet', 'default', 'frontend')!;
    expect(rs.metadata.uid, 'a new ReplicaSet object').not.toBe(oldUid);
    expect(p.podNames('tier=frontend', true), 'the same three pods, none created or deleted').toEqual(pods);
    const createdByNew = p.cluster.events().filter((e) => e.reason === 'SuccessfulCreate' && e.involvedObject.uid === rs.metadata.uid);
    expect(createdByNew).toEqual([]);
    for (const name of pods) {
      const ref = p.pod(name)!.metadata.ownerReferences?.find((r) => r.controller);
      expect(ref).toMatchObject({ kind: 'ReplicaSet', name: 'frontend', uid: rs.metadata.uid, blockOwnerDeletion: true });
    }

    const [fg] = p.step('foreground');
    expect(fg.result.stdout).toBe('replicaset.apps "frontend" deleted from default namespace\n');
    // Foreground: the owner stays, marked for deletion, until its dependents are gone.
    const deleting = p.cluster.sim.store.get('ReplicaSet', 'default', 'frontend');
    expect(deleting, 'the ReplicaSet is still readable during foreground deletion').toBeDefined();
    expect(deleting!.metadata.deletionTimestamp).toBeDefined();
    expect(deleting!.metadata.finalizers).toContain('foregroundDeletion');
    expect(p.podNames('tier=frontend', true)).toHaveLength(3);
    p.waitUntilDone('foreground', 40);
    expect(p.progress.complete).toBe(true);
  });
});
