import { describe, expect, it } from "vitest";
import type { FollowUp } from "./model";
import { rowDetail } from "./rowDetail";

const base: FollowUp = {
  id: "1",
  person: { displayName: "Aroha Ngata", email: "aroha@example.co.nz" },
  step: "thankYou",
  dueAt: "2026-11-25T19:30:00+13:00",
  state: "prepared",
  draftId: "d1",
  snoozedUntil: null,
};

describe("row detail", () => {
  it("says where they met", () => {
    expect(rowDetail({ ...base, eventSubject: "Chamber of Commerce business mixer" }).context).toBe("Met at Chamber of Commerce business mixer");
  });

  it("adds nothing for an item from a worker that predates these fields", () => {
    expect(rowDetail(base)).toEqual({});
  });

  it.each([
    [null, "Connect on LinkedIn"],
    ["linkedIn", "Connect on LinkedIn"],
    ["whatsApp", "Connect on WhatsApp"],
    ["phone", "Connect by phone"],
    ["inPerson", "Connect in person"],
  ] as const)("connect with preferred channel %s says %j", (preferredChannel, action) => {
    expect(rowDetail({ ...base, step: "connect", preferredChannel }).action).toBe(action);
  });

  it("reads the channel whatever its case, and ignores one it does not know", () => {
    expect(rowDetail({ ...base, step: "connect", preferredChannel: "WhatsApp" as never }).action).toBe("Connect on WhatsApp");
    expect(rowDetail({ ...base, step: "connect", preferredChannel: "pigeon" as never }).action).toBe("Connect on LinkedIn");
  });

  it("links the profile, showing where the link goes", () => {
    const detail = rowDetail({ ...base, step: "connect", profileUrl: "https://www.linkedin.com/in/aroha-ngata/" });
    expect(detail.link).toEqual({ href: "https://www.linkedin.com/in/aroha-ngata/", text: "linkedin.com/in/aroha-ngata" });
  });

  it.each(["javascript:alert(1)", "data:text/html,x", "linkedin.com/in/x", ""])("never links %j", (profileUrl) => {
    expect(rowDetail({ ...base, step: "connect", profileUrl }).link).toBeUndefined();
  });

  it("tells a one-to-one with a hold from one the user books", () => {
    expect(rowDetail({ ...base, step: "oneToOne", holdEventId: "h1" }).action).toMatch(/^Hold placed/);
    const noSlot = rowDetail({
      ...base,
      step: "oneToOne",
      state: "pending",
      holdEventId: null,
      note: "No free 30-minute slot in your working hours before the due date; book it yourself.",
    });
    expect(noSlot.action).toBe("Meet one-to-one");
    expect(noSlot.note).toMatch(/book it yourself/);
  });

  it("shows the preferred channel on the other steps too", () => {
    expect(rowDetail({ ...base, preferredChannel: "whatsApp" }).action).toBe("Prefers WhatsApp");
  });
});
