// What the journeys share: signing in through the login page as a person of the demo district, the e2e
// stack's database (to set up or check what a page cannot show), and confirming a dialog.
import { expect, type Page } from "@playwright/test";
import pg from "pg";

export const DEMO_PASSWORD = "demo123456";

/**
 * Signs in on /login and waits for the signed-in frame. A session already in this browser is dropped
 * first (signing in as someone else, as a shared phone would); other stored choices stay. `locale`
 * picks the language before the app loads.
 */
export async function signIn(page: Page, email: string, { locale }: { locale?: "zh-CN" | "en" } = {}) {
  await page.goto("/login");
  await page.evaluate((l) => {
    for (const k of Object.keys(localStorage)) if (k.startsWith("sb-")) localStorage.removeItem(k);
    if (l) localStorage.setItem("locale", l);
  }, locale ?? null);
  await page.goto("/login");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator("button[type=submit]").click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** The e2e stack's database, as its owner (postgres). */
export const DB_URL = `postgresql://postgres:postgres@127.0.0.1:${Number(process.env.E2E_STACK_PORT_BASE ?? 26421) + 1}/postgres`;

/** One statement on the e2e stack's database, as its owner (postgres). */
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const db = new pg.Client({ connectionString: DB_URL });
  await db.connect();
  try {
    return (await db.query<T>(text, values)).rows;
  } finally {
    await db.end();
  }
}

/** Clicks a dialog's confirming button and waits until the dialog has gone; a refusal shown in the dialog fails
 *  at once, with its text, instead of after the timeout. Only an error alert is a refusal: a dialog's notices
 *  (antd Alerts of type info or warning, e.g. the two-approval notice) carry role=alert too. */
export async function confirm(page: Page, testId: string, timeout = 45_000) {
  const button = page.getByTestId(testId);
  await button.click();
  const refusal = page.locator(".ant-modal-wrap:visible .ant-alert-error[role=alert]");
  await expect(button.or(refusal).first()).toBeVisible({ timeout }).catch(() => undefined);
  // A tap that lands while the page is still settling after a load sometimes does nothing (seen twice in CI on a
  // loaded machine: the dialog stayed open, nothing sent, no refusal). After 15 s with the dialog still open and
  // idle (its button not busy), tap once more, as a person would; a second tap on a step already taken would
  // show a refusal and fail here.
  const started = Date.now();
  let tappedAgain = false;
  await expect.poll(async () => {
    if (await refusal.count()) return `the dialog refused: ${await refusal.first().innerText()}`;
    if (!(await button.isVisible())) return "closed";
    // (the dialog may close between the two reads: a short wait, not the 45 s default, or one poll would outlast it)
    const cls = await button.getAttribute("class", { timeout: 500 }).catch(() => undefined);
    if (cls === undefined) return "open";
    const busy = (cls ?? "").includes("ant-btn-loading");
    if (!tappedAgain && !busy && Date.now() - started > 15_000) {
      tappedAgain = true;
      await button.click().catch(() => undefined);
    }
    return "open";
  }, { timeout }).toBe("closed");
}
