// The way back to the sign-in page under a public page's card (忘记密码, 设置新密码, 接受邀请).
import { useTranslate } from "@refinedev/core";
import { Link } from "react-router";
import { CARD_LINK_STYLE } from "./AuthCard";

export function BackToLogin() {
  const translate = useTranslate();
  return (
    <div style={{ textAlign: "center", marginTop: 8 }}>
      <Link to="/login" style={CARD_LINK_STYLE}>{translate("auth.backToLogin")}</Link>
    </div>
  );
}
