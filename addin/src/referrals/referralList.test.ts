import { describe, expect, it } from "vitest";
import type { Escalation } from "./model";
import { referral } from "./fixtures";
import { currentDraft, daysSinceText, directionText, dutyText, escalationBadge, groupReferrals, partnersOf } from "./referralList";

const withDuty = (id: string, escalation: Escalation, dueAt: string) => referral({ id, duty: { kind: "contactProspect", dueAt, escalation } });

describe("escalation labels", () => {
  it.each<[Escalation, string, string, boolean]>([
    ["urgent", "Urgent", "danger", true],
    ["overdue", "Overdue", "danger", true],
    ["due", "Due", "warning", false],
    ["onTrack", "On track", "informative", false],
  ])("%s → %s", (escalation, text, color, prominent) => expect(escalationBadge(escalation)).toEqual({ text, color, prominent }));
});

describe("groupReferrals", () => {
  it("puts urgent before overdue before due, then the earliest due; on-track apart; closed latest first", () => {
    const items = [
      withDuty("due", "due", "2026-11-24T10:00:00Z"),
      withDuty("track-late", "onTrack", "2026-11-30T10:00:00Z"),
      withDuty("overdue", "overdue", "2026-11-20T10:00:00Z"),
      withDuty("urgent-2", "urgent", "2026-11-10T10:00:00Z"),
      withDuty("urgent-1", "urgent", "2026-11-01T10:00:00Z"),
      withDuty("track-soon", "onTrack", "2026-11-26T10:00:00Z"),
      referral({ id: "closed-old", outcome: "won", outcomeAt: "2026-10-01T10:00:00Z" }),
      referral({ id: "closed-new", outcome: "noResponse", outcomeAt: "2026-11-01T10:00:00Z" }),
    ];
    const groups = groupReferrals(items);
    expect(groups.needsYou.map((r) => r.id)).toEqual(["urgent-1", "urgent-2", "overdue", "due"]);
    expect(groups.upcoming.map((r) => r.id)).toEqual(["track-soon", "track-late"]);
    expect(groups.closed.map((r) => r.id)).toEqual(["closed-new", "closed-old"]);
  });
});

describe("wording", () => {
  it("says where the referral came from or went, and how long ago", () => {
    expect(directionText(referral())).toBe("Received from Mere Parata");
    expect(directionText(referral({ direction: "given", partner: { displayName: "", email: "tama@ngata.co.nz" } }))).toBe("Given to tama@ngata.co.nz");
    expect([0, 1, 5].map((d) => daysSinceText(d, "received"))).toEqual(["Received today", "Received 1 day ago", "Received 5 days ago"]);
  });

  it("names the duty", () => {
    const due = { dueAt: "2026-11-25T09:00:00+13:00", escalation: "due" as const };
    expect(dutyText(referral({ duty: { kind: "contactProspect", ...due } }))).toBe("Contact Priya");
    expect(dutyText(referral({ direction: "given", duty: { kind: "checkInWithPartner", ...due } }))).toBe("Ask Mere Parata whether they reached Priya");
    expect(dutyText(referral({ direction: "given", partnerFollowedUp: false, duty: { kind: "nudgePartner", ...due } }))).toBe("Nudge Mere Parata to get in touch with Priya");
    expect(dutyText(referral({ duty: { kind: "recordOutcome", ...due } }))).toBe("Record how it went with Priya");
    expect(dutyText(referral({ outcome: "inProgress", duty: { kind: "recordOutcome", ...due } }))).toBe("Update how it is going with Priya");
    expect(dutyText(referral())).toBeUndefined();
  });

  it("offers the close-the-loop draft first, else the draft the duty needs", () => {
    const due = { dueAt: "2026-11-25T09:00:00+13:00", escalation: "due" as const };
    expect(currentDraft(referral({ introDraftId: "i", closeDraftId: "c" }))?.id).toBe("c");
    expect(currentDraft(referral({ introDraftId: "i", duty: { kind: "contactProspect", ...due } }))?.id).toBe("i");
    expect(currentDraft(referral({ checkInDraftId: "k", direction: "given", duty: { kind: "checkInWithPartner", ...due } }))?.id).toBe("k");
    expect(currentDraft(referral({ introDraftId: "i", duty: { kind: "recordOutcome", ...due } }))).toBeUndefined();
  });

  it("lists each partner once, whatever the case of the address", () => {
    const list = partnersOf([referral(), referral({ id: "2", partner: { displayName: "Mere P.", email: "MERE@paratalaw.co.nz" } }), referral({ id: "3", partner: { displayName: "Anaru", email: "a@x.co" } })]);
    expect(list).toEqual([
      { email: "a@x.co", displayName: "Anaru" },
      { email: "MERE@paratalaw.co.nz", displayName: "Mere P." },
    ]);
  });
});
