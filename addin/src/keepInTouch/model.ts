import type { Person } from "../people/person";

export type Tier = "referralPartner" | "innerCircle" | "other";

/** GET /api/keep-in-touch. */
export interface OverdueTouch {
  person: Person;
  tier: Tier;
  cadenceDays: number;
  /** ISO 8601, or null when there has been no meeting or follow-up yet. */
  lastTouch: string | null;
  dueAt: string;
  daysOverdue: number;
  preferredChannel: string | null;
}

/** The birthday's draft this year: being made, waiting in Drafts, done (mail to them was sent around the day), or skipped this year by the user. */
export interface BirthdayDraft {
  /** For GET /api/birthdays/{id}/draft. */
  id: string;
  state: "preparing" | "ready" | "sent" | "skipped";
  draftId: string | null;
  /** ISO 8601, when sent. */
  sentAt: string | null;
}

export interface Birthday {
  displayName: string;
  email: string | null;
  /** yyyy-MM-dd: the coming birthday's date. */
  date: string;
  daysAway: number;
  preferredChannel: string | null;
  /** For POST /api/birthdays/{id}/skip and /reopen; null without an email address, absent from older workers. */
  id?: string | null;
  /** Null (or absent from older workers) when no draft is planned: not yet, or a reminder only (no email, another channel, birthday drafts off). */
  draft?: BirthdayDraft | null;
}

export interface KeepInTouchList {
  timeZone: string;
  overdue: OverdueTouch[];
  birthdays: Birthday[];
  /** How many people the overdue list covers, and how many known contacts it does not (no cadence, tier or track). Absent from older workers. */
  tracked?: number;
  untracked?: number;
}

/** PUT /api/people/{email}/cadence: the tier is required; a null cadence means the tier's default. */
export interface CadenceRequest {
  tier: Tier;
  cadenceDays: number | null;
  displayName?: string;
}
