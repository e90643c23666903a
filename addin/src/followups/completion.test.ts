import { describe, expect, it } from "vitest";
import { completionLabel } from "./labels";
import { followUpToToday } from "../today/sources";
import type { FollowUp } from "./model";

describe("completionLabel", () => {
  // Tue 3 Nov 2026 09:12 in Auckland (UTC+13) is Mon 2 Nov 20:12 UTC.
  const at = "2026-11-02T20:12:00Z";

  it.each([
    ["sent", "Sent Tue 09:12"],
    ["met", "Met Tue 09:12"],
    ["marked", "Marked done by you"],
  ])("says how a %s step was completed, in the mailbox's zone", (via, text) => {
    expect(completionLabel(via, at, "Pacific/Auckland", "en-GB")).toBe(text);
  });

  it("uses the mailbox's zone, not the viewer's", () => {
    expect(completionLabel("sent", at, "Europe/London", "en-GB")).toBe("Sent Mon 20:12");
  });

  it("gives nothing for a worker that did not say, so the plain Done badge stays", () => {
    expect(completionLabel(undefined, null, "Pacific/Auckland")).toBeNull();
    expect(completionLabel(null, at, "Pacific/Auckland")).toBeNull();
  });

  it("carries completion from the API onto the Today row", () => {
    const f: FollowUp = {
      id: "s1",
      person: { displayName: "Priya Raman", email: "priya@example.com" },
      step: "thankYou",
      dueAt: "2026-11-03T20:00:00+13:00",
      state: "done",
      draftId: "d1",
      snoozedUntil: null,
      completedVia: "sent",
      completedAt: "2026-11-03T09:12:00+13:00",
    };
    const item = followUpToToday(f);
    expect([item.completedVia, item.completedAt]).toEqual(["sent", "2026-11-03T09:12:00+13:00"]);
  });
});
