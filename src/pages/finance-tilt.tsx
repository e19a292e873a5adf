// The tilt simulator (重点倾 模拟): for a pool of money (a 重点倾 line's available money, or a figure typed in)
// and the pending applications (submitted, screened or checked, in scope, eligible for the line), ranked by
// rating, featured status, cost per service hour and unmet need (tilt_simulate), preview two ways of sharing
// it side by side — fully fund the best first, or a share of every request scoring above a threshold — and
// how concentrated the money would become (Gini from SQL, Lorenz curves against an even spread). Nothing is
// committed: it only reads.
import { useList, useTranslate } from "@refinedev/core";
import { Alert, Card, Col, Form, InputNumber, Row, Select, Space, Statistic, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_GREY, CHART_RED, CHART_TEXT, ChartCard } from "../components/ChartCard";
import { PageTitle } from "../components/PageTitle";
import { RecordCard, useIsPhone } from "../components/Responsive";
import { Stars } from "../components/Stars";
import { formatFen, formatFenShort, type Fen } from "../domain/money";
import { getLocale } from "../providers/i18n";
import { useRpcQuery } from "../providers/rpc";
import { useFinanceYear, YearSelect } from "../resources/funds/FinanceYear";
import { YuanInput } from "../components/YuanInput";
import type { LineBalance, TiltRow } from "../resources/funds/queries";
import { lorenzCurve } from "../domain/charts";
import "./dashboard.css";
import "../resources/funds/funds.css";
import { LorenzChart } from "./finance";

const MODES = ["best_first", "threshold"] as const;
const tick = { fill: CHART_TEXT, fontSize: 12 };

export default function TiltSimulatorPage() {
  const translate = useTranslate();
  const phone = useIsPhone();
  const lang = getLocale();
  const [year, setYear, years] = useFinanceYear();
  const { result: lines } = useList<LineBalance>({
    resource: "budget_line_balances", pagination: { mode: "off" }, sorters: [{ field: "line_id", order: "asc" }],
    filters: [{ field: "fiscal_year", operator: "eq", value: year }, { field: "is_tilt", operator: "eq", value: true }],
  });
  const [chosenLine, setLineId] = useState<number>();
  const line = lines?.data?.find((l) => l.line_id === chosenLine) ?? lines?.data?.[0];
  // the pool is the line's available money unless a person types another figure
  const [typedPool, setTypedPool] = useState<Fen | null>(null);
  const poolInvalid = typedPool !== null && !(typedPool >= 0);
  const [threshold, setThreshold] = useState(0.5);
  const [percent, setPercent] = useState(80);

  const args = { p_line_id: line?.line_id ?? null, p_pool_fen: typedPool, p_threshold: threshold, p_share: percent / 100 };
  const ready = !!lines && !poolInvalid;
  const best = useRpcQuery<TiltRow>("tilt_simulate", { ...args, p_strategy: "best_first" }, { enabled: ready });
  const share = useRpcQuery<TiltRow>("tilt_simulate", { ...args, p_strategy: "threshold" }, { enabled: ready });
  const results = { best_first: best, threshold: share };
  const pool = Number(best.data?.[0]?.pool_fen ?? typedPool ?? line?.available_fen ?? 0);

  const merged = useMemo(() => {
    const other = new Map((share.data ?? []).map((r) => [r.application_id, r.simulated_fen]));
    return (best.data ?? []).map((r) => ({ ...r, best_fen: Number(r.simulated_fen), threshold_fen: Number(other.get(r.application_id) ?? 0) }))
      .sort((a, b) => a.rank - b.rank);
  }, [best.data, share.data]);
  type Merged = (typeof merged)[number];
  const summary = (rows: readonly TiltRow[] | undefined) => {
    const funded = (rows ?? []).filter((r) => Number(r.simulated_fen) > 0);
    const allocated = funded.reduce((t, r) => t + Number(r.simulated_fen), 0);
    return { funded: funded.length, allocated, left: pool - allocated, gini: rows?.[0]?.gini_after };
  };

  return (
    <div style={{ padding: 4 }} className="dashboard">
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <PageTitle>{translate("finance.tiltTitle")}</PageTitle>
        <YearSelect value={year} onChange={setYear} years={years} />
      </Space>
      <Typography.Paragraph type="secondary">{translate("finance.tiltIntro")}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout={phone ? "vertical" : "inline"} className="filter-form">
          <Form.Item label={translate("finance.tiltLine")} htmlFor="tilt-line">
            <Select<number> id="tilt-line" value={line?.line_id} onChange={setLineId} style={{ minWidth: 200 }} placeholder={translate("finance.noTiltLine")} data-testid="tilt-line"
              options={(lines?.data ?? []).map((l) => ({ value: l.line_id, label: `${l.name}（${formatFen(l.available_fen)}）` }))} />
          </Form.Item>
          <Form.Item label={translate("finance.pool")} htmlFor="tilt-pool" extra={translate("finance.poolHint", { amount: formatFen(line?.available_fen ?? 0) })}
            validateStatus={poolInvalid ? "error" : undefined}>
            <YuanInput id="tilt-pool" value={typedPool} placeholder={formatFen(line?.available_fen ?? 0, { symbol: false })} onChange={setTypedPool}
              data-testid="tilt-pool" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label={translate("finance.threshold")} htmlFor="tilt-threshold">
            <InputNumber id="tilt-threshold" min={0} max={1} step={0.05} value={threshold} onChange={(v) => setThreshold(v ?? 0)} />
          </Form.Item>
          <Form.Item label={translate("finance.percent")} htmlFor="tilt-share">
            <InputNumber id="tilt-share" min={1} max={100} value={percent} onChange={(v) => setPercent(v ?? 100)} suffix="%" />
          </Form.Item>
        </Form>
      </Card>
      {(best.error || share.error) && <Alert type="error" showIcon message={best.error ?? share.error} style={{ marginBottom: 12 }} />}
      <Row gutter={[16, 16]}>
        {MODES.map((m) => {
          const s = summary(results[m].data);
          return (
            <Col xs={24} md={12} key={m}>
              <Card size="small" title={translate(`finance.modes.${m}`)} data-testid={`tilt-${m}`}>
                <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{translate(`finance.modeHints.${m}`, { threshold, percent })}</Typography.Paragraph>
                <div className="finance-figures">
                  <Statistic title={translate("finance.funded")} value={s.funded} loading={!results[m].data} />
                  <Statistic title={translate("finance.allocated")} value={formatFen(s.allocated)} loading={!results[m].data} />
                  <Statistic title={translate("finance.leftOver")} value={formatFen(s.left)} loading={!results[m].data} />
                  <Statistic title={translate("finance.kpiGini")} value={s.gini === undefined || s.gini === null ? "—" : Number(s.gini).toFixed(2)} loading={!results[m].data} />
                </div>
                <LorenzChart data={lorenzCurve((results[m].data ?? []).map((r) => r.simulated_fen))} height={220} />
              </Card>
            </Col>
          );
        })}
        <Col xs={24}>
          <ChartCard title={translate("finance.tiltCompare")} description={translate("finance.tiltCompareDesc")} testId="chart-tilt"
            loading={!best.data} empty={!merged.length}
            rows={merged} rowKey={(r) => r.application_id} columns={[
              { title: "#", value: (r) => r.rank },
              { title: translate("finance.application"), value: (r) => r.title },
              { title: translate("finance.requested"), value: (r) => formatFen(r.requested_fen), align: "right" },
              { title: translate("finance.modes.best_first"), value: (r) => formatFen(r.best_fen), align: "right" },
              { title: translate("finance.modes.threshold"), value: (r) => formatFen(r.threshold_fen), align: "right" },
            ]}>
            <ResponsiveContainer width="100%" height={Math.max(200, merged.length * 30 + 60)}>
              <BarChart layout="vertical" data={merged.map((r) => ({ ...r, label: `${r.rank}. ${r.title}` }))} margin={{ top: 4, right: 24, left: 8, bottom: 4 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" tick={tick} tickFormatter={(v) => formatFenShort(Number(v), lang)} />
                <YAxis type="category" dataKey="label" width={phone ? 110 : 220} tick={tick} interval={0} />
                <Tooltip formatter={(v, n) => [formatFen(Number(v)), n]} />
                <Legend verticalAlign="top" wrapperStyle={{ color: CHART_TEXT }} />
                <Bar dataKey="best_fen" name={translate("finance.modes.best_first")} fill={CHART_RED} isAnimationActive={false} />
                <Bar dataKey="threshold_fen" name={translate("finance.modes.threshold")} fill={CHART_GREY} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>
        </Col>
        <Col xs={24}>
          <Card size="small" title={translate("finance.ranking")}>
            {phone ? merged.map((r) => (
              <RecordCard key={r.application_id} title={`${r.rank}. ${r.title}`} extra={r.featured ? <Tag color="red">{translate("finance.featured")}</Tag> : undefined}
                fields={[
                  { label: translate("common.team"), value: r.team_name },
                  { label: translate("finance.rating"), value: r.stars ? <Stars level={r.stars} /> : "—" },
                  { label: translate("finance.score"), value: Number(r.score).toFixed(2) },
                  { label: translate("finance.requested"), value: formatFen(r.requested_fen) },
                  { label: translate("finance.modes.best_first"), value: formatFen(r.best_fen) },
                  { label: translate("finance.modes.threshold"), value: formatFen(r.threshold_fen) },
                ]} />
            )) : (
              // no horizontal scroll: the columns wrap to the card (a scrolling region without a focusable element fails axe)
              <Table<Merged> size="small" rowKey="application_id" dataSource={merged} pagination={false} data-testid="tilt-ranking"
                locale={{ emptyText: translate("finance.noPending") }} columns={[
                  { key: "rank", title: "#", dataIndex: "rank" },
                  { key: "title", title: translate("finance.application"), render: (_, r) => (
                    <Space direction="vertical" size={0}><b>{r.title}</b><Typography.Text type="secondary" style={{ fontSize: 13 }}>{[r.team_name, r.project_name].filter(Boolean).join(" · ")}</Typography.Text></Space>
                  ) },
                  { key: "star", title: translate("finance.rating"), render: (_, r) => (
                    <Space size={4}>{r.stars ? <Stars level={r.stars} /> : "—"}{r.featured && <Tag color="red">{translate("finance.featured")}</Tag>}</Space>
                  ) },
                  { key: "cph", title: translate("finance.costPerHour"), align: "right", render: (_, r) => (r.cost_per_hour_fen === null ? "—" : formatFen(r.cost_per_hour_fen)) },
                  { key: "need", title: translate("finance.unmetNeed"), align: "right", render: (_, r) => `${(Number(r.unmet_ratio) * 100).toFixed(0)}%` },
                  { key: "score", title: translate("finance.score"), align: "right", render: (_, r) => Number(r.score).toFixed(2) },
                  { key: "req", title: translate("finance.requested"), align: "right", render: (_, r) => formatFen(r.requested_fen) },
                  { key: "best", title: translate("finance.modes.best_first"), align: "right", render: (_, r) => <b>{formatFen(r.best_fen)}</b> },
                  { key: "thr", title: translate("finance.modes.threshold"), align: "right", render: (_, r) => <b>{formatFen(r.threshold_fen)}</b> },
                ]} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
