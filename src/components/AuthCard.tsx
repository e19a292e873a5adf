// The frame of the public pages (sign in, forgot / reset password, accept invitation): one card that
// fills a phone's width, 16 px text and 44 px controls for older eyes and fingers, the language switch.
// Neither Refine nor the router: the sign-in page shows it before they are loaded (main.tsx).
import { HeartFilled } from "@ant-design/icons";
import { ConfigProvider, Segmented, theme } from "antd";
import type { CSSProperties, ReactNode } from "react";
import type { Locale } from "../locales";
import { setLocale, t, useLocale } from "../providers/i18n";
import { LINK_COLOR } from "../theme";

/** 44 px targets on every screen (the app's theme, src/theme.ts, already gives the public pages 16 px text
 *  and readable colours; its 44 px controls apply only to touch screens). */
export const LARGE_TOUCH_THEME = {
  token: { controlHeight: 44, controlHeightLG: 52, fontSizeLG: 18 },
};

/** A link under the card's content (忘记密码, 返回登录): centred, a 44 px target. */
export const CARD_LINK_STYLE: CSSProperties = { display: "inline-flex", alignItems: "center", minHeight: 44, padding: "0 12px", color: LINK_COLOR };

export function AuthCard({ title, children }: { title?: string; children: ReactNode }) {
  const locale = useLocale();
  // headings and text as antd's Typography draws them, without its editing and copying code
  const { token } = theme.useToken();
  const heading = { textAlign: "center", fontWeight: token.fontWeightStrong, color: token.colorTextHeading, overflowWrap: "break-word" } as const;
  return (
    <ConfigProvider theme={LARGE_TOUCH_THEME}>
      <main style={{ minHeight: "100vh", display: "flex", alignItems: "center", justifyContent: "center", padding: "16px 12px", boxSizing: "border-box", fontSize: 16, background: "linear-gradient(135deg,#fdf2f0,#f5f5f5)" }}>
        <div style={{ width: "100%", maxWidth: 440, background: "#fff", borderRadius: 12, boxShadow: "0 2px 12px rgba(0,0,0,.08)", padding: "16px 20px 24px", boxSizing: "border-box" }}>
          <div style={{ display: "flex", justifyContent: "flex-end" }}>
            <Segmented<Locale> size="large" value={locale} options={[{ label: "中文", value: "zh-CN" }, { label: "EN", value: "en" }]} onChange={(l) => void setLocale(l)} aria-label="language" />
          </div>
          <h1 style={{ ...heading, margin: "8px 0 0.5em", fontSize: 24, lineHeight: token.lineHeightHeading1 }}>
            <HeartFilled style={{ color: "#c0392b" }} /> {t("app.title")}
          </h1>
          {title ? (
            <h2 style={{ ...heading, margin: "0 0 0.5em", fontSize: 20, lineHeight: token.lineHeightHeading2 }}>{title}</h2>
          ) : (
            <p style={{ textAlign: "center", margin: "0 0 1em", color: token.colorTextDescription }}>{t("app.subtitle")}</p>
          )}
          {children}
        </div>
      </main>
    </ConfigProvider>
  );
}
