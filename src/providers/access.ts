// Mirrors the RLS policies at resource level so menus and buttons hide what the database would
// refuse. Record-level rules (which team's roster) use src/domain/scope.ts in the pages.
import type { AccessControlProvider } from "@refinedev/core";
import { allowed } from "../domain/access";
import { loadScope } from "./scope";

export const accessControlProvider: AccessControlProvider = {
  can: async ({ resource, action }) => {
    const scope = await loadScope().catch(() => []);
    return allowed(scope, resource, action) ? { can: true } : { can: false, reason: "no permission" };
  },
  options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
};
