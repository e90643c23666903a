export interface WeekPoint {
  /** ISO date (Monday) in the mailbox's zone, e.g. "2026-11-16". */
  weekStart: string;
  newAcquaintances: number;
  thankedWithin24Hours: number;
}

/** GET /api/scorecard: shares are 0…1, null when no window has closed yet. */
export interface Scorecard {
  acquaintances: number;
  thankedWithin24Hours: number | null;
  connectedWithin7Days: number | null;
  metWithin30Days: number | null;
  medianHoursToThankYou: number | null;
  weeks: WeekPoint[];
  /** Absent from older workers. */
  referrals?: ReferralScore;
  /** Counts behind the rates ("1 of 3"); absent from workers before issue 12. */
  thanked?: RateCounts | null;
  connected?: RateCounts | null;
  met?: RateCounts | null;
}

/** onTime of `of` people counted; markedOnTime: done on time by the user's word, without mailbox evidence. */
export interface RateCounts {
  onTime: number;
  of: number;
  markedOnTime: number;
}

/** Received referrals contacted in time, and loops closed with whoever referred. */
export interface ReferralScore {
  received: number;
  contactedWithin24Hours: number | null;
  loopsClosed: number;
  outcomesRecorded: number;
}
