import { describe, expect, it } from "vitest";
import { personName, stateBadge, stepLabel } from "./labels";

describe("labels", () => {
  it.each([
    ["thankYou", "Thank-you note"],
    ["connect", "Connect"],
    ["oneToOne", "One-to-one"],
  ])("names the %s step %s", (step, label) => {
    expect(stepLabel(step)).toBe(label);
  });

  it("shows an unknown step by its raw name instead of failing", () => {
    expect(stepLabel("birthdayCard")).toBe("birthdayCard");
  });

  it.each([
    ["prepared", false, "Draft ready"],
    ["snoozed", false, "Snoozed"],
    ["pending", false, "To do"],
    ["pending", true, "Overdue"],
  ] as const)("badges a %s item (overdue: %s) as %s", (state, overdue, text) => {
    expect(stateBadge(state, overdue).text).toBe(text);
  });

  it("badges a prepared one-to-one as a placed hold, not a draft", () => {
    expect(stateBadge("prepared", false, "oneToOne").text).toBe("Hold placed");
  });

  it("keeps a snoozed step's Draft ready / Hold placed badge: the snooze is in the row's time", () => {
    expect(stateBadge("snoozed", false, "thankYou", { draftId: "d1" }).text).toBe("Draft ready");
    expect(stateBadge("snoozed", false, "oneToOne", { holdEventId: "h1" }).text).toBe("Hold placed");
    expect(stateBadge("snoozed", false, "connect", { draftId: null, holdEventId: null }).text).toBe("Snoozed");
  });

  it("falls back to the email address when a person has no display name", () => {
    expect(
      personName({ id: "1", person: { displayName: "  ", email: "zoe@example.com" }, step: "connect", dueAt: "", state: "pending", draftId: null, snoozedUntil: null }),
    ).toBe("zoe@example.com");
  });
});
