import { useMemo, useState } from "react";
import {
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwise20Regular, CheckmarkCircle48Regular } from "@fluentui/react-icons";
import { ApiError, type ApiFailure, type FollowUpsApi } from "./api";
import { FollowUpRow } from "./FollowUpRow";
import { zoneNote } from "./formatDue";
import { groupFollowUps } from "./groupFollowUps";
import { personName, stepLabel } from "./labels";
import type { FollowUp } from "./model";
import { SkipDialog } from "./SkipDialog";
import { snoozeChoices, type SnoozeChoice } from "./snoozeChoices";
import { useFollowUps } from "./useFollowUps";
import { browserTimeZone } from "./zonedTime";
import type { OfficeHost } from "../office/officeHost";
import type { EventsApi } from "../events/api";
import { EventsView } from "../events/EventsView";
import type { PromptsApi } from "../prompts/api";
import type { Prompt } from "../prompts/model";
import { PromptCard } from "../prompts/PromptCard";
import { usePrompts } from "../prompts/usePrompts";
import { ViewTabs } from "../ui/ViewTabs";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: "720px",
    margin: "0 auto",
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { margin: 0, flexGrow: 1, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3 },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  groupTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    textTransform: "none",
  },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  empty: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    textAlign: "center",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
  },
  emptyIcon: { color: tokens.colorBrandForeground1 },
  footer: { display: "flex", justifyContent: "space-between", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

interface Notice {
  intent: "error" | "warning" | "success";
  title: string;
  messages: string[];
}

function noticeFor(failure: ApiFailure): Notice {
  switch (failure.kind) {
    case "unreachable":
      return {
        intent: "error",
        title: "Can't reach your OfficeFollowUp worker",
        messages: ["Check that it is running on this computer. The list retries every 30 seconds."],
      };
    case "unauthorized":
      return { intent: "error", title: "The worker did not accept the pairing code", messages: [] };
    case "problem":
      return { intent: "error", title: failure.title, messages: failure.messages };
  }
}

export interface FollowUpsPaneProps {
  api: FollowUpsApi;
  prompts: PromptsApi;
  events: EventsApi;
  office: OfficeHost;
  onUnauthorized(): void;
  onForgetKey(): void;
}

type View = "followups" | "events";

export function FollowUpsPane({ api, prompts: promptsApi, events: eventsApi, office, onUnauthorized, onForgetKey }: FollowUpsPaneProps) {
  const styles = useStyles();
  const state = useFollowUps(api, onUnauthorized);
  const prompts = usePrompts(promptsApi, state.lastUpdated, onUnauthorized);
  const [view, setView] = useState<View>("followups");
  const [busyId, setBusyId] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const [announcement, setAnnouncement] = useState("");
  const [skipTarget, setSkipTarget] = useState<FollowUp>();

  const now = new Date();
  const viewerZone = browserTimeZone();
  const timeZone = state.list?.timeZone ?? viewerZone;
  // Re-derived on every refresh (lastUpdated) so "Due today" moves to "Overdue" as time passes.
  const groups = useMemo(() => groupFollowUps(state.list?.items ?? [], new Date(), viewerZone), [state.list, state.lastUpdated, viewerZone]);
  const choices = useMemo(() => snoozeChoices(new Date(), timeZone), [timeZone, state.lastUpdated]);
  const note = state.list ? zoneNote(state.list.timeZone, viewerZone) : undefined;

  async function act(item: FollowUp, run: () => Promise<FollowUp>, done: (updated: FollowUp) => string): Promise<boolean> {
    setBusyId(item.id);
    setNotice(undefined);
    try {
      const updated = await run();
      state.applyUpdate(updated);
      setAnnouncement(done(updated));
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.failure.kind === "unauthorized") {
        onUnauthorized();
      } else if (error instanceof ApiError && error.failure.kind === "problem" && error.failure.status === 404) {
        state.remove(item.id);
        setNotice({ intent: "warning", title: "That follow-up is no longer open", messages: ["It was removed from the list."] });
      } else {
        setNotice(noticeFor(error instanceof ApiError ? error.failure : { kind: "unreachable", detail: String(error) }));
      }
      return false;
    } finally {
      setBusyId(undefined);
    }
  }

  const describe = (item: FollowUp): string => `${stepLabel(item.step)} for ${personName(item)}`;

  const onDone = (item: FollowUp): void => {
    void act(item, () => api.done(item.id), () => `Marked done: ${describe(item)}.`);
  };
  const onSnooze = (item: FollowUp, choice: SnoozeChoice): void => {
    void act(item, () => api.snooze(item.id, choice.until), () => `Snoozed: ${describe(item)}, until ${choice.detail}.`);
  };
  const onSkipConfirmed = (reason: string): void => {
    const item = skipTarget;
    if (!item) return;
    void act(item, () => api.skip(item.id, reason), () => `Skipped: ${describe(item)}.`).then((ok) => {
      if (ok) setSkipTarget(undefined);
    });
  };
  const onOpenDraft = (item: FollowUp): void => {
    if (item.draftId && !office.openDraft(item.draftId)) {
      setNotice({ intent: "warning", title: "Open Outlook to edit the draft", messages: ["The draft is in your Drafts folder."] });
    }
  };

  const onOpenHold = (item: FollowUp): void => {
    if (item.holdEventId && !office.openAppointment(item.holdEventId)) {
      setNotice({ intent: "warning", title: "Open Outlook to see the hold", messages: ["It is on your calendar as a tentative event."] });
    }
  };

  const onPromptStarted = (prompt: Prompt, names: string[]): void => {
    prompts.remove(prompt.eventId);
    setAnnouncement(`Follow-up started with ${names.join(", ")}. Their thank-you notes are being prepared.`);
    setNotice({ intent: "success", title: `Follow-up started with ${names.length === 1 ? names[0] : `${names.length} people`}`, messages: ["Thank-you drafts, connect reminders and one-to-one holds appear in the list."] });
    state.refresh();
  };

  const onPromptDismissed = (prompt: Prompt): void => {
    prompts.remove(prompt.eventId);
    setAnnouncement(`No follow-up for ${prompt.subject}.`);
  };

  const loadNotice = state.loadFailure ? noticeFor(state.loadFailure) : undefined;
  const total = groups.reduce((n, g) => n + g.items.length, 0);

  return (
    <main className={styles.pane} aria-busy={state.loading}>
      <header className={styles.header}>
        <h1 className={styles.title}>Follow-ups</h1>
        <Tooltip content="Refresh" relationship="label">
          <Button appearance="subtle" icon={state.refreshing && !state.loading ? <Spinner size="extra-tiny" /> : <ArrowClockwise20Regular />} onClick={state.refresh} />
        </Tooltip>
      </header>

      <ViewTabs<View>
        label="Views"
        selected={view}
        tabs={[
          { value: "followups", label: `Follow-ups${prompts.prompts.length > 0 ? ` (${prompts.prompts.length} to answer)` : ""}`, panelId: "panel-followups" },
          { value: "events", label: "Events", panelId: "panel-events" },
        ]}
        onSelect={(next) => {
          setView(next);
          // Marking an event in the Events view can add or remove a prompt.
          if (next === "followups" && view !== "followups") state.refresh();
        }}
      />

      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {announcement}
      </div>

      {loadNotice ? (
        <MessageBar intent={loadNotice.intent}>
          <MessageBarBody>
            <MessageBarTitle>{loadNotice.title}</MessageBarTitle>
            {loadNotice.messages.join(" ")}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={state.refresh}>
              Retry
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      {notice ? (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.messages.join(" ")}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" size="small" aria-label="Dismiss message" onClick={() => setNotice(undefined)}>✕</Button>} />
        </MessageBar>
      ) : null}

      <div role="tabpanel" id="panel-events" aria-labelledby="tab-events" className={view === "events" ? styles.panel : undefined} hidden={view !== "events"}>
        {view === "events" ? <EventsView api={eventsApi} timeZone={timeZone} onUnauthorized={onUnauthorized} onChanged={state.refresh} /> : null}
      </div>

      {/* Kept mounted while Events is shown, so a half-filled prompt card keeps what was typed. */}
      <div role="tabpanel" id="panel-followups" aria-labelledby="tab-followups" className={view === "followups" ? styles.panel : undefined} hidden={view !== "followups"}>
        {prompts.prompts.map((prompt) => (
          <PromptCard
            key={prompt.eventId}
            prompt={prompt}
            timeZone={timeZone}
            now={now}
            api={promptsApi}
            onStarted={onPromptStarted}
            onDismissed={onPromptDismissed}
            onUnauthorized={onUnauthorized}
          />
        ))}

        {state.loading ? (
          <Spinner label="Loading follow-ups…" />
        ) : state.list && total === 0 ? (
          prompts.prompts.length > 0 ? null : (
            <div className={styles.empty}>
              <CheckmarkCircle48Regular className={styles.emptyIcon} aria-hidden="true" />
              <Text weight="semibold">You're all caught up</Text>
              <Text size={200}>When you meet someone new, their thank-you draft and next steps appear here.</Text>
            </div>
          )
        ) : (
          groups.map((group) => {
            const headingId = `group-${group.key}`;
            return (
              <section key={group.key} className={styles.group} aria-labelledby={headingId}>
                <h2 id={headingId} className={styles.groupTitle}>
                  {group.title} ({group.items.length})
                </h2>
                <ul className={styles.list}>
                  {group.items.map((item) => (
                    <FollowUpRow
                      key={item.id}
                      item={item}
                      timeZone={timeZone}
                      now={now}
                      overdue={group.key === "overdue"}
                      busy={busyId === item.id}
                      canOpenDraft={office.inOutlook}
                      canOpenHold={office.inOutlook}
                      snoozeChoices={choices}
                      onDone={onDone}
                      onSnooze={onSnooze}
                      onSkip={setSkipTarget}
                      onOpenDraft={onOpenDraft}
                      onOpenHold={onOpenHold}
                    />
                  ))}
                </ul>
              </section>
            );
          })
        )}

      </div>

      <footer className={styles.footer}>
        <Caption1 className={styles.meta}>
          {note ? `${note}. ` : ""}
          {state.lastUpdated ? `Updated ${state.lastUpdated.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })}` : ""}
        </Caption1>
        <Link as="button" appearance="subtle" onClick={onForgetKey}>
          <Caption1>Unpair</Caption1>
        </Link>
      </footer>

      <SkipDialog
        subject={skipTarget ? describe(skipTarget) : undefined}
        busy={skipTarget !== undefined && busyId === skipTarget.id}
        onSkip={onSkipConfirmed}
        onCancel={() => setSkipTarget(undefined)}
      />
    </main>
  );
}
