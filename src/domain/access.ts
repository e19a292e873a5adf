// Which resources and actions a scope may use: the resource-level mirror of the RLS policies,
// used by the accessControlProvider to hide menus and buttons.
import { hasRole, isAdmin, type ScopeGrant } from "./scope";

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
