// Objections (异议) received during the 公示 period: staff record what came in (when, what) and resolve it
// (upheld / dismissed, with the finding). Approval waits until none is open.
import { useTranslate } from "@refinedev/core";
import { Alert, Button, DatePicker, Form, Input, List, Modal, Radio, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { PhonePickers } from "../../components/FilterForm";
import { districtToday } from "../../providers/dayjs";
import type { ObjectionRow } from "./queries";
import { StateTag } from "./status";
import "../../leader.css";

export function ObjectionModal({ open, subject, error, onSubmit, onClose }: {
  open: boolean;
  subject: string;
  error?: string;
  onSubmit: (v: { received_on: string; content: string }) => Promise<boolean>;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const [form] = Form.useForm<{ received_on: Dayjs; content: string }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal open={open} title={translate("grants.objections.recordTitle", { subject })} destroyOnHidden onCancel={onClose}
      okText={translate("grants.objections.record")} okButtonProps={{ loading: busy, "data-testid": "objection-ok" }} onOk={() => form.submit()}
      wrapProps={{ "data-testid": "objection-modal" }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={{ received_on: districtToday() }} onFinish={async (v) => {
        setBusy(true);
        try {
          if (await onSubmit({ received_on: v.received_on.format("YYYY-MM-DD"), content: v.content.trim() })) onClose();
        } finally {
          setBusy(false);
        }
      }}>
        <PhonePickers>
          <Form.Item name="received_on" label={translate("grants.objections.receivedOn")} rules={[{ required: true, message: translate("errors.required") }]}>
            <DatePicker allowClear={false} inputReadOnly style={{ width: "100%" }} disabledDate={(d) => d.isAfter(districtToday(), "day")} />
          </Form.Item>
        </PhonePickers>
        <Form.Item name="content" label={translate("grants.objections.content")} rules={[{ required: true, whitespace: true, message: translate("errors.required") }, { max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ResolveModal({ objection, error, onSubmit, onClose }: {
  objection?: ObjectionRow;
  error?: string;
  onSubmit: (v: { upheld: boolean; resolution: string }) => Promise<boolean>;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const [form] = Form.useForm<{ upheld: boolean; resolution: string }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (objection) form.resetFields();
  }, [objection, form]);
  return (
    <Modal open={!!objection} title={translate("grants.objections.resolveTitle", { date: objection?.received_on ?? "" })} destroyOnHidden onCancel={onClose}
      okText={translate("grants.objections.resolve")} okButtonProps={{ loading: busy, "data-testid": "resolve-ok" }} onOk={() => form.submit()}
      wrapProps={{ "data-testid": "resolve-modal" }}>
      <Typography.Paragraph style={{ overflowWrap: "anywhere" }}>{objection?.content}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={{ upheld: false }} onFinish={async (v) => {
        setBusy(true);
        try {
          if (await onSubmit({ upheld: v.upheld, resolution: v.resolution.trim() })) onClose();
        } finally {
          setBusy(false);
        }
      }}>
        <Form.Item name="upheld" label={translate("grants.objections.finding")}>
          <Radio.Group className="big-choices" optionType="button" options={[
            { value: false, label: translate("grants.objectionStates.dismissed") },
            { value: true, label: translate("grants.objectionStates.upheld") },
          ]} />
        </Form.Item>
        <Form.Item name="resolution" label={translate("grants.objections.resolution")} rules={[{ required: true, whitespace: true, message: translate("errors.reasonRequired") }, { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ObjectionList({ rows, canResolve, onResolve }: { rows: ObjectionRow[]; canResolve: boolean; onResolve: (o: ObjectionRow) => void }) {
  const translate = useTranslate();
  return (
    <List size="small" dataSource={rows} locale={{ emptyText: <Typography.Text type="secondary">{translate("grants.objections.none")}</Typography.Text> }} data-testid="objection-list"
      renderItem={(o) => (
        <List.Item data-testid="objection-row" actions={canResolve && o.status === "open" ? [<Button key="r" onClick={() => onResolve(o)}>{translate("grants.objections.resolve")}</Button>] : undefined}>
          <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
            <Space size={8} wrap>
              <Typography.Text>{o.received_on}</Typography.Text>
              <StateTag group="objectionStates" state={o.status} />
            </Space>
            {o.content
              ? <Typography.Text style={{ overflowWrap: "anywhere" }}>{o.content}</Typography.Text>
              : <Typography.Text type="secondary" data-testid="objection-confidential">
                  {translate(o.status === "open" ? "grants.objections.checking" : "grants.objections.confidential")}
                </Typography.Text>}
            {o.resolution && <Typography.Text type="secondary" style={{ overflowWrap: "anywhere" }}>{translate("grants.objections.resolutionIs", { text: o.resolution })}</Typography.Text>}
          </Space>
        </List.Item>
      )} />
  );
}
