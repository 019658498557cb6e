import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl autoscale', () => {
  it('creates HPAs for Deployments and ReplicaSets and shows them working', async () => {
    const s = new KubectlSession().file('web.yaml', M.WEB_DEPLOYMENT).file('frontend.yaml', M.FRONTEND_RS);
    s.run('apply -f web.yaml');
    s.run('apply -f frontend.yaml');
    expect(s.run('autoscale deployment web --min=2 --max=5 --cpu-percent=50').stdout).toBe('horizontalpodautoscaler.autoscaling/web autoscaled\n');
    s.run('autoscale rs frontend --max=10 --min=3 --cpu-percent=50 --name=frontend-scaler');
    s.run('autoscale deploy web --max=3 --dry-run=client -o yaml');
    s.run('autoscale deploy web --max=3');
    s.run('autoscale deploy web');
    s.run('autoscale deploy web --min=5 --max=3');
    s.run('autoscale pod nginx --max=3');
    s.advance(90_000);
    s.run('get hpa');
    s.run('get hpa web -o wide');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/autoscale.txt');
  });
});
