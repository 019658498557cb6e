import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { isStreamingCommand, watchKubectl } from './watch';
import { replayCluster } from '../sim/Cluster';
import * as M from './__golden__/manifests';

describe('watchKubectl', () => {
  it('returns the first output at once and later rows as time passes, until stopped', () => {
    const c = createCluster({ seed: 1 });
    const s = watchKubectl(c, 'get pods -w');
    expect(s.streaming).toBe(true);
    // A watch on an empty list prints nothing (no "No resources found") and waits.
    expect(s.initial).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    c.kubectl('run nginx --image=nginx');
    c.advance(1000);
    const first = s.poll();
    expect(first.done).toBe(false);
    expect(first.stdout.split('\n')[0]).toBe('NAME    READY   STATUS    RESTARTS   AGE');
    expect(first.stdout).toContain('nginx   0/1     Pending   0          0s\n');
    c.advance(10_000);
    expect(s.poll().stdout).toMatch(/nginx   1\/1     Running +0 +\d+s\n/);
    s.stop();
    c.kubectl('delete pod nginx --now');
    expect(s.poll()).toEqual({ stdout: '', stderr: '', done: true, exitCode: 0 });
  });

  it('ends by itself when the command would return, with its exit code', () => {
    const c = createCluster({ seed: 1 });
    c.apply(M.WEB_DEPLOYMENT);
    const s = watchKubectl(c, 'rollout status deploy/web');
    expect(s.initial.stdout).toBe('Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...\n');
    let done = false;
    let out = '';
    for (let i = 0; i < 60 && !done; i++) {
      c.advance(1000);
      const chunk = s.poll();
      out += chunk.stdout;
      done = chunk.done;
      if (done) expect(chunk.exitCode).toBe(0);
    }
    expect(done).toBe(true);
    expect(out.endsWith('deployment "web" successfully rolled out\n')).toBe(true);
  });

  it('runs non-streaming commands to completion at once', () => {
    const c = createCluster({ seed: 1 });
    const s = watchKubectl(c, 'get nodes');
    expect(s.streaming).toBe(false);
    expect(s.initial.exitCode).toBe(0);
    expect(s.poll()).toEqual({ stdout: '', stderr: '', done: true, exitCode: 0 });
    const bad = watchKubectl(c, 'get pods -w --foo');
    expect(bad.streaming).toBe(false);
    expect(bad.initial.exitCode).toBe(1);
  });

  it('logs the line so a replay rebuilds the same cluster, polls included', () => {
    const c = createCluster({ seed: 3 });
    c.apply(M.WEB_DEPLOYMENT);
    c.advance(20_000);
    const s = watchKubectl(c, 'drain node-1 --ignore-daemonsets --force');
    for (let i = 0; i < 40; i++) {
      c.advance(1000);
      if (s.poll().done) break;
    }
    const again = replayCluster({ seed: 3 }, c.commandLog());
    expect(again.fingerprint()).toBe(c.fingerprint());
  });
});

describe('isStreamingCommand', () => {
  it('recognises the commands that keep printing', () => {
    for (const line of ['get pods -w', 'kubectl get deploy --watch', 'get po --watch-only', 'events -w', 'logs -f nginx', 'logs nginx --follow', 'rollout status deploy/web', 'drain node-1', 'delete pod nginx', 'replace -f x.yaml --force']) {
      expect(isStreamingCommand(line), line).toBe(true);
    }
    for (const line of ['get pods', 'logs nginx', 'rollout status deploy/web --watch=false', 'delete pod nginx --wait=false', 'describe pod nginx', 'replace -f x.yaml']) {
      expect(isStreamingCommand(line), line).toBe(false);
    }
  });
});
