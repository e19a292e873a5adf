import { describe, expect, it } from "vitest";
import { formatFen, formatFenShort, parseYuan, rmbUppercase, yuanToFen } from "../../src/domain/money";

describe("money in fen", () => {
  it("shows fen as yuan with two decimals and separators", () => {
    expect(formatFen(52_000_000)).toBe("¥520,000.00");
    expect(formatFen(5)).toBe("¥0.05");
    expect(formatFen(-123_456)).toBe("-¥1,234.56");
    expect(formatFen("100", { symbol: false })).toBe("1.00");
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });

  it("shortens for chart axes in the UI's language", () => {
    expect(formatFenShort(52_000_000, "zh-CN")).toBe("52万");
    expect(formatFenShort(52_000_000, "en")).toBe("520k");
    expect(formatFenShort(12_000_000_000, "zh-CN")).toBe("1.2亿");
  });

  it("reads typed yuan without floating point, refusing what is not money", () => {
    expect(parseYuan("1,234.5")).toBe(123_450);
    expect(parseYuan("￥50000")).toBe(5_000_000);
    expect(parseYuan(" 0.07 ")).toBe(7);
    expect(parseYuan("0.1")).toBe(10);
    for (const bad of ["", "1.234", "-5", "1e5", "abc", "1.2.3"]) expect(parseYuan(bad), bad).toBeNull();
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
  });

  it("spells 人民币大写 as an accountant writes it", () => {
    const cases: [number, string][] = [
      [0, "零元整"],
      [5, "伍分"],
      [50, "伍角整"],
      [105, "壹元零伍分"],
      [10_005, "壹佰元零伍分"],
      [100_500, "壹仟零伍元整"],
      [1_000_000, "壹万元整"],
      [1_010_000, "壹万零壹佰元整"],
      [10_000_500, "壹拾万零伍元整"],
      [1_234_560, "壹万贰仟叁佰肆拾伍元陆角整"],
      [52_000_000, "伍拾贰万元整"],
      [12_000_000_000, "壹亿贰仟万元整"],
      [10_000_000_500, "壹亿零伍元整"],
      [100_100_000_000, "壹拾亿零壹佰万元整"],
    ];
    for (const [fen, text] of cases) expect(rmbUppercase(fen), String(fen)).toBe(text);
  });
});
