import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl events and get events', () => {
  it('lists, filters and watches events', async () => {
    const s = new KubectlSession().file('liveness.yaml', M.LIVENESS_POD).file('frontend.yaml', M.FRONTEND_RS);
    s.run('events');
    s.run('apply -f liveness.yaml');
    s.run('apply -f frontend.yaml');
    s.advance(70_000);
    s.run('events');
    s.run('events --types=Warning');
    s.run('events --for pod/liveness-pod');
    s.run('events --for rs/frontend -o yaml');
    s.run('events -A --types=Warning');
    s.run('get events --field-selector type=Warning');
    s.run('get ev -o wide --field-selector involvedObject.name=liveness-pod');
    s.run('get events --sort-by=.lastTimestamp --field-selector involvedObject.kind=ReplicaSet');
    s.run('events --types=Sometimes');
    s.run('events --for liveness-pod');
    s.run('delete pod liveness-pod --now');
    s.advance(5_000);
    s.run('events --for pod/liveness-pod --types=Normal');
    s.follow(s.stream('events -w --for rs/frontend'), 5_000, 1000);
    const watch = s.stream('events -w');
    s.cluster.kubectl('scale rs frontend --replicas=2');
    s.follow(watch, 5_000, 1000);
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/events.txt');
    expect(s.cluster.kubectl('events -n empty').stderr).toBe('No events found in empty namespace.\n');
  });
});
