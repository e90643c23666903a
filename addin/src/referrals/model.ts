import type { GaveUp } from "../outbox/model";
import type { Person } from "../people/person";

/** Shapes of /api/referrals and /api/partners/{email}/reciprocity (camelCase), as the pane reads them. */

export type Direction = "received" | "given";
export type Outcome = "won" | "inProgress" | "notAFit" | "noResponse" | "poorMeeting";
export type DutyKind = "contactProspect" | "checkInWithPartner" | "nudgePartner" | "recordOutcome";
export type Escalation = "onTrack" | "due" | "overdue" | "urgent";

export interface Prospect {
  displayName: string;
  email: string | null;
  phone: string | null;
}

export interface Duty {
  kind: DutyKind;
  /** ISO 8601 with the mailbox zone's offset. */
  dueAt: string;
  escalation: Escalation;
}

export interface Referral {
  id: string;
  direction: Direction;
  partner: Person;
  prospect: Prospect;
  note: string | null;
  copyPartner: boolean;
  sourceMessageId: string | null;
  referredAt: string;
  daysSinceReferred: number;
  contactedAt: string | null;
  partnerFollowedUp: boolean | null;
  outcome: Outcome | null;
  outcomeValue: number | null;
  outcomeNote: string | null;
  betterFit: string | null;
  outcomeAt: string | null;
  introDraftId: string | null;
  checkInDraftId: string | null;
  closeDraftId: string | null;
  duty: Duty | null;
  /** The latest of its drafts the worker stopped trying to make; absent from workers before issue 9. */
  gaveUp?: GaveUp | null;
}

export interface ReferralList {
  timeZone: string;
  items: Referral[];
}

/** POST /api/referrals. */
export interface LogReferralRequest {
  direction: Direction;
  partner: { email: string; displayName?: string };
  prospect: { displayName: string; email?: string; phone?: string };
  note?: string;
  copyPartner?: boolean;
  sourceMessageId?: string;
  referredAt?: string;
}

/** POST /api/referrals/{id}/outcome. */
export interface OutcomeRequest {
  outcome: Outcome;
  value?: number;
  note?: string;
  betterFit?: string;
  change?: boolean;
}

/** GET /api/referrals/detect?messageId=… */
export interface Detection {
  isIntroduction: boolean;
  direction: Direction | null;
  partner: Person | null;
  prospect: Person | null;
  rolesUncertain: boolean;
  alreadyLoggedReferralId: string | null;
}

export interface WalkThroughItem {
  referralId: string;
  direction: Direction;
  prospectName: string;
  outcome: Outcome | null;
  ask: string;
}

export interface Reciprocity {
  partner: Person;
  preferredChannel: string | null;
  givenCount: number;
  receivedCount: number;
  givenWon: number;
  receivedWon: number;
  partnerNotFollowingUp: boolean;
  lastOneToOne: string | null;
  given: Referral[];
  received: Referral[];
  walkThrough: WalkThroughItem[];
  askBack: string;
}
