import { describe, expect, it } from "vitest";
import { followUpToToday } from "./sources";
import { doneLatelyTitle, doneLines } from "./doneLately";
import { sortDone } from "./useToday";
import type { FollowUp } from "../followups/model";

const step = (id: string, name: string, s: FollowUp["step"], completedVia: FollowUp["completedVia"], completedAt: string | null): FollowUp => ({
  id,
  person: { displayName: name, email: `${id}@example.com` },
  step: s,
  dueAt: "2026-11-04T09:00:00+13:00",
  state: "done",
  draftId: null,
  snoozedUntil: null,
  completedVia,
  completedAt,
});

describe("Done lately", () => {
  // Tue 3 Nov 2026 09:12 in Auckland is Mon 2 Nov 20:12 UTC.
  const items = [
    step("sofia", "Sofía Reyes", "thankYou", "sent", "2026-11-02T20:12:00Z"),
    step("bjorn", "", "oneToOne", "met", "2026-11-05T02:30:00Z"),
    step("ana", "Ana Silva", "connect", "marked", "2026-11-04T01:00:00Z"),
  ].map(followUpToToday);

  it("lists the newest first, each with how and when in the mailbox's zone", () => {
    const lines = doneLines(sortDone(items), "Pacific/Auckland", "en-GB");
    expect(lines.map((l) => [l.name, l.what, l.how, l.byEvidence])).toEqual([
      ["bjorn@example.com", "One-to-one", "Met Thu 15:30", true],
      ["Ana Silva", "Connect", "Marked done by you", false],
      ["Sofía Reyes", "Thank-you note", "Sent Tue 09:12", true],
    ]);
    expect(doneLatelyTitle(lines.length)).toBe("Done lately (3)");
  });

  it("says plain Done when an older worker did not say how", () => {
    expect(doneLines([followUpToToday(step("x", "X", "thankYou", null, null))], "UTC")[0]?.how).toBe("Done");
  });
});
