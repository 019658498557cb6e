import type { Language } from '../../store/learningSlice';
import { graphText } from '../graph/text';
import { inspectorText } from '../inspector/text';
import { whyStrings } from '../inspector/whyText';
import { timelineText } from '../timeline/text';
import { timeTravelText } from '../timetravel/text';
import { koTextModules } from './ko';

/**
 * The panels that keep their strings in plain modules (so their pure functions stay testable without
 * i18next): their English values are kept here once, and a language switch writes the language's
 * values into the same objects, in place, so every `graphText.x` read afterwards is translated.
 * The App re-mounts those panels when the language changes, so they render again.
 */
export const TEXT_MODULES = { graphText, inspectorText, timeTravelText, timelineText, whyStrings } as const;

type Module = Record<string, unknown>;

function copy(value: Module): Module {
  const out: Module = {};
  for (const [key, v] of Object.entries(value)) out[key] = isPlainObject(v) ? copy(v) : v;
  return out;
}

function isPlainObject(value: unknown): value is Module {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Writes `source` into `target` key by key, recursing into nested tables (tabs, criteria…). */
function assignDeep(target: Module, source: Module): void {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (isPlainObject(value) && isPlainObject(current)) assignDeep(current, value);
    else target[key] = value;
  }
}

const ENGLISH = Object.fromEntries(Object.entries(TEXT_MODULES).map(([name, module]) => [name, copy(module as unknown as Module)])) as Record<keyof typeof TEXT_MODULES, Module>;

export function applyTextModules(language: Language): void {
  for (const name of Object.keys(TEXT_MODULES) as (keyof typeof TEXT_MODULES)[]) {
    const target = TEXT_MODULES[name] as unknown as Module;
    assignDeep(target, ENGLISH[name]);
    if (language === 'ko') assignDeep(target, koTextModules[name] as unknown as Module);
  }
}

/** Every key of a module, nested keys joined with dots (tests compare English and Korean). */
export function moduleKeys(module: object, prefix = ''): string[] {
  return Object.entries(module).flatMap(([key, value]) => (isPlainObject(value) ? moduleKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`])).sort();
}
