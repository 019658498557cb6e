#!/usr/bin/env -S npx tsx
/**
 * `npm run sim -- [options] [script]`: the headless Podlab. Loads manifests, runs a script of
 * kubectl commands and `advance` lines against the same engine and kubectl as the browser, and
 * prints each command's output. Teachers and tests use it to check behaviour without a browser.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createCluster, type NodeConfig } from '../engine/index';
import { runScript } from './script';

const USAGE = `Usage: npm run sim -- [options] [script-file]

Options:
  -f, --filename FILE   apply a manifest before the script (repeatable); kubectl -f FILE in the script reads it too
  -e, --exec LINE       run one script line (repeatable), e.g. -e "advance 90s" -e "kubectl get pods"
  --seed N              seed for every random choice (default 1)
  --nodes N             number of worker nodes (default 3; 4 CPU, 8Gi, 110 pods each)
  -h, --help            this help

Script lines: "kubectl get pods -o wide", "advance 90s", "# comment"; a line ending in <<EOF
reads an inline manifest up to a line with only EOF (for kubectl apply -f -).
Without a script file or -e, the script is read from standard input when it is not a terminal.`;

function main(argv: string[]): number {
  const manifests: string[] = [];
  const lines: string[] = [];
  let seed = 1;
  let nodeCount: number | undefined;
  let scriptFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`flag needs an argument: ${arg}`);
      return next;
    };
    if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      return 0;
    } else if (arg === '-f' || arg === '--filename') manifests.push(value());
    else if (arg.startsWith('--filename=')) manifests.push(arg.slice('--filename='.length));
    else if (arg === '-e' || arg === '--exec') lines.push(value());
    else if (arg === '--seed') seed = Number(value());
    else if (arg === '--nodes') nodeCount = Number(value());
    else if (arg.startsWith('-')) throw new Error(`unknown flag: ${arg}\n\n${USAGE}`);
    else if (scriptFile) throw new Error(`only one script file may be given (got ${scriptFile} and ${arg})`);
    else scriptFile = arg;
  }
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if (nodeCount !== undefined && (!Number.isInteger(nodeCount) || nodeCount < 0 || nodeCount > 5000)) throw new Error('--nodes must be an integer from 0 to 5000');

  const files: Record<string, string> = {};
  for (const file of manifests) files[file] = files[basename(file)] = readFileSync(file, 'utf8');
  const nodes: NodeConfig[] | undefined = nodeCount === undefined ? undefined : Array.from({ length: nodeCount }, (_, i) => ({ name: `node-${i + 1}` }));
  const cluster = createCluster({ seed, nodes });
  const write = (text: string) => process.stdout.write(text);

  let failures = 0;
  for (const file of manifests) failures += runScript(cluster, `kubectl apply -f ${file}`, { files, write });
  let script = lines.join('\n');
  if (scriptFile) script = readFileSync(scriptFile, 'utf8');
  else if (lines.length === 0 && !process.stdin.isTTY) script = readFileSync(0, 'utf8');
  failures += runScript(cluster, script, { files, write });
  return failures > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exitCode = 2;
}
