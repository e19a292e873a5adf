// The service journey through the real app, backend and browser: a team leader records one activity
// for three members, the street admin approves it, and the leader's dashboard hours and the members'
// points change by exactly what the rules say (4 h each → 40 points each).
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";


const number = (s: string) => Number(s.replace(/[^\d.-]/g, ""));

async function kpiHours(page: Page): Promise<number> {
  await page.goto("/dashboard");
  const card = page.getByTestId("kpi-hoursInRange").locator(".ant-statistic-content-value");
  await expect(card).toHaveText(/\d/);
  return number(await card.innerText());
}

async function rosterPoints(page: Page): Promise<Map<string, number>> {
  await page.goto("/teams/1001");
  const links = page.locator("[data-testid^='points-']");
  await expect(links.first()).toBeVisible();
  await expect(links.first()).toHaveText(/\d/);
  const out = new Map<string, number>();
  for (const l of await links.all()) out.set((await l.getAttribute("data-testid"))!.slice("points-".length), number(await l.innerText()));
  return out;
}

test("leader records service for three members → street admin approves → dashboard hours and points change", async ({ page }, info) => {
  const title = `e2e宣讲${Date.now().toString(36)}`;
  await signIn(page, "leader@demo.local");
  const hoursBefore = await kpiHours(page);
  const pointsBefore = await rosterPoints(page);
  const names = [...pointsBefore.keys()].filter((n, i, all) => all.indexOf(n) === i).slice(0, 3);
  expect(names).toHaveLength(3);

  await page.getByTestId("roster-record").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("活动名称").fill(title);
  await dialog.getByText("地点、项目、备注").click();
  await dialog.getByLabel("服务地点").fill("宁夏路社区党群服务中心");
  await dialog.getByText("4 小时", { exact: true }).click();
  for (const n of names) await dialog.getByTestId(`tick-${n}`).click();
  await dialog.getByTestId("record-submit").click();
  await expect(page.getByText("已登记 3 人的服务，等待审核")).toBeVisible();
  await page.screenshot({ path: info.outputPath("leader-recorded.png"), fullPage: true });

  // not approved yet: nothing changes
  expect(await rosterPoints(page)).toEqual(pointsBefore);

  await signIn(page, "street@demo.local");
  await page.goto("/service?status=pending&team=1001");
  const table = page.getByTestId("service-table");
  const ours = table.locator("tbody tr.ant-table-row").filter({ hasText: title });
  await expect(ours).toHaveCount(3);
  await page.screenshot({ path: info.outputPath("street-pending.png"), fullPage: true });
  for (const row of await ours.locator("input[type=checkbox]").all()) await row.check();
  await page.getByTestId("bulk-approve").click();
  await page.locator(".ant-popover:visible").getByRole("button", { name: /确\s?定|OK/ }).click();
  await expect(page.getByText("已通过 3 条")).toBeVisible();
  await expect(ours).toHaveCount(0);

  await signIn(page, "leader@demo.local");
  expect(await kpiHours(page)).toBe(hoursBefore + 12);
  await page.screenshot({ path: info.outputPath("leader-dashboard-after.png"), fullPage: true });
  const pointsAfter = await rosterPoints(page);
  for (const n of names) expect(pointsAfter.get(n), n).toBe(pointsBefore.get(n)! + 40);
  for (const [n, p] of pointsAfter) if (!names.includes(n)) expect(p, n).toBe(pointsBefore.get(n));
});

test("the passbook shows a running balance and a redemption lowers it; a refused redemption says why", async ({ page }) => {
  await signIn(page, "leader@demo.local");
  await page.goto("/teams/1001");
  // someone with 100–799 points: enough for a haircut (60), not for the health check (800)
  const link = page.locator("[data-testid^='points-']").filter({ hasText: /^[1-7]\d{2}$/ }).first();
  const balance = number(await link.innerText());
  await link.click();
  await expect(page.getByTestId("passbook-holder")).toBeVisible();
  // newest first: the top line carries the balance
  const lastBalance = page.getByTestId("passbook-table").locator("tbody tr.ant-table-row").first().locator("td").nth(4);
  await expect(lastBalance).toHaveText(String(balance));

  await page.getByTestId("passbook-redeem").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("redeem-reward-爱心理发一次").click();
  await dialog.getByTestId("redeem-submit").click();
  await expect(page.getByText("兑换成功，已扣 60 积分")).toBeVisible();
  await expect(lastBalance).toHaveText(String(balance - 60));

  // a reward beyond the balance is stopped before the database is asked, with the reason
  await page.getByTestId("passbook-redeem").click();
  await dialog.getByTestId("redeem-reward-老年人健康体检套餐").click();
  await expect(dialog.getByText("积分不足")).toBeVisible();
  await expect(dialog.getByTestId("redeem-submit")).toBeDisabled();
});

test("the dashboard's star distribution opens the talent pool filtered by that level", async ({ page }) => {
  await signIn(page, "org@demo.local");
  await expect(page.getByTestId("chart-stars").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await page.getByTestId("chart-stars").locator(".recharts-bar-rectangle").nth(5).click();
  await expect(page).toHaveURL(/\/volunteers/);
  await expect(page.getByText(/共 \d+ 条/)).toBeVisible();
  const stars = await page.locator(".ant-table-tbody tr.ant-table-row").allInnerTexts();
  expect(stars.length).toBeGreaterThan(0);
  for (const row of stars) expect(row).toContain("★★★★★");
});

test("a street admin confirms a star upgrade and prints its certificate", async ({ page }, info) => {
  await signIn(page, "street@demo.local");
  await page.goto("/stars");
  const rows = page.getByTestId("star-awards").locator("tbody tr.ant-table-row");
  await expect(rows.first()).toBeVisible();
  const name = await rows.first().locator("td").first().innerText();
  await rows.first().getByRole("button", { name: "确认晋升并发证" }).click();
  // the confirmation names the person and the level, and its button says what it does
  await expect(page.locator(".ant-popover:visible")).toContainText(name);
  await page.locator(".ant-popover:visible").getByRole("button", { name: "确认晋升并发证" }).click();
  const toast = page.getByText(/已颁发证书 SN\d{4}-\d-\d{5}/);
  await expect(toast).toBeVisible();
  const number = (await toast.innerText()).match(/SN\d{4}-\d-\d{5}/)![0];

  await page.getByRole("tab", { name: "已颁发证书" }).click();
  const issued = page.getByTestId("star-awards").locator("tbody tr.ant-table-row").filter({ hasText: number });
  await expect(issued).toHaveCount(1);
  await issued.getByRole("button", { name: "打印证书" }).click();
  const certificate = page.getByTestId("certificate");
  await expect(certificate).toContainText(name.trim());
  await expect(certificate).toContainText(number);
  await expect(certificate).toContainText("志愿服务星级证书");
  await page.screenshot({ path: info.outputPath("star-certificate.png"), fullPage: true });
});

test("finance reads service records and the catalogue but is offered nothing to change", async ({ page }) => {
  await signIn(page, "finance@demo.local");
  await page.goto("/service");
  await expect(page.getByTestId("service-table").locator("tbody tr.ant-table-row").first()).toBeVisible();
  await expect(page.getByTestId("record-service")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "通过" })).toHaveCount(0);
  await page.goto("/rewards");
  await expect(page.getByText("爱心理发一次")).toBeVisible();
  await expect(page.getByRole("button", { name: "兑换" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "新增兑换项目" })).toHaveCount(0);
});
