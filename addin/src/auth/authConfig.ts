/**
 * How the pane signs in, as the worker says at GET /auth-config.json: with the pairing code, or with
 * Microsoft 365 (Entra) through nested app authentication. Only public identifiers, never a secret.
 */

export type AuthConfig = { mode: "pairing" } | { mode: "entra"; clientId: string; authority: string; scopes: string[] };

export const pairing: AuthConfig = { mode: "pairing" };

export const authConfigPath = "/auth-config.json";

/** MSAL.js v5's redirect bridge (auth-redirect.html), served by the worker beside the pane. */
export const redirectBridgePath = "/auth-redirect.html";

/**
 * The redirectUri MSAL gives Entra: the bridge page on the pane's own origin, so the popup can hand the
 * response back to the pane. The app registration's SPA redirect URIs must list it exactly.
 */
export function redirectUriFor(origin: string): string {
  return `${origin}${redirectBridgePath}`;
}

/** Anything that is not a complete Entra configuration means pairing: the pane must still open. */
export function parseAuthConfig(body: unknown): AuthConfig {
  if (typeof body !== "object" || body === null) return pairing;
  const b = body as Record<string, unknown>;
  if (b.mode !== "entra") return pairing;
  const { clientId, authority, scopes } = b;
  if (typeof clientId !== "string" || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clientId)) return pairing;
  if (typeof authority !== "string" || !/^https:\/\/[^/]+\/[^/]+/.test(authority)) return pairing;
  if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((s): s is string => typeof s === "string" && s !== "")) return pairing;
  return { mode: "entra", clientId, authority, scopes };
}

/** The worker's answer, or pairing when it cannot be read (an older worker, a network hiccup: pairing still works). */
export async function fetchAuthConfig(fetchImpl: typeof fetch, baseUrl = ""): Promise<AuthConfig> {
  try {
    const response = await fetchImpl(`${baseUrl}${authConfigPath}`, { headers: { Accept: "application/json" }, cache: "no-store" });
    return response.ok ? parseAuthConfig(await response.json()) : pairing;
  } catch {
    return pairing;
  }
}

export type SignInMode = "pairing" | "entra";

/**
 * Entra only inside Outlook: nested app authentication asks the Office host for the token, and a
 * plain browser has no host (and no broker), so there the pairing code stays the way in.
 */
export function chooseSignIn(config: AuthConfig, inOutlook: boolean): SignInMode {
  return config.mode === "entra" && inOutlook ? "entra" : "pairing";
}
