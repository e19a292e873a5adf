// The "查看数据" table of a ChartCard: the numbers the chart draws, loaded only when asked for.
import { Table } from "antd";
import type { ReactNode } from "react";

export interface DataColumn<T> {
  title: string;
  value: (row: T) => ReactNode;
  align?: "left" | "right";
}

export default function ChartDataTable<T extends object>({ id, rows, columns, rowKey, testId, label }: {
  id: string;
  rows: readonly T[];
  columns: DataColumn<T>[];
  rowKey: (row: T, index: number) => string | number;
  testId?: string;
  label: string;
}) {
  return (
    <Table<T> id={id} size="small" pagination={false} style={{ marginTop: 12 }} dataSource={[...rows]} scroll={{ x: "max-content" }}
      rowKey={(r) => String(rowKey(r, rows.indexOf(r)))} data-testid={testId} aria-label={label}
      columns={columns.map((c, i) => ({ key: i, title: c.title, align: c.align, render: (_: unknown, r: T) => c.value(r) }))} />
  );
}
