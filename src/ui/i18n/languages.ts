/**
 * The languages and the browser's choice among them, apart from ./index.ts: the entry reads the saved
 * language before the engine starts, without loading i18next and the string tables first.
 */
import type { Language } from '../../store/learningSlice';

export const LANGUAGES: readonly { readonly id: Language; readonly label: string }[] = [
  { id: 'en', label: 'English' },
  { id: 'ko', label: '한국어' },
];

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'ko';
}

/** The browser's preferred language among ours (Korean for any ko-*, else English). */
export function browserLanguage(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]): Language {
  for (const tag of languages) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
