// How long an invitation link stays valid. Mirrors supabase/config.toml `[auth.email] invite_expiry`
// (the local stack's key; a hosted project's email link expiry), checked by tests/unit/invitation.test.ts.
export const INVITE_EXPIRY_SECONDS = 86400;

/** A pending grant whose invitation email was sent longer ago than a link lives: it needs re-sending.
 *  Counts from granted_at, so after a re-send it may still read as expired until the list refreshes
 *  from a newer grant (the grant row keeps its first date). */
export function invitationExpired(grantedAt: string, now: Date = new Date()): boolean {
  return now.getTime() - new Date(grantedAt).getTime() > INVITE_EXPIRY_SECONDS * 1000;
}
