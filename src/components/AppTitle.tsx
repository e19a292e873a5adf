// The programme's mark and name at the top of the sider (the mark alone when the sider is narrow).
import { HeartFilled } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { theme } from "antd";
import { Link } from "react-router";
import { BRAND_RED } from "../theme";

export function AppTitle({ collapsed }: { collapsed: boolean }) {
  const translate = useTranslate();
  const { token } = theme.useToken();
  return (
    <Link to="/" aria-label={collapsed ? translate("app.title") : undefined}
      style={{ display: "flex", alignItems: "center", gap: 8, minHeight: 44, padding: "0 8px", justifyContent: collapsed ? "center" : "flex-start" }}>
      <HeartFilled style={{ fontSize: 22, color: BRAND_RED }} aria-hidden />
      {!collapsed && (
        <strong style={{ fontSize: "1em", lineHeight: 1.3, fontWeight: token.fontWeightStrong, color: token.colorText }}>
          {translate("app.title")}
        </strong>
      )}
    </Link>
  );
}
