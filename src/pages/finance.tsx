// The finance dashboard of the caller's scope for a fiscal year: money by stream (专项 / 民间 / 重点倾) over
// five years, a thermometer per budget line, disbursements per month, allocation per street, the share that
// reached featured and ≥3★ projects with its concentration (Lorenz) curve against an even spread — drip
// irrigation or pepper? — and cost per approved service hour by project; links to each alliance member's
// printable statement. Every figure is an SQL function's (the caller's rights); every chart has its
// numbers as a table (ChartCard).
import { useList, useTranslate } from "@refinedev/core";
import { Card, Col, Empty, Row, Skeleton, Space, Statistic, Typography } from "antd";
import { useMemo } from "react";
import { Link } from "react-router";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_GREY, CHART_ORANGE, CHART_RED, CHART_TEXT, ChartCard } from "../components/ChartCard";
import { PageTitle } from "../components/PageTitle";
import { useIsPhone } from "../components/useIsPhone";
import { actionLink } from "../domain/grants";
import { formatFen, formatFenShort, ratio } from "../domain/money";
import { getLocale } from "../providers/i18n";
import { useRpcQuery } from "../providers/rpc";
import { useFinanceYear, YearSelect } from "../resources/funds/FinanceYear";
import {
  STREAMS, type ActionCount, type CostPerHour, type LineBalance, type LorenzPoint, type MonthPaid, type Stream, type StreamYear, type StreetAllocation, type TiltShare,
} from "../resources/funds/queries";
import { Thermometer } from "../resources/funds/Thermometer";
import "./dashboard.css";
import "../resources/funds/funds.css";

const STREAM_COLORS: Record<Stream, string> = { district: CHART_RED, partner: CHART_ORANGE, tilt: "#262626" };
/** The counts this page shows (finance.actions words them); each links where it is done (actionLink). */
const TODO = ["check", "decide", "second_approval", "approve_after_notice", "objections_open", "tranche_approve", "tranche_pay", "voucher_check", "change_decide"];
const animate = !window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
const tick = { fill: CHART_TEXT, fontSize: 12 };
const pct = (v: number | string | null | undefined) => `${(Number(v ?? 0) * 100).toFixed(1)}%`;

export default function FinanceDashboardPage() {
  const translate = useTranslate();
  const phone = useIsPhone();
  const lang = getLocale();
  const [year, setYear, years] = useFinanceYear();
  const short = (v: unknown) => formatFenShort(Number(v ?? 0), lang);
  const full = (v: unknown) => formatFen(Number(v ?? 0));

  const streams = useRpcQuery<StreamYear>("finance_money_by_stream", { p_from_year: year - 4, p_to_year: year });
  const months = useRpcQuery<MonthPaid>("finance_disbursements_by_month", { p_from: `${year}-01-01`, p_to: `${year}-12-31`, p_street_id: null });
  const streets = useRpcQuery<StreetAllocation>("finance_by_street", { p_year: year });
  const share = useRpcQuery<TiltShare>("finance_tilt_share", { p_year: year });
  const lorenz = useRpcQuery<LorenzPoint>("finance_concentration", { p_year: year });
  const cost = useRpcQuery<CostPerHour>("finance_cost_per_hour", { p_year: year });
  const actions = useRpcQuery<ActionCount>("funds_action_counts", {});
  const { result: lines, query: linesQuery } = useList<LineBalance>({
    resource: "budget_line_balances", pagination: { mode: "off" }, filters: [{ field: "fiscal_year", operator: "eq", value: year }],
    sorters: [{ field: "amount_fen", order: "desc" }],
  });
  const { result: settings } = useList<{ warn_ratio: number | string }>({ resource: "fund_settings", pagination: { mode: "off" } });
  const warnRatio = Number(settings?.data?.[0]?.warn_ratio ?? 0.9);
  const { result: partners } = useList<{ id: number; name: string }>({ resource: "alliance_partners", pagination: { mode: "off" }, sorters: [{ field: "name", order: "asc" }] });

  const streamLabel = (st: string) => translate(`finance.streams.${st}`);
  // one row per year with a column per stream (the chart's shape); the table lists the rows as they came
  const byYear = useMemo(() => {
    const m = new Map<number, Record<string, number>>();
    for (let y = year - 4; y <= year; y++) m.set(y, { fiscal_year: y });
    for (const r of streams.data ?? []) {
      const row = m.get(r.fiscal_year);
      if (row) row[r.stream] = Number(r.budget_fen);
    }
    return [...m.values()];
  }, [streams.data, year]);
  const byMonth = useMemo(() => {
    // twelve months with a column per stream: what was paid out (returns are in the table)
    const m = new Map<string, Record<string, string | number>>();
    for (let i = 1; i <= 12; i++) {
      const key = `${year}-${String(i).padStart(2, "0")}`;
      m.set(key, { month: key, label: translate("dashboard.monthLabel", { m: i }) });
    }
    for (const r of months.data ?? []) {
      const row = m.get(r.month.slice(0, 7));
      if (row) row[r.stream] = Number(r.disbursed_fen);
    }
    return [...m.values()];
  }, [months.data, year, translate]);
  const lorenzData = useMemo(() => (lorenz.data ?? [])
    .map((p) => ({ x: Number(p.recipient_share), actual: Number(p.money_share), even: Number(p.recipient_share) })), [lorenz.data]);
  const s = share.data?.[0];
  const costRows = (cost.data ?? []).filter((r) => r.cost_per_hour_fen !== null);
  const todo = (actions.data ?? []).filter((a) => Number(a.n) > 0 && TODO.includes(a.action));

  const kpis: [string, string, string][] = s ? [
    ["finance.kpiTotal", full(s.allocated_fen), "total"],
    ["finance.kpiFeatured", pct(ratio(Number(s.featured_fen), Number(s.allocated_fen))), "featured"],
    ["finance.kpiStar3", pct(ratio(Number(s.three_star_fen), Number(s.allocated_fen))), "star3"],
    ["finance.kpiEither", pct(ratio(Number(s.featured_or_three_star_fen), Number(s.allocated_fen))), "either"],
    ["finance.kpiGini", s.gini === null ? "—" : Number(s.gini).toFixed(2), "gini"],
  ] : [];

  return (
    <div style={{ padding: 4 }} className="dashboard">
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <PageTitle>{translate("finance.dashboardTitle", { year })}</PageTitle>
        <YearSelect value={year} onChange={setYear} years={years} />
      </Space>
      <Row gutter={[12, 12]}>
        {(s ? kpis : [["finance.kpiTotal", "", "total"]]).map(([key, value, id]) => (
          <Col xs={12} md={8} xl={4} key={key}>
            <Card size="small" className="kpi-card" data-testid={`finance-kpi-${id}`}>
              <Statistic title={translate(key)} value={value || "—"} loading={!share.data} />
            </Card>
          </Col>
        ))}
        <Col xs={24} xl={4}>
          <Card size="small" className="kpi-card">
            <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>{translate("finance.giniHint")}</Typography.Paragraph>
          </Card>
        </Col>
      </Row>

      {todo.length > 0 && (
        <Card size="small" title={translate("finance.needsAction")} style={{ marginTop: 16 }} data-testid="finance-todo">
          <Space wrap size={[16, 8]}>
            {todo.map((a) => (
              <Link key={a.action} to={actionLink(a.action)!} data-testid={`todo-${a.action}`} className="touch-link">
                {translate(`finance.actions.${a.action}`)} <b>{Number(a.n)}</b>
              </Link>
            ))}
          </Space>
        </Card>
      )}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <ChartCard title={translate("finance.chartStreams")} description={translate("finance.chartStreamsDesc", { from: year - 4, to: year })} testId="chart-streams"
            loading={!streams.data} empty={!streams.data?.length}
            rows={streams.data ?? []} rowKey={(r) => `${r.fiscal_year}-${r.stream}`} columns={[
              { title: translate("finance.year"), value: (r) => r.fiscal_year },
              { title: translate("finance.stream"), value: (r) => streamLabel(r.stream) },
              { title: translate("finance.lined"), value: (r) => full(r.budget_fen), align: "right" },
              { title: translate("finance.committed"), value: (r) => full(r.committed_fen), align: "right" },
              { title: translate("finance.paid"), value: (r) => full(r.paid_fen), align: "right" },
              { title: translate("finance.available"), value: (r) => full(r.available_fen), align: "right" },
            ]}>
            <ResponsiveContainer width="100%" height={300}>
              <BarChart data={byYear} margin={{ top: 16, right: 16, left: 8, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="fiscal_year" tick={tick} />
                <YAxis tick={tick} tickFormatter={short} width={56} />
                <Tooltip formatter={(v, n) => [full(v), n]} />
                <Legend wrapperStyle={{ color: CHART_TEXT }} />
                {STREAMS.map((st) => <Bar key={st} dataKey={st} name={streamLabel(st)} fill={STREAM_COLORS[st]} isAnimationActive={animate} />)}
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={translate("finance.chartMonths", { year })} description={translate("finance.chartMonthsDesc", { year })} testId="chart-disbursements"
            loading={!months.data} empty={!months.data?.length}
            rows={months.data ?? []} rowKey={(r) => `${r.month}-${r.stream}`} columns={[
              { title: translate("lists.month"), value: (r) => r.month.slice(0, 7) },
              { title: translate("finance.stream"), value: (r) => streamLabel(r.stream) },
              { title: translate("finance.ledgerKinds.disbursement"), value: (r) => full(r.disbursed_fen), align: "right" },
              { title: translate("finance.ledgerKinds.return"), value: (r) => full(r.returned_fen), align: "right" },
            ]}>
            <ResponsiveContainer width="100%" height={300}>
              <BarChart data={byMonth} margin={{ top: 16, right: 16, left: 8, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={tick} interval={phone ? 1 : 0} />
                <YAxis tick={tick} tickFormatter={short} width={56} />
                <Tooltip formatter={(v, n) => [full(v), n]} />
                <Legend wrapperStyle={{ color: CHART_TEXT }} />
                {STREAMS.map((st) => <Bar key={st} dataKey={st} stackId="m" name={streamLabel(st)} fill={STREAM_COLORS[st]} isAnimationActive={animate} />)}
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={translate("finance.chartLines", { year })} description={translate("finance.chartLinesDesc")} testId="chart-lines"
            loading={linesQuery.isLoading} empty={!lines?.data?.length}
            extra={<Link to={`/funds/lines?year=${year}`}>{translate("finance.allLines")}</Link>}
            rows={lines?.data ?? []} rowKey={(r) => r.line_id} columns={[
              { title: translate("finance.lineName"), value: (r) => r.name },
              { title: translate("finance.lineAmount"), value: (r) => full(r.amount_fen), align: "right" },
              { title: translate("finance.committed"), value: (r) => full(r.committed_fen), align: "right" },
              { title: translate("finance.paid"), value: (r) => full(r.paid_fen), align: "right" },
              { title: translate("finance.available"), value: (r) => full(r.available_fen), align: "right" },
            ]}>
            <div style={{ display: "grid", gap: 10, maxHeight: 300, overflowY: "auto", paddingRight: 4 }} tabIndex={0} aria-label={translate("finance.chartLines", { year })}>
              {(lines?.data ?? []).map((l) => (
                <div key={l.line_id}>
                  <Space style={{ width: "100%", justifyContent: "space-between" }} wrap size={4}>
                    <span>{l.name}{l.is_tilt && <Typography.Text type="danger"> · {translate("finance.tilt")}</Typography.Text>}</span>
                    <Typography.Text type="secondary" className="money" style={{ fontSize: 13 }}>{full(l.available_fen)} / {full(l.amount_fen)}</Typography.Text>
                  </Space>
                  <Thermometer amount={l.amount_fen} committed={l.committed_fen} paid={l.paid_fen} warnRatio={warnRatio} compact />
                </div>
              ))}
            </div>
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={translate("finance.chartStreets", { year })} description={translate("finance.chartStreetsDesc")} testId="chart-finance-streets"
            loading={!streets.data} empty={!(streets.data ?? []).length}
            rows={(streets.data ?? [])} rowKey={(r) => r.street_id} columns={[
              { title: translate("common.street"), value: (r) => r.street_name },
              { title: translate("finance.applications"), value: (r) => r.applications, align: "right" },
              { title: translate("finance.allocatedShort"), value: (r) => full(r.allocated_fen), align: "right" },
              { title: translate("finance.paid"), value: (r) => full(r.paid_fen), align: "right" },
            ]}>
            <ResponsiveContainer width="100%" height={Math.max(180, (streets.data ?? []).length * 34 + 60)}>
              <BarChart layout="vertical" data={(streets.data ?? [])} margin={{ top: 4, right: 24, left: 8, bottom: 4 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" tick={tick} tickFormatter={short} />
                <YAxis type="category" dataKey="street_name" width={phone ? 84 : 120} tick={tick} interval={0} />
                <Tooltip formatter={(v, n) => [full(v), n]} />
                <Legend wrapperStyle={{ color: CHART_TEXT }} />
                <Bar dataKey="allocated_fen" name={translate("finance.allocatedShort")} fill={CHART_ORANGE} isAnimationActive={animate} />
                <Bar dataKey="paid_fen" name={translate("finance.paid")} fill={CHART_RED} isAnimationActive={animate} />
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={translate("finance.chartLorenz", { year })} description={translate("finance.chartLorenzDesc")} testId="chart-lorenz"
            loading={!lorenz.data} empty={(lorenz.data ?? []).length < 2}
            rows={(lorenz.data ?? []).filter((r) => r.rank > 0)} rowKey={(r) => r.rank} columns={[
              { title: translate("finance.recipientRank"), value: (r) => r.rank },
              { title: translate("finance.cumRecipients"), value: (r) => pct(r.recipient_share), align: "right" },
              { title: translate("finance.cumAmount"), value: (r) => pct(r.money_share), align: "right" },
            ]}>
            <LorenzChart data={lorenzData} />
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={translate("finance.chartCost", { year })} description={translate("finance.chartCostDesc")} testId="chart-cost"
            loading={!cost.data} empty={!costRows.length}
            rows={cost.data ?? []} rowKey={(r) => r.project_id} columns={[
              { title: translate("finance.project"), value: (r) => r.project_name },
              { title: translate("finance.grants"), value: (r) => r.grants, align: "right" },
              { title: translate("finance.paid"), value: (r) => full(r.paid_fen), align: "right" },
              { title: translate("finance.hours"), value: (r) => Number(r.approved_hours).toLocaleString(), align: "right" },
              { title: translate("finance.costPerHour"), value: (r) => (r.cost_per_hour_fen === null ? "—" : full(r.cost_per_hour_fen)), align: "right" },
            ]}>
            <ResponsiveContainer width="100%" height={Math.max(180, costRows.length * 28 + 60)}>
              <BarChart layout="vertical" data={costRows} margin={{ top: 4, right: 24, left: 8, bottom: 4 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" tick={tick} tickFormatter={(v) => formatFen(Number(v))} />
                <YAxis type="category" dataKey="project_name" width={phone ? 100 : 180} tick={tick} interval={0} />
                <Tooltip formatter={(v) => [full(v), translate("finance.costPerHour")]} />
                <Bar dataKey="cost_per_hour_fen" name={translate("finance.costPerHour")} fill={CHART_GREY} isAnimationActive={animate} />
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={translate("finance.partnerStatements")} style={{ height: "100%" }} data-testid="partner-statements">
            {!partners ? <Skeleton active /> : !partners.data.length ? <Empty description={translate("common.empty")} /> : (
              <ul className="partner-links" style={{ columns: phone ? 1 : 2, margin: 0, paddingInlineStart: 20 }}>
                {partners.data.map((p) => (
                  <li key={p.id}><Link to={`/finance/partners/${p.id}?year=${year}`} className="touch-link">{p.name}</Link></li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** The Lorenz curve against the even spread (the diagonal): the further below, the more concentrated. */
export function LorenzChart({ data, height = 300 }: { data: { x: number; actual: number; even: number }[]; height?: number }) {
  const translate = useTranslate();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data} margin={{ top: 16, right: 24, left: 8, bottom: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" dataKey="x" domain={[0, 1]} tick={tick} tickFormatter={(v) => `${Math.round(v * 100)}%`}
          label={{ value: translate("finance.cumRecipients"), position: "insideBottom", offset: -8, fill: CHART_TEXT }} />
        <YAxis domain={[0, 1]} tick={tick} tickFormatter={(v) => `${Math.round(v * 100)}%`} width={48} />
        <Tooltip formatter={(v, n) => [pct(v as number), n]} labelFormatter={(v) => pct(v as number)} />
        <Legend verticalAlign="top" wrapperStyle={{ color: CHART_TEXT }} />
        <Line type="linear" dataKey="even" name={translate("finance.evenSpread")} stroke={CHART_GREY} strokeDasharray="5 4" dot={false} isAnimationActive={animate} />
        <Line type="linear" dataKey="actual" name={translate("finance.actualSpread")} stroke={CHART_RED} strokeWidth={2} isAnimationActive={animate} />
      </LineChart>
    </ResponsiveContainer>
  );
}
