// One application (申报详情): what is asked for and why, the itemised budget, the measurable targets, the
// lines it was checked against, a timeline of every transition (who, when, why), objections during 公示,
// and the steps this person may take in this state — each confirmed in a dialog naming the application and
// the amount; the database's refusal is shown in that dialog as the one mapped message.
import { CheckOutlined, CloseOutlined, EditOutlined, FlagOutlined, RollbackOutlined, SendOutlined, SolutionOutlined } from "@ant-design/icons";
import { useGetIdentity, useInvalidate, useList, useOne, useTranslate } from "@refinedev/core";
import { Alert, App, Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Table, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { Show } from "../../components/Page";
import { useIsPhone } from "../../components/useIsPhone";
import {
  actorUnitLabel, applicationActions, DEFAULT_WARN_RATIO, LIVE_STATUSES, noticeOver, sameKindThisYear, type ActorUnit, type ApplicationAction,
  type ApplicationStatus,
} from "../../domain/grants";
import { formatFen } from "../../domain/money";
import { districtDate, districtNow } from "../../providers/dayjs";
import { errorMessage } from "../../providers/data";
import { callRpc, useRpcQuery, type RpcArgs, type RpcName, type RpcReturns } from "../../providers/rpc";
import { useScope } from "../../providers/scope";
import { CheckModal, type Allocation } from "./check-modal";
import { DecisionModal, type Decision } from "./decision-modal";
import { ObjectionList, ObjectionModal, ResolveModal } from "./objections";
import {
  APPLICATION_SELECT, type AllocationRow, type Application, type ApprovalRow, type BudgetItemRow, OBJECTION_SELECT, type ObjectionRow, type TransitionRow,
} from "./queries";
import { StatusTag } from "./status";
import "./grants.css";

/** Everything an application's page reads and refetches after a step. */
export const APPLICATION_RESOURCES = [
  "grant_applications", "application_transitions", "application_allocations", "application_approvals", "grant_objections", "grant_objection_contents", "grants",
  "budget_line_balances", "funds_action_counts", "funds_action_items", "application_actor_units",
];

type Dialog = "submit" | "withdraw" | "screen" | "check" | "reject" | "decide" | "objection" | "approve";

export default function ApplicationShow() {
  const translate = useTranslate();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const { id } = useParams();
  const appId = Number(id);
  const { scope } = useScope();
  const { data: me } = useGetIdentity<{ id: string }>();
  const [dialog, setDialog] = useState<Dialog>();
  const [resolving, setResolving] = useState<ObjectionRow>();
  const [error, setError] = useState<string>();
  const staff = scope.some((g) => g.role !== "team_leader");

  const { result: a, query } = useOne<Application>({ resource: "grant_applications", id: appId, meta: { select: APPLICATION_SELECT } });
  const byApp = [{ field: "application_id", operator: "eq" as const, value: appId }];
  const items = useList<BudgetItemRow>({ resource: "application_budget_items", filters: byApp, pagination: { mode: "off" }, sorters: [{ field: "id", order: "asc" }] });
  const transitions = useList<TransitionRow>({ resource: "application_transitions", filters: byApp, pagination: { mode: "off" }, sorters: [{ field: "at", order: "asc" }, { field: "id", order: "asc" }] });
  const allocations = useList<AllocationRow>({ resource: "application_allocations", filters: byApp, pagination: { mode: "off" }, meta: { select: "*, budget_lines(name, purpose, is_tilt)" } });
  const approvals = useList<ApprovalRow>({ resource: "application_approvals", filters: byApp, pagination: { mode: "off" } });
  const objections = useList<ObjectionRow>({ resource: "grant_objections", filters: byApp, pagination: { mode: "off" }, sorters: [{ field: "received_on", order: "asc" }], meta: { select: OBJECTION_SELECT } });
  // what an objection says: staff of the scope only (the leader sees that it exists, its status and outcome)
  const contents = useRpcQuery<{ id: number; content: string }>("grant_objection_contents", { p_application_id: appId }, { enabled: staff });
  const grants = useList<{ id: number; agreement_no: string | null }>({ resource: "grants", filters: byApp, pagination: { mode: "off" }, meta: { select: "id, agreement_no" } });
  const settings = useList<{ two_approval_threshold_fen: number; warn_ratio: number }>({ resource: "fund_settings", pagination: { mode: "off" }, queryOptions: { enabled: staff } });
  const actors = [...new Set((transitions.result?.data ?? []).map((t) => t.actor).filter((x): x is string => !!x))];
  const names = useList<{ user_id: string; display_name: string | null; email: string }>({
    resource: "staff_profiles", pagination: { mode: "off" }, filters: [{ field: "user_id", operator: "in", value: actors }],
    meta: { select: "user_id, display_name, email" }, queryOptions: { enabled: actors.length > 0 },
  });

  const actorUnits = useRpcQuery<ActorUnit>("application_actor_units", { p_application_id: appId });
  // the team's other live applications for the same purpose and year: the decider sees a piece of work split to
  // stay under the two-approval threshold
  const year = a?.period_start?.slice(0, 4);
  const siblings = useList<{ id: number; team_id: number; purpose: string; period_start: string | null; status: ApplicationStatus; amount_requested_fen: number }>({
    resource: "grant_applications", pagination: { mode: "off" }, meta: { select: "id, team_id, purpose, period_start, status, amount_requested_fen" },
    filters: [
      { field: "team_id", operator: "eq", value: a?.team_id }, { field: "purpose", operator: "eq", value: a?.purpose },
      { field: "status", operator: "in", value: LIVE_STATUSES }, { field: "id", operator: "ne", value: appId },
      { field: "period_start", operator: "gte", value: `${year}-01-01` }, { field: "period_start", operator: "lte", value: `${year}-12-31` },
    ],
    queryOptions: { enabled: staff && !!a && !!year && a.status === "checked" },
  });

  if (query.isLoading) return <Skeleton active />;
  if (!a) return <Empty description={translate("grants.applications.notFound")} />;

  const setting = settings.result?.data?.[0];
  const threshold = setting ? Number(setting.two_approval_threshold_fen) : undefined;
  const warnRatio = setting ? Number(setting.warn_ratio) : DEFAULT_WARN_RATIO;
  const approvalRows = approvals.result?.data ?? [];
  const contentOf = new Map((contents.data ?? []).map((c) => [c.id, c.content]));
  const objectionRows: ObjectionRow[] = (objections.result?.data ?? []).map((o) => ({ ...o, content: contentOf.get(o.id) ?? null }));
  const openObjections = objectionRows.filter((o) => o.status === "open").length;
  const today = districtDate();
  const actions = applicationActions(scope, a, {
    me: me?.id, today, openObjections, approvals: approvalRows.map((r) => r.approved_by),
  });
  const can = (x: ApplicationAction) => actions.includes(x);
  const subject = translate("grants.applications.subject", { title: a.title, amount: formatFen(a.amount_requested_fen) });
  const needsTwo = threshold !== undefined && a.amount_requested_fen > threshold;
  const sameKind = sameKindThisYear(a, siblings.result?.data ?? [], threshold);
  // the person where the reader may see staff names; otherwise (a leader) the unit the step was taken for
  const who = (t: Pick<TransitionRow, "id" | "actor">) => {
    if (!t.actor) return "";
    if (t.actor === me?.id) return translate("grants.timeline.you");
    const n = names.result?.data?.find((x) => x.user_id === t.actor);
    const unit = actorUnits.data?.find((u) => u.transition_id === t.id);
    if (n?.display_name || n?.email) return n.display_name || n.email;
    if (!unit) return translate("grants.timeline.someone");
    const label = actorUnitLabel(unit);
    return translate(label.key, { unit: label.unit });
  };
  const grant = grants.result?.data?.[0];

  const refresh = async () => {
    await Promise.all(APPLICATION_RESOURCES.map((resource) => invalidate({ resource, invalidates: ["resourceAll"] })));
  };

  /** Sends one step; a refusal stays in the open dialog, a success closes it and says what happened. */
  const step = async <F extends RpcName>(fn: F, args: RpcArgs<F>, done: string | ((data: RpcReturns<F>) => string)): Promise<boolean> => {
    setError(undefined);
    const { data, error: e } = await callRpc(fn, args);
    if (e) {
      setError(errorMessage(e));
      return false;
    }
    message.success(typeof done === "string" ? done : done(data as RpcReturns<F>));
    await refresh();
    return true;
  };
  const open = (d: Dialog) => {
    setError(undefined);
    setDialog(d);
  };
  const close = () => setDialog(undefined);

  const buttons = (
    <Space wrap data-testid="application-actions">
      {can("edit") && <Button icon={<EditOutlined />} onClick={() => navigate(`/grant-applications/${a.id}/edit`)}>{translate("grants.actions.edit")}</Button>}
      {can("submit") && <Button type="primary" icon={<SendOutlined />} onClick={() => open("submit")} data-testid="action-submit">{translate("grants.actions.submit")}</Button>}
      {can("screen") && <Button type="primary" icon={<SolutionOutlined />} onClick={() => open("screen")} data-testid="action-screen">{translate("grants.actions.screen")}</Button>}
      {can("check") && <Button type="primary" icon={<SolutionOutlined />} onClick={() => open("check")} data-testid="action-check">{translate("grants.actions.check")}</Button>}
      {can("reject") && <Button danger icon={<CloseOutlined />} onClick={() => open("reject")} data-testid="action-reject">{translate("grants.actions.reject")}</Button>}
      {can("decide") && <Button type="primary" icon={<CheckOutlined />} onClick={() => open("decide")} data-testid="action-decide">{translate("grants.actions.decide")}</Button>}
      {can("approve") && <Button type="primary" icon={<CheckOutlined />} onClick={() => open("approve")} data-testid="action-approve">{translate("grants.actions.approve")}</Button>}
      {can("objection") && <Button icon={<FlagOutlined />} onClick={() => open("objection")} data-testid="action-objection">{translate("grants.objections.record")}</Button>}
      {can("withdraw") && <Button danger icon={<RollbackOutlined />} onClick={() => open("withdraw")} data-testid="action-withdraw">{translate("grants.actions.withdraw")}</Button>}
    </Space>
  );

  // a rejected or withdrawn application says why at the top, not only at the end of the timeline
  const ended = a.status === "rejected" || a.status === "withdrawn"
    ? [...(transitions.result?.data ?? [])].reverse().find((t) => t.to_status === a.status) : undefined;
  const waiting = a.status === "in_notice" && !can("approve") && scope.some((g) => g.role === "org_admin")
    ? (!noticeOver(a, today) ? translate("grants.applications.noticeRunning", { date: a.notice_end ?? "" })
      : openObjections ? translate("grants.applications.objectionsOpen", { n: openObjections }) : undefined)
    : undefined;

  return (
    <Show title={a.title} headerButtons={() => (phone ? null : buttons)} canEdit={false} canDelete={false}>
      <Space direction="vertical" size={16} style={{ width: "100%" }}>
        <Space wrap size={8}>
          <StatusTag status={a.status} />
          <Typography.Text strong style={{ fontSize: "1.25em" }} data-testid="application-amount">{formatFen(a.amount_requested_fen)}</Typography.Text>
          {grant && <Link to={`/grants/${grant.id}`} data-testid="grant-link">{translate("grants.applications.openGrant", { no: grant.agreement_no ?? grant.id })}</Link>}
        </Space>
        {phone && buttons}
        {ended?.reason && (
          <Alert type={a.status === "rejected" ? "error" : "info"} showIcon data-testid="application-ended-reason"
            message={translate(a.status === "rejected" ? "grants.applications.rejectedBecause" : "grants.applications.withdrawnBecause",
              { who: who(ended), at: districtNow(ended.at).format("YYYY-MM-DD"), reason: ended.reason })} />
        )}
        {waiting && <Alert type="info" showIcon message={waiting} />}
        {a.status === "checked" && needsTwo && (
          <Alert type="info" showIcon data-testid="two-approvals"
            message={translate("grants.applications.twoApprovals", { threshold: formatFen(threshold!), n: approvalRows.length })} />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card size="small" title={<h2 className="card-heading">{translate("grants.applications.summary")}</h2>}>
              <Descriptions column={1} size="small" items={[
                { key: "team", label: translate("grants.fields.team"), children: a.team?.name },
                { key: "purpose", label: translate("grants.fields.purpose"), children: translate(`grants.purposes.${a.purpose}`) },
                ...(a.projects ? [{ key: "project", label: translate("grants.fields.project"), children: a.projects.name }] : []),
                ...(a.venue_name ? [{ key: "venue", label: translate("grants.fields.venue"), children: a.venue_name }] : []),
                ...(a.activity ? [{ key: "activity", label: translate("grants.fields.activity"), children: a.activity }] : []),
                { key: "period", label: translate("grants.fields.period"), children: `${a.period_start ?? ""} ~ ${a.period_end ?? ""}` },
                ...(a.notice_start ? [{ key: "notice", label: translate("grants.fields.notice"), children: `${a.notice_start} ~ ${a.notice_end ?? ""}` }] : []),
                { key: "summary", label: translate("grants.fields.summary"), children: <span style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{a.summary || "—"}</span> },
              ]} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={<h2 className="card-heading">{translate("grants.form.targets")}</h2>} data-testid="application-targets">
              <Descriptions column={1} size="small" items={[
                { key: "h", label: translate("grants.fields.targetHours"), children: a.target_hours ?? "—" },
                { key: "p", label: translate("grants.fields.targetPeople"), children: a.target_people ?? "—" },
                { key: "n", label: translate("grants.fields.targetActivities"), children: a.target_activities ?? "—" },
              ]} />
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={<h2 className="card-heading">{translate("grants.fields.budgetItems")}</h2>}>
              <Table<BudgetItemRow> size="small" rowKey="id" pagination={false} dataSource={items.result?.data ?? []} loading={items.query.isLoading}
                data-testid="budget-items" locale={{ emptyText: translate("common.empty") }}
                summary={(rows) => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}><strong>{translate("grants.form.total")}</strong></Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right"><strong>{formatFen(rows.reduce((s, r) => s + Number(r.amount_fen), 0))}</strong></Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
                columns={[
                  { title: translate("grants.form.itemName"), dataIndex: "item", render: (v: string) => <span style={{ overflowWrap: "anywhere" }}>{v}</span> },
                  { title: translate("grants.fields.amount"), dataIndex: "amount_fen", align: "right", width: 140, render: (v: number) => formatFen(v) },
                ]} />
            </Card>
            {/* the lines' names are finance's and the organisation department's to read (a leader sees none) */}
            {(allocations.result?.data ?? []).some((r) => r.budget_lines) && (
              <Card size="small" style={{ marginTop: 16 }} title={<h2 className="card-heading">{translate("grants.applications.allocations")}</h2>}>
                <Table<AllocationRow> size="small" rowKey="id" pagination={false} dataSource={allocations.result?.data ?? []} data-testid="allocations"
                  columns={[
                    { title: translate("grants.check.line"), render: (_, r) => (
                      <Space size={4} wrap>{r.budget_lines?.name}{r.budget_lines?.is_tilt && <Tag color="gold">{translate("grants.check.tilt")}</Tag>}</Space>
                    ) },
                    { title: translate("grants.fields.amount"), dataIndex: "amount_fen", align: "right", width: 140, render: (v: number) => formatFen(v) },
                  ]} />
              </Card>
            )}
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={<h2 className="card-heading">{translate("grants.timeline.title")}</h2>} data-testid="application-timeline">
              <Timeline items={(transitions.result?.data ?? []).map((t) => ({
                key: t.id,
                color: t.to_status === "rejected" || t.to_status === "withdrawn" ? "red" : t.to_status === "approved" ? "green" : "blue",
                children: (
                  <div>
                    <Typography.Text strong>{translate(`grants.timeline.to.${t.to_status}`)}</Typography.Text>
                    <Typography.Text type="secondary"> · {who(t)} · <span style={{ whiteSpace: "nowrap" }}>{districtNow(t.at).format("YYYY-MM-DD HH:mm")}</span></Typography.Text>
                    {t.reason && <Typography.Text className="app-timeline-reason">{t.reason}</Typography.Text>}
                  </div>
                ),
              }))} />
            </Card>
            {(a.status === "in_notice" || (objections.result?.data?.length ?? 0) > 0) && (
              <Card size="small" style={{ marginTop: 16 }} title={<h2 className="card-heading">{translate("grants.objections.title")}</h2>}>
                <ObjectionList rows={objectionRows} canResolve={can("resolveObjection")} onResolve={(o) => { setError(undefined); setResolving(o); }} />
              </Card>
            )}
          </Col>
        </Row>
      </Space>

      <DecisionModal open={dialog === "submit"} title={translate("grants.actions.submitTitle")} subject={subject} okText={translate("grants.actions.submit")}
        error={error} testId="submit-modal" onClose={close}
        onSubmit={() => step("submit_application", { p_id: a.id }, translate("grants.done.submitted"))} />
      <DecisionModal open={dialog === "withdraw"} title={translate("grants.actions.withdrawTitle")} subject={subject} okText={translate("grants.actions.withdraw")} danger
        error={error} testId="withdraw-modal" onClose={close}
        onSubmit={(d) => step("withdraw_application", { p_id: a.id, p_reason: d.reason || null }, translate("grants.done.withdrawn"))} />
      <DecisionModal open={dialog === "screen"} title={translate("grants.actions.screenTitle")} subject={subject}
        choices={{ yes: translate("grants.actions.pass"), no: translate("grants.actions.reject") }} okText={translate("grants.actions.pass")}
        error={error} testId="screen-modal" onClose={close}
        onSubmit={(d: Decision) => step("screen_application", { p_id: a.id, p_pass: d.yes, p_reason: d.reason || null },
          translate(d.yes ? "grants.done.screened" : "grants.done.rejected"))} />
      <DecisionModal open={dialog === "reject"} title={translate("grants.actions.rejectTitle")} subject={subject} okText={translate("grants.actions.reject")} danger reasonRequired
        notice={a.status === "in_notice" ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={translate("grants.actions.rejectReleases")} /> : undefined}
        error={error} testId="reject-modal" onClose={close}
        onSubmit={(d) => step("reject_application", { p_id: a.id, p_reason: d.reason }, translate("grants.done.rejected"))} />
      <DecisionModal open={dialog === "decide"} title={translate("grants.actions.decideTitle")} subject={subject}
        choices={{ yes: translate("grants.actions.approveDecision"), no: translate("grants.actions.reject") }} okText={translate("grants.actions.approveDecision")}
        notice={<>
          {needsTwo && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={translate(approvalRows.length ? "grants.actions.secondApproval" : "grants.actions.firstApproval", { threshold: formatFen(threshold!) })} />}
          {sameKind.n > 0 && (
            <Alert type={sameKind.splitOver ? "warning" : "info"} showIcon style={{ marginBottom: 12 }} data-testid="same-kind"
              message={translate("grants.actions.sameKind", {
                year, n: sameKind.n, purpose: translate(`grants.purposes.${a.purpose}`), others: formatFen(sameKind.othersFen), all: formatFen(sameKind.allFen),
              })}
              description={sameKind.splitOver ? translate("grants.actions.sameKindOver", { threshold: formatFen(threshold!) }) : undefined} />
          )}
        </>}
        error={error} testId="decide-modal" onClose={close}
        onSubmit={(d) => step("decide_application", { p_id: a.id, p_approve: d.yes, p_reason: d.reason || null },
          (status) => translate(!d.yes ? "grants.done.rejected" : status === "checked" ? "grants.done.firstApproval" : "grants.done.inNotice"))} />
      <DecisionModal open={dialog === "approve"} title={translate("grants.actions.approveTitle")} subject={subject} okText={translate("grants.actions.approve")}
        error={error} testId="approve-modal" onClose={close}
        onSubmit={() => step("approve_application", { p_id: a.id }, translate("grants.done.approved"))} />
      {dialog === "check" && (
        <CheckModal open application={a} warnRatio={warnRatio} error={error} onClose={close}
          onSubmit={(allocations: Allocation[], reason) => step("check_application",
            { p_id: a.id, p_allocations: allocations, p_reason: reason || null }, translate("grants.done.checked"))} />
      )}
      <ObjectionModal open={dialog === "objection"} subject={subject} error={error} onClose={close}
        onSubmit={(v) => step("record_objection", { p_application_id: a.id, p_received_on: v.received_on, p_content: v.content },
          translate("grants.done.objectionRecorded"))} />
      <ResolveModal objection={resolving} error={error} onClose={() => setResolving(undefined)}
        onSubmit={(v) => step("resolve_objection", { p_objection_id: resolving!.id, p_upheld: v.upheld, p_resolution: v.resolution },
          translate("grants.done.objectionResolved"))} />
    </Show>
  );
}
