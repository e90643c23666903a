import type { Channel, Person } from "../people/person";

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
  /** How the user said they would keep it; "email" lets the mail they send the person keep it by itself. */
  channel?: string | null;
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
  channel?: Channel;
}
