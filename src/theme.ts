// The one antd theme. Sizes follow 工信部's elder-friendly design rules (适老化, 2021): 16 px body text,
// secondary text ≥ 14 px, every text colour ≥ 4.5:1 on its background, 44 px targets on touch screens;
// and the 长辈版 / large-text variant: 20 px text, line height 1.5, 52 px controls, 64 px main actions.
// Primary is blue and danger red, so that 通过 and 驳回 never look alike; the programme's red stays in
// the title mark only.
import type { ThemeConfig } from "antd";

/** Put on the one or two buttons a page is for (登记服务, 保存…): 48 px high, 64 × 64 px in 长辈版. */
export const MAIN_ACTION_CLASS = "main-action";
/** On <html> while 长辈版 is on, for CSS that tokens cannot reach. */
export const LARGE_TEXT_CLASS = "large-text";

/** Primary, links and info: antd blue-7, 6.0:1 on white (router links outside antd's Typography use it too). */
export const LINK_COLOR = "#0958d9";

/** Star glyphs (★★★): gold-9, 7.2:1 on white (antd's gold-6 #d48806 is 2.9:1). */
export const STAR_COLOR = "#874d00";
/** The programme's red, for the title mark (not for buttons: danger is red). */
export const BRAND_RED = "#c0392b";

/** Phones and tablets: a coarse pointer, or a window narrower than antd's md breakpoint. */
export const TOUCH_MEDIA = "(pointer: coarse), (max-width: 767.98px)";

// Text colours measured on white: secondary/description 0.65 ≈ #595959 (7.0:1), tertiary and
// placeholder 0.6 ≈ #666 (5.7:1). Tag text uses palette step 7; the steps below 4.5:1 on their own
// light background (green, gold, cyan, lime, volcano, orange) take a darker step.
const COLORS = {
  colorPrimary: LINK_COLOR,
  colorLink: LINK_COLOR,
  colorInfo: LINK_COLOR,
  // antd lightens hover and active states (#2e7ae6 = 4.16:1 under white text); a hovered or pressed
  // button or link is read too, so these go darker instead (blue-8 / blue-9).
  colorPrimaryHover: "#003eb3",
  colorPrimaryActive: "#002c8c",
  colorLinkHover: "#003eb3",
  colorLinkActive: "#002c8c",
  colorPrimaryTextHover: "#003eb3",
  colorError: "#cf1322",
  colorSuccess: "#237804",
  colorWarning: "#ad4e00",
  // antd derives washed-out backgrounds from these dark seeds; keep its usual light ones
  colorSuccessBg: "#f6ffed",
  colorSuccessBorder: "#b7eb8f",
  colorWarningBg: "#fff7e6",
  colorWarningBorder: "#ffd591",
  colorTextSecondary: "rgba(0, 0, 0, 0.65)",
  colorTextDescription: "rgba(0, 0, 0, 0.65)",
  colorTextTertiary: "rgba(0, 0, 0, 0.6)",
  colorTextPlaceholder: "rgba(0, 0, 0, 0.6)",
  colorTextLabel: "rgba(0, 0, 0, 0.65)",
  green7: "#237804",
  gold7: STAR_COLOR,
  cyan7: "#006d75",
  lime7: "#3f6600",
  volcano7: "#871400",
  orange7: "#ad4e00",
};

export function appTheme({ largeText = false, touch = false }: { largeText?: boolean; touch?: boolean } = {}): ThemeConfig {
  const size = largeText
    ? { fontSize: 20, fontSizeSM: 18, fontSizeLG: 22, lineHeight: 1.5, controlHeight: 52, controlHeightSM: 44, controlHeightLG: 60 }
    : touch
      ? { fontSize: 16, fontSizeSM: 14, fontSizeLG: 18, controlHeight: 44, controlHeightSM: 44, controlHeightLG: 52 }
      : { fontSize: 16, fontSizeSM: 14, fontSizeLG: 18, controlHeight: 36, controlHeightSM: 28, controlHeightLG: 44 };
  const menuItem = largeText ? 60 : 48;
  return {
    token: { ...COLORS, ...size },
    components: {
      Menu: { itemHeight: menuItem, itemMarginBlock: 2, iconSize: largeText ? 20 : 16 },
      Layout: { headerHeight: largeText ? 72 : 64, headerPadding: "0 12px", headerBg: "#fff", siderBg: "#fff" },
      Typography: { titleMarginBottom: "0.5em" },
    },
  };
}
