/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy, serviceWorker } from './scripts/vitePlugins.ts';

/**
 * The entry (src/ui/main.tsx) starts the engine worker and then imports the app chunk (mount.tsx):
 * a modulepreload lets the browser fetch and compile that chunk while the entry runs, and keeps it
 * in index.html's initial JS, where it belongs (it loads on every start).
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'podlab-preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/ui/mount.tsx'));
        if (!chunk) throw new Error('preloadAppChunk: no chunk for src/ui/mount.tsx');
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

// `base: './'` keeps every asset URL relative so the built folder works from any static host and sub-path.
export default defineConfig({
  base: './',
  plugins: [react(), preloadAppChunk(), contentSecurityPolicy(), serviceWorker(fileURLToPath(new URL('./public', import.meta.url)))],
  worker: { format: 'es' },
  optimizeDeps: { include: ['yaml', 'monaco-yaml/yaml.worker.js'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
