import { describe, expect, it, vi } from "vitest";
import { startSignIn } from "./signIn";
import type { MsalModule } from "./tokenProvider";

const entraConfig = {
  mode: "entra",
  clientId: "9a3e6f2d-1b7c-4e58-a0d4-6c2b8e1f5d37",
  authority: "https://login.microsoftonline.com/organizations",
  scopes: ["api://5b1e4b8c-3c55-4a4f-9d6e-0c3f1f4f7a21/access_as_user"],
};

function deps(inOutlook: boolean, config: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(config), { status: 200 }));
  const module: MsalModule = {
    createNestablePublicClientApplication: vi.fn(async () => ({
      getActiveAccount: () => null,
      getAllAccounts: () => [],
      setActiveAccount: () => undefined,
      acquireTokenSilent: async () => ({ accessToken: "entra-token" }),
      acquireTokenPopup: async () => ({ accessToken: "popup" }),
    })),
  };
  const loadMsal = vi.fn(async () => module);
  return { fetch, loadMsal, inOutlook, origin: "https://localhost:5443", module };
}

describe("how the pane signs in at start", () => {
  it("pairs in a plain browser without asking the worker or loading MSAL", async () => {
    const d = deps(false, entraConfig);
    expect(await startSignIn(d)).toEqual({ mode: "pairing" });
    expect(d.fetch).not.toHaveBeenCalled();
    expect(d.loadMsal).not.toHaveBeenCalled();
  });

  it("pairs inside Outlook when the worker has no Entra sign-in, without loading MSAL", async () => {
    const d = deps(true, { mode: "pairing" });
    expect(await startSignIn(d)).toEqual({ mode: "pairing" });
    expect(d.fetch).toHaveBeenCalledTimes(1);
    expect(d.loadMsal).not.toHaveBeenCalled();
  });

  it("signs in with Entra inside Outlook when the worker says so, loading MSAL at the first token", async () => {
    const d = deps(true, entraConfig);
    const signIn = await startSignIn(d);
    expect(signIn.mode).toBe("entra");
    expect(d.loadMsal).not.toHaveBeenCalled();
    if (signIn.mode === "entra") expect(await signIn.tokens.token()).toBe("entra-token");
    expect(d.loadMsal).toHaveBeenCalledTimes(1);
  });

  it("sends a fallback sign-in popup back to the redirect bridge page on the pane's own origin", async () => {
    const d = deps(true, entraConfig);
    const signIn = await startSignIn(d);
    if (signIn.mode === "entra") await signIn.tokens.token();
    expect(d.module.createNestablePublicClientApplication).toHaveBeenCalledWith({
      auth: { clientId: entraConfig.clientId, authority: entraConfig.authority, redirectUri: "https://localhost:5443/auth-redirect.html" },
    });
  });
});
