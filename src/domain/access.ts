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
    // service is recorded by the team's leaders and the scope's admins; every role reads it
    case "service_records":
      return read || isAdmin(scope) || hasRole(scope, "team_leader");
    // the passbook and star levels are read in every role's scope; writes go through RPCs
    case "passbook":
    case "star_awards":
    case "ratings":
    case "honours":
      return read;
    // the catalogue and the honour roll are kept by the organisation department (and streets for theirs)
    case "rewards":
      return read || hasRole(scope, "org_admin");
    case "role_models":
      return read || isAdmin(scope);
    default:
      return false;
  }
}
