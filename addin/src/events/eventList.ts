import type { CalendarEvent, NetworkingReason } from "./model";

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
