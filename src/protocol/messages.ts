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
import type { AppliedObjectDto, DiffDto, EventDto, ManifestDto, ManifestErrorDto, NodeConfigDto, SnapshotDto } from './dto';

export const PROTOCOL_VERSION = 1;

/** Playback speeds the pacer accepts, as multiples of wall time. 0 means paused. */
export const SPEEDS = [0, 0.5, 1, 2, 5, 10, 30, 60] as const;
export type Speed = (typeof SPEEDS)[number];

export function isSpeed(value: unknown): value is Speed {
  return typeof value === 'number' && (SPEEDS as readonly number[]).includes(value);
}

/** What the page asks the engine to do; each gets exactly one `ack`. */
export type EngineCommand =
  | { readonly type: 'apply'; readonly text: string; readonly fileName?: string; readonly mode?: 'apply' | 'create' | 'replace' }
  | { readonly type: 'kubectl'; readonly line: string; readonly stdin?: string; readonly files?: Readonly<Record<string, string>> }
  | { readonly type: 'delete'; readonly kind: string; readonly name: string; readonly namespace?: string }
  /** The full stored object (for inspectors and YAML views); `object` is undefined when gone. */
  | { readonly type: 'get'; readonly uid: string }
  /** JSON schema for editor validation; `schema` is null while the engine offers none. */
  | { readonly type: 'schema' };

export type CommandResult =
  | { readonly type: 'apply'; readonly applied: readonly AppliedObjectDto[]; readonly errors: readonly ManifestErrorDto[]; readonly warnings: readonly ManifestErrorDto[] }
  | { readonly type: 'kubectl'; readonly stdout: string; readonly stderr: string; readonly exitCode: number }
  | { readonly type: 'delete'; readonly deleted: boolean; readonly message: string }
  | { readonly type: 'get'; readonly object: unknown }
  | { readonly type: 'schema'; readonly schema: unknown };

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
    }
  | { readonly type: 'command'; readonly requestId: string; readonly command: EngineCommand }
  | { readonly type: 'set_speed'; readonly speed: Speed }
  /** Advances virtual time by exactly `advanceMs` (used while paused). */
  | { readonly type: 'step'; readonly advanceMs: number }
  /** Rebuilds the cluster from the last init (optionally with a new seed); answered by a new hello. */
  | { readonly type: 'reset'; readonly seed?: number }
  /** The page lost track (rv gap); answered by a new hello with the current state. */
  | { readonly type: 'resync' };

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
    }
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
  | { readonly type: 'fatal'; readonly message: string; readonly seed: number };
