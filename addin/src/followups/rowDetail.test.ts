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

  const noLink = "No LinkedIn link saved: search for them on LinkedIn, or add their profile to the contact";
  it.each([
    [null, noLink],
    ["linkedIn", noLink],
    ["whatsApp", "Connect on WhatsApp"],
    ["phone", "Connect by phone"],
    ["inPerson", "Connect in person"],
  ] as const)("connect with preferred channel %s says %j", (preferredChannel, action) => {
    expect(rowDetail({ ...base, step: "connect", preferredChannel }).action).toBe(action);
  });

  it("reads the channel whatever its case, and ignores one it does not know", () => {
    expect(rowDetail({ ...base, step: "connect", preferredChannel: "WhatsApp" as never }).action).toBe("Connect on WhatsApp");
    expect(rowDetail({ ...base, step: "connect", preferredChannel: "pigeon" as never, profileUrl: "https://www.linkedin.com/in/x" }).action).toBe("Connect on LinkedIn");
  });

  it("links the profile, showing where the link goes", () => {
    const detail = rowDetail({ ...base, step: "connect", profileUrl: "https://www.linkedin.com/in/aroha-ngata/" });
    expect(detail.link).toEqual({ href: "https://www.linkedin.com/in/aroha-ngata/", text: "linkedin.com/in/aroha-ngata" });
  });

  it("says what to do instead when there is no profile link: search LinkedIn for the person by name", () => {
    const detail = rowDetail({ ...base, step: "connect", personName: "Aroha Ngata" });
    expect(detail.action).toBe("No LinkedIn link saved: search for Aroha Ngata on LinkedIn, or add their profile to the contact");
    expect(detail.link).toEqual({ href: "https://www.linkedin.com/search/results/people/?keywords=Aroha%20Ngata", text: "Search LinkedIn" });
  });

  it("keeps the plain channel action for a person who prefers another channel and has no link", () => {
    expect(rowDetail({ ...base, step: "connect", preferredChannel: "phone", personName: "Aroha" })).toEqual({ action: "Connect by phone" });
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
