import { describe, expect, it } from "vitest";
import { yearOverYear } from "../../src/domain/charts";
import { change, partialMonth, presetOf, presetRange } from "../../src/domain/periods";

describe("dashboard range presets", () => {
  it("本月, 今年 and 去年 are month ranges on the district's today", () => {
    expect(presetRange("thisMonth", "2026-11-29")).toEqual({ from: "2026-11", to: "2026-11" });
    expect(presetRange("thisYear", "2026-11-29")).toEqual({ from: "2026-01", to: "2026-11" });
    expect(presetRange("lastYear", "2026-11-29")).toEqual({ from: "2025-01", to: "2025-12" });
    expect(presetRange("custom", "2026-11-29")).toBeUndefined();
  });
  it("a range is recognised as its preset, anything else is custom", () => {
    expect(presetOf({ from: "2026-01", to: "2026-11" }, "2026-11-29")).toBe("thisYear");
    expect(presetOf({ from: "2025-01", to: "2025-12" }, "2026-11-29")).toBe("lastYear");
    expect(presetOf({ from: "2026-03", to: "2026-05" }, "2026-11-29")).toBe("custom");
    // in January, this month and this year are the same range: the narrower name wins
    expect(presetOf({ from: "2027-01", to: "2027-01" }, "2027-01-05")).toBe("thisMonth");
  });
});

describe("a month that is not over is compared with the same days of last year", () => {
  it("this month to date against days 1–29 of the same month last year", () => {
    expect(partialMonth("2026-11-29")).toEqual({
      month: 11, year: 2026, throughDay: 29, thisFrom: "2026-11-01", thisTo: "2026-11-29", lastFrom: "2025-11-01", lastTo: "2025-11-29",
    });
  });
  it("29 February compares with 28 February of a common year", () => {
    expect(partialMonth("2028-02-29")).toMatchObject({ lastFrom: "2027-02-01", lastTo: "2027-02-28" });
  });
  it("the chart's current month is marked partial and drawn against the same days, not last year's whole month", () => {
    const rows = yearOverYear([{ month: "2025-11-01", hours: 300 }, { month: "2026-11-01", hours: 180 }], 2026, new Date(2026, 10, 29), 190);
    expect(rows[10]).toEqual({ month: 11, thisYear: 180, lastYear: 190, partial: true, lastYearWholeMonth: 300 });
    expect(rows[9].partial).toBeUndefined();
    // a past year has no partial month
    expect(yearOverYear([], 2025, new Date(2026, 10, 29)).some((r) => r.partial)).toBe(false);
  });
  it("the change is a percentage of last year's figure, none when last year had nothing", () => {
    expect(change(180, 190)).toBe(-5.3);
    expect(change(180, 0)).toBeUndefined();
  });
});

describe("team names on a narrow chart axis", () => {
  it("drops the ending all names share, so the bars can be told apart", async () => {
    const { distinctiveLabels } = await import("../../src/domain/charts");
    const labels = distinctiveLabels(["宁夏路银龄先锋志愿服务队", "八大湖银龄先锋志愿服务队", "湛山银龄先锋志愿服务队"]);
    expect([...labels.values()]).toEqual(["宁夏路", "八大湖", "湛山"]);
  });
  it("keeps names whole when one would become empty or the shared ending is short", async () => {
    const { distinctiveLabels } = await import("../../src/domain/charts");
    expect([...distinctiveLabels(["服务队", "宁夏路服务队"]).values()]).toEqual(["服务队", "宁夏路服务队"]);
    expect([...distinctiveLabels(["红队", "蓝队"]).values()]).toEqual(["红队", "蓝队"]);
    expect([...distinctiveLabels(["宁夏路银龄先锋志愿服务队"]).values()]).toEqual(["宁夏路银龄先锋志愿服务队"]);
  });
});
