// 绩效 of a grant: targets against actuals taken from the approved service records of the team (or project)
// in the grant period — hours, distinct people, activities — the money paid, cost per approved hour, the
// achievement and the grade (performance_grades, kept as data). Finance of the scope or the organisation
// department (re)evaluates until it is published; the organisation department publishes.
import { useInvalidate, useList, useTranslate } from "@refinedev/core";
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { evaluationDue } from "../../domain/grants";
import { formatFen } from "../../domain/money";
import { errorMessage } from "../../providers/data";
import { districtToday } from "../../providers/dayjs";
import { callRpc } from "../../providers/rpc";
import type { Tables } from "../../types/database";
import type { Grant } from "./queries";

type EvaluationRow = Tables<"grant_evaluations">;

export function Evaluation({ grant, canEvaluate, canPublish }: { grant: Grant; canEvaluate: boolean; canPublish: boolean }) {
  const translate = useTranslate();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [busy, setBusy] = useState(false);
  const { result } = useList<EvaluationRow>({ resource: "grant_evaluations", filters: [{ field: "grant_id", operator: "eq", value: grant.id }], pagination: { mode: "off" } });
  const grades = useList<{ grade: string; label: string }>({ resource: "performance_grades", pagination: { mode: "off" } });
  const e = result?.data?.[0];
  const due = evaluationDue(grant, districtToday().format("YYYY-MM-DD"));
  const label = (grade: string) => grades.result?.data?.find((g) => g.grade === grade)?.label ?? grade;

  const call = async (fn: "evaluate_grant" | "publish_evaluation", done: string) => {
    setBusy(true);
    const { error } = fn === "evaluate_grant"
      ? await callRpc("evaluate_grant", { p_grant_id: grant.id })
      : await callRpc("publish_evaluation", { p_grant_id: grant.id, p_published: true });
    setBusy(false);
    if (error) return message.error(errorMessage(error));
    message.success(done);
    await invalidate({ resource: "grant_evaluations", invalidates: ["resourceAll"] });
  };

  const rows = e ? [
    { key: "h", what: translate("grants.fields.targetHours"), target: Number(e.target_hours), actual: Number(e.actual_hours) },
    { key: "p", what: translate("grants.fields.targetPeople"), target: e.target_people, actual: e.actual_people },
    { key: "n", what: translate("grants.fields.targetActivities"), target: e.target_activities, actual: e.actual_activities },
  ] : [];

  return (
    <Card size="small" title={<h2 className="card-heading">{translate("grants.evaluation.title")}</h2>} data-testid="evaluation"
      extra={(
        <Space wrap>
          {canEvaluate && !e?.published && !due && (
            <Typography.Text type="secondary" data-testid="evaluation-after-end">{translate("grants.evaluation.afterEnd", { date: grant.ends_on })}</Typography.Text>
          )}
          {canEvaluate && !e?.published && due && (
            <Popconfirm title={translate("grants.evaluation.evaluateConfirm", { no: grant.agreement_no })} onConfirm={() => call("evaluate_grant", translate("grants.done.evaluated"))}
              okButtonProps={{ "data-testid": "evaluate-confirm" }}>
              <Button loading={busy} data-testid="evaluate-grant">{translate(e ? "grants.evaluation.reevaluate" : "grants.evaluation.evaluate")}</Button>
            </Popconfirm>
          )}
          {canPublish && e && !e.published && (
            <Popconfirm title={translate("grants.evaluation.publishConfirm", { no: grant.agreement_no })} onConfirm={() => call("publish_evaluation", translate("grants.done.published"))}
              okButtonProps={{ "data-testid": "publish-confirm" }}>
              <Button type="primary" loading={busy} data-testid="publish-evaluation">{translate("grants.evaluation.publish")}</Button>
            </Popconfirm>
          )}
        </Space>
      )}>
      {!e ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={translate("grants.evaluation.none")} /> : (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Space wrap size={8}>
            <Typography.Text strong style={{ fontSize: "1.25em" }} data-testid="evaluation-grade">{label(e.grade)}</Typography.Text>
            <Typography.Text>{translate("grants.evaluation.achievement", { pct: Math.round(Number(e.achievement) * 1000) / 10 })}</Typography.Text>
            <Tag color={e.published ? "green" : "default"} data-testid="evaluation-published">{translate(e.published ? "grants.evaluation.published" : "grants.evaluation.unpublished")}</Tag>
          </Space>
          <Table size="small" pagination={false} rowKey="key" dataSource={rows} data-testid="evaluation-measures" columns={[
            { title: translate("grants.evaluation.measure"), dataIndex: "what" },
            { title: translate("grants.evaluation.target"), dataIndex: "target", align: "right" },
            { title: translate("grants.evaluation.actual"), dataIndex: "actual", align: "right" },
          ]} />
          <Typography.Text type="secondary">
            {translate("grants.evaluation.money", {
              paid: formatFen(e.paid_fen), perHour: e.cost_per_hour_fen == null ? "—" : formatFen(e.cost_per_hour_fen),
              from: e.period_start, to: e.period_end,
            })}
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}
