// One dialog for every step taken on an application: it names the application and the amount it acts on,
// offers the choice the step has (通过 / 驳回, 批准 / 不予批准) where it has one, and asks for the reason the
// database keeps in the timeline (required when refusing). A refusal of the database stays in the dialog.
import { useTranslate } from "@refinedev/core";
import { Alert, Form, Input, Modal, Radio, Typography } from "antd";
import { useEffect, useState, type ReactNode } from "react";
import "../../leader.css";

export interface Decision {
  /** true: the positive choice (pass / approve); false: the negative one */
  yes: boolean;
  reason: string;
}

interface Props {
  open: boolean;
  title: string;
  /** what the dialog acts on, e.g. "“银龄讲堂” · ¥12,000.00" */
  subject: ReactNode;
  /** the two choices' labels (and what the choice is called, 审核意见 unless given); without them the dialog
   *  confirms one action */
  choices?: { yes: string; no: string; label?: string; unset?: { required: string } };
  okText: string;
  danger?: boolean;
  /** a reason is required for the negative choice (always, when reasonRequired) */
  reasonRequired?: boolean;
  notice?: ReactNode;
  error?: string;
  testId?: string;
  onSubmit: (d: Decision) => Promise<boolean>;
  onClose: () => void;
}

export function DecisionModal({ open, title, subject, choices, okText, danger, reasonRequired, notice, error, testId, onSubmit, onClose }: Props) {
  const translate = useTranslate();
  const [form] = Form.useForm<{ yes: boolean; reason?: string }>();
  const [busy, setBusy] = useState(false);
  // with choices.unset nothing is chosen in advance (a choice with warnings about it): the person picks one
  const watched = Form.useWatch("yes", form) as boolean | undefined;
  const yes = watched ?? (choices?.unset ? undefined : true);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const needReason = reasonRequired || (!!choices && yes === false);
  return (
    <Modal open={open} title={title} onCancel={onClose} destroyOnHidden okText={choices && yes !== undefined ? (yes ? choices.yes : choices.no) : okText}
      okButtonProps={{ loading: busy, danger: danger || (!!choices && yes === false), "data-testid": `${testId ?? "decision"}-ok` }}
      onOk={() => form.submit()} wrapProps={{ "data-testid": testId }}>
      <Typography.Paragraph strong data-testid="decision-subject">{subject}</Typography.Paragraph>
      {notice}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={{ yes: choices?.unset ? undefined : true }} onFinish={async (v) => {
        setBusy(true);
        try {
          if (await onSubmit({ yes: choices ? v.yes : true, reason: (v.reason ?? "").trim() })) onClose();
        } finally {
          setBusy(false);
        }
      }}>
        {choices && (
          <Form.Item name="yes" label={choices.label ?? translate("grants.actions.decision")}
            rules={choices.unset ? [{ required: true, message: choices.unset.required }] : undefined}>
            <Radio.Group className="big-choices" optionType="button"
              options={[{ value: true, label: choices.yes }, { value: false, label: choices.no }]} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={translate(needReason ? "grants.actions.reason" : "grants.actions.reasonOptional")}
          rules={[{ required: needReason, whitespace: true, message: translate("errors.reasonRequired") }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
