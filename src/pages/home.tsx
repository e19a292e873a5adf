// The index route: a user whose every grant is team_leader lands on the leader's task home; everyone
// else on the dashboard of their scope (which a leader still reaches at /dashboard).
import { lazy } from "react";
import { PageLoading } from "../components/PageLoading";
import { isLeaderOnly } from "../domain/scope";
import { useScope } from "../providers/scope";
import LeaderHome from "./leader-home";

const DashboardPage = lazy(() => import("./dashboard"));

export default function HomePage() {
  const { scope, loading } = useScope();
  if (loading) return <PageLoading />;
  return isLeaderOnly(scope) ? <LeaderHome /> : <DashboardPage />;
}
