import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { Button, Caption1, Link, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwise20Regular, ArrowLeft20Regular, Settings20Regular } from "@fluentui/react-icons";
import { useApi, useClient } from "./api/ApiContext";
import type { SignInMode } from "./auth/authConfig";
import { BulkPrompts } from "./bulk/BulkPrompts";
import type { OfficeHost } from "./office/officeHost";
import type { SelectedPerson } from "./office/selectedPerson";
import type { PersonTarget } from "./people/PersonView";
import { createPromptsApi } from "./prompts/api";
import { usePrompts } from "./prompts/usePrompts";
import { formatClockTime, zoneNote } from "./time/formatDue";
import { browserTimeZone } from "./time/zonedTime";
import { dueCount } from "./today/groupToday";
import { todaySources } from "./today/sources";
import { TodayView } from "./today/TodayView";
import { useToday } from "./today/useToday";
import type { Notice } from "./ui/notice";
import { NoticeBar } from "./ui/NoticeBar";
import { noticeFor } from "./ui/notice";
import { useSharedStyles } from "./ui/styles";
import { WorkerReachable } from "./ui/WorkerReachable";
import { ViewTabs } from "./ui/ViewTabs";
import { BusySpinner } from "./ui/BusySpinner";

// Today is the first render; the other views load when first opened, keeping the first chunk small.
const PersonView = lazy(() => import("./people/PersonView").then((m) => ({ default: m.PersonView })));
const EventsView = lazy(() => import("./events/EventsView").then((m) => ({ default: m.EventsView })));
const ScorecardView = lazy(() => import("./insights/ScorecardView").then((m) => ({ default: m.ScorecardView })));
const HealthView = lazy(() => import("./health/HealthView").then((m) => ({ default: m.HealthView })));
const NetworkView = lazy(() => import("./referrals/NetworkView").then((m) => ({ default: m.NetworkView })));
const IntroBanner = lazy(() => import("./referrals/IntroBanner").then((m) => ({ default: m.IntroBanner })));
const SettingsView = lazy(() => import("./settings/SettingsView").then((m) => ({ default: m.SettingsView })));

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0, maxWidth: "720px", margin: "0 auto" },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { margin: 0, flexGrow: 1, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  footer: { display: "flex", justifyContent: "space-between", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export type View = "today" | "person" | "network" | "events" | "scorecard" | "health";

const titles: Record<View, string> = { today: "Today", person: "Person", network: "Network", events: "Events", scorecard: "Scorecard", health: "Sync health" };

export interface PaneProps {
  office: OfficeHost;
  /** How the pane is signed in: the footer link offers the way out that fits. */
  signInMode: SignInMode;
  onForgetKey(): void;
}

export function Pane({ office, signInMode, onForgetKey }: PaneProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { call } = useApi();
  const sources = useMemo(() => todaySources(call), [call]);
  const promptsApi = useClient(createPromptsApi);
  const today = useToday(sources);
  const prompts = usePrompts(promptsApi, today.lastUpdated);
  const [view, setView] = useState<View>("today");
  const [notice, setNotice] = useState<Notice>();
  const [announcement, setAnnouncement] = useState("");
  const [selected, setSelected] = useState<SelectedPerson>({ kind: "none" });
  const [lookup, setLookup] = useState<PersonTarget>();
  const [refreshKey, setRefreshKey] = useState(0);
  // Settings is not a sixth tab (no room at 320 px): the header's gear swaps it in for the tabs.
  const [settingsOpen, setSettingsOpen] = useState(false);

  // The person card follows the selected message even while another tab is showing.
  useEffect(() => office.watchSelectedPerson(setSelected), [office]);
  // A newly selected message means the card should be about it, not about someone looked up earlier.
  useEffect(() => setLookup(undefined), [selected]);

  const refresh = useCallback(() => {
    today.refresh();
    setRefreshKey((n) => n + 1);
  }, [today.refresh]);

  const timeZone = today.timeZone ?? browserTimeZone();
  // One banner when the worker is down, however many sources and views failed for that reason.
  const unreachable = today.failures.some((f) => f.failure.kind === "unreachable");
  const due = dueCount(today.items, new Date(), timeZone);
  const note = today.timeZone ? zoneNote(today.timeZone, browserTimeZone()) : undefined;
  const panel = (v: View) => ({ role: "tabpanel", id: `panel-${v}`, "aria-labelledby": `tab-${v}`, className: view === v && !settingsOpen ? shared.view : undefined, hidden: view !== v || settingsOpen }) as const;

  return (
    <WorkerReachable.Provider value={!unreachable}>
    <main className={styles.pane} aria-busy={today.loading}>
      <header className={styles.header}>
        {settingsOpen ? (
          <Button appearance="subtle" aria-label={`Back to ${titles[view]}`} title={`Back to ${titles[view]}`} icon={<ArrowLeft20Regular />} onClick={() => setSettingsOpen(false)} />
        ) : null}
        <h1 className={styles.title}>{settingsOpen ? "Settings" : titles[view]}</h1>
        {/* title, not Fluent's Tooltip: the same hint for ~2 kB less of the gzip budget. */}
        <Button
          appearance="subtle"
          aria-label="Refresh"
          title="Refresh"
          icon={today.refreshing && !today.loading ? <BusySpinner label="Refreshing" /> : <ArrowClockwise20Regular />}
          onClick={refresh}
        />
        <Button appearance="subtle" aria-label="Settings" title="Settings" aria-pressed={settingsOpen} icon={<Settings20Regular />} onClick={() => setSettingsOpen((open) => !open)} />
      </header>

      <div hidden={settingsOpen}>
        <ViewTabs<View>
          label="Views"
          selected={view}
          tabs={[
            { value: "today", label: due > 0 ? `Today (${due})` : "Today", panelId: "panel-today" },
            { value: "person", label: "Person", panelId: "panel-person" },
            { value: "network", label: "Network", panelId: "panel-network" },
            { value: "events", label: "Events", panelId: "panel-events" },
            { value: "scorecard", label: "Scorecard", panelId: "panel-scorecard" },
            { value: "health", label: "Health", panelId: "panel-health" },
          ]}
          onSelect={(next) => {
            setView(next);
            // Marking an event in the Events view can add or remove a prompt.
            if (next === "today" && view !== "today") today.refresh();
          }}
        />
      </div>

      <div role="status" aria-live="polite" className={shared.visuallyHidden}>
        {announcement}
      </div>

      {unreachable ? <NoticeBar notice={noticeFor({ kind: "unreachable", detail: "" })} onRetry={refresh} /> : null}

      {/* Today stays mounted while other views show, so a half-filled prompt card keeps what was typed. */}
      <div {...panel("today")}>
        {/* Today's notices ("Follow-up started") stay on Today: they are about what it shows. */}
        {notice ? <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} /> : null}
        <BulkPrompts refreshedAt={today.lastUpdated} onAnswered={today.refresh} announce={setAnnouncement} notify={setNotice} />
        <TodayView
          today={today}
          sources={sources}
          prompts={prompts.prompts}
          onPromptAnswered={prompts.remove}
          office={office}
          onShowPerson={(email, displayName) => {
            setLookup({ email, displayName });
            setView("person");
          }}
          announce={setAnnouncement}
          notify={setNotice}
        />
      </div>
      <Suspense fallback={<Spinner size="small" label="Loading…" />}>
        <div {...panel("person")}>
          {/* An open introduction email is offered as a referral right where the sender's card is. */}
          {view === "person" ? <IntroBanner selectionKey={selected} onShow={() => setView("network")} onLogged={today.refresh} /> : null}
          {view === "person" ? (
            <PersonView office={office} selected={selected} lookup={lookup} onLookup={setLookup} timeZone={timeZone} announce={setAnnouncement} />
          ) : null}
        </div>
        <div {...panel("network")}>
          {view === "network" ? <NetworkView office={office} selectionKey={selected} refreshKey={refreshKey} announce={setAnnouncement} /> : null}
        </div>
        <div {...panel("events")}>
          {view === "events" ? <EventsView timeZone={timeZone} onChanged={today.refresh} /> : null}
        </div>
        <div {...panel("scorecard")}>{view === "scorecard" ? <ScorecardView refreshKey={refreshKey} /> : null}</div>
        <div {...panel("health")}>{view === "health" ? <HealthView refreshKey={refreshKey} timeZone={timeZone} announce={setAnnouncement} /> : null}</div>
        {settingsOpen ? <SettingsView onSaved={today.refresh} /> : null}
      </Suspense>

      <footer className={styles.footer}>
        <Caption1 className={shared.meta}>
          {note ? `${note}. ` : ""}
          {today.lastUpdated ? (
            <span data-testid="last-updated">
              Updated <time dateTime={today.lastUpdated.toISOString()}>{formatClockTime(today.lastUpdated, timeZone)}</time>
            </span>
          ) : (
            ""
          )}
        </Caption1>
        {/* Signed in with Microsoft 365 there is no pairing to undo: the link switches to the pairing code. */}
        <Link as="button" appearance="subtle" onClick={onForgetKey}>
          <Caption1>{signInMode === "entra" ? "Use a pairing code instead" : "Unpair"}</Caption1>
        </Link>
      </footer>
    </main>
    </WorkerReachable.Provider>
  );
}
