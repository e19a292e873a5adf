// Fund sources (经费来源) of a fiscal year: 专项供 (the district's appropriation) and 民间筹 (an alliance
// member's donation / sponsorship / co-building, in cash or in kind, maybe restricted to one purpose), each
// with what was received (到账), lined, committed, paid and available — figures of the view
// fund_source_balances, derived from the ledger. Finance of the scope adds and edits sources and records
// receipts with their voucher numbers; the organisation department reads.
import { DollarOutlined, EditOutlined, PlusOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { useModalForm, useTable } from "@refinedev/antd";
import { useCan, useInvalidate, useList, useTranslate } from "@refinedev/core";
import { DatePicker, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography, Button } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useNavigate } from "react-router";
import { ExportButton } from "../../components/ExportButton";
import { PhonePickers } from "../../components/FilterForm";
import { List } from "../../components/Page";
import { RecordCard, ResponsiveTable } from "../../components/Responsive";
import { useOrgUnits } from "../../components/UnitSelect";
import { formatFen, fenToYuan, type Fen } from "../../domain/money";
import { districtDate, districtToday } from "../../providers/dayjs";
import { useRequestKey, useRpcAction } from "../../providers/rpc";
import { useScope } from "../../providers/scope";
import { useFinanceYear, YearSelect } from "./FinanceYear";
import { YuanInput } from "../../components/YuanInput";
import { useAmountRules } from "./amountRules";
import { CONTRIBUTIONS, FORMS, PURPOSES, SOURCE_KINDS, type SourceBalance, type SourceKind } from "./queries";
import { Thermometer } from "./Thermometer";

interface SourceForm {
  fiscal_year: number; kind: SourceKind; name: string; org_unit_id: number; partner_id?: number; contribution?: string;
  form: string; in_kind_valuation?: string; restricted_purpose?: string | null; appropriated?: Fen | null; note?: string;
}

const money = (fen: number) => <span className="money">{formatFen(fen)}</span>;

export default function FundSourceList() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const invalidate = useInvalidate();
  const run = useRpcAction();
  const { scope } = useScope();
  const { units } = useOrgUnits();
  const [year, setYear, years] = useFinanceYear();
  const [kind, setKind] = useState<SourceKind | "all">("all");
  const mayCreate = !!useCan({ resource: "fund_sources", action: "create" }).data?.can;
  const mayReceive = !!useCan({ resource: "fund_sources", action: "receive" }).data?.can;
  const [receiving, setReceiving] = useState<SourceBalance>();
  const [editing, setEditing] = useState<SourceBalance>();
  const receiptKey = useRequestKey(!!receiving);
  const [receiptForm] = Form.useForm<{ amount: Fen; occurred_on: dayjs.Dayjs; voucher_no?: string; note?: string }>();
  const amountRules = useAmountRules();

  const filters = [
    { field: "fiscal_year", operator: "eq" as const, value: year },
    ...(kind === "all" ? [] : [{ field: "kind", operator: "eq" as const, value: kind }]),
  ];
  const { tableProps, sorters } = useTable<SourceBalance>({
    resource: "fund_source_balances",
    filters: { permanent: filters },
    sorters: { initial: [{ field: "kind", order: "asc" }, { field: "source_id", order: "asc" }] },
    pagination: { pageSize: 20 },
    syncWithLocation: false,
  });
  const { result: partners } = useList<{ id: number; name: string }>({ resource: "alliance_partners", pagination: { mode: "off" }, sorters: [{ field: "name", order: "asc" }] });
  const { result: settings } = useList<{ warn_ratio: number | string }>({ resource: "fund_settings", pagination: { mode: "off" } });
  const warnRatio = Number(settings?.data?.[0]?.warn_ratio ?? 0.9);
  const partnerName = (id: number | null) => partners?.data?.find((p) => p.id === id)?.name ?? "";
  const unitName = (id: number) => units.find((u) => u.id === id)?.name ?? "";
  // the units where this person keeps the money: their finance grants
  const financeUnits = scope.filter((g) => g.role === "finance").map((g) => ({ value: g.org_unit_id, label: g.unit_name }));

  const refresh = () => ["fund_source_balances", "fund_sources", "budget_line_balances", "fund_ledger"].forEach((resource) => invalidate({ resource, invalidates: ["list"] }));
  const toValues = (v: SourceForm) => ({
    ...v, appropriated: undefined, appropriated_fen: v.appropriated ?? 0,
    in_kind_valuation: v.form === "in_kind" ? v.in_kind_valuation : null, restricted_purpose: v.restricted_purpose || null,
  });
  const create = useModalForm<SourceForm>({ resource: "fund_sources", action: "create", redirect: false, onMutationSuccess: refresh, successNotification: false });
  const edit = useModalForm<SourceForm>({ resource: "fund_sources", action: "edit", redirect: false, onMutationSuccess: refresh, successNotification: false });

  // the year shown and the person's (first) finance unit, set as the dialog opens: the scope loads after the form
  const openCreate = () => {
    create.show();
    setTimeout(() => create.formProps.form?.setFieldsValue({ fiscal_year: year, org_unit_id: financeUnits[0]?.value, kind: "district_special", form: "cash" }));
  };
  const sourceForm = (props: typeof create.formProps, isEdit: boolean) => (
    <Form {...props} layout="vertical" onFinish={(v) => props.onFinish?.(isEdit ? omitFixed(toValues(v as SourceForm)) : toValues(v as SourceForm))}>
      {!isEdit && (
        <>
          <Space wrap>
            <Form.Item name="fiscal_year" label={translate("finance.year")} rules={[{ required: true }]}>
              <Select style={{ width: 140 }} options={years.map((y) => ({ value: y, label: translate("finance.yearLabel", { year: y }) }))} />
            </Form.Item>
            <Form.Item name="org_unit_id" label={translate("finance.owner")} rules={[{ required: true }]}>
              <Select style={{ minWidth: 160 }} options={financeUnits} />
            </Form.Item>
          </Space>
          <Form.Item name="kind" label={translate("finance.kind")} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={SOURCE_KINDS.map((k) => ({ value: k, label: translate(`finance.kinds.${k}`) }))} />
          </Form.Item>
        </>
      )}
      <Form.Item name="name" label={translate("finance.sourceName")} rules={[{ required: true, whitespace: true }, { max: 80 }]}><Input maxLength={80} /></Form.Item>
      <Form.Item noStyle shouldUpdate>
        {(f) => (isEdit ? editing?.kind : f.getFieldValue("kind")) === "partner" && (
          <>
            {!isEdit && (
              <Space wrap>
                <Form.Item name="partner_id" label={translate("finance.partner")} rules={[{ required: true }]}>
                  <Select style={{ minWidth: 200 }} showSearch optionFilterProp="label" options={(partners?.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
                </Form.Item>
                <Form.Item name="contribution" label={translate("finance.contribution")} rules={[{ required: true }]}>
                  <Select style={{ minWidth: 140 }} options={CONTRIBUTIONS.map((c) => ({ value: c, label: translate(`finance.contributions.${c}`) }))} />
                </Form.Item>
              </Space>
            )}
            <Form.Item name="form" label={translate("finance.form")}>
              <Radio.Group optionType="button" options={FORMS.map((c) => ({ value: c, label: translate(`finance.forms.${c}`) }))} />
            </Form.Item>
            {f.getFieldValue("form") === "in_kind" && (
              <Form.Item name="in_kind_valuation" label={translate("finance.valuation")} rules={[{ required: true, whitespace: true }, { max: 500 }]}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            )}
          </>
        )}
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {(f) => (
          <Form.Item name="appropriated" rules={moneyRulesFor(f.getFieldValue("kind") ?? editing?.kind)}
            label={translate((isEdit ? editing?.kind : f.getFieldValue("kind")) === "partner" ? "finance.pledged" : "finance.appropriated")}>
            <YuanInput />
          </Form.Item>
        )}
      </Form.Item>
      <Form.Item name="restricted_purpose" label={translate("finance.restricted")} extra={translate("finance.restrictedHint")}>
        <Select allowClear placeholder={translate("finance.unrestricted")} options={PURPOSES.map((p) => ({ value: p, label: translate(`finance.purposes.${p}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={translate("finance.note")} rules={[{ max: 500 }]}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
    </Form>
  );
  function moneyRulesFor(k: SourceKind | undefined) {
    // a district appropriation is required; a partner's pledge may be left out (its receipts count)
    return k === "partner" ? optionalRules : amountRules;
  }
  const optionalRules = useAmountRules(false);

  const kindTag = (r: SourceBalance) => (
    <Space size={4} wrap>
      <Tag color={r.kind === "partner" ? "purple" : "blue"}>{translate(`finance.streams.${r.kind === "partner" ? "partner" : "district"}`)}</Tag>
      {r.contribution && <Tag>{translate(`finance.contributions.${r.contribution}`)}</Tag>}
      {r.form === "in_kind" && <Tag>{translate("finance.forms.in_kind")}</Tag>}
      {r.restricted_purpose && <Tag color="gold">{translate("finance.restrictedTo", { purpose: translate(`finance.purposes.${r.restricted_purpose}`) })}</Tag>}
    </Space>
  );
  // the owner under the name; a partner's own name is usually in its source's name already
  const sourceTitle = (r: SourceBalance) => {
    const owner = r.partner_id ? partnerName(r.partner_id) : unitName(r.org_unit_id);
    return (
      <Space direction="vertical" size={0} style={{ maxWidth: 240 }}>
        <b>{r.name}</b>
        {owner && !r.name.includes(owner) && <Typography.Text type="secondary" style={{ fontSize: 13 }}>{owner}</Typography.Text>}
      </Space>
    );
  };
  const thermo = (r: SourceBalance, compact?: boolean) => (
    <Thermometer amount={r.cap_fen} committed={r.committed_fen} paid={r.paid_fen} warnRatio={warnRatio} compact={compact} />
  );
  const actions = (r: SourceBalance, size?: "small") => (
    <Space size={4} wrap>
      {mayReceive && (
        <Button size={size} icon={<DollarOutlined />} onClick={() => setReceiving(r)} data-testid={`receive-${r.source_id}`}>{translate("finance.receive")}</Button>
      )}
      {mayCreate && (
        <Button size={size} icon={<EditOutlined />} aria-label={translate("finance.editSource", { name: r.name })}
          onClick={() => {
            setEditing(r);
            edit.show(r.source_id);
          }}>{size ? undefined : translate("buttons.edit")}</Button>
      )}
      <Button size={size} icon={<UnorderedListOutlined />} onClick={() => navigate(`/funds/lines?year=${r.fiscal_year}&source=${r.source_id}`)}
        aria-label={translate("finance.linesOf", { name: r.name })}>{translate("finance.lines")}</Button>
    </Space>
  );

  return (
    <List
      title={translate("finance.nav.sources")}
      headerButtons={() => (
        <Space wrap>
          <YearSelect value={year} onChange={setYear} years={years} />
          <ExportButton<SourceBalance> resource="fund_source_balances" filters={filters} sorters={sorters} filename={`fund-sources-${year}`} columns={[
            { title: translate("finance.year"), value: (r) => r.fiscal_year },
            { title: translate("finance.sourceName"), value: (r) => r.name },
            { title: translate("finance.kind"), value: (r) => translate(`finance.kinds.${r.kind}`) },
            { title: translate("finance.partner"), value: (r) => partnerName(r.partner_id) },
            { title: translate("finance.contribution"), value: (r) => (r.contribution ? translate(`finance.contributions.${r.contribution}`) : "") },
            { title: translate("finance.restricted"), value: (r) => (r.restricted_purpose ? translate(`finance.purposes.${r.restricted_purpose}`) : "") },
            { title: translate("finance.appropriatedOrPledged"), value: (r) => fenToYuan(r.appropriated_fen) },
            { title: translate("finance.received"), value: (r) => fenToYuan(r.received_fen) },
            { title: translate("finance.cap"), value: (r) => fenToYuan(r.cap_fen) },
            { title: translate("finance.lined"), value: (r) => fenToYuan(r.lined_fen) },
            { title: translate("finance.committed"), value: (r) => fenToYuan(r.committed_fen) },
            { title: translate("finance.paid"), value: (r) => fenToYuan(r.paid_fen) },
            { title: translate("finance.available"), value: (r) => fenToYuan(r.available_fen) },
          ]} />
          {mayCreate && <Button type="primary" icon={<PlusOutlined />} onClick={openCreate}>{translate("finance.addSource")}</Button>}
        </Space>
      )}
    >
      <Typography.Paragraph type="secondary">{translate("finance.sourcesIntro")}</Typography.Paragraph>
      <Radio.Group value={kind} optionType="button" style={{ marginBottom: 16, display: "flex", flexWrap: "wrap", rowGap: 8 }}
        onChange={(e) => setKind(e.target.value)} aria-label={translate("finance.kind")}
        options={[{ value: "all", label: translate("common.all") }, ...SOURCE_KINDS.map((k) => ({ value: k, label: translate(`finance.kinds.${k}`) }))]} />
      <ResponsiveTable<SourceBalance> {...tableProps} rowKey="source_id" locale={{ emptyText: translate("finance.noSources", { year }) }}
        scroll={{ x: "max-content" }}
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }) }}
        card={(r) => (
          <RecordCard testId="source-card" title={r.name} extra={<Tag color={r.kind === "partner" ? "purple" : "blue"}>{translate(`finance.kinds.${r.kind}`)}</Tag>}
            fields={[
              ...(r.partner_id ? [{ label: translate("finance.partner"), value: partnerName(r.partner_id) }] : []),
              { label: translate(r.kind === "partner" ? "finance.received" : "finance.appropriated"), value: money(r.kind === "partner" ? r.received_fen : r.appropriated_fen) },
              { label: translate("finance.committed"), value: money(r.committed_fen) },
              { label: translate("finance.paid"), value: money(r.paid_fen) },
              { label: translate("finance.available"), value: money(r.available_fen) },
              { label: translate("finance.used"), value: thermo(r) },
            ]}
            actions={actions(r)} />
        )}>
        <Table.Column<SourceBalance> dataIndex="name" title={translate("finance.sourceName")} sorter render={(_, r) => sourceTitle(r)} />
        <Table.Column<SourceBalance> dataIndex="kind" title={translate("finance.kind")} width={170} render={(_, r) => kindTag(r)} />
        <Table.Column<SourceBalance> dataIndex="appropriated_fen" title={translate("finance.appropriatedOrPledged")} align="right" sorter render={money} />
        <Table.Column<SourceBalance> dataIndex="received_fen" title={translate("finance.received")} align="right" sorter render={money} />
        <Table.Column<SourceBalance> dataIndex="committed_fen" title={translate("finance.committed")} align="right" render={money} />
        <Table.Column<SourceBalance> dataIndex="paid_fen" title={translate("finance.paid")} align="right" render={money} />
        <Table.Column<SourceBalance> dataIndex="available_fen" title={translate("finance.available")} align="right" sorter render={money} />
        <Table.Column<SourceBalance> title={translate("finance.used")} render={(_, r) => thermo(r)} width={130} />
        <Table.Column<SourceBalance> title={translate("table.actions")} fixed="right" render={(_, r) => actions(r, "small")} />
      </ResponsiveTable>

      <Modal {...create.modalProps} title={translate("finance.addSource")} okText={translate("buttons.save")}>{sourceForm(create.formProps, false)}</Modal>
      <Modal {...edit.modalProps} title={translate("finance.editSource", { name: editing?.name ?? "" })} okText={translate("buttons.save")}>
        {sourceForm({ ...edit.formProps, initialValues: editing && { ...edit.formProps.initialValues, appropriated: editing.appropriated_fen } }, true)}
      </Modal>
      <Modal open={!!receiving} onCancel={() => setReceiving(undefined)} destroyOnHidden okText={translate("finance.receive")} onOk={() => receiptForm.submit()}
        title={translate("finance.receiveTitle", { name: receiving?.name ?? "" })}>
        <Typography.Paragraph type="secondary">{translate("finance.receiveHint")}</Typography.Paragraph>
        <Form form={receiptForm} layout="vertical" preserve={false} onFinish={async (v) => {
          if (!receiving) return;
          const ok = await run("record_receipt", {
            p_source_id: receiving.source_id, p_amount_fen: v.amount, p_occurred_on: v.occurred_on.format("YYYY-MM-DD"),
            p_voucher_no: v.voucher_no?.trim() || null, p_note: v.note?.trim() || null, p_request_key: receiptKey,
          }, () => translate("finance.received_ok", { amount: formatFen(v.amount), name: receiving.name }),
          ["fund_source_balances", "budget_line_balances", "fund_ledger"]);
          if (ok.ok) setReceiving(undefined);
        }}>
          <Form.Item name="amount" label={translate("finance.amount")} rules={amountRules}><YuanInput autoFocus /></Form.Item>
          <PhonePickers>
            <Form.Item name="occurred_on" label={translate("finance.occurredOn")} rules={[{ required: true }]} initialValue={districtToday()}>
              <DatePicker disabledDate={(d) => d.format("YYYY-MM-DD") > districtDate()} inputReadOnly allowClear={false} />
            </Form.Item>
          </PhonePickers>
          <Form.Item name="voucher_no" label={translate("finance.voucherNo")} rules={[{ max: 60 }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="note" label={translate("finance.note")} rules={[{ max: 500 }]}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </Form>
      </Modal>
    </List>
  );
}

/** What an edit may change (the grant's update columns): year, kind, owner and partner are fixed. */
function omitFixed<T extends Record<string, unknown>>(v: T) {
  const { fiscal_year: _y, kind: _k, org_unit_id: _o, partner_id: _p, contribution: _c, ...rest } = v;
  return rest;
}
