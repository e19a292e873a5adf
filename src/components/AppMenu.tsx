// The menu of the frame: Refine's resources the access-control provider lets this person list, then 退出登录.
// The same menu sits in the sider on wide screens and in the header's drawer on phones (antd `items`,
// so no deprecated Menu children). Resource labels are translation keys (App.tsx).
import {
  AccountBookOutlined, ApartmentOutlined, AuditOutlined, BankOutlined, BarChartOutlined, DashboardOutlined,
  ExperimentOutlined, FieldTimeOutlined, FileDoneOutlined, FlagOutlined, GiftOutlined, IdcardOutlined, LogoutOutlined,
  ProfileOutlined, SafetyCertificateOutlined, SmileOutlined, SolutionOutlined, StarOutlined, TeamOutlined,
  TrophyOutlined, UnorderedListOutlined, UserOutlined, WalletOutlined,
} from "@ant-design/icons";
import { useCanWithoutCache, useLink, useLogout, useMenu, useTranslate, useWarnAboutChange } from "@refinedev/core";
import { Menu, type MenuProps } from "antd";
import { useEffect, useState, type ReactNode } from "react";

const ICONS: Record<string, ReactNode> = {
  dashboard: <DashboardOutlined aria-hidden />, org_units: <ApartmentOutlined aria-hidden />, teams: <TeamOutlined aria-hidden />, volunteers: <IdcardOutlined aria-hidden />,
  service_records: <FieldTimeOutlined aria-hidden />, star_awards: <StarOutlined aria-hidden />, rewards: <GiftOutlined aria-hidden />, ratings: <TrophyOutlined aria-hidden />,
  honours: <FlagOutlined aria-hidden />, role_models: <SmileOutlined aria-hidden />, role_grants: <SafetyCertificateOutlined aria-hidden />, account: <UserOutlined aria-hidden />,
  grant_applications: <SolutionOutlined aria-hidden />, grants: <AuditOutlined aria-hidden />,
  funds: <WalletOutlined aria-hidden />, finance: <BarChartOutlined aria-hidden />, fund_sources: <BankOutlined aria-hidden />, budget_lines: <ProfileOutlined aria-hidden />,
  fund_ledger: <AccountBookOutlined aria-hidden />, finance_accounts: <FileDoneOutlined aria-hidden />, finance_tilt: <ExperimentOutlined aria-hidden />, partner_statements: <AuditOutlined aria-hidden />,
};

type Item = ReturnType<typeof useMenu>["menuItems"][number];

function flatten(items: Item[]): Item[] {
  return items.flatMap((i) => [i, ...flatten(i.children ?? [])]);
}

export function AppMenu({ onNavigate }: { onNavigate?: () => void }) {
  const translate = useTranslate();
  const Link = useLink();
  const { menuItems, selectedKey } = useMenu();
  const { can } = useCanWithoutCache();
  const { mutate: logout } = useLogout();
  const { warnWhen, setWarnWhen } = useWarnAboutChange();
  const [allowed, setAllowed] = useState<Set<string>>();

  const names = flatten(menuItems).map((i) => i.name).join(",");
  useEffect(() => {
    let live = true;
    const list = names ? names.split(",") : [];
    const canList = async (name: string) => ((await can?.({ resource: name, action: "list" }))?.can ?? true) ? name : undefined;
    Promise.all(list.map(canList))
      .then((ok) => live && setAllowed(new Set(ok.filter((n): n is string => !!n))));
    return () => {
      live = false;
    };
  }, [names, can]);

  const toItems = (items: Item[]): NonNullable<MenuProps["items"]> =>
    items
      .filter((i) => allowed?.has(i.name))
      .map((i) =>
        i.children?.length
          ? { key: i.key, icon: ICONS[i.name] ?? i.meta?.icon ?? <UnorderedListOutlined aria-hidden />, label: translate(i.label ?? i.name), children: toItems(i.children) }
          : { key: i.key, icon: ICONS[i.name] ?? i.meta?.icon ?? <UnorderedListOutlined aria-hidden />, label: <Link to={i.route ?? ""}>{translate(i.label ?? i.name)}</Link> },
      );

  const signOut = () => {
    if (warnWhen && !window.confirm(translate("warnWhenUnsavedChanges"))) return;
    setWarnWhen(false);
    logout();
  };

  return (
    <Menu
      mode="inline"
      selectedKeys={selectedKey ? [selectedKey] : []}
      onClick={({ key }) => {
        onNavigate?.();
        if (key === "logout") signOut();
      }}
      items={[
        ...(allowed ? toItems(menuItems) : []),
        { key: "logout", icon: <LogoutOutlined aria-hidden />, label: translate("buttons.logout"), danger: false },
      ]}
    />
  );
}
