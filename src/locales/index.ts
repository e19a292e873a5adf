// The dictionaries: zh-CN is built in (the default, and the fallback for every key); English is loaded
// the first time someone chooses it (loadLocale), so the Chinese-speaking majority never downloads it.
import zhCN from "./zh-CN";

export type Locale = "zh-CN" | "en";
export const DEFAULT_LOCALE: Locale = "zh-CN";
const LOCALES: Partial<Record<Locale, unknown>> = { "zh-CN": zhCN };

/** Makes a locale's dictionary available to lookup (at once for zh-CN). */
export async function loadLocale(locale: Locale): Promise<void> {
  if (!LOCALES[locale]) LOCALES[locale] = (await import("./en")).default;
}

/** Looks up a dotted key and fills {{placeholders}}; undefined when the key is missing (or its locale is
 *  not loaded yet). */
export function lookup(locale: Locale, key: string, params?: Record<string, unknown>): string | undefined {
  let node: unknown = LOCALES[locale];
  for (const part of key.split(".")) {
    if (node && typeof node === "object" && part in node) node = (node as Record<string, unknown>)[part];
    else return undefined;
  }
  if (typeof node !== "string") return undefined;
  return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params?.[k] ?? ""));
}
