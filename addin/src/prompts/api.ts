import type { ApiCall } from "../api/client";
import type { FollowUpRequest, FollowUpStarted, PromptList } from "./model";

export interface PromptsApi {
  list(signal?: AbortSignal): Promise<PromptList>;
  followUp(eventId: string, request: FollowUpRequest): Promise<FollowUpStarted>;
  dismiss(eventId: string): Promise<void>;
}

export function createPromptsApi(call: ApiCall): PromptsApi {
  const prompt = (eventId: string, action: string): string => `/api/prompts/${encodeURIComponent(eventId)}/${action}`;
  return {
    list: (signal) => call<PromptList>("GET", "/api/prompts", undefined, signal),
    followUp: (eventId, request) => call<FollowUpStarted>("POST", prompt(eventId, "follow-up"), request),
    dismiss: (eventId) => call<void>("POST", prompt(eventId, "dismiss")),
  };
}
