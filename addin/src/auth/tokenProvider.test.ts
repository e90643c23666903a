import { describe, expect, it, vi } from "vitest";
import { createNaaTokenProvider, expiryMargin, type MsalModule, type MsalResult, type NestableClient, type TokenRequest } from "./tokenProvider";

/** A stand-in for @azure/msal-browser: nested app authentication needs an Office host and Microsoft 365. */
function fakeMsal(behaviour: { silent?: (r: TokenRequest, n: number) => Promise<MsalResult>; popup?: (r: TokenRequest) => Promise<MsalResult> } = {}) {
  let silentCalls = 0;
  let active: unknown = null;
  const client = {
    getActiveAccount: vi.fn(() => active),
    getAllAccounts: vi.fn((): unknown[] => []),
    setActiveAccount: vi.fn((a: unknown) => {
      active = a;
    }),
    acquireTokenSilent: vi.fn((r: TokenRequest) => (behaviour.silent ?? (async () => ({ accessToken: "silent-token", account: { id: "me" } })))(r, ++silentCalls)),
    acquireTokenPopup: vi.fn((r: TokenRequest) => (behaviour.popup ?? (async () => ({ accessToken: "popup-token", account: { id: "me" } })))(r)),
  } satisfies NestableClient;
  const module: MsalModule = { createNestablePublicClientApplication: vi.fn(async () => client) };
  const loadMsal = vi.fn(async () => module);
  return { client, module, loadMsal };
}

const config = {
  clientId: "9a3e6f2d-1b7c-4e58-a0d4-6c2b8e1f5d37",
  authority: "https://login.microsoftonline.com/organizations",
  redirectUri: "https://localhost:5443/auth-redirect.html",
  scopes: ["api://5b1e4b8c-3c55-4a4f-9d6e-0c3f1f4f7a21/access_as_user"],
};

describe("Entra tokens through nested app authentication", () => {
  it("loads MSAL only when the first token is asked for, with the worker's client id and authority and the redirect bridge page", async () => {
    const msal = fakeMsal();
    const provider = createNaaTokenProvider({ ...config, loadMsal: msal.loadMsal });
    expect(msal.loadMsal).not.toHaveBeenCalled();

    expect(await provider.token()).toBe("silent-token");
    expect(msal.module.createNestablePublicClientApplication).toHaveBeenCalledWith({ auth: { clientId: config.clientId, authority: config.authority, redirectUri: config.redirectUri } });
    expect(msal.client.acquireTokenSilent).toHaveBeenCalledWith(expect.objectContaining({ scopes: config.scopes, forceRefresh: false }));
    expect(msal.client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it("falls back to the popup when silent sign-in fails (consent, MFA, first use)", async () => {
    const msal = fakeMsal({ silent: async () => Promise.reject(new Error("interaction_required")) });
    const provider = createNaaTokenProvider({ ...config, loadMsal: msal.loadMsal });

    expect(await provider.token()).toBe("popup-token");
    expect(msal.client.acquireTokenPopup).toHaveBeenCalledWith({ scopes: config.scopes });
    expect(msal.client.setActiveAccount).toHaveBeenCalledWith({ id: "me" });
  });

  it("fails when the popup fails too, and tries again on the next call", async () => {
    let popups = 0;
    const msal = fakeMsal({
      silent: async () => Promise.reject(new Error("interaction_required")),
      popup: async () => (++popups === 1 ? Promise.reject(new Error("user_cancelled")) : { accessToken: "second-try" }),
    });
    const provider = createNaaTokenProvider({ ...config, loadMsal: msal.loadMsal });

    await expect(provider.token()).rejects.toThrow("user_cancelled");
    expect(await provider.token()).toBe("second-try");
  });

  it("reuses a token until shortly before it expires, then asks again", async () => {
    let now = 1_000_000;
    const msal = fakeMsal({ silent: async (_, n) => ({ accessToken: `token-${n}`, expiresOn: new Date(1_000_000 + 60 * 60_000) }) });
    const provider = createNaaTokenProvider({ ...config, loadMsal: msal.loadMsal, now: () => now });

    expect(await provider.token()).toBe("token-1");
    now += 60 * 60_000 - expiryMargin - 1;
    expect(await provider.token()).toBe("token-1");
    now += 2;
    expect(await provider.token()).toBe("token-2");
  });

  it("forces a fresh token after the worker refused one", async () => {
    const msal = fakeMsal({ silent: async (r, n) => ({ accessToken: `token-${n}${r.forceRefresh ? "-fresh" : ""}`, expiresOn: new Date(Date.now() + 3_600_000) }) });
    const provider = createNaaTokenProvider({ ...config, loadMsal: msal.loadMsal });

    expect(await provider.token()).toBe("token-1");
    expect(await provider.token({ forceRefresh: true })).toBe("token-2-fresh");
    expect(await provider.token()).toBe("token-2-fresh");
  });

  it("shares one acquisition between calls made at the same time", async () => {
    const msal = fakeMsal();
    const provider = createNaaTokenProvider({ ...config, loadMsal: msal.loadMsal });

    expect(await Promise.all([provider.token(), provider.token(), provider.token()])).toEqual(["silent-token", "silent-token", "silent-token"]);
    expect(msal.client.acquireTokenSilent).toHaveBeenCalledTimes(1);
    expect(msal.module.createNestablePublicClientApplication).toHaveBeenCalledTimes(1);
  });
});
