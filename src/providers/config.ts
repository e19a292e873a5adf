// Where the backend is, without loading the client: the sign-in page reads these before (and without)
// supabase-js. Without env the app talks to the local stack (`npm run dev`); set VITE_SUPABASE_URL and
// VITE_SUPABASE_ANON_KEY to use a hosted project.
const LOCAL_URL = "http://127.0.0.1:54321";
const LOCAL_ANON_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0";

export const SUPABASE_URL: string = import.meta.env.VITE_SUPABASE_URL || LOCAL_URL;
export const SUPABASE_ANON_KEY: string = import.meta.env.VITE_SUPABASE_ANON_KEY || LOCAL_ANON_KEY;
export const IS_LOCAL_STACK = SUPABASE_URL === LOCAL_URL;

/** supabase-js keeps the session in localStorage under this key (its default for the project URL). */
export const SESSION_STORAGE_KEY = `sb-${new URL(SUPABASE_URL).hostname.split(".")[0]}-auth-token`;

/** Whether a session may exist: one stored by supabase-js, or one arriving in an email link's URL. */
export function mayHaveSession(): boolean {
  if (typeof window === "undefined") return true;
  if (/access_token=|[?&#]code=|error_description=/.test(window.location.hash + window.location.search)) return true;
  return !!window.localStorage.getItem(SESSION_STORAGE_KEY);
}
