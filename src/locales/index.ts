import en from "./en";
import zhCN from "./zh-CN";

export type Locale = "zh-CN" | "en";
export const LOCALES: Record<Locale, unknown> = { "zh-CN": zhCN, en };
export const DEFAULT_LOCALE: Locale = "zh-CN";

/** Looks up a dotted key and fills {{placeholders}}; undefined when the key is missing. */
export function lookup(locale: Locale, key: string, params?: Record<string, unknown>): string | undefined {
  let node: unknown = LOCALES[locale];
  for (const part of key.split(".")) {
    if (node && typeof node === "object" && part in node) node = (node as Record<string, unknown>)[part];
    else return undefined;
  }
  if (typeof node !== "string") return undefined;
  return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params?.[k] ?? ""));
}
