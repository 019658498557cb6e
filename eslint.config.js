import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layersPlugin } from './tools/eslint-layers.js';

// Layer rules from docs/ARCHITECTURE.md: the engine stays pure and deterministic, the page talks to
// it only through the protocol, and wall time lives in the worker's Pacer alone.
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'reports/**', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.base],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { podlab: layersPlugin },
    rules: { 'podlab/layers': 'error' },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'setTimeout', message: 'Engine time is virtual: schedule a timer on the VirtualClock.' },
        { name: 'setInterval', message: 'Engine time is virtual: schedule a timer on the VirtualClock.' },
        { name: 'queueMicrotask', message: 'The engine is synchronous and deterministic.' },
        { name: 'requestAnimationFrame', message: 'Only the worker Pacer paces time.' },
        { name: 'performance', message: 'Only the worker Pacer reads wall time.' },
        { name: 'crypto', message: 'Use the seeded Rng (src/engine/random).' },
        { name: 'window', message: 'The engine has no DOM.' },
        { name: 'document', message: 'The engine has no DOM.' },
        { name: 'self', message: 'The engine has no worker globals.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Use the virtual clock (ctx.nowMs).' },
        { object: 'Math', property: 'random', message: 'Use the seeded Rng (ctx.rng).' },
      ],
      'no-restricted-syntax': ['error', {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'new Date() reads wall time; use the virtual clock.',
      }],
    },
  },
);
