import { formatCalendarDate, formatEventRange } from "../time/formatDue";
import type { CalendarEvent, EventHiddenReason, NetworkingReason } from "./model";

const reasons: Record<NetworkingReason, string> = {
  category: "It has your Networking category.",
  keyword: "Its subject sounds like networking.",
  marked: "You marked it.",
};

export function networkingReason(event: CalendarEvent): string | undefined {
  if (!event.isNetworking) return event.reason === "marked" ? "You unmarked it." : undefined;
  return event.reason ? reasons[event.reason] : undefined;
}

/** Split at `now`: what is coming (soonest first) and what is past (latest first). */
export function splitEvents(events: readonly CalendarEvent[], now: Date): { upcoming: CalendarEvent[]; recent: CalendarEvent[] } {
  const at = (iso: string): number => new Date(iso).getTime();
  const upcoming = events.filter((e) => at(e.end) > now.getTime()).sort((a, b) => at(a.start) - at(b.start));
  const recent = events.filter((e) => at(e.end) <= now.getTime()).sort((a, b) => at(b.start) - at(a.start));
  return { upcoming, recent };
}

const hiddenReasons: Record<EventHiddenReason, string> = {
  ownHold: "A hold this add-in placed.",
  declined: "You declined it.",
  cancelled: "It was cancelled.",
  allDay: "An all-day entry.",
  recurringPersonal: "A recurring entry with nobody else on it.",
  recurringColleagues: "A recurring meeting with only your colleagues.",
};

/** Why an event is hidden by default, in words; undefined when it is shown. */
export function hiddenReason(event: CalendarEvent): string | undefined {
  return event.hidden ? hiddenReasons[event.hidden] : undefined;
}

/** What the tab lists: by default only events the user might have met people at; with `showAll`, every one. */
export function visibleEvents(events: readonly CalendarEvent[], showAll: boolean): { shown: CalendarEvent[]; hiddenCount: number } {
  const shown = showAll ? [...events] : events.filter((e) => !e.hidden);
  return { shown, hiddenCount: events.length - events.filter((e) => !e.hidden).length };
}

/** When an event is: "All day" with its date(s) for an all-day event (never a midnight-to-midnight time range), else its time range in the mailbox's zone. */
export function formatEventWhen(event: CalendarEvent, timeZone: string, now: Date, locale?: string): string {
  if (event.allDay) {
    const date = (iso: string): string => {
      const [y = 1970, m = 1, d = 1] = iso.split("-").map(Number);
      return formatCalendarDate(y, m, d, locale);
    };
    const { first, last } = event.allDay;
    return first === last ? `All day, ${date(first)}` : `All day, ${date(first)} – ${date(last)}`;
  }
  return formatEventRange(new Date(event.start), new Date(event.end), timeZone, now, locale);
}
