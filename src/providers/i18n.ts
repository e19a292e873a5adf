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

// Refine asks for `<resource>.<resource>` (a notification's subject) and `<resource>.titles.list` (the
// list button) with the resource's identifier, e.g. `role_grants.role_grants`: answer with the resource's
// own name (lists.resourceNames) or its list's title (lists.resourceTitles) instead of the raw key.
function resourceKey(key: string): string {
  const m = /^([a-z_]+)\.(?:(titles\.list)|([a-z_]+))$/.exec(key);
  if (!m || (!m[2] && m[3] !== m[1])) return key;
  const mapped = `lists.${m[2] ? "resourceTitles" : "resourceNames"}.${m[1]}`;
  return lookup(current, mapped) !== undefined ? mapped : key;
}

export const i18nProvider: I18nProvider = {
  // Refine also calls translate(key, defaultMessage): a string in place of the options is the default.
  translate: (key, options, defaultMessage) => {
    const params = typeof options === "string" ? undefined : (options as Record<string, unknown>);
    const fallback = typeof options === "string" && defaultMessage === undefined ? options : defaultMessage;
    const k = resourceKey(key);
    return lookup(current, k, params) ?? fallback ?? lookup("zh-CN", k, params) ?? key;
  },
  changeLocale: async (lang) => setLocale(lang as Locale),
  getLocale: () => current,
};
