import { loadCluster, request } from '../../bridge/engineClient';
import { DEFAULT_SCENARIO, DEFAULT_SCENARIO_FILE, DEFAULT_SEED, SLOW_MOTION_SPEED, type Speed } from '../../bridge/constants';
import type { ScenarioDto } from '../../protocol/learning';
import { withMessage } from '../../store/uiSlice';
import { useStore } from '../../store/useStore';
import { focusConsole } from '../console/Console';
import { replaceFiles } from './editorFiles';
import { runConsoleLine } from './runConsole';
import { select } from './select';
import { goLive } from './timeTravel';

let catalogRequest: Promise<readonly ScenarioDto[]> | undefined;

/** Every guided scenario (asked from the worker once). */
export function loadCatalog(): Promise<readonly ScenarioDto[]> {
  const loaded = useStore.getState().scenarios;
  if (loaded) return Promise.resolve(loaded);
  catalogRequest ??= request({ type: 'scenarios' }).then(
    (r) => {
      useStore.setState({ scenarios: r.scenarios });
      return r.scenarios;
    },
    (error: unknown) => {
      catalogRequest = undefined;
      throw error;
    },
  );
  return catalogRequest;
}

/** The speed a new cluster starts at: slow motion in teacher mode, else the learner's last speed. */
function startSpeed(): Speed {
  const s = useStore.getState();
  return s.presenter ? SLOW_MOTION_SPEED : s.lastRunningSpeed;
}

function clearForNewCluster(): void {
  goLive(false);
  select(undefined);
  useStore.setState((s) => ({ applyErrors: [], applyWarnings: [], applyFile: undefined, applySeq: s.applySeq + 1, galleryOpen: false }));
}

/** Opens a guided scenario: a fresh cluster with its nodes, its manifests in the editor. */
export async function startScenario(id: string): Promise<void> {
  const scenario = (await loadCatalog()).find((s) => s.id === id);
  if (!scenario) throw new Error(`Unknown scenario "${id}"`);
  clearForNewCluster();
  replaceFiles(scenario.files.map((f) => ({ name: f.name, text: f.text })));
  loadCluster({ seed: scenario.cluster?.seed ?? DEFAULT_SEED, nodes: scenario.cluster?.nodes, manifests: [], scenarioId: scenario.id, speed: startSpeed() });
  useStore.setState((s) => ({
    messages: withMessage(s.messages, { level: 'info', title: `Lesson: ${scenario.title.en}`, key: 'lesson.started', params: { en: scenario.title.en, ko: scenario.title.ko }, lines: [], clockMs: 0 }),
  }));
}

/** Leaves the scenario for the free playground (the nginx ReplicaSet); the editor keeps its tabs. */
export function startPlayground(): void {
  clearForNewCluster();
  const { files } = useStore.getState();
  if (!files.some((f) => f.name === DEFAULT_SCENARIO_FILE)) replaceFiles([{ name: DEFAULT_SCENARIO_FILE, text: DEFAULT_SCENARIO }, ...files.filter((f) => f.text.trim() !== '')], DEFAULT_SCENARIO_FILE);
  loadCluster({ seed: DEFAULT_SEED, speed: startSpeed() });
}

/** Marks a step done by hand (read-only steps, or skipping one). */
export async function markStepDone(stepId: string): Promise<void> {
  try {
    await request({ type: 'scenario_step_done', stepId });
  } catch (error) {
    useStore.setState((s) => ({ messages: withMessage(s.messages, { level: 'error', title: (error as Error).message, lines: [], clockMs: s.clockMs }) }));
  }
}

/** Puts a step's command at the console prompt, ready to edit or run. */
export function pasteCommand(line: string): void {
  useStore.setState({ consoleInput: line, dockTab: 'console' });
  requestAnimationFrame(focusConsole);
}

/** Runs a step's command in the console, as if typed. */
export function runCommand(line: string): void {
  useStore.setState({ dockTab: 'console' });
  void runConsoleLine(line);
}

export function openGallery(open = true): void {
  useStore.setState({ galleryOpen: open });
  if (open) void loadCatalog().catch(() => undefined);
}
