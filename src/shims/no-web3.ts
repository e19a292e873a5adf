// Stands in for auth-js's Ethereum helpers inside @supabase/auth-js (vite.config.ts: SHIMS): signing in with
// a wallet (Sign-In with Ethereum) is not offered here; the call says so plainly.
function off(): never {
  throw new Error("Signing in with a wallet is not part of this build (vite.config.ts: SHIMS)");
}
export const getAddress = off;
export const fromHex = off;
export const toHex = off;
export const createSiweMessage = off;
