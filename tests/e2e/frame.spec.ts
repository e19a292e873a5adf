// The frame every signed-in page shares, as a phone (390×844) and a desktop (1440×900) meet it: the
// header fits for every role, the menu opens from the header on a phone, landmarks, touch targets,
// 长辈版 remembered per person, and a language switch that re-labels without reloading data.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const ROLES = ["org@demo.local", "street@demo.local", "leader@demo.local", "finance@demo.local"];


async function signOut(page: Page) {
  const phone = (page.viewportSize()?.width ?? 1440) < 768;
  if (phone) await page.getByRole("button", { name: "菜单", exact: true }).click();
  await page.getByRole("menuitem", { name: /退出登录/ }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Widest element box, and the document's scroll width, against the viewport. */
async function overflow(page: Page) {
  return page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    header: (document.querySelector("header") as HTMLElement | null)?.scrollWidth ?? 0,
    viewport: window.innerWidth,
  }));
}

const fontSize = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));

for (const viewport of [PHONE, DESKTOP]) {
  test(`every role's frame fits ${viewport.width} px with header, nav and main landmarks and a clean console`, async ({ browser }) => {
    test.setTimeout(180_000); // four sign-ins
    for (const email of ROLES) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(`${email}: ${m.text()}`);
      });
      await signIn(page, email);
      await page.waitForLoadState("networkidle");
      const o = await overflow(page);
      expect(o.doc, `${email} page width`).toBeLessThanOrEqual(o.viewport);
      expect(o.header, `${email} header width`).toBeLessThanOrEqual(o.viewport);
      await expect(page.getByRole("banner")).toHaveCount(1);
      await expect(page.getByRole("main")).toHaveCount(1);
      if (viewport === DESKTOP) await expect(page.getByRole("navigation")).toBeVisible();
      // the name is shortened, never broken one character per line
      const name = page.getByTestId("current-user");
      const box = await name.boundingBox();
      expect(box!.height, `${email} name on one line`).toBeLessThan(40);
      await page.screenshot({ path: test.info().outputPath(`frame-${email.split("@")[0]}-${viewport.width}.png`) });
      expect(problems).toEqual([]);
      await context.close();
    }
  });
}

test("at 360 px the header still fits for every role in 长辈版 and in English", async ({ browser }) => {
  test.setTimeout(180_000); // four sign-ins
  for (const email of ROLES) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signIn(page, email);
    const toggle = page.getByTestId("large-text-toggle");
    await toggle.click();
    await expect(page.locator("html")).toHaveClass(/large-text/);
    await page.getByRole("button", { name: "菜单", exact: true }).click();
    await page.getByRole("dialog").getByText("EN", { exact: true }).click();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();
    await expect(page.getByRole("button", { name: "Menu", exact: true })).toBeVisible();
    await expect(page.getByTestId("large-text-toggle")).toHaveText(/Large text/);
    const o = await overflow(page);
    expect(o.header, `${email} header width`).toBeLessThanOrEqual(360);
    for (const el of [page.getByRole("button", { name: "Menu", exact: true }), page.getByTestId("large-text-toggle"), page.getByTestId("current-user")]) {
      const box = (await el.boundingBox())!;
      expect(box.x + box.width, `${email} header item inside the screen`).toBeLessThanOrEqual(360);
    }
    await page.screenshot({ path: test.info().outputPath(`frame-${email.split("@")[0]}-360-large-en.png`) });
    await toggle.click();
    await expect(page.locator("html")).not.toHaveClass(/large-text/);
    await page.evaluate(() => localStorage.setItem("locale", "zh-CN"));
    await context.close();
  }
});

test("on a phone the menu opens from the header (no floating button) and leads to a page", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, "org@demo.local");
  const button = page.getByRole("button", { name: "菜单", exact: true });
  const headerBox = await page.getByRole("banner").boundingBox();
  const buttonBox = await button.boundingBox();
  expect(buttonBox!.y).toBeGreaterThanOrEqual(headerBox!.y);
  expect(buttonBox!.y + buttonBox!.height).toBeLessThanOrEqual(headerBox!.y + headerBox!.height);
  expect(buttonBox!.height).toBeGreaterThanOrEqual(44);
  await expect(page.locator(".ant-layout-sider-zero-width-trigger, .ant-layout-sider")).toHaveCount(0);
  await button.click();
  const drawer = page.getByRole("dialog");
  const nav = drawer.getByRole("navigation");
  await expect(nav).toBeVisible();
  const items = nav.getByRole("menuitem");
  for (const item of await items.all()) expect((await item.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await nav.getByRole("menuitem", { name: "银龄人才库" }).click();
  await expect(page).toHaveURL(/\/volunteers/);
  await expect(drawer).toBeHidden();
  await page.screenshot({ path: test.info().outputPath("phone-after-menu.png") });
});

test("on a phone the header's and the page's controls are at least 44 px high, and text 16 px", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, "leader@demo.local");
  await page.goto("/account");
  await expect(page.getByTestId("account-large-text")).toBeVisible();
  const small = await page.evaluate(() =>
    [...document.querySelectorAll("header button, main button, main .ant-input-affix-wrapper, main input.ant-input:not(.ant-input-affix-wrapper *), main .ant-select-selector, main .ant-segmented-item, main .ant-switch")]
      .map((el) => ({ el: (el.textContent || el.getAttribute("aria-label") || el.className).toString().slice(0, 40), h: el.getBoundingClientRect().height }))
      .filter((x) => x.h > 0 && x.h < 44));
  expect(small).toEqual([]);
  expect(await fontSize(page, "main .ant-descriptions-item-content")).toBeGreaterThanOrEqual(16);
});

test("长辈版 enlarges text and main actions, and is remembered for the person, not the browser", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, "leader@demo.local");
  const toggle = page.getByTestId("large-text-toggle");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  const before = await fontSize(page, "[data-testid=current-user]");
  expect(before).toBeGreaterThanOrEqual(16);
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveClass(/large-text/);
  await page.goto("/account");
  // after a reload the setting comes from the database
  await expect(page.locator("html")).toHaveClass(/large-text/);
  const body = page.locator("main .ant-descriptions-item-content").first();
  await expect(body).toBeVisible();
  expect(await fontSize(page, "main .ant-descriptions-item-content")).toBeGreaterThanOrEqual(18);
  const lineHeight = await body.evaluate((el) => {
    const s = getComputedStyle(el);
    return Number.parseFloat(s.lineHeight) / Number.parseFloat(s.fontSize);
  });
  expect(lineHeight).toBeGreaterThanOrEqual(1.3);
  // a main action (className main-action) is at least 60×60 px
  const size = await page.evaluate(() => {
    const b = document.createElement("button");
    b.className = "ant-btn main-action";
    b.textContent = "登记服务";
    document.querySelector("main")!.appendChild(b);
    const r = b.getBoundingClientRect();
    b.remove();
    return { w: r.width, h: r.height };
  });
  expect(size.h).toBeGreaterThanOrEqual(60);
  expect(size.w).toBeGreaterThanOrEqual(60);
  expect((await overflow(page)).doc).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: test.info().outputPath("large-text-account.png"), fullPage: true });

  // another person on the same browser gets their own (normal) setting
  await signOut(page);
  await signIn(page, "finance@demo.local");
  await expect(page.getByTestId("large-text-toggle")).toHaveAttribute("aria-pressed", "false");
  await expect(page.locator("html")).not.toHaveClass(/large-text/);
  await signOut(page);

  // the leader's choice comes back after signing in again
  await signIn(page, "leader@demo.local");
  await expect(page.getByTestId("large-text-toggle")).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveClass(/large-text/);
  await page.goto("/account");
  await expect(page.getByTestId("account-large-text")).toBeChecked();
  await page.getByTestId("account-large-text").click();
  await expect(page.getByTestId("large-text-toggle")).toHaveAttribute("aria-pressed", "false");
  await expect(page.locator("html")).not.toHaveClass(/large-text/);
});

test("the header's 长辈版 takes no tap until the person's setting is read (a tap before could only guess)", async ({ page }) => {
  await page.setViewportSize(PHONE);
  let release = () => {};
  const held = new Promise<void>((r) => { release = r; });
  await page.route(/\/rest\/v1\/user_settings/, async (route) => {
    if (route.request().method() === "GET") await held;
    await route.continue();
  });
  await signIn(page, "leader@demo.local");
  const toggle = page.getByTestId("large-text-toggle");
  await expect(toggle).toBeDisabled();
  await expect(page.getByTestId("home-large-text")).toBeDisabled();
  release();
  await expect(toggle).toBeEnabled();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
});

test("switching the language re-labels the app in place: no data is fetched again, <html lang> follows", async ({ page }) => {
  await signIn(page, "org@demo.local");
  await page.goto("/volunteers");
  await expect(page.locator("main table tbody tr.ant-table-row").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const nameOf = async () => (await page.locator("main table tbody tr.ant-table-row td").first().innerText()).split("\n")[0];
  const firstName = await nameOf();
  const requests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/rest/v1/")) requests.push(r.url());
  });
  let navigations = 0;
  page.on("framenavigated", () => navigations++);
  await page.getByRole("banner").getByText("EN", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("navigation").getByRole("menuitem", { name: "Talent pool" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Sign out" }).or(page.getByRole("menuitem", { name: /log ?out/i }))).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await nameOf()).toBe(firstName);
  expect(requests.filter((u) => u.includes("/rest/v1/volunteers"))).toEqual([]);
  expect(navigations).toBe(0);
  await page.getByRole("banner").getByText("中文", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("navigation").getByRole("menuitem", { name: "银龄人才库" })).toBeVisible();
});

test("the sign-in page offers 忘记密码 and large targets, and the site has a favicon", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/login");
  const forgot = page.getByRole("link", { name: "忘记密码" });
  await expect(forgot).toBeVisible();
  expect((await forgot.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  expect((await page.getByRole("button", { name: /登\s?录/ }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
  const href = await page.locator("link[rel=icon]").getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await page.request.get(href!);
  expect(icon.ok()).toBe(true);
  expect(icon.headers()["content-type"]).toContain("svg");
});
