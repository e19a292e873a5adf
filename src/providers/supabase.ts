// The one supabase client, for the backend named in ./config (the local stack without env). Loaded after
// the sign-in page has shown (providers/deferred.ts).
import { createClient } from "@supabase/supabase-js";
import type { Database } from "../types/database";
import { SUPABASE_ANON_KEY, SUPABASE_URL } from "./config";

export { IS_LOCAL_STACK, SUPABASE_ANON_KEY, SUPABASE_URL } from "./config";

export const supabaseClient = createClient<Database>(SUPABASE_URL, SUPABASE_ANON_KEY, {
  auth: { persistSession: true, autoRefreshToken: true },
});
