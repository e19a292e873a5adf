// One grant (资助协议): the agreement, its tranches (拨付: finance schedules; the grantee requests; finance
// approves — never the requester — pays, cancels or books a return), the vouchers (凭证) under each paid
// tranche (the grantee uploads from the phone's camera or files; finance opens a signed link and verifies or
// rejects with a reason), change requests shown as before → after and decided by a second person, and the
// 绩效 result once evaluated (targets against actuals from approved service records, grade, published).
import { DiffOutlined, EyeOutlined, PlusOutlined, StopOutlined, UploadOutlined } from "@ant-design/icons";
import { useGetIdentity, useInvalidate, useList, useOne, useTranslate } from "@refinedev/core";
import { Alert, App, Button, Card, Descriptions, Empty, List, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { Show } from "../../components/Page";
import { useIsPhone } from "../../components/useIsPhone";
import {
  canCheckVoucher, canCloseGrant, canDecideChange, canRequestChange, canUploadVoucher, financeOfGrant, voucherRoom, vouchersFiledOn,
  OPEN_TRANCHE_STATES, paidWithoutVouchers, previousVouchersReady, type TrancheAction, trancheActions,
} from "../../domain/grants";
import { formatFen } from "../../domain/money";
import { hasRole } from "../../domain/scope";
import { districtDate, districtToday } from "../../providers/dayjs";
import { errorMessage } from "../../providers/data";
import { callRpc, newRequestKey, type RpcArgs, type RpcName } from "../../providers/rpc";
import { useScope } from "../../providers/scope";
import { voucherFileUrl } from "../../providers/storage";
import { DecisionModal } from "../grant-applications/decision-modal";
import type { AllocationRow } from "../grant-applications/queries";
import { StateTag } from "../grant-applications/status";
import { ChangeModal, PayModal, ScheduleModal, type ChangeValues } from "./modals";
import { GRANT_RESOURCES, GRANT_SELECT, type Grant, type GrantChange, type Tranche, type Voucher } from "./queries";
import { VoucherUploadModal } from "./voucher-upload";
import { Evaluation } from "./evaluation";
import "../grant-applications/grants.css";

type Step = { kind: "request" | "approve" | "cancel" | "return"; tranche: Tranche } | { kind: "voucher"; voucher: Voucher }
  | { kind: "change"; change: GrantChange } | { kind: "close" };

export default function GrantShow() {
  const translate = useTranslate();
  const phone = useIsPhone();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const { id } = useParams();
  const grantId = Number(id);
  const { scope, loading: scopeLoading } = useScope();
  const { data: me } = useGetIdentity<{ id: string }>();
  const [error, setError] = useState<string>();
  const [step, setStep] = useState<Step>();
  const [scheduling, setScheduling] = useState(false);
  const [paying, setPaying] = useState<Tranche>();
  const [uploading, setUploading] = useState<Tranche>();
  const [changing, setChanging] = useState(false);

  const { result: g, query } = useOne<Grant>({ resource: "grants", id: grantId, meta: { select: GRANT_SELECT } });
  const byGrant = [{ field: "grant_id", operator: "eq" as const, value: grantId }];
  const tranches = useList<Tranche>({ resource: "grant_tranches", filters: byGrant, pagination: { mode: "off" }, sorters: [{ field: "seq", order: "asc" }], meta: { select: "*, budget_lines(name)" } });
  const vouchers = useList<Voucher>({ resource: "grant_vouchers", filters: byGrant, pagination: { mode: "off" }, sorters: [{ field: "uploaded_at", order: "asc" }] });
  const changes = useList<GrantChange>({ resource: "grant_changes", filters: byGrant, pagination: { mode: "off" }, sorters: [{ field: "requested_at", order: "desc" }] });
  const allocations = useList<AllocationRow>({
    resource: "application_allocations", pagination: { mode: "off" }, meta: { select: "*, budget_lines(name, purpose, is_tilt)" },
    filters: [{ field: "application_id", operator: "eq", value: g?.application_id }], queryOptions: { enabled: !!g },
  });

  // ?upload=<tranche id> (the 上传凭证 button on a 待我处理 card): the upload dialog is open from the start, when
  // this person may upload on that tranche; closing it drops the parameter
  const [params, setParams] = useSearchParams();
  const uploadParam = Number(params.get("upload")) || undefined;
  const closeUpload = () => {
    setUploading(undefined);
    if (uploadParam) setParams((p) => { p.delete("upload"); return p; }, { replace: true });
  };

  if (query.isLoading) return <Skeleton active />;
  if (!g) return <Empty description={translate("grants.grant.notFound")} />;

  const trancheRows = tranches.result?.data ?? [];
  const voucherRows = vouchers.result?.data ?? [];
  const allocationRows = allocations.result?.data ?? [];
  const finance = financeOfGrant(scope, g);
  // the bucket's policies let finance of the scope and the organisation department open the files (not the grantee)
  const readsFiles = finance || hasRole(scope, "org_admin");
  const lineName = (lineId: unknown) => allocationRows.find((a) => a.line_id === Number(lineId))?.budget_lines?.name ?? `#${String(lineId)}`;
  const paid = trancheRows.filter((t) => t.status === "paid").reduce((s, t) => s + Number(t.amount_fen), 0);
  const scheduled = trancheRows.filter((t) => t.status !== "cancelled").reduce((s, t) => s + Number(t.amount_fen), 0);
  const openTranches = trancheRows.filter((t) => OPEN_TRANCHE_STATES.includes(t.status)).length;
  const unvouched = paidWithoutVouchers(trancheRows, voucherRows);
  const room = voucherRoom(trancheRows, voucherRows);
  const periodRunning = g.ends_on >= districtToday().format("YYYY-MM-DD");

  const asked = uploadParam && !scopeLoading ? trancheRows.find((t) => t.id === uploadParam) : undefined;
  const uploadTarget = uploading ?? (asked && canUploadVoucher(scope, g, asked, room) ? asked : undefined);

  const refresh = async () => {
    await Promise.all(GRANT_RESOURCES.map((resource) => invalidate({ resource, invalidates: ["resourceAll"] })));
  };
  const run = async <F extends RpcName>(fn: F, args: RpcArgs<F>, done: string): Promise<boolean> => {
    setError(undefined);
    const { error: e } = await callRpc(fn, args);
    if (e) {
      setError(errorMessage(e));
      return false;
    }
    message.success(done);
    await refresh();
    return true;
  };
  const begin = (s: Step) => {
    setError(undefined);
    setStep(s);
  };
  const openFile = async (v: Voucher) => {
    const url = await voucherFileUrl(v.object_path);
    if (url.error) message.error(errorMessage(url.error));
    else window.open(url.data, "_blank", "noopener");
  };

  const trancheButtons = (t: Tranche) => {
    const can = trancheActions(scope, g, t, me?.id);
    const gated = t.status === "approved" && !previousVouchersReady(trancheRows, t, voucherRows);
    const b = (a: TrancheAction, label: string, onClick: () => void, primary?: boolean, danger?: boolean) =>
      can.includes(a) && (
        <Button key={a} type={primary ? "primary" : "default"} danger={danger} onClick={onClick} data-testid={`tranche-${a}-${t.seq}`}
          disabled={a === "pay" && gated}>{label}</Button>
      );
    return (
      <Space wrap>
        {b("request", translate("grants.tranches.request"), () => begin({ kind: "request", tranche: t }), true)}
        {b("approve", translate("grants.tranches.approve"), () => begin({ kind: "approve", tranche: t }), true)}
        {b("pay", translate("grants.tranches.pay"), () => { setError(undefined); setPaying(t); }, true)}
        {canUploadVoucher(scope, g, t, room) && (
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setUploading(t)} data-testid={`voucher-upload-${t.seq}`}>{translate("grants.vouchers.upload")}</Button>
        )}
        {b("cancel", translate("grants.tranches.cancel"), () => begin({ kind: "cancel", tranche: t }), false, true)}
        {b("return", translate("grants.tranches.return"), () => begin({ kind: "return", tranche: t }), false, true)}
        {gated && can.includes("pay") && <Typography.Text type="warning" style={{ color: "#874d00" }}>{translate("grants.tranches.gated")}</Typography.Text>}
      </Space>
    );
  };

  const voucherList = (t: Tranche) => {
    const rows = voucherRows.filter((v) => v.tranche_id === t.id);
    if (t.status !== "paid" && rows.length === 0) return null;
    return (
      <List size="small" dataSource={rows} locale={{ emptyText: <Typography.Text type="secondary">{translate("grants.vouchers.none")}</Typography.Text> }} data-testid={`vouchers-${t.seq}`}
        header={(
          <Space wrap size={8}>
            <Typography.Text strong>{translate("grants.vouchers.title")}</Typography.Text>
            {t.status === "paid" && (
              <Typography.Text type="secondary" data-testid={`vouchers-cover-${t.seq}`}>
                {translate("grants.vouchers.cover", { filed: formatFen(vouchersFiledOn(voucherRows, t.id)), paid: formatFen(t.amount_fen) })}
              </Typography.Text>
            )}
          </Space>
        )}
        renderItem={(v) => (
          <List.Item data-testid="voucher-row" actions={[
            ...(readsFiles ? [
              <Button key="open" icon={<EyeOutlined />} onClick={() => openFile(v)} aria-label={translate("grants.vouchers.openNamed", { name: v.file_name })}>{translate("grants.vouchers.open")}</Button>,
            ] : []),
            ...(canCheckVoucher(scope, g, v, me?.id) ? [
              <Button key="check" type="primary" onClick={() => begin({ kind: "voucher", voucher: v })} data-testid={`voucher-check-${v.id}`}>{translate("grants.vouchers.check")}</Button>,
            ] : []),
          ]}>
            <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
              <Space size={6} wrap>
                <Typography.Text strong>{formatFen(v.amount_fen)}</Typography.Text>
                <StateTag group="voucherStates" state={v.status} />
                <Typography.Text type="secondary">{v.issued_on}</Typography.Text>
              </Space>
              <Typography.Text style={{ overflowWrap: "anywhere" }}>{v.file_name}{v.description ? ` · ${v.description}` : ""}</Typography.Text>
              {v.reason && <Typography.Text type="secondary" style={{ overflowWrap: "anywhere" }}>{translate("grants.vouchers.reasonIs", { text: v.reason })}</Typography.Text>}
            </Space>
          </List.Item>
        )} />
    );
  };

  const showChange = (c: GrantChange, side: "before" | "after") => {
    const x = (c[side] ?? {}) as Record<string, unknown>;
    if (c.kind === "targets") {
      return translate("grants.changes.targetsValue", { h: x.target_hours ?? "—", p: x.target_people ?? "—", n: x.target_activities ?? "—" });
    }
    return translate("grants.changes.moneyValue", {
      from: lineName(x.from_line_id), fromFen: formatFen(Number(x.from_fen ?? 0)), to: lineName(x.to_line_id), toFen: formatFen(Number(x.to_fen ?? 0)),
    });
  };

  const tranche = step && "tranche" in step ? step.tranche : undefined;
  const trancheSubject = tranche ? translate("grants.tranches.subject", { seq: tranche.seq, no: g.agreement_no, amount: formatFen(tranche.amount_fen) }) : "";

  return (
    <Show title={translate("grants.grant.title", { no: g.agreement_no })} canEdit={false} canDelete={false} headerButtons={() => null}>
      <Space direction="vertical" size={16} style={{ width: "100%" }}>
        <Card size="small" data-testid="grant-summary"
          extra={canCloseGrant(scope, g) && (
            <Button danger icon={<StopOutlined />} onClick={() => begin({ kind: "close" })} data-testid="close-grant">{translate("grants.close.action")}</Button>
          )}>
          <Descriptions column={phone ? 1 : 2} size="small" items={[
            { key: "app", label: translate("grants.fields.title"), children: <Link to={`/grant-applications/${g.application_id}`}>{g.grant_applications?.title}</Link> },
            { key: "status", label: translate("grants.fields.status"), children: <StateTag group="grantStates" state={g.status} /> },
            ...(g.status !== "active" && g.closed_at ? [{
              key: "closed", label: translate("grants.close.closedLabel"),
              children: <span data-testid="grant-closed">{[districtDate(g.closed_at), g.close_reason].filter(Boolean).join(" · ")}</span>,
            }] : []),
            { key: "team", label: translate("grants.fields.team"), children: g.team?.name },
            ...(g.projects ? [{ key: "project", label: translate("grants.fields.project"), children: g.projects.name }] : []),
            { key: "amount", label: translate("grants.fields.amount"), children: <strong data-testid="grant-amount">{formatFen(g.amount_fen)}</strong> },
            { key: "paid", label: translate("grants.grant.paid"), children: <span data-testid="grant-paid">{formatFen(paid)}</span> },
            { key: "period", label: translate("grants.fields.period"), children: `${g.starts_on} ~ ${g.ends_on}` },
            { key: "purpose", label: translate("grants.fields.purpose"), children: translate(`grants.purposes.${g.purpose}`) },
            { key: "targets", label: translate("grants.form.targets"), children: translate("grants.changes.targetsValue", { h: g.target_hours, p: g.target_people, n: g.target_activities }) },
          ]} />
        </Card>

        <Card size="small" title={<h2 className="card-heading">{translate("grants.tranches.title")}</h2>} data-testid="tranches"
          extra={finance && g.status === "active" && (
            <Button icon={<PlusOutlined />} onClick={() => { setError(undefined); setScheduling(true); }} data-testid="schedule-tranche">{translate("grants.tranches.schedule")}</Button>
          )}>
          <Typography.Paragraph type="secondary">
            {translate("grants.tranches.summary", { scheduled: formatFen(scheduled), amount: formatFen(g.amount_fen), paid: formatFen(paid) })}
          </Typography.Paragraph>
          {trancheRows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={translate("grants.tranches.none")} /> : (
            <Space direction="vertical" size={12} style={{ width: "100%" }}>
              {trancheRows.map((t) => (
                <Card key={t.id} size="small" type="inner" data-testid={`tranche-${t.seq}`}
                  title={<Space wrap size={8}><span>{translate("grants.tranches.seq", { seq: t.seq })}</span><strong>{formatFen(t.amount_fen)}</strong><StateTag group="trancheStates" state={t.status} /></Space>}>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                    {[
                      // a leader reads no budget lines: no empty "科目：" then
                      t.budget_lines?.name ? translate("grants.tranches.lineIs", { line: t.budget_lines.name }) : "",
                      translate("grants.tranches.dueIs", { date: t.due_on }),
                      t.paid_on ? translate("grants.tranches.paidIs", { date: t.paid_on }) : "",
                      t.voucher_no ? translate("grants.tranches.voucherNoIs", { no: t.voucher_no }) : "",
                    ].filter(Boolean).join(" · ")}
                  </Typography.Paragraph>
                  {trancheButtons(t)}
                  {voucherList(t)}
                </Card>
              ))}
            </Space>
          )}
        </Card>

        <Card size="small" title={<h2 className="card-heading">{translate("grants.changes.title")}</h2>} data-testid="changes"
          extra={canRequestChange(scope, g) && <Button icon={<DiffOutlined />} onClick={() => { setError(undefined); setChanging(true); }} data-testid="request-change">{translate("grants.changes.request")}</Button>}>
          <List<GrantChange> size="small" dataSource={changes.result?.data ?? []} locale={{ emptyText: <Typography.Text type="secondary">{translate("grants.changes.none")}</Typography.Text> }} data-testid="change-list"
            renderItem={(c) => (
              <List.Item>
                <Space direction="vertical" size={4} style={{ width: "100%", minWidth: 0 }}>
                  <Space size={8} wrap>
                    <Typography.Text strong>{translate(`grants.changes.kinds.${c.kind}`)}</Typography.Text>
                    <StateTag group="changeStates" state={c.status} />
                    <Typography.Text type="secondary">{districtDate(c.requested_at)}</Typography.Text>
                  </Space>
                  <div className="change-diff">
                    <span className="change-before"><Typography.Text type="secondary">{translate("grants.changes.before")}</Typography.Text> {showChange(c, "before")}</span>
                    <span aria-hidden>→</span>
                    <span className="change-after"><Typography.Text type="secondary">{translate("grants.changes.after")}</Typography.Text> <strong>{showChange(c, "after")}</strong></span>
                  </div>
                  {c.reason && <Typography.Text style={{ overflowWrap: "anywhere" }}>{c.reason}</Typography.Text>}
                  {c.decision_reason && <Typography.Text type="secondary" style={{ overflowWrap: "anywhere" }}>{translate("grants.vouchers.reasonIs", { text: c.decision_reason })}</Typography.Text>}
                  {canDecideChange(scope, g, c, me?.id) && (
                    <Button type="primary" onClick={() => begin({ kind: "change", change: c })} data-testid={`change-decide-${c.id}`} style={{ alignSelf: "flex-start" }}>
                      {translate("grants.changes.decide")}
                    </Button>
                  )}
                </Space>
              </List.Item>
            )} />
        </Card>

        <Evaluation grant={g} canEvaluate={finance || hasRole(scope, "org_admin")} canPublish={hasRole(scope, "org_admin")} />
        {g.status !== "active" && <Alert type="info" showIcon message={translate("grants.grant.closed", { status: translate(`grants.grantStates.${g.status}`) })} />}
      </Space>

      <ScheduleModal open={scheduling} grant={g} allocations={allocationRows} error={error} onClose={() => setScheduling(false)}
        onSubmit={(v) => run("schedule_tranche", {
          p_grant_id: g.id, p_line_id: v.line_id, p_amount_fen: v.amount_fen, p_due_on: v.due_on.format("YYYY-MM-DD"), p_note: v.note?.trim() || null,
          p_request_key: newRequestKey(),
        }, translate("grants.done.scheduled"))} />
      <PayModal tranche={paying} grant={g} error={error} onClose={() => setPaying(undefined)}
        onSubmit={(v) => run("pay_tranche", {
          p_tranche_id: paying!.id, p_paid_on: v.paid_on.format("YYYY-MM-DD"), p_voucher_no: v.voucher_no?.trim() || null, p_request_key: newRequestKey(),
        }, translate("grants.done.paid"))} />
      {uploadTarget && (
        <VoucherUploadModal open grantId={g.id} agreementNo={g.agreement_no} tranche={uploadTarget} filed={voucherRows} onClose={closeUpload}
          onDone={() => {
            message.success(translate("grants.done.voucherUploaded"));
            void refresh();
          }} />
      )}
      <ChangeModal open={changing} grant={g} allocations={allocationRows} error={error} onClose={() => setChanging(false)}
        onSubmit={(v: ChangeValues) => run("request_grant_change", {
          p_grant_id: g.id, p_kind: v.kind, p_reason: v.reason?.trim() || null,
          p_after: v.kind === "targets"
            ? { target_hours: v.target_hours ?? 0, target_people: v.target_people ?? 0, target_activities: v.target_activities ?? 0 }
            : { from_line_id: v.from_line_id ?? null, to_line_id: v.to_line_id ?? null, amount_fen: v.amount_fen ?? null },
        }, translate("grants.done.changeRequested"))} />

      <DecisionModal open={step?.kind === "request"} title={translate("grants.tranches.requestTitle")} subject={trancheSubject} okText={translate("grants.tranches.request")}
        error={error} testId="request-modal" onClose={() => setStep(undefined)}
        onSubmit={(d) => run("request_tranche", { p_tranche_id: tranche!.id, p_note: d.reason || null }, translate("grants.done.requested"))} />
      <DecisionModal open={step?.kind === "approve"} title={translate("grants.tranches.approveTitle")} subject={trancheSubject} okText={translate("grants.tranches.approve")}
        error={error} testId="approve-tranche-modal" onClose={() => setStep(undefined)}
        onSubmit={() => run("approve_tranche", { p_tranche_id: tranche!.id }, translate("grants.done.trancheApproved"))} />
      <DecisionModal open={step?.kind === "cancel"} title={translate("grants.tranches.cancelTitle")} subject={trancheSubject} okText={translate("grants.tranches.cancel")} danger reasonRequired
        error={error} testId="cancel-modal" onClose={() => setStep(undefined)}
        onSubmit={(d) => run("cancel_tranche", { p_tranche_id: tranche!.id, p_reason: d.reason }, translate("grants.done.cancelled"))} />
      <DecisionModal open={step?.kind === "return"} title={translate("grants.tranches.returnTitle")} subject={trancheSubject} okText={translate("grants.tranches.return")} danger reasonRequired
        error={error} testId="return-modal" onClose={() => setStep(undefined)}
        onSubmit={(d) => run("return_tranche", { p_tranche_id: tranche!.id, p_reason: d.reason, p_request_key: newRequestKey() }, translate("grants.done.returned"))} />
      <DecisionModal open={step?.kind === "voucher"} title={translate("grants.vouchers.checkTitle")}
        subject={step?.kind === "voucher" ? translate("grants.vouchers.subject", {
          title: g.grant_applications?.title ?? "", no: g.agreement_no, seq: trancheRows.find((t) => t.id === step.voucher.tranche_id)?.seq ?? "",
          name: step.voucher.file_name, amount: formatFen(step.voucher.amount_fen),
        }) : ""}
        notice={step?.kind === "voucher" ? (
          <Button icon={<EyeOutlined />} onClick={() => openFile(step.voucher)} style={{ marginBottom: 12 }}>{translate("grants.vouchers.open")}</Button>
        ) : undefined}
        choices={{ yes: translate("grants.vouchers.verify"), no: translate("grants.vouchers.reject") }} okText={translate("grants.vouchers.verify")}
        error={error} testId="voucher-check-modal" onClose={() => setStep(undefined)}
        onSubmit={(d) => run("verify_voucher", { p_voucher_id: (step as { voucher: Voucher }).voucher.id, p_verified: d.yes, p_reason: d.reason || null },
          translate(d.yes ? "grants.done.voucherVerified" : "grants.done.voucherRejected"))} />
      <DecisionModal open={step?.kind === "close"} title={translate("grants.close.title", { no: g.agreement_no })}
        subject={[
          translate("grants.close.subject", { amount: formatFen(g.amount_fen), paid: formatFen(paid) }),
          ...(openTranches > 0 ? [translate("grants.close.openTranches", { open: openTranches })] : []),
        ].join("")}
        notice={<>
          <Alert type="info" showIcon message={translate("grants.close.notice")} style={{ marginBottom: 12 }} />
          {periodRunning && <Alert type="warning" showIcon data-testid="close-period" style={{ marginBottom: 12 }} message={translate("grants.close.periodRunning", { date: g.ends_on })} />}
          {unvouched.pending + unvouched.missing > 0 && (
            <Alert type="error" showIcon data-testid="close-unvouched" style={{ marginBottom: 12 }}
              message={translate("grants.close.unvouched", { amount: formatFen(unvouched.pending + unvouched.missing) })}
              description={<>
                <ul style={{ margin: "4px 0", paddingInlineStart: 20 }}>
                  {unvouched.pending > 0 && <li>{translate("grants.close.unvouchedPending", { amount: formatFen(unvouched.pending) })}</li>}
                  {unvouched.missing > 0 && <li>{translate("grants.close.unvouchedMissing", { amount: formatFen(unvouched.missing) })}</li>}
                </ul>
                {translate("grants.close.unvouchedHint")}
              </>} />
          )}
        </>}
        choices={{
          yes: translate("grants.close.completed"), no: translate("grants.close.terminated"), label: translate("grants.close.choice"),
          // with something to heed, nothing is chosen in advance
          ...(periodRunning || unvouched.pending + unvouched.missing > 0 ? { unset: { required: translate("grants.close.chooseRequired") } } : {}),
        }}
        okText={translate("grants.close.action")}
        error={error} testId="close-grant-modal" onClose={() => setStep(undefined)}
        onSubmit={(d) => run("close_grant", { p_grant_id: g.id, p_status: d.yes ? "completed" : "terminated", p_reason: d.reason || null },
          translate(d.yes ? "grants.done.completed" : "grants.done.terminated"))} />
      <DecisionModal open={step?.kind === "change"} title={translate("grants.changes.decideTitle")}
        subject={step?.kind === "change" ? (
          <span>{translate(`grants.changes.kinds.${step.change.kind}`)}: {showChange(step.change, "before")} → {showChange(step.change, "after")}</span>
        ) : ""}
        choices={{ yes: translate("grants.changes.approve"), no: translate("grants.changes.reject") }} okText={translate("grants.changes.approve")}
        error={error} testId="change-decide-modal" onClose={() => setStep(undefined)}
        onSubmit={(d) => run("decide_grant_change", { p_change_id: (step as { change: GrantChange }).change.id, p_approve: d.yes, p_reason: d.reason || null },
          translate(d.yes ? "grants.done.changeApproved" : "grants.done.changeRejected"))} />
    </Show>
  );
}
