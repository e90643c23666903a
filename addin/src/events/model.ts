/** Why the worker treats an event as networking: its Outlook category, a subject keyword, or the user's mark. */
export type NetworkingReason = "category" | "keyword" | "marked";

export interface CalendarEvent {
  id: string;
  subject: string;
  /** ISO 8601 with offset. */
  start: string;
  end: string;
  isNetworking: boolean;
  reason: NetworkingReason | null;
}

export interface CalendarEventList {
  items: CalendarEvent[];
}
