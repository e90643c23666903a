import type { ApiCall } from "../api/client";
import type { FollowUp, FollowUpList, FollowUpWindow } from "./model";

export const dueWindowPath = "/api/followups?window=due";

export interface FollowUpsApi {
  list(signal?: AbortSignal): Promise<FollowUpList>;
  /** Today's list: the due window, with counts and the link to the rest. */
  dueWindow(signal?: AbortSignal): Promise<FollowUpWindow>;
  /** A page of the rest, by the `next` link the worker gave (always under /api/followups). */
  page(next: string, signal?: AbortSignal): Promise<FollowUpWindow>;
  done(id: string): Promise<FollowUp>;
  snooze(id: string, until: string): Promise<FollowUp>;
  skip(id: string, reason: string, deleteDraft?: boolean): Promise<FollowUp>;
  /** Undo of a step the user marked done. */
  reopen(id: string): Promise<FollowUp>;
}

export function createFollowUpsApi(call: ApiCall): FollowUpsApi {
  const item = (id: string, action: string): string => `/api/followups/${encodeURIComponent(id)}/${action}`;

  return {
    list: (signal) => call<FollowUpList>("GET", "/api/followups", undefined, signal),
    dueWindow: (signal) => call<FollowUpWindow>("GET", dueWindowPath, undefined, signal),
    page: (next, signal) => {
      if (!next.startsWith("/api/followups?")) throw new Error(`Unexpected next link: ${next}`);
      return call<FollowUpWindow>("GET", next, undefined, signal);
    },
    done: (id) => call<FollowUp>("POST", item(id, "done")),
    snooze: (id, until) => call<FollowUp>("POST", item(id, "snooze"), { until }),
    skip: (id, reason, deleteDraft = false) => call<FollowUp>("POST", item(id, "skip"), deleteDraft ? { reason, deleteDraft } : { reason }),
    reopen: (id) => call<FollowUp>("POST", item(id, "reopen")),
  };
}

export const skipReasonMaxLength = 500;

/** Mirrors the worker's rule (1–500 characters) so the dialog can say so before a round trip. */
export function validateSkipReason(reason: string): string | undefined {
  const trimmed = reason.trim();
  if (trimmed === "") return "Say in a few words why you are skipping this.";
  if (trimmed.length > skipReasonMaxLength) return `Keep it under ${skipReasonMaxLength} characters.`;
  return undefined;
}

/** A safety stop for following `next` links: 50 pages of 100 is more than anyone keeps open. */
export const maxLaterPages = 50;

/**
 * Today's follow-ups: the due window, plus the later ones when the user asked to see them (following
 * the worker's `next` links). `hiddenLater` is how many later ones exist but were not loaded.
 */
export async function loadFollowUps(
  api: FollowUpsApi,
  withLater: boolean,
  signal?: AbortSignal,
): Promise<{ timeZone: string; items: FollowUp[]; hiddenLater: number; done: FollowUp[] }> {
  const window = await api.dueWindow(signal);
  const items = [...window.items];
  const done = window.done ?? [];
  if (!window.counts) return { timeZone: window.timeZone, items, hiddenLater: 0, done };
  if (!withLater) return { timeZone: window.timeZone, items, hiddenLater: window.counts.later, done };
  let next = window.next ?? null;
  for (let pages = 0; next && pages < maxLaterPages; pages++) {
    const page = await api.page(next, signal);
    items.push(...page.items);
    next = page.next ?? null;
  }
  return { timeZone: window.timeZone, items, hiddenLater: 0, done };
}
