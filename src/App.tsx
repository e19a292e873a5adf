// Wiring only: providers, resources, routes. main.tsx loads this module (the theme and the CSS are there,
// components/Frame.tsx) for everyone but a signed-out visitor, who gets SignedOut.tsx first. The signed-in
// frame (AppLayout), every page and supabase-js (providers/deferred.ts) are loaded on demand.
import { Authenticated, Refine, type I18nProvider } from "@refinedev/core";
import routerProvider, { CatchAllNavigate, DocumentTitleHandler, NavigateToResource, UnsavedChangesNotifier } from "@refinedev/react-router";
import { App as AntdApp } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { BrowserRouter, Outlet, Route, Routes } from "react-router";
import { PageLoading } from "./components/PageLoading";
import { accessControlProvider, authProvider, dataProvider } from "./providers/deferred";
import { lookup } from "./locales";
import { getLocale, i18nProvider, t, useLocale } from "./providers/i18n";
import { useNotificationProvider } from "./providers/notification";
import { PUBLIC_TITLES } from "./public-pages";
import { AppLayout, DashboardPage, HomePage } from "./start";

const LoginPage = lazy(() => import("./pages/login"));
const ErrorComponent = lazy(() => import("@refinedev/antd").then((m) => ({ default: m.ErrorComponent })));
const AccountPage = lazy(() => import("./pages/account"));
const OrgTreePage = lazy(() => import("./resources/org-units/tree"));
const TeamList = lazy(() => import("./resources/teams/list"));
const TeamRoster = lazy(() => import("./resources/teams/roster"));
const VolunteerList = lazy(() => import("./resources/volunteers/list"));
const VolunteerCreate = lazy(() => import("./resources/volunteers/create"));
const VolunteerEdit = lazy(() => import("./resources/volunteers/edit"));
const VolunteerShow = lazy(() => import("./resources/volunteers/show"));
const StaffList = lazy(() => import("./resources/role-grants/list"));
const ServiceRecordList = lazy(() => import("./resources/service-records/list"));
const StarAwardList = lazy(() => import("./resources/star-awards/list"));
const RewardList = lazy(() => import("./resources/rewards/list"));
const RatingList = lazy(() => import("./resources/ratings/list"));
const RoleModelWall = lazy(() => import("./resources/role-models/list"));
const PassbookPage = lazy(() => import("./pages/passbook"));
const CertificatePage = lazy(() => import("./pages/certificate"));
const HonoursPage = lazy(() => import("./pages/honours"));
const ForgotPasswordPage = lazy(() => import("./pages/forgot-password"));
const ResetPasswordPage = lazy(() => import("./pages/reset-password"));
const AcceptInvitePage = lazy(() => import("./pages/accept-invite"));
const ApplicationList = lazy(() => import("./resources/grant-applications/list"));
const ApplicationCreate = lazy(() => import("./resources/grant-applications/create"));
const ApplicationEdit = lazy(() => import("./resources/grant-applications/edit"));
const ApplicationShow = lazy(() => import("./resources/grant-applications/show"));
const GrantList = lazy(() => import("./resources/grants/list"));
const GrantShow = lazy(() => import("./resources/grants/show"));
const NoticePage = lazy(() => import("./pages/notice"));
const FinanceDashboardPage = lazy(() => import("./pages/finance"));
const FinanceAccountsPage = lazy(() => import("./pages/finance-accounts"));
const TiltSimulatorPage = lazy(() => import("./pages/finance-tilt"));
const PartnerStatementPage = lazy(() => import("./pages/finance-partner"));
const TrancheNoticePage = lazy(() => import("./pages/finance-notice"));
const FundSourceList = lazy(() => import("./resources/funds/sources"));
const BudgetLineList = lazy(() => import("./resources/funds/lines"));
const LedgerList = lazy(() => import("./resources/funds/ledger"));
const MoneyGate = lazy(() => import("./resources/funds/MoneyGate"));

// Pages anyone may open and their tab titles: src/public-pages.ts (main.tsx reads it too).

// Menu icons live with the menu (components/AppMenu.tsx), loaded after sign-in.
// Resource labels are translation keys, translated where they are shown (the menu, the document title,
// Refine's fallbacks through textTransformers). They must not change with the language: Refine puts a
// resource's meta into every query key of that resource, so a translated label would refetch all data.
const RESOURCES = [
  { name: "dashboard", list: "/", meta: { label: "nav.dashboard" } },
  { name: "org_units", list: "/org-units", meta: { label: "nav.orgTree" } },
  { name: "teams", list: "/teams", show: "/teams/:id", meta: { label: "nav.teams" } },
  {
    name: "volunteers", list: "/volunteers", create: "/volunteers/create", edit: "/volunteers/edit/:id",
    show: "/volunteers/show/:id", meta: { label: "nav.volunteers" },
  },
  { name: "service_records", list: "/service", meta: { label: "nav.service" } },
  { name: "star_awards", list: "/stars", meta: { label: "nav.starAwards" } },
  { name: "rewards", list: "/rewards", meta: { label: "nav.rewards" } },
  { name: "passbook", list: "/passbook/:volunteerId", meta: { label: "passbook.title", hide: true } },
  { name: "ratings", list: "/ratings", meta: { label: "nav.ratings" } },
  { name: "honours", list: "/honours", meta: { label: "nav.honours" } },
  { name: "role_models", list: "/role-models", meta: { label: "nav.roleModels" } },
  { name: "role_grants", list: "/staff", meta: { label: "nav.staff" } },
  {
    name: "grant_applications", list: "/grant-applications", create: "/grant-applications/create", edit: "/grant-applications/:id/edit",
    show: "/grant-applications/:id", meta: { label: "nav.grantApplications" },
  },
  { name: "grants", list: "/grants", show: "/grants/:id", meta: { label: "nav.grants" } },
  // 经费 (finance, issue 9): a menu group only finance and the organisation department see
  { name: "funds", meta: { label: "finance.nav.group" } },
  { name: "finance", list: "/finance", meta: { label: "finance.nav.dashboard", parent: "funds" } },
  { name: "fund_sources", list: "/funds/sources", meta: { label: "finance.nav.sources", parent: "funds" } },
  { name: "budget_lines", list: "/funds/lines", meta: { label: "finance.nav.lines", parent: "funds" } },
  { name: "fund_ledger", list: "/funds/ledger", meta: { label: "finance.nav.ledger", parent: "funds" } },
  { name: "finance_accounts", list: "/finance/accounts", meta: { label: "finance.nav.accounts", parent: "funds" } },
  { name: "finance_tilt", list: "/finance/tilt", meta: { label: "finance.nav.tilt", parent: "funds" } },
  { name: "partner_statements", list: "/finance/partners/:id", meta: { label: "finance.nav.statement", hide: true } },
  { name: "tranche_notices", list: "/finance/tranches/:id/notice", meta: { label: "finance.nav.notice", hide: true } },
  { name: "account", list: "/account", meta: { label: "nav.account" } },
];

// Refine names a resource from its label when a page gives no title: translate our label keys, and keep
// names as written (no English plural of a Chinese name).
const humanize = (s: string) => s.replace(/[_-]+/g, " ").replace(/^\w/, (c) => c.toUpperCase());
const TEXT = {
  humanize: (s: string) => (lookup(getLocale(), s) ? t(s) : humanize(s)),
  plural: (s: string) => s,
  singular: (s: string) => s,
};

export default function App() {
  const locale = useLocale();
  // A new provider object per language: every useTranslate() caller re-renders in place; the query
  // cache, the routes and the pages' state stay.
  const i18n = useMemo<I18nProvider>(() => ({ ...i18nProvider, getLocale: () => locale }), [locale]);

  return (
    <BrowserRouter>
      <Suspense fallback={<PageLoading />}>
        <AntdApp>
          <Refine
            dataProvider={dataProvider}
            authProvider={authProvider}
            accessControlProvider={accessControlProvider}
            i18nProvider={i18n}
            routerProvider={routerProvider}
            notificationProvider={useNotificationProvider}
            resources={RESOURCES}
            options={{ textTransformers: TEXT, syncWithLocation: true, warnWhenUnsavedChanges: true, disableTelemetry: true, reactQuery: { clientConfig: { defaultOptions: { queries: { retry: 1 } } } } }}
          >
            <Routes>
              <Route
                element={
                  // while the session is checked: the spinner, not a blank page (on a slow phone, after 登录)
                  <Authenticated key="app" fallback={<CatchAllNavigate to="/login" />} loading={<PageLoading />}>
                    <Suspense fallback={<PageLoading />}>
                      <AppLayout />
                    </Suspense>
                  </Authenticated>
                }
              >
                <Route index element={<HomePage />} />
                <Route path="/dashboard" element={<DashboardPage />} />
                <Route path="/org-units" element={<OrgTreePage />} />
                <Route path="/teams">
                  <Route index element={<TeamList />} />
                  <Route path=":id" element={<TeamRoster />} />
                </Route>
                <Route path="/volunteers">
                  <Route index element={<VolunteerList />} />
                  <Route path="create" element={<VolunteerCreate />} />
                  <Route path="edit/:id" element={<VolunteerEdit />} />
                  <Route path="show/:id" element={<VolunteerShow />} />
                </Route>
                <Route path="/service" element={<ServiceRecordList />} />
                <Route path="/stars" element={<StarAwardList />} />
                <Route path="/rewards" element={<RewardList />} />
                <Route path="/passbook/:volunteerId" element={<PassbookPage />} />
                <Route path="/certificates/:kind/:id" element={<CertificatePage />} />
                <Route path="/ratings" element={<RatingList />} />
                <Route path="/honours" element={<HonoursPage />} />
                <Route path="/role-models" element={<RoleModelWall />} />
                <Route path="/staff" element={<StaffList />} />
                <Route path="/grant-applications">
                  <Route index element={<ApplicationList />} />
                  <Route path="create" element={<ApplicationCreate />} />
                  <Route path=":id" element={<ApplicationShow />} />
                  <Route path=":id/edit" element={<ApplicationEdit />} />
                </Route>
                <Route path="/grants">
                  <Route index element={<GrantList />} />
                  <Route path=":id" element={<GrantShow />} />
                </Route>
                <Route path="/account" element={<AccountPage />} />
                <Route element={<MoneyGate />}>
                  <Route path="/finance" element={<FinanceDashboardPage />} />
                  <Route path="/finance/accounts" element={<FinanceAccountsPage />} />
                  <Route path="/finance/tilt" element={<TiltSimulatorPage />} />
                  <Route path="/finance/partners/:id" element={<PartnerStatementPage />} />
                  <Route path="/finance/tranches/:id/notice" element={<TrancheNoticePage />} />
                  <Route path="/funds/sources" element={<FundSourceList />} />
                  <Route path="/funds/lines" element={<BudgetLineList />} />
                  <Route path="/funds/ledger" element={<LedgerList />} />
                </Route>
                <Route path="*" element={<ErrorComponent />} />
              </Route>
              <Route
                element={
                  <Authenticated key="auth-pages" fallback={<Outlet />}>
                    <NavigateToResource resource="dashboard" />
                  </Authenticated>
                }
              >
                <Route path="/login" element={<LoginPage />} />
              </Route>
              <Route element={<Suspense fallback={<PageLoading />}><Outlet /></Suspense>}>
                <Route path="/forgot-password" element={<ForgotPasswordPage />} />
                <Route path="/reset-password" element={<ResetPasswordPage />} />
                <Route path="/accept-invite" element={<AcceptInvitePage />} />
                <Route path="/notice" element={<NoticePage />} />
              </Route>
            </Routes>
            <UnsavedChangesNotifier />
            <DocumentTitleHandler handler={({ resource, pathname }) => {
              const publicTitle = pathname ? PUBLIC_TITLES[pathname] : undefined;
              const label = publicTitle ? t(publicTitle) : resource?.meta?.label ? t(resource.meta.label as string) : undefined;
              return label ? `${label}${t("documentTitle.suffix")}` : t("documentTitle.default");
            }} />
          </Refine>
        </AntdApp>
      </Suspense>
    </BrowserRouter>
  );
}
