import { chooseSignIn, fetchAuthConfig, redirectUriFor } from "./authConfig";
import { createNaaTokenProvider, type MsalModule, type TokenProvider } from "./tokenProvider";

export type SignIn = { mode: "pairing" } | { mode: "entra"; tokens: TokenProvider };

export const pairingSignIn: SignIn = { mode: "pairing" };

export interface SignInDeps {
  inOutlook: boolean;
  /** The pane's origin (window.location.origin): the sign-in popup comes back to its redirect bridge page. */
  origin: string;
  fetch: typeof fetch;
  loadMsal(): Promise<MsalModule>;
  baseUrl?: string;
}

/**
 * Decides once, at start, how the pane authenticates. A plain browser pairs without asking the worker
 * anything; inside Outlook the worker's /auth-config.json decides. MSAL itself is loaded only when
 * the first token is needed, so pairing mode never downloads it.
 */
export async function startSignIn({ inOutlook, origin, fetch, loadMsal, baseUrl = "" }: SignInDeps): Promise<SignIn> {
  if (!inOutlook) return pairingSignIn;
  const config = await fetchAuthConfig(fetch, baseUrl);
  if (config.mode !== "entra" || chooseSignIn(config, inOutlook) !== "entra") return pairingSignIn;
  const redirectUri = redirectUriFor(origin);
  return { mode: "entra", tokens: createNaaTokenProvider({ clientId: config.clientId, authority: config.authority, redirectUri, scopes: config.scopes, loadMsal }) };
}
