import type { RefineThemedLayoutHeaderProps } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { HeartFilled } from "@ant-design/icons";
import { Space, Typography } from "antd";

export function AppTitle({ collapsed }: { collapsed: boolean } & Partial<RefineThemedLayoutHeaderProps>) {
  const translate = useTranslate();
  return (
    <Space style={{ padding: "0 4px" }}>
      <HeartFilled style={{ fontSize: 20, color: "#c0392b" }} aria-hidden />
      {!collapsed && (
        <Typography.Text strong style={{ fontSize: 14, whiteSpace: "nowrap" }}>
          {translate("app.title")}
        </Typography.Text>
      )}
    </Space>
  );
}
