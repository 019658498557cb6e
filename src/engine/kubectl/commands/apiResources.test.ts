import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';

describe('kubectl api-resources and api-versions', () => {
  it('lists the simulated resource types', async () => {
    const s = new KubectlSession();
    const table = s.run('api-resources').stdout;
    s.run('api-resources --namespaced=false');
    s.run('api-resources --api-group=apps -o wide');
    s.run('api-resources -o name');
    s.run('api-resources --sort-by=kind --no-headers');
    s.run('api-versions');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/api-resources.txt');
    expect(table.split('\n')[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
  });
});
