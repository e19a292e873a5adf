// Overview of the caller's scope: counts and teams/members by street, computed in SQL
// (volunteer_summary, street_team_summary) under the caller's RLS.
import { useGetIdentity, useList, useTranslate } from "@refinedev/core";
import { Card, Col, Empty, Row, Skeleton, Statistic, Typography } from "antd";
import { useEffect, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { supabaseClient } from "../providers/supabase";
import { useScope } from "../providers/scope";

interface Summary {
  volunteers: number;
  in_talent_pool: number;
  holding_posts: number;
  in_groups: number;
  party_members: number;
}

interface StreetRow {
  street_id: number;
  street_name: string;
  team_count: number;
  active_members: number;
}

export default function DashboardPage() {
  const translate = useTranslate();
  const { data: user } = useGetIdentity<{ name: string }>();
  const { scope } = useScope();
  const streetIds = [...new Set(scope.filter((g) => g.street_id).map((g) => g.street_id!))];
  const wholeDistrict = scope.some((g) => g.level === "district");
  const { result: streets, query } = useList<StreetRow>({
    resource: "street_team_summary",
    pagination: { mode: "off" },
    sorters: [{ field: "street_id", order: "asc" }],
    filters: wholeDistrict || streetIds.length === 0 ? [] : [{ field: "street_id", operator: "in", value: streetIds }],
    queryOptions: { enabled: scope.length > 0 },
  });
  const [summary, setSummary] = useState<Summary>();
  useEffect(() => {
    supabaseClient.rpc("volunteer_summary").single().then(({ data }) => setSummary(data as Summary | undefined));
  }, []);
  const rows = (streets?.data ?? []).filter((s) => s.team_count > 0);
  const teams = rows.reduce((a, s) => a + s.team_count, 0);
  const members = rows.reduce((a, s) => a + s.active_members, 0);

  return (
    <div style={{ padding: 4 }}>
      <Typography.Title level={4}>{translate("dashboard.welcome", { name: user?.name ?? "" })}</Typography.Title>
      <Row gutter={[16, 16]}>
        {[
          ["dashboard.teams", teams, "支"],
          ["dashboard.activeMembers", members, "人"],
          ["dashboard.volunteers", summary?.volunteers, "人"],
          ["dashboard.talentPool", summary?.in_talent_pool, "人"],
          ["dashboard.posts", summary?.holding_posts, "人"],
          ["dashboard.groups", summary?.in_groups, "人"],
        ].map(([key, value, unit]) => (
          <Col xs={12} md={8} xl={4} key={key as string}>
            <Card size="small">
              <Statistic title={translate(key as string)} value={(value as number | undefined) ?? "—"} suffix={value === undefined ? undefined : unit} loading={query.isLoading} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={translate("dashboard.byStreet")} style={{ marginTop: 16 }}>
        {query.isLoading ? (
          <Skeleton active />
        ) : rows.length === 0 ? (
          <Empty description={translate("common.empty")} />
        ) : (
          <ResponsiveContainer width="100%" height={340}>
            <BarChart data={rows} margin={{ top: 8, right: 24, left: 0, bottom: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="street_name" interval={0} tick={{ fontSize: 12 }} />
              <YAxis yAxisId="m" label={{ value: translate("dashboard.members"), angle: -90, position: "insideLeft" }} allowDecimals={false} />
              <YAxis yAxisId="t" orientation="right" label={{ value: translate("dashboard.teamCount"), angle: 90, position: "insideRight" }} allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar yAxisId="m" dataKey="active_members" name={translate("dashboard.members")} fill="#c0392b" isAnimationActive={!window.matchMedia?.("(prefers-reduced-motion: reduce)").matches} />
              <Bar yAxisId="t" dataKey="team_count" name={translate("dashboard.teamCount")} fill="#f0a04b" isAnimationActive={!window.matchMedia?.("(prefers-reduced-motion: reduce)").matches} />
            </BarChart>
          </ResponsiveContainer>
        )}
      </Card>
    </div>
  );
}
