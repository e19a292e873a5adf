// The one way a page adapts to phones (STYLE.md: below `md` a list is a list of cards and a dialog is a
// full-width sheet). Pages ask useIsPhone(); lists render <ResponsiveTable> with a card for each row.
import { Card, List, Table, Typography, type TableProps } from "antd";
import { useIsPhone } from "./useIsPhone";
import type { ReactNode } from "react";

export { useIsPhone } from "./useIsPhone";

export interface CardField {
  label: ReactNode;
  value: ReactNode;
}

/** One row as a card on a phone: name first, then the two or three fields that matter, actions at hand. */
export function RecordCard({ title, extra, fields, actions, testId }: {
  title: ReactNode;
  extra?: ReactNode;
  fields?: CardField[];
  actions?: ReactNode;
  testId?: string;
}) {
  return (
    <Card size="small" className="record-card" data-testid={testId} styles={{ body: { padding: 14 } }}>
      <div className="record-card-head">
        <Typography.Text strong className="record-card-title">{title}</Typography.Text>
        {extra}
      </div>
      {fields && fields.length > 0 && (
        <dl className="record-card-fields">
          {fields.map((f, i) => (
            <div key={i}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {actions && <div className="record-card-actions">{actions}</div>}
    </Card>
  );
}

/**
 * A table on wide screens, a list of cards on phones, over the same Refine `tableProps` (data, loading,
 * pagination, and its onChange so paging keeps working as cards).
 */
export function ResponsiveTable<T extends object>({ card, children, ...tableProps }: TableProps<T> & {
  card: (record: T) => ReactNode;
  children?: ReactNode;
}) {
  const phone = useIsPhone();
  if (!phone) return <Table<T> {...tableProps}>{children}</Table>;
  const { dataSource, loading, pagination, onChange, rowKey, locale } = tableProps;
  const keyOf = (r: T, i: number) =>
    typeof rowKey === "function" ? rowKey(r, i) : String((r as Record<string, unknown>)[(rowKey as string) ?? "key"] ?? i);
  return (
    <List<T>
      className="record-card-list"
      dataSource={[...(dataSource ?? [])]}
      loading={typeof loading === "boolean" ? loading : !!loading}
      locale={{ emptyText: locale?.emptyText as ReactNode }}
      rowKey={(r) => keyOf(r, (dataSource ?? []).indexOf(r)) as React.Key}
      renderItem={(r) => <List.Item style={{ padding: "6px 0", border: "none" }}>{card(r)}</List.Item>}
      pagination={
        // no pages to turn when nothing is listed (no "1 / 0" under an empty list)
        pagination === false || !pagination || !pagination.total
          ? false
          : {
              current: pagination.current,
              pageSize: pagination.pageSize,
              total: pagination.total,
              showTotal: pagination.showTotal,
              size: "default",
              simple: true,
              showSizeChanger: false,
              align: "center",
              onChange: (current, pageSize) =>
                onChange?.({ current, pageSize }, {}, [], { action: "paginate", currentDataSource: [] }),
            }
      }
    />
  );
}
