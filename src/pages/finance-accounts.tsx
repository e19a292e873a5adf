// 决算: the accounts of a fiscal year per source and line — appropriated / received, carried in, lined,
// committed, paid, returned, released, carried out, available — from fund_accounts(year), the ledger's
// figures. Printable (src/print.css) and exported as xlsx (the accounts and the year's ledger, exceljs
// loaded only here). Finance of the district closes the year (close_fiscal_year): unused commitments
// are released and balances carried forward by ledger entries, which the page lists right after.
import { DownloadOutlined, LockOutlined, PrinterOutlined } from "@ant-design/icons";
import { useCan, useDataProvider, useList, useTranslate } from "@refinedev/core";
import { Alert, App, Button, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { PageTitle } from "../components/PageTitle";
import { RecordCard, useIsPhone } from "../components/Responsive";
import { formatFen } from "../domain/money";
import { districtDate } from "../providers/dayjs";
import { useRpcAction, useRpcQuery } from "../providers/rpc";
import { useFinanceYear, YearSelect } from "../resources/funds/FinanceYear";
import { LEDGER_SELECT, type AccountRow, type LedgerEntry, type RpcRow } from "../resources/funds/queries";
import type { Tables } from "../types/database";
import "../resources/funds/funds.css";
import "../print.css";

/** The money columns of the accounts, in the order a 决算 reads. */
const MONEY_COLUMNS = [
  "appropriated_fen", "received_fen", "carried_in_fen", "amount_fen", "committed_fen", "paid_fen", "returned_fen", "released_fen", "carried_out_fen", "available_fen",
] as const;
type MoneyColumn = (typeof MONEY_COLUMNS)[number];
const LABELS: Record<MoneyColumn, string> = {
  appropriated_fen: "finance.appropriatedOrPledged", received_fen: "finance.received", carried_in_fen: "finance.carriedIn", amount_fen: "finance.linedOrAmount",
  committed_fen: "finance.committed", paid_fen: "finance.paid", returned_fen: "finance.returned", released_fen: "finance.released",
  carried_out_fen: "finance.carriedOut", available_fen: "finance.available",
};

type Row = AccountRow & { key: string; children?: Row[] };
/** A source's own row of fund_accounts (its lines carry a line_id). */
const isSource = (r: AccountRow) => r.line_id === null;
/** The ledger kinds the year close writes. */
const CLOSE_KINDS = ["release", "carry_out", "carry_in"];
// a line has no appropriation, receipt or carry of its own: those cells stay empty rather than ¥0.00
const money = (fen: number | null | undefined) => (fen === null || fen === undefined ? null : <span className="money">{formatFen(fen)}</span>);

export default function FinanceAccountsPage() {
  const translate = useTranslate();
  const phone = useIsPhone();
  const { modal, message } = App.useApp();
  const getProvider = useDataProvider();
  const run = useRpcAction();
  const [year, setYear, years] = useFinanceYear();
  const currentYear = Number(districtDate().slice(0, 4));
  const mayClose = !!useCan({ resource: "finance", action: "closeYear" }).data?.can;
  const [closeResult, setCloseResult] = useState<RpcRow<"close_fiscal_year">>();
  const [exporting, setExporting] = useState(false);

  const accounts = useRpcQuery<AccountRow>("fund_accounts", { p_year: year });
  const { result: partners } = useList<{ id: number; name: string }>({ resource: "alliance_partners", pagination: { mode: "off" } });
  const { result: closes } = useList<Tables<"fund_year_closes">>({
    resource: "fund_year_closes", pagination: { mode: "off" }, filters: [{ field: "fiscal_year", operator: "eq", value: year }],
  });
  const closed = closes?.data?.[0];
  const { result: madeByClose } = useList<LedgerEntry>({
    resource: "fund_ledger", pagination: { mode: "off" }, meta: { select: LEDGER_SELECT }, sorters: [{ field: "id", order: "asc" }],
    // the close writes its entries in one transaction: they carry the close's own timestamp
    filters: [{ field: "created_at", operator: "eq", value: closed?.closed_at }, { field: "kind", operator: "in", value: CLOSE_KINDS }],
    queryOptions: { enabled: !!closeResult && !!closed },
  });

  const { tree, sources, total } = useMemo(() => {
    const all = accounts.data ?? [];
    const sources = all.filter(isSource);
    const tree: Row[] = sources.map((s) => ({
      ...s, key: `s${s.source_id}`,
      children: all.filter((l) => !isSource(l) && l.source_id === s.source_id).map((l) => ({ ...l, key: `l${l.line_id}` })),
    }));
    for (const r of tree) if (!r.children?.length) delete r.children;
    const total = Object.fromEntries(MONEY_COLUMNS.map((c) => [c, sources.reduce((sum, s) => sum + Number(s[c] ?? 0), 0)])) as Record<MoneyColumn, number>;
    return { tree, sources, total };
  }, [accounts.data]);
  const lineName = (r: AccountRow) => (isSource(r) ? r.source_name : r.line_name ?? "");
  const partnerName = (id: number | null) => (id ? partners?.data?.find((p) => p.id === id)?.name : undefined);
  // a source: its stream, partner and restriction; a line: its purpose
  const describe = (r: AccountRow) => [
    isSource(r) ? translate(`finance.streams.${r.kind === "partner" ? "partner" : "district"}`) : null,
    isSource(r) ? partnerName(r.partner_id) : null,
    r.purpose ? translate(isSource(r) ? "finance.restrictedTo" : `finance.purposes.${r.purpose}`, { purpose: translate(`finance.purposes.${r.purpose}`) }) : null,
    r.is_tilt ? translate("finance.tilt") : null,
  ].filter((x) => x && x !== lineName(r)).join(" · ");

  const exportXlsx = async () => {
    setExporting(true);
    try {
      // the whole year's ledger, a page of 1000 at a time (PostgREST's cap)
      const ledger: LedgerEntry[] = [];
      for (let page = 1; ; page++) {
        const r = await getProvider().getList<LedgerEntry>({
          resource: "fund_ledger", meta: { select: LEDGER_SELECT }, pagination: { currentPage: page, pageSize: 1000 },
          filters: [{ field: "fund_sources.fiscal_year", operator: "eq", value: year }], sorters: [{ field: "id", order: "asc" }],
        });
        ledger.push(...r.data);
        if (r.data.length < 1000) break;
      }
      const { downloadWorkbook } = await import("../resources/funds/xlsx");
      const accountRows = tree.flatMap((s) => [s, ...(s.children ?? [])]);
      await downloadWorkbook(`juesuan-${year}`, [
        {
          name: translate("finance.accountsSheet"), caption: translate("finance.accountsTitle", { year }),
          columns: [
            { title: translate("finance.source"), width: 28, value: (r: AccountRow) => (isSource(r) ? r.source_name : "") },
            { title: translate("finance.lineName"), width: 24, value: (r: AccountRow) => (isSource(r) ? "" : r.line_name ?? "") },
            { title: translate("finance.kind"), width: 24, value: describe },
            ...MONEY_COLUMNS.map((c) => ({ title: translate(LABELS[c]), money: true, value: (r: AccountRow) => r[c] })),
          ],
          rows: accountRows,
          total: { label: translate("finance.total"), values: Object.fromEntries(MONEY_COLUMNS.map((c, i) => [i + 3, total[c]])) },
        },
        {
          name: translate("finance.ledgerSheet"), caption: translate("finance.ledgerTitle", { year }),
          columns: [
            { title: "#", width: 8, value: (r: LedgerEntry) => r.id },
            { title: translate("finance.occurredOn"), width: 12, value: (r: LedgerEntry) => r.occurred_on },
            { title: translate("finance.ledgerKind"), width: 14, value: (r: LedgerEntry) => translate(`finance.ledgerKinds.${r.kind}`) + (r.reversed_kind ? ` · ${translate(`finance.ledgerKinds.${r.reversed_kind}`)}` : "") },
            { title: translate("finance.reverses"), width: 10, value: (r: LedgerEntry) => r.reverses_id },
            { title: translate("finance.source"), width: 28, value: (r: LedgerEntry) => r.fund_sources?.name },
            { title: translate("finance.lineName"), width: 24, value: (r: LedgerEntry) => r.budget_lines?.name },
            { title: translate("finance.amount"), money: true, value: (r: LedgerEntry) => (r.kind === "reversal" ? -r.amount_fen : r.amount_fen) },
            { title: translate("finance.voucherNo"), width: 16, value: (r: LedgerEntry) => r.voucher_no },
            { title: translate("finance.application"), width: 10, value: (r: LedgerEntry) => r.application_id },
            { title: translate("finance.tranche"), width: 10, value: (r: LedgerEntry) => r.tranche_id },
            { title: translate("finance.note"), width: 30, value: (r: LedgerEntry) => r.note },
          ],
          rows: ledger,
        },
      ]);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };

  const closeYear = () => modal.confirm({
    title: translate("finance.closeTitle", { year }),
    content: translate("finance.closeBody", { year, next: year + 1 }),
    okText: translate("finance.closeYear"), okButtonProps: { danger: true, "data-testid": "close-confirm" } as never,
    onOk: async () => {
      const r = await run("close_fiscal_year", { p_year: year }, (rows) => translate("finance.closedOk", {
        year, released: formatFen(rows?.[0]?.released_fen ?? 0), carried: formatFen(rows?.[0]?.carried_out_fen ?? 0), grants: rows?.[0]?.grants_completed ?? 0,
      }), ["fund_accounts", "fund_year_closes", "fund_ledger", "fund_source_balances", "budget_line_balances"]);
      if (r.ok) setCloseResult(r.data?.[0]);
    },
  });

  const columns = [
    {
      key: "name", title: translate("finance.sourceOrLine"), fixed: phone ? undefined : ("left" as const), width: 240,
      render: (_: unknown, r: Row) => (
        <span className="account-name">
          {isSource(r) ? <b>{r.source_name}</b> : <span>{lineName(r)}</span>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{describe(r)}</Typography.Text>
        </span>
      ),
    },
    // what is left is the figure a 决算 is read for: it stays in view while the table scrolls
    ...MONEY_COLUMNS.map((c) => ({
      key: c, title: translate(LABELS[c]), align: "right" as const, fixed: c === "available_fen" && !phone ? ("right" as const) : undefined,
      render: (_: unknown, r: Row) => money(r[c]),
    })),
  ];

  return (
    <div className="finance-print" style={{ padding: 4 }}>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <PageTitle>{translate("finance.accountsTitle", { year })}</PageTitle>
        <Space wrap className="no-print">
          <YearSelect value={year} onChange={(y) => { setYear(y); setCloseResult(undefined); }} years={years} />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>{translate("finance.print")}</Button>
          <Button icon={<DownloadOutlined />} loading={exporting} disabled={!accounts.data} onClick={exportXlsx} data-testid="export-xlsx">{translate("finance.exportXlsx")}</Button>
          {mayClose && !closed && year < currentYear && (
            <Button danger icon={<LockOutlined />} onClick={closeYear} disabled={!sources.length} data-testid="close-year">{translate("finance.closeYear")}</Button>
          )}
        </Space>
      </Space>
      {closed && <Tag icon={<LockOutlined />} color="default" style={{ marginBottom: 12 }} data-testid="year-closed">{translate("finance.yearClosed", { at: districtDate(closed.closed_at) })}</Tag>}
      {accounts.error && <Alert type="error" showIcon message={accounts.error} style={{ marginBottom: 12 }} />}
      <div className="finance-figures" style={{ marginBottom: 16 }} data-testid="accounts-totals">
        {(["appropriated_fen", "received_fen", "committed_fen", "paid_fen", "returned_fen", "available_fen"] as const).map((c) => (
          <div key={c} className="ant-card ant-card-bordered" style={{ padding: 12 }}>
            <Typography.Text type="secondary">{translate(LABELS[c])}</Typography.Text>
            <div style={{ fontSize: 20, fontWeight: 600 }} data-testid={`total-${c}`} data-fen={total[c]}>{money(total[c])}</div>
          </div>
        ))}
      </div>
      {phone ? (
        <div className="record-card-list">
          {tree.map((s) => (
            <RecordCard key={s.key} testId="account-card" title={s.source_name} extra={<Tag>{translate(`finance.kinds.${s.kind}`)}</Tag>}
              fields={[
                ...MONEY_COLUMNS.filter((c) => c !== "released_fen" && c !== "carried_in_fen" && c !== "carried_out_fen").map((c) => ({ label: translate(LABELS[c]), value: money(s[c]) })),
                ...(s.children ?? []).map((l) => ({ label: `· ${lineName(l)}`, value: <>{money(l.available_fen)} <Typography.Text type="secondary">{translate("finance.available")}</Typography.Text></> })),
              ]} />
          ))}
          {!tree.length && <Typography.Paragraph type="secondary">{translate("finance.noSources", { year })}</Typography.Paragraph>}
        </div>
      ) : (
        // keyed by the data so that every source opens with its lines once they have loaded
        <Table<Row> key={`${year}-${tree.length}`} size="small" rowKey="key" columns={columns} dataSource={tree} loading={!accounts.data} pagination={false}
          scroll={{ x: "max-content" }} expandable={{ defaultExpandAllRows: true }} data-testid="accounts-table"
          locale={{ emptyText: translate("finance.noSources", { year }) }}
          summary={() => sources.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}><b>{translate("finance.total")}</b></Table.Summary.Cell>
              {MONEY_COLUMNS.map((c, i) => <Table.Summary.Cell key={c} index={i + 1} align="right"><b>{money(total[c])}</b></Table.Summary.Cell>)}
            </Table.Summary.Row>
          )} />
      )}
      {closeResult && (
        <div style={{ marginTop: 24 }} data-testid="close-entries">
          <Typography.Title level={2} style={{ fontSize: 18 }}>{translate("finance.closeEntries", { year, n: madeByClose?.data?.length ?? 0 })}</Typography.Title>
          <Table<LedgerEntry> size="small" rowKey="id" pagination={false} scroll={{ x: "max-content" }} dataSource={madeByClose?.data ?? []}
            locale={{ emptyText: translate("finance.closeNothing") }}
            columns={[
              { key: "id", title: "#", dataIndex: "id" },
              { key: "kind", title: translate("finance.ledgerKind"), render: (_, r) => translate(`finance.ledgerKinds.${r.kind}`) },
              { key: "source", title: translate("finance.source"), render: (_, r) => r.fund_sources?.name },
              { key: "line", title: translate("finance.lineName"), render: (_, r) => r.budget_lines?.name },
              { key: "amount", title: translate("finance.amount"), align: "right", render: (_, r) => money(r.amount_fen) },
              { key: "note", title: translate("finance.note"), dataIndex: "note" },
            ]} />
        </div>
      )}
      <Typography.Paragraph type="secondary" className="print-only" style={{ marginTop: 24 }}>
        {translate("finance.printedOn", { date: districtDate() })}
      </Typography.Paragraph>
    </div>
  );
}
