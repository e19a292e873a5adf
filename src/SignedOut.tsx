// What someone who is not signed in sees first: the sign-in form alone, without Refine, the router or
// supabase-js (main.tsx loads this or App.tsx, not both). Signing in loads the client (providers/deferred)
// and then the app, which takes over at the page the person was going to (?to=, as Refine's own login).
// The app is fetched as soon as the person starts on the form, while they type.
import { useEffect, type MouseEvent } from "react";
import { CARD_LINK_STYLE } from "./components/AuthCard";
import { LoginForm } from "./components/LoginForm";
import { authProvider } from "./providers/deferred";
import { t, useLocale } from "./providers/i18n";

/** Only a path of this app (`/…`, not `//host`) is followed after signing in. */
const ownPath = (p: string | null | undefined) => (p && /^\/(?!\/)/.test(p) ? p : undefined);

export default function SignedOut({ enter, loadApp }: {
  /** leaves the sign-in page for the app at `path` (replacing /login in the history, or after it) */
  enter: (path: string, replace?: boolean) => void;
  /** starts loading the app (and what it shows first) */
  loadApp: () => void;
}) {
  const locale = useLocale();
  // the tab's title, as the app's DocumentTitleHandler words it on /login
  useEffect(() => {
    document.title = `${t("pages.login.title")}${t("documentTitle.suffix")}`;
  }, [locale]);

  // the app's public pages (忘记密码, 公示) open in place, as a router link would
  const open = (path: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    enter(path, false);
  };

  return (
    <LoginForm
      onStart={loadApp}
      login={async (values) => {
        loadApp();
        const r = await authProvider.login(values);
        if (!r.success) return r.error?.message ?? t("pages.login.title");
        enter(ownPath(new URLSearchParams(window.location.search).get("to")) ?? ownPath(r.redirectTo) ?? "/");
        return undefined;
      }}
      forgotLink={<a href="/forgot-password" onClick={open("/forgot-password")} style={CARD_LINK_STYLE} data-testid="forgot-link">{t("auth.forgotLink")}</a>}
      noticeLink={<a href="/notice" onClick={open("/notice")} style={CARD_LINK_STYLE} data-testid="notice-link">{t("publicNotice.link")}</a>}
    />
  );
}
