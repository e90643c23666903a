import { useId, useState } from "react";
import { Caption1, Checkbox, Switch, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useApi, useClient } from "../api/ApiContext";
import { attempt, describeFailure } from "../api/client";
import { LoadState } from "../ui/LoadState";
import type { Notice } from "../ui/notice";
import { NoticeBar } from "../ui/NoticeBar";
import { useSharedStyles } from "../ui/styles";
import { useLoad } from "../ui/useLoad";
import { createEventsApi } from "./api";
import { formatEventWhen, hiddenReason, networkingReason, splitEvents, visibleEvents } from "./eventList";
import type { CalendarEvent } from "./model";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  intro: { color: tokens.colorNeutralForeground2 },
  groupTitle: { marginTop: tokens.spacingVerticalS },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  row: { listStyleType: "none", gap: tokens.spacingVerticalXXS },
  subject: { overflowWrap: "anywhere" },
  switch: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

function EventRow({ event, timeZone, now, busy, onToggle }: { event: CalendarEvent; timeZone: string; now: Date; busy: boolean; onToggle(event: CalendarEvent, on: boolean): void }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const titleId = useId();
  const why = networkingReason(event);
  const hidden = hiddenReason(event);
  return (
    <li className={mergeClasses(shared.card, styles.row)} aria-labelledby={titleId} data-testid="event-row">
      <Text id={titleId} weight="semibold" className={styles.subject}>
        {event.subject || "(no subject)"}
      </Text>
      <Caption1 className={shared.meta}>
        <time dateTime={event.allDay ? event.allDay.first : event.start}>{formatEventWhen(event, timeZone, now)}</time>
      </Caption1>
      {hidden ? <Caption1 className={shared.meta}>Hidden by default: {hidden}</Caption1> : null}
      <Switch
        className={styles.switch}
        checked={event.isNetworking}
        disabled={busy}
        label="Networking event"
        aria-describedby={titleId}
        onChange={(_, data) => onToggle(event, data.checked)}
      />
      {why ? <Caption1 className={shared.meta}>{why}</Caption1> : null}
    </li>
  );
}

export interface EventsViewProps {
  timeZone: string;
  /** After a mark or unmark, so prompts for past events can appear or go. */
  onChanged(): void;
}

/** Recent and upcoming events; marking one as networking makes the pane ask about it once it ends. */
export function EventsView({ timeZone, onChanged }: EventsViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { onUnauthorized } = useApi();
  const api = useClient(createEventsApi);
  const loaded = useLoad((signal) => api.list(signal), "events");
  const [notice, setNotice] = useState<Notice>();
  const [busyId, setBusyId] = useState<string>();
  const [announcement, setAnnouncement] = useState("");
  const [showAll, setShowAll] = useState(false);
  const show = (event: CalendarEvent): void => loaded.update((list) => ({ ...list, items: list.items.map((e) => (e.id === event.id ? event : e)) }));

  const onToggle = (event: CalendarEvent, on: boolean): void => {
    setBusyId(event.id);
    setNotice(undefined);
    // Shown at once; put back if the worker says no.
    show({ ...event, isNetworking: on });
    void attempt(
      async () => {
        show(await api.setNetworking(event.id, on));
        setAnnouncement(`${event.subject}: ${on ? "marked as a networking event" : "no longer a networking event"}.`);
        onChanged();
      },
      (failure) => {
        show(event);
        setNotice({ intent: "error", title: "Events not updated", messages: [describeFailure(failure)] });
      },
      onUnauthorized,
    ).then(() => setBusyId(undefined));
  };

  const now = new Date();
  const events = loaded.data?.items;
  const { shown, hiddenCount } = visibleEvents(events ?? [], showAll);
  const { upcoming, recent } = splitEvents(shown, now);
  const section = (key: string, title: string, items: CalendarEvent[]) =>
    items.length === 0 ? null : (
      <section aria-labelledby={`events-${key}`} className={styles.view}>
        <h2 id={`events-${key}`} className={mergeClasses(shared.groupTitle, styles.groupTitle)}>
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
      <div role="status" aria-live="polite" className={shared.visuallyHidden}>
        {announcement}
      </div>
      {notice ? (
        <NoticeBar
          notice={notice}
          onRetry={() => {
            setNotice(undefined);
            loaded.retry();
          }}
        />
      ) : null}
      <LoadState {...loaded} what="events" label="Loading events…" />
      {events !== undefined && events.length === 0 ? <Text>No events in the last or next 14 days.</Text> : null}
      {hiddenCount > 0 ? (
        <Checkbox
          checked={showAll}
          onChange={(_, data) => setShowAll(data.checked === true)}
          label={`Show all events (${hiddenCount} hidden: holds this add-in placed, all-day entries, your own recurring blocks, recurring meetings with only colleagues, declined meetings)`}
          data-testid="events-show-all"
        />
      ) : null}
      {events !== undefined && events.length > 0 && shown.length === 0 ? (
        <Text>No events you might have met people at in the last or next 14 days.</Text>
      ) : null}
      {section("upcoming", "Upcoming", upcoming)}
      {section("recent", "Last 14 days", recent)}
    </div>
  );
}
