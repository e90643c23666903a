import { useEffect, useRef, useState } from "react";
import { useApi } from "../api/ApiContext";
import type { DayOff } from "../time/snoozeChoices";

/** How often the days off are read again: they change when the user books leave, not every poll. */
const staleAfterMs = 10 * 60_000;

/**
 * The user's days off (all-day out-of-office events and public holidays on their calendar) from
 * GET /api/followups/days-off, for the snooze choices. A worker without it, or a failed call, leaves the
 * choices as they were: snoozing still works.
 */
export function useDaysOff(refreshedAt: Date | undefined): readonly DayOff[] {
  const { call } = useApi();
  const [days, setDays] = useState<readonly DayOff[]>([]);
  const readAt = useRef(0);
  useEffect(() => {
    if (!refreshedAt || Date.now() - readAt.current < staleAfterMs) return undefined;
    readAt.current = Date.now();
    const controller = new AbortController();
    call<{ timeZone: string; days: DayOff[] }>("GET", "/api/followups/days-off", undefined, controller.signal).then(
      (answer) => setDays(answer.days),
      () => {
        // Not fatal: try again at the next refresh.
        readAt.current = 0;
      },
    );
    return () => controller.abort();
  }, [call, refreshedAt]);
  return days;
}
