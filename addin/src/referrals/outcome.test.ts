import { describe, expect, it } from "vitest";
import { referral } from "./fixtures";
import { buildOutcomeRequest, emptyOutcomeForm, expectsCloseDraft, isFinal, mapOutcomeErrors, outcomeFormFor, outcomeOptions, parseAmount, validateOutcomeForm } from "./outcome";


describe("outcome rules", () => {
  it("offers the five outcomes the worker knows", () => {
    expect(outcomeOptions.map((o) => o.value)).toEqual(["won", "inProgress", "notAFit", "noResponse", "poorMeeting"]);
  });

  it("treats every outcome but in progress as final", () => {
    expect([null, "won", "inProgress", "notAFit", "noResponse", "poorMeeting"].map((o) => isFinal(o as never))).toEqual([false, true, false, true, true, true]);
  });

  it("needs an outcome", () => {
    expect(validateOutcomeForm(emptyOutcomeForm)).toEqual({ outcome: "Choose how it went." });
  });

  it.each([
    ["12000", 12000],
    ["12 000", 12000],
    ["12,000.50", 12000.5],
    ["$1200", 1200],
    ["-5", undefined],
    ["twelve", undefined],
    ["1.234", undefined],
  ])("reads the amount %s as %s", (text, value) => expect(parseAmount(text)).toBe(value));

  it("checks the value only when won, and the better fit only when not a fit", () => {
    expect(validateOutcomeForm({ ...emptyOutcomeForm, outcome: "won", value: "lots" }).value).toMatch(/amount/);
    expect(validateOutcomeForm({ ...emptyOutcomeForm, outcome: "won", value: "1000000000000" }).value).toMatch(/too large/);
    expect(validateOutcomeForm({ ...emptyOutcomeForm, outcome: "inProgress", value: "lots" })).toEqual({});
    expect(validateOutcomeForm({ ...emptyOutcomeForm, outcome: "notAFit", betterFit: "x".repeat(301) }).betterFit).toMatch(/300/);
    expect(validateOutcomeForm({ ...emptyOutcomeForm, outcome: "noResponse", betterFit: "x".repeat(301) })).toEqual({});
  });

  it("sends a value only with won, a better fit only with not a fit, and change only when asked", () => {
    const form = { outcome: "won" as const, value: "12 000", betterFit: "Ana", note: " Signed " };
    expect(buildOutcomeRequest(form)).toEqual({ outcome: "won", value: 12000, note: "Signed" });
    expect(buildOutcomeRequest({ ...form, outcome: "notAFit" })).toEqual({ outcome: "notAFit", betterFit: "Ana", note: "Signed" });
    expect(buildOutcomeRequest({ ...form, outcome: "poorMeeting", note: "" }, true)).toEqual({ outcome: "poorMeeting", change: true });
    expect(() => buildOutcomeRequest(emptyOutcomeForm)).toThrow();
  });

  it("starts from the outcome already recorded", () => {
    expect(outcomeFormFor(referral({ outcome: "won", outcomeValue: 5000, outcomeNote: "Yes" }))).toEqual({ outcome: "won", value: "5000", betterFit: "", note: "Yes" });
  });

  it("maps the worker's field errors", () => {
    expect(mapOutcomeErrors({ value: ["A value goes with a referral won."], BetterFit: ["A better fit goes with 'not a fit'."], other: ["x"] })).toEqual({
      value: "A value goes with a referral won.",
      betterFit: "A better fit goes with 'not a fit'.",
    });
  });

  it("expects a close-the-loop draft only for a referral received with an outcome", () => {
    expect(expectsCloseDraft(referral({ outcome: "noResponse" }))).toBe(true);
    expect(expectsCloseDraft(referral({ outcome: null }))).toBe(false);
    expect(expectsCloseDraft(referral({ direction: "given", outcome: "won" }))).toBe(false);
  });
});
