import type { ApiCall } from "../api/client";
import type { FollowUp, FollowUpList } from "./model";

export interface FollowUpsApi {
  list(signal?: AbortSignal): Promise<FollowUpList>;
  done(id: string): Promise<FollowUp>;
  snooze(id: string, until: string): Promise<FollowUp>;
  skip(id: string, reason: string): Promise<FollowUp>;
}

export function createFollowUpsApi(call: ApiCall): FollowUpsApi {
  const item = (id: string, action: string): string => `/api/followups/${encodeURIComponent(id)}/${action}`;

  return {
    list: (signal) => call<FollowUpList>("GET", "/api/followups", undefined, signal),
    done: (id) => call<FollowUp>("POST", item(id, "done")),
    snooze: (id, until) => call<FollowUp>("POST", item(id, "snooze"), { until }),
    skip: (id, reason) => call<FollowUp>("POST", item(id, "skip"), { reason }),
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
