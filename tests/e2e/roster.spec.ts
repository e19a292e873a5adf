// Journeys through the real app, backend and browser: the leader keeps the roster; finance reads it.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";


test("a wrong password shows a Chinese message and keeps the email", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("邮箱").fill("leader@demo.local");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: /登\s?录/ }).click();
  await expect(page.getByTestId("login-error")).toContainText("邮箱或密码不正确");
  await expect(page.getByLabel("邮箱")).toHaveValue("leader@demo.local");
});

test("the team leader adds a volunteer to the team and sees the roster change", async ({ page }, info) => {
  await signIn(page, "leader@demo.local");
  await page.goto("/teams/1001");
  const table = page.getByTestId("roster-table");
  const rows = table.locator("tbody tr.ant-table-row");
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();

  await page.getByTestId("roster-add").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("new-volunteer-name").fill("测试新队员");
  await dialog.getByText("女", { exact: true }).click();
  await dialog.getByLabel("联系电话").fill("13912345678");
  await dialog.getByRole("button", { name: /保\s?存/ }).click();

  await expect(table.getByText("测试新队员")).toBeVisible();
  await expect(rows).toHaveCount(before + 1);
  await expect(table.getByText("13912345678")).toBeVisible();
  await page.screenshot({ path: info.outputPath("leader-roster.png"), fullPage: true });
});

test("the one-captain rule is explained before the database is asked", async ({ page }) => {
  await signIn(page, "leader@demo.local");
  await page.goto("/teams/1001");
  const memberRow = page.getByTestId("roster-table").locator("tbody tr.ant-table-row").filter({ hasText: "队员" }).first();
  await memberRow.locator(".ant-select-selector").click();
  await page.locator(".ant-select-dropdown:visible").getByText("队长", { exact: true }).click();
  await expect(page.getByText(/每支队伍只能有一名在任队长/)).toBeVisible();
});

test("finance reads the roster without edit buttons or phone numbers", async ({ page }, info) => {
  await signIn(page, "finance@demo.local");
  await page.goto("/teams/1001");
  const table = page.getByTestId("roster-table");
  await expect(table.locator("tbody tr.ant-table-row").first()).toBeVisible();
  await expect(page.getByText("您只能查看此名册")).toBeVisible();
  await expect(page.getByTestId("roster-add")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "登记离队" })).toHaveCount(0);
  await expect(table.getByRole("combobox")).toHaveCount(0);
  await expect(table.getByText("无权查看").first()).toBeVisible();
  await expect(table.getByText(/1[3-9]\d{9}/)).toHaveCount(0);
  await page.screenshot({ path: info.outputPath("finance-roster.png"), fullPage: true });
});

test("the organisation department sees the district overview and searches the talent pool", async ({ page }, info) => {
  await signIn(page, "org@demo.local");
  await expect(page.getByText("各街道团队与成员")).toBeVisible();
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await page.screenshot({ path: info.outputPath("org-dashboard.png"), fullPage: true });
  await page.goto("/volunteers");
  await expect(page.getByText(/共 7\d\d 条/)).toBeVisible();
  await page.getByPlaceholder("按姓名搜索").fill("王");
  await page.getByPlaceholder("按姓名搜索").press("Enter");
  await expect(page.getByText(/共 \d{1,2} 条/)).toBeVisible();
  const names = await page.locator(".ant-table-tbody tr.ant-table-row td:first-child").allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(n).toContain("王");
  await page.screenshot({ path: info.outputPath("org-volunteers.png"), fullPage: true });
});
