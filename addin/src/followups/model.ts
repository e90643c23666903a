/** Shapes of the worker's JSON API (camelCase), as the task pane reads them. */

export type Step = "thankYou" | "connect" | "oneToOne";
export type OpenState = "pending" | "prepared" | "snoozed";
export type FollowUpState = OpenState | "done" | "skipped";

export interface Person {
  displayName: string;
  email: string;
}

export interface FollowUp {
  id: string;
  person: Person;
  step: Step;
  /** ISO 8601 with offset. */
  dueAt: string;
  state: FollowUpState;
  draftId: string | null;
  snoozedUntil: string | null;
}

export interface FollowUpList {
  /** IANA zone of the mailbox; due times are shown in it. */
  timeZone: string;
  items: FollowUp[];
}
