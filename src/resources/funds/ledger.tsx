// The fund ledger (资金台账) of a fiscal year: every receipt, commitment, release, disbursement, return,
// reversal and carry, newest first, with filters, sorting, paging and CSV. Nothing here is editable: the
// ledger is append-only, and the one correction by hand is reversing a receipt (reverse_ledger_entry),
// after a confirmation that names the entry and asks why. Commitments and payments are undone by their own
// counterparts (release, return, the year close) in the grant workflow.
import { PrinterOutlined, RollbackOutlined } from "@ant-design/icons";
import { useTable } from "@refinedev/antd";
import { useCan, useList, useTranslate, type CrudFilter } from "@refinedev/core";
import { Button, Form, Input, Select, Space, Table, Tag, Typography } from "antd";
import type dayjs from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { ExportButton } from "../../components/ExportButton";
import { DateRangeField, FilterForm } from "../../components/FilterForm";
import { List } from "../../components/Page";
import { ReasonModal } from "../../components/ReasonModal";
import { RecordCard, ResponsiveTable } from "../../components/Responsive";
import { fenToYuan, formatFen } from "../../domain/money";
import { useRequestKey, useRpcAction } from "../../providers/rpc";
import { useFinanceYear, YearSelect } from "./FinanceYear";
import { LEDGER_KINDS, LEDGER_SELECT, type LedgerEntry, type LedgerKind, type SourceBalance } from "./queries";

interface Search { q?: string; kind?: LedgerKind; source_id?: number; range?: [dayjs.Dayjs | null, dayjs.Dayjs | null] }

const KIND_COLORS: Record<LedgerKind, string> = {
  receipt: "green", commitment: "blue", release: "cyan", disbursement: "volcano", return: "gold", reversal: "red", carry_out: "purple", carry_in: "purple",
};

function searchFilters(v: Search): CrudFilter[] {
  return [
    { field: "voucher_no", operator: "contains", value: v.q?.trim() || undefined },
    { field: "kind", operator: "eq", value: v.kind },
    { field: "source_id", operator: "eq", value: v.source_id },
    { field: "occurred_on", operator: "gte", value: v.range?.[0]?.format("YYYY-MM-DD") },
    { field: "occurred_on", operator: "lte", value: v.range?.[1]?.format("YYYY-MM-DD") },
  ];
}

export default function LedgerList() {
  const translate = useTranslate();
  const run = useRpcAction();
  const [year, setYear, years] = useFinanceYear();
  const mayReverse = !!useCan({ resource: "fund_ledger", action: "reverse" }).data?.can;
  const [reversing, setReversing] = useState<LedgerEntry>();
  const key = useRequestKey(!!reversing);

  const { tableProps, searchFormProps, filters, sorters } = useTable<LedgerEntry, never, Search>({
    resource: "fund_ledger",
    meta: { select: LEDGER_SELECT },
    filters: { permanent: [{ field: "fund_sources.fiscal_year", operator: "eq", value: year }] },
    sorters: { initial: [{ field: "id", order: "desc" }] },
    pagination: { pageSize: 20 },
    syncWithLocation: false,
    onSearch: searchFilters,
  });
  const rows = (tableProps.dataSource ?? []) as LedgerEntry[];
  const { result: sources } = useList<SourceBalance>({
    resource: "fund_source_balances", pagination: { mode: "off" }, filters: [{ field: "fiscal_year", operator: "eq", value: year }],
    sorters: [{ field: "source_id", order: "asc" }],
  });
  // which receipts on this page are already reversed (a reversal names the entry it reverses)
  const receiptIds = rows.filter((r) => r.kind === "receipt").map((r) => r.id);
  const { result: reversals } = useList<{ reverses_id: number }>({
    resource: "fund_ledger", pagination: { mode: "off" }, meta: { select: "reverses_id" },
    filters: [{ field: "reverses_id", operator: "in", value: receiptIds }], queryOptions: { enabled: receiptIds.length > 0 },
  });
  const reversed = new Set((reversals?.data ?? []).map((r) => r.reverses_id));

  const kindText = (r: LedgerEntry) => translate(`finance.ledgerKinds.${r.kind}`) + (r.reversed_kind ? ` · ${translate(`finance.ledgerKinds.${r.reversed_kind}`)}` : "");
  const kindTag = (r: LedgerEntry) => (
    <Tag color={KIND_COLORS[r.kind]}>{kindText(r)}{r.reverses_id ? ` #${r.reverses_id}` : ""}</Tag>
  );
  const entryName = (r: LedgerEntry) => translate("finance.entryName", {
    id: r.id, kind: translate(`finance.ledgerKinds.${r.kind}`), amount: formatFen(r.amount_fen), source: r.fund_sources?.name ?? "", voucher: r.voucher_no ?? "—",
  });
  const reverseButton = (r: LedgerEntry, size?: "small") => mayReverse && r.kind === "receipt" && (
    reversed.has(r.id)
      ? <Tag>{translate("finance.reversed")}</Tag>
      : <Button size={size} danger icon={<RollbackOutlined />} onClick={() => setReversing(r)} data-testid={`reverse-${r.id}`}
          aria-label={translate("finance.reverseEntry", { name: entryName(r) })}>{translate("finance.reverse")}</Button>
  );
  // where an entry came from: its application, and a payment's printable 拨款通知单
  const links = (r: LedgerEntry) => (
    <Space size={8} wrap>
      {r.application_id && <Link to={`/grant-applications/${r.application_id}`}>#{r.application_id}</Link>}
      {r.tranche_id && r.kind === "disbursement" && (
        <Link to={`/finance/tranches/${r.tranche_id}/notice`} data-testid={`notice-${r.tranche_id}`}><PrinterOutlined /> {translate("finance.nav.notice")}</Link>
      )}
    </Space>
  );
  const signed = (r: LedgerEntry) => <span className="money">{r.kind === "reversal" ? formatFen(-r.amount_fen) : formatFen(r.amount_fen)}</span>;

  return (
    <List
      title={translate("finance.nav.ledger")}
      headerButtons={() => (
        <Space wrap>
          <YearSelect value={year} onChange={setYear} years={years} />
          <ExportButton<LedgerEntry> resource="fund_ledger" filters={filters} sorters={sorters} select={LEDGER_SELECT} filename={`fund-ledger-${year}`} columns={[
            { title: "#", value: (r) => r.id },
            { title: translate("finance.occurredOn"), value: (r) => r.occurred_on },
            { title: translate("finance.ledgerKind"), value: kindText },
            { title: translate("finance.reverses"), value: (r) => r.reverses_id },
            { title: translate("finance.source"), value: (r) => r.fund_sources?.name },
            { title: translate("finance.lineName"), value: (r) => r.budget_lines?.name },
            { title: translate("finance.amount"), value: (r) => fenToYuan(r.kind === "reversal" ? -r.amount_fen : r.amount_fen) },
            { title: translate("finance.voucherNo"), value: (r) => r.voucher_no },
            { title: translate("finance.application"), value: (r) => r.application_id },
            { title: translate("finance.tranche"), value: (r) => r.tranche_id },
            { title: translate("finance.note"), value: (r) => r.note },
          ]} />
        </Space>
      )}
    >
      <Typography.Paragraph type="secondary">{translate("finance.ledgerIntro")}</Typography.Paragraph>
      <FilterForm formProps={searchFormProps} testId="ledger-filters"
        search={<Form.Item name="q"><Input.Search allowClear placeholder={translate("finance.searchVoucher")} aria-label={translate("finance.searchVoucher")} onSearch={() => searchFormProps.form?.submit()} /></Form.Item>}>
        <Form.Item name="kind" label={translate("finance.ledgerKind")}>
          <Select allowClear style={{ minWidth: 140 }} placeholder={translate("common.all")} options={LEDGER_KINDS.map((k) => ({ value: k, label: translate(`finance.ledgerKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="source_id" label={translate("finance.source")}>
          <Select allowClear style={{ minWidth: 200 }} placeholder={translate("finance.allSources")} options={(sources?.data ?? []).map((s) => ({ value: s.source_id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="range" label={translate("finance.occurredOn")}><DateRangeField /></Form.Item>
      </FilterForm>
      <ResponsiveTable<LedgerEntry> {...tableProps} rowKey="id" locale={{ emptyText: translate("finance.noEntries", { year }) }}
        scroll={{ x: "max-content" }}
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }) }}
        card={(r) => (
          <RecordCard testId="ledger-card" title={<>{signed(r)} <Typography.Text type="secondary">#{r.id}</Typography.Text></>} extra={kindTag(r)}
            fields={[
              { label: translate("finance.occurredOn"), value: r.occurred_on },
              { label: translate("finance.source"), value: r.fund_sources?.name },
              ...(r.budget_lines ? [{ label: translate("finance.lineName"), value: r.budget_lines.name }] : []),
              ...(r.voucher_no ? [{ label: translate("finance.voucherNo"), value: r.voucher_no }] : []),
              ...(r.note ? [{ label: translate("finance.note"), value: r.note }] : []),
              ...(r.application_id ? [{ label: translate("finance.application"), value: links(r) }] : []),
            ]}
            actions={reverseButton(r)} />
        )}>
        <Table.Column<LedgerEntry> dataIndex="id" title="#" sorter />
        <Table.Column<LedgerEntry> dataIndex="occurred_on" title={translate("finance.occurredOn")} sorter />
        <Table.Column<LedgerEntry> dataIndex="kind" title={translate("finance.ledgerKind")} render={(_, r) => kindTag(r)} />
        <Table.Column<LedgerEntry> title={translate("finance.source")} render={(_, r) => r.fund_sources?.name} />
        <Table.Column<LedgerEntry> title={translate("finance.lineName")} render={(_, r) => r.budget_lines?.name} />
        <Table.Column<LedgerEntry> dataIndex="amount_fen" title={translate("finance.amount")} align="right" sorter render={(_, r) => signed(r)} />
        <Table.Column<LedgerEntry> dataIndex="voucher_no" title={translate("finance.voucherNo")} />
        <Table.Column<LedgerEntry> dataIndex="note" title={translate("finance.note")} render={(n) => <Typography.Text ellipsis={{ tooltip: n }} style={{ maxWidth: 220 }}>{n}</Typography.Text>} />
        <Table.Column<LedgerEntry> title={translate("finance.application")} render={(_, r) => links(r)} />
        {mayReverse && <Table.Column<LedgerEntry> title={translate("table.actions")} fixed="right" render={(_, r) => reverseButton(r, "small")} />}
      </ResponsiveTable>
      <ReasonModal open={!!reversing} onClose={() => setReversing(undefined)} okText={translate("finance.reverse")}
        title={translate("finance.reverseEntry", { name: reversing ? entryName(reversing) : "" })}
        hint={translate("finance.reverseHint")} label={translate("finance.reverseReason")}
        onSubmit={async (reason) => {
          if (!reversing) return false;
          const r = await run("reverse_ledger_entry", { p_entry_id: reversing.id, p_reason: reason, p_request_key: key },
            () => translate("finance.reversedOk", { id: reversing.id }), ["fund_ledger", "fund_source_balances", "budget_line_balances"]);
          return r.ok;
        }} />
    </List>
  );
}
