/** Models controller_utils.go SlowStartInitialBatchSize. */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/**
 * Models replica_set.go slowStartBatch: calls `fn` `count` times in batches of 1, 2, 4, 8…; a batch
 * with any failure ends the run (the rest are skipped so a bad template cannot flood the apiserver).
 * Returns how many calls succeeded. `fn` gets the batch number so callers can show the batching.
 */
export function slowStartBatch(count: number, initialBatchSize: number, fn: (batch: number) => boolean): number {
  let remaining = count;
  let successes = 0;
  let batch = 0;
  for (let batchSize = Math.min(remaining, initialBatchSize); batchSize > 0; batchSize = Math.min(2 * batchSize, remaining)) {
    let failures = 0;
    for (let i = 0; i < batchSize; i++) if (!fn(batch)) failures++;
    successes += batchSize - failures;
    if (failures > 0) return successes;
    remaining -= batchSize;
    batch++;
  }
  return successes;
}
