// A chart in a card with its text alternative: the chart carries a description (role="img" +
// aria-label), and "查看数据" shows a table with the very numbers the chart draws.
import { TableOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { Button, Card, Empty, Skeleton } from "antd";
import { lazy, Suspense, useId, useState, type ReactNode } from "react";
import type { DataColumn } from "./ChartDataTable";

export type { DataColumn };
// The table of numbers loads when asked for: most visits never open it, and antd's Table is heavy.
const ChartDataTable = lazy(() => import("./ChartDataTable")) as unknown as typeof import("./ChartDataTable").default;

/** Text and axis colours of charts: at least 4.5:1 on white. */
export const CHART_TEXT = "#595959";
export const CHART_LABEL = "#262626";
/** Bar colours of charts, graphics at least 3:1 on white (the brand red, a dark orange, a grey). */
export const CHART_RED = "#c0392b";
export const CHART_ORANGE = "#ad4e00";
export const CHART_GREY = "#737373";

export function ChartCard<T extends object>({ title, description, extra, loading, empty, children, testId, rows, columns, rowKey, footer }: {
  title: ReactNode;
  /** what the chart shows, read by screen readers in place of the drawing */
  description: string;
  extra?: ReactNode;
  loading: boolean;
  empty: boolean;
  children: ReactNode;
  testId?: string;
  rows: readonly T[];
  columns: DataColumn<T>[];
  rowKey: (row: T, index: number) => string | number;
  footer?: ReactNode;
}) {
  const translate = useTranslate();
  const [showData, setShowData] = useState(false);
  const tableId = useId();
  const toggle = !loading && !empty && (
    <Button type="link" icon={<TableOutlined />} aria-expanded={showData} aria-controls={tableId} onClick={() => setShowData((v) => !v)}
      data-testid={testId ? `${testId}-data-toggle` : undefined} style={{ paddingInline: 4 }}>
      {translate(showData ? "lists.hideData" : "lists.showData")}
    </Button>
  );
  return (
    <Card title={title} extra={<span className="chart-card-extra">{extra}{toggle}</span>} size="small" style={{ height: "100%" }} data-testid={testId}
      className="chart-card">
      {loading ? <Skeleton active /> : empty ? <Empty description={translate("common.empty")} style={{ padding: 48 }} /> : (
        <>
          <div role="img" aria-label={description} className="chart-figure">{children}</div>
          {footer}
          {showData && (
            <Suspense fallback={<Skeleton active />}>
              <ChartDataTable<T> id={tableId} rows={rows} columns={columns} rowKey={rowKey} testId={testId ? `${testId}-data` : undefined}
                label={translate("lists.dataTable", { chart: typeof title === "string" ? title : description })} />
            </Suspense>
          )}
        </>
      )}
    </Card>
  );
}
