import type { ApiCall } from "../api/client";
import type { GaveUp } from "./model";

/** The heading on a row or card whose draft or hold stopped: "Couldn't prepare the thank-you draft". */
export function gaveUpTitle(gaveUp: GaveUp): string {
  return `Couldn't prepare the ${gaveUp.what}`;
}

/** The worker's reason, and what the person can do about it. */
export function gaveUpText(gaveUp: GaveUp): string {
  const reason = gaveUp.reason.trim() || `It failed ${gaveUp.attempts} ${gaveUp.attempts === 1 ? "time" : "times"}.`;
  return `${reason} Try again when you are ready.`;
}

/** The Try again button's accessible name: its visible text, then what and for whom. */
export function retryLabel(gaveUp: Pick<GaveUp, "what">, who: string): string {
  return `Try again: ${gaveUp.what} for ${who}`;
}

/** Said to screen readers once the worker has taken the item back. */
export function retryAnnouncement(gaveUp: Pick<GaveUp, "what">, who: string): string {
  return `The ${gaveUp.what} for ${who} will be tried again.`;
}

/** "Try again" for a stopped draft or hold. */
export function retryOutbox(call: ApiCall, outboxId: string): Promise<{ outboxId: string; status: string }> {
  return call("POST", `/api/outbox/${encodeURIComponent(outboxId)}/retry`);
}
