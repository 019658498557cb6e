/**
 * Languages: English and Korean for the whole UI (i18next + react-i18next). Resources live in
 * ./en.ts and ./ko.ts (same keys; a unit test checks). Engine output (kubectl, apiserver errors)
 * stays in English, as a real cluster prints it. Scenario texts carry both languages themselves.
 *
 * The graph, inspector, timeline and time-travel panels keep their strings in plain modules
 * (`graphText`, …) with functions for plurals; ./textModules.ts swaps those modules' values.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../store/learningSlice';
import { en } from './en';
import { ko } from './ko';
import { applyTextModules } from './textModules';

export { LANGUAGES, browserLanguage, isLanguage } from './languages';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ko: { translation: ko } },
  lng: 'en',
  fallbackLng: 'en',
  // React escapes text itself; nothing here is ever injected as HTML.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Switches every string on the page (React re-renders through react-i18next). */
export function applyLanguage(language: Language): void {
  applyTextModules(language);
  if (i18n.language !== language) void i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** A scenario text in the current language. */
export function pick(text: { readonly en: string; readonly ko: string } | undefined, language: Language): string {
  if (!text) return '';
  return language === 'ko' ? text.ko || text.en : text.en;
}
