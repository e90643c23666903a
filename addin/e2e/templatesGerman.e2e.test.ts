import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DraftTemplates } from "../src/templates/model";
import { openPlainPane, type TestBrowser } from "./browser";
import { layoutProblems } from "./layout";
import { startWorker, waitUntilBaselined, type RunningWorker, callApi } from "./worker";

/*
 * A mailbox whose language (mailboxSettings) is German: the Draft wording editor starts from the German default, and
 * its live preview renders it for a German sample person with the German "Vor dem Senden" line and sign-off. Wording
 * typed in English gets the English frame in the preview, as it will in the drafts.
 */

const resultsDir = resolve(import.meta.dirname, "..", "test-results");

let worker: RunningWorker | undefined;
let browser: TestBrowser | undefined;
let page: Page;

const wording = () => page.getByRole("form", { name: /^Wording: / });
const subject = () => wording().getByRole("textbox", { name: /^Subject/ });
const body = () => wording().getByRole("textbox", { name: /^Body/ });
const preview = () => page.getByTestId("template-preview");
const previewSubject = () => page.getByTestId("preview-subject");

beforeAll(async () => {
  worker = await startWorker(["--Sandbox:Language", "de-DE"]);
  await waitUntilBaselined(worker);
  browser = await openPlainPane(worker, { width: 350, height: 1000 });
  page = browser.page;
  mkdirSync(resultsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

describe("Draft wording in a German mailbox, against the real worker", () => {
  it("shows the German default and previews it for a German sample person with the German frame", async () => {
    const thankYou = (await callApi<DraftTemplates>(worker!, "/api/templates")).items.find((t) => t.kind === "thank-you")!;
    expect(thankYou).toMatchObject({ custom: false, language: "de" });
    expect(thankYou.subject).toMatch(/^Schön, Sie bei „\{EventName\}“ kennengelernt zu haben/);

    await page.getByRole("button", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Draft wording…" }).click();
    await page.getByRole("heading", { name: "Draft wording" }).waitFor({ state: "visible", timeout: 30_000 });
    expect(await subject().inputValue()).toBe(thankYou.subject);
    expect(await body().inputValue()).toMatch(/^Hallo \{FirstName\}, \|\| Guten Tag,\n/);

    await expect.poll(() => previewSubject().textContent(), { timeout: 10_000 }).toBe("Schön, Sie bei „Unternehmerfrühstück der IHK“ kennengelernt zu haben");
    const marks = await preview().locator("mark").allTextContents();
    expect(marks[0]).toMatch(/^\[Vor dem Senden: die 2 markierten Teile in eigenen Worten neu schreiben/);
    expect(marks).toContainEqual(expect.stringMatching(/^\[Ihre Notiz: ihre Kanzlei zieht nach Ponsonby — hier etwas dazu schreiben\]$/));
    const shown = (await preview().textContent()) ?? "";
    expect(shown).toContain("Hallo Priya,");
    expect(shown).toContain("Viele Grüße");
    expect(shown).toContain("in German");
    expect(shown).not.toMatch(/Before sending|Best wishes|You mentioned/);
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: join(resultsDir, "draft-wording-german-350.png"), fullPage: true });
  });

  it("previews the typing live: German words keep the German frame, English words get the English one", async () => {
    await subject().fill("Freut mich, {FirstName}");
    await expect.poll(() => previewSubject().textContent(), { timeout: 10_000 }).toBe("Freut mich, Priya");
    expect(await preview().textContent()).toContain("Viele Grüße");

    await body().fill("Hi {FirstName},\n{Remembered}\nWould you like to grab a coffee in the next few weeks?");
    await expect.poll(async () => (await preview().textContent()) ?? "", { timeout: 10_000 }).toContain("Best wishes,");
    const shown = (await preview().textContent()) ?? "";
    expect(shown).toContain("in English");
    expect(shown).toContain("[Before sending: rewrite the highlighted part in your own words, then delete this line]");
    expect(shown).not.toMatch(/Viele Grüße|Vor dem Senden/);

    await wording().getByRole("button", { name: "Undo changes" }).click();
    await expect.poll(() => previewSubject().textContent(), { timeout: 10_000 }).toBe("Schön, Sie bei „Unternehmerfrühstück der IHK“ kennengelernt zu haben");
  });
});
