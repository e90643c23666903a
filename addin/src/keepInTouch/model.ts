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

export interface Birthday {
  displayName: string;
  email: string | null;
  /** yyyy-MM-dd: the coming birthday's date. */
  date: string;
  daysAway: number;
  preferredChannel: string | null;
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
