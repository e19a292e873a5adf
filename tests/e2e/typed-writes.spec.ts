// Writes that were two API calls and are now one RPC, through the pages: editing a person saves the
// details and the phone number together (save_volunteer), and clearing the number removes it.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";


test("a street admin edits a member's note and phone in one save, then clears the phone", async ({ page }, info) => {
  await signIn(page, "street@demo.local");
  await page.goto("/teams/1001");
  const link = page.locator("[data-testid^='points-']").nth(1);
  await expect(link).toBeVisible();
  const id = (await link.getAttribute("href"))!.split("/").pop()!;
  const phone = `139${String(Date.now()).slice(-8)}`;
  const note = `e2e备注${Date.now().toString(36)}`;

  await page.goto(`/volunteers/edit/${id}`);
  await expect(page.getByLabel("姓名", { exact: true })).not.toHaveValue(""); // the record has loaded
  await page.getByLabel("联系电话").fill(phone);
  await page.getByLabel("备注").fill(note);
  await page.getByRole("button", { name: /保\s?存/ }).click();
  await expect(page).toHaveURL(new RegExp(`/volunteers/show/${id}$`));
  await expect(page.getByText(phone)).toBeVisible();
  await expect(page.getByText(note)).toBeVisible();
  await page.screenshot({ path: info.outputPath("volunteer-saved.png"), fullPage: true });

  await page.goto(`/volunteers/edit/${id}`);
  await expect(page.getByLabel("联系电话")).toHaveValue(phone);
  await page.getByLabel("联系电话").fill("");
  await page.getByRole("button", { name: /保\s?存/ }).click();
  await expect(page).toHaveURL(new RegExp(`/volunteers/show/${id}$`));
  await expect(page.getByText(note)).toBeVisible();
  await expect(page.getByText(phone)).toHaveCount(0);
});
