import type { ApiCall } from "../api/client";
import type { GaveUp, OutboxStatus } from "./model";

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The heading on a row or card whose draft or hold stopped: "Couldn't prepare the thank-you draft". */
export function gaveUpTitle(gaveUp: GaveUp): string {
  return `Couldn't prepare the ${gaveUp.what}`;
}

/** The worker's reason, and what the person can do about it. */
export function gaveUpText(gaveUp: GaveUp): string {
  const reason = gaveUp.reason.trim() || `It failed ${plural(gaveUp.attempts, "time", "times")}.`;
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

export interface OutboxHealthItem {
  outboxId: string;
  /** "Thank-you draft for Mere Tane". */
  title: string;
  reason: string;
  who: string;
  what: string;
}

export interface OutboxHealth {
  /** Null when nothing stopped. */
  headline: string | null;
  /** "3 drafts or holds waiting to be made, 1 of them retrying after a failure"; null when none wait. */
  waiting: string | null;
  items: OutboxHealthItem[];
}

/** The Health view's outbox part; a worker too old to report its outbox has nothing to say. */
export function summariseOutbox(status: OutboxStatus | null | undefined): OutboxHealth {
  if (!status) return { headline: null, waiting: null, items: [] };
  const stopped = status.gaveUp.length;
  const headline = stopped === 0 ? null : `${plural(stopped, "draft or hold", "drafts or holds")} could not be prepared`;
  const waiting =
    status.pending === 0
      ? null
      : `${plural(status.pending, "draft or hold", "drafts or holds")} waiting to be made${status.retrying > 0 ? `, ${status.retrying} of them retrying after a failure` : ""}`;
  const items = status.gaveUp.map((g) => {
    const who = g.who.trim() || "someone";
    return { outboxId: g.outboxId, title: `${capitalise(g.what)} for ${who}`, reason: gaveUpText(g), who, what: g.what };
  });
  return { headline, waiting, items };
}

/** "Try again" for a stopped draft or hold. */
export function retryOutbox(call: ApiCall, outboxId: string): Promise<{ outboxId: string; status: string }> {
  return call("POST", `/api/outbox/${encodeURIComponent(outboxId)}/retry`);
}
