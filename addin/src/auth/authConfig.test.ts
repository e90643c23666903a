import { describe, expect, it, vi } from "vitest";
import { chooseSignIn, fetchAuthConfig, parseAuthConfig, redirectUriFor, type AuthConfig } from "./authConfig";

const entra: AuthConfig = {
  mode: "entra",
  clientId: "9a3e6f2d-1b7c-4e58-a0d4-6c2b8e1f5d37",
  authority: "https://login.microsoftonline.com/7d2f1c36-0b6f-4b7e-9a7c-2f3c9c1d5e10",
  scopes: ["api://5b1e4b8c-3c55-4a4f-9d6e-0c3f1f4f7a21/access_as_user"],
};

describe("the worker's sign-in configuration", () => {
  it("reads a complete Entra configuration", () => {
    expect(parseAuthConfig(JSON.parse(JSON.stringify(entra)))).toEqual(entra);
  });

  it.each<[string, unknown]>([
    ["pairing", { mode: "pairing" }],
    ["nothing", null],
    ["a string", "entra"],
    ["an unknown mode", { ...entra, mode: "saml" }],
    ["a client id that is not a GUID", { ...entra, clientId: "officefollowup" }],
    ["a plain-http authority", { ...entra, authority: "http://login.microsoftonline.com/organizations" }],
    ["no scopes", { ...entra, scopes: [] }],
    ["a scope that is not a string", { ...entra, scopes: [42] }],
  ])("falls back to pairing for %s", (_, body) => {
    expect(parseAuthConfig(body)).toEqual({ mode: "pairing" });
  });

  it("is pairing when the worker cannot be asked or answers with an error", async () => {
    const offline = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(await fetchAuthConfig(offline)).toEqual({ mode: "pairing" });
    expect(await fetchAuthConfig(vi.fn(async () => new Response("nope", { status: 404 })))).toEqual({ mode: "pairing" });
  });

  it("is fetched from /auth-config.json without cache", async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(entra), { status: 200 }));
    expect(await fetchAuthConfig(fetch, "https://localhost:5443")).toEqual(entra);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("https://localhost:5443/auth-config.json");
    expect(init.cache).toBe("no-store");
  });
});

describe("choosing how to sign in", () => {
  it.each<[string, AuthConfig, boolean, "pairing" | "entra"]>([
    ["Entra configured, inside Outlook", entra, true, "entra"],
    ["Entra configured, in a plain browser", entra, false, "pairing"],
    ["pairing configured, inside Outlook", { mode: "pairing" }, true, "pairing"],
    ["pairing configured, in a plain browser", { mode: "pairing" }, false, "pairing"],
  ])("%s → %s", (_, config, inOutlook, mode) => {
    expect(chooseSignIn(config, inOutlook)).toBe(mode);
  });
});

describe("where the sign-in popup comes back", () => {
  it.each([
    ["https://localhost:5443", "https://localhost:5443/auth-redirect.html"],
    ["https://followup.example.com", "https://followup.example.com/auth-redirect.html"],
    ["http://127.0.0.1:5080", "http://127.0.0.1:5080/auth-redirect.html"],
  ])("from a pane at %s → %s", (origin, redirectUri) => {
    expect(redirectUriFor(origin)).toBe(redirectUri);
  });
});
