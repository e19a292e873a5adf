// The signed-in frame, loaded after sign-in (React.lazy in App.tsx) so the sign-in page stays light:
// header, the menu (sider on wide screens, a drawer from the header on phones), the page in <main>.
// It also loads the person's 长辈版 setting and drops it again on sign-out.
import { useTranslate } from "@refinedev/core";
import { Layout } from "antd";
import { Suspense, useEffect, useState } from "react";
import { Outlet, useLocation } from "react-router";
import "../providers/dayjs";
import { resetLargeText, useLargeTextSetting } from "../providers/preferences";
import { AppHeader } from "./AppHeader";
import { AppMenu } from "./AppMenu";
import { AppTitle } from "./AppTitle";
import { LoadBoundary } from "./LoadBoundary";
import { PageLoading } from "./PageLoading";
import { useIsPhone } from "./useIsPhone";

/** Reads and saves the 长辈版 setting. A component of its own, so that its queries settling re-render only
 *  this, not the header, the menu and the page (each settle cost a frame's worth on a slow phone). */
function LargeTextSetting() {
  useLargeTextSetting();
  return null;
}

export default function AppLayout() {
  const translate = useTranslate();
  const phone = useIsPhone();
  const [collapsed, setCollapsed] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => () => resetLargeText(), []);
  return (
    <Layout style={{ minHeight: "100vh" }} hasSider={!phone}>
      <LargeTextSetting />
      {!phone && (
        <Layout.Sider className="app-sider" theme="light" width={240} collapsedWidth={80} breakpoint="lg" collapsed={collapsed} onCollapse={setCollapsed} trigger={null}
          style={{ position: "sticky", top: 0, height: "100vh", overflow: "auto", borderInlineEnd: "1px solid #f0f0f0" }}>
          <div style={{ padding: "12px 8px", borderBottom: "1px solid #f0f0f0" }}>
            <AppTitle collapsed={collapsed} />
          </div>
          <nav aria-label={translate("frame.mainNav")}>
            <AppMenu />
          </nav>
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <AppHeader />
        <Layout.Content className="app-main">
          <LoadBoundary resetKey={pathname}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </LoadBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
