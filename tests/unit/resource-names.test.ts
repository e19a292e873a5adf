// Refine's own strings name resources by their identifier (role_grants.role_grants, volunteers.titles.list):
// the i18n provider answers with the resource's name in the user's language, never the raw key, and
// notifications carry no bare status codes.
import { describe, expect, it } from "vitest";
import { i18nProvider } from "../../src/providers/i18n";

const tr = (key: string, options?: unknown, fallback?: string) =>
  i18nProvider.translate(key, options as Record<string, unknown>, fallback) as string;

describe("Refine's resource keys", () => {
  it("a notification names the resource (已创建授权), not role_grants.role_grants", () => {
    const resource = tr("role_grants.role_grants", "role_grant");
    expect(resource).toBe("授权");
    expect(tr("notifications.createSuccess", { resource })).toBe("已创建授权");
    expect(tr("notifications.createError", { resource, statusCode: 23505 })).toBe("创建授权失败");
  });
  it("the list button is labelled with the list's title, not volunteers.titles.list", () => {
    expect(tr("volunteers.titles.list", "Volunteers")).toBe("银龄人才库");
  });
  it("an unknown resource falls back to Refine's default text, never the key", () => {
    expect(tr("widgets.widgets", "Widget")).toBe("Widget");
    expect(tr("widgets.titles.list", "Widgets")).toBe("Widgets");
  });
});
