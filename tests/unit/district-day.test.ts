// The app's "today" is the district's day (Asia/Shanghai), whatever the browser's time zone.
import { describe, expect, it } from "vitest";
import { districtDate, districtNow, districtToday } from "../../src/providers/dayjs";

describe("one district day", () => {
  it("at 20:00 UTC on 29 November the district already lives the 30th", () => {
    expect(districtDate("2026-11-29T20:00:00Z")).toBe("2026-11-30");
    expect(districtDate("2026-11-29T15:59:59Z")).toBe("2026-11-29");
    expect(districtNow("2026-11-29T20:00:00Z").format("HH:mm")).toBe("04:00");
  });

  it("today is a calendar date that pickers and their 'not in the future' rule compare by day", () => {
    const today = districtToday("2026-11-29T20:00:00Z");
    expect(today.format("YYYY-MM-DD")).toBe("2026-11-30");
    expect(today.hour()).toBe(0);
    expect(today.add(1, "day").isAfter(today, "day")).toBe(true);
    expect(today.isAfter(today, "day")).toBe(false);
    expect(today.startOf("year").format("YYYY-MM-DD")).toBe("2026-01-01");
  });

  it("the new year starts by the district's clock", () => {
    expect(districtToday("2026-12-31T16:30:00Z").format("YYYY-MM-DD")).toBe("2027-01-01");
  });
});
