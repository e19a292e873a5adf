// Staff onboarding the Supabase way, as people meet it: the organisation department invites an email
// with a role over a street; the email arrives in the local mailbox; its link opens the accept page,
// where the person sets a name and password and then sees their scope. Nobody can sign up unasked.
// 忘记密码 sends a recovery email whose link sets a new password; the old one stops working.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const MAILBOX = `http://127.0.0.1:${process.env.E2E_MAILBOX_PORT}`;
const API = `http://127.0.0.1:${Number(process.env.E2E_STACK_PORT_BASE ?? 26421)}`;
const ANON_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0";
const INVITEE = "xiaoli.newadmin@example.org";
const FIRST_PASSWORD = "yinling-2026";
const NEW_PASSWORD = "zhongqiu-8888";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

test.describe.configure({ mode: "serial" });

interface MailSummary { ID: string; Subject: string; To: { Address: string }[] }

/** The newest email to `to` whose subject matches, read through the mailbox's Mailpit-shaped API. */
async function emailLink(request: APIRequestContext, to: string, subject: RegExp, after = 0): Promise<string> {
  let found: MailSummary | undefined;
  await expect.poll(async () => {
    const r = await request.get(`${MAILBOX}/api/v1/messages`);
    const { messages } = (await r.json()) as { messages: MailSummary[] };
    const mine = messages.filter((m) => m.To.some((a) => a.Address === to) && subject.test(m.Subject));
    found = mine.length > after ? mine[0] : undefined;
    return Boolean(found);
  }, { message: `an email to ${to}` }).toBe(true);
  const message = (await (await request.get(`${MAILBOX}/api/v1/message/${found!.ID}`)).json()) as { Text: string };
  const link = /https?:\/\/\S+\/auth\/v1\/verify\?\S+/.exec(message.Text)?.[0];
  expect(link, "the email carries a verify link").toBeTruthy();
  return link!;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: /登\s?录/ }).click();
}

/** Nothing on this page scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** On a phone every control is at least 44 px tall and no text is below 16 px (older eyes and fingers). */
async function expectElderFriendly(page: Page) {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const visible = (e: Element) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
    for (const e of document.querySelectorAll("button, a, .ant-input-affix-wrapper, input.ant-input:not(.ant-input-affix-wrapper input), .ant-segmented-item")) {
      if (visible(e) && e.getBoundingClientRect().height < 44) found.push(`target ${Math.round(e.getBoundingClientRect().height)} px: ${e.textContent?.trim() || e.outerHTML.slice(0, 60)}`);
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || !visible(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 16) found.push(`text ${size} px: ${n.textContent.trim().slice(0, 30)}`);
    }
    return found;
  });
  expect(problems).toEqual([]);
}

/** Saves the page at 1440×900 and at 390×844 (and checks 360 px wide), then returns to desktop. */
async function shoot(page: Page, name: string, outputPath: (n: string) => string, publicPage = true) {
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: outputPath(`${name}-1440.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await expectNoSidewaysScroll(page);
  if (publicPage) await expectElderFriendly(page);
  await page.screenshot({ path: outputPath(`${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(page);
  await page.setViewportSize(DESKTOP);
}

test("the org admin invites an email as street admin and the invitation arrives in the mailbox", async ({ page, request }, info) => {
  await signIn(page, "org@demo.local", "demo123456");
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.goto("/staff");
  // On a phone the invitation dialog is a full-width sheet.
  await page.setViewportSize(PHONE);
  await page.getByTestId("staff-invite").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("邮箱")).toBeVisible();
  await expect(page.locator(".ant-zoom-appear, .ant-zoom-enter")).toHaveCount(0); // the opening animation is over
  await expectNoSidewaysScroll(page);
  await expect(dialog.getByText("请先选择管理范围")).toBeVisible(); // why 角色 is disabled
  await dialog.getByRole("button", { name: /发送邀请/ }).click();
  for (const says of ["请输入邮箱", "请选择管理范围", "请先选择管理范围"]) await expect(dialog.getByText(says, { exact: true })).toBeVisible();
  await page.screenshot({ path: info.outputPath("staff-invite-dialog-390.png") });
  await dialog.getByRole("button", { name: /取\s?消/ }).click();
  await expect(dialog).toBeHidden();
  await page.setViewportSize(DESKTOP);
  await page.getByTestId("staff-invite").click();
  await dialog.getByLabel("邮箱").fill(INVITEE);
  await dialog.getByLabel("管理范围").fill("八大湖");
  await page.locator(".ant-select-dropdown:visible").getByText("八大湖街道", { exact: true }).click();
  await dialog.getByLabel("角色").click();
  await page.locator(".ant-select-dropdown:visible").getByText("街道管理员", { exact: true }).click();
  await dialog.screenshot({ path: info.outputPath("staff-invite-dialog-1440.png") });
  await dialog.getByRole("button", { name: /发送邀请/ }).click();
  await expect(page.getByText(`已发送邀请邮件到 ${INVITEE}`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: INVITEE })).toContainText("街道管理员");
  await shoot(page, "staff", info.outputPath.bind(info), false);

  await emailLink(request, INVITEE, /邀请/);
  await page.goto(MAILBOX);
  await expect(page.getByText(INVITEE).first()).toBeVisible();
  await page.screenshot({ path: info.outputPath("mailbox-1440.png"), fullPage: true });
  // The mailbox reads on a phone too: no sideways scrolling on the list or on a message with its long link.
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: info.outputPath("mailbox-390.png"), fullPage: true });
  await page.getByRole("link", { name: /邀请/ }).first().click();
  await expect(page.getByRole("link", { name: "接受邀请" })).toBeVisible();
  await expect(page.getByText(/验证码/)).toHaveCount(0); // only the link: the app has nowhere to type a code
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: info.outputPath("mailbox-message-390.png"), fullPage: true });
});

test("following the invitation link, the person sets a name and password and sees their street", async ({ browser, request }, info) => {
  const link = await emailLink(request, INVITEE, /邀请/);
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page).toHaveURL(/\/accept-invite/);
  const summary = page.getByTestId("invite-summary");
  await expect(summary).toContainText(INVITEE);
  await expect(summary).toContainText("街道管理员 · 八大湖街道");
  await expect(page).toHaveTitle(/接受邀请/);
  await shoot(page, "accept-invite", info.outputPath.bind(info));

  await page.getByTestId("display-name").fill("李晓丽");
  await page.getByTestId("new-password").fill(FIRST_PASSWORD);
  await page.getByTestId("new-password-again").fill(FIRST_PASSWORD.toUpperCase());
  await page.getByRole("button", { name: "完成并进入平台" }).click();
  await expect(page.getByText("两次输入的密码不一致")).toBeVisible();
  await page.getByTestId("new-password-again").fill(FIRST_PASSWORD);
  await page.getByRole("button", { name: "完成并进入平台" }).click();

  await expect(page.getByTestId("current-user")).toHaveText("李晓丽");
  await expect(page.getByText("街道管理员 · 八大湖街道")).toBeVisible();
  await page.screenshot({ path: info.outputPath("invitee-home-1440.png") });

  // The link was used once: opening it again says to sign in, or to set a password by email (the
  // address is confirmed already, so the recovery email works; no administrator is needed).
  const again = await browser.newPage();
  await again.goto(link);
  await expect(again.getByTestId("link-expired")).toContainText("如已设置过密码，请直接登录");
  await shoot(again, "accept-invite-expired", info.outputPath.bind(info));
  await again.getByRole("button", { name: "设置密码" }).click();
  await expect(again).toHaveURL(/\/forgot-password/);
  await expect(again.getByRole("button", { name: "发送重置邮件" })).toBeVisible();

  // Reached without any link: one message, and the ways on.
  await again.goto("/accept-invite");
  await expect(again.getByTestId("link-missing")).toHaveText("请从邀请邮件中的链接打开此页面。");
  await expect(again.getByTestId("link-expired")).toHaveCount(0);
  await expect(again.getByRole("link", { name: "返回登录" })).toBeVisible();
  await shoot(again, "accept-invite-nolink", info.outputPath.bind(info));
  await context.close();
});

test("nobody can sign up: no sign-up on the login page, and the API refuses", async ({ page, request }, info) => {
  await page.goto("/login");
  await expect(page.getByTestId("forgot-link")).toBeVisible();
  await expect(page.getByTestId("forgot-link")).toHaveCSS("color", "rgb(9, 88, 217)"); // #0958d9: ≥ 4.5:1 on white
  await expect(page.getByRole("link", { name: /注册/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /注册/ })).toHaveCount(0);
  await shoot(page, "login", info.outputPath.bind(info));
  await page.goto("/register");
  await expect(page).toHaveURL(/\/login/);

  const r = await request.post(`${API}/auth/v1/signup`, {
    headers: { apikey: ANON_KEY, "Content-Type": "application/json" },
    data: { email: "stranger@example.org", password: "stranger-123" },
  });
  expect(r.status()).toBeGreaterThanOrEqual(400);
  expect(((await r.json()) as { code?: string }).code).toBe("signup_disabled");
  await signIn(page, "stranger@example.org", "stranger-123");
  await expect(page.getByTestId("login-error")).toHaveText("邮箱或密码不正确，请检查后重试，或点「忘记密码」");

  // The same pages in English.
  await page.getByText("EN", { exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.getByTestId("forgot-link").click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await expect(page).toHaveTitle(/Reset your password/);
  await shoot(page, "forgot-password-en", info.outputPath.bind(info));
  await page.getByText("中文", { exact: true }).click();
});

test("忘记密码 sends a recovery email whose link sets a new password; the old one no longer works", async ({ page, request }, info) => {
  await page.goto("/login");
  await page.getByTestId("forgot-link").click();
  await expect(page).toHaveURL(/\/forgot-password/);
  await expect(page).toHaveTitle(/找回密码/);
  await shoot(page, "forgot-password", info.outputPath.bind(info));
  await page.getByLabel("邮箱").fill(INVITEE);
  await page.getByRole("button", { name: "发送重置邮件" }).click();
  const sent = page.getByTestId("forgot-sent");
  await expect(sent).toBeVisible();
  await shoot(page, "forgot-password-sent", info.outputPath.bind(info));

  // An address without an account reads exactly the same (no account enumeration), and gets no email.
  const text = await sent.innerText();
  await page.goto("/forgot-password");
  await page.getByLabel("邮箱").fill("nobody-here@example.org");
  await page.getByRole("button", { name: "发送重置邮件" }).click();
  await expect(page.getByTestId("forgot-sent")).toHaveText(text);

  const link = await emailLink(request, INVITEE, /重置/);
  await page.goto(link);
  await expect(page).toHaveURL(/\/reset-password/);
  await expect(page.getByTestId("reset-email")).toHaveText(INVITEE);
  await shoot(page, "reset-password", info.outputPath.bind(info));
  // Empty: one message that says what to do (the rule's hint steps aside while an error shows).
  await page.getByRole("button", { name: "保存新密码并登录" }).click();
  await expect(page.getByText("请设置密码", { exact: true })).toBeVisible();
  const hint = page.locator(".ant-form-item-extra", { hasText: "至少 6 个字符" });
  await expect(hint).toBeHidden();
  // Too short and different: both said at once.
  await page.getByTestId("new-password").fill("12345");
  await page.getByTestId("new-password-again").fill("12346");
  await page.getByRole("button", { name: "保存新密码并登录" }).click();
  await expect(page.locator(".ant-form-item-explain-error", { hasText: "至少 6 个字符" })).toBeVisible();
  await expect(hint).toBeHidden(); // said once, as the error
  await expect(page.getByText("两次输入的密码不一致")).toBeVisible();
  await expect(page.getByText("两次输入的密码不一致")).toHaveCSS("color", "rgb(207, 19, 34)"); // #cf1322: ≥ 4.5:1 on white
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: info.outputPath("reset-password-errors-390.png"), fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.getByTestId("new-password").fill(NEW_PASSWORD);
  await page.getByTestId("new-password-again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "保存新密码并登录" }).click();
  await expect(page.getByTestId("current-user")).toHaveText("李晓丽");
  await expect(page.getByText("密码已更改")).toBeVisible();

  await page.context().clearCookies();
  await page.evaluate(() => localStorage.clear());
  await signIn(page, INVITEE, FIRST_PASSWORD);
  await expect(page.getByTestId("login-error")).toHaveText("邮箱或密码不正确，请检查后重试，或点「忘记密码」");
  await signIn(page, INVITEE, NEW_PASSWORD);
  await expect(page.getByTestId("current-user")).toHaveText("李晓丽");

  // The recovery link was used: it now offers a new email instead.
  const again = await page.context().browser()!.newPage();
  await again.goto(link);
  await expect(again.getByTestId("link-expired")).toBeVisible();
  await expect(again.getByRole("button", { name: "重新发送重置邮件" })).toBeVisible();
  await shoot(again, "reset-password-expired", info.outputPath.bind(info));
});

test("a pending invitation reads as pending and can be sent again; an accepted one reads as in force", async ({ page, request }, info) => {
  const pending = "wang.pending@example.org";
  await signIn(page, "org@demo.local", "demo123456");
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.goto("/staff");
  await page.getByTestId("staff-invite").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("邮箱").fill(pending);
  await dialog.getByLabel("管理范围").fill("八大湖");
  await page.locator(".ant-select-dropdown:visible").getByText("八大湖街道", { exact: true }).click();
  await dialog.getByLabel("角色").click();
  await page.locator(".ant-select-dropdown:visible").getByText("财务", { exact: true }).click();
  await dialog.getByRole("button", { name: /发送邀请/ }).click();
  await expect(page.getByText(`已发送邀请邮件到 ${pending}`)).toBeVisible();
  await emailLink(request, pending, /邀请/);

  const row = page.getByRole("row").filter({ hasText: pending });
  await expect(row).toContainText("待接受邀请");
  await expect(page.getByRole("row").filter({ hasText: INVITEE })).toContainText("已生效");
  await expect(page.getByRole("row").filter({ hasText: INVITEE }).getByRole("button", { name: "重新发送邀请" })).toHaveCount(0);

  await page.waitForTimeout(1200); // the auth sends one email per address per second (auth.email.max_frequency)
  await row.getByRole("button", { name: "重新发送邀请" }).click();
  await expect(page.getByText(`已重新发送邀请邮件到 ${pending}`)).toBeVisible();
  await emailLink(request, pending, /邀请/, 1);
  await page.setViewportSize(PHONE);
  const card = page.getByTestId("grant-card").filter({ hasText: pending });
  await expect(card.getByRole("button", { name: "重新发送邀请" })).toBeVisible();
  await expect(card).toContainText("24 小时内有效");
  await page.screenshot({ path: info.outputPath("staff-pending-390.png"), fullPage: true });
});
