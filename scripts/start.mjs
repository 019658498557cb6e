#!/usr/bin/env node
// `npm start`: installs dependencies on a fresh clone, then serves the app with a default cluster.
import { existsSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (!existsSync('node_modules/vite') || !existsSync('node_modules/@xyflow/react')) {
  console.log('Installing dependencies (first run)…');
  const install = spawnSync(npm, [existsSync('package-lock.json') ? 'ci' : 'install'], { stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}
const port = process.env.PORT ?? '5173';
console.log(`Starting Podlab on http://localhost:${port}/ (Ctrl+C to stop)`);
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', port, '--strictPort', '--host', '127.0.0.1'], { stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
