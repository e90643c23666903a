/**
 * Entra tokens for the worker's API through MSAL.js nested app authentication. MSAL is an edge the
 * pane does not own (and that needs Microsoft 365 to run), so it is reached through the few calls
 * used here; unit tests pass a fake module, the pane passes the real one, loaded on demand.
 */

export interface MsalResult {
  accessToken: string;
  /** When the access token expires; MSAL gives a Date. */
  expiresOn?: Date | null;
  account?: unknown;
}

export interface TokenRequest {
  scopes: string[];
  account?: unknown;
  forceRefresh?: boolean;
}

export interface NestableClient {
  getActiveAccount(): unknown;
  getAllAccounts(): unknown[];
  setActiveAccount(account: unknown): void;
  acquireTokenSilent(request: TokenRequest): Promise<MsalResult>;
  acquireTokenPopup(request: TokenRequest): Promise<MsalResult>;
}

export interface MsalConfiguration {
  auth: {
    clientId: string;
    authority: string;
    /** Where Entra sends the popup back when MSAL falls back from nested app authentication: the redirect bridge page. */
    redirectUri: string;
  };
}

export interface MsalModule {
  createNestablePublicClientApplication(configuration: MsalConfiguration): Promise<NestableClient>;
}

export interface TokenProvider {
  /** A bearer token for the API; `forceRefresh` after the worker refused the last one. */
  token(options?: { forceRefresh?: boolean }): Promise<string>;
}

export interface NaaOptions {
  clientId: string;
  authority: string;
  redirectUri: string;
  scopes: string[];
  loadMsal(): Promise<MsalModule>;
  now?(): number;
}

/** A token is used until this long before it expires, so a request never leaves with one about to lapse. */
export const expiryMargin = 5 * 60_000;

export function createNaaTokenProvider({ clientId, authority, redirectUri, scopes, loadMsal, now = Date.now }: NaaOptions): TokenProvider {
  let client: Promise<NestableClient> | undefined;
  let cached: { token: string; expiresAt: number } | undefined;
  // Parallel API calls at start share one acquisition: one bridge call, at most one popup.
  let pending: Promise<string> | undefined;

  const pca = (): Promise<NestableClient> => {
    client ??= loadMsal().then((msal) => msal.createNestablePublicClientApplication({ auth: { clientId, authority, redirectUri } }));
    // A failed load (offline, blocked) may succeed next time.
    client.catch(() => (client = undefined));
    return client;
  };

  const acquire = async (forceRefresh: boolean): Promise<string> => {
    const app = await pca();
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
    let result: MsalResult;
    try {
      result = await app.acquireTokenSilent({ scopes, account, forceRefresh });
    } catch {
      // Consent, MFA or a first sign-in: the host shows its own sign-in window. Where a host has no
      // nested app authentication MSAL opens a plain popup, which comes back through redirectUri.
      result = await app.acquireTokenPopup({ scopes });
    }
    if (result.account) app.setActiveAccount(result.account);
    const expiresAt = result.expiresOn ? result.expiresOn.getTime() : now() + expiryMargin * 2;
    cached = { token: result.accessToken, expiresAt };
    return result.accessToken;
  };

  return {
    token({ forceRefresh = false } = {}) {
      if (!forceRefresh && cached && cached.expiresAt - expiryMargin > now()) return Promise.resolve(cached.token);
      if (forceRefresh) cached = undefined;
      if (!pending || forceRefresh) {
        const run = acquire(forceRefresh).finally(() => {
          if (pending === run) pending = undefined;
        });
        pending = run;
      }
      return pending;
    },
  };
}
