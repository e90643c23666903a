import { describe, expect, it } from "vitest";
import type { DraftTemplateDto } from "./model";
import {
  changedElsewhere,
  changedElsewhereNotice,
  checkTemplate,
  insertSlot,
  isChanged,
  isDefault,
  kindLabel,
  slotsIn,
  templateErrorsFromServer,
  unknownSlotMessage,
  writeOn,
} from "./templateForm";

const known = ["FirstName", "EventName", "Remembered", "Promised"];

const stored: DraftTemplateDto = {
  kind: "thank-you",
  subject: "Great to meet you at {EventName}",
  body: "Hi {FirstName},\n{Remembered}",
  custom: true,
  slots: known,
  defaultSubject: "Great to meet you",
  defaultBody: "Hello,",
  language: "en",
};

describe("template slots", () => {
  it("reads slot names as the worker does: letters and digits after a letter, in order, once each", () => {
    expect(slotsIn("Hi {FirstName}, {EventName} {FirstName}")).toEqual(["FirstName", "EventName"]);
    expect(slotsIn("{ FirstName } {1st} {} {First-Name} {a}")).toEqual(["a"]);
    expect(slotsIn("no slots at all")).toEqual([]);
  });

  it("names each unknown slot in one message and says nothing when all are known", () => {
    expect(unknownSlotMessage("Hi {FirstName}", known)).toBeUndefined();
    expect(unknownSlotMessage("Hi {Firstname}", known)).toBe("{Firstname} is not a slot of this draft. Use one of the slots listed below, or remove the braces.");
    expect(unknownSlotMessage("{Nickname} and {Town} and {Nickname}", known)).toMatch(/^\{Nickname\}, \{Town\} are not slots/);
  });
});

describe("checking a template before saving", () => {
  it("accepts known slots and braces that are not slots", () => {
    expect(checkTemplate({ subject: "Hello {FirstName}", body: "A set {of braces}? {FirstName}" }, known)).toEqual({});
    expect(checkTemplate({ subject: "Hello {FirstName}", body: "Braces { like this } stay text" }, known)).toEqual({});
  });

  it("puts each problem under its own field", () => {
    expect(checkTemplate({ subject: "  ", body: "Hi {Nickname}" }, known)).toEqual({
      subject: "Give the subject line.",
      body: expect.stringMatching(/^\{Nickname\} is not a slot/),
    });
    expect(checkTemplate({ subject: "x".repeat(301), body: "" }, known)).toEqual({
      subject: "A subject line has at most 300 characters.",
      body: "Give the body.",
    });
    expect(checkTemplate({ subject: "Two\nlines", body: "ok" }, known)).toEqual({ subject: "A subject line is one line." });
  });

  it("tells a change from what is stored, ignoring outer spaces and Windows line ends", () => {
    expect(isChanged({ subject: " Great to meet you at {EventName} ", body: "Hi {FirstName},\r\n{Remembered}\n" }, stored)).toBe(false);
    expect(isChanged({ subject: "Great to meet you", body: stored.body }, stored)).toBe(true);
    expect(isDefault({ subject: "Great to meet you", body: "Hello," }, stored)).toBe(true);
  });

  it("puts the worker's field errors under their fields", () => {
    expect(templateErrorsFromServer({ body: ["{X} is not a slot of this draft."], other: ["Something else."] })).toEqual({
      errors: { body: "{X} is not a slot of this draft." },
      general: ["Something else."],
    });
  });

  it("labels every kind in words and an unknown kind by its name", () => {
    expect(kindLabel("close-not-a-fit")).toBe("Referral outcome: not a fit");
    expect(kindLabel("birthday")).toBe("Birthday note");
    expect(kindLabel("anniversary")).toBe("anniversary");
  });
});

describe("inserting a slot", () => {
  it("goes where the caret is and moves the caret after it", () => {
    expect(insertSlot("Hi ,", "FirstName", 3, 3)).toEqual({ text: "Hi {FirstName},", caret: 14 });
  });

  it("replaces a selection", () => {
    expect(insertSlot("Hi NAME,", "FirstName", 3, 7)).toEqual({ text: "Hi {FirstName},", caret: 14 });
  });

  it("appends when the field was never focused", () => {
    expect(insertSlot("Hi", "FirstName", null, null)).toEqual({ text: "Hi{FirstName}", caret: 13 });
    expect(insertSlot("Hi", "FirstName", 99, 99)).toEqual({ text: "Hi{FirstName}", caret: 13 });
  });
});

describe("two panes editing the same wording", () => {
  it("names the wording it was made on with If-Match, and sends none to a worker without tags", () => {
    expect(writeOn({ ...stored, tag: '"template-1764671400000"' })).toEqual({ ifMatch: '"template-1764671400000"' });
    expect(writeOn({ ...stored, tag: '"template-default"' })).toEqual({ ifMatch: '"template-default"' });
    expect(writeOn(stored)).toBeUndefined();
  });

  it("tells a 412 from other refusals, and says in plain words that the typed text is kept", () => {
    expect(changedElsewhere({ kind: "problem", status: 412, title: "Wording changed", messages: [] })).toBe(true);
    expect(changedElsewhere({ kind: "problem", status: 400, title: "Bad", messages: [] })).toBe(false);
    expect(changedElsewhere({ kind: "unreachable", detail: "offline" })).toBe(false);
    const save = changedElsewhereNotice("save", "thank-you");
    expect(save.title).toBe("Not saved: this wording was changed elsewhere");
    expect(save.messages[0]).toContain(`the ${kindLabel("thank-you")} wording`);
    expect(save.messages[0]).toContain("Your text is still in the editor: save again");
    expect(changedElsewhereNotice("reset", "birthday").title).toBe("Not reset: this wording was changed elsewhere");
  });

  it("after reloading the other pane's wording, the kept text still counts as a change to save", () => {
    const typed = { subject: "My subject", body: "Hi {FirstName}," };
    const theirs = { ...stored, subject: "Their subject", tag: '"template-2"' };
    expect(isChanged(typed, theirs)).toBe(true);
    expect(isChanged({ subject: theirs.subject, body: theirs.body }, theirs)).toBe(false);
  });
});
