import type { RefineThemedLayoutHeaderProps } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Space, Typography } from "antd";

export function AppTitle({ collapsed }: { collapsed: boolean } & Partial<RefineThemedLayoutHeaderProps>) {
  const translate = useTranslate();
  return (
    <Space style={{ padding: "0 4px" }}>
      <span style={{ fontSize: 22 }} aria-hidden>🎗️</span>
      {!collapsed && (
        <Typography.Text strong style={{ fontSize: 14, whiteSpace: "nowrap" }}>
          {translate("app.title")}
        </Typography.Text>
      )}
    </Space>
  );
}
