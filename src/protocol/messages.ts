/**
 * WARNING: imported by both threads (worker and page). Types and constants only.
 *
 * The page ⇄ worker contract. The page sends `ToEngine` messages; the worker answers with one
 * `hello` (a full snapshot), then `patch`es (net diffs, at most one per frame from the pacer) and an
 * `ack` per `command`. A command's effects are always posted (as a patch) before its ack, so when
 * the page sees the ack its store already shows what the command did.
 *
 * Bump PROTOCOL_VERSION on any incompatible change; the worker refuses a mismatched `init` with
 * `fatal`.
 */
import type { AppliedObjectDto, DiffDto, EventDto, FocusDto, ManifestDto, ManifestErrorDto, NodeConfigDto, SnapshotDto } from './dto';
import type { DiffResultDto, LoggedCommandDto, ResumeDto, ScenarioDto, ScenarioStateDto } from './learning';

/**
 * 2: focus, view_at / view_live (time travel), owners' selector requirements.
 * 3: scenarios, load / resume / log (share links, crash recovery), console streams and completion, diff.
 */
export const PROTOCOL_VERSION = 3;

/** Playback speeds the pacer accepts, as multiples of wall time. 0 means paused. */
export const SPEEDS = [0, 0.25, 0.5, 1, 2, 5, 10, 30, 60] as const;
/** Teacher mode's slow motion. */
export const SLOW_MOTION_SPEED = 0.25;
export type Speed = (typeof SPEEDS)[number];

export function isSpeed(value: unknown): value is Speed {
  return typeof value === 'number' && (SPEEDS as readonly number[]).includes(value);
}

/** What the page asks the engine to do; each gets exactly one `ack`. */
export type EngineCommand =
  | { readonly type: 'apply'; readonly text: string; readonly fileName?: string; readonly mode?: 'apply' | 'create' | 'replace' }
  /**
   * `stream: true` (the console): a command that keeps printing in a terminal (`get -w`, `logs -f`,
   * `rollout status`, `delete` waiting) stays open; its result has a `streamId` and its further
   * output comes as `stream` messages until done or `stream_stop`.
   */
  | { readonly type: 'kubectl'; readonly line: string; readonly stdin?: string; readonly files?: Readonly<Record<string, string>>; readonly stream?: boolean }
  | { readonly type: 'delete'; readonly kind: string; readonly name: string; readonly namespace?: string }
  /** The full stored object (for inspectors and YAML views); `object` is undefined when gone. */
  | { readonly type: 'get'; readonly uid: string }
  /** JSON schema for editor validation; `schema` is null while the engine offers none. */
  | { readonly type: 'schema' }
  /**
   * Show the cluster as it was at virtual time `atMs` (clamped to [0, now]): the worker replays the
   * command log into a separate cluster (the live one is not touched; the page pauses it first). A
   * `focus` message from the past follows the ack.
   */
  | { readonly type: 'view_at'; readonly atMs: number }
  /** Back to the live cluster: focus comes from it again. */
  | { readonly type: 'view_live' }
  /** Console tab completion for the word at the end of `line` (not logged). */
  | { readonly type: 'complete'; readonly line: string }
  /** Every guided scenario (texts in both languages, files, steps, checks). */
  | { readonly type: 'scenarios' }
  /** Each document of `text` against its live object: what `kubectl apply` would change (not logged). */
  | { readonly type: 'diff'; readonly text: string; readonly fileName?: string }
  /** The learner moves past a step by hand (steps without a check, or skipping one). */
  | { readonly type: 'scenario_step_done'; readonly stepId: string };

export type CommandResult =
  | { readonly type: 'apply'; readonly applied: readonly AppliedObjectDto[]; readonly errors: readonly ManifestErrorDto[]; readonly warnings: readonly ManifestErrorDto[] }
  | { readonly type: 'kubectl'; readonly stdout: string; readonly stderr: string; readonly exitCode: number; readonly streamId?: string }
  | { readonly type: 'delete'; readonly deleted: boolean; readonly message: string }
  | { readonly type: 'get'; readonly object: unknown }
  | { readonly type: 'schema'; readonly schema: unknown }
  /** `replayedFromMs`: where the replay started (0 or a kept checkpoint); `replayMs`: its wall time. */
  | { readonly type: 'view_at'; readonly atMs: number; readonly liveClockMs: number; readonly snapshot: SnapshotDto; readonly replayedFromMs: number; readonly replayMs: number }
  | { readonly type: 'view_live' }
  | { readonly type: 'complete'; readonly from: number; readonly candidates: readonly string[] }
  | { readonly type: 'scenarios'; readonly scenarios: readonly ScenarioDto[] }
  | { readonly type: 'diff'; readonly result: DiffResultDto }
  | { readonly type: 'scenario_step_done' };

export type CommandResultOf<C extends EngineCommand> = Extract<CommandResult, { type: C['type'] }>;

export type ToEngine =
  /** Creates the cluster. `manifests` default to the built-in scenario; pass [] for an empty cluster. */
  | {
      readonly type: 'init';
      readonly protocolVersion: number;
      readonly seed: number;
      readonly nodes?: readonly NodeConfigDto[];
      readonly manifests?: readonly ManifestDto[];
      /** Initial playback speed (default 1). */
      readonly speed?: Speed;
      /** Virtual ms to run before the first hello (so pods are already up). Default 0. */
      readonly warmupMs?: number;
      /** A guided scenario (see ClusterSetupDto.scenarioId). */
      readonly scenarioId?: string;
      /** Continue a session (share link, reload, crash recovery) instead of starting fresh. */
      readonly resume?: ResumeDto;
    }
  /**
   * Replaces the cluster (a scenario, an imported session): like init without the version check.
   * Answered by a new hello; `reset` later returns to this setup's start.
   */
  | {
      readonly type: 'load';
      readonly seed: number;
      readonly nodes?: readonly NodeConfigDto[];
      readonly manifests?: readonly ManifestDto[];
      readonly speed?: Speed;
      readonly scenarioId?: string;
      readonly resume?: ResumeDto;
    }
  /** Stops a console stream (Ctrl+C); answered by its final `stream` message. */
  | { readonly type: 'stream_stop'; readonly streamId: string }
  /**
   * Test hook (e2e crash recovery): `now` throws in the worker at once, `next_command` when the next
   * command arrives (before it runs), `engine` makes the next time advance throw inside the host.
   */
  | { readonly type: 'debug_crash'; readonly when: 'now' | 'next_command' | 'engine' }
  | { readonly type: 'command'; readonly requestId: string; readonly command: EngineCommand }
  | { readonly type: 'set_speed'; readonly speed: Speed }
  /** Advances virtual time by exactly `advanceMs` (used while paused). */
  | { readonly type: 'step'; readonly advanceMs: number }
  /** Rebuilds the cluster from the last init (optionally with a new seed); answered by a new hello. */
  | { readonly type: 'reset'; readonly seed?: number }
  /** The page lost track (rv gap); answered by a new hello with the current state. */
  | { readonly type: 'resync' }
  /**
   * The object the page inspects (null: none). The worker answers with a `focus` message now and
   * whenever what it shows changes, from the live cluster or, while viewing the past, from the past.
   */
  | { readonly type: 'focus'; readonly uid: string | null };

export type FromEngine =
  | {
      readonly type: 'hello';
      readonly protocolVersion: number;
      readonly seed: number;
      readonly clockMs: number;
      readonly rv: number;
      readonly speed: Speed;
      readonly snapshot: SnapshotDto;
      /** Problems applying init's manifests (the cluster starts anyway, without those objects). */
      readonly initErrors: readonly ManifestErrorDto[];
      /** The whole command log without `advance` entries (the page's mirror starts over from it). */
      readonly log?: readonly LoggedCommandDto[];
    }
  /** Log entries (no advances) appended since the last hello/log message; posted before the ack of the command that added them. */
  | { readonly type: 'log'; readonly entries: readonly LoggedCommandDto[] }
  /** The active scenario and its progress (after hello, and whenever progress or resolved commands change). */
  | ({ readonly type: 'scenario' } & ScenarioStateDto)
  /** More output of a console stream; `done` is the last message for that stream. */
  | { readonly type: 'stream'; readonly streamId: string; readonly stdout: string; readonly stderr: string; readonly done: boolean; readonly exitCode: number }
  | {
      readonly type: 'patch';
      readonly clockMs: number;
      readonly fromRv: number;
      readonly toRv: number;
      readonly diff: DiffDto;
      /** Events recorded or updated since the previous patch (an aggregated event reappears with its new count). */
      readonly events: readonly EventDto[];
    }
  /** The speed the pacer now runs at (confirms set_speed, or reports a pause after a fatal). */
  | { readonly type: 'playback'; readonly speed: Speed }
  | { readonly type: 'ack'; readonly requestId: string; readonly result?: CommandResult; readonly error?: string }
  /** The engine threw: the simulation is stopped. The seed (plus the command log) reproduces it. */
  | { readonly type: 'fatal'; readonly message: string; readonly seed: number }
  /** What the inspector shows for `uid`; null when the object does not exist (there and then). */
  | { readonly type: 'focus'; readonly source: 'live' | 'past'; readonly uid: string; readonly focus: FocusDto | null }

