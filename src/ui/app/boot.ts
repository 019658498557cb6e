import { DEFAULT_SCENARIO, DEFAULT_SCENARIO_FILE, DEFAULT_SEED } from '../../bridge/constants';
import type { StartOptions } from '../../bridge/engineClient';
import type { EditorFile } from '../../store/learningSlice';
import type { SessionPayload } from '../session/payload';
import { decodeShare, hasShare } from '../session/shareLink';

export interface Boot {
  readonly start: StartOptions;
  /** Editor tabs to open with (undefined: the scenario's files once the catalog arrives). */
  readonly files?: readonly EditorFile[];
  readonly activeFile?: string;
  /** `?scenario=<id>`: its files go into the editor when the catalog arrives. */
  readonly scenarioFiles?: string;
  /** Why the share link in the URL could not be opened. */
  readonly linkErrors?: readonly string[];
  /** Where the start came from (tests, messages). */
  readonly source: 'share' | 'scenario' | 'saved' | 'default';
}

/** The engine start options that continue `payload` (paused: the receiver sees the same moment). */
export function resumeOptions(payload: SessionPayload, speed: 0 | 1 = 0): StartOptions & { seed: number } {
  return {
    seed: payload.setup.seed,
    nodes: payload.setup.nodes,
    manifests: payload.setup.manifests,
    scenarioId: payload.setup.scenarioId,
    speed,
    resume: { log: payload.log, untilMs: payload.clockMs, progress: payload.progress },
  };
}

export const DEFAULT_FILES: readonly EditorFile[] = [{ name: DEFAULT_SCENARIO_FILE, text: DEFAULT_SCENARIO }];

/**
 * How the page starts, in order: a share link in the hash (exactly that cluster, paused at that
 * moment), `?scenario=<id>` (a fresh guided scenario), the session saved in this browser (where the
 * learner left off, paused), else the built-in playground. `?seed=` picks the seed of a fresh start.
 */
export function chooseBoot(input: {
  readonly hash: string;
  readonly params: URLSearchParams;
  readonly saved?: SessionPayload;
  readonly savedFiles?: { files: readonly EditorFile[]; activeFile?: string };
}): Boot {
  const seedParam = Number(input.params.get('seed'));
  const seed = Number.isInteger(seedParam) && seedParam > 0 ? seedParam : DEFAULT_SEED;
  const files = input.savedFiles?.files.length ? input.savedFiles.files : DEFAULT_FILES;
  let linkErrors: readonly string[] | undefined;
  if (hasShare(input.hash)) {
    const shared = decodeShare(input.hash);
    if (shared.ok) return { start: resumeOptions(shared.value), files: shared.value.files, activeFile: shared.value.activeFile, source: 'share' };
    linkErrors = shared.errors;
  }
  const scenarioId = input.params.get('scenario');
  if (scenarioId && /^[a-z0-9][a-z0-9-]{0,63}$/.test(scenarioId)) {
    return { start: { seed: input.params.has('seed') ? seed : DEFAULT_SEED, scenarioId, manifests: [] }, scenarioFiles: scenarioId, linkErrors, source: 'scenario' };
  }
  if (input.saved && !input.params.has('seed')) {
    return { start: resumeOptions(input.saved), files: input.saved.files, activeFile: input.saved.activeFile, linkErrors, source: 'saved' };
  }
  return { start: { seed }, files, activeFile: input.savedFiles?.activeFile, linkErrors, source: 'default' };
}
