import type { ApiCall } from "../api/client";
import type { CalendarEvent, CalendarEventList } from "./model";

export interface EventsApi {
  list(signal?: AbortSignal): Promise<CalendarEventList>;
  setNetworking(id: string, isNetworking: boolean): Promise<CalendarEvent>;
}

export function createEventsApi(call: ApiCall): EventsApi {
  return {
    list: (signal) => call<CalendarEventList>("GET", "/api/events", undefined, signal),
    setNetworking: (id, isNetworking) => call<CalendarEvent>("POST", `/api/events/${encodeURIComponent(id)}/networking`, { isNetworking }),
  };
}
