// The team leader's three phone tasks at 390×844, counting taps from the leader's home (the app as it
// opens for a signed-in leader): record 2 h for three members in at most 5 taps and no typed field; find a
// member's points in at most 2 taps; redeem a reward by tapping person, reward and confirm. Also the
// 24-hour refusal that names who is over and saves the others, adding a member and recording leaving as
// short sheets, and the passbook newest first with a printed period. No page scrolls sideways.
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";

const API = `http://127.0.0.1:${Number(process.env.E2E_STACK_PORT_BASE ?? 26421)}`;
const ANON_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0";
const TEAM = 1001; // 宁夏路银龄先锋志愿服务队, led by leader@demo.local

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** Counts what the leader does: every tap and every field typed into. */
class Hands {
  taps = 0;
  typed = 0;
  async tap(l: Locator) {
    this.taps += 1;
    await l.click();
  }
  async type(l: Locator, text: string) {
    this.typed += 1;
    await l.fill(text);
  }
}

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("邮箱").fill("leader@demo.local");
  await page.getByLabel("密码").fill("demo123456");
  await page.getByRole("button", { name: /登\s?录/ }).click();
  await expect(page.getByTestId("leader-home")).toBeVisible();
}

/** Opening the app: the leader is signed in and lands on the task home. */
async function openApp(page: Page) {
  await page.goto("/");
  await expect(page.getByTestId("home-record")).toBeEnabled();
}

async function expectNoSideways(page: Page) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, "the page scrolls sideways").toBeLessThanOrEqual(width);
}

const districtToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

/** The leader's session against the real API, for fixtures the UI cannot make in a few taps. */
async function leaderApi(request: APIRequestContext) {
  const auth = await request.post(`${API}/auth/v1/token?grant_type=password`, {
    headers: { apikey: ANON_KEY }, data: { email: "leader@demo.local", password: "demo123456" },
  });
  const { access_token } = await auth.json();
  const headers = { apikey: ANON_KEY, Authorization: `Bearer ${access_token}`, "Content-Type": "application/json" };
  return {
    members: async () => {
      const r = await request.get(`${API}/rest/v1/team_memberships?team_id=eq.${TEAM}&left_on=is.null&select=volunteer_id,volunteers(name)&order=id.asc`, { headers });
      return (await r.json()) as { volunteer_id: string; volunteers: { name: string } }[];
    },
    record: async (hours: number, ids: string[]) => {
      const r = await request.post(`${API}/rest/v1/rpc/record_service`, {
        headers, data: { p_team_id: TEAM, p_service_date: districtToday(), p_title: "e2e 上午服务", p_hours: hours, p_volunteer_ids: ids },
      });
      expect(r.ok(), await r.text()).toBe(true);
    },
  };
}

async function pendingRecords(page: Page): Promise<number> {
  const pending = page.getByTestId("leader-pending");
  await expect(pending.locator(".ant-skeleton")).toHaveCount(0);
  const text = await pending.innerText();
  const m = text.match(/(\d+) 条服务记录等待审核/);
  return m ? Number(m[1]) : 0;
}

test("records 2 hours for three members in 5 taps and no typed field from the home", async ({ page }, info) => {
  await signIn(page);
  await openApp(page);
  await expectNoSideways(page);
  const pendingBefore = await pendingRecords(page);

  const hands = new Hands();
  await hands.tap(page.getByTestId("home-record"));
  const dialog = page.getByRole("dialog");
  const ticks = dialog.locator("[data-testid^='tick-']");
  await expect(ticks.nth(2)).toBeVisible();
  const names: string[] = [];
  for (let i = 0; i < 3; i++) {
    names.push((await ticks.nth(i).getAttribute("data-testid"))!.slice("tick-".length));
    await hands.tap(ticks.nth(i));
  }
  await expect(dialog.getByTestId("record-hours")).toHaveText("2 小时");
  await expect(dialog.getByRole("radio", { name: "今天" })).toBeChecked();
  const tickBox = await ticks.first().boundingBox();
  expect(tickBox!.height, "a tick row is a large target").toBeGreaterThanOrEqual(44);
  await expectNoSideways(page);
  await page.screenshot({ path: info.outputPath("leader-record.png") });
  await hands.tap(dialog.getByTestId("record-submit"));
  await expect(page.getByText("已登记 3 人的服务，等待审核")).toBeVisible();

  expect(hands.taps).toBeLessThanOrEqual(5);
  expect(hands.typed).toBe(0);
  await expect.poll(() => pendingRecords(page)).toBe(pendingBefore + 3);
  // the three records, as the service list shows them: today, 2 h, the default activity name
  await page.goto(`/service?status=pending&team=${TEAM}`);
  for (const n of names) await expect(page.getByText(n).first()).toBeVisible();
});

test("the 24-hour refusal names who is over and by how much, keeps the ticks, and saves the others", async ({ page, request }, info) => {
  const api = await leaderApi(request);
  const members = await api.members();
  const [over, ...others] = members.slice(3, 6);
  await api.record(23, [over.volunteer_id]);

  await signIn(page);
  await openApp(page);
  await page.getByTestId("home-record").click();
  const dialog = page.getByRole("dialog");
  for (const m of [over, ...others]) await dialog.getByTestId(`tick-${m.volunteers.name}`).click();
  await dialog.getByTestId("record-submit").click();

  const alert = dialog.getByTestId("record-over");
  await expect(alert).toContainText(`${over.volunteers.name}：当天已记 23 小时，再记 2 小时会超出 1 小时`);
  for (const o of others) await expect(alert).not.toContainText(o.volunteers.name);
  // what was chosen stays chosen
  await expect(dialog.locator(".tick-row-on")).toHaveCount(3);
  await page.screenshot({ path: info.outputPath("leader-over-24h.png") });
  await dialog.getByTestId("record-save-others").click();
  await expect(page.getByText(`已登记 2 人的服务；没有登记：${over.volunteers.name}`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
});

test("finds a member's points in 2 taps from the home: the roster's cards show them, one tap opens the passbook", async ({ page }, info) => {
  await signIn(page);
  await openApp(page);
  const hands = new Hands();
  await hands.tap(page.getByTestId("home-roster"));
  const firstCard = page.locator("[data-testid^='member-card-']").first();
  await expect(firstCard).toBeVisible();
  const name = (await firstCard.getAttribute("data-testid"))!.slice("member-card-".length);
  const points = firstCard.getByTestId(`points-${name}`);
  await expect(points).toBeInViewport();
  await expect(points).toHaveText(/^\d+$/);
  await expect(firstCard).toContainText("累计时长");
  expect(hands.taps, "points in sight after one tap").toBe(1);
  await expectNoSideways(page);
  await page.screenshot({ path: info.outputPath("leader-roster-cards.png"), fullPage: true });
  const shown = await points.innerText();
  const box = await points.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);

  await hands.tap(points);
  await expect(page.getByTestId("passbook-holder")).toHaveText(name);
  expect(hands.taps).toBeLessThanOrEqual(2);
  await expect(page.locator(".ant-statistic").filter({ hasText: "余额" })).toContainText(shown);
  await expectNoSideways(page);
});

test("the passbook lists newest first and prints only the chosen period", async ({ page }, info) => {
  await signIn(page);
  await page.goto(`/teams/${TEAM}`);
  const cards = page.locator("[data-testid^='member-card-']");
  await expect(cards.first()).toBeVisible();
  await page.locator("[data-testid^='points-']").first().click();
  const lines = page.getByTestId("passbook-line");
  await expect(lines.first()).toBeVisible();
  const dates = await lines.locator(".record-card-title").allInnerTexts();
  expect(dates.length).toBeGreaterThan(1);
  expect([...dates].sort().reverse()).toEqual(dates);
  await expectNoSideways(page);
  await page.screenshot({ path: info.outputPath("leader-passbook.png"), fullPage: true });

  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => { (window as unknown as { printed: number }).printed += 1; };
  });
  await page.getByTestId("passbook-print").click();
  const sheet = page.getByRole("dialog");
  await expect(sheet).toContainText("打印");
  await sheet.getByText("今年", { exact: true }).click();
  await sheet.getByTestId("print-range-ok").click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  const year = districtToday().slice(0, 4);
  const printed = page.getByTestId("passbook-print-lines");
  await expect(printed).toContainText(`${year}-01-01 至 ${districtToday()}`);
  const printedDates = (await printed.locator("tbody tr.ant-table-row td:first-child").allInnerTexts());
  for (const d of printedDates) expect(d.startsWith(year), d).toBe(true);
});

test("redeems a reward from the home by tapping person, reward and confirm; the dialog names both", async ({ page }, info) => {
  await signIn(page);
  await openApp(page);
  const hands = new Hands();
  await hands.tap(page.getByTestId("home-redeem"));
  const dialog = page.getByRole("dialog");
  const people = dialog.locator("[data-testid^='redeem-person-']");
  await expect(people.first()).toBeVisible();
  await expect(people.first()).toContainText(/\d+ 积分/);
  // someone with enough points for the cheapest reward (60)
  let person: Locator | undefined;
  for (const p of await people.all()) {
    if (Number((await p.innerText()).match(/(\d+) 积分/)![1]) >= 100) {
      person = p;
      break;
    }
  }
  const name = (await person!.getAttribute("data-testid"))!.slice("redeem-person-".length);
  const before = Number((await person!.innerText()).match(/(\d+) 积分/)![1]);
  await hands.tap(person!);
  await expect(dialog.locator(".ant-modal-title")).toHaveText(`积分兑换 · ${name}`);
  await hands.tap(dialog.getByTestId("redeem-reward-爱心理发一次"));
  await expect(dialog.getByTestId("redeem-summary")).toHaveText(`为 ${name} 兑换“爱心理发一次” × 1，扣 60 积分，余额 ${before} → ${before - 60}`);
  await expectNoSideways(page);
  await page.screenshot({ path: info.outputPath("leader-redeem.png") });
  await hands.tap(dialog.getByTestId("redeem-submit"));
  await expect(page.getByText("兑换成功，已扣 60 积分")).toBeVisible();
  expect(hands.taps).toBeLessThanOrEqual(4);
  expect(hands.typed).toBe(0);

  await page.getByTestId("home-roster").click();
  await expect(page.getByTestId(`points-${name}`)).toHaveText(String(before - 60));
});

test("adds a member and records leaving as short sheets that name the team and the person", async ({ page }, info) => {
  await signIn(page);
  await openApp(page);
  await page.getByTestId("home-roster").click();
  await page.getByTestId("roster-add").click();
  const sheet = page.getByRole("dialog");
  await expect(sheet.locator(".ant-modal-title")).toContainText("添加成员 · 宁夏路银龄先锋志愿服务队");
  const newName = `新队员${Date.now().toString(36).slice(-4)}`;
  await sheet.getByTestId("new-volunteer-name").fill(newName);
  await sheet.getByText("女", { exact: true }).click();
  await sheet.getByLabel("联系电话").fill("13912345670");
  await expectNoSideways(page);
  await page.screenshot({ path: info.outputPath("leader-add-member.png") });
  await sheet.getByRole("button", { name: /保\s?存/ }).click();
  await expect(page.getByText(`已把 ${newName} 加入 宁夏路银龄先锋志愿服务队`)).toBeVisible();

  const card = page.getByTestId(`member-card-${newName}`);
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: "登记离队" }).click();
  const leave = page.getByRole("dialog").filter({ hasText: newName });
  await expect(leave.locator(".ant-modal-title")).toHaveText(`登记离队 · ${newName}`);
  await leave.getByRole("button", { name: "本人申请" }).click();
  await page.screenshot({ path: info.outputPath("leader-leave.png") });
  await leave.getByTestId("leave-submit").click();
  await expect(page.getByText(`已登记 ${newName} 离队`)).toBeVisible();
  await expect(card).toHaveCount(0);
});

test("a dialog whose code cannot be fetched says so on the home and opens on 再试一次; the tapped button takes no second tap", async ({ page }) => {
  // a moment without signal: the record dialog's code does not arrive (its fetch when idle nor at the tap);
  // the fetch at the tap hangs a while first, as on a weak signal
  let giveUp = () => {};
  const weak = new Promise<void>((r) => { giveUp = r; });
  let fetches = 0;
  await page.route(/\/assets\/record-modal-[^/]*\.js$/, async (r) => {
    fetches += 1;
    if (fetches > 1) await weak;
    await r.abort("internetdisconnected");
  });
  await signIn(page);
  await expect.poll(() => fetches).toBeGreaterThanOrEqual(1);   // the idle fetch failed
  const record = page.getByTestId("home-record");
  await record.click();
  // while the code is on its way the button spins and a second tap does nothing
  await expect(record).toHaveClass(/ant-btn-loading/);
  await record.click({ force: true });
  await expect(page.getByRole("dialog")).toHaveCount(0);
  giveUp();
  const failed = page.getByTestId("load-failed");
  await expect(failed).toContainText("网络不好，没能打开");
  // the home is still there, not a white page
  await expect(page.getByTestId("home-roster")).toBeVisible();
  await page.unroute(/\/assets\/record-modal-[^/]*\.js$/);
  await failed.getByRole("button", { name: "再试一次" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(failed).toHaveCount(0);
  await dialog.getByRole("button", { name: /取\s?消/ }).click();
  await expect(dialog).toBeHidden();
});
