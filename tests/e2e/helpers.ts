// What the journeys share: signing in through the login page as a person of the demo district.
import { expect, type Page } from "@playwright/test";

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
