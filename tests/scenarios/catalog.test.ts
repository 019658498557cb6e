import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createCluster, KINDS, parseSelector } from '../../src/engine/index';
import { DEFAULT_SCENARIO_ID, SCENARIOS, scenarioById, type Check, type Localized } from '../../src/scenarios/index';

const HANGUL = /[\uac00-\ud7a3]/;

/** Files that reproduce the notes' broken manifests on purpose: the API server must reject them. */
const REJECTED_FILES = new Set(['daemonset-ssd/ssd-monitor-daemonset.yaml', 'hpa/hpa-notes.yaml']);

function localizedOk(text: Localized, what: string): void {
  expect(text.en.trim(), `${what} (en)`).not.toBe('');
  expect(text.ko.trim(), `${what} (ko)`).not.toBe('');
  expect(HANGUL.test(text.ko), `${what} (ko) is Korean`).toBe(true);
  for (const lang of ['en', 'ko'] as const) {
    const ticks = text[lang].replace(/```/g, '').split('`').length - 1;
    expect(ticks % 2, `${what} (${lang}) has balanced backticks`).toBe(0);
    expect(text[lang].split('```').length % 2, `${what} (${lang}) has balanced fences`).toBe(1);
    expect(text[lang].split('**').length % 2, `${what} (${lang}) has balanced bold`).toBe(1);
  }
}

function checksIn(check: Check | undefined): Check[] {
  if (!check) return [];
  if (check.type === 'all' || check.type === 'any') return [check, ...check.checks.flatMap(checksIn)];
  if (check.type === 'not') return [check, ...checksIn(check.check)];
  return [check];
}

describe('scenario catalog', () => {
  it('has unique URL-safe ids and opens with the ReplicaSet basics', () => {
    const ids = SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(DEFAULT_SCENARIO_ID).toBe('replicaset-basics');
    expect(SCENARIOS[0].id).toBe(DEFAULT_SCENARIO_ID);
    expect(scenarioById(DEFAULT_SCENARIO_ID)).toBe(SCENARIOS[0]);
  });

  it('covers every example of the notes (and the two operations scenarios)', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual([
      'replicaset-basics',
      'liveness-404',
      'liveness-http',
      'oom-killed',
      'replicaset-adoption',
      'cascade-orphan',
      'rc-vs-rs',
      'daemonset-ssd',
      'daemonset-replicaset-shared',
      'node-selector',
      'resource-requests',
      'scale-replicaset',
      'hpa',
      'node-failure',
      'rolling-update',
    ]);
  });

  for (const scenario of SCENARIOS) {
    describe(scenario.id, () => {
      it('has texts in English and Korean', () => {
        localizedOk(scenario.title, 'title');
        localizedOk(scenario.summary, 'summary');
        for (const step of scenario.steps) {
          localizedOk(step.text, `step ${step.id}`);
          if (step.hint) localizedOk(step.hint, `hint of ${step.id}`);
        }
        for (const file of scenario.files) if (file.note) localizedOk(file.note, `note of ${file.name}`);
      });

      it('has unique step ids and file names, and exact kubectl command lines', () => {
        const stepIds = scenario.steps.map((s) => s.id);
        expect(new Set(stepIds).size).toBe(stepIds.length);
        const names = scenario.files.map((f) => f.name);
        expect(new Set(names).size).toBe(names.length);
        const used = new Set<string>();
        for (const step of scenario.steps) {
          expect(step.commands.length, `step ${step.id} has commands`).toBeGreaterThan(0);
          for (const line of step.commands) {
            expect(line, 'commands are kubectl lines').toMatch(/^kubectl [a-z]/);
            for (const m of line.matchAll(/-f (\S+)/g)) {
              expect(names, `"${line}" refers to a scenario file`).toContain(m[1]);
              used.add(m[1]);
            }
            for (const m of line.matchAll(/\{(\w+):([^}]*)\}/g)) {
              expect(['pod', 'podOf'], `placeholder ${m[0]}`).toContain(m[1]);
              if (m[1] === 'pod') expect(() => parseSelector(m[2])).not.toThrow();
              else expect(m[2]).toMatch(/^[A-Z][A-Za-z]+\/[a-z0-9-]+$/);
            }
          }
          if (step.waitSeconds !== undefined) expect(step.waitSeconds).toBeGreaterThan(0);
        }
        expect([...used].sort(), 'every file is used by a step').toEqual([...names].sort());
      });

      it('has checks with valid kinds and selectors, and at least one checked step', () => {
        const kinds = KINDS.map((k) => k.kind);
        expect(scenario.steps.some((s) => s.check)).toBe(true);
        for (const step of scenario.steps) {
          for (const check of checksIn(step.check)) {
            if ('kind' in check && typeof check.kind === 'string') expect(kinds).toContain(check.kind);
            if ('ownerKind' in check && check.ownerKind) expect(kinds).toContain(check.ownerKind);
            if ('involvedKind' in check && check.involvedKind) expect(kinds).toContain(check.involvedKind);
            if ('selector' in check && check.selector !== undefined) expect(() => parseSelector(check.selector!)).not.toThrow();
            if (check.type === 'podStatus' || check.type === 'podOnNode') expect(Boolean(check.name) !== Boolean(check.selector), `${step.id}: name xor selector`).toBe(true);
            if (check.type === 'ownerOf') expect(Boolean(check.pod) !== Boolean(check.selector), `${step.id}: pod xor selector`).toBe(true);
            if (check.type === 'podCount') expect(check.count !== undefined || check.min !== undefined || check.max !== undefined).toBe(true);
          }
        }
        const nodeNames = (scenario.cluster?.nodes ?? [{ name: 'node-1' }, { name: 'node-2' }, { name: 'node-3' }]).map((n) => n.name);
        for (const step of scenario.steps) {
          for (const check of checksIn(step.check)) {
            if ('node' in check && typeof check.node === 'string') expect(nodeNames, `${step.id}: node exists`).toContain(check.node);
          }
          for (const line of step.commands) {
            const m = /^kubectl (?:label|annotate|describe) node (\S+)/.exec(line);
            if (m) expect(nodeNames, `"${line}" names a node of the scenario's cluster`).toContain(m[1]);
          }
        }
      });

      it('ships manifests that are valid YAML, without tabs', () => {
        for (const file of scenario.files) {
          expect(file.text.includes('\t'), `${file.name} has no tabs`).toBe(false);
          expect(file.text.endsWith('\n'), `${file.name} ends with a newline`).toBe(true);
          const docs = parseAllDocuments(file.text);
          for (const doc of Array.isArray(docs) ? docs : [docs]) expect(doc.errors, file.name).toEqual([]);
        }
      });

      it('ships manifests the API server accepts — except the notes’ broken ones, which it rejects', () => {
        for (const file of scenario.files) {
          const cluster = createCluster({ nodes: scenario.cluster?.nodes });
          const result = cluster.apply(file.text, { fileName: file.name, dryRun: true });
          if (REJECTED_FILES.has(`${scenario.id}/${file.name}`)) expect(result.errors.length, `${file.name} is rejected`).toBeGreaterThan(0);
          else expect(result.errors.map((e) => e.message), `${file.name} is accepted`).toEqual([]);
        }
      });
    });
  }
});
