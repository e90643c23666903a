import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BulkPromptList } from "../src/bulk/model";
import type { FollowUpList } from "../src/followups/model";
import { expectNoSeriousAxeViolations, launchChromium, type TestBrowser } from "./browser";
import { startWorker, type RunningWorker, callApi } from "./worker";

const resultsDir = resolve(import.meta.dirname, "..", "test-results");
const imported = 40;

let worker: RunningWorker | undefined;
let browser: TestBrowser | undefined;

beforeAll(async () => {
  // No mixer script: the only news after the first sync is a phone sync of forty contacts at once.
  worker = await startWorker(["--Sandbox:SampleScript", "false", "--Sandbox:ImportAfterBaseline", String(imported)]);
  browser = await launchChromium({ width: 320, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});


describe("a bulk addition, against the real worker and sandbox mailbox", () => {
  it("starts nothing, asks whom to follow up with, and follows up only the two people picked (one found by search)", async () => {
    if (!worker || !browser) throw new Error("setup failed");
    const w = worker;

    const deadline = Date.now() + 60_000;
    let prompts = await callApi<BulkPromptList>(w, "/api/bulk-prompts");
    while (prompts.items.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000));
      prompts = await callApi<BulkPromptList>(w, "/api/bulk-prompts");
    }
    const prompt = prompts.items[0];
    if (!prompt) throw new Error(`No bulk prompt within 60 s.\n${w.output()}`);
    expect(prompt.count).toBeGreaterThan(10);
    expect((await callApi<FollowUpList>(w, "/api/followups")).items).toEqual([]);

    const page = browser.page;
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    await page.goto(`${w.baseUrl}/taskpane.html#key=${w.apiKey}`);
    const card = page.getByTestId("bulk-prompt-card");
    await card.waitFor({ state: "visible", timeout: 40_000 });
    await expect.poll(() => card.getByRole("heading").textContent()).toBe(`You added ${prompt.count} contacts at once — whom will you follow up with?`);

    const first = prompt.people[0]!;
    const last = prompt.people[prompt.people.length - 1]!;
    await card.getByRole("checkbox", { name: new RegExp(first.displayName) }).first().check();
    await card.getByRole("searchbox", { name: /Search/ }).fill(last.email);
    await card.getByRole("checkbox", { name: new RegExp(last.displayName) }).first().check();

    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, "bulk-prompt.png"), fullPage: true });
    await expectNoSeriousAxeViolations(page);

    await card.getByRole("button", { name: "Start follow-up (2)" }).click();
    await card.waitFor({ state: "detached", timeout: 15_000 });

    const picked = [first.email, last.email].map((e) => e.toLowerCase()).sort();
    await expect.poll(async () => (await callApi<FollowUpList>(w, "/api/followups")).items.length, { timeout: 15_000 }).toBe(6);
    const people = new Set((await callApi<FollowUpList>(w, "/api/followups")).items.map((i) => i.person.email.toLowerCase()));
    expect([...people].sort()).toEqual(picked);
    expect((await callApi<BulkPromptList>(w, "/api/bulk-prompts")).items).toEqual([]);
  });
});
