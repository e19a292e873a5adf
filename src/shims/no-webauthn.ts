// Stands in for auth-js's WebAuthn helpers inside @supabase/auth-js (vite.config.ts: SHIMS). Staff sign in with
// email and password; nobody enrols a passkey or a WebAuthn factor, yet GoTrueClient imports the whole ceremony
// (about 7 kB gzip on every signed-in page). Here the browser reports no WebAuthn, so auth-js's own passkey
// calls answer with its "not supported" error, and anything else says plainly that this build has none.
const NO_WEBAUTHN = "WebAuthn and passkeys are not part of this build (vite.config.ts: SHIMS)";

function off(): never {
  throw new Error(NO_WEBAUTHN);
}
const refused = () => Promise.resolve({ data: null, error: new Error(NO_WEBAUTHN) });

export const browserSupportsWebAuthn = () => false;
export const webAuthnAbortService = {
  createNewAbortSignal: () => new AbortController().signal,
  cancelCeremony: () => undefined,
};
export const createCredential = refused;
export const getCredential = refused;
export const deserializeCredentialCreationOptions = off;
export const deserializeCredentialRequestOptions = off;
export const serializeCredentialCreationResponse = off;
export const serializeCredentialRequestResponse = off;

export class WebAuthnApi {
  enroll = refused;
  challenge = refused;
  verify = refused;
  authenticate = refused;
  register = refused;
  constructor(_client?: unknown) {}
}
