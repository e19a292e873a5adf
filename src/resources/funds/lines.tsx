// Budget lines (预算科目) of a fiscal year: a source's money by purpose, each with a thermometer of paid,
// committed and available against its amount (warning from fund_settings.warn_ratio, 90 %); 重点倾 lines
// are marked. Finance of the scope adds and changes lines through save_budget_line, which refuses lines
// beyond what the source has, a restricted source's other purposes, and an amount below what is used.
import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useTable } from "@refinedev/antd";
import { useCan, useList, useTranslate } from "@refinedev/core";
import { Alert, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { ExportButton } from "../../components/ExportButton";
import { List } from "../../components/Page";
import { RecordCard, ResponsiveTable } from "../../components/Responsive";
import { fenToYuan, formatFen, type Fen } from "../../domain/money";
import { useRequestKey, useRpcAction } from "../../providers/rpc";
import { useFinanceYear, YearSelect } from "./FinanceYear";
import { YuanInput } from "../../components/YuanInput";
import { useAmountRules } from "./amountRules";
import { PURPOSES, type LineBalance, type Purpose, type SourceBalance } from "./queries";
import { Thermometer } from "./Thermometer";

interface LineForm { source_id: number; purpose: Purpose; name: string; amount: Fen; is_tilt: boolean; note?: string }

const money = (fen: number) => <span className="money">{formatFen(fen)}</span>;

export default function BudgetLineList() {
  const translate = useTranslate();
  const run = useRpcAction();
  const [params, setParams] = useSearchParams();
  const [year, setYear, years] = useFinanceYear();
  const sourceId = Number(params.get("source")) || undefined;
  const [purpose, setPurpose] = useState<Purpose>();
  const mayEdit = !!useCan({ resource: "budget_lines", action: "create" }).data?.can;
  const [editing, setEditing] = useState<LineBalance | "new">();
  const key = useRequestKey(!!editing);
  const [form] = Form.useForm<LineForm>();
  const amountRules = useAmountRules();

  const filters = [
    { field: "fiscal_year", operator: "eq" as const, value: year },
    ...(sourceId ? [{ field: "source_id", operator: "eq" as const, value: sourceId }] : []),
    ...(purpose ? [{ field: "purpose", operator: "eq" as const, value: purpose }] : []),
  ];
  const { tableProps, sorters } = useTable<LineBalance>({
    resource: "budget_line_balances",
    filters: { permanent: filters },
    sorters: { initial: [{ field: "source_id", order: "asc" }, { field: "line_id", order: "asc" }] },
    pagination: { pageSize: 20 },
    syncWithLocation: false,
  });
  const { result: sources } = useList<SourceBalance>({
    resource: "fund_source_balances", pagination: { mode: "off" }, filters: [{ field: "fiscal_year", operator: "eq", value: year }],
    sorters: [{ field: "source_id", order: "asc" }],
  });
  const { result: settings } = useList<{ warn_ratio: number | string }>({ resource: "fund_settings", pagination: { mode: "off" } });
  const warnRatio = Number(settings?.data?.[0]?.warn_ratio ?? 0.9);
  const sourceOf = (id: number | undefined) => sources?.data?.find((s) => s.source_id === id);
  const chosenSource = sourceOf(Form.useWatch("source_id", form));

  const open = (line: LineBalance | "new") => {
    setEditing(line);
    form.setFieldsValue(line === "new"
      ? { source_id: sourceId, purpose: undefined, name: "", amount: undefined, is_tilt: false, note: "" }
      : { source_id: line.source_id, purpose: line.purpose, name: line.name, amount: line.amount_fen, is_tilt: line.is_tilt, note: "" });
  };

  const save = async (v: LineForm) => {
    const line = editing === "new" ? undefined : editing;
    const amount = v.amount;
    const r = await run("save_budget_line", {
      // null makes a new line (the SQL argument is nullable; the generator types every argument without a default as set)
      p_id: (line?.line_id ?? null) as number, p_source_id: v.source_id, p_purpose: v.purpose, p_name: v.name.trim(), p_amount_fen: amount,
      p_is_tilt: v.is_tilt, p_note: v.note?.trim() || null, p_request_key: key,
    }, () => translate("finance.lineSaved", { name: v.name.trim(), amount: formatFen(amount) }),
    ["budget_line_balances", "fund_source_balances", "budget_lines"]);
    if (r.ok) setEditing(undefined);
  };

  const purposeTag = (r: LineBalance) => (
    <Space size={4} wrap>
      <Tag>{translate(`finance.purposes.${r.purpose}`)}</Tag>
      {r.is_tilt && <Tag color="red">{translate("finance.tilt")}</Tag>}
    </Space>
  );
  const thermo = (r: LineBalance) => (
    <Thermometer amount={r.amount_fen} committed={r.committed_fen} paid={r.paid_fen} warnRatio={warnRatio} testId={`thermometer-${r.line_id}`} />
  );
  const editButton = (r: LineBalance, size?: "small") => mayEdit && (
    <Button size={size} icon={<EditOutlined />} onClick={() => open(r)} aria-label={translate("finance.editLine", { name: r.name })}>
      {size ? undefined : translate("buttons.edit")}
    </Button>
  );

  return (
    <List
      title={translate("finance.nav.lines")}
      headerButtons={() => (
        <Space wrap>
          <YearSelect value={year} onChange={setYear} years={years} />
          <ExportButton<LineBalance> resource="budget_line_balances" filters={filters} sorters={sorters} filename={`budget-lines-${year}`} columns={[
            { title: translate("finance.year"), value: (r) => r.fiscal_year },
            { title: translate("finance.source"), value: (r) => sourceOf(r.source_id)?.name },
            { title: translate("finance.lineName"), value: (r) => r.name },
            { title: translate("finance.purpose"), value: (r) => translate(`finance.purposes.${r.purpose}`) },
            { title: translate("finance.tilt"), value: (r) => (r.is_tilt ? translate("common.yes") : translate("common.no")) },
            { title: translate("finance.lineAmount"), value: (r) => fenToYuan(r.amount_fen) },
            { title: translate("finance.committed"), value: (r) => fenToYuan(r.committed_fen) },
            { title: translate("finance.paid"), value: (r) => fenToYuan(r.paid_fen) },
            { title: translate("finance.returned"), value: (r) => fenToYuan(r.returned_fen) },
            { title: translate("finance.available"), value: (r) => fenToYuan(r.available_fen) },
          ]} />
          {mayEdit && <Button type="primary" icon={<PlusOutlined />} onClick={() => open("new")}>{translate("finance.addLine")}</Button>}
        </Space>
      )}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<number> allowClear value={sourceId} placeholder={translate("finance.allSources")} aria-label={translate("finance.source")} style={{ minWidth: 220 }}
          onChange={(v) => setParams((p) => {
            const n = new URLSearchParams(p);
            if (v) n.set("source", String(v));
            else n.delete("source");
            return n;
          }, { replace: true })}
          options={(sources?.data ?? []).map((s) => ({ value: s.source_id, label: s.name }))} />
        <Select<Purpose> allowClear value={purpose} onChange={setPurpose} placeholder={translate("finance.allPurposes")} aria-label={translate("finance.purpose")} style={{ minWidth: 160 }}
          options={PURPOSES.map((p) => ({ value: p, label: translate(`finance.purposes.${p}`) }))} />
        <span className="thermometer-legend" aria-hidden>
          <span><i style={{ background: "#a8071a" }} />{translate("finance.paid")}</span>
          <span><i style={{ background: "#d48806" }} />{translate("finance.committed")}</span>
          <span><i style={{ background: "#f0f0f0" }} />{translate("finance.available")}</span>
          <span><i style={{ background: "#262626", width: 2 }} />{translate("finance.warnAt", { pct: Math.round(warnRatio * 100) })}</span>
        </span>
      </Space>
      <ResponsiveTable<LineBalance> {...tableProps} rowKey="line_id" locale={{ emptyText: translate("finance.noLines", { year }) }}
        scroll={{ x: "max-content" }}
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }) }}
        card={(r) => (
          <RecordCard testId="line-card" title={r.name} extra={purposeTag(r)}
            fields={[
              { label: translate("finance.source"), value: sourceOf(r.source_id)?.name },
              { label: translate("finance.lineAmount"), value: money(r.amount_fen) },
              { label: translate("finance.committed"), value: money(r.committed_fen) },
              { label: translate("finance.paid"), value: money(r.paid_fen) },
              { label: translate("finance.available"), value: money(r.available_fen) },
              { label: translate("finance.used"), value: thermo(r) },
            ]}
            actions={editButton(r)} />
        )}>
        <Table.Column<LineBalance> dataIndex="name" title={translate("finance.lineName")} sorter render={(n, r) => (
          <Space direction="vertical" size={0}><b>{n}</b><Typography.Text type="secondary" style={{ fontSize: 13 }}>{sourceOf(r.source_id)?.name}</Typography.Text></Space>
        )} />
        <Table.Column<LineBalance> dataIndex="purpose" title={translate("finance.purpose")} render={(_, r) => purposeTag(r)} />
        <Table.Column<LineBalance> dataIndex="amount_fen" title={translate("finance.lineAmount")} align="right" sorter render={money} />
        <Table.Column<LineBalance> dataIndex="committed_fen" title={translate("finance.committed")} align="right" sorter render={money} />
        <Table.Column<LineBalance> dataIndex="paid_fen" title={translate("finance.paid")} align="right" sorter render={money} />
        <Table.Column<LineBalance> dataIndex="available_fen" title={translate("finance.available")} align="right" sorter render={money} />
        <Table.Column<LineBalance> title={translate("finance.used")} width={200} render={(_, r) => thermo(r)} />
        {mayEdit && <Table.Column<LineBalance> title={translate("table.actions")} render={(_, r) => editButton(r, "small")} />}
      </ResponsiveTable>

      <Modal open={!!editing} onCancel={() => setEditing(undefined)} okText={translate("buttons.save")} onOk={() => form.submit()}
        title={editing === "new" ? translate("finance.addLine") : translate("finance.editLine", { name: editing?.name ?? "" })}>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="source_id" label={translate("finance.source")} rules={[{ required: true }]}>
            <Select disabled={editing !== "new"} options={(sources?.data ?? []).map((s) => ({ value: s.source_id, label: s.name }))} />
          </Form.Item>
          {chosenSource && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message={translate("finance.sourceRoom", {
              cap: formatFen(chosenSource.cap_fen), lined: formatFen(chosenSource.lined_fen), room: formatFen(chosenSource.cap_fen - chosenSource.lined_fen),
            })} description={chosenSource.restricted_purpose ? translate("finance.restrictedTo", { purpose: translate(`finance.purposes.${chosenSource.restricted_purpose}`) }) : undefined} />
          )}
          <Form.Item name="purpose" label={translate("finance.purpose")} rules={[{ required: true }]}>
            <Select options={PURPOSES.filter((p) => !chosenSource?.restricted_purpose || p === chosenSource.restricted_purpose)
              .map((p) => ({ value: p, label: translate(`finance.purposes.${p}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={translate("finance.lineName")} rules={[{ required: true, whitespace: true }, { max: 80 }]}><Input maxLength={80} /></Form.Item>
          <Form.Item name="amount" label={translate("finance.lineAmount")} rules={amountRules}><YuanInput /></Form.Item>
          <Form.Item name="is_tilt" label={translate("finance.tilt")} valuePropName="checked" extra={translate("finance.tiltHint")}><Switch /></Form.Item>
          <Form.Item name="note" label={translate("finance.note")} rules={[{ max: 500 }]}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </Form>
      </Modal>
    </List>
  );
}
