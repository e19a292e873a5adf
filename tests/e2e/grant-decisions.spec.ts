// The grant decisions the journey in grants.spec.ts does not walk, through the real app and database:
// a second approval above the two-approval threshold (and the first approver not offered it again), an
// objection during 公示 holding the approval until every objection is resolved, a change request decided
// by a second person (never its requester), and a grant's 绩效 evaluated by finance and published by the
// organisation department. Each starts from the demo seed's rows (applications 211 and 222, the pending
// change of grant SN2026-0201, a 2026 grant not yet evaluated) and moves them on for good: a retry would
// find them moved, so this file runs each test once.
import { expect as baseExpect, test, type Locator } from "@playwright/test";
import { confirm, signIn, sql } from "./helpers";

// several people's tests share two cores: give each page change time (nothing here measures speed)
const expect = baseExpect.configure({ timeout: 45_000 });
test.use({ actionTimeout: 45_000 });
test.describe.configure({ retries: 0 });




/** Picks a dialog's negative choice (不批准, 终止): the reason it then asks for is labelled 理由. A click that lands
 *  while the dialog is still being set up is taken again, as a person would tap again. */
async function chooseNo(dialog: Locator, label: string) {
  await expect(async () => {
    await dialog.locator(".big-choices").getByText(label, { exact: true }).click();
    await expect(dialog.getByLabel(/理由/)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
}

async function userId(email: string): Promise<string> {
  const [u] = await sql<{ id: string }>("select id::text from auth.users where email = $1", [email]);
  return u.id;
}

/** The app's money format (src/domain/money.ts formatFen): ¥80,000.00 */
const yuan = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString("en-US")}.${String(fen % 100).padStart(2, "0")}`;

test("above the threshold the second org admin's approval starts 公示; the first approver is not offered the decision again", async ({ page }) => {
  test.setTimeout(300_000);
  const [app] = await sql<{ status: string; amount: string; title: string }>(
    "select status::text, amount_requested_fen::text as amount, title from public.grant_applications where id = 211");
  expect(app).toEqual({ status: "checked", amount: "8000000", title: "天津路驿站修缮" });
  const [{ threshold }] = await sql<{ threshold: string }>("select two_approval_threshold_fen::text as threshold from public.fund_settings");
  expect(Number(app.amount)).toBeGreaterThan(Number(threshold));
  // who gave the first approval (the seed says org@; read it, not assume it)
  const first = await sql<{ email: string }>(
    "select u.email from public.application_approvals a join auth.users u on u.id = a.approved_by where a.application_id = 211");
  expect(first).toHaveLength(1);
  const firstApprover = first[0].email;
  const second = ["org@demo.local", "org2@demo.local"].find((e) => e !== firstApprover)!;
  expect(["org@demo.local", "org2@demo.local"]).toContain(firstApprover);

  // the first approver sees that two approvals are needed and one is given, and is not offered to decide
  await signIn(page, firstApprover);
  await page.goto("/grant-applications/211");
  await expect(page.getByTestId("application-status")).toHaveText("待决定");
  await expect(page.getByTestId("two-approvals")).toContainText(`金额超过 ${yuan(Number(threshold))}，需要两位组织部同志分别批准（已批准 1 位）`);
  await expect(page.getByTestId("application-actions")).toBeAttached();
  await expect(page.getByTestId("action-decide")).toHaveCount(0);

  // 待我处理 for the first approver holds no second approval of its own
  await page.goto("/grant-applications?view=mine&action=second_approval");
  await expect(page.getByTestId("application-table").locator(".ant-spin-spinning")).toHaveCount(0);
  await expect(page.getByTestId("application-table").getByRole("link", { name: app.title })).toHaveCount(0);

  // the other org admin's count leads to exactly the applications waiting for a second approval, each saying so
  await signIn(page, second);
  await page.goto("/");
  const count = page.getByTestId("action-second_approval");
  await expect(count).toContainText("份大额申报等待第二位批准");
  const n = Number((await count.innerText()).match(/\d+/)![0]);
  await count.click();
  await expect(page).toHaveURL(/\/grant-applications\?view=mine&action=second_approval$/);
  const rows = page.getByTestId("application-table").locator("tbody tr.ant-table-row");
  await expect(rows).toHaveCount(n);
  await expect(rows.getByTestId("application-waits")).toHaveText(Array(n).fill("待我作第二位批准"));
  await rows.getByRole("link", { name: app.title }).click();
  await expect(page).toHaveURL(/\/grant-applications\/211$/);
  await expect(page.getByTestId("two-approvals")).toContainText(`金额超过 ${yuan(Number(threshold))}`);
  await expect(page.getByTestId("two-approvals")).toContainText("已批准 1 位");
  await page.getByTestId("action-decide").click();
  const dialog = page.getByTestId("decide-modal");
  await expect(dialog.getByTestId("decision-subject")).toHaveText("“天津路驿站修缮” · ¥80,000.00");
  await expect(dialog).toContainText(`金额超过 ${yuan(Number(threshold))}：已有一位同志批准，您的同意将作出决定并进入公示。`);
  await dialog.getByLabel(/理由|说明/).fill("同意（e2e 第二审批）");
  await confirm(page, "decide-modal-ok");
  await expect(page.getByTestId("application-status")).toHaveText("公示中");
  await expect(page.getByTestId("two-approvals")).toHaveCount(0);

  // the database: two different approvers, decided by the second, the money committed, a notice period set
  const approvers = await sql<{ email: string }>(
    "select u.email from public.application_approvals a join auth.users u on u.id = a.approved_by where a.application_id = 211 order by a.approved_at");
  expect(approvers.map((r) => r.email)).toEqual([firstApprover, second]);
  const [after] = await sql<{ status: string; decided_by: string; notice: boolean; committed: string }>(
    `select a.status::text, a.decided_by::text, a.notice_end > a.notice_start as notice,
            (select coalesce(sum(amount_fen), 0) from public.fund_ledger l where l.application_id = a.id and l.kind = 'commitment')::text as committed
       from public.grant_applications a where a.id = 211`);
  expect(after).toEqual({ status: "in_notice", decided_by: await userId(second), notice: true, committed: "8000000" });
});

test("an open objection holds the approval after 公示; a second one is recorded, both are dismissed, then approved with a grant", async ({ page }) => {
  test.setTimeout(360_000);
  const orgId = await userId("org@demo.local");
  const [app] = await sql<{ status: string; open: string; grants: string }>(
    `select a.status::text, (select count(*) from public.grant_objections o where o.application_id = a.id and o.status = 'open')::text as open,
            (select count(*) from public.grants g where g.application_id = a.id)::text as grants
       from public.grant_applications a where a.id = 222`);
  expect(app).toEqual({ status: "in_notice", open: "1", grants: "0" });
  // five working days have passed in the seed; should the day not have come yet, move the notice into the past
  await sql(`update public.grant_applications set notice_start = least(notice_start, private.district_today() - 10),
                    notice_end = private.district_today() - 1 where id = 222 and notice_end >= private.district_today()`);

  await signIn(page, "org@demo.local");
  await page.goto("/grant-applications/222");
  await expect(page.getByTestId("application-status")).toHaveText("公示中");
  const rows = page.getByTestId("objection-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("待处理");
  // the notice is over but the objection is open: no approval, and the page says why
  await expect(page.getByTestId("action-objection")).toBeVisible();
  await expect(page.getByTestId("action-approve")).toHaveCount(0);
  await expect(page.getByText("还有 1 条异议未处理，处理后方可批准")).toBeVisible();
  expect(await sql("select 1 from public.grant_applications where id = 222 and status = 'in_notice'")).toHaveLength(1);
  expect(await sql("select 1 from public.grants where application_id = 222")).toHaveLength(0);

  // a second objection comes in (by phone) and is recorded
  const content = `e2e来电反映：楼院宣讲与街道普法活动时间冲突${Date.now().toString(36)}`;
  await page.getByTestId("action-objection").click();
  const record = page.getByTestId("objection-modal");
  await expect(record).toContainText("登记异议：“法律明白人进楼院” · ¥24,000.00");
  await record.getByLabel("异议内容").fill(content);
  await confirm(page, "objection-ok");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: content })).toContainText("待处理");
  await expect(page.getByText("还有 2 条异议未处理，处理后方可批准")).toBeVisible();
  await expect(page.getByTestId("action-approve")).toHaveCount(0);
  const [recorded] = await sql<{ status: string; recorded_by: string }>(
    "select status::text, recorded_by::text from public.grant_objections where application_id = 222 and content = $1", [content]);
  expect(recorded).toEqual({ status: "open", recorded_by: orgId });

  // both are looked into and dismissed, each with its finding
  for (let i = 1; i <= 2; i++) {
    await rows.getByRole("button", { name: "处理异议" }).first().click();
    const resolve = page.getByTestId("resolve-modal");
    await resolve.getByText("异议不成立", { exact: true }).click();
    await resolve.getByLabel("调查与处理情况").fill(`经核实，与街道普法活动不重复，异议不成立（e2e 第 ${i} 条）`);
    await confirm(page, "resolve-ok");
    await expect(rows.getByRole("button", { name: "处理异议" })).toHaveCount(2 - i);
  }
  await expect(rows.filter({ hasText: "异议不成立" })).toHaveCount(2);
  await expect(rows.filter({ hasText: "处理：经核实" })).toHaveCount(2);
  const resolved = await sql<{ status: string; resolved_by: string; has_finding: boolean }>(
    "select status::text, resolved_by::text, btrim(coalesce(resolution, '')) <> '' as has_finding from public.grant_objections where application_id = 222 order by id");
  expect(resolved).toEqual([
    { status: "dismissed", resolved_by: orgId, has_finding: true },
    { status: "dismissed", resolved_by: orgId, has_finding: true },
  ]);

  // now the approval: the agreement and the grant
  await expect(page.getByText(/条异议未处理/)).toHaveCount(0);
  await page.getByTestId("action-approve").click();
  await confirm(page, "approve-modal-ok");
  await expect(page.getByTestId("application-status")).toHaveText("已批准");
  await expect(page.getByTestId("grant-link")).toContainText("SN2026-0222");
  await page.getByTestId("grant-link").click();
  await expect(page.getByTestId("grant-amount")).toHaveText("¥24,000.00");
  const [grant] = await sql<{ agreement_no: string; amount: string; status: string }>(
    "select agreement_no, amount_fen::text as amount, status::text from public.grants where application_id = 222");
  expect(grant).toEqual({ agreement_no: "SN2026-0222", amount: "2400000", status: "active" });
  expect(await sql("select 1 from public.grant_applications where id = 222 and status = 'approved'")).toHaveLength(1);
});

test("a grant change waiting for a decision: finance (not the requester) approves it and the grant's targets change", async ({ page }) => {
  test.setTimeout(300_000);
  const [c] = await sql<{ id: number; grant_id: number; requester: string; before: Record<string, number>; after: Record<string, number>; reason: string }>(
    `select c.id::int, c.grant_id::int, u.email as requester, c.before, c.after, c.reason
       from public.grant_changes c join public.grants g on g.id = c.grant_id join auth.users u on u.id = c.requested_by
      where g.application_id = 201 and c.status = 'pending'`);
  expect(c, "the seed's pending change of SN2026-0201").toBeDefined();
  expect(c.requester).toBe("leader@demo.local");
  const targets = (x: Record<string, number>) => `${Number(x.target_hours)} 小时 · ${Number(x.target_people)} 人 · ${Number(x.target_activities)} 场`;
  expect(targets(c.after)).not.toBe(targets(c.before));
  const [g] = await sql<{ target_hours: string; target_people: number; target_activities: number }>(
    "select target_hours::text, target_people, target_activities from public.grants where id = $1", [c.grant_id]);
  expect(targets({ target_hours: Number(g.target_hours), target_people: g.target_people, target_activities: g.target_activities })).toBe(targets(c.before));

  // the requester sees the change waiting, and no way to decide it
  await signIn(page, c.requester);
  await page.goto(`/grants/${c.grant_id}`);
  const change = page.getByTestId("change-list").locator(".ant-list-item").filter({ hasText: c.reason });
  await expect(change).toContainText("待审批");
  await expect(change).toContainText(targets(c.after));
  await expect(page.getByTestId(`change-decide-${c.id}`)).toHaveCount(0);
  await expect(change.getByRole("button")).toHaveCount(0);

  // finance of the grant's lines decides: the change reads before → after, in the list and in the dialog
  await signIn(page, "finance@demo.local");
  await page.goto(`/grants/${c.grant_id}`);
  await expect(page.getByTestId("grant-summary")).toContainText(targets(c.before));
  await expect(change.locator(".change-before")).toContainText(`变更前 ${targets(c.before)}`);
  await expect(change.locator(".change-after")).toContainText(`变更后 ${targets(c.after)}`);
  await page.getByTestId(`change-decide-${c.id}`).click();
  const dialog = page.getByTestId("change-decide-modal");
  await expect(dialog.getByTestId("decision-subject")).toHaveText(`调整目标: ${targets(c.before)} → ${targets(c.after)}`);
  await dialog.getByLabel(/理由|说明/).fill("同意调减（e2e）");
  await confirm(page, "change-decide-modal-ok");
  await expect(change).toContainText("已批准");
  await expect(change).toContainText("同意调减（e2e）");
  await expect(page.getByTestId(`change-decide-${c.id}`)).toHaveCount(0);
  await expect(page.getByTestId("grant-summary")).toContainText(targets(c.after));

  const [decided] = await sql<{ status: string; decided_by: string }>("select status::text, decided_by::text from public.grant_changes where id = $1", [c.id]);
  expect(decided).toEqual({ status: "approved", decided_by: await userId("finance@demo.local") });
  const [now] = await sql<{ target_hours: string; target_people: number; target_activities: number }>(
    "select target_hours::text, target_people, target_activities from public.grants where id = $1", [c.grant_id]);
  expect(targets({ target_hours: Number(now.target_hours), target_people: now.target_people, target_activities: now.target_activities })).toBe(targets(c.after));

  // four eyes the other way round: a change finance asks for itself is not finance's to decide; the
  // organisation department refuses it (with a reason) and the targets stay as approved above
  const own = `e2e财务申请增加场次${Date.now().toString(36)}`;
  await page.getByTestId("request-change").click();
  const form = page.getByTestId("change-modal");
  await form.getByLabel("活动场次目标（场）").fill(String(now.target_activities + 1));
  await form.getByLabel(/理由/).fill(own);
  await confirm(page, "change-ok");
  const mine = page.getByTestId("change-list").locator(".ant-list-item").filter({ hasText: own });
  await expect(mine).toContainText("待审批");
  await expect(mine.getByRole("button")).toHaveCount(0);
  const [ownRow] = await sql<{ id: number; requested_by: string }>(
    "select id::int, requested_by::text from public.grant_changes where grant_id = $1 and reason = $2 and status = 'pending'", [c.grant_id, own]);
  expect(ownRow.requested_by).toBe(await userId("finance@demo.local"));

  await signIn(page, "org@demo.local");
  await page.goto(`/grants/${c.grant_id}`);
  await page.getByTestId(`change-decide-${ownRow.id}`).click();
  await chooseNo(dialog, "不批准");
  await dialog.getByLabel(/理由/).fill("场次已按上次变更调整，暂不增加（e2e）");
  await confirm(page, "change-decide-modal-ok");
  await expect(mine).toContainText("未批准");
  await expect(page.getByTestId("grant-summary")).toContainText(targets(c.after));
  const [refused] = await sql<{ status: string; decided_by: string; target_activities: number }>(
    `select c.status::text, c.decided_by::text, g.target_activities from public.grant_changes c join public.grants g on g.id = c.grant_id
      where c.id = $1`, [ownRow.id]);
  expect(refused).toEqual({ status: "rejected", decided_by: await userId("org@demo.local"), target_activities: now.target_activities });
});

test("绩效: finance evaluates a 2026 grant whose period has ended (targets against actuals, a grade); the organisation department publishes it", async ({ page }) => {
  test.setTimeout(300_000);
  // a seeded 2026 grant of a team the other journeys do not open, not yet evaluated; its period ended yesterday at the latest
  const [pick] = await sql<{ id: number; agreement_no: string }>(
    `select g.id::int, g.agreement_no from public.grants g
      where g.status = 'active' and g.starts_on >= date '2026-01-01' and g.ends_on <= date '2026-12-31' and g.team_id <> 1001
        and g.application_id between 201 and 240 and not exists (select 1 from public.grant_evaluations e where e.grant_id = g.id)
      order by g.ends_on, g.id limit 1`);
  expect(pick, "a 2026 grant not yet evaluated").toBeDefined();
  await sql("update public.grants set ends_on = private.district_today() - 1 where id = $1 and ends_on >= private.district_today()", [pick.id]);

  await signIn(page, "finance@demo.local");
  await page.goto(`/grants/${pick.id}`);
  const card = page.getByTestId("evaluation");
  await expect(card).toContainText("尚未评价");
  await card.getByTestId("evaluate-grant").click();
  await expect(page.getByText(`按协议 ${pick.agreement_no} 实施期间审核通过的服务记录计算绩效？`)).toBeVisible();
  await page.getByTestId("evaluate-confirm").click();
  await expect(page.getByText("绩效评价已完成")).toBeVisible();

  const [e] = await sql<{ target_hours: string; target_people: number; target_activities: number; actual_hours: string; actual_people: number;
    actual_activities: number; achievement: string; label: string; published: boolean; evaluated_by: string; period_end: string }>(
    `select e.target_hours::text, e.target_people, e.target_activities, e.actual_hours::text, e.actual_people, e.actual_activities,
            e.achievement::text, p.label, e.published, e.evaluated_by::text, e.period_end::text
       from public.grant_evaluations e join public.performance_grades p on p.grade = e.grade where e.grant_id = $1`, [pick.id]);
  expect(e, "the evaluation row").toBeDefined();
  expect(e.published).toBe(false);
  expect(e.evaluated_by).toBe(await userId("finance@demo.local"));
  const [{ yesterday }] = await sql<{ yesterday: string }>("select (private.district_today() - 1)::text as yesterday");
  expect(e.period_end <= yesterday).toBe(true);
  await expect(card.getByTestId("evaluation-grade")).toHaveText(e.label);
  await expect(card).toContainText(`目标完成度 ${Math.round(Number(e.achievement) * 1000) / 10}%`);
  await expect(card.getByTestId("evaluation-published")).toHaveText("未公开");
  // finance evaluates (and may again), only the organisation department publishes
  await expect(card.getByTestId("evaluate-grant")).toHaveText(/重新评价/);
  await expect(card.getByTestId("publish-evaluation")).toHaveCount(0);
  const measures = card.getByTestId("evaluation-measures").locator("tbody tr.ant-table-row");
  const expected = [
    ["服务时长目标（小时）", Number(e.target_hours), Number(e.actual_hours)],
    ["服务人数目标（人）", e.target_people, e.actual_people],
    ["活动场次目标（场）", e.target_activities, e.actual_activities],
  ] as const;
  await expect(measures).toHaveCount(3);
  for (const [i, [what, target, actual]] of expected.entries()) {
    await expect(measures.nth(i).locator("td")).toHaveText([what, String(target), String(actual)]);
  }

  // the organisation department publishes it; no re-evaluation afterwards
  await signIn(page, "org@demo.local");
  await page.goto(`/grants/${pick.id}`);
  await expect(card.getByTestId("evaluation-published")).toHaveText("未公开");
  await card.getByTestId("publish-evaluation").click();
  await expect(page.getByText(`公开协议 ${pick.agreement_no} 的绩效结果？公开后不能再重新评价。`)).toBeVisible();
  await page.getByTestId("publish-confirm").click();
  await expect(card.getByTestId("evaluation-published")).toHaveText("已公开");
  await expect(card.getByTestId("publish-evaluation")).toHaveCount(0);
  await expect(card.getByTestId("evaluate-grant")).toHaveCount(0);
  const [published] = await sql<{ published: boolean; published_by: string }>(
    "select published, published_by::text from public.grant_evaluations where grant_id = $1", [pick.id]);
  expect(published).toEqual({ published: true, published_by: await userId("org@demo.local") });
});

test("结项 / 终止: terminating needs a reason; then the unpaid instalments are cancelled and the grant's commitment goes back to its lines", async ({ page }) => {
  test.setTimeout(300_000);
  // an active grant with instalments not yet paid, none of the rows the tests above or the sweep (team 1001) use
  const [g] = await sql<{ id: string; no: string; app: string }>(`
    select g.id::text, g.agreement_no as no, g.application_id::text as app from public.grants g
     where g.status = 'active' and g.team_id <> 1001 and g.application_id not in (201, 211, 222)
       and exists (select 1 from public.grant_tranches t where t.grant_id = g.id and t.status in ('scheduled', 'requested', 'approved'))
       and not exists (select 1 from public.grant_evaluations e where e.grant_id = g.id)
     order by g.id desc limit 1`);
  expect(g, "an active grant with unpaid instalments in the seed").toBeDefined();
  const committed = async () => Number((await sql<{ c: string }>(`
    select (coalesce(sum(signed_fen) filter (where effective_kind = 'commitment'), 0)
            - coalesce(sum(signed_fen) filter (where effective_kind in ('release', 'disbursement')), 0))::text as c
      from public.fund_ledger_effects where application_id = $1`, [g.app]))[0].c);
  expect(await committed()).toBeGreaterThan(0);

  await signIn(page, "finance@demo.local");
  await page.goto(`/grants/${g.id}`);
  await page.getByTestId("close-grant").click();
  const dialog = page.getByTestId("close-grant-modal");
  await expect(dialog).toContainText(`结项或终止：协议 ${g.no}`);
  await expect(dialog).toContainText("还没拨付的");
  await expect(dialog).toContainText("怎样关闭");
  // paid money that verified vouchers do not cover is named before closing
  const [{ u }] = await sql<{ u: string }>(`
    select coalesce(sum(greatest(0, t.amount_fen - coalesce((select sum(v.amount_fen) from public.grant_vouchers v
                                                             where v.tranche_id = t.id and v.status = 'verified'), 0))), 0)::text as u
      from public.grant_tranches t where t.grant_id = $1 and t.status = 'paid'`, [g.id]);
  expect(Number(u), "the seed's grant has paid money without verified vouchers").toBeGreaterThan(0);
  await expect(dialog.getByTestId("close-unvouched"))
    .toContainText(`还有 ¥${(Number(u) / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })} 没有核验通过的凭证`);
  await chooseNo(dialog, "终止");
  // no reason: the dialog says so and nothing is sent
  await page.getByTestId("close-grant-modal-ok").click();
  await expect(dialog).toContainText("请填写");
  expect((await sql<{ status: string }>("select status::text from public.grants where id = $1", [g.id]))[0].status).toBe("active");
  await dialog.getByLabel(/理由|说明/).fill("团队解散，项目无法继续（e2e）");
  await confirm(page, "close-grant-modal-ok");
  await expect(page.getByTestId("grant-summary")).toContainText("已终止");
  await expect(page.getByTestId("grant-closed")).toContainText("团队解散，项目无法继续（e2e）");
  await expect(page.getByTestId("close-grant")).toHaveCount(0);
  await expect(page.getByTestId("schedule-tranche")).toHaveCount(0);

  const [closed] = await sql<{ status: string; close_reason: string; open: string }>(`
    select g.status::text, g.close_reason,
           (select count(*) from public.grant_tranches t where t.grant_id = g.id and t.status in ('scheduled', 'requested', 'approved'))::text as open
      from public.grants g where g.id = $1`, [g.id]);
  expect(closed).toEqual({ status: "terminated", close_reason: "团队解散，项目无法继续（e2e）", open: "0" });
  expect(await committed()).toBe(0);
});
