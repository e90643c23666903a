import { describe, expect, it } from "vitest";
import type { Settings } from "./model";
import { changedElsewhereMessages, checkSettings, errorsFromServer, formFrom, keywordsOf, rebase, type SettingsForm } from "./settingsForm";

const saved: Settings = {
  networkingCategory: "Networking",
  subjectKeywords: ["mixer", "chapter meeting"],
  meetingLengthMinutes: 30,
  meetingBufferMinutes: 15,
  signature: "",
  cadences: { referralPartner: 14, innerCircle: 30, other: 90 },
};

const form = (changes: Partial<SettingsForm> = {}): SettingsForm => ({ ...formFrom(saved), ...changes });

describe("settings form", () => {
  it("round-trips the saved settings unchanged", () => {
    expect(checkSettings(form())).toEqual({ ok: true, settings: saved });
  });

  it("reads one keyword per line, trimmed, ignoring blank lines", () => {
    expect(keywordsOf(" mixer \r\n\n  chamber\n ")).toEqual(["mixer", "chamber"]);
    expect(keywordsOf("")).toEqual([]);
  });

  it("trims the category and signature it sends", () => {
    const checked = checkSettings(form({ networkingCategory: "  Clients ", signature: " Ada " }));
    expect(checked).toMatchObject({ ok: true, settings: { networkingCategory: "Clients", signature: "Ada" } });
  });

  it.each<[string, Partial<SettingsForm>, keyof SettingsForm]>([
    ["an empty category", { networkingCategory: "  " }, "networkingCategory"],
    ["a category over 255", { networkingCategory: "x".repeat(256) }, "networkingCategory"],
    ["31 keywords", { keywords: Array.from({ length: 31 }, (_, i) => `k${i}`).join("\n") }, "keywords"],
    ["a keyword over 60", { keywords: `mixer\n${"k".repeat(61)}` }, "keywords"],
    ["a meeting of 9 minutes", { meetingLength: "9" }, "meetingLength"],
    ["a meeting of 241 minutes", { meetingLength: "241" }, "meetingLength"],
    ["a fractional meeting length", { meetingLength: "30.5" }, "meetingLength"],
    ["an empty buffer", { meetingBuffer: "" }, "meetingBuffer"],
    ["a buffer of 121", { meetingBuffer: "121" }, "meetingBuffer"],
    ["a negative buffer", { meetingBuffer: "-5" }, "meetingBuffer"],
    ["a signature over 200", { signature: "s".repeat(201) }, "signature"],
    ["a cadence of 0 days", { referralPartner: "0" }, "referralPartner"],
    ["a cadence of 731 days", { innerCircle: "731" }, "innerCircle"],
    ["a cadence that is not a number", { other: "often" }, "other"],
  ])("refuses %s under its field", (_, changes, field) => {
    const checked = checkSettings(form(changes));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(Object.keys(checked.errors)).toEqual([field]);
  });

  it.each<[string, Partial<SettingsForm>]>([
    ["no keywords", { keywords: "" }],
    ["30 keywords", { keywords: Array.from({ length: 30 }, (_, i) => `k${i}`).join("\n") }],
    ["a 60-character keyword", { keywords: "k".repeat(60) }],
    ["the shortest meeting and no buffer", { meetingLength: "10", meetingBuffer: "0" }],
    ["the longest meeting and buffer", { meetingLength: "240", meetingBuffer: "120" }],
    ["cadences at the edges", { referralPartner: "1", innerCircle: "730", other: "730" }],
    ["a 200-character signature", { signature: "s".repeat(200) }],
  ])("accepts %s", (_, changes) => {
    expect(checkSettings(form(changes)).ok).toBe(true);
  });
});

describe("the worker's field errors", () => {
  it("go under the field they name, and a keyword error says which keyword", () => {
    const sent = { ...saved, subjectKeywords: ["mixer", "chamber", "x"] };
    const { errors, general } = errorsFromServer(
      {
        "subjectKeywords[2]": ["A keyword cannot be empty."],
        meetingLengthMinutes: ["A one-to-one lasts 10 to 240 minutes."],
        "cadences.innerCircle": ["A cadence is 1 to 730 days."],
        signature: ["A signature has at most 200 characters."],
      },
      sent,
    );
    expect(errors).toEqual({
      keywords: "“x”: A keyword cannot be empty.",
      meetingLength: "A one-to-one lasts 10 to 240 minutes.",
      innerCircle: "A cadence is 1 to 730 days.",
      signature: "A signature has at most 200 characters.",
    });
    expect(general).toEqual([]);
  });

  it("keep messages for names the form does not know", () => {
    expect(errorsFromServer({ somethingNew: ["Nope."] }, saved)).toEqual({ errors: {}, general: ["Nope."] });
  });
});

describe("a save refused because the settings were saved elsewhere (412)", () => {
  const base = form();

  it("keeps what the user typed and takes what the other save changed elsewhere", () => {
    const mine = form({ signature: "Ada, Harbour Bakery", keywords: "mixer\nchapter meeting\nRotary" });
    const theirs = form({ meetingLength: "45" });
    const rebased = rebase(base, mine, theirs);
    expect(rebased.form).toEqual(form({ signature: "Ada, Harbour Bakery", keywords: "mixer\nchapter meeting\nRotary", meetingLength: "45" }));
    expect(rebased).toMatchObject({ kept: ["keywords", "signature"], taken: ["meetingLength"], clashed: [] });
    expect(checkSettings(rebased.form)).toMatchObject({ ok: true, settings: { meetingLengthMinutes: 45, signature: "Ada, Harbour Bakery" } });
  });

  it("keeps the user's value where both changed a field, and says what the other save had", () => {
    const rebased = rebase(base, form({ signature: "Ada" }), form({ signature: "Ada Lovelace" }));
    expect(rebased.form.signature).toBe("Ada");
    expect(rebased.clashed).toEqual(["signature"]);
    const messages = changedElsewhereMessages(rebased, form({ signature: "Ada Lovelace" }));
    expect(messages[0]).toMatch(/another Outlook window, or another OfficeFollowUp process/);
    expect(messages).toContain("Signature: you both changed it; the form keeps yours (they saved “Ada Lovelace”).");
    expect(messages.at(-1)).toBe("Check the form and save again.");
  });

  it("counts the same change made in both places as kept, not as a clash", () => {
    expect(rebase(base, form({ other: "60" }), form({ other: "60" }))).toMatchObject({ kept: ["other"], clashed: [], taken: [] });
  });

  it("does not count a blank line or spaces around a value as a change", () => {
    const rebased = rebase(base, form({ keywords: "mixer\n\nchapter meeting\n", innerCircle: " 30 " }), form({ innerCircle: "45" }));
    expect(rebased).toMatchObject({ kept: [], clashed: [], taken: ["innerCircle"] });
    expect(rebased.form.innerCircle).toBe("45");
    expect(changedElsewhereMessages(rebased, form({ innerCircle: "45" }))).toEqual([
      expect.stringMatching(/^Someone saved your settings after you opened them/),
      "Now showing what they saved for: Keep in touch with the inner circle.",
      "You had changed nothing; the form shows the saved settings.",
    ]);
  });
});
