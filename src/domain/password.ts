// Password rules as Supabase Auth applies them, repeated in the forms so a person learns them
// before the server refuses: at least `minimum_password_length` characters (supabase/config.toml,
// GoTrue's default 6) and bcrypt reads only the first 72 bytes, so longer passwords are refused
// rather than silently cut.
export const PASSWORD_MIN_LENGTH = 6;
export const PASSWORD_MAX_BYTES = 72;

export type PasswordProblem = "required" | "tooShort" | "tooLong" | "mismatch";

export function passwordProblem(password: string | undefined, again?: string): PasswordProblem | undefined {
  if (!password) return "required";
  if ([...password].length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (new TextEncoder().encode(password).length > PASSWORD_MAX_BYTES) return "tooLong";
  if (again !== undefined && again !== password) return "mismatch";
  return undefined;
}

/** Where Supabase Auth sends the person back from an email link: the app's own origin and route. */
export function linkTarget(origin: string, route: "/reset-password" | "/accept-invite"): string {
  return `${origin.replace(/\/$/, "")}${route}`;
}
