import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';
import { browserLanguage } from './index';

/** Every leaf key, with i18next plural suffixes folded (`steps_one`/`steps_other` → `steps`). */
function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => {
    const key = `${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    return v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${key}.`) : [key];
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('English and Korean have the same keys', () => {
    const enKeys = [...new Set(keys(en))].sort();
    const koKeys = [...new Set(keys(ko))].sort();
    expect(koKeys).toEqual(enKeys);
  });

  it('every Korean string is filled in and keeps the English placeholders', () => {
    const leaves = (obj: object, prefix = ''): [string, unknown][] =>
      Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]]));
    const koMap = new Map(leaves(ko));
    // `{{en}}` / `{{ko}}` pick the text in the message's own language (lesson titles).
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).filter((p) => p !== 'en' && p !== 'ko').sort();
    for (const [key, value] of leaves(en)) {
      const koKey = koMap.has(key) ? key : key.replace(/_one$/, '_other');
      const koValue = koMap.get(koKey);
      expect(koValue, key).toBeTruthy();
      if (typeof value === 'string' && typeof koValue === 'string' && !key.endsWith('_one')) {
        expect(placeholders(koValue).filter((p) => p !== 'count'), key).toEqual(placeholders(value).filter((p) => p !== 'count'));
      }
      if (Array.isArray(value)) expect(Array.isArray(koValue), key).toBe(true);
    }
  });

  it('every key the UI asks for exists', () => {
    const known = new Set(keys(en));
    const root = join(__dirname, '..');
    const used = new Set<string>();
    for (const file of [...sourceFiles(root), ...sourceFiles(join(root, '..', 'bridge'))]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/\bkey: '([a-zA-Z]+\.[a-zA-Z.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
  });

  it('defaults to the browser language', () => {
    expect(browserLanguage(['ko-KR', 'en-US'])).toBe('ko');
    expect(browserLanguage(['fr-FR', 'ko'])).toBe('ko');
    expect(browserLanguage(['en-GB'])).toBe('en');
    expect(browserLanguage(['de'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });
});

describe('the panels’ text modules', () => {
  it('have Korean for exactly the English keys', async () => {
    const { TEXT_MODULES, moduleKeys } = await import('./textModules');
    const { koTextModules } = await import('./ko');
    for (const name of Object.keys(TEXT_MODULES) as (keyof typeof TEXT_MODULES)[]) {
      expect(moduleKeys(koTextModules[name]), name).toEqual(moduleKeys(TEXT_MODULES[name]));
    }
  });

  it('switch in place and back', async () => {
    const { applyTextModules } = await import('./textModules');
    const { graphText } = await import('../graph/text');
    const { whyStrings } = await import('../inspector/whyText');
    applyTextModules('ko');
    expect(graphText.unscheduled).toBe('스케줄 대기');
    expect(whyStrings.criterion.newer('a')).toContain('새 파드');
    applyTextModules('en');
    expect(graphText.unscheduled).toBe('Unscheduled');
    expect(whyStrings.criterion.newer('a')).toContain('newer pods go first');
  });
});
