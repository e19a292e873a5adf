// The staff page says how long a pending invitation stays valid and when it has run out; the
// figure is the auth's own (supabase/config.toml invite_expiry), not a guess in the app.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INVITE_EXPIRY_SECONDS, invitationExpired } from "../../src/domain/invitation";

describe("pending invitations", () => {
  it("live as long as the project's auth config lets an invitation link live", () => {
    const toml = fs.readFileSync(path.resolve(__dirname, "../../supabase/config.toml"), "utf8");
    const configured = /^\s*invite_expiry\s*=\s*(\d+)/m.exec(toml);
    expect(configured, "config.toml sets invite_expiry").toBeTruthy();
    expect(INVITE_EXPIRY_SECONDS).toBe(Number(configured![1]));
  });
  it("read as expired only once that time has passed since the invitation", () => {
    const sent = "2026-11-28T08:00:00Z";
    expect(invitationExpired(sent, new Date("2026-11-29T07:59:00Z"))).toBe(false);
    expect(invitationExpired(sent, new Date("2026-11-29T08:01:00Z"))).toBe(true);
  });
});
