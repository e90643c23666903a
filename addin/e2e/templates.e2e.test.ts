import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DraftTemplates } from "../src/templates/model";
import { expectNoSeriousAxeViolations, openPlainPane, type TestBrowser } from "./browser";
import { layoutProblems } from "./layout";
import { startWorker, waitUntilBaselined, type RunningWorker, callApi } from "./worker";

const resultsDir = resolve(import.meta.dirname, "..", "test-results");

let worker: RunningWorker | undefined;
let browser: TestBrowser | undefined;
let page: Page;

const thankYou = async () => (await callApi<DraftTemplates>(worker!, "/api/templates")).items.find((t) => t.kind === "thank-you")!;
const wording = () => page.getByRole("form", { name: /^Wording: / });
const subject = () => wording().getByRole("textbox", { name: /^Subject/ });
const previewSubject = () => page.getByTestId("preview-subject");

beforeAll(async () => {
  worker = await startWorker();
  // Templates are saved per mailbox: wait until the sandbox mailbox is connected.
  await waitUntilBaselined(worker);
  browser = await openPlainPane(worker, { width: 350, height: 900 });
  page = browser.page;
  mkdirSync(resultsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

describe("Draft wording in Settings, against the real worker", () => {
  it("opens from Settings at 350 px with the thank-you, its slots and a preview with a sample person", async () => {
    await page.getByRole("button", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Draft wording…" }).click();
    await page.getByRole("heading", { name: "Draft wording" }).waitFor({ state: "visible", timeout: 30_000 });
    expect(await subject().inputValue()).toBe((await thankYou()).subject);
    expect(await wording().getByRole("button", { name: "Insert {Remembered}" }).isVisible()).toBe(true);
    await expect.poll(() => previewSubject().textContent(), { timeout: 10_000 }).toBe("Great to meet you at the Chamber business mixer");
    // The sample person's private note is a highlighted placeholder, never pasted.
    expect(await page.getByTestId("template-preview").locator("mark").allTextContents()).toContainEqual(expect.stringMatching(/^\[You mentioned: /));
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: join(resultsDir, "draft-wording-350.png"), fullPage: true });
    await expectNoSeriousAxeViolations(page);
  });

  it("shows an unknown slot next to its field before saving, and saves nothing", async () => {
    await subject().fill("Hello {Nickname}");
    await expect.poll(() => wording().getByText(/\{Nickname\} is not a slot of this draft/).count()).toBe(1);
    expect(await wording().getByRole("button", { name: "Save" }).isDisabled()).toBe(true);
    expect((await thankYou()).custom).toBe(false);
    expect(await layoutProblems(page)).toEqual([]);
    // Unsaved wording is not dropped by a stray click: the picker waits, and Back asks first.
    expect(await page.getByRole("combobox", { name: "Draft" }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Back to settings" }).click();
    await page.getByText("Your changes to this wording are not saved").waitFor({ state: "visible" });
    await page.getByRole("button", { name: "Keep editing" }).click();
    expect(await subject().inputValue()).toBe("Hello {Nickname}");
  });

  it("inserts a slot at the caret, previews it live, saves it, and resets to the default", async () => {
    await subject().fill("Lovely to meet you at ");
    await subject().press("End");
    await wording().getByRole("button", { name: "Insert {EventName}" }).click();
    expect(await subject().inputValue()).toBe("Lovely to meet you at {EventName}");
    await expect.poll(() => previewSubject().textContent(), { timeout: 10_000 }).toBe("Lovely to meet you at the Chamber business mixer");

    await wording().getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByText("Wording saved").count(), { timeout: 10_000 }).toBe(1);
    const saved = await thankYou();
    expect(saved).toMatchObject({ custom: true, subject: "Lovely to meet you at {EventName}" });
    expect(await wording().getByText("Your wording").count()).toBe(1);

    await wording().getByRole("button", { name: "Reset to default" }).click();
    await expect.poll(() => page.getByText("Back to the default wording").count(), { timeout: 10_000 }).toBe(1);
    const reset = await thankYou();
    expect(reset.custom).toBe(false);
    expect(await subject().inputValue()).toBe(reset.defaultSubject);
  });

  it("a save over wording changed in another pane is refused in plain words, keeps the typed text, and lands on the second try", async () => {
    // Another pane saves the thank-you after this one read it.
    const other = await fetch(`${worker!.baseUrl}/api/templates/thank-you`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${worker!.apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ subject: "From the other pane", body: "Hi {FirstName}," }),
    });
    expect(other.status).toBe(200);
    await subject().fill("Mine, {FirstName}");
    await wording().getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByText("Not saved: this wording was changed elsewhere").count(), { timeout: 10_000 }).toBe(1);
    expect(await subject().inputValue()).toBe("Mine, {FirstName}");
    expect((await thankYou()).subject).toBe("From the other pane");
    // The picker, disabled while there are changes, still fits: its longest option names "(your wording)".
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: join(resultsDir, "draft-wording-changed-elsewhere-350.png"), fullPage: true });

    await wording().getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByText("Wording saved").count(), { timeout: 10_000 }).toBe(1);
    expect((await thankYou()).subject).toBe("Mine, {FirstName}");
    await wording().getByRole("button", { name: "Reset to default" }).click();
    await expect.poll(() => page.getByText("Back to the default wording").count(), { timeout: 10_000 }).toBe(1);
    expect((await thankYou()).custom).toBe(false);
  });

  it("fits 320 px without sideways scrolling, then goes back to the rest of Settings", async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByRole("combobox", { name: "Draft" }).selectOption("close-not-a-fit");
    await expect.poll(() => previewSubject().textContent(), { timeout: 10_000 }).toMatch(/^About \w+/);
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: join(resultsDir, "draft-wording-320.png"), fullPage: true });
    await expectNoSeriousAxeViolations(page);

    await page.getByRole("button", { name: "Back to settings" }).click();
    await page.getByRole("form", { name: "Settings" }).waitFor({ state: "visible" });
    expect(await page.getByRole("heading", { name: "Draft wording" }).count()).toBe(0);
  });
});
