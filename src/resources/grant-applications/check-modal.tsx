// 财务预算审核: finance chooses the budget lines that will carry the application, with each line's available
// money and what it would be after this commitment — a warning from the warn ratio (90 %), a refusal past
// 100 % (the database refuses the same under lock). The chosen amounts must add up to the amount requested.
// Mounted for one opening (its amounts start empty each time).
import { useList, useTranslate } from "@refinedev/core";
import { Alert, Empty, Form, Input, Modal, Progress, Space, Switch, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useIsPhone } from "../../components/useIsPhone";
import { YuanInput } from "../../components/YuanInput";
import { DEFAULT_WARN_RATIO, lineAfter } from "../../domain/grants";
import { formatFen } from "../../domain/money";
import type { Application, LineBalance } from "./queries";
import "./grants.css";

/** One line's share, as check_application reads it (a type, so it is JSON to the generated Args). */
export type Allocation = {
  line_id: number;
  amount_fen: number;
};

interface Props {
  open: boolean;
  application: Application;
  warnRatio?: number;
  error?: string;
  onSubmit: (allocations: Allocation[], reason: string) => Promise<boolean>;
  onClose: () => void;
}

export function CheckModal({ open, application: a, warnRatio = DEFAULT_WARN_RATIO, error, onSubmit, onClose }: Props) {
  const translate = useTranslate();
  const phone = useIsPhone();
  const [amounts, setAmounts] = useState<Record<number, number | null>>({});
  const [reason, setReason] = useState("");
  const [allPurposes, setAllPurposes] = useState(false);
  const [busy, setBusy] = useState(false);
  const year = Number((a.period_start ?? "").slice(0, 4)) || undefined;
  // lines are named by their purpose, so several read "项目孵化": each says which source (专项 or a partner) it is
  const { result, query } = useList<LineBalance & { fund_sources?: { name: string } | null }>({
    resource: "budget_line_balances",
    pagination: { mode: "off" },
    meta: { select: "*, fund_sources(name)" },
    filters: [
      { field: "fiscal_year", operator: "eq", value: year },
      { field: "purpose", operator: "eq", value: allPurposes ? undefined : a.purpose },
    ],
    sorters: [{ field: "is_tilt", order: "asc" }, { field: "name", order: "asc" }],
    queryOptions: { enabled: open },
  });
  const lines = useMemo(() => result?.data ?? [], [result]);

  const chosen = Object.entries(amounts)
    .filter(([, v]) => v != null && Number.isFinite(v) && v > 0)
    .map(([id, v]) => ({ line_id: Number(id), amount_fen: v as number }));
  const total = chosen.reduce((s, c) => s + c.amount_fen, 0);
  const over = lines.some((l) => {
    const v = amounts[l.line_id!];
    return v != null && Number.isFinite(v) && v > Number(l.available_fen ?? 0);
  });
  const bad = Object.values(amounts).some((v) => v != null && !Number.isFinite(v));
  const balanced = total === a.amount_requested_fen;

  return (
    <Modal open={open} width={phone ? undefined : 760} destroyOnHidden onCancel={onClose} wrapProps={{ "data-testid": "check-modal" }}
      title={translate("grants.check.title", { title: a.title })}
      okText={translate("grants.actions.check")} okButtonProps={{ disabled: !balanced || over || bad, loading: busy, "data-testid": "check-ok" }}
      onOk={async () => {
        setBusy(true);
        try {
          if (await onSubmit(chosen, reason.trim())) onClose();
        } finally {
          setBusy(false);
        }
      }}>
      <Typography.Paragraph strong data-testid="decision-subject">
        {translate("grants.check.subject", { title: a.title, team: a.team?.name ?? "", amount: formatFen(a.amount_requested_fen) })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <label style={{ display: "flex", alignItems: "center", gap: 8, marginBottom: 12, minHeight: 44 }}>
        <Switch checked={allPurposes} onChange={setAllPurposes} />
        <span>{translate("grants.check.allPurposes", { purpose: translate(`grants.purposes.${a.purpose}`) })}</span>
      </label>
      {!query.isLoading && lines.length === 0 && <Empty description={translate("grants.check.noLines", { year: year ?? "" })} />}
      <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="check-lines">
        {lines.map((l) => {
          const id = l.line_id!;
          const line = { amount_fen: Number(l.amount_fen ?? 0), available_fen: Number(l.available_fen ?? 0) };
          const extra = amounts[id] != null && Number.isFinite(amounts[id]) ? (amounts[id] as number) : 0;
          const after = lineAfter(line, extra, warnRatio);
          const pct = Math.round(after.ratio * 1000) / 10;
          return (
            <div key={id} className="check-line" data-testid={`check-line-${id}`}>
              <div className="check-line-head">
                <Typography.Text strong>{l.name}{l.fund_sources?.name ? ` · ${l.fund_sources.name}` : ""}</Typography.Text>
                <Space size={4} wrap>
                  <Tag>{translate(`grants.purposes.${l.purpose}`)}</Tag>
                  {l.is_tilt && <Tag color="gold">{translate("grants.check.tilt")}</Tag>}
                </Space>
              </div>
              <Typography.Text type="secondary">
                {translate("grants.check.lineFigures", { amount: formatFen(line.amount_fen), available: formatFen(line.available_fen) })}
              </Typography.Text>
              <div className="check-line-input">
                <YuanInput value={amounts[id] ?? null} onChange={(v) => setAmounts((m) => ({ ...m, [id]: v }))}
                  aria-label={translate("grants.check.amountOn", { line: [l.name, l.fund_sources?.name].filter(Boolean).join(" · ") })} style={{ maxWidth: 200 }} />
                <Progress percent={Math.min(100, pct)} size="small" style={{ flex: 1, minWidth: 120, margin: 0 }}
                  status={after.level === "over" ? "exception" : after.level === "warn" ? "active" : "normal"}
                  strokeColor={after.level === "warn" ? "#ad6800" : undefined}
                  format={() => `${pct}%`} aria-label={translate("grants.check.usedAfter", { pct })} />
              </div>
              {after.level === "warn" && extra > 0 && <Typography.Text style={{ color: "#874d00" }} role="status">{translate("grants.check.warn", { pct })}</Typography.Text>}
              {after.level === "over" && <Typography.Text type="danger" role="alert">{translate("grants.check.over", { available: formatFen(line.available_fen) })}</Typography.Text>}
            </div>
          );
        })}
      </Space>
      <Alert style={{ marginTop: 12 }} type={balanced ? "success" : "warning"} showIcon role="status" data-testid="check-total"
        message={translate("grants.check.total", { total: formatFen(total), amount: formatFen(a.amount_requested_fen) })} />
      <Form layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item label={translate("grants.actions.reasonOptional")}>
          <Input.TextArea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
