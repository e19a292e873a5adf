import { useGetIdentity, useTranslate } from "@refinedev/core";
import { App, Layout, Segmented, Space, Tag, Typography } from "antd";
import { useEffect } from "react";
import type { Locale } from "../locales";
import { PASSWORD_CHANGED_FLAG } from "../providers/auth";
import { getLocale, setLocale } from "../providers/i18n";
import { useScope } from "../providers/scope";

export function AppHeader() {
  const translate = useTranslate();
  const { data: user } = useGetIdentity<{ name: string; email: string }>();
  const { scope } = useScope();
  const { message } = App.useApp();
  useEffect(() => {
    // Arriving from 设置新密码: say once that it worked (the reset page sets the flag, then reloads "/").
    if (sessionStorage.getItem(PASSWORD_CHANGED_FLAG)) {
      sessionStorage.removeItem(PASSWORD_CHANGED_FLAG);
      message.success(translate("auth.passwordChanged"), 4);
    }
  }, [message, translate]);
  return (
    <Layout.Header style={{ background: "#fff", display: "flex", justifyContent: "flex-end", alignItems: "center", padding: "0 24px", height: 56, borderBottom: "1px solid #f0f0f0" }}>
      <Space size="middle">
        {scope.map((g) => (
          <Tag color="red" key={g.grant_id}>
            {translate(`roles.${g.role}`)} · {g.unit_name}
          </Tag>
        ))}
        <Typography.Text data-testid="current-user">{user?.name}</Typography.Text>
        <Segmented<Locale>
          size="small"
          value={getLocale()}
          options={[{ label: "中文", value: "zh-CN" }, { label: "EN", value: "en" }]}
          onChange={(v) => setLocale(v)}
        />
      </Space>
    </Layout.Header>
  );
}
