// The root of every screen, signed in or not: antd's theme (src/theme.ts: 16 px, touch sizes, 长辈版)
// and antd's own texts in the chosen language. Without Refine, so the sign-in page can use it before
// Refine is loaded (main.tsx); antd's English texts load with the English dictionary (providers/i18n).
import { ConfigProvider } from "antd";
import type { Locale as AntdLocale } from "antd/es/locale";
import zhCN from "antd/es/locale/zh_CN";
import { useMemo, useSyncExternalStore, type ReactNode } from "react";
import type { Locale } from "../locales";
import { addLocaleLoader, useLocale } from "../providers/i18n";
import { useLargeTextApplied } from "../providers/large-text";
import { appTheme, TOUCH_MEDIA } from "../theme";

const ANTD_LOCALES: Partial<Record<Locale, AntdLocale>> = { "zh-CN": zhCN };
addLocaleLoader(async (l) => {
  if (l === "en" && !ANTD_LOCALES.en) ANTD_LOCALES.en = (await import("antd/es/locale/en_US")).default;
});

function subscribeTouch(onChange: () => void) {
  const mq = window.matchMedia(TOUCH_MEDIA);
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}
const isTouch = () => window.matchMedia(TOUCH_MEDIA).matches;

export function Frame({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const largeText = useLargeTextApplied();
  const touch = useSyncExternalStore(subscribeTouch, isTouch);
  const theme = useMemo(() => appTheme({ largeText, touch }), [largeText, touch]);
  return <ConfigProvider locale={ANTD_LOCALES[locale] ?? zhCN} theme={theme}>{children}</ConfigProvider>;
}
