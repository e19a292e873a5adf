// The dashboard of the caller's scope: KPI cards, star distribution, service hours per month (this
// year against last), by street and by team, and the most active volunteers. Every figure is an SQL
// aggregate (RPCs that run with the caller's rights); clicking a bar opens the matching list.
import { useGetIdentity, useList, useTranslate } from "@refinedev/core";
import { Card, Col, DatePicker, Empty, Row, Skeleton, Space, Statistic, Table, Typography } from "antd";
import dayjs from "dayjs";
import { districtToday } from "../providers/dayjs";
import { useMemo, useState, type ReactNode } from "react";
import { Link, useNavigate } from "react-router";
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, LabelList } from "recharts";
import { UnitSelect } from "../components/UnitSelect";
import { allowed } from "../domain/access";
import { monthBounds, withShares, yearOverYear } from "../domain/charts";
import { stars } from "../domain/stars";
import { useRpcQuery } from "../providers/rpc";
import { useScope } from "../providers/scope";
import { STAR_COLOR } from "../theme";

interface Kpis {
  volunteers: number;
  active_this_month: number;
  hours_in_range: number;
  hours_this_year: number;
  points_issued: number;
  points_redeemed: number;
  pending_records: number;
}
interface StreetHours { street_id: number; street_name: string; hours: number; records: number }
interface TeamHours { team_id: number; team_name: string; street_name: string; hours: number; records: number }
interface TopVolunteer { volunteer_id: string; name: string; approved_hours: number; star_level: number }
interface StreetRow { street_id: number; street_name: string; team_count: number; active_members: number }

const STAR_COLORS = ["#bfbfbf", "#fadb14", "#faad14", "#fa8c16", "#fa541c", "#c0392b"];
const animate = !window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;

function ChartCard({ title, extra, loading, empty, children, testId }: { title: string; extra?: ReactNode; loading: boolean; empty: boolean; children: ReactNode; testId?: string }) {
  const translate = useTranslate();
  return (
    <Card title={title} extra={extra} size="small" style={{ height: "100%" }} data-testid={testId}>
      {loading ? <Skeleton active /> : empty ? <Empty description={translate("common.empty")} style={{ padding: 48 }} /> : children}
    </Card>
  );
}

export default function DashboardPage() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { data: user } = useGetIdentity<{ name: string }>();
  const { scope, loading: scopeLoading } = useScope();
  const wholeDistrict = scope.some((g) => g.level === "district");
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs]>(() => [districtToday().startOf("year"), districtToday()]);
  const [streetId, setStreetId] = useState<number>();
  const bounds = monthBounds(range[0].toDate(), range[1].toDate());
  const year = range[1].year();
  const ready = !scopeLoading && scope.length > 0;

  const kpis = useRpcQuery<Kpis>("dashboard_kpis", { p_from: bounds.from, p_to: bounds.to, p_street_id: streetId ?? null }, { enabled: ready });
  const starRows = useRpcQuery<{ star_level: number; volunteers: number }>("star_distribution", { p_street_id: streetId ?? null }, { enabled: ready });
  const months = useRpcQuery<{ month: string; hours: number }>("service_hours_by_month", { p_from: `${year - 1}-01-01`, p_to: `${year}-12-31`, p_street_id: streetId ?? null }, { enabled: ready });
  const streets = useRpcQuery<StreetHours>("service_hours_by_street", { p_from: bounds.from, p_to: bounds.to }, { enabled: ready });
  const teams = useRpcQuery<TeamHours>("service_hours_by_team", { p_from: bounds.from, p_to: bounds.to, p_street_id: streetId ?? null, p_limit: 15 }, { enabled: ready });
  const top = useRpcQuery<TopVolunteer>("top_volunteers", { p_street_id: streetId ?? null, p_limit: 10 }, { enabled: ready });
  const { result: structure } = useList<StreetRow>({
    resource: "street_team_summary", pagination: { mode: "off" }, sorters: [{ field: "street_id", order: "asc" }], queryOptions: { enabled: ready },
  });

  const k = kpis.data?.[0];
  const starData = useMemo(() => withShares(starRows.data ?? []).map((r) => ({
    ...r, label: r.star_level === 0 ? translate("dashboard.noStar") : translate("dashboard.starLabel", { n: r.star_level }),
  })), [starRows.data, translate]);
  const monthData = useMemo(() => yearOverYear(months.data ?? [], year, districtToday().toDate()).map((r) => ({ ...r, label: translate("dashboard.monthLabel", { m: r.month }) })), [months.data, year, translate]);
  const teamCount = (structure?.data ?? []).reduce((a, s) => a + s.team_count, 0);
  const canOpenVolunteers = allowed(scope, "volunteers", "list");
  const serviceLink = (extra: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams({ status: "approved", from: bounds.from, to: bounds.to });
    for (const [key, v] of Object.entries(extra)) if (v !== undefined) p.set(key, String(v));
    return `/service?${p}`;
  };

  const cards: [string, number | undefined, string, string?][] = [
    ["dashboard.volunteers", k?.volunteers, translate("dashboard.peopleUnit")],
    ["dashboard.activeThisMonth", k?.active_this_month, translate("dashboard.peopleUnit")],
    ["dashboard.hoursInRange", k && Number(k.hours_in_range), translate("dashboard.hoursUnit")],
    ["dashboard.hoursThisYear", k && Number(k.hours_this_year), translate("dashboard.hoursUnit")],
    ["dashboard.pointsIssued", k && Number(k.points_issued), translate("dashboard.pointsUnit")],
    ["dashboard.pointsRedeemed", k && Number(k.points_redeemed), translate("dashboard.pointsUnit")],
    ["dashboard.pending", k?.pending_records, "", "/service?status=pending"],
    ["dashboard.teams", teamCount, "", "/teams"],
  ];

  return (
    <div style={{ padding: 4 }}>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>{translate("dashboard.welcome", { name: user?.name ?? "" })}</Typography.Title>
        <Space wrap>
          <Typography.Text type="secondary">{translate("dashboard.range")}</Typography.Text>
          <DatePicker.RangePicker picker="month" value={range} allowClear={false} data-testid="dashboard-range"
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} disabledDate={(d) => d.isAfter(districtToday(), "month")} />
          {wholeDistrict && (
            <UnitSelect levels={["street"]} value={streetId} onChange={(v) => setStreetId(v)} placeholder={translate("dashboard.street")} style={{ width: 160 }} />
          )}
        </Space>
      </Space>
      {kpis.error && <Typography.Text type="danger">{kpis.error}</Typography.Text>}
      <Row gutter={[12, 12]}>
        {cards.map(([key, value, unit, link]) => {
          const stat = (
            <Card size="small" hoverable={!!link} data-testid={`kpi-${key.split(".")[1]}`}>
              <Statistic title={translate(key)} value={value ?? "—"} suffix={value === undefined ? undefined : unit} loading={!k && !!ready}
                groupSeparator="," precision={0} valueStyle={{ fontSize: 22, whiteSpace: "nowrap" }} />
            </Card>
          );
          return <Col xs={12} md={6} xl={3} key={key}>{link ? <Link to={link}>{stat}</Link> : stat}</Col>;
        })}
      </Row>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={10}>
          <ChartCard title={translate("dashboard.starDistribution")} loading={!starRows.data} empty={starData.every((r) => r.volunteers === 0)} testId="chart-stars"
            extra={canOpenVolunteers && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{translate("dashboard.clickHint")}</Typography.Text>}>
            <ResponsiveContainer width="100%" height={300}>
              <BarChart data={starData} margin={{ top: 24, right: 16, left: 8, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" />
                <YAxis allowDecimals={false} label={{ value: translate("dashboard.peopleUnit"), angle: -90, position: "insideLeft" }} />
                <Tooltip formatter={(v, _n, p) => [`${v} ${translate("dashboard.peopleUnit")}（${(p.payload as { share: number }).share}%）`, translate("dashboard.volunteers")]} />
                <Bar dataKey="volunteers" name={translate("dashboard.volunteers")} isAnimationActive={animate} cursor={canOpenVolunteers ? "pointer" : undefined}
                  onClick={(d) => canOpenVolunteers && navigate(`/volunteers?star=${(d as unknown as { star_level: number }).star_level}`)}>
                  {starData.map((r) => <Cell key={r.star_level} fill={STAR_COLORS[r.star_level]} />)}
                  <LabelList dataKey="share" position="top" formatter={(v: unknown) => `${v}%`} fontSize={12} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>
        </Col>
        <Col xs={24} xl={14}>
          <ChartCard title={translate("dashboard.hoursByMonth")} loading={!months.data} empty={monthData.every((r) => !r.thisYear && !r.lastYear)} testId="chart-months">
            <ResponsiveContainer width="100%" height={300}>
              <LineChart data={monthData} margin={{ top: 24, right: 24, left: 8, bottom: 8 }}
                onClick={(e) => {
                  const m = (e as { activeTooltipIndex?: number })?.activeTooltipIndex;
                  if (typeof m !== "number") return;
                  const start = dayjs(new Date(year, m, 1));
                  navigate(serviceLink({ from: start.format("YYYY-MM-DD"), to: start.endOf("month").format("YYYY-MM-DD"), street: streetId }));
                }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" />
                <YAxis label={{ value: translate("dashboard.hoursUnit"), angle: -90, position: "insideLeft" }} />
                <Tooltip formatter={(v) => `${Number(v).toLocaleString()} ${translate("dashboard.hoursUnit")}`} />
                <Legend />
                <Line type="monotone" dataKey="thisYear" name={translate("dashboard.thisYear", { year })} stroke="#c0392b" strokeWidth={2} isAnimationActive={animate} connectNulls={false} />
                <Line type="monotone" dataKey="lastYear" name={translate("dashboard.lastYear", { year: year - 1 })} stroke="#8c8c8c" strokeDasharray="5 4" isAnimationActive={animate} />
              </LineChart>
            </ResponsiveContainer>
          </ChartCard>
        </Col>
        {wholeDistrict && !streetId && (
          <Col xs={24} xl={12}>
            <ChartCard title={translate("dashboard.hoursByStreet")} loading={!streets.data} empty={!streets.data?.length} testId="chart-streets"
              extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{translate("dashboard.clickHint")}</Typography.Text>}>
              <ResponsiveContainer width="100%" height={320}>
                <BarChart data={(streets.data ?? []).map((s) => ({ ...s, hours: Number(s.hours) }))} margin={{ top: 8, right: 16, left: 8, bottom: 40 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="street_name" interval={0} angle={-30} textAnchor="end" tick={{ fontSize: 12 }} />
                  <YAxis label={{ value: translate("dashboard.hoursUnit"), angle: -90, position: "insideLeft" }} />
                  <Tooltip formatter={(v) => `${Number(v).toLocaleString()} ${translate("dashboard.hoursUnit")}`} />
                  <Bar dataKey="hours" name={translate("dashboard.hoursInRange")} fill="#c0392b" cursor="pointer" isAnimationActive={animate}
                    onClick={(d) => navigate(serviceLink({ street: (d as unknown as StreetHours).street_id }))} />
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
          </Col>
        )}
        <Col xs={24} xl={wholeDistrict && !streetId ? 12 : 14}>
          <ChartCard title={translate("dashboard.hoursByTeam")} loading={!teams.data} empty={!teams.data?.length} testId="chart-teams"
            extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{translate("dashboard.clickHint")}</Typography.Text>}>
            <ResponsiveContainer width="100%" height={Math.max(160, (teams.data?.length ?? 0) * 22 + 40)}>
              <BarChart layout="vertical" data={(teams.data ?? []).map((t) => ({ ...t, hours: Number(t.hours) }))} margin={{ top: 4, right: 32, left: 8, bottom: 4 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" label={{ value: translate("dashboard.hoursUnit"), position: "insideBottomRight", offset: -4 }} />
                <YAxis type="category" dataKey="team_name" width={190} tick={{ fontSize: 12 }} interval={0} />
                <Tooltip formatter={(v) => `${Number(v).toLocaleString()} ${translate("dashboard.hoursUnit")}`} />
                <Bar dataKey="hours" name={translate("dashboard.hoursInRange")} fill="#f0a04b" cursor="pointer" isAnimationActive={animate}
                  onClick={(d) => navigate(serviceLink({ team: (d as unknown as TeamHours).team_id }))} />
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>
        </Col>
        <Col xs={24} xl={wholeDistrict && !streetId ? 12 : 10}>
          <ChartCard title={translate("dashboard.topVolunteers")} loading={!top.data} empty={!top.data?.length} testId="top-volunteers">
            <Table<TopVolunteer> size="small" rowKey="volunteer_id" pagination={false} dataSource={top.data}>
              <Table.Column<TopVolunteer> title="#" width={40} render={(_, __, i) => i + 1} />
              <Table.Column<TopVolunteer> title={translate("volunteers.name")} render={(_, r) => <Link to={`/passbook/${r.volunteer_id}`}>{r.name}</Link>} />
              <Table.Column<TopVolunteer> title={translate("stars.level")} render={(_, r) => <Typography.Text style={{ color: STAR_COLOR }}>{stars(r.star_level)}</Typography.Text>} />
              <Table.Column<TopVolunteer> title={translate("stars.hours")} align="right" render={(_, r) => Number(r.approved_hours).toLocaleString()} />
            </Table>
          </ChartCard>
        </Col>
        {wholeDistrict && !streetId && (
          <Col xs={24} xl={12}>
            <ChartCard title={translate("dashboard.byStreet")} loading={!structure} empty={!structure?.data.length}>
              <ResponsiveContainer width="100%" height={300}>
                <BarChart data={structure?.data ?? []} margin={{ top: 8, right: 24, left: 0, bottom: 40 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="street_name" interval={0} angle={-30} textAnchor="end" tick={{ fontSize: 12 }} />
                  <YAxis yAxisId="m" allowDecimals={false} label={{ value: translate("dashboard.peopleUnit"), angle: -90, position: "insideLeft" }} />
                  <YAxis yAxisId="t" orientation="right" allowDecimals={false} />
                  <Tooltip />
                  <Legend verticalAlign="top" />
                  <Bar yAxisId="m" dataKey="active_members" name={translate("dashboard.members")} fill="#c0392b" isAnimationActive={animate} />
                  <Bar yAxisId="t" dataKey="team_count" name={translate("dashboard.teamCount")} fill="#f0a04b" isAnimationActive={animate} />
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
          </Col>
        )}
      </Row>
    </div>
  );
}
