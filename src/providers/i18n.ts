// Refine's i18nProvider over our locale files; zh-CN by default, English second.
import type { I18nProvider } from "@refinedev/core";
import { DEFAULT_LOCALE, lookup, type Locale } from "../locales";

const STORAGE_KEY = "locale";
let current: Locale = ((typeof localStorage !== "undefined" && localStorage.getItem(STORAGE_KEY)) as Locale) || DEFAULT_LOCALE;
if (current !== "zh-CN" && current !== "en") current = DEFAULT_LOCALE;
const listeners = new Set<(l: Locale) => void>();

/** <html lang> names the page's language (screen readers pick their voice from it). */
function markDocument(locale: Locale) {
  if (typeof document !== "undefined") document.documentElement.lang = locale;
}
markDocument(current);

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale) {
  current = locale;
  localStorage.setItem(STORAGE_KEY, locale);
  markDocument(locale);
  listeners.forEach((l) => l(locale));
}

export function onLocaleChange(listener: (l: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translate outside React (data provider, auth provider). */
export function t(key: string, params?: Record<string, unknown>, fallback?: string): string {
  return lookup(current, key, params) ?? lookup("zh-CN", key, params) ?? fallback ?? key;
}

export const i18nProvider: I18nProvider = {
  translate: (key, options, defaultMessage) =>
    lookup(current, key, options as Record<string, unknown>) ?? defaultMessage ?? lookup("zh-CN", key, options as Record<string, unknown>) ?? key,
  changeLocale: async (lang) => setLocale(lang as Locale),
  getLocale: () => current,
};
