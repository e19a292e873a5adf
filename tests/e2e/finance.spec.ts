// Finance pages in the browser: the 决算 page's Excel export opens with exceljs and holds the very totals
// the page shows (and the year's whole ledger); money pages stay closed to a team leader.
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn } from "./helpers";

/** The page's total cards, in fen (data-fen holds the exact figure; the text is formatFen's). */
const TOTALS = ["appropriated_fen", "received_fen", "committed_fen", "paid_fen", "returned_fen", "available_fen"] as const;

test("决算 of 2026 exports an xlsx with the page's totals and every ledger entry of the year", async ({ page }) => {
  await signIn(page, "finance@demo.local");
  // the ledger's count for the year, as its page reports it
  await page.goto("/funds/ledger?year=2026");
  const count = Number((await page.getByText(/^共 \d+ 条$/).textContent())!.match(/\d+/)![0]);
  expect(count).toBeGreaterThan(0);

  await page.goto("/finance/accounts?year=2026");
  await expect(page.getByTestId("accounts-table").locator("tbody tr.ant-table-row").first()).toBeVisible();
  await expect(page.getByTestId("total-received_fen")).not.toHaveAttribute("data-fen", "0");
  const shown: Record<string, number> = {};
  for (const t of TOTALS) shown[t] = Number(await page.getByTestId(`total-${t}`).getAttribute("data-fen"));

  const downloading = page.waitForEvent("download");
  await page.getByTestId("export-xlsx").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^juesuan-2026-\d{4}-\d{2}-\d{2}\.xlsx$/);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  const accounts = wb.getWorksheet("决算")!;
  expect(accounts.getCell("A1").value).toBe("2026 年度经费决算");
  const header = (accounts.getRow(2).values as unknown[]).map((v) => String(v ?? ""));
  const totalRow = accounts.getRow(accounts.rowCount);
  expect(totalRow.getCell(1).value).toBe("合计");
  const titles: Record<(typeof TOTALS)[number], string> = {
    appropriated_fen: "拨款 / 认捐", received_fen: "到账", committed_fen: "已承诺", paid_fen: "已拨付", returned_fen: "已退回", available_fen: "可用余额",
  };
  for (const t of TOTALS) {
    const col = header.indexOf(titles[t]);
    expect(col, `column ${titles[t]}`).toBeGreaterThan(0);
    const cell = totalRow.getCell(col);
    expect(cell.numFmt).toBe("#,##0.00");
    // yuan with two decimals in the sheet, exactly the page's fen
    expect(Math.round(Number(cell.value) * 100), titles[t]).toBe(shown[t]);
  }

  const ledger = wb.getWorksheet("资金台账")!;
  expect(ledger.rowCount - 2).toBe(count);
});

test("a team leader has no money pages: no 经费管理 menu, and a finance address says so", async ({ page }) => {
  await signIn(page, "leader@demo.local");
  await expect(page.getByRole("menuitem", { name: /退出登录/ }).first()).toBeAttached();
  await expect(page.getByText("经费管理")).toHaveCount(0);
  for (const path of ["/finance", "/funds/ledger", "/finance/accounts"]) {
    await page.goto(path);
    await expect(page.getByTestId("money-refused")).toBeVisible();
  }
});
