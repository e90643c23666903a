import type { Person } from "../people/person";

/** GET /api/promises: "I'll get back to you with …", with a due date. */
export interface PromiseItem {
  id: string;
  person: Person;
  text: string;
  /** ISO 8601 with the mailbox zone's offset. */
  dueAt: string;
  state: "open" | "snoozed";
  snoozedUntil: string | null;
  overdue: boolean;
  eventId: string | null;
  eventSubject: string | null;
  preferredChannel: string | null;
}

export interface PromiseList {
  timeZone: string;
  items: PromiseItem[];
}

/** POST /api/promises. */
export interface PromiseRequest {
  person: { email: string; displayName?: string };
  text: string;
  dueAt: string;
  eventId?: string;
}
