// Refine's authProvider over Supabase Auth: sign-in, sign-out, the password-recovery email, setting
// a password (after a recovery or invitation link, or from the account page), and the session an
// email link brings in the URL fragment. Every refusal goes through the one error mapping.
import type { AuthProvider } from "@refinedev/core";
import { useEffect, useState } from "react";
import { errorKey, type BackendError } from "../domain/errors";
import { linkTarget } from "../domain/password";
import { errorMessage } from "./data";
import { t } from "./i18n";
import { preloadHome, preloadStart } from "../start";
import { clearScope, loadScope } from "./scope";
import { IS_LOCAL_STACK, supabaseClient } from "./supabase";

/** sessionStorage key the reset page sets before entering the app, so the app says 密码已更改 once. */
export const PASSWORD_CHANGED_FLAG = "password-changed";

/** Whether the app talks to the local stack (pages may not import the raw client module). */
export { IS_LOCAL_STACK };

export interface UpdatePasswordInput {
  password: string;
  /** Set together with the password when an invited person accepts (staff_profiles and user metadata). */
  displayName?: string;
  redirectTo?: string;
}

function refused(e: unknown) {
  return { success: false, error: { name: t("pages.login.title"), message: errorMessage(e) } };
}

export const authProvider: AuthProvider = {
  login: async ({ email, password }) => {
    clearScope();
    // the start page's code loads while the password is checked, and the grants that choose it right after,
    // then that page's own code (on a phone every round trip counts: tests/bench/phone.ts)
    void preloadStart({ leaderHome: true });
    const { error } = await supabaseClient.auth.signInWithPassword({ email, password });
    if (error) return refused(error);
    void preloadHome().catch(() => undefined);
    return { success: true, redirectTo: "/" };
  },
  logout: async () => {
    clearScope();
    await supabaseClient.auth.signOut();
    return { success: true, redirectTo: "/login" };
  },
  check: async () => {
    const { data } = await supabaseClient.auth.getSession();
    return data.session ? { authenticated: true } : { authenticated: false, redirectTo: "/login" };
  },
  // Always the same answer for an unknown address (no account enumeration); only a refusal that
  // says nothing about the address (rate limit, network) is reported.
  forgotPassword: async ({ email }) => {
    const { error } = await supabaseClient.auth.resetPasswordForEmail(String(email).trim().toLowerCase(), {
      redirectTo: linkTarget(window.location.origin, "/reset-password"),
    });
    const key = error ? errorKey(error) : undefined;
    if (key === "errors.tooManyAttempts" || key === "errors.tooManyEmails" || key === "errors.network") return refused(error);
    return { success: true };
  },
  updatePassword: async ({ password, displayName, redirectTo }: UpdatePasswordInput) => {
    const name = displayName?.trim();
    const { data, error } = await supabaseClient.auth.updateUser(name ? { password, data: { display_name: name } } : { password });
    if (error) return refused(error);
    if (name) {
      const { error: profileError } = await supabaseClient.from("staff_profiles").update({ display_name: name }).eq("user_id", data.user.id);
      if (profileError) return refused(profileError);
    }
    clearScope();
    return { success: true, redirectTo };
  },
  onError: async (error) => {
    const code = (error as { code?: string })?.code;
    if (code === "PGRST301" || code === "PGRST302" || error?.statusCode === 401) return { logout: true, redirectTo: "/login" };
    return {};
  },
  getPermissions: async () => loadScope(),
  // the signed-in person's name for the screen, from the session this browser holds (no round trip before the
  // greeting shows); what they may see or change is decided by the database, not by this
  getIdentity: async () => {
    const { data } = await supabaseClient.auth.getSession();
    const user = data.session?.user;
    if (!user) return null;
    const name = (user.user_metadata?.display_name as string | undefined) ?? user.email;
    return { id: user.id, email: user.email, name };
  },
};

/** Keeps the signed-in user's display name in their Auth metadata too (the header reads it); the
 *  staff_profiles row is written through the data provider. Returns the refusal, if any. */
export async function saveDisplayNameMetadata(display_name: string): Promise<unknown> {
  const { error } = await supabaseClient.auth.updateUser({ data: { display_name } });
  return error ?? null;
}

export type LinkSession =
  | { state: "checking" }
  | { state: "ready"; email: string }
  | { state: "expired"; message: string }
  | { state: "missing" };

/**
 * The session an invitation or recovery link brings. supabase-js (detectSessionInUrl, implicit flow)
 * reads the URL fragment when the app loads: `#access_token=…&type=invite|recovery` becomes the
 * session (and a SIGNED_IN or PASSWORD_RECOVERY event), `#error_code=otp_expired…` an error that
 * initialize() returns. A reload after the fragment was consumed finds the stored session.
 */
export function useLinkSession(): LinkSession {
  const [state, setState] = useState<LinkSession>({ state: "checking" });
  useEffect(() => {
    let live = true;
    const settle = async () => {
      const { error } = await supabaseClient.auth.initialize();
      const { data } = await supabaseClient.auth.getSession();
      if (!live) return;
      if (error) {
        // A refused link wins over a session the browser already had: it is not this person's.
        const details = (error as { details?: { code?: string } }).details;
        const linkError: BackendError = { code: details?.code ?? error.code, message: error.message, status: error.status, name: error.name };
        setState({ state: "expired", message: errorMessage(linkError) });
      } else if (data.session) {
        clearScope();
        setState({ state: "ready", email: data.session.user.email ?? "" });
      } else setState({ state: "missing" });
    };
    settle();
    // Calling the client inside its own callback can deadlock on its lock: settle afterwards.
    const { data: sub } = supabaseClient.auth.onAuthStateChange((event) => {
      if (event === "PASSWORD_RECOVERY" || event === "SIGNED_IN") setTimeout(settle, 0);
    });
    return () => {
      live = false;
      sub.subscription.unsubscribe();
    };
  }, []);
  return state;
}
