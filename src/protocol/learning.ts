/**
 * WARNING: imported by both threads (worker and page). Types only.
 *
 * The learning surface's part of the protocol: guided scenarios, the replayable command log (share
 * links, crash recovery, reload), console streams and completion, and the editor's diff.
 */
import type { LoggedCommand } from '../engine/index';
import type { CheckResult, Scenario, ScenarioProgress } from '../scenarios/types';
import type { ManifestDto, ManifestErrorDto, NodeConfigDto } from './dto';

/** A guided scenario as the worker sends it (plain data: texts, files, steps and their checks). */
export type ScenarioDto = Scenario;
export type ScenarioProgressDto = ScenarioProgress;
export type CheckResultDto = CheckResult;

/**
 * One entry of the engine's command log, as `Cluster.commandLog()` keeps it. The page mirrors the
 * log without `advance` entries: seed + setup + these entries + the clock replay the cluster.
 */
export type LoggedCommandDto = LoggedCommand;

/**
 * How a cluster starts: a seed, its nodes (default node-1..3; a scenario brings its own) and the
 * manifests applied at time 0 (default: the built-in nginx ReplicaSet; [] for none).
 */
export interface ClusterSetupDto {
  readonly seed: number;
  readonly nodes?: readonly NodeConfigDto[];
  readonly manifests?: readonly ManifestDto[];
  /** A guided scenario: its nodes and seed unless given, no manifests unless given, and its checks. */
  readonly scenarioId?: string;
}

/**
 * Picks up a session where it was: the log (without advances; it already holds the applies of the
 * setup's manifests) is replayed from a fresh cluster, then time runs to `untilMs`.
 */
export interface ResumeDto {
  readonly log: readonly LoggedCommandDto[];
  readonly untilMs: number;
  /** Scenario progress to continue from (ticked steps stay ticked). */
  readonly progress?: ScenarioProgressDto;
}

/** What the worker reports about the active scenario after each change (null scenarioId: none). */
export interface ScenarioStateDto {
  readonly scenarioId: string | null;
  readonly progress: ScenarioProgressDto | null;
  /** The current step's commands with `{pod:…}` placeholders resolved against the live cluster. */
  readonly commands: readonly string[];
}

/** One document of an editor file compared with the live object (`original`: '' when it does not exist). */
export interface DiffDocumentDto {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly original: string;
  readonly modified: string;
}

export interface DiffResultDto {
  readonly documents: readonly DiffDocumentDto[];
  /** Why nothing could be compared (YAML or validation errors, as apply would report them). */
  readonly errors: readonly ManifestErrorDto[];
}
