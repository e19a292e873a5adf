// The leader's application form (申报), phone first: the team preselected, what the money is for (purpose,
// then a project, venue or activity), the amount, an itemised budget whose running total must equal the
// amount, measurable targets (service hours, people served, activities held) and the period. Saved as a
// draft, or saved and submitted in one step. Used to start an application and to edit a draft.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useList, useTranslate } from "@refinedev/core";
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Skeleton, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { PhonePickers } from "../../components/FilterForm";
import { useIsPhone } from "../../components/useIsPhone";
import { YuanInput, yuanRule } from "../../components/YuanInput";
import { BUDGET_PURPOSES, budgetTotal, type BudgetPurpose } from "../../domain/grants";
import { formatFen } from "../../domain/money";
import { ledTeams } from "../../domain/scope";
import { useScope } from "../../providers/scope";
import "../../leader.css";
import "./grants.css";

export interface ApplicationValues {
  team_id: number;
  purpose: BudgetPurpose;
  project_id?: number | null;
  venue_name?: string | null;
  activity?: string | null;
  title: string;
  summary?: string | null;
  amount_requested_fen: number;
  items: { item: string; amount_fen: number }[];
  target_hours?: number | null;
  target_people?: number | null;
  target_activities?: number | null;
  period_start?: Dayjs | null;
  period_end?: Dayjs | null;
}

interface Props {
  initialValues?: Partial<ApplicationValues>;
  /** resolves when saved; submit: also hand it in for screening */
  onSave: (values: ApplicationValues, submit: boolean) => Promise<boolean>;
}

export function ApplicationForm({ initialValues, onSave }: Props) {
  const translate = useTranslate();
  const phone = useIsPhone();
  const { scope, loading } = useScope();
  const teams = ledTeams(scope);
  const [form] = Form.useForm<ApplicationValues>();
  const [busy, setBusy] = useState<"draft" | "submit">();
  const amount = Form.useWatch("amount_requested_fen", form);
  const items = Form.useWatch("items", form);
  const purpose = Form.useWatch("purpose", form);
  const teamId = Form.useWatch("team_id", form);
  const start = Form.useWatch("period_start", form);
  const title = Form.useWatch("title", form);
  const total = budgetTotal(items);
  const balanced = !!amount && Number.isFinite(amount) && total === amount;
  // a project of the district, or of the team's street (the database refuses others)
  const street = scope.find((g) => g.role === "team_leader" && g.org_unit_id === teamId)?.street_id;
  const { result: projects } = useList<{ id: number; name: string }>({
    resource: "projects", pagination: { mode: "off" }, sorters: [{ field: "name", order: "asc" }], meta: { select: "id, name" },
    filters: [{ operator: "or", value: [
      { field: "level", operator: "eq", value: "district" },
      ...(street ? [{ field: "org_unit_id", operator: "eq" as const, value: street }] : []),
    ] }],
  });
  const required = (key: string) => ({ required: true, message: translate(key) });

  /** The form's values when every field is right; otherwise undefined, with the first wrong field in view. */
  const validValues = () => form.validateFields().catch((e: { errorFields?: { name: (string | number)[] }[] }) => {
    // show the first field that needs attention (on a phone it may be far above the buttons)
    if (e.errorFields?.[0]) form.scrollToField(e.errorFields[0].name, { block: "center" });
    return undefined;
  });
  // 提交申报: check the form first, then ask — a form with errors never asks "确定提交吗？"
  const [confirming, setConfirming] = useState(false);
  const askSubmit = async () => {
    if (await validValues()) setConfirming(true);
  };

  const save = async (submit: boolean) => {
    setConfirming(false);
    const values = await validValues();
    if (!values) return;
    setBusy(submit ? "submit" : "draft");
    try {
      await onSave({ ...values, items: (values.items ?? []).filter((i) => i?.item?.trim()) }, submit);
    } finally {
      setBusy(undefined);
    }
  };

  // the team is preselected from the scope, so the form starts once the scope is known
  if (loading) return <Skeleton active />;
  return (
    <Form form={form} layout="vertical" requiredMark="optional" className="application-form" style={{ maxWidth: 720 }}
      initialValues={{ team_id: teams[0]?.id, purpose: "activities", items: [{ item: "", amount_fen: null }], ...initialValues }}
      data-testid="application-form" scrollToFirstError>
      <Card size="small" title={<h2 className="form-section">{translate("grants.form.what")}</h2>} style={{ marginBottom: 16 }}>
        {teams.length > 1 ? (
          <Form.Item name="team_id" label={translate("grants.fields.team")} rules={[required("grants.form.teamRequired")]}>
            <Select size="large" options={teams.map((t) => ({ value: t.id, label: t.name }))} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="team_id" hidden><Input /></Form.Item>
            {/* preselected, not a choice: no "（可选）" beside it (requiredMark="optional" marks items without rules) */}
            <Form.Item label={translate("grants.fields.team")} required>
              <Typography.Text strong data-testid="application-team">{teams.find((t) => t.id === teamId)?.name ?? teams[0]?.name}</Typography.Text>
            </Form.Item>
          </>
        )}
        <Form.Item name="purpose" label={translate("grants.fields.purpose")} rules={[required("grants.form.purposeRequired")]}>
          <Radio.Group className="big-choices" optionType="button"
            options={BUDGET_PURPOSES.map((p) => ({ value: p, label: translate(`grants.purposes.${p}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={translate("grants.fields.title")} rules={[required("grants.form.titleRequired"), { max: 80 }]}>
          <Input size="large" maxLength={80} placeholder={translate("grants.form.titleExample")} />
        </Form.Item>
        {purpose === "venue" ? (
          <Form.Item name="venue_name" label={translate("grants.fields.venue")} rules={[{ max: 80 }]}>
            <Input size="large" maxLength={80} />
          </Form.Item>
        ) : (
          <Form.Item name="project_id" label={translate("grants.fields.project")}>
            <Select size="large" allowClear showSearch optionFilterProp="label" placeholder={translate("grants.form.projectOptional")}
              options={(projects?.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        )}
        <Form.Item name="activity" label={translate("grants.fields.activity")} rules={[{ max: 120 }]}>
          <Input size="large" maxLength={120} />
        </Form.Item>
        <Form.Item name="summary" label={translate("grants.fields.summary")} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Card>

      <Card size="small" title={<h2 className="form-section">{translate("grants.form.money")}</h2>} style={{ marginBottom: 16 }}>
        <Form.Item name="amount_requested_fen" label={translate("grants.fields.amountYuan")} required
          rules={[yuanRule({ required: translate("grants.form.amountRequired"), invalid: translate("grants.form.amountInvalid") })]}>
          <YuanInput size="large" data-testid="application-amount" />
        </Form.Item>
        <Typography.Paragraph strong style={{ marginBottom: 8 }}>{translate("grants.fields.budgetItems")}</Typography.Paragraph>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Space direction="vertical" size={8} style={{ width: "100%" }}>
              {fields.map((f, i) => (
                <div key={f.key} className="budget-item-row" data-testid={`budget-item-${i}`}>
                  <Form.Item name={[f.name, "item"]} rules={[required("grants.form.itemRequired")]} style={{ flex: 2, marginBottom: 0 }}>
                    <Input size="large" placeholder={translate("grants.form.itemName")} aria-label={translate("grants.form.itemNameN", { n: i + 1 })} maxLength={80} />
                  </Form.Item>
                  <Form.Item name={[f.name, "amount_fen"]} style={{ flex: 1, marginBottom: 0, minWidth: 120 }} required
                    rules={[yuanRule({ required: translate("grants.form.amountRequired"), invalid: translate("grants.form.amountInvalid") })]}>
                    <YuanInput size="large" aria-label={translate("grants.form.itemAmountN", { n: i + 1 })} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button size="large" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={translate("grants.form.removeItemN", { n: i + 1 })} />
                  )}
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ item: "", amount_fen: null })} block={phone} data-testid="add-budget-item">
                {translate("grants.form.addItem")}
              </Button>
            </Space>
          )}
        </Form.List>
        <Alert style={{ marginTop: 12 }} role="status" data-testid="budget-total"
          type={!amount ? "info" : balanced ? "success" : "warning"} showIcon
          message={translate("grants.form.runningTotal", { total: formatFen(total), amount: amount && Number.isFinite(amount) ? formatFen(amount) : "—" })}
          description={amount && !balanced ? translate("grants.form.totalMismatch", { diff: formatFen(Math.abs((amount || 0) - total)) }) : undefined} />
        <Form.Item name="items_balance" noStyle rules={[{
          validator: async () => {
            if (!balanced) throw new Error(translate("grants.form.totalMustEqual"));
          },
        }]}>
          <input type="hidden" />
        </Form.Item>
      </Card>

      <Card size="small" title={<h2 className="form-section">{translate("grants.form.targets")}</h2>} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{translate("grants.form.targetsHint")}</Typography.Paragraph>
        <Space wrap size={12} style={{ width: "100%" }} className="targets-row">
          <Form.Item name="target_hours" label={translate("grants.fields.targetHours")} rules={[required("grants.form.targetRequired")]}>
            <InputNumber size="large" min={0} max={100000} precision={1} inputMode="decimal" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="target_people" label={translate("grants.fields.targetPeople")} rules={[required("grants.form.targetRequired")]}>
            <InputNumber size="large" min={0} max={1000000} precision={0} inputMode="numeric" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="target_activities" label={translate("grants.fields.targetActivities")} rules={[required("grants.form.targetRequired")]}>
            <InputNumber size="large" min={0} max={10000} precision={0} inputMode="numeric" style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <PhonePickers>
          <div className="period-row">
            <Form.Item name="period_start" label={translate("grants.fields.periodStart")} rules={[required("grants.form.periodRequired")]}>
              <DatePicker size="large" inputReadOnly={phone} style={{ width: "100%" }} />
            </Form.Item>
            <Form.Item name="period_end" label={translate("grants.fields.periodEnd")} dependencies={["period_start"]}
              rules={[required("grants.form.periodRequired"), {
                validator: async (_, v: Dayjs | null) => {
                  if (v && start && v.isBefore(start, "day")) throw new Error(translate("grants.form.periodOrder"));
                },
              }]}>
              <DatePicker size="large" inputReadOnly={phone} style={{ width: "100%" }} defaultPickerValue={start ?? undefined}
                disabledDate={(d) => !!start && d.isBefore(start, "day")} />
            </Form.Item>
          </div>
        </PhonePickers>
      </Card>

      <Space wrap style={{ width: "100%" }} className="application-form-actions">
        <Button size="large" onClick={() => save(false)} loading={busy === "draft"} disabled={!!busy} data-testid="save-draft">
          {translate("grants.form.saveDraft")}
        </Button>
        <Button size="large" type="primary" loading={busy === "submit"} disabled={!!busy} data-testid="save-submit" onClick={() => void askSubmit()}>
          {translate("grants.form.saveSubmit")}
        </Button>
      </Space>
      {/* a short question: centred on a desktop, a sheet at the bottom of a phone (within the thumb's reach) with
          the two answers side by side, each half the width (responsive.css, .compact-dialog) */}
      <Modal open={confirming} centered onCancel={() => setConfirming(false)} title={translate("grants.actions.submitTitle")}
        rootClassName="compact-dialog" wrapProps={{ "data-testid": "submit-confirm" }}
        okText={translate("grants.actions.submit")} okButtonProps={{ size: "large", "data-testid": "submit-confirm-ok" }}
        cancelButtonProps={{ size: "large" }} onOk={() => void save(true)}>
        <Typography.Paragraph style={{ fontSize: "1.05em" }}>
          {translate("grants.form.submitConfirm", { title: title ?? "", amount: amount && Number.isFinite(amount) ? formatFen(amount) : "—" })}
        </Typography.Paragraph>
      </Modal>
    </Form>
  );
}
