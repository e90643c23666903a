import { describe, expect, it } from "vitest";
import { birthdayText, buildCadenceRequest, lastTouchText, mapCadenceErrors, noneOverdueText, overdueText, tierLabel, validateCadenceForm } from "./cadence";

describe("keep in touch", () => {
  it("names the tiers the worker knows", () => {
    expect(["referralPartner", "innerCircle", "other", "ReferralPartner", "unknown"].map(tierLabel)).toEqual(["Referral partner", "Inner circle", "Everyone else", "Referral partner", "unknown"]);
  });

  it.each([
    ["", undefined],
    ["14", undefined],
    ["1", undefined],
    ["730", undefined],
    ["0", /1 to 730/],
    ["731", /1 to 730/],
    ["7.5", /whole number/],
    ["two", /whole number/],
  ])("cadence %s", (days, error) => {
    const result = validateCadenceForm({ tier: "innerCircle", cadenceDays: days }).cadenceDays;
    if (error) expect(result).toMatch(error);
    else expect(result).toBeUndefined();
  });

  it("sends a blank cadence as null (the tier's default) and the name when known", () => {
    expect(buildCadenceRequest({ tier: "referralPartner", cadenceDays: " " }, "Mere Parata")).toEqual({ tier: "referralPartner", cadenceDays: null, displayName: "Mere Parata" });
    expect(buildCadenceRequest({ tier: "other", cadenceDays: "45" }, "")).toEqual({ tier: "other", cadenceDays: 45 });
  });

  it("maps the worker's field errors", () => {
    expect(mapCadenceErrors({ cadenceDays: ["A cadence is between 1 and 730 days."], Tier: ["Unknown tier"] })).toEqual({ cadenceDays: "A cadence is between 1 and 730 days.", tier: "Unknown tier" });
  });

  it("words overdue days, the last touch and birthdays", () => {
    expect([0, 1, 12].map(overdueText)).toEqual(["Due today", "1 day overdue", "12 days overdue"]);
    expect(lastTouchText(null, "Pacific/Auckland")).toBe("Not in touch yet");
    // 11:30 UTC on 3 Nov is already 4 Nov in Auckland.
    expect(lastTouchText("2026-11-03T11:30:00Z", "Pacific/Auckland", "en-NZ")).toBe("Last in touch 4 Nov 2026");
    const b = { displayName: "Ana", email: null, preferredChannel: null };
    expect(birthdayText({ ...b, date: "2026-11-25", daysAway: 0 }, "en-NZ")).toBe("Birthday today (Wed, 25 Nov): send a message");
    expect(birthdayText({ ...b, date: "2026-11-26", daysAway: 1 }, "en-NZ")).toBe("Birthday tomorrow (Thu, 26 Nov): send a card today");
    expect(birthdayText({ ...b, date: "2026-12-01", daysAway: 6 }, "en-NZ")).toBe("Birthday in 6 days (Tue, 1 Dec): send a card");
  });
});

describe("an empty overdue list says what it covers", () => {
  it.each([
    [{ tracked: 4, untracked: 16 }, "Nobody is overdue among the 4 people with a cadence. 16 contacts have no cadence yet, so they are not covered here."],
    [{ tracked: 0, untracked: 1 }, "Nobody has a cadence yet. 1 contact has no cadence yet, so it is not covered here."],
    [{ tracked: 1, untracked: 0 }, "Nobody is overdue among the 1 person with a cadence. Everyone you know is covered."],
    [{}, "Nobody with a cadence is overdue."],
  ])("%o", (list, text) => {
    expect(noneOverdueText(list)).toBe(text);
    expect(noneOverdueText(list)).not.toMatch(/Everyone has heard from you/);
  });
});
