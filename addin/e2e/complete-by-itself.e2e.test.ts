import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FollowUp, FollowUpList } from "../src/followups/model";
import type { Scorecard } from "../src/insights/model";
import { launchChromium, type TestBrowser } from "./browser";
import { injectOutlook } from "./outlook";
import { callApi, startWorker, waitForFollowUps, type RunningWorker } from "./worker";

/**
 * The README's "See it complete by itself" demo, against the real worker and its sandbox mailbox: the user (played by
 * the sandbox's demo endpoints) sends two of the prepared thank-you drafts, one after an edit, and has a coffee with the
 * first person; the worker sees it in Sent Items and the calendar and completes those steps with no click in the pane.
 */
const resultsDir = resolve(import.meta.dirname, "..", "test-results");

let worker: RunningWorker | undefined;
let browser: TestBrowser | undefined;

beforeAll(async () => {
  worker = await startWorker();
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

const thankYouTo = (list: FollowUpList, email: string): FollowUp | undefined =>
  list.items.find((i) => i.step === "thankYou" && i.person.email === email);

describe("see it complete by itself", () => {
  it("completes two thank-yous from Sent Items and a one-to-one from the calendar, and the pane and scorecard show it", async () => {
    const w = worker!;
    const before = await waitForFollowUps(w, (l) => l.items.filter((i) => i.step === "thankYou" && i.draftId).length >= 3, "Three thank-you drafts prepared");
    const [first, second] = before.items.filter((i) => i.step === "thankYou" && i.draftId).map((i) => i.person);
    if (!first || !second) throw new Error("two people with drafts expected");

    // "Within 24 hours" is judged against each thank-you's due time, and the sample mixer is yesterday evening in the
    // mailbox's zone: late in the Auckland day the thank-yous are already overdue when the demo sends them.
    const dueBy = (email: string): number => Date.parse(thankYouTo(before, email)!.dueAt);
    const onTimeAt = (at: number): number => [first, second].filter((p) => at <= dueBy(p.email)).length;
    const sentFrom = Date.now();
    await callApi(w, "/api/sandbox/demo/send-draft", { email: first.email });
    await callApi(w, "/api/sandbox/demo/send-draft", { email: second.email });
    const sentUntil = Date.now();
    await callApi(w, "/api/sandbox/demo/book-meeting", { email: first.email });

    // The open steps: the two thank-yous and the first person's one-to-one leave them by themselves (to "Done lately").
    const after = await waitForFollowUps(
      w,
      (l) => !thankYouTo(l, first.email) && !thankYouTo(l, second.email) && !l.items.some((i) => i.step === "oneToOne" && i.person.email === first.email),
      "The sent thank-yous and the coffee complete their steps",
    );
    const score = await callApi<Scorecard>(w, "/api/scorecard");
    // Only the two sent ones can count, each on time exactly when it went before its due time.
    expect(score.thanked?.onTime).toBeLessThanOrEqual(onTimeAt(sentFrom));
    expect(score.thanked?.onTime).toBeGreaterThanOrEqual(onTimeAt(sentUntil));
    expect(score.thanked?.markedOnTime).toBe(0);
    expect(score.met?.onTime).toBeGreaterThanOrEqual(1);
    // The second person's hold waits for nothing now that they were thanked; the unthanked get none yet.
    const holdStart = async (): Promise<string | null | undefined> =>
      (await callApi<FollowUpList>(w, "/api/followups")).items.find((i) => i.step === "oneToOne" && i.person.email === second.email)?.holdStartsAt;
    await expect
      .poll(holdStart, { timeout: 30_000 })
      .toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/);
    const unthanked = after.items.filter((i) => i.step === "oneToOne" && thankYouTo(after, i.person.email));
    expect(unthanked.every((i) => !i.holdStartsAt)).toBe(true);

    browser = await launchChromium({ width: 350, height: 900 });
    const page = browser.page;
    await injectOutlook(page, null);
    await page.goto(`${w.baseUrl}/taskpane.html#key=${w.apiKey}`);
    await page.getByTestId("followup-row").first().waitFor({ state: "visible", timeout: 30_000 });
    const shown = await page.getByTestId("followup-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-followup-id")));
    expect(shown).not.toContain(thankYouTo(before, first.email)!.id);
    expect(shown).not.toContain(thankYouTo(before, second.email)!.id);

    // Under the open steps, "Done lately (3)", collapsed: opened, it says how and when each one was completed.
    const doneLately = page.getByTestId("done-lately");
    await expect.poll(() => doneLately.getByRole("heading").innerText(), { timeout: 10_000 }).toBe("Done lately (3)");
    expect(await doneLately.getByTestId("done-row").count()).toBe(0);
    await doneLately.getByRole("button", { name: "Show 3 done lately" }).click();
    const doneRows = await doneLately.getByTestId("done-row").allInnerTexts();
    const rowFor = (name: string, what: string): string | undefined => doneRows.find((r) => r.includes(name) && r.includes(what));
    const clock = /(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2}:\d{2}/;
    expect(rowFor(first.displayName, "Thank-you note")).toMatch(new RegExp(`Sent ${clock.source}`));
    expect(rowFor(second.displayName, "Thank-you note")).toMatch(new RegExp(`Sent ${clock.source}`));
    expect(rowFor(first.displayName, "One-to-one")).toMatch(new RegExp(`Met ${clock.source}`));
    expect(doneRows.join("\n")).not.toContain("Marked done by you");
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, "complete-by-itself-today.png"), fullPage: true });

    await page.getByRole("tab", { name: "Scorecard" }).click();
    await page.getByTestId("scorecard").waitFor({ state: "visible", timeout: 10_000 });
    await page.screenshot({ path: join(resultsDir, "complete-by-itself-scorecard.png"), fullPage: true });
    const text = await page.getByTestId("scorecard").innerText();
    console.log(`--- Today rows: ${shown.length}; done lately ---\n${doneRows.join("\n")}\n--- scorecard text ---\n${text}`);
  });
});
