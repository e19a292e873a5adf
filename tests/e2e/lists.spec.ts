// The list pages on a phone (390×844) and in English: no page scrolls sideways, lists are cards with
// paging, dialogs name what they act on, 通过 and 驳回 differ beyond colour, and English mode shows no
// Chinese UI strings (names and data stay as they are).
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const PHONE = { width: 390, height: 844 };


async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test.describe("on a 390 px phone", () => {
  test.use({ viewport: PHONE });

  test("no list page of an org admin scrolls sideways", async ({ page }, info) => {
    test.setTimeout(180_000);
    await signIn(page, "org@demo.local");
    await page.goto("/volunteers");
    const firstCard = page.getByTestId("volunteer-card").first();
    await expect(firstCard).toBeVisible();
    const showHref = await firstCard.locator(".record-card-title a").getAttribute("href");
    const id = showHref!.split("/").pop();
    await page.goto("/stars");
    await page.getByRole("tab", { name: "已颁发证书" }).click();
    const print = page.getByTestId("star-award-card").first().getByRole("link", { name: /打印证书/ });
    await expect(print).toBeVisible();
    const certificate = await print.getAttribute("href");

    // each page with something that shows it has loaded
    const pages: [string, string][] = [
      ["/volunteers", "[data-testid=volunteer-card]"],
      [`/volunteers/show/${id}`, ".ant-descriptions"],
      [`/volunteers/edit/${id}`, "form input"],
      ["/volunteers/create", "form input"],
      ["/teams", "[data-testid=team-card]"],
      ["/service", "[data-testid=service-card]"],
      ["/stars", "[data-testid=star-award-card], .ant-empty"],
      ["/rewards", "[data-testid=reward-card]"],
      ["/ratings", "[data-testid=rating-card]"],
      ["/role-models", "[data-testid=role-model-card]"],
      ["/staff", "[data-testid=grant-card]"],
      ["/org-units", ".ant-tree-title"],
      ["/honours", "[data-testid=honour-card], .ant-empty"],
      [certificate!, "[data-testid=certificate]"],
    ];
    for (const [path, ready] of pages) {
      await page.goto(path);
      await expect(page.locator(ready).first(), path).toBeVisible();
      expect(await overflow(page), path).toBeLessThanOrEqual(0);
      await page.screenshot({ path: info.outputPath(`${path.replace(/\W+/g, "_")}.png`), fullPage: true });
    }
  });

  test("the talent pool is a list of cards that pages, and its filters fold into a sheet", async ({ page }) => {
    await signIn(page, "org@demo.local");
    await page.goto("/volunteers");
    const cards = page.getByTestId("volunteer-card");
    await expect(cards).toHaveCount(20);
    await expect(page.locator("table")).toHaveCount(0);
    const first = await cards.first().locator(".record-card-title").innerText();
    // actions at hand: at least 44 px tall
    const show = cards.first().getByRole("button", { name: /查\s?看/ });
    expect((await show.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await page.locator(".ant-pagination-next").click();
    await expect(cards.first().locator(".record-card-title")).not.toHaveText(first);
    await expect(cards).toHaveCount(20);

    await page.getByTestId("filters-open").click();
    const sheet = page.locator(".filter-sheet");
    await expect(sheet.getByText("筛选条件")).toBeVisible();
    await sheet.getByLabel("状态").first().click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: "在册" }).click();
    await page.getByTestId("filters-apply").click();
    await expect(page.getByTestId("filters-open")).toContainText("筛选");
    await expect(cards.first()).toBeVisible();
    for (const c of await cards.all()) await expect(c).toContainText("在册");
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  test("the reject dialog names the record, and 通过 and 驳回 differ in icon and style", async ({ page }) => {
    await signIn(page, "street@demo.local");
    await page.goto("/service?status=pending");
    const card = page.getByTestId("service-card").first();
    await expect(card).toBeVisible();
    const name = (await card.locator(".record-card-title").innerText()).trim();
    const approve = card.getByRole("button", { name: /通\s?过/ });
    const reject = card.getByRole("button", { name: /驳\s?回/ });
    await expect(approve.locator(".anticon-check")).toBeVisible();
    await expect(reject.locator(".anticon-close")).toBeVisible();
    expect(await approve.evaluate((b) => b.className)).toContain("ant-btn-primary");
    expect(await reject.evaluate((b) => b.className)).not.toContain("ant-btn-primary");
    await reject.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.locator(".ant-modal-title")).toContainText(`驳回 ${name}`);
    await dialog.getByRole("button", { name: /取\s?消/ }).click();

    await approve.click();
    await expect(page.locator(".ant-popover:visible")).toContainText(`通过 ${name}`);
  });

  test("an org admin is not offered to revoke their own last org_admin grant", async ({ page }) => {
    await signIn(page, "org@demo.local");
    await page.goto("/staff");
    const own = page.getByTestId("grant-card").filter({ hasText: "org@demo.local" });
    await expect(own).toBeVisible();
    await expect(own.getByText("您自己的授权")).toBeVisible();
    await expect(own.getByRole("button", { name: /撤\s?销/ })).toHaveCount(0);
    // another grant can be revoked, and its confirmation names the person, role and unit
    const other = page.getByTestId("grant-card").filter({ hasText: "finance@demo.local" });
    await other.getByRole("button", { name: /撤\s?销/ }).click();
    await expect(page.locator(".ant-popover:visible")).toContainText("finance@demo.local");
    await expect(page.locator(".ant-popover:visible")).toContainText("财务");
  });
});

test("English mode shows no Chinese in the UI of the lists, and no raw keys", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, "org@demo.local", { locale: "en" });
  const han = /[\u3400-\u9fff]/;
  for (const [path, ready] of [["/volunteers", ".ant-table-row"], ["/service", ".ant-table-row"], ["/stars", ".ant-table-row, .ant-empty"],
    ["/staff", ".ant-table-row"], ["/rewards", ".ant-table-row"], ["/ratings", ".ant-table-row"]] as const) {
    await page.goto(path);
    await expect(page.locator(ready).first(), path).toBeVisible();
    // the frame and the page's own words: headings, column titles, buttons, labels, placeholders, pagination
    const content = page.locator(".ant-layout-content");
    const ui = await content.locator("h1, h2, h3, h4, h5, th, button, label, .ant-pagination, .ant-tabs-tab, .ant-segmented-item").allInnerTexts();
    const placeholders = await content.locator("[placeholder]").evaluateAll((els) => els.map((e) => e.getAttribute("placeholder") ?? ""));
    expect([...ui, ...placeholders].filter((t) => han.test(t)), path).toEqual([]);
    const text = await page.locator("body").innerText();
    expect(text, path).not.toMatch(/\b[a-z_]+\.titles\.[a-z]+\b|\b([a-z_]+)\.\1\b|\(\d{5}\)|（\d{5}）/);
    expect(text, path).not.toContain("党员");
  }
  // a certificate in English: no Chinese numerals, dates or labels around the names
  await page.goto("/stars");
  await page.getByRole("tab", { name: "Certificates issued" }).click();
  await page.locator(".ant-table-row").first().getByRole("link", { name: /print/i }).click();
  const cert = page.getByTestId("certificate");
  await expect(cert).toContainText("-star volunteer");
  await expect(cert).not.toContainText("年");
});
