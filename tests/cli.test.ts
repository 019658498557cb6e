import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createCluster } from '../src/engine/index';
import { parseDurationMs, runScript } from '../src/cli/script';

describe('CLI script runner', () => {
  it('parses durations like kubectl users write them', () => {
    expect(parseDurationMs('90s')).toBe(90_000);
    expect(parseDurationMs('1h30m')).toBe(5_400_000);
    expect(parseDurationMs('1500ms')).toBe(1500);
    expect(parseDurationMs('2')).toBe(2000);
    expect(() => parseDurationMs('soon')).toThrow(/invalid duration/);
  });

  it('advances virtual time and echoes each command', () => {
    const cluster = createCluster({ seed: 3 });
    let out = '';
    const failures = runScript(cluster, '# a comment\nadvance 90s\nadvance 1m\n', { files: {}, write: (t) => (out += t) });
    expect(failures).toBe(0);
    expect(cluster.now()).toBe(150_000);
    expect(out).toBe('$ advance 90s\n(virtual time is now 0h01m30s)\n$ advance 1m\n(virtual time is now 0h02m30s)\n');
  });

  it('feeds here-documents to kubectl apply -f - and counts failures', () => {
    const cluster = createCluster({ seed: 3 });
    let out = '';
    const script = "kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  containers:\n  - name: c\n    image: nginx\nEOF\nkubectl frobnicate\n";
    const failures = runScript(cluster, script, { files: {}, write: (t) => (out += t) });
    expect(out).toContain('$ kubectl apply -f -\npod/hello created\n');
    expect(failures).toBe(1);
    expect(cluster.sim.store.get('Pod', 'default', 'hello')).toBeDefined();
  });

  it('runs as `npm run sim` from the shell', () => {
    const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/sim.ts', '-e', 'advance 5s'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('$ advance 5s\n(virtual time is now 0h00m05s)\n');
    expect(result.status).toBe(0);
  });
});
