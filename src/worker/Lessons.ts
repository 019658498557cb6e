import type { Cluster } from '../engine/index';
import { SCENARIOS, evaluateScenario, markStepDone, resolveCommand, scenarioById, startProgress, type Scenario, type ScenarioProgress } from '../scenarios/index';
import type { ScenarioStateDto } from '../protocol/learning';

/** Re-check the current step at least every this many frames even when nothing changed (checks may read the clock). */
export const LESSON_REFRESH_FRAMES = 10;

/**
 * The active guided scenario in the worker: evaluates the current step's check against the live
 * cluster after changes and reports progress (and the step's commands with their placeholders
 * resolved) only when that changes.
 */
export class Lessons {
  private scenario: Scenario | undefined;
  private progress: ScenarioProgress | undefined;
  private sent = '';
  private framesSinceCheck = 0;

  constructor(private readonly post: (state: ScenarioStateDto) => void) {}

  static catalog(): readonly Scenario[] {
    return SCENARIOS;
  }

  static find(id: string | undefined): Scenario | undefined {
    return id === undefined ? undefined : scenarioById(id);
  }

  get scenarioId(): string | null {
    return this.scenario?.id ?? null;
  }

  /** Starts (or clears, with undefined) the scenario; `progress` continues a saved one when it fits. */
  start(scenario: Scenario | undefined, progress?: ScenarioProgress): void {
    this.scenario = scenario;
    this.progress = scenario ? (validProgress(scenario, progress) ?? startProgress(scenario)) : undefined;
    this.sent = '';
    this.framesSinceCheck = 0;
  }

  /** After a frame or command: evaluates when something changed (or every few frames) and posts changes. */
  update(cluster: Cluster, changed: boolean): void {
    if (!this.scenario || !this.progress) {
      this.postIfChanged({ scenarioId: null, progress: null, commands: [] });
      return;
    }
    this.framesSinceCheck++;
    if (!changed && this.framesSinceCheck < LESSON_REFRESH_FRAMES && this.sent !== '') return;
    this.framesSinceCheck = 0;
    this.progress = evaluateScenario(cluster, this.scenario, this.progress);
    this.postIfChanged(this.state(cluster));
  }

  stepDone(cluster: Cluster, stepId: string): void {
    if (!this.scenario || !this.progress) throw new Error('No scenario is loaded.');
    if (!this.scenario.steps.some((s) => s.id === stepId)) throw new Error(`Unknown step "${stepId}".`);
    this.progress = markStepDone(this.scenario, this.progress, stepId, cluster.now());
    this.update(cluster, true);
  }

  private state(cluster: Cluster): ScenarioStateDto {
    const scenario = this.scenario!;
    const progress = this.progress!;
    const step = scenario.steps[progress.current];
    const commands = step ? step.commands.map((line) => resolveCommand(cluster, line).line) : [];
    return { scenarioId: scenario.id, progress, commands };
  }

  private postIfChanged(state: ScenarioStateDto): void {
    const json = JSON.stringify(state);
    if (json === this.sent) return;
    this.sent = json;
    this.post(state);
  }
}

/** A saved progress is used only if it belongs to this scenario and names its steps. */
function validProgress(scenario: Scenario, progress: ScenarioProgress | undefined): ScenarioProgress | undefined {
  if (!progress || progress.scenarioId !== scenario.id) return undefined;
  const ids = new Set(scenario.steps.map((s) => s.id));
  const done: Record<string, { atMs: number; how: 'check' | 'manual' }> = {};
  for (const [id, value] of Object.entries(progress.done ?? {})) {
    if (ids.has(id) && value && Number.isFinite(value.atMs)) done[id] = { atMs: value.atMs, how: value.how === 'manual' ? 'manual' : 'check' };
  }
  const current = Math.max(0, Math.min(scenario.steps.length, Math.floor(Number(progress.current) || 0)));
  return { scenarioId: scenario.id, current, done, complete: current >= scenario.steps.length };
}
