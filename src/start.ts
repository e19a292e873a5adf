// What the app shows first once someone is signed in: the frame (AppLayout) and the index route (HomePage),
// which is the leader's task home or the dashboard of the person's scope. Their code is fetched ahead, while
// the password is typed and checked (main.tsx, providers/auth.ts) or as a stored session opens the app, and
// then renders without a loading step (components/preloadable.ts). This module is small on purpose: the
// sign-in page imports it.
import { preloadable } from "./components/preloadable";

export const AppLayout = preloadable(() => import("./components/AppLayout"));
export const HomePage = preloadable(() => import("./pages/home"));
export const LeaderHome = preloadable(() => import("./pages/leader-home"));
export const DashboardPage = preloadable(() => import("./pages/dashboard"));

/** The frame and the index route; on signing in also the leader's home (small, and the one a phone must
 *  show quickly). The dashboard (its charts are large) only once the grants say it is this person's start
 *  page, and neither home for a stored session, whose grants the app asks for first. */
export function preloadStart({ leaderHome }: { leaderHome: boolean }): Promise<unknown> {
  return Promise.all([AppLayout.load(), HomePage.load(), leaderHome && LeaderHome.load()]);
}

/** The start page the person's grants choose (pages/home.tsx), as soon as they are known. */
export async function preloadHome(): Promise<unknown> {
  const [{ loadScope }, { isLeaderOnly }] = await Promise.all([import("./providers/scope"), import("./domain/scope")]);
  const scope = await loadScope();
  if (scope.length === 0) return undefined; // no session after all: the app goes to the sign-in page
  return isLeaderOnly(scope) ? LeaderHome.load() : DashboardPage.load();
}
