import type { Referral } from "./model";

/** A referral for unit tests, received yesterday with nothing done yet. */
export const referral = (patch: Partial<Referral> = {}): Referral => ({
  id: "r1",
  direction: "received",
  partner: { displayName: "Mere Parata", email: "mere@paratalaw.co.nz" },
  prospect: { displayName: "Priya", email: "priya@brightpath.co.nz", phone: null },
  note: null,
  copyPartner: false,
  sourceMessageId: null,
  referredAt: "2026-11-24T09:00:00+13:00",
  daysSinceReferred: 1,
  contactedAt: null,
  partnerFollowedUp: null,
  outcome: null,
  outcomeValue: null,
  outcomeNote: null,
  betterFit: null,
  outcomeAt: null,
  introDraftId: null,
  checkInDraftId: null,
  closeDraftId: null,
  duty: null,
  ...patch,
});
