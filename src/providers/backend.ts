// What providers/deferred.ts loads on first use: the providers that need supabase-js.
export { accessControlProvider } from "./access";
export { authProvider } from "./auth";
export { dataProvider } from "./data";
