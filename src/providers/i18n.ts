// Refine's i18nProvider over our locale files; zh-CN by default, English second (loaded when chosen).
// Also usable without Refine (t, useLocale): the sign-in page shows before Refine is loaded.
import type { I18nProvider } from "@refinedev/core";
import { useSyncExternalStore } from "react";
import { DEFAULT_LOCALE, loadLocale, lookup, type Locale } from "../locales";

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

// What a language needs before it is shown: its dictionary, and antd's own texts (components/Frame.tsx).
const loaders: ((l: Locale) => Promise<unknown>)[] = [loadLocale];
export function addLocaleLoader(load: (l: Locale) => Promise<unknown>) {
  loaders.push(load);
}
/** Loads what `locale` needs (nothing for zh-CN); the start of the app awaits it for the stored language. */
export async function prepareLocale(locale: Locale = current): Promise<void> {
  await Promise.all(loaders.map((load) => load(locale)));
}

let switching = 0;
/** Switches the language once it is loaded (the last choice wins when several are pending). */
export async function setLocale(locale: Locale): Promise<void> {
  const mine = ++switching;
  await prepareLocale(locale);
  if (mine !== switching) return;
  current = locale;
  localStorage.setItem(STORAGE_KEY, locale);
  markDocument(locale);
  listeners.forEach((l) => l(locale));
}

export function onLocaleChange(listener: (l: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The language shown, re-rendering the caller when it changes (for components outside Refine). */
export function useLocale(): Locale {
  return useSyncExternalStore(onLocaleChange, getLocale);
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
