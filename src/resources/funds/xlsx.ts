// The 决算 workbook: sheets of rows with typed columns, money as yuan numbers formatted #,##0.00 (from fen
// through fenToYuan, exact to the fen), a bold total row, frozen header. exceljs is loaded here, on demand,
// so only the 决算 page's export pulls it in (≈ 1 MB).
import { fenToYuan } from "../../domain/money";
import { districtDate } from "../../providers/dayjs";

export interface SheetColumn<T> {
  title: string;
  /** money columns hold fen and are written as yuan numbers */
  money?: boolean;
  width?: number;
  value: (row: T) => string | number | null | undefined;
}

export interface Sheet<T> {
  name: string;
  /** a title line above the header (the district, the year) */
  caption: string;
  columns: SheetColumn<T>[];
  rows: T[];
  /** the total row: fen per money column (by index), a label in the first column */
  total?: { label: string; values: Record<number, number> };
}

const MONEY_FORMAT = "#,##0.00";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- sheets of different row types
export async function downloadWorkbook(filename: string, sheets: Sheet<any>[]): Promise<void> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.created = new Date();
  for (const s of sheets as Sheet<unknown>[]) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: 2 }] });
    ws.addRow([s.caption]).font = { bold: true, size: 13 };
    const header = ws.addRow(s.columns.map((c) => c.title));
    header.font = { bold: true };
    header.eachCell((c) => {
      c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF0F0F0" } };
      c.border = { bottom: { style: "thin" } };
    });
    for (const r of s.rows) {
      ws.addRow(s.columns.map((c) => {
        const v = c.value(r);
        return c.money && v !== null && v !== undefined && v !== "" ? fenToYuan(Number(v)) : v ?? null;
      }));
    }
    if (s.total) {
      const total = ws.addRow(s.columns.map((c, i) => (i === 0 ? s.total!.label : c.money && i in s.total!.values ? fenToYuan(s.total!.values[i]) : null)));
      total.font = { bold: true };
      total.eachCell((c) => (c.border = { top: { style: "thin" } }));
    }
    s.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width ?? (c.money ? 16 : 18);
      if (c.money) col.numFmt = MONEY_FORMAT;
    });
  }
  const buffer = await wb.xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `${filename}-${districtDate()}.xlsx`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
