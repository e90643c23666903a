import type { ApiCall } from "../api/client";
import type { BulkFollowUpRequest, BulkPromptList, BulkStarted } from "./model";

export interface BulkPromptsApi {
  list(signal?: AbortSignal): Promise<BulkPromptList>;
  followUp(id: string, request: BulkFollowUpRequest): Promise<BulkStarted>;
  dismiss(id: string): Promise<void>;
}

export function createBulkPromptsApi(call: ApiCall): BulkPromptsApi {
  const prompt = (id: string, action: string): string => `/api/bulk-prompts/${encodeURIComponent(id)}/${action}`;
  return {
    list: (signal) => call<BulkPromptList>("GET", "/api/bulk-prompts", undefined, signal),
    followUp: (id, request) => call<BulkStarted>("POST", prompt(id, "follow-up"), request),
    dismiss: (id) => call<void>("POST", prompt(id, "dismiss")),
  };
}
