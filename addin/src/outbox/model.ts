/** Shapes of the worker's outbox state (camelCase), as the pane reads them. */

/**
 * A draft or hold the worker stopped trying to make (`gaveUp` on a follow-up or a referral). It waits for
 * "Try again" (POST /api/outbox/{outboxId}/retry); the worker then looks for what an earlier try made first.
 */
export interface GaveUp {
  outboxId: string;
  /** "thank-you draft", "one-to-one hold", "draft to the prospect", "check-in draft", "close-the-loop draft". */
  what: string;
  /** Why, in plain words, from the worker. */
  reason: string;
  attempts: number;
  /** ISO 8601 with the mailbox zone's offset. */
  at: string;
  kind: "thankYouDraft" | "bookMeetingHold" | "referralIntroDraft" | "referralCheckInDraft" | "closeTheLoopDraft" | string;
}

/** A stopped item in GET /api/status, with whom it was for. */
export interface GaveUpItem extends GaveUp {
  who: string;
  stepId: string | null;
  referralId: string | null;
}

/** GET /api/status → outbox. */
export interface OutboxStatus {
  /** Drafts and holds still to be made. */
  pending: number;
  /** Of those, how many failed at least once and wait to be tried again. */
  retrying: number;
  gaveUp: GaveUpItem[];
  /** One-to-one holds not counted in `pending`: they wait, by design, for the person's thank-you to be sent. */
  holdsWaitingForThankYou?: number;
}
