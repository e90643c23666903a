import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type TestBrowser } from "./browser";
import { injectOutlook } from "./outlook";
import { entraArgs, distFolder, startWorker, type RunningWorker } from "./worker";

/*
 * Which sign-in the pane picks, and that MSAL.js is downloaded only where it is used. Real Microsoft 365
 * sign-in cannot run here (no tenant, no Office host bridge); what can is the choice, the chunk
 * loading, and the pane's answer when no token can be had.
 */

let pairingWorker: RunningWorker | undefined;
let entraWorker: RunningWorker | undefined;
let browser: TestBrowser | undefined;

/** The MSAL chunks, from Vite's manifest. */
function msalFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(distFolder, ".vite", "manifest.json"), "utf8")) as Record<string, { file: string }>;
  return Object.entries(manifest).filter(([k]) => k.startsWith("node_modules/@azure/")).map(([, c]) => `/${c.file}`);
}

/** The sign-in budget: what the browser fetched before the pane's first frame with its tabs, gzip-compressed, is at most this. */
const firstRenderBudgetBytes = 200_000;

/** A dist file's size gzip-compressed (level 9, as bench-pane.mjs measures; kB = 1000 bytes, as Vite reports). */
function gzipBytes(pathname: string): number {
  return gzipSync(readFileSync(join(distFolder, pathname)), { level: 9 }).length;
}

/**
 * Records, inside the page, when the pane shell (the "Views" tablist) is first in the document at an animation
 * frame: that frame is the one that paints it, so anything fetched after this instant did not count for it.
 */
function recordShellPaint(): void {
  const w = window as unknown as { __shellFrameAt?: number };
  const probe = (now: number): void => {
    if (document.querySelector('[role="tablist"][aria-label="Views"]')) w.__shellFrameAt = now;
    else requestAnimationFrame(probe);
  };
  requestAnimationFrame(probe);
}

/** The scripts and styles from dist the page asked for before the shell's frame, and those after, by path. */
async function chunksAroundShellPaint(page: Page): Promise<{ before: string[]; after: string[] }> {
  await page.waitForFunction(() => (window as unknown as { __shellFrameAt?: number }).__shellFrameAt !== undefined, undefined, { timeout: 30_000 });
  const entries = await page.evaluate(() => {
    const at = (window as unknown as { __shellFrameAt: number }).__shellFrameAt;
    return performance.getEntriesByType("resource").map((e) => ({ path: new URL(e.name).pathname, before: e.startTime < at }));
  });
  const chunks = entries.filter((e) => /^\/assets\/.*\.(js|css)$/.test(e.path));
  return { before: chunks.filter((e) => e.before).map((e) => e.path), after: chunks.filter((e) => !e.before).map((e) => e.path) };
}

/** The footer's way out: "Unpair" when paired, "Use a pairing code instead" when signed in with Microsoft 365. */
async function footerLink(page: Page): Promise<string> {
  const footer = page.locator("footer").getByRole("button");
  await footer.waitFor({ state: "visible", timeout: 30_000 });
  return (await footer.textContent()) ?? "";
}

async function openPane(w: RunningWorker, inOutlook: boolean): Promise<{ page: Page; requested: string[] }> {
  // A new browser and profile for each test: nothing MSAL cached carries over.
  browser = await launchChromium({ width: 320, height: 800 });
  const { context, page } = browser;
  // Nothing leaves the machine: Entra's endpoints are refused, and a sign-in popup is closed as it opens (a user cancelling).
  await context.route("https://login.microsoftonline.com/**", (route) => route.abort());
  context.on("page", (p) => void (p !== page && p.close()));
  const requested: string[] = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  if (inOutlook) await injectOutlook(page, null);
  else await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
  await page.goto(`${w.baseUrl}/taskpane.html#key=${w.apiKey}`);
  return { page, requested };
}

beforeAll(async () => {
  [pairingWorker, entraWorker] = await Promise.all([startWorker(), startWorker(entraArgs)]);
});

afterEach(async () => {
  await browser?.close();
});

afterAll(async () => {
  await Promise.all([pairingWorker?.stop(), entraWorker?.stop()]);
});

describe("sign-in choice and the MSAL chunk", () => {
  it("a plain browser pairs without asking for the sign-in configuration or MSAL, even when Entra is configured", async () => {
    const { page, requested } = await openPane(entraWorker!, false);
    await page.getByRole("tablist", { name: "Views" }).waitFor({ state: "visible", timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    expect(requested).not.toContain("/auth-config.json");
    expect(requested.filter((p) => msalFiles().includes(p))).toEqual([]);
    expect(await footerLink(page)).toBe("Unpair");
  });

  it("inside Outlook with pairing configured, the pane asks the worker, pairs, and does not load MSAL", async () => {
    const { page, requested } = await openPane(pairingWorker!, true);
    await page.getByRole("tablist", { name: "Views" }).waitFor({ state: "visible", timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    expect(requested).toContain("/auth-config.json");
    expect(requested.filter((p) => msalFiles().includes(p))).toEqual([]);
    expect(await footerLink(page)).toBe("Unpair");
  });

  it("signed in with Microsoft 365, the footer offers the pairing code instead of 'Unpair', and leads to it", async () => {
    const { page } = await openPane(entraWorker!, true);
    // The pane shows at once in Entra mode; its data waits for a token (here for MSAL's popup, which never answers).
    await page.getByRole("tablist", { name: "Views" }).waitFor({ state: "visible", timeout: 30_000 });
    expect(await footerLink(page)).toBe("Use a pairing code instead");

    await page.locator("footer").getByRole("button", { name: "Use a pairing code instead" }).click();
    await page.getByRole("heading", { name: "Pair with your worker" }).waitFor({ state: "visible", timeout: 30_000 });
  });

  it("inside Outlook with Entra configured, the pane's first render fetches at most 200 kB gzip: MSAL loads after the shell is painted", async () => {
    browser = await launchChromium({ width: 320, height: 800 });
    const { context, page } = browser;
    await context.route("https://login.microsoftonline.com/**", (route) => route.abort());
    context.on("page", (p) => void (p !== page && p.close()));
    const requested: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.addInitScript(recordShellPaint);
    await injectOutlook(page, null);
    await page.goto(`${entraWorker!.baseUrl}/taskpane.html`);
    await page.getByRole("tablist", { name: "Views" }).waitFor({ state: "visible", timeout: 30_000 });
    // The token is asked for once the shell shows: MSAL's chunk follows the first paint.
    const msal = msalFiles();
    await expect.poll(() => requested.filter((p) => msal.includes(p)).length, { timeout: 30_000 }).toBeGreaterThan(0);

    const { before, after } = await chunksAroundShellPaint(page);
    const bytes = before.reduce((n, p) => n + gzipBytes(p), 0);
    const msalBytes = msal.reduce((n, p) => n + gzipBytes(p), 0);
    console.log(`first render inside Outlook with Entra: ${(bytes / 1000).toFixed(1)} kB gzip (${before.join(", ")}); MSAL after it: ${(msalBytes / 1000).toFixed(1)} kB`);
    expect(before.filter((p) => msal.includes(p))).toEqual([]);
    expect(after.filter((p) => msal.includes(p)).length).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(firstRenderBudgetBytes);
  });

  it("inside Outlook with Entra configured, the pane loads MSAL; with no token to be had it offers sign-in again or the pairing code", async () => {
    const { page, requested } = await openPane(entraWorker!, true);
    // Without Outlook's bridge MSAL falls back to a popup; v5 notices a closed popup only at its 60 s timeout.
    await page.getByRole("heading", { name: "Sign in to OfficeFollowUp" }).waitFor({ state: "visible", timeout: 100_000 });
    expect(requested).toContain("/auth-config.json");
    expect(requested.filter((p) => msalFiles().includes(p)).length).toBeGreaterThan(0);
    // Nothing reached the API without a token: no pairing key was sent in Entra mode.
    expect(requested.filter((p) => p.startsWith("/api/"))).toEqual([]);

    await page.getByRole("button", { name: "Use a pairing code instead" }).click();
    await page.getByRole("tablist", { name: "Views" }).waitFor({ state: "visible", timeout: 30_000 });
    expect(await footerLink(page)).toBe("Unpair");
  });

  it("a mistyped pairing code is refused at the form, not later as 'the saved code', and the right one pairs", async () => {
    browser = await launchChromium({ width: 320, height: 800 });
    const { page } = browser;
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    await page.goto(`${pairingWorker!.baseUrl}/taskpane.html`);
    const code = page.getByRole("textbox", { name: "Pairing code" });
    await code.waitFor({ state: "visible", timeout: 30_000 });

    await code.fill(`${pairingWorker!.apiKey}x`);
    await page.getByRole("button", { name: "Pair" }).click();
    await page.getByText("Your worker did not accept this code.").waitFor({ state: "visible", timeout: 30_000 });
    expect(await page.getByText("saved pairing code").count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem("officefollowup.apiKey"))).toBeNull();

    await code.fill(pairingWorker!.apiKey);
    await page.getByRole("button", { name: "Pair" }).click();
    await page.getByRole("tablist", { name: "Views" }).waitFor({ state: "visible", timeout: 30_000 });
    expect(await footerLink(page)).toBe("Unpair");
  });
});
