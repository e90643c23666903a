import type { GaveUp } from "../outbox/model";
import type { Channel, Person } from "../people/person";

/** Shapes of the worker's JSON API (camelCase), as the task pane reads them. */

export type Step = "thankYou" | "connect" | "oneToOne";
export type OpenState = "pending" | "prepared" | "snoozed";
export type FollowUpState = OpenState | "done" | "skipped";
/** How a done step was completed: the mailbox showed it (sent mail, a meeting held), or the user marked it. */
export type CompletedVia = "sent" | "met" | "marked";

export interface FollowUp {
  id: string;
  person: Person;
  step: Step;
  /** ISO 8601 with offset. */
  dueAt: string;
  state: FollowUpState;
  draftId: string | null;
  snoozedUntil: string | null;
  /** Where the user met them (a networking event's subject); absent from workers before issue 3. */
  eventSubject?: string | null;
  preferredChannel?: Channel | null;
  profileUrl?: string | null;
  /** oneToOne: the tentative hold the worker placed on the user's calendar. */
  holdEventId?: string | null;
  /** The person's company, from their Outlook contact. */
  company?: string | null;
  /** Why the worker could not prepare the step itself, e.g. no free slot for a hold. */
  note?: string | null;
  /** The step's draft or hold that the worker stopped trying to make; absent from workers before issue 9. */
  gaveUp?: GaveUp | null;
  /** Absent from workers before issue 12. */
  completedVia?: CompletedVia | null;
  /** ISO 8601 with offset: the message's sent time, the meeting's end, or when the user marked it. */
  completedAt?: string | null;
  /** oneToOne: when the hold starts, ISO 8601 with the mailbox zone's offset; null until it is placed (holds are paced). */
  holdStartsAt?: string | null;
}

export interface FollowUpList {
  /** IANA zone of the mailbox; due times are shown in it. */
  timeZone: string;
  items: FollowUp[];
}

/** How many open follow-ups fall in each bucket on the mailbox's calendar. */
export interface DueCounts {
  overdue: number;
  today: number;
  thisWeek: number;
  later: number;
}

/**
 * GET /api/followups?window=due: Today's list (overdue, today, this week) with the counts of every bucket
 * and a link to the first page of the rest; window=later pages follow `next` until it is null.
 * A worker from before the window answers the whole list, without counts or next.
 */
export interface FollowUpWindow extends FollowUpList {
  counts?: DueCounts;
  next?: string | null;
  /** window=due: the steps completed in the last 7 days, newest first, each with how and when; absent from older workers. */
  done?: FollowUp[];
}
