// The index route: a user whose every grant is team_leader lands on the leader's task home; everyone
// else on the dashboard of their scope (which a leader still reaches at /dashboard). Each loads on its
// own (the dashboard's charts are not the leader's, nor the leader's sheets the dashboard's); signing in
// fetches the right one as soon as the grants are known (providers/auth.ts), and it then shows without a
// loading step (components/preloadable.ts).
import { PageLoading } from "../components/PageLoading";
import { isLeaderOnly } from "../domain/scope";
import { useScope } from "../providers/scope";
import { DashboardPage, LeaderHome } from "../start";

export default function HomePage() {
  const { scope, loading } = useScope();
  if (loading) return <PageLoading />;
  return isLeaderOnly(scope) ? <LeaderHome /> : <DashboardPage />;
}
