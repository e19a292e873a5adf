// Money is integer fen (分) everywhere: in the database (bigint), over the API and in the app.
// These helpers are the one way to show, read and spell it; nothing else divides by 100.

/** bigint columns arrive from PostgREST as numbers (or strings beyond 2^53, which money never reaches). */
export type Fen = number;

const MAX_FEN = 9_000_000_000_000_000; // below 2^63 and 2^53 both hold it exactly up to 9e15

function asFen(fen: Fen | string | null | undefined): number {
  const n = typeof fen === "string" ? Number(fen) : fen ?? 0;
  if (!Number.isFinite(n) || !Number.isInteger(n)) throw new RangeError(`not a whole number of fen: ${String(fen)}`);
  return n;
}

/** ¥12,345.60 — the yuan with two decimals and thousands separators; negative as −¥…. */
export function formatFen(fen: Fen | string | null | undefined, opts: { symbol?: boolean } = {}): string {
  const n = asFen(fen);
  const sign = n < 0 ? "-" : "";
  const abs = Math.abs(n);
  const yuan = Math.floor(abs / 100).toLocaleString("en-US");
  const cents = String(abs % 100).padStart(2, "0");
  return `${sign}${opts.symbol === false ? "" : "¥"}${yuan}.${cents}`;
}

/** 5.2万 / ¥520,000 for chart axes: short, in the UI's language. */
export function formatFenShort(fen: Fen | string | null | undefined, lang: string): string {
  const yuan = asFen(fen) / 100;
  const abs = Math.abs(yuan);
  if (lang.startsWith("zh")) {
    if (abs >= 1e8) return `${+(yuan / 1e8).toFixed(2)}亿`;
    if (abs >= 1e4) return `${+(yuan / 1e4).toFixed(1)}万`;
    return `${+yuan.toFixed(0)}`;
  }
  if (abs >= 1e6) return `${+(yuan / 1e6).toFixed(2)}M`;
  if (abs >= 1e3) return `${+(yuan / 1e3).toFixed(1)}k`;
  return `${+yuan.toFixed(0)}`;
}

/**
 * Reads what a person typed as yuan ("1,234.5", "¥50000", "1234.56") into fen; null when it is not an
 * amount of money (more than two decimals, letters, empty). Never goes through floating point.
 */
export function parseYuan(text: string): Fen | null {
  const s = text.trim().replace(/^[¥￥]/, "").replace(/[,，\s]/g, "");
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(fen) && fen <= MAX_FEN ? fen : null;
}

/** Fen as a yuan number for an antd InputNumber (two decimals are exact in binary up to 2^53 / 100). */
export const fenToYuan = (fen: Fen | string | null | undefined): number => asFen(fen) / 100;
/** A yuan number from an InputNumber back to fen, rounding away float noise (0.1 + 0.2). */
export const yuanToFen = (yuan: number): Fen => Math.round(yuan * 100);

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const SMALL_UNITS = ["", "拾", "佰", "仟"];
const BIG_UNITS = ["", "万", "亿", "万亿"];

/** One group of four digits (0–9999) in 大写, without leading 零. */
function group(n: number): string {
  let out = "";
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (out) zero = true;
    } else {
      if (zero) out += "零";
      zero = false;
      out += DIGITS[d] + SMALL_UNITS[i];
    }
  }
  return out;
}

/**
 * 人民币大写 as printed on a 拨款通知单 / receipt (GB/T 财政部《会计基础工作规范》第五十二条):
 * 12345.60 → 壹万贰仟叁佰肆拾伍元陆角整; 100.05 → 壹佰元零伍分; 0 → 零元整.
 */
export function rmbUppercase(fen: Fen | string): string {
  const n = asFen(fen);
  if (n < 0) return "负" + rmbUppercase(-n);
  const yuan = Math.floor(n / 100);
  const jiao = Math.floor(n / 10) % 10;
  const fenDigit = n % 10;
  let int = "";
  if (yuan === 0) int = "";
  else {
    const groups: number[] = [];
    for (let y = yuan; y > 0; y = Math.floor(y / 10000)) groups.push(y % 10000);
    let needZero = false;
    for (let i = groups.length - 1; i >= 0; i--) {
      const g = groups[i];
      if (g === 0) {
        if (int) needZero = true;
        continue;
      }
      if (int && (needZero || g < 1000)) int += "零";
      needZero = false;
      int += group(g) + BIG_UNITS[i];
    }
    int += "元";
  }
  if (jiao === 0 && fenDigit === 0) return (int || "零元") + "整";
  let dec = "";
  if (jiao > 0) dec += DIGITS[jiao] + "角";
  else if (int) dec += "零";
  if (fenDigit > 0) dec += DIGITS[fenDigit] + "分";
  else dec += "整";
  return int + dec;
}

/** Share of a whole, 0–1, safe for a zero whole. */
export const ratio = (part: Fen, whole: Fen): number => (whole > 0 ? part / whole : 0);
