// Ratings of projects and teams (定星、评星、授星) in a round: self-assessment by the subject's leader or
// admin, review by another admin of the scope (the star level follows from the bands), award with a
// certificate for three stars and above. The database checks every step (RPCs).
import { PlusOutlined, PrinterOutlined } from "@ant-design/icons";
import { useTable } from "@refinedev/antd";
import { useCan, useGetIdentity, useList, useTranslate } from "@refinedev/core";
import { Alert, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_ORANGE, CHART_RED, CHART_TEXT, ChartCard } from "../../components/ChartCard";
import { RecordCard, ResponsiveTable, useIsPhone } from "../../components/Responsive";
import { Stars } from "../../components/Stars";
import { UnitSelect } from "../../components/UnitSelect";
import { commended, ratingStar, type RatingStatus } from "../../domain/rating";
import { canEditRoster, manages } from "../../domain/scope";
import { stars } from "../../domain/stars";
import { districtToday } from "../../providers/dayjs";
import { useRequestKey, useRpcAction, useRpcQuery, type RpcArgs, type RpcName, type RpcReturns } from "../../providers/rpc";
import { useScope } from "../../providers/scope";
import type { NamedRef, Rating, RatingCriterion, RatingRound } from "../../types/app";
import { List } from "../../components/Page";

const SELECT = "*, projects(name), team:org_units!team_id(name), unit:org_units!unit_id(name, street_id, community_id, district_id), rating_scores(criterion_id, self_score, review_score)";
const STATUS_COLORS: Record<RatingStatus, string> = { self_assessed: "blue", reviewed: "orange", awarded: "green" };
const DEFAULT_CRITERIA: [string, number][] = [["组织建设", 20], ["服务成效", 30], ["群众满意度", 20], ["创新特色", 15], ["宣传影响", 15]];
const animate = !window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;

type ScoreMode = { kind: "self" } | { kind: "review"; rating: Rating };

export default function RatingList() {
  const translate = useTranslate();
  const phone = useIsPhone();
  const { scope } = useScope();
  const { data: me } = useGetIdentity<{ id: string }>();
  const [chosenRoundId, setRoundId] = useState<number>();
  const [scoring, setScoring] = useState<ScoreMode>();
  const [newRound, setNewRound] = useState(false);
  const [scoreForm] = Form.useForm();
  const [roundForm] = Form.useForm();

  const { result: rounds } = useList<RatingRound>({ resource: "rating_rounds", pagination: { mode: "off" }, sorters: [{ field: "year", order: "desc" }] });
  // the open round (or the newest) until the user picks one
  const roundId = chosenRoundId ?? (rounds?.data.find((r) => !r.closed) ?? rounds?.data[0])?.id;
  const round = rounds?.data.find((r) => r.id === roundId);
  const { result: criteria } = useList<RatingCriterion>({
    resource: "rating_criteria", filters: [{ field: "round_id", operator: "eq", value: roundId }], sorters: [{ field: "sort_order", order: "asc" }],
    pagination: { mode: "off" }, queryOptions: { enabled: !!roundId },
  });
  const { result: projects } = useList<NamedRef & { org_units: { id: number; district_id: number | null; street_id: number | null } | null }>({
    resource: "projects", pagination: { mode: "off" }, meta: { select: "id, name, org_units(id, district_id, street_id)" },
  });
  const { tableProps } = useTable<Rating>({
    resource: "ratings", meta: { select: SELECT },
    filters: { permanent: [{ field: "round_id", operator: "eq", value: roundId }] },
    sorters: { initial: [{ field: "id", order: "asc" }] },
    pagination: { pageSize: 15 }, syncWithLocation: false, queryOptions: { enabled: !!roundId },
  });
  // refetched with the table after every rating write (call below), so a review or an award shows at once
  const { data: summary } = useRpcQuery<{ subject_kind: string; star_level: number; ratings: number }>(
    "rating_star_summary", { p_round_id: roundId }, { enabled: !!roundId });
  const chart = useMemo(() => [1, 2, 3, 4, 5].map((s) => ({
    star: translate("dashboard.starLabel", { n: s }),
    project: summary?.find((r) => r.subject_kind === "project" && r.star_level === s)?.ratings ?? 0,
    team: summary?.find((r) => r.subject_kind === "team" && r.star_level === s)?.ratings ?? 0,
  })), [summary, translate]);

  const maxTotal = (criteria?.data ?? []).reduce((a, c) => a + Number(c.max_score), 0);
  const subjectName = (r: Rating) => r.projects?.name ?? r.team?.name ?? "";
  const unitRef = (r: Rating) => ({ id: r.unit_id, street_id: r.unit?.street_id, community_id: r.unit?.community_id, district_id: r.unit?.district_id });

  const run = useRpcAction();
  const { data: canCreateRound } = useCan({ resource: "ratings", action: "createRound" });
  const { data: canSelfAssess } = useCan({ resource: "ratings", action: "selfAssess" });
  const roundKey = useRequestKey(newRound);
  const call = async <F extends RpcName>(fn: F, args: RpcArgs<F>, ok: (data: RpcReturns<F>) => string) => {
    const r = await run(fn, args, ok, ["ratings", "rating_star_summary"]);
    return r.ok;
  };

  const submitScores = async (v: { subject?: string; scores: Record<string, number> }) => {
    if (!scoring || !roundId) return;
    const ok = scoring.kind === "self"
      ? await call("self_assess_rating", {
        p_round_id: roundId, p_subject_kind: v.subject!.split(":")[0] as "project" | "team", p_subject_id: Number(v.subject!.split(":")[1]), p_scores: v.scores,
      }, () => translate("notifications.success"))
      : await call("review_rating", { p_rating_id: scoring.rating.id, p_scores: v.scores }, (star) => `${translate("ratings.star")}：${stars(Number(star))}`);
    if (ok) setScoring(undefined);
  };

  const openScores = (mode: ScoreMode) => {
    scoreForm.resetFields();
    if (mode.kind === "review") {
      scoreForm.setFieldsValue({ scores: Object.fromEntries((mode.rating.rating_scores ?? []).map((s) => [s.criterion_id, Number(s.review_score ?? s.self_score)])) });
    }
    setScoring(mode);
  };
  const typedTotal = Object.values((Form.useWatch("scores", scoreForm) ?? {}) as Record<string, number>).reduce((a, b) => a + (Number(b) || 0), 0);

  const subjects = (projects?.data ?? []).filter((p) => p.org_units && manages(scope, p.org_units))
    .map((p) => ({ value: `project:${p.id}`, label: `${translate("ratings.kinds.project")} · ${p.name}` }));

  const rowActions = (r: Rating, size?: "small") => (
    <Space size={4} wrap>
      {r.status !== "awarded" && manages(scope, unitRef(r)) && r.submitted_by !== me?.id && round && !round.closed && (
        <Button size={size} onClick={() => openScores({ kind: "review", rating: r })}>{translate("ratings.review")}</Button>
      )}
      {r.status === "reviewed" && manages(scope, unitRef(r)) && (
        <Popconfirm title={translate("lists.awardConfirm", { subject: subjectName(r), stars: r.star_level ? translate("dashboard.starLabel", { n: r.star_level }) : "" })}
          okText={translate("ratings.award")} onConfirm={() => call("award_rating", { p_rating_id: r.id }, () => translate("notifications.success"))}>
          <Button size={size} type="primary">{translate("ratings.award")}</Button>
        </Popconfirm>
      )}
      {r.status === "awarded" && commended(r.star_level) && (
        <Link to={`/certificates/rating/${r.id}`}><Button size={size} icon={<PrinterOutlined />}>{translate("ratings.certificate")}</Button></Link>
      )}
    </Space>
  );

  return (
    <List
      title={translate("ratings.title")}
      headerButtons={() => (
        <Space wrap>
          <Select style={{ width: phone ? "100%" : 260, minWidth: 200 }} value={roundId} onChange={setRoundId} data-testid="round-select" aria-label={translate("ratings.round")}
            options={(rounds?.data ?? []).map((r) => ({ value: r.id, label: `${r.name}${r.closed ? `（${translate("ratings.closed")}）` : ""}` }))} />
          <Link to="/honours"><Button>{translate("ratings.honours")}</Button></Link>
          {round && !round.closed && canSelfAssess?.can && <Button type="primary" icon={<PlusOutlined />} onClick={() => openScores({ kind: "self" })}>{translate("ratings.selfAssess")}</Button>}
          {canCreateRound?.can && <Button onClick={() => { roundForm.resetFields(); setNewRound(true); }}>{translate("ratings.newRound")}</Button>}
        </Space>
      )}
    >
      <div style={{ marginBottom: 16 }}>
        <ChartCard title={translate("ratings.summary")} description={translate("lists.chartRatings")} testId="chart-ratings"
          loading={!summary && !!roundId} empty={false} rows={chart} rowKey={(r) => r.star} columns={[
            { title: translate("ratings.star"), value: (r) => r.star },
            { title: translate("ratings.kinds.project"), value: (r) => r.project, align: "right" },
            { title: translate("ratings.kinds.team"), value: (r) => r.team, align: "right" },
          ]} footer={<Typography.Text type="secondary">{translate("ratings.bandsHint")}</Typography.Text>}>
          <ResponsiveContainer width="100%" height={180}>
            <BarChart data={chart} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="star" tick={{ fill: CHART_TEXT }} />
              <YAxis allowDecimals={false} tick={{ fill: CHART_TEXT }} />
              <Tooltip />
              <Legend wrapperStyle={{ color: CHART_TEXT }} />
              <Bar dataKey="project" name={translate("ratings.kinds.project")} fill={CHART_RED} isAnimationActive={animate} />
              <Bar dataKey="team" name={translate("ratings.kinds.team")} fill={CHART_ORANGE} isAnimationActive={animate} />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
      </div>
      <ResponsiveTable<Rating> {...tableProps} rowKey="id" locale={{ emptyText: translate("common.empty") }} data-testid="ratings-table"
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }) }}
        card={(r) => (
          <RecordCard testId="rating-card" title={subjectName(r)}
            extra={<Tag color={STATUS_COLORS[r.status]}>{translate(`ratings.statuses.${r.status}`)}</Tag>}
            fields={[
              { label: translate("ratings.kind"), value: `${translate(`ratings.kinds.${r.subject_kind}`)} · ${r.unit?.name ?? ""}` },
              { label: translate("ratings.selfTotal"), value: r.self_total ?? "—" },
              { label: translate("ratings.reviewTotal"), value: r.review_total ?? "—" },
              { label: translate("ratings.star"), value: r.star_level ? <Stars level={r.star_level} /> : "—" },
            ]}
            actions={rowActions(r)} />
        )}>
        <Table.Column<Rating> title={translate("ratings.subject")} render={(_, r) => <b>{subjectName(r)}</b>} />
        <Table.Column<Rating> dataIndex="subject_kind" title={translate("ratings.kind")} render={(k) => translate(`ratings.kinds.${k}`)} />
        <Table.Column<Rating> title={translate("ratings.unit")} render={(_, r) => r.unit?.name} />
        <Table.Column<Rating> dataIndex="status" title={translate("ratings.status")} render={(s: RatingStatus) => <Tag color={STATUS_COLORS[s]}>{translate(`ratings.statuses.${s}`)}</Tag>} />
        <Table.Column<Rating> dataIndex="self_total" title={translate("ratings.selfTotal")} align="right" sorter />
        <Table.Column<Rating> dataIndex="review_total" title={translate("ratings.reviewTotal")} align="right" sorter />
        <Table.Column<Rating> dataIndex="star_level" title={translate("ratings.star")} sorter render={(s: number | null) => (s ? <Stars level={s} /> : "—")} />
        <Table.Column<Rating> title={translate("table.actions")} render={(_, r) => rowActions(r, "small")} />
      </ResponsiveTable>

      <Modal open={!!scoring} title={scoring?.kind === "review" ? translate("lists.reviewTitle", { subject: subjectName(scoring.rating), round: round?.name ?? "" }) : translate("lists.selfAssessTitle", { round: round?.name ?? "" })}
        onCancel={() => setScoring(undefined)} onOk={() => scoreForm.submit()} destroyOnHidden>
        <Form form={scoreForm} layout="horizontal" labelCol={{ span: 10 }} onFinish={submitScores} preserve={false}>
          {scoring?.kind === "self" && (
            <Form.Item name="subject" label={translate("ratings.subject")} rules={[{ required: true }]} labelCol={{ span: 6 }}>
              <SubjectSelect projects={subjects} />
            </Form.Item>
          )}
          {(criteria?.data ?? []).map((c) => (
            <Form.Item key={c.id} name={["scores", String(c.id)]} label={`${c.name}（${translate("ratings.maxScore")} ${c.max_score}）`} rules={[{ required: true }]}>
              <InputNumber min={0} max={Number(c.max_score)} step={0.5} />
            </Form.Item>
          ))}
        </Form>
        {maxTotal > 0 && (
          <Alert type="info" showIcon message={`${translate("ratings.total")}：${typedTotal} / ${maxTotal} → ${stars(ratingStar(typedTotal, maxTotal, round?.star_bands.map(Number)))}`} />
        )}
      </Modal>

      <Modal open={newRound} title={translate("ratings.newRound")} onCancel={() => setNewRound(false)} onOk={() => roundForm.submit()} destroyOnHidden>
        <Form form={roundForm} layout="vertical" initialValues={{ year: districtToday().year() }} onFinish={async (v: { name: string; year: number; org_unit_id: number }) => {
          const r = await run("create_rating_round", {
            p_name: v.name.trim(), p_year: v.year, p_org_unit_id: v.org_unit_id, p_request_key: roundKey,
            p_criteria: DEFAULT_CRITERIA.map(([name, max_score]) => ({ name, max_score })),
          }, undefined, ["rating_rounds", "rating_criteria"]);
          if (!r.ok) return;
          setNewRound(false);
          setRoundId(r.data);
        }}>
          <Form.Item name="name" label={translate("ratings.round")} rules={[{ required: true, whitespace: true }, { max: 60 }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="year" label={translate("ratings.year")} rules={[{ required: true }]}><InputNumber min={2015} max={2100} /></Form.Item>
          <Form.Item name="org_unit_id" label={translate("common.scope")} rules={[{ required: true }]}><UnitSelect levels={["district", "street"]} managedOnly /></Form.Item>
          <Typography.Text type="secondary">{translate("ratings.criteria")}：{DEFAULT_CRITERIA.map(([n, m]) => `${n} ${m}`).join("、")}</Typography.Text>
        </Form>
      </Modal>
    </List>
  );
}

// Teams the user leads or manages, and projects of the units they manage: what they may self-assess.
function SubjectSelect(props: { projects: { value: string; label: string }[]; value?: string; onChange?: (v: string) => void }) {
  const translate = useTranslate();
  const { scope } = useScope();
  const { result } = useList<{ id: number; name: string; street_id: number; community_id: number; district_id: number }>({
    resource: "org_units", filters: [{ field: "level", operator: "eq", value: "team" }], pagination: { mode: "off" },
    meta: { select: "id, name, street_id, community_id, district_id" }, sorters: [{ field: "id", order: "asc" }],
  });
  const teams = (result?.data ?? []).filter((u) => canEditRoster(scope, u));
  return (
    <Select showSearch optionFilterProp="label" value={props.value} onChange={props.onChange} placeholder={translate("ratings.pickSubject")}
      aria-label={translate("ratings.subject")} data-testid="rating-subject"
      options={[...teams.map((u) => ({ value: `team:${u.id}`, label: `${translate("ratings.kinds.team")} · ${u.name}` })), ...props.projects]} />
  );
}
