import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The layer rules of docs/ARCHITECTURE.md are enforced by lint; these probes prove the rules bite.
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.message);
}

describe('layer rules', () => {
  it('forbids wall time, Math.random and timers in the engine', async () => {
    const messages = await problems('src/engine/sim/probe.ts', 'export const t = Date.now() + Math.random(); setTimeout(() => 0, 1); export const d = new Date();\n');
    expect(messages.join('\n')).toMatch(/virtual clock/);
    expect(messages.join('\n')).toMatch(/seeded Rng/);
    expect(messages.join('\n')).toMatch(/Engine time is virtual/);
    expect(messages.join('\n')).toMatch(/new Date\(\) reads wall time/);
  });

  it('forbids UI libraries and outer layers in the engine', async () => {
    const messages = await problems('src/engine/sim/probe.ts', "import { create } from 'zustand';\nimport { x } from '../../store/useSimStore';\nexport { create, x };\n");
    expect(messages).toContain('src/engine may not import the UI library "zustand".');
    expect(messages.some((m) => m.startsWith('src/engine may not import from src/store'))).toBe(true);
  });

  it('lets the engine use its own store folder', async () => {
    expect(await problems('src/engine/sim/probe.ts', "import { ObjectStore } from '../store/ObjectStore';\nexport { ObjectStore };\n")).toEqual([]);
  });

  it('forbids the UI from importing engine code', async () => {
    const messages = await problems('src/ui/graph/probe.ts', "import { createCluster } from '../../engine/index';\nexport { createCluster };\n");
    expect(messages.some((m) => m.startsWith('src/ui may not import from src/engine'))).toBe(true);
  });

  it('lets protocol import engine types only', async () => {
    expect(await problems('src/protocol/probe.ts', "import type { KubeObject } from '../engine/index';\nexport type X = KubeObject;\n")).toEqual([]);
    const messages = await problems('src/protocol/probe.ts', "import { createCluster } from '../engine/index';\nexport { createCluster };\n");
    expect(messages.some((m) => m.includes('except with `import type`'))).toBe(true);
  });
});
