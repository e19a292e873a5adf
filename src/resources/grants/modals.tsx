// The grant page's dialogs with fields of their own: finance schedules a tranche (拨付计划) on one of the
// grant's lines, pays an approved tranche (date and bank voucher number), and the grantee or finance asks for
// a change (move money between lines, or change targets). Each names the grant it acts on; a refusal stays.
import { useList, useTranslate } from "@refinedev/core";
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { PhonePickers } from "../../components/FilterForm";
import { YuanInput, yuanRule } from "../../components/YuanInput";
import { formatFen } from "../../domain/money";
import { districtToday } from "../../providers/dayjs";
import type { AllocationRow, LineBalance } from "../grant-applications/queries";
import type { Grant, Tranche } from "./queries";
import "../../leader.css";

function useDialogForm<T extends object>(open: boolean) {
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const wrap = (submit: (v: T) => Promise<boolean>, onClose: () => void) => async (v: T) => {
    setBusy(true);
    try {
      if (await submit(v)) onClose();
    } finally {
      setBusy(false);
    }
  };
  return { form, busy, wrap };
}

export interface ScheduleValues { line_id: number; amount_fen: number; due_on: Dayjs; note?: string }

export function ScheduleModal({ open, grant, allocations, error, onSubmit, onClose }: {
  open: boolean; grant: Grant; allocations: AllocationRow[]; error?: string;
  onSubmit: (v: ScheduleValues) => Promise<boolean>; onClose: () => void;
}) {
  const translate = useTranslate();
  const { form, busy, wrap } = useDialogForm<ScheduleValues>(open);
  // a grant's only line is chosen for the user, also when the lines arrive after the dialog opened
  const only = allocations.length === 1 ? allocations[0].line_id : undefined;
  useEffect(() => {
    if (open && only !== undefined && form.getFieldValue("line_id") === undefined) form.setFieldValue("line_id", only);
  }, [open, only, form]);
  return (
    <Modal open={open} destroyOnHidden onCancel={onClose} wrapProps={{ "data-testid": "schedule-modal" }}
      title={translate("grants.tranches.scheduleTitle", { no: grant.agreement_no, amount: formatFen(grant.amount_fen) })}
      okText={translate("grants.tranches.schedule")} okButtonProps={{ loading: busy, "data-testid": "schedule-ok" }} onOk={() => form.submit()}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={wrap(onSubmit, onClose)}
        initialValues={{ line_id: allocations.length === 1 ? allocations[0].line_id : undefined, due_on: districtToday() }}>
        <Form.Item name="line_id" label={translate("grants.check.line")} rules={[{ required: true, message: translate("errors.required") }]}>
          <Select options={allocations.map((a) => ({ value: a.line_id, label: `${a.budget_lines?.name ?? a.line_id} · ${formatFen(a.amount_fen)}` }))} />
        </Form.Item>
        <Form.Item name="amount_fen" label={translate("grants.tranches.amountYuan")} required
          rules={[yuanRule({ required: translate("grants.form.amountRequired"), invalid: translate("grants.form.amountInvalid") })]}>
          <YuanInput data-testid="schedule-amount" />
        </Form.Item>
        <PhonePickers>
          <Form.Item name="due_on" label={translate("grants.tranches.dueOn")} rules={[{ required: true, message: translate("errors.required") }]}>
            <DatePicker allowClear={false} inputReadOnly style={{ width: "100%" }} />
          </Form.Item>
        </PhonePickers>
        <Form.Item name="note" label={translate("grants.actions.reasonOptional")} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export interface PayValues { paid_on: Dayjs; voucher_no?: string }

export function PayModal({ tranche, grant, error, onSubmit, onClose }: {
  tranche?: Tranche; grant: Grant; error?: string; onSubmit: (v: PayValues) => Promise<boolean>; onClose: () => void;
}) {
  const translate = useTranslate();
  const { form, busy, wrap } = useDialogForm<PayValues>(!!tranche);
  return (
    <Modal open={!!tranche} destroyOnHidden onCancel={onClose} wrapProps={{ "data-testid": "pay-modal" }}
      title={translate("grants.tranches.payTitle", { seq: tranche?.seq ?? "", no: grant.agreement_no })}
      okText={translate("grants.tranches.pay")} okButtonProps={{ loading: busy, "data-testid": "pay-ok" }} onOk={() => form.submit()}>
      <Typography.Paragraph strong data-testid="decision-subject">
        {translate("grants.tranches.paySubject", { team: grant.team?.name ?? "", amount: formatFen(tranche?.amount_fen ?? 0) })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={wrap(onSubmit, onClose)} initialValues={{ paid_on: districtToday() }}>
        <PhonePickers>
          <Form.Item name="paid_on" label={translate("grants.tranches.paidOn")} rules={[{ required: true, message: translate("errors.required") }]}>
            <DatePicker allowClear={false} inputReadOnly style={{ width: "100%" }} disabledDate={(d) => d.isAfter(districtToday(), "day")} />
          </Form.Item>
        </PhonePickers>
        <Form.Item name="voucher_no" label={translate("grants.tranches.voucherNo")} rules={[{ max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export interface ChangeValues {
  kind: "targets" | "move_money";
  target_hours?: number; target_people?: number; target_activities?: number;
  from_line_id?: number; to_line_id?: number; amount_fen?: number;
  reason?: string;
}

export function ChangeModal({ open, grant, allocations, error, onSubmit, onClose }: {
  open: boolean; grant: Grant; allocations: AllocationRow[]; error?: string;
  onSubmit: (v: ChangeValues) => Promise<boolean>; onClose: () => void;
}) {
  const translate = useTranslate();
  const { form, busy, wrap } = useDialogForm<ChangeValues>(open);
  const kind = Form.useWatch("kind", form) ?? "targets";
  const year = Number(String(grant.starts_on).slice(0, 4));
  const { result } = useList<LineBalance>({
    resource: "budget_line_balances", pagination: { mode: "off" }, queryOptions: { enabled: open && kind === "move_money" },
    filters: [{ field: "purpose", operator: "eq", value: grant.purpose }, { field: "fiscal_year", operator: "eq", value: year }],
  });
  return (
    <Modal open={open} destroyOnHidden onCancel={onClose} wrapProps={{ "data-testid": "change-modal" }}
      title={translate("grants.changes.requestTitle", { no: grant.agreement_no })}
      okText={translate("grants.changes.request")} okButtonProps={{ loading: busy, "data-testid": "change-ok" }} onOk={() => form.submit()}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={wrap(onSubmit, onClose)} initialValues={{
        kind: "targets", target_hours: Number(grant.target_hours), target_people: grant.target_people, target_activities: grant.target_activities,
      }}>
        <Form.Item name="kind" label={translate("grants.changes.kind")}>
          <Radio.Group className="big-choices" optionType="button" options={[
            { value: "targets", label: translate("grants.changes.kinds.targets") },
            { value: "move_money", label: translate("grants.changes.kinds.move_money") },
          ]} />
        </Form.Item>
        {kind === "targets" ? (
          <>
            <Form.Item name="target_hours" label={translate("grants.fields.targetHours")} rules={[{ required: true, message: translate("errors.required") }]}>
              <InputNumber min={0} precision={1} inputMode="decimal" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="target_people" label={translate("grants.fields.targetPeople")} rules={[{ required: true, message: translate("errors.required") }]}>
              <InputNumber min={0} precision={0} inputMode="numeric" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="target_activities" label={translate("grants.fields.targetActivities")} rules={[{ required: true, message: translate("errors.required") }]}>
              <InputNumber min={0} precision={0} inputMode="numeric" style={{ width: 160 }} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="from_line_id" label={translate("grants.changes.fromLine")} rules={[{ required: true, message: translate("errors.required") }]}>
              <Select options={allocations.map((a) => ({ value: a.line_id, label: `${a.budget_lines?.name ?? a.line_id} · ${formatFen(a.amount_fen)}` }))} />
            </Form.Item>
            <Form.Item name="to_line_id" label={translate("grants.changes.toLine")} rules={[{ required: true, message: translate("errors.required") }]}>
              <Select options={(result?.data ?? []).map((l) => ({
                value: l.line_id!, label: translate("grants.changes.lineOption", { name: l.name ?? "", available: formatFen(l.available_fen ?? 0) }),
              }))} />
            </Form.Item>
            <Form.Item name="amount_fen" label={translate("grants.changes.amountYuan")} required
              rules={[yuanRule({ required: translate("grants.form.amountRequired"), invalid: translate("grants.form.amountInvalid") })]}>
              <YuanInput />
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label={translate("grants.actions.reason")} rules={[{ required: true, whitespace: true, message: translate("errors.reasonRequired") }, { max: 1000 }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
