/**
 * Plays a guided scenario through the engine headlessly, the way a learner would: run a step's
 * kubectl lines (placeholders resolved against the live cluster), let virtual time pass in small
 * ticks, and watch the scenario progress tick the step. Every assertion message carries the
 * check's detail text, so a failing run says what the cluster showed instead.
 */
import { expect } from 'vitest';
import { createCluster, parseSelector, type Cluster, type EventRecord, type KubeObject, type KubectlResult } from '../../src/engine/index';
import {
  clusterConfigOf,
  evaluateCheck,
  evaluateScenario,
  filesOf,
  markStepDone,
  podColumns,
  resolveCommand,
  startProgress,
  type Check,
  type CheckResult,
  type Scenario,
  type ScenarioProgress,
  type Step,
} from '../../src/scenarios/index';

export interface CommandRun {
  readonly line: string;
  readonly result: KubectlResult;
}

export interface StepOptions {
  /** Indexes of commands that are expected to fail (exit code ≠ 0). Every other command must succeed. */
  readonly failing?: readonly number[];
  /** Skip the "check must not pass before the step's commands" assertion (state legitimately already there). */
  readonly preSatisfied?: boolean;
}

export class Player {
  readonly cluster: Cluster;
  readonly files: Record<string, string>;
  progress: ScenarioProgress;
  /** Virtual ms when the last step's commands ran. */
  stepStartMs = 0;
  readonly runs: CommandRun[] = [];
  /** STATUS column history of tracked pods: consecutive duplicates folded, with the virtual ms first seen. */
  private readonly histories = new Map<string, { status: string; restarts: number; atMs: number }[]>();
  /** Extra per-tick assertions (invariants during a rollout, etc.). */
  private readonly watchers: ((player: Player) => void)[] = [];

  constructor(readonly scenario: Scenario, seed?: number) {
    this.cluster = createCluster({ ...clusterConfigOf(scenario), ...(seed !== undefined ? { seed } : {}), freezeObjects: true });
    this.files = filesOf(scenario);
    this.progress = startProgress(scenario);
  }

  stepById(id: string): Step {
    const step = this.scenario.steps.find((s) => s.id === id);
    if (!step) throw new Error(`scenario ${this.scenario.id} has no step ${id}`);
    return step;
  }

  /** Virtual seconds since the current step's commands ran. */
  sinceStepS(): number {
    return (this.cluster.now() - this.stepStartMs) / 1000;
  }

  /** Runs one kubectl line (placeholders resolved) outside the scenario's steps, for assertions. */
  kubectl(line: string): KubectlResult {
    const resolved = resolveCommand(this.cluster, line);
    expect(resolved.unresolved, `placeholders in "${line}" must resolve`).toEqual([]);
    return this.cluster.kubectl(resolved.line.replace(/^kubectl\s+/, ''), { files: this.files });
  }

  /**
   * Runs a step's commands. The step must be the current one, and (for steps with a check) its
   * check must not pass yet — a step that ticks before the learner did anything teaches nothing.
   */
  step(id: string, options: StepOptions = {}): CommandRun[] {
    const step = this.stepById(id);
    const index = this.scenario.steps.indexOf(step);
    expect(this.progress.current, `step ${id} should be the current step (progress at ${this.scenario.steps[this.progress.current]?.id ?? 'end'})`).toBe(index);
    if (step.check && !options.preSatisfied) {
      const before = this.evaluate(step.check);
      expect(before.passed, `check of step ${id} must not pass before its commands: ${before.detail.en}`).toBe(false);
    }
    this.stepStartMs = this.cluster.now();
    const runs: CommandRun[] = [];
    step.commands.forEach((line, i) => {
      const resolved = resolveCommand(this.cluster, line);
      expect(resolved.unresolved, `placeholders in "${line}" must resolve`).toEqual([]);
      const result = this.cluster.kubectl(resolved.line.replace(/^kubectl\s+/, ''), { files: this.files });
      const run = { line: resolved.line, result };
      runs.push(run);
      this.runs.push(run);
      const failing = options.failing?.includes(i) ?? false;
      if (failing) expect(result.exitCode, `"${resolved.line}" should fail\nstdout: ${result.stdout}`).not.toBe(0);
      else expect(result.exitCode, `"${resolved.line}" should succeed\nstderr: ${result.stderr}\nstdout: ${result.stdout}`).toBe(0);
    });
    if (!step.check) this.progress = markStepDone(this.scenario, this.progress, step.id, this.cluster.now());
    else this.tick();
    return runs;
  }

  /** Re-evaluates scenario progress (the worker does this after every tick). */
  tick(): void {
    this.progress = evaluateScenario(this.cluster, this.scenario, this.progress);
    for (const [name, history] of this.histories) {
      const pod = this.cluster.sim.store.get('Pod', 'default', name);
      const columns = pod ? podColumns(pod, this.cluster.now()) : { status: '<gone>', restarts: 0 };
      const last = history[history.length - 1];
      if (!last || last.status !== columns.status || last.restarts !== columns.restarts) history.push({ status: columns.status, restarts: columns.restarts, atMs: this.cluster.now() });
    }
    for (const watcher of this.watchers) watcher(this);
  }

  /** Events with this reason (and involved object name), oldest first. */
  eventsOf(reason: string, involvedName?: string): EventRecord[] {
    return this.cluster.events().filter((e) => e.reason === reason && (involvedName === undefined || e.involvedObject.name === involvedName));
  }

  /** Occurrences of an event (aggregated counts summed). */
  eventCount(reason: string, involvedName?: string): number {
    return this.eventsOf(reason, involvedName).reduce((sum, e) => sum + e.count, 0);
  }

  /** Names of pods matching a selector, sorted; terminating ones only if asked. */
  podNames(selector: string, includeTerminating = false): string[] {
    const sel = parseSelector(selector);
    return this.cluster.sim.store
      .list('Pod', 'default')
      .filter((p) => (includeTerminating || !p.metadata.deletionTimestamp) && sel.matches(p.metadata.labels))
      .map((p) => p.metadata.name)
      .sort();
  }

  /** The pod as stored. */
  pod(name: string): KubeObject | undefined {
    return this.cluster.sim.store.get('Pod', 'default', name);
  }

  /** Records the STATUS column of a pod at every tick from now on. */
  track(podName: string): void {
    if (!this.histories.has(podName)) this.histories.set(podName, []);
  }

  /** The tracked pod's STATUS values, consecutive duplicates folded. */
  statuses(podName: string): string[] {
    const out: string[] = [];
    for (const entry of this.histories.get(podName) ?? []) if (out[out.length - 1] !== entry.status) out.push(entry.status);
    return out;
  }

  /** The tracked pod's history: STATUS and restart count, with the virtual ms each was first seen. */
  history(podName: string): readonly { status: string; restarts: number; atMs: number }[] {
    return this.histories.get(podName) ?? [];
  }

  /** Virtual ms when the tracked pod first showed `status` (with at least `minRestarts`), if ever. */
  firstSeen(podName: string, status: string, minRestarts = 0): number | undefined {
    return this.histories.get(podName)?.find((e) => e.status === status && e.restarts >= minRestarts)?.atMs;
  }

  /** Runs `watcher` after every tick until `stop()` is called. */
  watch(watcher: (player: Player) => void): () => void {
    this.watchers.push(watcher);
    return () => this.watchers.splice(this.watchers.indexOf(watcher), 1);
  }

  /** Advances virtual time in 1 s ticks, evaluating progress after each. */
  advance(seconds: number): void {
    for (let i = 0; i < seconds; i++) {
      this.cluster.advance(1000);
      this.tick();
    }
  }

  evaluate(check: Check): CheckResult {
    return evaluateCheck(this.cluster, check);
  }

  checkOf(id: string): CheckResult {
    const check = this.stepById(id).check;
    if (!check) throw new Error(`step ${id} has no check`);
    return this.evaluate(check);
  }

  /** True once scenario progress has ticked this step. */
  done(id: string): boolean {
    return this.progress.done[id] !== undefined;
  }

  /**
   * Lets time pass (1 s ticks) until the step is ticked, at most `maxSeconds` after its commands.
   * Returns the virtual seconds from the step's commands to the tick.
   */
  waitUntilDone(id: string, maxSeconds: number): number {
    while (!this.done(id) && this.sinceStepS() < maxSeconds) this.advance(1);
    if (!this.done(id)) {
      const detail = this.checkOf(id).detail.en;
      throw new Error(`step ${id} of ${this.scenario.id} not done ${maxSeconds}s after its commands: ${detail}\n\n$ kubectl get pods -o wide\n${this.cluster.kubectl('get pods -o wide').stdout}${this.cluster.kubectl('get pods -o wide').stderr}`);
    }
    return (this.progress.done[id].atMs - this.stepStartMs) / 1000;
  }

  /** Advances until `predicate` holds (1 s ticks, at most maxSeconds); returns the seconds waited. */
  waitFor(what: string, maxSeconds: number, predicate: () => boolean): number {
    const start = this.cluster.now();
    while (!predicate()) {
      if ((this.cluster.now() - start) / 1000 >= maxSeconds) throw new Error(`${what}: not reached within ${maxSeconds}s\n$ kubectl get pods -o wide\n${this.cluster.kubectl('get pods -o wide').stdout}`);
      this.advance(1);
    }
    return (this.cluster.now() - start) / 1000;
  }

  /** The row of a `kubectl get` table whose first cell is `name`, keyed by header. */
  row(line: string, name: string): Record<string, string> | undefined {
    const result = this.kubectl(line);
    expect(result.exitCode, `${line}: ${result.stderr}`).toBe(0);
    return parseTable(result.stdout).find((r) => r.NAME === name);
  }
}

/** Parses kubectl's column output by header positions (cells may contain single spaces, e.g. `7 (5m ago)`). */
export function parseTable(stdout: string): Record<string, string>[] {
  const lines = stdout.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const header = lines[0];
  const starts: { name: string; at: number }[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(header))) starts.push({ name: m[0], at: m.index });
  return lines.slice(1).map((line) => {
    const row: Record<string, string> = {};
    starts.forEach((col, i) => {
      const end = i + 1 < starts.length ? starts[i + 1].at : line.length;
      row[col.name] = line.slice(col.at, end).trim();
    });
    return row;
  });
}

/** Header cells of a kubectl table. */
export function headerOf(stdout: string): string[] {
  const first = stdout.split('\n')[0] ?? '';
  return first.trim().split(/ {2,}/);
}

/** A RESTARTS cell like `7 (5m ago)` or `0`. */
export function restartsCell(count: number): RegExp {
  return count === 0 ? /^0$/ : new RegExp(`^${count} \\(\\d+(?:[smhd]\\d*)+[smhd]? ago\\)$`);
}
