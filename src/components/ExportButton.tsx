// Exports every row of a list (with its current filters and sorting) as CSV.
import { DownloadOutlined } from "@ant-design/icons";
import { useDataProvider, useTranslate, type CrudFilter, type CrudSort } from "@refinedev/core";
import { App, Button } from "antd";
import { useState } from "react";
import { toCsv, type CsvColumn } from "../domain/csv";
import { districtDate } from "../providers/dayjs";

interface Props<T> {
  resource: string;
  filters: CrudFilter[];
  sorters: CrudSort[];
  select?: string;
  columns: CsvColumn<T>[];
  filename: string;
}

const PAGE = 1000;

export function ExportButton<T>({ resource, filters, sorters, select, columns, filename }: Props<T>) {
  const translate = useTranslate();
  const getProvider = useDataProvider();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const rows: T[] = [];
      for (let page = 1; ; page++) {
        const r = await getProvider().getList<T & Record<string, unknown>>({
          resource, filters, sorters, pagination: { currentPage: page, pageSize: PAGE }, meta: { select },
        });
        rows.push(...r.data);
        if (r.data.length < PAGE) break;
      }
      const blob = new Blob([toCsv(rows, columns)], { type: "text/csv;charset=utf-8" });
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = `${filename}-${districtDate()}.csv`;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run}>
      {translate("buttons.export")}
    </Button>
  );
}
