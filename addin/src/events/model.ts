/** Why the worker treats an event as networking: its Outlook category, a subject keyword, or the user's mark. */
export type NetworkingReason = "category" | "keyword" | "marked";

/** Why the Events tab hides an event by default (the worker decides): nobody was met there. */
export type EventHiddenReason = "ownHold" | "declined" | "cancelled" | "allDay" | "recurringPersonal" | "recurringColleagues";

export interface CalendarEvent {
  id: string;
  subject: string;
  /** ISO 8601 with offset. */
  start: string;
  end: string;
  isNetworking: boolean;
  reason: NetworkingReason | null;
  /** Null or absent: shown. Older workers send neither field. */
  hidden?: EventHiddenReason | null;
  /** For an all-day event, the days it covers ("2026-12-25", last inclusive). */
  allDay?: { first: string; last: string } | null;
}

export interface CalendarEventList {
  items: CalendarEvent[];
}
