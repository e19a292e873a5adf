// The grant journey through the real app, backend, storage and browser: a team leader applies on a phone →
// the street screens (初审) → finance checks the budget on a line → the organisation department approves →
// the 公示 shows it to someone signed out → (the notice period is moved into the past, as five working days
// would) the organisation department approves the agreement → finance schedules, the leader requests, finance
// approves and pays the first tranche → the leader uploads a voucher photo → finance verifies it → the 决算
// figures of the line (fund_accounts) show the money as paid, and the next tranche is no longer gated.
import { expect as baseExpect, test } from "@playwright/test";
import { confirm, signIn, sql } from "./helpers";

// several people's tests share two cores: give each page change time (nothing here measures speed)
const expect = baseExpect.configure({ timeout: 45_000 });
test.use({ actionTimeout: 45_000 });

const BASE = Number(process.env.E2E_STACK_PORT_BASE ?? 26421);
const API = `http://127.0.0.1:${BASE}`;
const ANON_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0";


interface Account { line_id: number; committed_fen: number; paid_fen: number; available_fen: number }

/** The 决算 figures of one line as finance reads them (fund_accounts through the API, under RLS). */
async function accountOf(lineId: number, year: number): Promise<Account> {
  const token = await fetch(`${API}/auth/v1/token?grant_type=password`, {
    method: "POST", headers: { apikey: ANON_KEY, "content-type": "application/json" },
    body: JSON.stringify({ email: "finance@demo.local", password: "demo123456" }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const rows = await fetch(`${API}/rest/v1/rpc/fund_accounts`, {
    method: "POST", headers: { apikey: ANON_KEY, authorization: `Bearer ${token.access_token}`, "content-type": "application/json" },
    body: JSON.stringify({ p_year: year }),
  }).then((r) => r.json() as Promise<Account[]>);
  const row = rows.find((r) => r.line_id === lineId)!;
  return { line_id: lineId, committed_fen: Number(row.committed_fen), paid_fen: Number(row.paid_fen), available_fen: Number(row.available_fen) };
}


// A 1×1 JPEG: the "photo" of an invoice.
const JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
  "base64",
);

test("a leader applies → street screens → finance checks → the organisation department approves → 公示 → first tranche paid → voucher verified → 决算 changes", async ({ page, browser }, info) => {
  test.setTimeout(480_000); // a busy shared machine; a quiet one needs about a minute
  const title = `e2e银龄讲堂${Date.now().toString(36)}`;
  const [{ today }] = await sql<{ today: string }>("select private.district_today()::text as today");
  const year = Number(today.slice(0, 4));
  // the district's activities line (of this year, not the tilt pool) with the most money left
  const [line] = await sql<{ line_id: number; name: string }>(
    `select b.line_id::int as line_id, b.name from public.budget_line_balances b join public.fund_sources s on s.id = b.source_id
      where b.fiscal_year = $1 and b.purpose = 'activities' and not b.is_tilt and s.org_unit_id = 1 and s.restricted_purpose is null
      order by b.available_fen desc limit 1`, [year]);
  const before = await accountOf(line.line_id, year);

  // 1. the leader applies, on a phone
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "leader@demo.local");
  await page.goto("/grant-applications");
  await page.getByTestId("apply-grant").click();
  const form = page.getByTestId("application-form");
  await expect(form.getByTestId("application-team")).toBeVisible();
  await form.getByText("活动开展", { exact: true }).click();
  await form.getByLabel("项目名称").fill(title);
  await form.getByLabel("活动内容").fill("每月两次社区宣讲");
  await form.getByTestId("application-amount").fill("12000");
  await form.getByLabel("第 1 项支出名称").fill("讲师交通补贴");
  await form.getByLabel("第 1 项金额").fill("8000");
  await form.getByTestId("add-budget-item").click();
  await form.getByLabel("第 2 项支出名称").fill("宣传资料印制");
  await form.getByLabel("第 2 项金额").fill("3000");
  await expect(form.getByTestId("budget-total")).toContainText("还差 ¥1,000.00");
  await form.getByLabel("第 2 项金额").fill("4000");
  await expect(form.getByTestId("budget-total")).toContainText("明细合计 ¥12,000.00 / 申请金额 ¥12,000.00");
  await form.getByLabel("服务时长目标（小时）").fill("200");
  await form.getByLabel("服务人数目标（人）").fill("300");
  await form.getByLabel("活动场次目标（场）").fill("24");
  for (const [label, day] of [["开始日期", `${year}-12-01`], ["结束日期", `${year}-12-31`]]) {
    await form.getByLabel(label).click();
    await page.locator(`.ant-picker-dropdown:visible td[title="${day}"]`).click();
  }
  await page.screenshot({ path: info.outputPath("1-leader-form.png"), fullPage: true });
  await form.getByTestId("save-submit").click();
  const asked = page.getByTestId("submit-confirm");
  await expect(asked).toContainText(title); // names the project and the amount
  await expect(asked).toContainText("¥");
  await asked.getByTestId("submit-confirm-ok").click();
  await expect(page.getByText("已提交，等待街道初审")).toBeVisible();
  await expect(page.getByTestId("application-status")).toHaveText("待初审");
  const appId = Number(new URL(page.url()).pathname.split("/").pop());
  expect(appId).toBeGreaterThan(0);

  // 2. the street screens it
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "street@demo.local");
  await page.goto("/grant-applications");
  await expect(page.getByTestId("application-table").getByRole("link", { name: title })).toBeVisible(); // 待我处理
  await page.getByTestId("application-table").getByRole("link", { name: title }).click();
  await page.getByTestId("action-screen").click();
  await expect(page.getByTestId("screen-modal").getByTestId("decision-subject")).toHaveText(`“${title}” · ¥12,000.00`);
  await page.getByTestId("screen-modal").getByLabel(/理由|说明/).fill("材料齐全，符合条件");
  await confirm(page, "screen-modal-ok");
  await expect(page.getByTestId("application-status")).toHaveText("待财务审核");

  // 3. finance checks the budget: more than the line has is refused in the dialog, the right amount passes
  await signIn(page, "finance@demo.local");
  await page.goto(`/grant-applications/${appId}`);
  await page.getByTestId("action-check").click();
  const check = page.getByTestId("check-modal");
  const lineRow = check.getByTestId(`check-line-${line.line_id}`);
  await lineRow.getByRole("textbox").fill(String(before.available_fen / 100 + 1));
  await expect(lineRow.getByRole("alert")).toContainText("超过该科目可用金额");
  await expect(page.getByTestId("check-ok")).toBeDisabled();
  await lineRow.getByRole("textbox").fill("12000");
  await expect(check.getByTestId("check-total")).toContainText("已安排 ¥12,000.00 / 申请金额 ¥12,000.00");
  await page.screenshot({ path: info.outputPath("3-finance-check.png"), fullPage: true });
  await confirm(page, "check-ok");
  await expect(page.getByTestId("application-status")).toHaveText("待决定");
  await expect(page.getByTestId("allocations")).toContainText(line.name);

  // 4. the organisation department decides: approve → 公示
  await signIn(page, "org@demo.local");
  await page.goto(`/grant-applications/${appId}`);
  await page.getByTestId("action-decide").click();
  // the team's other 活动开展 applications of the year are named, and a sum above the two-approval threshold warned
  const [same] = await sql<{ n: number; all: string; threshold: string }>(`
    select count(*)::int as n, (sum(o.amount_requested_fen) + a.amount_requested_fen)::text as all,
           (select two_approval_threshold_fen from public.fund_settings)::text as threshold
      from public.grant_applications a join public.grant_applications o
        on o.team_id = a.team_id and o.purpose = a.purpose and o.id <> a.id
       and o.status in ('submitted', 'screened', 'checked', 'in_notice', 'approved')
       and extract(year from o.period_start) = extract(year from a.period_start)
     where a.id = $1 group by a.amount_requested_fen`, [appId]);
  expect(same?.n, "the seed gives team 1001 other 活动开展 applications this year").toBeGreaterThan(0);
  expect(Number(same.all)).toBeGreaterThan(Number(same.threshold));
  const sameKind = page.getByTestId("decide-modal").getByTestId("same-kind");
  await expect(sameKind).toContainText(`还有 ${same.n} 份“活动开展”申报`);
  await expect(sameKind).toContainText(`连同本份合计 ¥${(Number(same.all) / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`);
  await expect(sameKind).toContainText("请看是否把一件事拆成了几份申报");
  await confirm(page, "decide-modal-ok");
  await expect(page.getByTestId("application-status")).toHaveText("公示中");
  const committed = await accountOf(line.line_id, year);
  expect(committed.committed_fen).toBe(before.committed_fen + 1_200_000);

  // 5. the 公示 page shows it to anyone, signed out (linked from the sign-in page)
  const outsider = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: "reduce" });
  const pub = await outsider.newPage();
  await pub.goto("/login");
  await pub.getByTestId("notice-link").click();
  const card = pub.getByTestId("notice-card").filter({ hasText: title });
  await expect(card).toContainText("¥12,000.00");
  await expect(card).toContainText("公示中");
  await expect(pub.getByTestId("notice-contact")).toBeVisible();
  await pub.screenshot({ path: info.outputPath("5-public-notice.png"), fullPage: true });
  await outsider.close();

  // 6. five working days later (moved into the past here) and no objection: the agreement
  await sql("update public.grant_applications set notice_start = notice_start - 10, notice_end = private.district_today() - 1 where id = $1", [appId]);
  await page.reload();
  await page.getByTestId("action-approve").click();
  await confirm(page, "approve-modal-ok");
  await expect(page.getByTestId("application-status")).toHaveText("已批准");
  await page.getByTestId("grant-link").click();
  await expect(page.getByTestId("grant-amount")).toHaveText("¥12,000.00");
  const grantUrl = new URL(page.url()).pathname;

  // 7. finance schedules the first tranche; the leader requests it; finance approves and pays
  await signIn(page, "finance@demo.local");
  await page.goto(grantUrl);
  await page.getByTestId("schedule-tranche").click();
  await page.getByTestId("schedule-amount").fill("6000");
  await confirm(page, "schedule-ok");
  await expect(page.getByTestId("tranche-1")).toContainText("已计划");
  await page.getByTestId("schedule-tranche").click();
  await page.getByTestId("schedule-amount").fill("6000");
  await confirm(page, "schedule-ok");

  await signIn(page, "leader@demo.local");
  await page.goto(grantUrl);
  await page.getByTestId("tranche-request-1").click();
  await confirm(page, "request-modal-ok");
  await expect(page.getByTestId("tranche-1")).toContainText("已申请");

  await signIn(page, "finance@demo.local");
  await page.goto(grantUrl);
  await page.getByTestId("tranche-approve-1").click();
  await confirm(page, "approve-tranche-modal-ok");
  await page.getByTestId("tranche-pay-1").click();
  await confirm(page, "pay-ok");
  await expect(page.getByTestId("tranche-1")).toContainText("已拨付");
  await expect(page.getByTestId("grant-paid")).toHaveText("¥6,000.00");
  // tranche 2: finance may approve it after the leader asks, but not pay it before tranche 1's vouchers are verified
  await page.getByTestId("tranche-request-2").click();
  await confirm(page, "request-modal-ok");
  await expect(page.getByTestId("tranche-approve-2")).toHaveCount(0); // four eyes: finance requested it

  // 8. the leader photographs the invoice on a phone and uploads it against tranche 1
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "leader@demo.local");
  // from the home's "拨款还没有上传凭证" to the grants that wait for a voucher, each saying which tranche
  await page.goto("/");
  await page.getByTestId("action-my_vouchers_due").click();
  await expect(page).toHaveURL(/\/grants\?view=mine&action=my_vouchers_due$/);
  const dueCard = page.getByTestId("grant-card").filter({ has: page.locator(`a[href="${grantUrl}"]`) });
  await expect(dueCard.getByTestId("grant-waits")).toHaveText("第 1 期：待上传凭证");
  // one tap from the card to the upload dialog of the tranche that waits
  await dueCard.getByTestId("card-voucher-upload").click();
  await expect(page).toHaveURL(new RegExp(`${grantUrl}\\?upload=\\d+$`));
  await expect(page.getByTestId("voucher-modal")).toContainText("第 1 期");
  await page.getByTestId("voucher-file").setInputFiles({ name: "发票.jpg", mimeType: "image/jpeg", buffer: JPEG });
  await expect(page.getByTestId("voucher-file-name")).toContainText("发票.jpg");
  await page.getByTestId("voucher-amount").fill("5800");
  await page.getByTestId("voucher-modal").getByLabel("说明（可不填）").fill("讲师交通补贴 12 月");
  await page.screenshot({ path: info.outputPath("8-leader-voucher.png"), fullPage: true });
  await confirm(page, "voucher-ok");
  // (the 凭证已上传 toast lasts 3 s, gone before a loaded machine looks: the list is what stays)
  await expect(page.getByTestId("vouchers-1")).toContainText("待核验");
  await expect(page).toHaveURL(new RegExp(`${grantUrl}$`)); // closed, the dialog does not come back on a reload
  // the same file and amount again: warned first; filed anyway, it is refused with the figures, the typed amount kept
  await page.getByTestId("voucher-upload-1").click();
  await page.getByTestId("voucher-file").setInputFiles({ name: "发票.jpg", mimeType: "image/jpeg", buffer: JPEG });
  await page.getByTestId("voucher-amount").fill("5800");
  await page.getByTestId("voucher-ok").click();
  await expect(page.getByTestId("voucher-twin")).toContainText("本期已上传过 发票.jpg · ¥5,800.00");
  await page.getByTestId("voucher-ok").click();
  await expect(page.getByTestId("voucher-modal").getByRole("alert").filter({ hasText: "凭证合计" }))
    .toContainText("已拨付 ¥6,000.00，已上传凭证 ¥5,800.00，还可以上传 ¥200.00");
  await expect(page.getByTestId("voucher-amount")).toHaveValue(/5,?800/);
  await expect(page.getByTestId("voucher-twin")).toHaveCount(0); // the refusal, not the answered warning, is what shows
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("vouchers-1").getByTestId("voucher-row")).toHaveCount(1);

  // 9. finance opens the file (a signed link) and verifies it
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "finance@demo.local");
  // from the finance dashboard's 待核验凭证 to exactly the grants with a voucher to check
  await page.goto("/finance");
  await page.getByTestId("todo-voucher_check").click();
  await expect(page).toHaveURL(/\/grants\?view=mine&action=voucher_check$/);
  const waitingIds = (await sql<{ grant_id: string }>("select distinct grant_id from public.grant_vouchers where status = 'pending'")).map((r) => `/grants/${r.grant_id}`);
  const rows = page.getByTestId("grant-table").locator("tbody tr.ant-table-row");
  await expect(rows).toHaveCount(waitingIds.length);
  expect((await rows.locator("td:first-child a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).sort()).toEqual(waitingIds.sort());
  const row = rows.filter({ has: page.locator(`a[href="${grantUrl}"]`) });
  await expect(row.getByTestId("grant-waits")).toHaveText("第 1 期：1 张凭证待核验");
  await row.locator(`a[href="${grantUrl}"]`).click();
  const voucher = page.getByTestId("vouchers-1").getByTestId("voucher-row").first();
  const popup = page.waitForEvent("popup");
  await voucher.getByRole("button", { name: /查看凭证/ }).click();
  const file = await popup;
  await file.waitForLoadState();
  expect(file.url()).toMatch(/\/storage\/v1\/object\/sign\/vouchers\/\d+\/\d+\/[0-9a-f-]+\.jpg\?token=/);
  await file.close();
  await voucher.getByRole("button", { name: /^核\s?验$/ }).click();
  await expect(page.getByTestId("voucher-check-modal")).toContainText(/协议 \S+ 第 1 期 · 发票\.jpg · ¥5,800\.00/);
  await confirm(page, "voucher-check-modal-ok");
  await expect(page.getByTestId("vouchers-1")).toContainText("已核验");

  // 10. the 决算 figures of the line: 6,000 paid, 6,000 still committed; available unchanged by the payment
  const after = await accountOf(line.line_id, year);
  expect(after.paid_fen).toBe(before.paid_fen + 600_000);
  expect(after.committed_fen).toBe(before.committed_fen + 600_000);
  expect(after.available_fen).toBe(before.available_fen - 1_200_000);
  await page.screenshot({ path: info.outputPath("10-finance-grant.png"), fullPage: true });
});

test("an itemised budget that does not add up is not submitted; signed out, only the 公示 stays open", async ({ page }) => {
  const title = `e2e不平衡${Date.now().toString(36)}`;
  await signIn(page, "leader@demo.local");
  await page.goto("/grant-applications/create");
  const form = page.getByTestId("application-form");
  await form.getByLabel("项目名称").fill(title);
  await form.getByTestId("application-amount").fill("1000");
  await form.getByLabel("第 1 项支出名称").fill("茶歇");
  await form.getByLabel("第 1 项金额").fill("900");
  await form.getByLabel("服务时长目标（小时）").fill("10");
  await form.getByLabel("服务人数目标（人）").fill("10");
  await form.getByLabel("活动场次目标（场）").fill("1");
  const [{ year }] = await sql<{ year: string }>("select extract(year from private.district_today())::text as year");
  for (const [label, day] of [["开始日期", `${year}-12-01`], ["结束日期", `${year}-12-31`]]) {
    await form.getByLabel(label).click();
    await page.locator(`.ant-picker-dropdown:visible td[title="${day}"]`).click();
  }
  await expect(form.getByTestId("budget-total")).toContainText("还差 ¥100.00");
  await form.getByTestId("save-submit").click();
  // validated before it asks: the total that does not add up is brought into view and no confirmation opens
  // (validation is asynchronous: give a wrongly opened confirmation the time to appear)
  await expect(form.getByTestId("budget-total")).toBeInViewport();
  await page.waitForTimeout(1000);
  await expect(page.getByTestId("submit-confirm")).toBeHidden();
  await expect(page).toHaveURL(/\/grant-applications\/create$/); // the form keeps what was typed
  await expect(form.getByLabel("项目名称")).toHaveValue(title);
  expect(await sql("select 1 from public.grant_applications where title = $1", [title])).toHaveLength(0);

  // signed out, the application pages lead to the sign-in page; 公示 stays public
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith("sb-")) localStorage.removeItem(k); });
  await page.goto("/grant-applications");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/notice");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("资金安排公示");
});
