/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy, serviceWorker } from './scripts/vitePlugins.ts';

// `base: './'` keeps every asset URL relative so the built folder works from any static host and sub-path.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), serviceWorker(fileURLToPath(new URL('./public', import.meta.url)))],
  worker: { format: 'es' },
  optimizeDeps: { include: ['yaml', 'monaco-yaml/yaml.worker.js'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
