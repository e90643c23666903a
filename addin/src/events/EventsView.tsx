import { useEffect, useId, useState } from "react";
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ApiError } from "../api/client";
import { formatEventRange } from "../time/formatDue";
import type { EventsApi } from "./api";
import { networkingReason, splitEvents } from "./eventList";
import type { CalendarEvent } from "./model";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  intro: { color: tokens.colorNeutralForeground2 },
  groupTitle: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  row: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  subject: { overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3 },
  switch: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

function EventRow({ event, timeZone, now, busy, onToggle }: { event: CalendarEvent; timeZone: string; now: Date; busy: boolean; onToggle(event: CalendarEvent, on: boolean): void }) {
  const styles = useStyles();
  const titleId = useId();
  const why = networkingReason(event);
  return (
    <li className={styles.row} aria-labelledby={titleId} data-testid="event-row">
      <Text id={titleId} weight="semibold" className={styles.subject}>
        {event.subject || "(no subject)"}
      </Text>
      <Caption1 className={styles.meta}>
        <time dateTime={event.start}>{formatEventRange(new Date(event.start), new Date(event.end), timeZone, now)}</time>
      </Caption1>
      <Switch
        className={styles.switch}
        checked={event.isNetworking}
        disabled={busy}
        label="Networking event"
        aria-describedby={titleId}
        onChange={(_, data) => onToggle(event, data.checked)}
      />
      {why ? <Caption1 className={styles.meta}>{why}</Caption1> : null}
    </li>
  );
}

export interface EventsViewProps {
  api: EventsApi;
  timeZone: string;
  onUnauthorized(): void;
  /** After a mark or unmark, so prompts for past events can appear or go. */
  onChanged(): void;
}

/** Recent and upcoming events; marking one as networking makes the pane ask about it once it ends. */
export function EventsView({ api, timeZone, onUnauthorized, onChanged }: EventsViewProps) {
  const styles = useStyles();
  const [events, setEvents] = useState<CalendarEvent[]>();
  const [failure, setFailure] = useState<string>();
  const [busyId, setBusyId] = useState<string>();
  const [announcement, setAnnouncement] = useState("");
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setFailure(undefined);
    api
      .list(controller.signal)
      .then((list) => !controller.signal.aborted && setEvents(list.items))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.failure.kind === "unauthorized") return onUnauthorized();
        setFailure(error instanceof ApiError ? error.message : "Can't reach your OfficeFollowUp worker.");
      });
    return () => controller.abort();
  }, [api, reload, onUnauthorized]);

  const onToggle = (event: CalendarEvent, on: boolean): void => {
    setBusyId(event.id);
    setFailure(undefined);
    // Shown at once; put back if the worker says no.
    setEvents((current) => current?.map((e) => (e.id === event.id ? { ...e, isNetworking: on } : e)));
    api
      .setNetworking(event.id, on)
      .then((updated) => {
        setEvents((current) => current?.map((e) => (e.id === updated.id ? updated : e)));
        setAnnouncement(`${event.subject}: ${on ? "marked as a networking event" : "no longer a networking event"}.`);
        onChanged();
      })
      .catch((error: unknown) => {
        setEvents((current) => current?.map((e) => (e.id === event.id ? event : e)));
        if (error instanceof ApiError && error.failure.kind === "unauthorized") return onUnauthorized();
        setFailure(error instanceof ApiError ? error.message : "Can't reach your OfficeFollowUp worker.");
      })
      .finally(() => setBusyId(undefined));
  };

  const now = new Date();
  const { upcoming, recent } = splitEvents(events ?? [], now);
  const section = (key: string, title: string, items: CalendarEvent[]) =>
    items.length === 0 ? null : (
      <section aria-labelledby={`events-${key}`} className={styles.view}>
        <h2 id={`events-${key}`} className={styles.groupTitle}>
          {title} ({items.length})
        </h2>
        <ul className={styles.list}>
          {items.map((e) => (
            <EventRow key={e.id} event={e} timeZone={timeZone} now={now} busy={busyId === e.id} onToggle={onToggle} />
          ))}
        </ul>
      </section>
    );

  return (
    <div className={styles.view}>
      <Text size={200} className={styles.intro}>
        After a networking event ends, the pane asks whom you will follow up with. Mark any event the worker missed.
      </Text>
      <div role="status" aria-live="polite" style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clipPath: "inset(50%)" }}>
        {announcement}
      </div>
      {failure ? (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Events not updated</MessageBarTitle>
            {failure}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => setReload((n) => n + 1)}>
              Retry
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {events === undefined && !failure ? <Spinner label="Loading events…" /> : null}
      {events !== undefined && events.length === 0 ? <Text>No events in the last or next 14 days.</Text> : null}
      {section("upcoming", "Upcoming", upcoming)}
      {section("recent", "Last 14 days", recent)}
    </div>
  );
}
