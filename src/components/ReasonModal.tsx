// Asks for the reason of an action the database keeps on record (reject, reverse, undo).
import { useTranslate } from "@refinedev/core";
import { Alert, Form, Input, Modal } from "antd";
import { useEffect, useState } from "react";

interface Props {
  open: boolean;
  title: string;
  label: string;
  hint?: string;
  /** the confirming button's text (the action's own verb, e.g. 驳回) */
  okText?: string;
  /** resolves when done; a thrown or returned false keeps the dialog (and the typed text) open */
  onSubmit: (reason: string) => Promise<boolean>;
  onClose: () => void;
}

export function ReasonModal({ open, title, label, hint, okText, onSubmit, onClose }: Props) {
  const translate = useTranslate();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal open={open} title={title} onCancel={onClose} okButtonProps={{ loading: busy, danger: true }} okText={okText} onOk={() => form.submit()} destroyOnHidden>
      {hint && <Alert type="warning" showIcon message={hint} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={async ({ reason }) => {
        setBusy(true);
        try {
          if (await onSubmit(reason.trim())) onClose();
        } finally {
          setBusy(false);
        }
      }}>
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: translate("errors.reasonRequired") }, { max: 200 }]}>
          <Input.TextArea rows={3} maxLength={200} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
