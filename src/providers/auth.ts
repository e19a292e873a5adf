// Refine's authProvider over Supabase Auth.
import type { AuthProvider } from "@refinedev/core";
import { t } from "./i18n";
import { clearScope, loadScope } from "./scope";
import { supabaseClient } from "./supabase";

export const authProvider: AuthProvider = {
  login: async ({ email, password }) => {
    clearScope();
    const { error } = await supabaseClient.auth.signInWithPassword({ email, password });
    if (error) {
      const key = error.code === "invalid_credentials" ? "pages.login.failed" : "errors.network";
      return { success: false, error: { name: t("pages.login.title"), message: error.status ? t(key) : t("errors.network") } };
    }
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
  onError: async (error) => {
    const code = (error as { code?: string })?.code;
    if (code === "PGRST301" || code === "PGRST302" || error?.statusCode === 401) return { logout: true, redirectTo: "/login" };
    return {};
  },
  getPermissions: async () => loadScope(),
  getIdentity: async () => {
    const { data } = await supabaseClient.auth.getUser();
    if (!data.user) return null;
    const name = (data.user.user_metadata?.display_name as string | undefined) ?? data.user.email;
    return { id: data.user.id, email: data.user.email, name };
  },
};
