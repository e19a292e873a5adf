import {
  ApartmentOutlined, DashboardOutlined, SafetyCertificateOutlined, TeamOutlined, UserOutlined, IdcardOutlined, FieldTimeOutlined,
  StarOutlined, GiftOutlined, TrophyOutlined, FlagOutlined, SmileOutlined,
} from "@ant-design/icons";
import { ErrorComponent, ThemedLayout, ThemedSider, useNotificationProvider } from "@refinedev/antd";
import "@refinedev/antd/dist/reset.css";
import { Authenticated, Refine } from "@refinedev/core";
import routerProvider, { CatchAllNavigate, DocumentTitleHandler, NavigateToResource, UnsavedChangesNotifier } from "@refinedev/react-router";
import { App as AntdApp, ConfigProvider } from "antd";
import enUS from "antd/es/locale/en_US";
import zhCN from "antd/es/locale/zh_CN";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { BrowserRouter, Outlet, Route, Routes } from "react-router";
import { AppHeader } from "./components/AppHeader";
import { AppTitle } from "./components/AppTitle";
import { PageLoading } from "./components/PageLoading";
import { accessControlProvider } from "./providers/access";
import { authProvider } from "./providers/auth";
import { dataProvider } from "./providers/data";
import { getLocale, i18nProvider, onLocaleChange, t } from "./providers/i18n";
import { LoginPage } from "./pages/login";

const HomePage = lazy(() => import("./pages/home"));
const DashboardPage = lazy(() => import("./pages/dashboard"));
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

// Pages anyone may open (email links land here), and the title each gives the browser tab.
const PUBLIC_TITLES: Record<string, string> = {
  "/login": "pages.login.title",
  "/forgot-password": "auth.forgotTitle",
  "/reset-password": "auth.resetTitle",
  "/accept-invite": "auth.acceptTitle",
};

export default function App() {
  const [locale, setLocaleState] = useState(getLocale());
  useEffect(() => onLocaleChange(setLocaleState), []);

  const resources = useMemo(
    () => [
      { name: "dashboard", list: "/", meta: { label: t("nav.dashboard"), icon: <DashboardOutlined /> } },
      { name: "org_units", list: "/org-units", meta: { label: t("nav.orgTree"), icon: <ApartmentOutlined /> } },
      { name: "teams", list: "/teams", show: "/teams/:id", meta: { label: t("nav.teams"), icon: <TeamOutlined /> } },
      {
        name: "volunteers", list: "/volunteers", create: "/volunteers/create", edit: "/volunteers/edit/:id",
        show: "/volunteers/show/:id", meta: { label: t("nav.volunteers"), icon: <IdcardOutlined /> },
      },
      { name: "service_records", list: "/service", meta: { label: t("nav.service"), icon: <FieldTimeOutlined /> } },
      { name: "star_awards", list: "/stars", meta: { label: t("nav.starAwards"), icon: <StarOutlined /> } },
      { name: "rewards", list: "/rewards", meta: { label: t("nav.rewards"), icon: <GiftOutlined /> } },
      { name: "passbook", list: "/passbook/:volunteerId", meta: { label: t("passbook.title"), hide: true } },
      { name: "ratings", list: "/ratings", meta: { label: t("nav.ratings"), icon: <TrophyOutlined /> } },
      { name: "honours", list: "/honours", meta: { label: t("nav.honours"), icon: <FlagOutlined /> } },
      { name: "role_models", list: "/role-models", meta: { label: t("nav.roleModels"), icon: <SmileOutlined /> } },
      { name: "role_grants", list: "/staff", meta: { label: t("nav.staff"), icon: <SafetyCertificateOutlined /> } },
      { name: "account", list: "/account", meta: { label: t("nav.account"), icon: <UserOutlined /> } },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [locale],
  );

  return (
    <BrowserRouter>
      <ConfigProvider locale={locale === "en" ? enUS : zhCN} theme={{ token: { colorPrimary: "#c0392b" } }}>
        <AntdApp>
          <Refine
            key={locale}
            dataProvider={dataProvider}
            authProvider={authProvider}
            accessControlProvider={accessControlProvider}
            i18nProvider={i18nProvider}
            routerProvider={routerProvider}
            notificationProvider={useNotificationProvider}
            resources={resources}
            options={{ syncWithLocation: true, warnWhenUnsavedChanges: true, disableTelemetry: true, reactQuery: { clientConfig: { defaultOptions: { queries: { retry: 1 } } } } }}
          >
            <Routes>
              <Route
                element={
                  <Authenticated key="app" fallback={<CatchAllNavigate to="/login" />}>
                    <ThemedLayout Header={AppHeader} Title={AppTitle} Sider={(p) => <ThemedSider {...p} render={({ items, logout }) => <>{items}{logout}</>} />}>
                      <Suspense fallback={<PageLoading />}>
                        <Outlet />
                      </Suspense>
                    </ThemedLayout>
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
                <Route path="/account" element={<AccountPage />} />
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
              </Route>
            </Routes>
            <UnsavedChangesNotifier />
            <DocumentTitleHandler handler={({ resource, pathname }) => {
              const publicTitle = pathname ? PUBLIC_TITLES[pathname] : undefined;
              const label = publicTitle ? t(publicTitle) : (resource?.meta?.label as string | undefined);
              return label ? `${label}${t("documentTitle.suffix")}` : t("documentTitle.default");
            }} />
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  );
}
