import type { ApiFailure } from "../api/client";

export interface Notice {
  intent: "error" | "warning" | "success" | "info";
  title: string;
  messages: string[];
}

/** What a failed call means to the person reading the pane; `what` names what could not load. */
export function noticeFor(failure: ApiFailure, what?: string): Notice {
  switch (failure.kind) {
    case "unreachable":
      return {
        intent: "error",
        title: what ? `Can't load ${what}: the worker is not reachable` : "Can't reach your OfficeFollowUp worker",
        messages: ["Check that it is running on this computer. The pane retries every 30 seconds."],
      };
    case "unauthorized":
      return { intent: "error", title: "The worker did not accept the pairing code", messages: [] };
    case "problem":
      return { intent: "error", title: what ? `Can't load ${what}: ${failure.title}` : failure.title, messages: failure.messages };
  }
}

/** The same words as one line, for a form that shows its failure in its own place. */
export function noticeText(failure: ApiFailure): string {
  const notice = noticeFor(failure);
  return [notice.title, ...notice.messages].join(" ");
}
