/**
 * Put a limit on everything (TigerBeetle): a bug or a hostile manifest must end a step, never hang
 * the tab. Work left over when a bound is hit stays queued and continues on the next step.
 */
export const MAX_RECONCILES_PER_DRAIN = 2_000_000;
/** Objects the simulated apiserver accepts in total; beyond it creates fail with a clear message. */
export const MAX_OBJECTS = 200_000;
/** Largest advance a single command may request (one simulated week). */
export const MAX_ADVANCE_MS = 7 * 24 * 60 * 60 * 1000;
/** Manifest text accepted by apply, in characters. */
export const MAX_MANIFEST_CHARS = 2_000_000;
/**
 * Nesting levels a manifest may have. The deepest Pod fields are about 12 levels down; the YAML
 * parser recurses per level and would overflow the stack near a few thousand.
 */
export const MAX_NESTING_DEPTH = 100;
/** Documents in one apply. */
export const MAX_DOCUMENTS = 500;
/** Largest replicas count accepted for a workload. */
export const MAX_REPLICAS = 100_000;
/**
 * Longest grace period a deletion honours (about 100 years): a manifest's int64
 * terminationGracePeriodSeconds can be far beyond what a timestamp can show.
 */
export const MAX_GRACE_PERIOD_SECONDS = 100 * 365 * 24 * 60 * 60;
