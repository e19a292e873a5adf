// The providers Refine is given at the root, loading the real ones (supabase-js, the data, auth and
// access-control providers) only when first asked. The sign-in page of someone not signed in asks
// nothing until they press 登录, so it does not download supabase-js (about 50 kB gzip) to show a form.
import type { AccessControlProvider, AuthProvider, DataProvider } from "@refinedev/core";
import { mayHaveSession, SUPABASE_URL } from "./config";

const load = () => import("./backend");
/** Starts loading the real providers (and supabase-js) before they are first asked for. */
export const preloadBackend = load;

// The same methods as providers/data.ts (Refine looks at which exist: getMany, createMany, … or loops).
const DATA_METHODS = [
  "getList", "getMany", "getOne", "create", "createMany", "update", "updateMany", "deleteOne", "deleteMany", "custom",
] as const satisfies readonly (keyof DataProvider)[];

export const dataProvider = Object.fromEntries([
  ...DATA_METHODS.map((m) => [m, async (params: never) => {
    const real = (await load()).dataProvider[m] as ((p: never) => Promise<unknown>) | undefined;
    if (!real) throw new Error(`data provider: ${m} not implemented`);
    return real(params);
  }]),
  ["getApiUrl", () => `${SUPABASE_URL}/rest/v1`],
]) as unknown as DataProvider;

export const authProvider: AuthProvider = {
  login: async (p) => (await load()).authProvider.login(p),
  logout: async (p) => (await load()).authProvider.logout(p),
  // Nobody stored a session and no email link brought one: not signed in, without loading the client.
  check: async (p) => (mayHaveSession() ? (await load()).authProvider.check(p) : { authenticated: false, redirectTo: "/login" }),
  onError: async (e) => (await load()).authProvider.onError(e),
  forgotPassword: async (p) => (await load()).authProvider.forgotPassword!(p),
  updatePassword: async (p) => (await load()).authProvider.updatePassword!(p),
  getPermissions: async (p) => (await load()).authProvider.getPermissions!(p),
  getIdentity: async (p) => (await load()).authProvider.getIdentity!(p),
};

export const accessControlProvider: AccessControlProvider = {
  can: async (p) => (await load()).accessControlProvider.can(p),
  options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
};
