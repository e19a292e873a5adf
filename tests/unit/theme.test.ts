// The one theme meets the elder-friendly rules (工信部 适老化 2021, WCAG 2.x contrast): text ≥ 16 px and
// secondary ≥ 14 px; 长辈版 ≥ 18 px with line height ≥ 1.3; 44 px controls on touch screens; every text
// colour the app uses (secondary, placeholder, links, status and tag colours, star glyphs) ≥ 4.5:1;
// primary and danger clearly different colours.
import { theme } from "antd";
import { describe, expect, it } from "vitest";
import { appTheme, STAR_COLOR } from "../../src/theme";

type RGB = [number, number, number];

function parse(c: string, over: RGB = [255, 255, 255]): RGB {
  const hex = c.match(/^#([0-9a-f]{6})([0-9a-f]{2})?$/i);
  let rgb: RGB;
  let a = 1;
  if (hex) {
    rgb = [0, 2, 4].map((i) => Number.parseInt(hex[1].slice(i, i + 2), 16)) as RGB;
    if (hex[2]) a = Number.parseInt(hex[2], 16) / 255;
  } else {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) throw new Error(`colour ${c}`);
    const parts = m[1].split(",").map((p) => Number.parseFloat(p));
    rgb = [parts[0], parts[1], parts[2]];
    a = parts[3] ?? 1;
  }
  return rgb.map((v, i) => v * a + over[i] * (1 - a)) as RGB;
}

function luminance([r, g, b]: RGB): number {
  const f = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

function contrast(fg: string, bg: string): number {
  const b = parse(bg);
  const [l1, l2] = [luminance(parse(fg, b)), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

function hue(c: string): number {
  const [r, g, b] = parse(c).map((v) => v / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max === min) return 0;
  const d = max - min;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

const token = (opts: Parameters<typeof appTheme>[0] = {}) => theme.getDesignToken(appTheme(opts)) as unknown as Record<string, string | number>;

describe("the app theme", () => {
  it("sets 16 px text (secondary 14 px) and 44 px controls on touch screens", () => {
    for (const touch of [false, true]) {
      const t = token({ touch });
      expect(t.fontSize).toBeGreaterThanOrEqual(16);
      expect(t.fontSizeSM).toBeGreaterThanOrEqual(14);
    }
    const touch = token({ touch: true });
    for (const k of ["controlHeight", "controlHeightSM", "controlHeightLG"]) expect(touch[k], k).toBeGreaterThanOrEqual(44);
  });

  it("长辈版 sets text ≥ 18 px, line height ≥ 1.3 and controls ≥ 44 px everywhere", () => {
    for (const touch of [false, true]) {
      const t = token({ largeText: true, touch });
      expect(t.fontSize).toBeGreaterThanOrEqual(18);
      expect(t.fontSizeSM).toBeGreaterThanOrEqual(18);
      expect(t.lineHeight).toBeGreaterThanOrEqual(1.3);
      for (const k of ["controlHeight", "controlHeightSM"]) expect(t[k], k).toBeGreaterThanOrEqual(44);
      expect(t.controlHeightLG).toBeGreaterThanOrEqual(60);
    }
  });

  it("gives every text colour at least 4.5:1 on white", () => {
    const t = token();
    for (const k of ["colorText", "colorTextSecondary", "colorTextDescription", "colorTextTertiary", "colorTextPlaceholder", "colorTextLabel",
      "colorLink", "colorPrimary", "colorError", "colorSuccess", "colorWarning",
      // hovered and pressed links and buttons are read too (antd lightens them by default: 4.16:1)
      "colorLinkHover", "colorLinkActive", "colorPrimaryHover", "colorPrimaryActive", "colorPrimaryTextHover"]) {
      expect(contrast(String(t[k]), "#ffffff"), k).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(STAR_COLOR, "#ffffff"), "star glyphs").toBeGreaterThanOrEqual(4.5);
    expect(contrast(String(t.colorTextSecondary), String(t.colorBgLayout)), "secondary on the page background").toBeGreaterThanOrEqual(4.5);
  });

  it("gives filled primary and danger buttons readable white text", () => {
    const t = token();
    expect(contrast("#ffffff", String(t.colorPrimary))).toBeGreaterThanOrEqual(4.5);
    expect(contrast("#ffffff", String(t.colorError))).toBeGreaterThanOrEqual(4.5);
  });

  it("makes tag text at least 4.5:1 on the tag, for every preset colour and status", () => {
    const t = token();
    for (const c of ["red", "volcano", "orange", "gold", "lime", "green", "cyan", "blue", "geekblue", "purple", "magenta"]) {
      expect(contrast(String(t[`${c}7`]), String(t[`${c}1`])), `${c} tag`).toBeGreaterThanOrEqual(4.5);
    }
    for (const s of ["Success", "Warning", "Error", "Info"]) {
      expect(contrast(String(t[`color${s}`]), String(t[`color${s}Bg`])), `${s} tag`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(String(t.colorText), String(t.colorFillQuaternary)), "default tag").toBeGreaterThanOrEqual(4.5);
  });

  it("keeps primary and danger apart (approve and reject never look alike)", () => {
    const t = token();
    const d = Math.abs(hue(String(t.colorPrimary)) - hue(String(t.colorError)));
    expect(Math.min(d, 360 - d)).toBeGreaterThanOrEqual(90);
  });
});
