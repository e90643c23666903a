import type { GaveUp, GaveUpItem } from "./model";

/** For tests: a thank-you draft the worker stopped trying to make. */
export const stopped: GaveUp = {
  outboxId: "o1",
  what: "thank-you draft",
  reason: "Outlook was unavailable (HTTP 503); the worker tried 20 times over 2 hours and stopped.",
  attempts: 20,
  at: "2026-11-25T10:00:00+13:00",
  kind: "thankYouDraft",
};

/** For tests: the same as GET /api/status lists it, for Mere Tane. */
export const stoppedItem = (patch: Partial<GaveUpItem> = {}): GaveUpItem => ({ ...stopped, who: "Mere Tane", stepId: "s1", referralId: null, ...patch });
