// How long an invitation link stays valid. Mirrors supabase/config.toml `[auth.email] invite_expiry`
// (the local stack's key; a hosted project's email link expiry), checked by tests/unit/invitation.test.ts.
export const INVITE_EXPIRY_SECONDS = 86400;

