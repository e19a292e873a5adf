// The frame's header. Phones: 菜单 (opens the menu as a drawer), who is signed in (name shortened, one
// role tag; the rest in a popover), 长辈版. Wide screens: the same without the menu button, plus the
// language switch (on phones it sits in the drawer). Fits a 360 px screen for every role.
import { FontSizeOutlined, MenuOutlined } from "@ant-design/icons";
import { useGetIdentity, useTranslate } from "@refinedev/core";
import { App, Button, Layout, Popover, Segmented, Space, Tag } from "antd";
import { Suspense, useEffect, useState, useTransition } from "react";
import type { ScopeGrant } from "../domain/scope";
import type { Locale } from "../locales";
import { PASSWORD_CHANGED_FLAG } from "../providers/auth";
import { getLocale, setLocale } from "../providers/i18n";
import { useLargeText } from "../providers/preferences";
import { useScope } from "../providers/scope";
import { AppMenu } from "./AppMenu";
import { LoadBoundary } from "./LoadBoundary";
import { loadWhenIdle, preloadable } from "./preloadable";
import { useIsPhone } from "./useIsPhone";

// The phone's menu drawer (wide screens have the sider): drawn on the first tap on 菜单, its code fetched on
// phones once the page is idle.
const MenuDrawer = preloadable(() => import("./MenuDrawer"));

export function LanguageSwitch() {
  const translate = useTranslate();
  return (
    <Segmented<Locale>
      aria-label={translate("frame.language")}
      value={getLocale()}
      options={[{ label: "中文", value: "zh-CN" }, { label: "EN", value: "en" }]}
      onChange={(v) => setLocale(v)}
    />
  );
}

/** The 长辈版 switch as a button that says what it does and whether it is on (aria-pressed). */
export function LargeTextButton({ block }: { block?: boolean }) {
  const translate = useTranslate();
  const { largeText, toggle, loading } = useLargeText();
  return (
    <Button
      data-testid="large-text-toggle"
      // until the person's setting is read, a tap could only guess (and turn off what was about to show on)
      loading={loading}
      disabled={loading}
      aria-pressed={largeText}
      type={largeText ? "primary" : "default"}
      icon={<FontSizeOutlined aria-hidden />}
      onClick={toggle}
      block={block}
      title={translate("frame.largeTextHint")}
    >
      {translate("frame.largeText")}
    </Button>
  );
}

function GrantList({ scope }: { scope: ScopeGrant[] }) {
  const translate = useTranslate();
  return (
    <ul style={{ listStyle: "none", margin: 0, padding: 0, maxWidth: 320 }} aria-label={translate("account.grants")}>
      {scope.map((g) => (
        <li key={g.grant_id} style={{ padding: "4px 0" }}>
          <Tag color="red" style={{ whiteSpace: "normal" }}>{translate(`roles.${g.role}`)}</Tag>
          {g.unit_name}
        </li>
      ))}
    </ul>
  );
}

export function AppHeader() {
  const translate = useTranslate();
  const phone = useIsPhone();
  const { data: user } = useGetIdentity<{ name: string; email: string }>();
  const { scope } = useScope();
  const { message } = App.useApp();
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuUsed, setMenuUsed] = useState(false);
  const [menuPending, startMenu] = useTransition();
  useEffect(() => (phone ? loadWhenIdle(MenuDrawer) : undefined), [phone]);
  useEffect(() => {
    // Arriving from 设置新密码: say once that it worked (the reset page sets the flag, then reloads "/").
    if (sessionStorage.getItem(PASSWORD_CHANGED_FLAG)) {
      sessionStorage.removeItem(PASSWORD_CHANGED_FLAG);
      message.success(translate("auth.passwordChanged"), 4);
    }
  }, [message, translate]);
  // leaving the phone layout closes the drawer (adjusted while rendering, not in an effect)
  if (!phone && menuOpen) setMenuOpen(false);

  const first = scope[0];
  const who = (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={user?.email}
      content={<GrantList scope={scope} />}
    >
      <Button type="text" className="app-header-who" aria-label={translate("frame.whoAmI", { name: user?.name ?? "" })}>
        <span data-testid="current-user" className="app-header-user">{user?.name}</span>
        {first && (
          <Tag color="red" className="app-header-role">
            {translate(`roles.${first.role}`)}{!phone && ` · ${first.unit_name}`}{scope.length > 1 && ` +${scope.length - 1}`}
          </Tag>
        )}
      </Button>
    </Popover>
  );

  return (
    <Layout.Header className="app-header" style={{ paddingInline: phone ? 8 : 24 }}>
      {phone && (
        <>
          {/* the first tap may still be fetching the drawer: the button spins (and takes no second tap) until it opens */}
          <Button icon={<MenuOutlined aria-hidden />} loading={menuPending} onClick={() => startMenu(() => {
            setMenuUsed(true);
            setMenuOpen(true);
          })} aria-expanded={menuOpen && !menuPending} aria-controls={menuUsed ? "app-menu-drawer" : undefined} data-testid="menu-button">
            {translate("frame.menu")}
          </Button>
          <LoadBoundary inline><Suspense fallback={null}>
            {menuUsed && <MenuDrawer open={menuOpen} onClose={() => setMenuOpen(false)}>
              <Space direction="vertical" style={{ width: "100%", padding: "12px 16px" }}>
                <LanguageSwitch />
              </Space>
              <nav aria-label={translate("frame.mainNav")}>
                <AppMenu onNavigate={() => setMenuOpen(false)} />
              </nav>
            </MenuDrawer>}
          </Suspense></LoadBoundary>
        </>
      )}
      <div className="app-header-title" style={{ justifyContent: phone ? "flex-start" : "flex-end" }}>{who}</div>
      <div className="app-header-tools">
        <LargeTextButton />
        {!phone && <LanguageSwitch />}
      </div>
    </Layout.Header>
  );
}
