import type { FollowUpState } from "../followups/model";
import type { GaveUp } from "../outbox/model";
import type { Channel, Person } from "../people/person";

/**
 * Where a Today item comes from. Follow-up tracks exist; referral duties, promises and
 * keep-in-touch reminders get a source each when the worker serves them (see sources.ts).
 */
export type SourceName = "followUps" | "referrals" | "promises" | "keepInTouch";

/** One row of the Today view, whatever its source. */
export interface TodayItem {
  /** Unique across sources: `${source}:${id}`. */
  key: string;
  source: SourceName;
  /** The source's own id, used for its actions. */
  id: string;
  person: Person;
  /** The source's kind of duty, e.g. a follow-up step ("thankYou"); drives the row's detail. */
  kind: string;
  /** Why it is due, in a few words ("Thank-you note", "Call the prospect Ana referred"). */
  why: string;
  /** ISO 8601 with offset. */
  dueAt: string;
  state: FollowUpState;
  snoozedUntil: string | null;
  preferredChannel: Channel | null;
  draftId: string | null;
  holdEventId: string | null;
  /** The hold's start (ISO 8601), shown at its own time in the mailbox's zone. */
  holdStartsAt?: string | null;
  /** The person's company, for the card's context. */
  company?: string | null;
  profileUrl: string | null;
  /** "Met at …", "Referred by …". */
  context: string | null;
  note: string | null;
  /** The item's draft or hold that the worker stopped trying to make, with why; offers "Try again". */
  gaveUp?: GaveUp | null;
  /** A done follow-up step: how and when it was completed. */
  completedVia?: string | null;
  completedAt?: string | null;
}

/** What a source can do with its items; an action a source lacks is not offered on its rows. */
export interface TodayActions {
  done?(id: string): Promise<TodayItem>;
  snooze?(id: string, until: string): Promise<TodayItem>;
  /** With deleteDraft, the step's unsent draft is deleted from Drafts too. */
  skip?(id: string, reason: string, deleteDraft?: boolean): Promise<TodayItem>;
  /** Undoes the user's own "Done". */
  reopen?(id: string): Promise<TodayItem>;
}

export interface TodaySource extends TodayActions {
  name: SourceName;
  /** For messages: "Couldn't load referral duties". */
  label: string;
  /**
   * The source's open items. A source that pages (follow-ups) loads its due window only, unless
   * `withLater`, and says how many later items it left out in `hiddenLater`. A source that knows what was completed
   * lately (follow-ups: sent, met or marked by the user in the last 7 days) gives it in `done`, newest first.
   */
  load(signal?: AbortSignal, withLater?: boolean): Promise<{ timeZone?: string; items: TodayItem[]; hiddenLater?: number; done?: TodayItem[] }>;
  /** When an action applies to some of the source's items only; absent means all of them. */
  supports?(item: TodayItem, action: "done" | "snooze" | "skip"): boolean;
}
