/**
 * Replays a DST failure exactly: `npx tsx tests/dst/replay.ts reports/dst/<name>.json [--no-invariants] [--log]`.
 *
 * The file is what the fuzz suite writes on failure (and prints in the CI log as "Replay file: {…}"):
 * the cluster seed, the node configs and the command log. The replay re-runs the log with
 * `checkInvariants` after every drain and `assertConverged` at the end if the original run failed in
 * its quiet phase, then prints where it failed, or that it passed. Exit code 1 on failure.
 *
 * `--log` prints the commands as they replay; `--no-invariants` runs without the checker (to see
 * whether a crash is the engine's or the checker's).
 */
import { readFileSync } from 'node:fs';
import { replayFile, type ReplayFile } from './scenario';

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith('--'));
if (!path) {
  console.error('usage: npx tsx tests/dst/replay.ts <replay-file.json> [--no-invariants] [--log]');
  process.exit(2);
}
const file = JSON.parse(readFileSync(path, 'utf8')) as ReplayFile;
if (args.includes('--log')) {
  file.log.forEach((entry, i) => console.log(`#${i} t=${entry.atMs}ms ${JSON.stringify(entry.command).slice(0, 300)}`));
}
const result = replayFile(file, { invariants: !args.includes('--no-invariants') });
if (result.error === undefined) {
  console.log(`replayed ${result.commands} commands to t=${result.cluster.now()}ms: no failure${file.error ? ' (the original run failed: the failure did not reproduce)' : ''}`);
  process.exit(file.error ? 1 : 0);
}
const where = result.failedAt === 'quiet' ? 'the convergence check' : `command #${result.failedAt}: ${JSON.stringify(file.log[result.failedAt as number]).slice(0, 500)}`;
console.error(`failed at ${where} (t=${result.cluster.now()}ms)`);
console.error(result.error instanceof Error ? result.error.stack : String(result.error));
process.exit(1);
