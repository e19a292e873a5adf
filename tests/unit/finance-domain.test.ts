// The finance pages' own shaping: the tilt simulator's Lorenz curve (its Gini comes from SQL).
import { describe, expect, it } from "vitest";
import { lorenzCurve } from "../../src/domain/charts";

describe("lorenzCurve", () => {
  it("an even spread lies on the diagonal", () => {
    expect(lorenzCurve([100, 100, 100, 100]).map((p) => [p.x, p.actual])).toEqual([[0, 0], [0.25, 0.25], [0.5, 0.5], [0.75, 0.75], [1, 1]]);
  });

  it("all money to one recipient stays on the floor until the last one; the unfunded are left out", () => {
    expect(lorenzCurve([0, 0, 900, "100"]).map((p) => [p.x, p.actual])).toEqual([[0, 0], [0.5, 0.1], [1, 1]]);
  });

  it("nothing allocated is just the origin", () => {
    expect(lorenzCurve([0, 0])).toEqual([{ x: 0, actual: 0, even: 0 }]);
  });
});
