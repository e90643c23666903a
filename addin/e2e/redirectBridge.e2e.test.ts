import { randomUUID } from "node:crypto";
import { InteractionType } from "@azure/msal-browser";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium, type TestBrowser } from "./browser";
import { injectOutlook } from "./outlook";
import { entraArgs, startWorker, type RunningWorker } from "./worker";

/*
 * auth-redirect.html, MSAL.js v5's redirect bridge, served by the real worker (its CSP and headers) in
 * Chromium. When a host has no nested app authentication MSAL signs in through a plain popup; Entra
 * sends that popup back to this page, which must hand the response to the pane that opened it.
 */

let worker: RunningWorker | undefined;
let browser: TestBrowser | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  // Entra configured, so the pane inside (a fake) Outlook signs in with MSAL; the bridge page itself is static.
  worker = await startWorker(entraArgs);
});

afterAll(async () => {
  await worker?.stop();
});

beforeEach(async () => {
  browser = await launchChromium({ width: 480, height: 640 });
  context = browser.context;
  // Nothing leaves the machine.
  await context.route(/^https:\/\//, (route) => route.abort());
});

afterEach(async () => {
  await browser?.close();
});

/** Console errors and uncaught exceptions, CSP violations among them. */
function problems(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && seen.push(m.text())));
  page.on("pageerror", (e) => void seen.push(e.message));
  return seen;
}

/**
 * The state MSAL puts in the authorize request and Entra returns untouched, built as MSAL 5.29 builds it:
 * msal-browser's StandardInteractionClient.initializeAuthorizationRequest calls msal-common's
 * ProtocolUtils.setRequestState(crypto, userState, { interactionType }), whose generateLibraryState is
 * base64Encode(JSON.stringify({ id: createNewGuid(), meta })) — standard base64 of the UTF-8 bytes
 * (encode/Base64Encode.mjs) — followed by "|" and the caller's own state when there is one. The bridge
 * (BrowserUtils.parseAuthResponseFromUrl) refuses a state without id or meta, and posts to
 * `new BroadcastChannel(id)`, the channel PopupClient's waitForBridgeResponse listens on.
 */
function msalPopupState(id: string): string {
  const libraryState = { id, meta: { interactionType: InteractionType.Popup } };
  return Buffer.from(JSON.stringify(libraryState), "utf8").toString("base64");
}

describe("the sign-in redirect bridge page", () => {
  it("opened with no sign-in response, says in words that there is nothing to finish", async () => {
    const page = context!.pages()[0] ?? (await context!.newPage());
    const seen = problems(page);

    const response = await page.goto(`${worker!.baseUrl}/auth-redirect.html`);

    expect(response?.status()).toBe(200);
    expect(response?.headers()["cross-origin-opener-policy"]).toBeUndefined();
    // The text changes only when the page's script ran under the worker's CSP and MSAL threw "no response".
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 15_000 }).toMatch(/There is no sign-in to finish here/);
    await expect.poll(() => page.title()).toBe("OfficeFollowUp – Sign-in");
    expect(seen).toEqual([]);
  });

  it("hands Entra's response to the page that opened it, on the BroadcastChannel MSAL listens on, and closes", async () => {
    const opener = context!.pages()[0] ?? (await context!.newPage());
    const seen = problems(opener);
    // Any page of the pane's origin will do: the channel is per origin, and this page runs no MSAL of its own.
    await opener.goto(`${worker!.baseUrl}/support.html`);

    const id = randomUUID();
    const state = `${msalPopupState(id)}|user-state`;
    // What Entra appends for response_mode=fragment (MSAL's default): the code, the state, client_info, session_state.
    const payload = `code=0.AAAA-fake-authorization-code&client_info=eyJ1aWQiOiIxIiwidXRpZCI6IjIifQ&state=${encodeURIComponent(state)}&session_state=5f0c-fake`;

    // Listen first, as PopupClient does before it opens the popup.
    await opener.evaluate((channelName) => {
      const channel = new BroadcastChannel(channelName);
      (window as unknown as { __bridged: Promise<unknown> }).__bridged = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("nothing arrived on the channel")), 20_000);
        channel.onmessage = (event: MessageEvent) => {
          clearTimeout(timer);
          channel.close();
          resolve(event.data);
        };
      });
    }, id);
    const [popup] = await Promise.all([
      context!.waitForEvent("page"),
      opener.evaluate((url) => void window.open(url, "msal.popup", "popup,width=483,height=600"), `/auth-redirect.html#${payload}`),
    ]);
    const closed = popup.waitForEvent("close", { timeout: 20_000 });
    const received = opener.evaluate(() => (window as unknown as { __bridged: Promise<unknown> }).__bridged);

    expect(await received).toEqual({ v: 1, payload });
    // The bridge closes the popup itself once the pane has the response.
    await closed;
    expect(seen).toEqual([]);
  });

  it("refuses a response whose state is not MSAL's (no id and meta), and clears it from the address bar", async () => {
    const page = context!.pages()[0] ?? (await context!.newPage());
    const foreignState = Buffer.from(JSON.stringify({ nonce: "not-msal" }), "utf8").toString("base64");

    await page.goto(`${worker!.baseUrl}/auth-redirect.html#code=abc&state=${encodeURIComponent(foreignState)}`);

    await expect.poll(() => page.locator("#status").textContent(), { timeout: 15_000 }).toMatch(/There is no sign-in to finish here/);
    expect(new URL(page.url()).hash).toBe("");
  });

  it("the pane's own MSAL, with no nested app authentication, gets Entra's answer back through the page and redeems the code", async () => {
    const page = context!.pages()[0] ?? (await context!.newPage());
    await injectOutlook(page, null);
    const base = worker!.baseUrl;
    const authorize: URL[] = [];
    const redeemed: URLSearchParams[] = [];
    // Entra, played by the test: the authorize page signs the user in at once and sends the popup back to
    // redirect_uri with a code and MSAL's own state; the token endpoint refuses the made-up code.
    await context!.route("https://login.microsoftonline.com/**", async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname.endsWith("/oauth2/v2.0/authorize")) {
        authorize.push(url);
        const answer = new URLSearchParams({ code: "fake-code", client_info: "eyJ1aWQiOiIxIiwidXRpZCI6IjIifQ", state: url.searchParams.get("state") ?? "", session_state: "x" });
        await route.fulfill({ status: 302, headers: { location: `${url.searchParams.get("redirect_uri")}#${answer.toString()}` } });
      } else if (url.pathname.endsWith("/oauth2/v2.0/token")) {
        redeemed.push(new URLSearchParams(route.request().postData() ?? ""));
        await route.fulfill({
          status: 400,
          headers: { "content-type": "application/json", "access-control-allow-origin": "*" },
          body: JSON.stringify({ error: "invalid_grant", error_description: "AADSTS70000: the code is not valid (test)", error_codes: [70000] }),
        });
      } else {
        await route.abort();
      }
    });

    const started = Date.now();
    await page.goto(`${base}/taskpane.html`);
    // No Office host to broker the token, so MSAL opens its own popup: to Entra, back to the bridge, and the
    // bridge hands the code to the pane, which redeems it. Refused, the pane offers to sign in again.
    await page.getByRole("heading", { name: "Sign in to OfficeFollowUp" }).waitFor({ state: "visible", timeout: 30_000 });

    expect(authorize.map((u) => u.searchParams.get("redirect_uri"))).toEqual([`${base}/auth-redirect.html`]);
    expect(authorize[0]?.searchParams.get("response_mode")).toBe("fragment");
    expect(redeemed.map((body) => [body.get("code"), body.get("redirect_uri")])).toEqual([["fake-code", `${base}/auth-redirect.html`]]);
    // Well inside MSAL's 60 s popup timeout: the answer came over the bridge, not from giving up.
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
