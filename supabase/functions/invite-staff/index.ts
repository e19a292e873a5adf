// invite-staff: an admin invites a person by email to hold a role over an org unit.
// 1. With the CALLER's JWT, insert the role grant through PostgREST: row-level security and the
//    grant trigger decide whether this caller may grant this role on this unit (nothing else does).
// 2. Only then, holding the service key, send Supabase Auth's invitation email
//    (auth.admin.inviteUserByEmail). An account that already exists with a confirmed address is not
//    invited: its grant links at once. Repeating the call re-sends the invitation (idempotent).
// Answers JSON { code, message } on refusal; the UI maps `code` (src/domain/errors.ts).
// Deploy: `supabase functions deploy invite-staff` (SUPABASE_URL, SUPABASE_ANON_KEY and
// SUPABASE_SERVICE_ROLE_KEY are provided by the platform; nothing to set with `supabase secrets set`).
import { createClient } from "npm:@supabase/supabase-js@2";

const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "authorization, x-client-info, apikey, content-type",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
};

const ROLES = ["org_admin", "street_admin", "community_admin", "team_leader", "finance"];

function json(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...corsHeaders, "Content-Type": "application/json" } });
}

interface InviteRequest {
  email: string;
  role: string;
  org_unit_id: number;
  note: string | null;
  redirect_to?: string;
}

/** A cheap first look at redirect_to; Supabase Auth decides against its allow-list (and falls back to
 *  site_url). `http://localhost:@evil/` is refused here: a browser reads `localhost:` as user info. */
function plainHttpUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return (u.protocol === "http:" || u.protocol === "https:") && u.username === "" && u.password === "";
  } catch {
    return false;
  }
}

function parse(body: unknown): InviteRequest | string {
  if (!body || typeof body !== "object") return "body must be a JSON object";
  const b = body as Record<string, unknown>;
  const email = typeof b.email === "string" ? b.email.trim().toLowerCase() : "";
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || email.length > 255) return "email is not a valid address";
  if (typeof b.role !== "string" || !ROLES.includes(b.role)) return "role is not one of " + ROLES.join(", ");
  const unit = Number(b.org_unit_id);
  if (!Number.isSafeInteger(unit) || unit <= 0) return "org_unit_id must be a unit id";
  if (b.note !== undefined && b.note !== null && (typeof b.note !== "string" || b.note.length > 200)) return "note must be text of at most 200 characters";
  if (b.redirect_to !== undefined && (typeof b.redirect_to !== "string" || !plainHttpUrl(b.redirect_to))) {
    return "redirect_to must be an http(s) URL without user info";
  }
  return { email, role: b.role, org_unit_id: unit, note: (b.note as string | undefined) || null, redirect_to: b.redirect_to as string | undefined };
}

Deno.serve(async (req: Request) => {
  if (req.method === "OPTIONS") return new Response("ok", { headers: corsHeaders });
  if (req.method !== "POST") return json(405, { code: "method_not_allowed", message: "POST only" });

  const authorization = req.headers.get("Authorization");
  if (!authorization) return json(401, { code: "not_signed_in", message: "sign in first" });
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    return json(400, { code: "invalid_request", message: "body must be JSON" });
  }
  const input = parse(raw);
  if (typeof input === "string") return json(400, { code: "invalid_request", message: input });

  const url = Deno.env.get("SUPABASE_URL")!;
  const options = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };
  // The caller's own client: every check below is the database's, made as this caller.
  const caller = createClient(url, Deno.env.get("SUPABASE_ANON_KEY")!, { ...options, global: { headers: { Authorization: authorization } } });
  const { data: who, error: whoError } = await caller.auth.getUser();
  if (whoError || !who.user) return json(401, { code: "not_signed_in", message: "sign in first" });

  let grant: { id: number; user_id: string | null };
  let already = false;
  const inserted = await caller
    .from("role_grants")
    .insert({ email: input.email, role: input.role, org_unit_id: input.org_unit_id, note: input.note })
    .select("id, user_id")
    .single();
  if (inserted.error) {
    const e = inserted.error;
    if (e.code === "23505") {
      // The same active grant exists already: re-send the invitation if the caller may see it.
      const existing = await caller
        .from("role_grants")
        .select("id, user_id")
        .eq("email", input.email)
        .eq("role", input.role)
        .eq("org_unit_id", input.org_unit_id)
        .is("revoked_at", null)
        .maybeSingle();
      if (!existing.data) return json(403, { code: "grant_not_allowed", message: "you may not grant this role on this unit" });
      grant = existing.data;
      already = true;
    } else if (e.code === "42501") {
      return json(403, { code: e.hint || "grant_not_allowed", message: "you may not grant this role on this unit" });
    } else if (e.code === "23514" || e.code === "23503" || e.code === "22P02") {
      return json(422, { code: e.hint || "grant_invalid", message: e.message });
    } else {
      return json(400, { code: e.hint || "grant_failed", message: e.message });
    }
  } else {
    grant = inserted.data;
  }

  // Who invites, to what: read as the caller (their own profile, a unit they manage) and passed as the
  // invitation's `data` (the user's metadata), which the email template shows: {{ .Data.invited_by }},
  // {{ .Data.role }}, {{ .Data.unit_name }}.
  const [profile, unit] = await Promise.all([
    caller.from("staff_profiles").select("display_name").eq("user_id", who.user.id).maybeSingle(),
    caller.from("org_units").select("name").eq("id", input.org_unit_id).maybeSingle(),
  ]);
  const data = {
    invited_by: profile.data?.display_name?.trim() || who.user.email || "",
    role: input.role,
    unit_name: unit.data?.name ?? "",
  };

  // Only now the service key: send (or re-send) Supabase Auth's invitation email.
  const admin = createClient(url, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!, options);
  const { error: inviteError } = await admin.auth.admin.inviteUserByEmail(input.email, {
    redirectTo: input.redirect_to,
    data,
  });
  let invitation: "sent" | "resent" | "not_needed";
  if (!inviteError) invitation = already ? "resent" : "sent";
  else if (inviteError.code === "email_exists") invitation = "not_needed"; // a confirmed account: the grant links at once
  else if (inviteError.status === 429) {
    return json(429, { code: "over_email_send_rate_limit", message: inviteError.message, grant_id: grant!.id });
  } else {
    return json(502, { code: "invite_failed", message: inviteError.message, grant_id: grant!.id });
  }
  return json(200, {
    grant_id: grant!.id,
    email: input.email,
    role: input.role,
    org_unit_id: input.org_unit_id,
    invitation,
    already_granted: already,
    // true when the address belongs to a confirmed account (the grant is in force now)
    account_exists: invitation === "not_needed",
  });
});
