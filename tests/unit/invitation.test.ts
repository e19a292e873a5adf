// The staff page says how long a pending invitation link stays valid; the figure is the auth's own
// (supabase/config.toml invite_expiry), not a guess in the app.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INVITE_EXPIRY_SECONDS } from "../../src/domain/invitation";

describe("pending invitations", () => {
  it("live as long as the project's auth config lets an invitation link live", () => {
    const toml = fs.readFileSync(path.resolve(__dirname, "../../supabase/config.toml"), "utf8");
    const configured = /^\s*invite_expiry\s*=\s*(\d+)/m.exec(toml);
    expect(configured, "config.toml sets invite_expiry").toBeTruthy();
    expect(INVITE_EXPIRY_SECONDS).toBe(Number(configured![1]));
  });
});
