// The dashboard of the caller's scope: KPI cards, star distribution, service hours per month (this
// year against last), by street and by team, and the most active volunteers. Every figure is an SQL
// aggregate (RPCs that run with the caller's rights) and follows the street filter; clicking a bar
// opens the matching list. Every chart has its numbers as a table ("查看数据") and a description.
import { useGetIdentity, useList, useTranslate } from "@refinedev/core";
import { Card, Col, Empty, Row, Skeleton, Space, Statistic, theme } from "antd";
import dayjs from "dayjs";
import { lazy, Suspense, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_GREY, CHART_LABEL, CHART_ORANGE, CHART_RED, CHART_TEXT, ChartCard } from "../components/ChartCard";
import { MonthRangeFilter } from "../components/MonthRangeFilter";
import { PageTitle } from "../components/PageTitle";
import { useIsPhone } from "../components/useIsPhone";
import { Stars } from "../components/Stars";
import { allowed } from "../domain/access";
import { distinctiveLabels, withShares, yearOverYear } from "../domain/charts";
import { partialMonth, presetRange, type MonthRange } from "../domain/periods";
import { districtDate, districtToday } from "../providers/dayjs";
import { useRpcQuery } from "../providers/rpc";
import { GrantActionsCard } from "../resources/grant-applications/needs-action";
import { useScope } from "../providers/scope";
import "./dashboard.css";

// The street filter (antd's Select) is the district's alone: a street's admin does not load it.
const UnitSelect = lazy(() => import("../components/UnitSelect").then((m) => ({ default: m.UnitSelect })));

interface Kpis {
  volunteers: number;
  active_this_month: number;
  hours_in_range: number;
  hours_this_year: number;
  points_issued: number;
  points_redeemed: number;
  pending_records: number;
  teams: number;
}
interface StreetHours { street_id: number; street_name: string; hours: number; records: number }
interface TeamHours { team_id: number; team_name: string; street_name: string; hours: number; records: number }
interface TopVolunteer { volunteer_id: string; name: string; approved_hours: number; star_level: number }
interface StreetRow { street_id: number; street_name: string; team_count: number; active_members: number }

// bars from grey (no star) to the deepest red, every one at least 3:1 on white
const STAR_COLORS = ["#8c8c8c", "#d46b08", "#ad4e00", "#d4380d", "#c0392b", "#a8071a"];
const TEAM_LIMIT = 15;
const animate = !window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
const tick = { fill: CHART_TEXT, fontSize: 12 };
const hoursText = (v: unknown) => Number(v ?? 0).toLocaleString();

/** First and last day of a month range, YYYY-MM-DD. */
function dayBounds(r: MonthRange): { from: string; to: string } {
  return { from: `${r.from}-01`, to: dayjs(`${r.to}-01`).endOf("month").format("YYYY-MM-DD") };
}

export default function DashboardPage() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const phone = useIsPhone();
  const { data: user } = useGetIdentity<{ name: string }>();
  const { scope, loading: scopeLoading } = useScope();
  const wholeDistrict = scope.some((g) => g.level === "district");
  const today = districtDate();
  const [range, setRange] = useState<MonthRange>(() => presetRange("thisYear", today)!);
  const [custom, setCustom] = useState(false);
  const [streetId, setStreetId] = useState<number>();
  const bounds = dayBounds(range);
  const year = Number(range.to.slice(0, 4));
  const current = partialMonth(today);
  const ready = !scopeLoading && scope.length > 0;
  const street = streetId ?? null;

  const kpis = useRpcQuery<Kpis>("dashboard_kpis", { p_from: bounds.from, p_to: bounds.to, p_street_id: street }, { enabled: ready });
  const starRows = useRpcQuery<{ star_level: number; volunteers: number }>("star_distribution", { p_street_id: street }, { enabled: ready });
  const months = useRpcQuery<{ month: string; hours: number }>("service_hours_by_month", { p_from: `${year - 1}-01-01`, p_to: `${year}-12-31`, p_street_id: street }, { enabled: ready });
  // the current month is compared with the same days of last year, not last year's whole month
  const sameDays = useRpcQuery<{ hours: number }>("service_hours_between", { p_from: current.lastFrom, p_to: current.lastTo, p_street_id: street },
    { enabled: ready && year === current.year });
  const streets = useRpcQuery<StreetHours>("service_hours_by_street", { p_from: bounds.from, p_to: bounds.to }, { enabled: ready });
  const teams = useRpcQuery<TeamHours>("service_hours_by_team", { p_from: bounds.from, p_to: bounds.to, p_street_id: street, p_limit: TEAM_LIMIT }, { enabled: ready });
  const top = useRpcQuery<TopVolunteer>("top_volunteers", { p_street_id: street, p_limit: 10 }, { enabled: ready });
  const { result: structure } = useList<StreetRow>({
    resource: "street_team_summary", pagination: { mode: "off" }, sorters: [{ field: "street_id", order: "asc" }], queryOptions: { enabled: ready },
  });

  const k = kpis.data?.[0];
  const starData = useMemo(() => withShares(starRows.data ?? []).map((r) => ({
    ...r, label: r.star_level === 0 ? translate("dashboard.noStar") : translate("dashboard.starLabel", { n: r.star_level }),
  })), [starRows.data, translate]);
  const sameDaysHours = year === current.year && sameDays.data?.[0] ? Number(sameDays.data[0].hours) : undefined;
  const monthData = useMemo(() => yearOverYear(months.data ?? [], year, districtToday().toDate(), sameDaysHours).map((r) => ({
    ...r, label: `${translate("dashboard.monthLabel", { m: r.month })}${r.partial ? "*" : ""}`,
  })), [months.data, year, sameDaysHours, translate]);
  const partialRow = monthData.find((r) => r.partial);
  const teamData = (teams.data ?? []).map((t) => ({ ...t, hours: Number(t.hours) }));
  const teamLabels = distinctiveLabels(teamData.map((t) => t.team_name));
  const streetData = (streets.data ?? []).map((s) => ({ ...s, hours: Number(s.hours) }));
  const canOpenVolunteers = allowed(scope, "volunteers", "list");
  const districtCharts = wholeDistrict && !streetId;
  const serviceLink = (extra: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams({ status: "approved", from: bounds.from, to: bounds.to });
    for (const [key, v] of Object.entries(extra)) if (v !== undefined) p.set(key, String(v));
    return `/service?${p}`;
  };
  const hoursUnit = translate("dashboard.hoursUnit");
  // plain text in antd's colours (antd's Typography would bring its editing and copying code to this page)
  const { token } = theme.useToken();
  const clickHint = <span style={{ color: token.colorTextDescription, fontSize: 12 }}>{translate("dashboard.clickHint")}</span>;

  const cards: [string, number | undefined, string, string?][] = [
    ["dashboard.volunteers", k?.volunteers, translate("dashboard.peopleUnit")],
    ["dashboard.activeThisMonth", k?.active_this_month, translate("dashboard.peopleUnit")],
    ["dashboard.hoursInRange", k && Number(k.hours_in_range), hoursUnit],
    ["dashboard.hoursThisYear", k && Number(k.hours_this_year), hoursUnit],
    ["dashboard.pointsIssued", k && Number(k.points_issued), translate("dashboard.pointsUnit")],
    ["dashboard.pointsRedeemed", k && Number(k.points_redeemed), translate("dashboard.pointsUnit")],
    ["dashboard.pending", k?.pending_records, "", "/service?status=pending"],
    ["dashboard.teams", k && Number(k.teams), "", "/teams"],
  ];

  return (
    <div style={{ padding: 4 }} className="dashboard">
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <PageTitle>{translate("dashboard.welcome", { name: user?.name ?? "" })}</PageTitle>
        <Space wrap>
          <MonthRangeFilter value={range} onChange={setRange} custom={custom} onCustom={setCustom} />
          {wholeDistrict && (
            <Suspense fallback={null}>
              <UnitSelect levels={["street"]} value={streetId} onChange={(v) => setStreetId(v)} placeholder={translate("dashboard.street")}
                aria-label={translate("dashboard.street")} style={{ width: phone ? 200 : 160 }} data-testid="dashboard-street" />
            </Suspense>
          )}
        </Space>
      </Space>
      <GrantActionsCard />
      {kpis.error && <span style={{ color: token.colorError }}>{kpis.error}</span>}
      <Row gutter={[12, 12]}>
        {cards.map(([key, value, unit, link]) => {
          const stat = (
            <Card size="small" hoverable={!!link} data-testid={`kpi-${key.split(".")[1]}`} className="kpi-card">
              <Statistic title={translate(key)} value={value ?? "—"} suffix={value === undefined ? undefined : unit} loading={!k && !!ready}
                groupSeparator="," precision={0} />
            </Card>
          );
          return <Col xs={12} md={6} key={key}>{link ? <Link to={link}>{stat}</Link> : stat}</Col>;
        })}
      </Row>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={10}>
          <ChartCard title={translate("dashboard.starDistribution")} description={translate("lists.chartStars")} testId="chart-stars"
            loading={!starRows.data} empty={starData.every((r) => r.volunteers === 0)}
            extra={canOpenVolunteers && !phone && clickHint}
            rows={starData} rowKey={(r) => r.star_level} columns={[
              { title: translate("stars.level"), value: (r) => r.label },
              { title: translate("dashboard.volunteers"), value: (r) => r.volunteers.toLocaleString(), align: "right" },
              { title: translate("dashboard.share"), value: (r) => `${r.share}%`, align: "right" },
            ]}>
            <ResponsiveContainer width="100%" height={300}>
              <BarChart data={starData} margin={{ top: 24, right: 16, left: 8, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={tick} />
                <YAxis allowDecimals={false} tick={tick} label={{ value: translate("dashboard.peopleUnit"), angle: -90, position: "insideLeft", fill: CHART_TEXT }} />
                <Tooltip formatter={(v, _n, p) => [`${v} ${translate("dashboard.peopleUnit")}（${(p.payload as { share: number }).share}%）`, translate("dashboard.volunteers")]} />
                <Bar dataKey="volunteers" name={translate("dashboard.volunteers")} isAnimationActive={animate} cursor={canOpenVolunteers ? "pointer" : undefined}
                  onClick={(d) => canOpenVolunteers && navigate(`/volunteers?star=${(d as unknown as { star_level: number }).star_level}`)}>
                  {starData.map((r) => <Cell key={r.star_level} fill={STAR_COLORS[r.star_level]} />)}
                  <LabelList dataKey="share" position="top" formatter={(v: unknown) => `${v}%`} fontSize={12} fill={CHART_LABEL} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>
        </Col>
        <Col xs={24} xl={14}>
          <ChartCard title={translate("dashboard.hoursByMonth")} testId="chart-months"
            description={translate("lists.chartMonths", { year, last: year - 1 })}
            loading={!months.data} empty={monthData.every((r) => !r.thisYear && !r.lastYear)}
            rows={monthData.filter((r) => r.thisYear !== null || r.lastYear)} rowKey={(r) => r.month} columns={[
              { title: translate("lists.month"), value: (r) => (r.partial ? translate("lists.partialMonth", { m: r.month, d: current.throughDay }) : translate("dashboard.monthLabel", { m: r.month })) },
              { title: translate("dashboard.thisYear", { year }), value: (r) => (r.thisYear === null ? "—" : hoursText(r.thisYear)), align: "right" },
              { title: translate("dashboard.lastYear", { year: year - 1 }), value: (r) => hoursText(r.lastYear), align: "right" },
            ]}
            footer={partialRow && (
              <p style={{ margin: "4px 0 0", fontSize: 13, color: token.colorTextDescription }} data-testid="partial-month-note">
                * {translate("lists.partialNote", { m: current.month, d: current.throughDay, lastFrom: current.lastFrom, lastTo: current.lastTo })}
              </p>
            )}>
            <ResponsiveContainer width="100%" height={300}>
              <LineChart data={monthData} margin={{ top: 24, right: 24, left: 8, bottom: 8 }}
                onClick={(e) => {
                  const m = (e as { activeTooltipIndex?: number })?.activeTooltipIndex;
                  if (typeof m !== "number") return;
                  const start = dayjs(new Date(year, m, 1));
                  navigate(serviceLink({ from: start.format("YYYY-MM-DD"), to: start.endOf("month").format("YYYY-MM-DD"), street: streetId }));
                }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" tick={tick} />
                <YAxis tick={tick} label={{ value: hoursUnit, angle: -90, position: "insideLeft", fill: CHART_TEXT }} />
                <Tooltip formatter={(v) => `${hoursText(v)} ${hoursUnit}`} />
                <Legend wrapperStyle={{ color: CHART_TEXT }} />
                <Line type="monotone" dataKey="thisYear" name={translate("dashboard.thisYear", { year })} stroke={CHART_RED} strokeWidth={2} isAnimationActive={animate} connectNulls={false} />
                <Line type="monotone" dataKey="lastYear" name={translate("dashboard.lastYear", { year: year - 1 })} stroke={CHART_GREY} strokeDasharray="5 4" isAnimationActive={animate} />
              </LineChart>
            </ResponsiveContainer>
          </ChartCard>
        </Col>
        {districtCharts && (
          <Col xs={24} xl={12}>
            <ChartCard title={translate("dashboard.hoursByStreet")} description={translate("lists.chartStreets")} testId="chart-streets"
              loading={!streets.data} empty={!streets.data?.length}
              extra={!phone && clickHint}
              rows={streetData} rowKey={(r) => r.street_id} columns={[
                { title: translate("common.street"), value: (r) => r.street_name },
                { title: translate("dashboard.hoursInRange"), value: (r) => hoursText(r.hours), align: "right" },
              ]}>
              <ResponsiveContainer width="100%" height={320}>
                <BarChart data={streetData} margin={{ top: 8, right: 16, left: 8, bottom: 40 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="street_name" interval={0} angle={-30} textAnchor="end" tick={tick} />
                  <YAxis tick={tick} label={{ value: hoursUnit, angle: -90, position: "insideLeft", fill: CHART_TEXT }} />
                  <Tooltip formatter={(v) => `${hoursText(v)} ${hoursUnit}`} />
                  <Bar dataKey="hours" name={translate("dashboard.hoursInRange")} fill={CHART_RED} cursor="pointer" isAnimationActive={animate}
                    onClick={(d) => navigate(serviceLink({ street: (d as unknown as StreetHours).street_id }))} />
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
          </Col>
        )}
        {/* a ranking of one team is no ranking: a scope of a single team shows its hours in the cards only */}
        {(!teams.data || teamData.length > 1) && (
          <Col xs={24} xl={districtCharts ? 12 : 14}>
            <ChartCard title={translate("lists.topTeams", { n: teamData.length || TEAM_LIMIT })} description={translate("lists.chartTeams")} testId="chart-teams"
              loading={!teams.data} empty={!teamData.length}
              extra={!phone && clickHint}
              rows={teamData} rowKey={(r) => r.team_id} columns={[
                { title: translate("common.team"), value: (r) => r.team_name },
                { title: translate("common.street"), value: (r) => r.street_name },
                { title: translate("dashboard.hoursInRange"), value: (r) => hoursText(r.hours), align: "right" },
              ]}>
              <ResponsiveContainer width="100%" height={Math.max(160, teamData.length * 26 + 40)}>
                <BarChart layout="vertical" data={teamData} margin={{ top: 4, right: 32, left: 8, bottom: 4 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" tick={tick} label={{ value: hoursUnit, position: "insideBottomRight", offset: -4, fill: CHART_TEXT }} />
                  <YAxis type="category" dataKey="team_name" width={phone ? 110 : 190} tick={tick} interval={0} tickFormatter={(n: string) => teamLabels.get(n) ?? n} />
                  <Tooltip formatter={(v) => `${hoursText(v)} ${hoursUnit}`} />
                  <Bar dataKey="hours" name={translate("dashboard.hoursInRange")} fill={CHART_ORANGE} cursor="pointer" isAnimationActive={animate}
                    onClick={(d) => navigate(serviceLink({ team: (d as unknown as TeamHours).team_id }))} />
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
          </Col>
        )}
        <Col xs={24} xl={districtCharts ? 12 : 10}>
          <Card title={translate("dashboard.topVolunteers")} size="small" style={{ height: "100%" }} data-testid="top-volunteers">
            {!top.data ? <Skeleton active /> : top.data.length === 0 ? <Empty description={translate("common.empty")} /> : (
              <table className="ranking-table">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{translate("volunteers.name")}</th>
                    <th scope="col">{translate("stars.level")}</th>
                    <th scope="col" className="num">{translate("stars.hours")}</th>
                  </tr>
                </thead>
                <tbody>
                  {top.data.map((r, i) => (
                    <tr key={r.volunteer_id}>
                      <td>{i + 1}</td>
                      <td><Link to={`/passbook/${r.volunteer_id}`}>{r.name}</Link></td>
                      <td><Stars level={r.star_level} /></td>
                      <td className="num">{hoursText(r.approved_hours)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </Col>
        {districtCharts && (
          <Col xs={24} xl={12}>
            <ChartCard title={translate("dashboard.byStreet")} description={translate("lists.chartByStreet")} testId="chart-by-street"
              loading={!structure} empty={!structure?.data.length}
              rows={structure?.data ?? []} rowKey={(r) => r.street_id} columns={[
                { title: translate("common.street"), value: (r) => r.street_name },
                { title: translate("dashboard.members"), value: (r) => r.active_members.toLocaleString(), align: "right" },
                { title: translate("dashboard.teamCount"), value: (r) => r.team_count.toLocaleString(), align: "right" },
              ]}>
              <ResponsiveContainer width="100%" height={300}>
                <BarChart data={structure?.data ?? []} margin={{ top: 8, right: 24, left: 0, bottom: 40 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="street_name" interval={0} angle={-30} textAnchor="end" tick={tick} />
                  <YAxis yAxisId="m" allowDecimals={false} tick={tick} label={{ value: translate("dashboard.peopleUnit"), angle: -90, position: "insideLeft", fill: CHART_TEXT }} />
                  <YAxis yAxisId="t" orientation="right" allowDecimals={false} tick={tick} />
                  <Tooltip />
                  <Legend verticalAlign="top" wrapperStyle={{ color: CHART_TEXT }} />
                  <Bar yAxisId="m" dataKey="active_members" name={translate("dashboard.members")} fill={CHART_RED} isAnimationActive={animate} />
                  <Bar yAxisId="t" dataKey="team_count" name={translate("dashboard.teamCount")} fill={CHART_ORANGE} isAnimationActive={animate} />
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
          </Col>
        )}
      </Row>
    </div>
  );
}
