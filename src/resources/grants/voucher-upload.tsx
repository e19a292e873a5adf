// 上传凭证: the grantee photographs an invoice or receipt with the phone's camera (or picks an image or a PDF),
// says what it is for and how much, and files it against a paid tranche. The file goes to the private bucket
// `vouchers` first (its policies admit only the grantee, into its own grant's folder), then add_voucher
// records it; a refused record removes the stored file again so nothing is left behind. Mounted for one
// opening, so the form starts empty each time.
// The same file name with the same amount or the same size already filed on the tranche is warned, not refused: a retry after a bad
// connection sends the same receipt twice, but a phone names every photo "image.jpg" and two monthly rent
// receipts carry the same amount, so finance would rather see a second voucher (and reject it at the check,
// where each file is opened) than have the grantee blocked from filing a real one. The grantee confirms once.
import { CameraOutlined, FileAddOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { Alert, Button, DatePicker, Form, Input, Modal, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useRef, useState } from "react";
import { PhonePickers } from "../../components/FilterForm";
import { YuanInput, yuanRule } from "../../components/YuanInput";
import { sameVoucherFiled, VOUCHER_ACCEPT, VOUCHER_MAX_BYTES, voucherPath, vouchersOverPaid } from "../../domain/grants";
import { formatFen } from "../../domain/money";
import { districtToday } from "../../providers/dayjs";
import { errorMessage } from "../../providers/data";
import { callRpc, newRequestKey, useRequestKey } from "../../providers/rpc";
import { removeVoucherFile, uploadVoucherFile } from "../../providers/storage";
import type { Tranche, Voucher } from "./queries";

interface Values {
  amount_fen: number;
  issued_on: Dayjs;
  description?: string;
}

const MIME_BY_EXT: Record<string, string> = { jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp", heic: "image/heic", pdf: "application/pdf" };

/** The file's type as the bucket and add_voucher accept it (some phones send HEIC without a type). */
function mimeOf(file: File): string | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
  const mime = file.type || MIME_BY_EXT[ext];
  return VOUCHER_ACCEPT.split(",").includes(mime) ? mime : undefined;
}

export function VoucherUploadModal({ open, grantId, agreementNo, tranche, filed, onClose, onDone }: {
  open: boolean;
  grantId: number;
  /** named in the title with the tranche (every dialog names what it acts on) */
  agreementNo?: string | null;
  tranche?: Tranche;
  /** the grant's vouchers so far (to warn about the same one twice) */
  filed: readonly Voucher[];
  onClose: () => void;
  onDone: () => void;
}) {
  const translate = useTranslate();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  /** the voucher this one seems to repeat, once warned: the next press files it anyway */
  const [twin, setTwin] = useState<Voucher>();
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const requestKey = useRequestKey(open);

  const choose = (f: File | undefined) => {
    setFileError(undefined);
    if (!f) return;
    setTwin(undefined);
    if (!mimeOf(f)) return setFileError(translate("grants.vouchers.wrongType"));
    if (f.size > VOUCHER_MAX_BYTES) return setFileError(translate("grants.vouchers.tooLarge"));
    setFile(f);
  };

  const submit = async (v: Values) => {
    if (!tranche) return;
    if (!file) return setFileError(translate("grants.vouchers.fileRequired"));
    const same = sameVoucherFiled(filed, tranche.id, file.name, v.amount_fen, file.size);
    if (same && same.id !== twin?.id) return setTwin(same);
    setBusy(true);
    setError(undefined);
    try {
      const path = voucherPath(grantId, tranche.id, newRequestKey(), file.name);
      const stored = await uploadVoucherFile(path, file, mimeOf(file)!);
      if (stored.error) return setError(errorMessage(stored.error));
      const { error: e } = await callRpc("add_voucher", {
        p_tranche_id: tranche.id, p_object_path: path, p_file_name: file.name.slice(0, 200), p_mime: mimeOf(file)!, p_size_bytes: file.size,
        p_amount_fen: v.amount_fen, p_issued_on: v.issued_on.format("YYYY-MM-DD"), p_description: v.description?.trim() || null, p_request_key: requestKey,
      });
      if (e) {
        await removeVoucherFile(path);
        // the refusal is what counts now: the same-voucher warning (already answered with 仍然上传) goes
        setTwin(undefined);
        const over = vouchersOverPaid(e);
        // the amount is what to change: take the person there
        if (over) form.scrollToField("amount_fen", { focus: true });
        return setError(over
          ? translate("grants.vouchers.overPaid", { paid: formatFen(over.paid_fen), filed: formatFen(over.vouchers_fen), left: formatFen(over.left_fen) })
          : errorMessage(e));
      }
      onDone();
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} destroyOnHidden onCancel={onClose} wrapProps={{ "data-testid": "voucher-modal" }}
      title={tranche ? translate("grants.vouchers.uploadTitle", { no: agreementNo ?? "", seq: tranche.seq, amount: formatFen(tranche.amount_fen) }) : ""}
      okText={twin ? translate("grants.vouchers.uploadAnyway") : translate("grants.vouchers.upload")} okButtonProps={{ loading: busy, "data-testid": "voucher-ok" }} onOk={() => form.submit()}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      {twin && (
        <Alert type="warning" showIcon role="alert" style={{ marginBottom: 12 }} data-testid="voucher-twin"
          message={translate("grants.vouchers.sameFiled", { name: twin.file_name, amount: formatFen(twin.amount_fen), status: translate(`grants.voucherStates.${twin.status}`) })}
          description={translate("grants.vouchers.sameFiledHint")} />
      )}
      <Space direction="vertical" style={{ width: "100%", marginBottom: 16 }}>
        <Space wrap>
          <Button size="large" icon={<CameraOutlined />} onClick={() => camera.current?.click()}>{translate("grants.vouchers.takePhoto")}</Button>
          <Button size="large" icon={<FileAddOutlined />} onClick={() => picker.current?.click()}>{translate("grants.vouchers.chooseFile")}</Button>
        </Space>
        {/* the camera opens directly on phones (capture); the other picks images or a PDF */}
        <input ref={camera} type="file" accept="image/*" capture="environment" hidden aria-hidden tabIndex={-1}
          onChange={(e) => choose(e.target.files?.[0])} />
        <input ref={picker} type="file" accept={VOUCHER_ACCEPT} hidden aria-hidden tabIndex={-1} data-testid="voucher-file"
          onChange={(e) => choose(e.target.files?.[0])} />
        {file && <Typography.Text data-testid="voucher-file-name" style={{ overflowWrap: "anywhere" }}>{translate("grants.vouchers.chosen", { name: file.name, kb: Math.ceil(file.size / 1024) })}</Typography.Text>}
        {fileError && <Typography.Text type="danger" role="alert">{fileError}</Typography.Text>}
        <Typography.Text type="secondary">{translate("grants.vouchers.fileHint")}</Typography.Text>
      </Space>
      <Form form={form} layout="vertical" initialValues={{ issued_on: districtToday() }} onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => { if ("amount_fen" in changed) setTwin(undefined); }}>
        <Form.Item name="amount_fen" label={translate("grants.vouchers.amount")} required
          rules={[yuanRule({ required: translate("grants.form.amountRequired"), invalid: translate("grants.form.amountInvalid") })]}>
          <YuanInput size="large" data-testid="voucher-amount" />
        </Form.Item>
        <PhonePickers>
          <Form.Item name="issued_on" label={translate("grants.vouchers.issuedOn")} rules={[{ required: true, message: translate("errors.required") }]}>
            <DatePicker size="large" allowClear={false} inputReadOnly style={{ width: "100%" }} disabledDate={(d) => d.isAfter(districtToday(), "day")} />
          </Form.Item>
        </PhonePickers>
        <Form.Item name="description" label={translate("grants.vouchers.description")} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
