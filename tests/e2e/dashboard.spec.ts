// The dashboard's figures and their text alternatives: 查看数据 tables hold the numbers the charts draw,
// the street filter reaches the 志愿团队 card, the partial month is marked, the range presets work, and
// on a phone the custom range opens single-panel pickers inside the screen.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

/** KPI cards whose figure spills over the card or is broken over two lines ("1,132,77 / 5"). */
async function kpisThatDoNotFit(page: Page): Promise<string[]> {
  const cards = page.locator(".kpi-card");
  await expect(cards.first().locator(".ant-statistic-content-value")).toHaveText(/\d/);
  await expect(cards).toHaveCount(8);
  return cards.evaluateAll((all) => all.flatMap((c) => {
    const box = c.getBoundingClientRect();
    const content = c.querySelector(".ant-statistic-content")!.getBoundingClientRect();
    const value = c.querySelector<HTMLElement>(".ant-statistic-content-value")!;
    const oneLine = value.getBoundingClientRect().height <= parseFloat(getComputedStyle(value).lineHeight) * 1.5;
    return content.left >= box.left && content.right <= box.right + 0.5 && oneLine ? [] : [`${c.getAttribute("data-testid")}: ${value.textContent}`];
  }));
}

const number = (s: string) => Number(s.replace(/[^\d.-]/g, ""));

test("查看数据 shows a table with the very numbers the star chart draws", async ({ page }) => {
  await signIn(page, "org@demo.local");
  const chart = page.getByTestId("chart-stars");
  const labels = chart.locator(".recharts-label-list text");
  await expect(labels.first()).toBeVisible();
  const drawn = await labels.evaluateAll((els) => els.map((e) => e.textContent));
  await chart.getByRole("button", { name: "查看数据" }).click();
  const table = page.getByTestId("chart-stars-data");
  await expect(table).toBeVisible();
  const shares = await table.locator("tbody tr td:nth-child(3)").allInnerTexts();
  expect(shares).toEqual(drawn);
  expect(shares).toHaveLength(6);
  await expect(chart.getByRole("button", { name: "收起数据" })).toHaveAttribute("aria-expanded", "true");
  // the chart itself carries a description
  await expect(chart.locator(".chart-figure")).toHaveAttribute("aria-label", /星级/);
});

test("the street filter reaches every card, the 志愿团队 count included", async ({ page }) => {
  await signIn(page, "org@demo.local");
  const teams = page.getByTestId("kpi-teams").locator(".ant-statistic-content-value");
  await expect(teams).toHaveText(/\d/);
  const district = number(await teams.innerText());
  // the street's own team count, from the 各街道团队与成员 data table
  const byStreet = page.getByTestId("chart-by-street");
  await byStreet.getByRole("button", { name: "查看数据" }).click();
  const row = page.getByTestId("chart-by-street-data").locator("tbody tr").filter({ hasText: "中山路街道" });
  const streetTeams = number(await row.locator("td").nth(2).innerText());
  expect(streetTeams).toBeLessThan(district);

  await page.getByTestId("dashboard-street").click();
  await page.keyboard.type("中山路");
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: "中山路街道" }).click();
  await expect(teams).toHaveText(String(streetTeams));
});

test("the current month is marked partial and compared with the same days of last year; presets switch the range", async ({ page }) => {
  await signIn(page, "org@demo.local");
  const months = page.getByTestId("chart-months");
  await expect(months.getByTestId("partial-month-note")).toContainText("与去年同期");
  await months.getByRole("button", { name: "查看数据" }).click();
  const partialRow = page.getByTestId("chart-months-data").locator("tbody tr").filter({ hasText: "截至" });
  await expect(partialRow).toHaveCount(1);

  const inRange = page.getByTestId("kpi-hoursInRange").locator(".ant-statistic-content-value");
  await expect(inRange).toHaveText(/\d/);
  const thisYear = number(await inRange.innerText());
  await page.getByTestId("range-presets").getByText("本月").click();
  await expect.poll(async () => number(await inRange.innerText())).toBeLessThan(thisYear);
  await page.getByTestId("range-presets").getByText("去年").click();
  // last year has no partial month
  await expect(months.getByTestId("partial-month-note")).toHaveCount(0);
});

test.describe("on a 1440 px screen", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("every KPI figure stays whole on one line inside its card (the district's points are seven digits)", async ({ page }) => {
    await signIn(page, "org@demo.local");
    expect(await kpisThatDoNotFit(page)).toEqual([]);
  });
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("KPI values fit their cards, the page does not scroll sideways, and a custom range opens a single panel on screen", async ({ page }) => {
    await signIn(page, "org@demo.local");
    expect(await kpisThatDoNotFit(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    await page.getByTestId("range-presets").getByText("自定义").click();
    await page.getByLabel("开始月份").click();
    const panel = page.locator(".ant-picker-dropdown:visible");
    await expect(panel).toBeVisible();
    await expect(panel.locator(".ant-picker-panel")).toHaveCount(1);
    // the dropdown is placed once it has been measured (antd first renders it far off-screen)
    const edges = async () => {
      const b = (await panel.locator(".ant-picker-panel-container").boundingBox())!;
      return { left: Math.round(b.x), right: Math.round(b.x + b.width) };
    };
    await expect.poll(async () => (await edges()).right).toBeLessThanOrEqual(390);
    expect((await edges()).left).toBeGreaterThanOrEqual(0);
  });

  test("a leader's dashboard ranks no single team", async ({ page }) => {
    await signIn(page, "leader@demo.local");
    // a leader starts on the task home; the dashboard is one link away
    await page.goto("/dashboard");
    await expect(page.getByTestId("kpi-teams").locator(".ant-statistic-content-value")).toHaveText("1");
    await expect(page.getByTestId("chart-stars")).toBeVisible();
    await expect(page.getByTestId("chart-teams")).toHaveCount(0);
  });
});

test("in English the data toggle and the presets speak English", async ({ page }) => {
  await signIn(page, "org@demo.local", { locale: "en" });
  await expect(page.getByTestId("chart-stars").getByRole("button", { name: "Show data" })).toBeVisible();
  await expect(page.getByTestId("range-presets")).toContainText("This year");
  await expect(page.getByTestId("chart-months").locator(".chart-figure")).toHaveAttribute("aria-label", /Line chart/);
});
