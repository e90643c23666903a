import type { FollowUp } from "../followups/model";

/** GET /api/people/{email}: who someone is to the user. `known` is false for someone never followed up. */
export interface PersonCard {
  known: boolean;
  email: string;
  displayName: string | null;
  companyName: string | null;
  isAcquaintance: boolean;
  metAt: string | null;
  eventSubject: string | null;
  remember: string | null;
  promised: string | null;
  preferredChannel: string | null;
  profileUrl: string | null;
  lastMeeting: { eventId: string; subject: string; start: string } | null;
  steps: FollowUp[];
  /** The notes on the person's Outlook contact (personalNotes); absent from older workers. */
  notes?: string | null;
  /** How they were really met: an event beats "added as a contact". */
  howMet?: { via: "event" | "contact"; subject: string | null; eventId: string | null; at: string | null } | null;
  /** Referrals they are in, from their side: as the partner or as the prospect. */
  referrals?: PersonReferral[];
}

export interface PersonReferral {
  id: string;
  role: "partner" | "prospect";
  direction: "received" | "given";
  other: string;
  referredAt: string;
  outcome: string | null;
}
