// The index route: a user whose every grant is team_leader lands on the leader's task home; everyone
// else on the dashboard of their scope (which a leader still reaches at /dashboard). Each loads on its
// own (the dashboard's charts are not the leader's, nor the leader's sheets the dashboard's); signing in
// fetches the right one as soon as the grants are known (providers/auth.ts).
import { lazy } from "react";
import { PageLoading } from "../components/PageLoading";
import { isLeaderOnly } from "../domain/scope";
import { useScope } from "../providers/scope";

export const loadLeaderHome = () => import("./leader-home");
export const loadDashboard = () => import("./dashboard");
const LeaderHome = lazy(loadLeaderHome);
const DashboardPage = lazy(loadDashboard);

export default function HomePage() {
  const { scope, loading } = useScope();
  if (loading) return <PageLoading />;
  return isLeaderOnly(scope) ? <LeaderHome /> : <DashboardPage />;
}
