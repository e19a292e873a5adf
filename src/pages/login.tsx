// /login inside the app (after signing out, or when a session ends): the sign-in form through Refine's
// useLogin, which remembers the new session and goes where the person was going (?to=). Someone who
// opens the app signed out gets the same form from src/SignedOut.tsx, before Refine is loaded.
import { useLogin, useNotification } from "@refinedev/core";
import { Link } from "react-router";
import { CARD_LINK_STYLE } from "../components/AuthCard";
import { LoginForm, type Credentials } from "../components/LoginForm";
import { t } from "../providers/i18n";

export default function LoginPage() {
  const { mutateAsync: login } = useLogin<Credentials>();
  const { close } = useNotification();
  return (
    <LoginForm
      login={async (values) => {
        const r = await login(values);
        if (r.success) return undefined;
        // The form shows the refusal beside itself; Refine's passing toast is closed.
        close?.("login-error");
        return r.error?.message ?? t("pages.login.title");
      }}
      forgotLink={<Link to="/forgot-password" style={CARD_LINK_STYLE} data-testid="forgot-link">{t("auth.forgotLink")}</Link>}
      noticeLink={<Link to="/notice" style={CARD_LINK_STYLE} data-testid="notice-link">{t("publicNotice.link")}</Link>}
    />
  );
}
