import { describe, expect, it } from "vitest";
import type { FollowUp } from "../followups/model";
import { looksLikeEmail, validateRemember } from "./api";
import { cardName, trackProgress, trackSteps } from "./personCard";

const now = new Date("2026-11-25T10:00:00+13:00");
const step = (s: FollowUp["step"], state: FollowUp["state"], dueAt: string): FollowUp => ({
  id: `${s}-${dueAt}`,
  person: { displayName: "Aroha", email: "aroha@example.co.nz" },
  step: s,
  dueAt,
  state,
  draftId: null,
  snoozedUntil: null,
});

describe("person card track", () => {
  it("shows the three steps in order with their states", () => {
    const steps = trackSteps(
      { steps: [step("oneToOne", "prepared", "2026-12-20T10:00:00+13:00"), step("thankYou", "done", "2026-11-21T10:00:00+13:00"), step("connect", "pending", "2026-11-24T10:00:00+13:00")] },
      now,
    );
    expect(steps.map((s) => [s.label, s.badge.text])).toEqual([
      ["Thank-you note", "Done"],
      ["Connect", "Overdue"],
      ["One-to-one", "Hold placed"],
    ]);
    expect(trackProgress(steps)).toBe("1 of 3 done");
  });

  it("marks steps the worker has not made yet as not started", () => {
    expect(trackSteps({ steps: [] }, now).map((s) => s.badge.text)).toEqual(["Not started", "Not started", "Not started"]);
  });

  it("takes the latest track for someone met twice", () => {
    const steps = trackSteps({ steps: [step("thankYou", "done", "2026-01-01T10:00:00+13:00"), step("thankYou", "prepared", "2026-11-26T10:00:00+13:00")] }, now);
    expect(steps[0]?.badge.text).toBe("Draft ready");
  });

  it("names the person, falling back to the message's name and then the address", () => {
    expect(cardName({ displayName: "Aroha Ngata", email: "a@x.nz" })).toBe("Aroha Ngata");
    expect(cardName({ displayName: null, email: "a@x.nz" }, "Aroha")).toBe("Aroha");
    expect(cardName({ displayName: " ", email: "a@x.nz" })).toBe("a@x.nz");
  });

  it("checks the one thing to remember as the worker does", () => {
    expect(validateRemember("  ")).toBe("Write the one thing to remember.");
    expect(validateRemember("x".repeat(501))).toBe("Keep it under 500 characters.");
    expect(validateRemember("Designing the library")).toBeUndefined();
  });

  it("checks a looked-up address loosely", () => {
    expect(looksLikeEmail("aroha@example.co.nz")).toBe(true);
    expect(looksLikeEmail("aroha")).toBe(false);
  });
});
