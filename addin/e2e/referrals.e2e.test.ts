import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Detection, Referral, ReferralList } from "../src/referrals/model";
import { expectNoSeriousAxeViolations, launchChromium, type TestBrowser } from "./browser";
import { calls, injectOutlook } from "./outlook";
import { freePort, startWorker, type RunningWorker } from "./worker";

const resultsDir = resolve(import.meta.dirname, "..", "test-results");

/** The sandbox's "Intro: Priya ↔ Alex" (Mere Parata introduces Priya to the user); its REST id is read from the sandbox's Inbox. */
const introSubject = "Intro: Priya ↔ Alex";
let introRestId: string;
/** What Outlook's item.itemId holds for it in read mode: an EWS id, which convertToRestId turns into the above. */
const introEwsId = "EWS-intro-priya";
const partnerEmail = "mere@paratalaw.co.nz";

let worker: RunningWorker | undefined;
let sandboxUrl: string;
let browser: TestBrowser | undefined;
let page: Page;
let referralId: string;

async function api<T>(path: string, init?: { method: string; body: unknown }): Promise<{ status: number; body: T }> {
  const w = worker!;
  const response = await fetch(`${w.baseUrl}${path}`, {
    method: init?.method ?? "GET",
    headers: { Authorization: `Bearer ${w.apiKey}`, ...(init ? { "Content-Type": "application/json" } : {}) },
    body: init ? JSON.stringify(init.body) : null,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Drafts in the sandbox mailbox addressed to the partner: where close-the-loop notes go. */
async function draftsToPartner(): Promise<string[]> {
  const response = await fetch(`${sandboxUrl}/me/mailFolders/drafts/messages?$top=100&$select=id,toRecipients`, { headers: { Authorization: "Bearer sandbox" } });
  expect(response.status).toBe(200);
  const json = (await response.json()) as { value: { id: string; toRecipients: { emailAddress: { address: string } }[] }[] };
  return json.value.filter((m) => m.toRecipients.some((r) => r.emailAddress.address.toLowerCase() === partnerEmail)).map((m) => m.id);
}

async function expectFitsWidth(p: Page): Promise<void> {
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

beforeAll(async () => {
  const port = await freePort();
  sandboxUrl = `http://127.0.0.1:${port}/v1.0`;
  worker = await startWorker(["--Sandbox:Port", String(port)]);
  // As Outlook would know it: the intro in the Inbox, listed through Graph's own API.
  const inbox = await fetch(`${sandboxUrl}/me/mailFolders/inbox/messages?$top=100&$select=id,subject`, { headers: { Authorization: "Bearer sandbox" } });
  expect(inbox.status).toBe(200);
  const intro = ((await inbox.json()) as { value: { id: string; subject: string }[] }).value.find((m) => m.subject === introSubject);
  expect(intro, `no "${introSubject}" in the sandbox's Inbox`).toBeDefined();
  introRestId = intro!.id;
  // The mailbox is connected once detection can read the message; the id must still be the intro.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = await api<Detection>(`/api/referrals/detect?messageId=${encodeURIComponent(introRestId)}`);
    if (found.status === 200) {
      expect(found.body).toMatchObject({ isIntroduction: true, direction: "received", alreadyLoggedReferralId: null });
      break;
    }
    if (Date.now() > deadline) throw new Error(`Detection did not answer 200 within 60 s (last ${found.status}).\n${worker.output()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await launchChromium({ width: 320, height: 900 });
  page = browser.page;
  // Outlook in read mode with the intro email open, as the user (Alex) sees it.
  await injectOutlook(
    page,
    {
      itemId: introEwsId,
      subject: introSubject,
      from: { emailAddress: partnerEmail, displayName: "Mere Parata" },
      to: [
        { emailAddress: "alex@harbourlightadvisory.co.nz", displayName: "Alex Morgan" },
        { emailAddress: "priya@brightpathfinance.co.nz", displayName: "Priya Raghunathan" },
      ],
    },
    { user: { emailAddress: "alex@harbourlightadvisory.co.nz", displayName: "Alex Morgan" }, restIds: { [introEwsId]: introRestId } },
  );
  await page.goto(`${worker.baseUrl}/taskpane.html#key=${worker.apiKey}`);
  mkdirSync(resultsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

describe("referrals from the open introduction email, in a fake Outlook against the real worker", () => {
  it("offers the open intro email as a referral, with the parties filled in", async () => {
    await page.getByRole("tab", { name: "Network" }).click();
    const banner = page.locator('[data-testid="intro-banner"][data-state="intro"]').first();
    await banner.waitFor({ state: "visible", timeout: 30_000 });
    expect(await banner.getByTestId("intro-parties").textContent()).toBe("Mere Parata referred Priya Raghunathan to you.");
    expect(await calls(page)).toContainEqual(["convertToRestId", introEwsId, "v2.0"]);
    await expectNoSeriousAxeViolations(page);
  });

  it("logs it in one click", async () => {
    await page.getByRole("button", { name: "Log as referral" }).click();
    await page.locator('[data-testid="intro-banner"][data-state="logged"]').waitFor({ state: "visible", timeout: 10_000 });
    const list = await api<ReferralList>("/api/referrals");
    const logged = list.body.items.filter((r) => r.sourceMessageId === introRestId);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ direction: "received", partner: { email: partnerEmail }, prospect: { email: "priya@brightpathfinance.co.nz" } });
    referralId = logged[0]!.id;
    const row = page.locator(`[data-testid="referral-row"][data-referral-id="${referralId}"]`);
    await row.waitFor({ state: "visible", timeout: 10_000 });
    expect(await row.textContent()).toContain("Received from Mere Parata");
  });

  it("records an outcome and shows the close-the-loop draft, made exactly once", async () => {
    const row = page.locator(`[data-testid="referral-row"][data-referral-id="${referralId}"]`);
    await row.getByRole("button", { name: "Record outcome" }).click();
    const form = page.getByRole("form", { name: /^Record the outcome of the referral of Priya/ });
    await form.getByRole("button", { name: "Save outcome" }).click();
    expect(await form.getByText("Choose how it went.").isVisible()).toBe(true);
    await form.getByLabel("How did it go?").selectOption("won");
    await form.getByLabel(/^Value/).fill("12 000");
    await form.getByRole("button", { name: "Save outcome" }).click();

    const ready = row.getByTestId("close-draft-ready");
    await ready.waitFor({ state: "visible", timeout: 60_000 });
    expect(await ready.textContent()).toContain("Close-the-loop draft ready");
    expect(await row.getByTestId("outcome").textContent()).toMatch(/^Won/);

    const referral = (await api<Referral>(`/api/referrals/${referralId}`)).body;
    expect(referral).toMatchObject({ outcome: "won", outcomeValue: 12000 });
    expect(referral.closeDraftId).toBeTruthy();
    await ready.getByRole("button", { name: /Open the close-the-loop draft/ }).click();
    expect(await calls(page)).toContainEqual(["displayMessageForm", `ews:${referral.closeDraftId}`]);

    // The same outcome again is no change, and the outbox has had time to retry: still one draft to the partner.
    expect((await api<Referral>(`/api/referrals/${referralId}/outcome`, { method: "POST", body: { outcome: "won", value: 12000 } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 3000));
    expect((await api<Referral>(`/api/referrals/${referralId}`)).body.closeDraftId).toBe(referral.closeDraftId);
    expect(await draftsToPartner()).toEqual([referral.closeDraftId]);

    await page.screenshot({ path: join(resultsDir, "referrals.png"), fullPage: true });
    await expectFitsWidth(page);
    await expectNoSeriousAxeViolations(page);
  });

  it("offers to change a final outcome explicitly", async () => {
    const row = page.locator(`[data-testid="referral-row"][data-referral-id="${referralId}"]`);
    await row.getByRole("button", { name: "Change outcome" }).click();
    const form = page.getByRole("form", { name: /^Record the outcome/ });
    await form.getByLabel("How did it go?").selectOption("notAFit");
    await form.getByLabel(/better fit/).fill("Sam at Ledger & Co");
    await form.getByRole("button", { name: "Save outcome" }).click();
    await form.getByTestId("outcome-conflict").waitFor({ state: "visible", timeout: 10_000 });
    expect((await api<Referral>(`/api/referrals/${referralId}`)).body.outcome).toBe("won");
    await form.getByRole("button", { name: "Change the outcome" }).click();
    await expect.poll(async () => (await api<Referral>(`/api/referrals/${referralId}`)).body.outcome, { timeout: 10_000 }).toBe("notAFit");
    await row.getByTestId("close-draft-ready").waitFor({ state: "visible", timeout: 60_000 });
  });

  it("shows the partner's reciprocity with the walk-through and the ask", async () => {
    await page.getByRole("button", { name: "Referrals with Mere Parata" }).click();
    const view = page.getByTestId("reciprocity");
    await view.waitFor({ state: "visible", timeout: 10_000 });
    expect(await view.getByTestId("received-count").textContent()).toBe("1");
    const item = view.getByTestId("walk-through-item").first();
    await item.getByRole("checkbox").check();
    expect(await item.getByRole("checkbox").isChecked()).toBe(true);
    expect(await view.getByTestId("ask-back").textContent()).toMatch(/^Then ask/);
    await expectNoSeriousAxeViolations(page);
    await view.getByRole("button", { name: "← All referrals" }).click();
  });

  it("says the intro is already logged when it is opened again", async () => {
    await page.reload();
    await page.getByRole("tab", { name: "Network" }).click();
    await page.locator('[data-testid="intro-banner"][data-state="already"]').first().waitFor({ state: "visible", timeout: 30_000 });
  });

  it("keeps Promises and Keep in touch accessible at 320 px", async () => {
    await page.getByRole("tab", { name: "Promises" }).click();
    await page.getByTestId("promises").waitFor({ state: "visible", timeout: 10_000 });
    await page.getByRole("button", { name: "Add a promise" }).click();
    const form = page.getByRole("form", { name: "Add a promise" });
    await form.getByLabel(/^Their email/).fill("priya@brightpathfinance.co.nz");
    await form.getByLabel(/^What you promised/).fill("Send Sam's details");
    await form.getByRole("button", { name: "Add promise" }).click();
    await page.getByTestId("promise-row").first().waitFor({ state: "visible", timeout: 10_000 });
    await expectFitsWidth(page);
    await expectNoSeriousAxeViolations(page);

    await page.getByRole("tab", { name: "Keep in touch" }).click();
    await page.getByTestId("keep-in-touch").waitFor({ state: "visible", timeout: 10_000 });
    await expectFitsWidth(page);
    await expectNoSeriousAxeViolations(page);
  });
});
