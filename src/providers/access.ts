// Mirrors the RLS policies at resource level so menus and buttons hide what the database would
// refuse. Record-level rules (which team's roster) use src/domain/scope.ts in the pages.
import type { AccessControlProvider } from "@refinedev/core";
import { hasRole, isAdmin, type ScopeGrant } from "../domain/scope";
import { loadScope } from "./scope";

export function allowed(scope: readonly ScopeGrant[], resource: string | undefined, action: string): boolean {
  if (scope.length === 0) return resource === "account";
  const read = action === "list" || action === "show";
  switch (resource) {
    case "dashboard":
    case "account":
    case "teams":
      return read || (resource === "teams" && isAdmin(scope));
    case "org_units":
      return read || isAdmin(scope);
    case "volunteers":
      return read ? isAdmin(scope) || hasRole(scope, "finance") : isAdmin(scope);
    case "role_grants":
      return isAdmin(scope);
    default:
      return false;
  }
}

export const accessControlProvider: AccessControlProvider = {
  can: async ({ resource, action }) => {
    const scope = await loadScope().catch(() => []);
    return allowed(scope, resource, action) ? { can: true } : { can: false, reason: "no permission" };
  },
  options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
};
