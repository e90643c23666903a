import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { Button, Spinner, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkCircle48Regular, ChevronDown16Regular, ChevronUp16Regular } from "@fluentui/react-icons";
import { useApi } from "../api/ApiContext";
import { attempt } from "../api/client";
import type { OfficeHost } from "../office/officeHost";
import { retryAnnouncement, retryOutbox } from "../outbox/gaveUp";
import type { Prompt } from "../prompts/model";
import { snoozeChoices, type SnoozeChoice } from "../time/snoozeChoices";
import { useDaysOff } from "./useDaysOff";
import { browserTimeZone } from "../time/zonedTime";
import { EmptyState, LoadState } from "../ui/LoadState";
import { noticeFor, type Notice } from "../ui/notice";
import { useSharedStyles } from "../ui/styles";
import { UndoToast } from "../ui/UndoToast";
import { DoneLately } from "./DoneLately";
import { whenDue } from "./groupToday";
import { groupByPerson } from "./personCards";
import type { TodayItem, TodaySource } from "./model";
import { displayName, TodayRow } from "./TodayRow";
import type { TodayState } from "./useToday";

// Only needed after a networking event or a click: kept out of the first chunk.
const PromptCard = lazy(() => import("../prompts/PromptCard").then((m) => ({ default: m.PromptCard })));
const SkipForm = lazy(() => import("./SkipForm").then((m) => ({ default: m.SkipForm })));
const SnoozePickForm = lazy(() => import("./SnoozePickForm").then((m) => ({ default: m.SnoozePickForm })));

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  emptyIcon: { color: tokens.colorBrandForeground1 },
  later: { alignSelf: "flex-start" },
  card: { listStyleType: "none" },
  more: { alignSelf: "flex-start", paddingLeft: 0, minWidth: 0 },
  others: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  other: { listStyleType: "none", borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
});

function can(source: TodaySource | undefined, item: TodayItem, action: "done" | "snooze" | "skip"): boolean {
  return source?.[action] !== undefined && (source.supports?.(item, action) ?? true);
}

/** Set once, when the first list with data is on screen: the benchmark reads it. */
export const firstListMark = "ofu:first-list";

export interface TodayViewProps {
  today: TodayState;
  sources: readonly TodaySource[];
  prompts: Prompt[];
  onPromptAnswered(eventId: string): void;
  office: OfficeHost;
  onShowPerson(email: string, displayName: string): void;
  announce(text: string): void;
  notify(notice: Notice | undefined): void;
}

export function TodayView({ today, sources, prompts, onPromptAnswered, office, onShowPerson, announce, notify }: TodayViewProps) {
  const { call, onUnauthorized } = useApi();
  const styles = useStyles();
  const shared = useSharedStyles();
  const [busyKey, setBusyKey] = useState<string>();
  const [skipTarget, setSkipTarget] = useState<TodayItem>();
  const [pickTarget, setPickTarget] = useState<TodayItem>();
  const [showLater, setShowLater] = useState(false);
  const [undo, setUndo] = useState<{ item: TodayItem; text: string }>();
  const [undoBusy, setUndoBusy] = useState(false);
  // An action's failure is shown on the row it is about, not at the top of the pane.
  const [rowNotice, setRowNotice] = useState<{ key: string; notice: Notice }>();
  const notifyRow = (item: TodayItem, notice: Notice): void => setRowNotice({ key: item.key, notice });

  const now = new Date();
  const viewerZone = browserTimeZone();
  const timeZone = today.timeZone ?? viewerZone;
  // Re-derived on every refresh so "Due today" moves to "Overdue" as time passes. Grouped in the zone the
  // times are shown in (the mailbox's), so a row under "This week" never reads "Due today" when the
  // browser's date differs from the mailbox's.
  // Later follow-ups are not loaded until asked for (the worker sends the due window); their group still shows, as a count.
  const groups = useMemo(() => {
    const grouped = groupByPerson(today.items, new Date(), timeZone);
    return today.hiddenLater > 0 && !grouped.some((g) => g.key === "later") ? [...grouped, { key: "later" as const, title: "Later", cards: [] }] : grouped;
  }, [today.items, today.lastUpdated, today.hiddenLater, timeZone]);
  const [expandedCards, setExpandedCards] = useState<ReadonlySet<string>>(new Set());
  const toggleCard = (key: string): void =>
    setExpandedCards((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const daysOff = useDaysOff(today.lastUpdated);
  const choices = useMemo(() => snoozeChoices(new Date(), timeZone, undefined, daysOff), [timeZone, today.lastUpdated, daysOff]);
  const sourceOf = (item: TodayItem): TodaySource | undefined => sources.find((s) => s.name === item.source);
  const total = groups.reduce((n, g) => n + g.cards.length, 0);

  useEffect(() => {
    if (total > 0 && performance.getEntriesByName(firstListMark).length === 0) performance.mark(firstListMark);
  }, [total]);

  async function act(item: TodayItem, run: (() => Promise<TodayItem>) | undefined, done: string): Promise<boolean> {
    if (!run) return false;
    setBusyKey(item.key);
    notify(undefined);
    setRowNotice(undefined);
    const ok = await attempt(
      async () => {
        today.applyUpdate(await run());
        announce(done);
      },
      (failure) => {
        if (failure.kind !== "problem" || failure.status !== 404) return notifyRow(item, noticeFor(failure));
        // The row is gone, so this one is said above the list.
        today.remove(item.key);
        notify({ intent: "warning", title: "That item is no longer open", messages: ["It was removed from the list."] });
      },
      onUnauthorized,
    );
    setBusyKey(undefined);
    return ok;
  }

  const describe = (item: TodayItem): string => `${item.why} for ${displayName(item)}`;

  const onRetry = async (item: TodayItem): Promise<void> => {
    const gaveUp = item.gaveUp;
    if (!gaveUp) return;
    setBusyKey(item.key);
    setRowNotice(undefined);
    await attempt(
      async () => {
        await retryOutbox(call, gaveUp.outboxId);
        announce(retryAnnouncement(gaveUp, displayName(item)));
      },
      // 409: it is no longer stopped (made, closed, or already being tried again); the refresh shows where it stands.
      (failure) => (failure.kind === "problem" && failure.status === 409 ? undefined : notifyRow(item, noticeFor(failure))),
      onUnauthorized,
    );
    setBusyKey(undefined);
    today.refresh();
  };

  const onDone = (item: TodayItem): void => {
    const source = sourceOf(item);
    const done = source?.done;
    const text = `Marked done: ${describe(item)}`;
    void act(item, done && (() => done(item.id)), `${text}.`).then((ok) => {
      // A done the worker can take back stays undoable for a few seconds.
      if (ok && source?.reopen) setUndo({ item, text });
    });
  };
  const onUndo = async (): Promise<void> => {
    const target = undo;
    const reopen = target && sourceOf(target.item)?.reopen;
    if (!target || !reopen) return;
    setUndoBusy(true);
    await attempt(
      async () => {
        today.applyUpdate(await reopen(target.item.id));
        announce(`Undone: ${describe(target.item)} is open again.`);
      },
      (failure) => notify({ ...noticeFor(failure), title: `Couldn't undo: ${describe(target.item)}` }),
      onUnauthorized,
    );
    setUndoBusy(false);
    setUndo(undefined);
  };
  const snooze = (item: TodayItem, until: string, shown: string): Promise<boolean> => {
    const run = sourceOf(item)?.snooze;
    return act(item, run && (() => run(item.id, until)), `Snoozed: ${describe(item)}, until ${shown}.`);
  };
  const onSnooze = (item: TodayItem, choice: SnoozeChoice): void => void snooze(item, choice.until, choice.detail);
  const onSkipConfirmed = (reason: string, deleteDraft: boolean): void => {
    const item = skipTarget;
    const skip = item && sourceOf(item)?.skip;
    if (!item || !skip) return;
    const said = deleteDraft ? `Skipped: ${describe(item)}; its draft is being deleted from Drafts.` : `Skipped: ${describe(item)}.`;
    void act(item, () => skip(item.id, reason, deleteDraft), said).then((ok) => ok && setSkipTarget(undefined));
  };
  // A birthday is skipped this year at once, without a reason (its draft is not deleted), and the toast can undo it.
  const onSkipBirthday = (item: TodayItem): void => {
    const skip = sourceOf(item)?.skip;
    if (!skip) return;
    const text = `Skipped this year: ${describe(item)}`;
    void act(item, () => skip(item.id, ""), `${text}.`).then((ok) => {
      if (ok && sourceOf(item)?.reopen) setUndo({ item, text });
    });
  };
  const onOpenDraft = (item: TodayItem): void => {
    if (item.draftId && !office.openDraft(item.draftId)) {
      notifyRow(item, { intent: "warning", title: "Open Outlook to edit the draft", messages: ["The draft is in your Drafts folder."] });
    }
  };
  const onOpenHold = (item: TodayItem): void => {
    if (item.holdEventId && !office.openAppointment(item.holdEventId)) {
      notifyRow(item, { intent: "warning", title: "Open Outlook to see the hold", messages: ["It is on your calendar as a tentative event."] });
    }
  };

  const onPromptStarted = (prompt: Prompt, names: string[]): void => {
    onPromptAnswered(prompt.eventId);
    announce(`Follow-up started with ${names.join(", ")}. Their thank-you notes are being prepared.`);
    notify({ intent: "success", title: `Follow-up started with ${names.length === 1 ? names[0] : `${names.length} people`}`, messages: ["Thank-you drafts, connect reminders and one-to-one holds appear in the list."] });
    today.refresh();
  };
  const onPromptDismissed = (prompt: Prompt): void => {
    onPromptAnswered(prompt.eventId);
    announce(`No follow-up for ${prompt.subject}.`);
  };

  const renderStep = (item: TodayItem, overdue: boolean, showPerson: boolean) => {
    const source = sourceOf(item);
    return (
                      <TodayRow
                        key={item.key}
                        showPerson={showPerson}
                        item={item}
                        timeZone={timeZone}
                        now={now}
                        overdue={overdue}
                        busy={busyKey === item.key}
                        canOpenDraft={office.inOutlook}
                        canOpenHold={office.inOutlook}
                        canDone={can(source, item, "done")}
                        canSnooze={can(source, item, "snooze")}
                        canSkip={can(source, item, "skip")}
                        snoozeChoices={choices}
                        onDone={onDone}
                        onSnooze={onSnooze}
                        onSnoozePick={(i) => {
                          setSkipTarget(undefined);
                          setPickTarget(i);
                        }}
                        onSkip={(i) => {
                          setPickTarget(undefined);
                          if (i.kind === "birthday") onSkipBirthday(i);
                          else setSkipTarget(i);
                        }}
                        onOpenDraft={onOpenDraft}
                        onOpenHold={onOpenHold}
                        onShowPerson={(i) => onShowPerson(i.person.email, i.person.displayName)}
                        onRetry={(i) => void onRetry(i)}
                        expanded={skipTarget?.key === item.key ? "skip" : pickTarget?.key === item.key ? "pick" : undefined}
                        notice={rowNotice?.key === item.key ? rowNotice.notice : undefined}
                        onDismissNotice={() => setRowNotice(undefined)}
                      >
                        {skipTarget?.key === item.key ? (
                          <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
                            <SkipForm
                              subject={describe(item)}
                              kind={item.kind}
                              hasDraft={item.source === "followUps" && item.draftId !== null && item.state !== "done"}
                              busy={busyKey === item.key}
                              onSkip={onSkipConfirmed}
                              onCancel={() => setSkipTarget(undefined)}
                            />
                          </Suspense>
                        ) : pickTarget?.key === item.key ? (
                          <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
                            <SnoozePickForm
                              subject={describe(item)}
                              timeZone={timeZone}
                              busy={busyKey === item.key}
                              onSnooze={(until, shown) => void snooze(item, until, shown).then((ok) => ok && setPickTarget(undefined))}
                              onCancel={() => setPickTarget(undefined)}
                            />
                          </Suspense>
                        ) : null}
                      </TodayRow>
    );
  };

  return (
    <div className={shared.view}>
      {today.failures.map((f) => (
        <LoadState key={f.source} what={f.label} failure={f.failure} retry={today.refresh} />
      ))}

      {prompts.length > 0 ? (
        <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
          {prompts.map((prompt) => (
            <PromptCard
              key={prompt.eventId}
              prompt={prompt}
              timeZone={timeZone}
              now={now}
              onStarted={onPromptStarted}
              onDismissed={onPromptDismissed}
            />
          ))}
        </Suspense>
      ) : null}

      {today.loading ? (
        <Spinner label="Loading what is due…" />
      ) : total === 0 && today.hiddenLater === 0 ? (
        prompts.length > 0 || today.failures.length > 0 ? null : (
          <EmptyState icon={<CheckmarkCircle48Regular className={styles.emptyIcon} aria-hidden="true" />} title="You're all caught up">
            When you meet someone new, their thank-you draft and next steps appear here.
          </EmptyState>
        )
      ) : (
        groups.map((group) => {
          const headingId = `group-${group.key}`;
          const collapsed = group.key === "later" && !showLater;
          const count = group.cards.length + (group.key === "later" ? today.hiddenLater : 0);
          return (
            <section key={group.key} className={styles.group} aria-labelledby={headingId}>
              <h2 id={headingId} className={shared.groupTitle}>
                {group.title} ({count})
              </h2>
              {collapsed ? (
                <Button className={styles.later} size="small" appearance="secondary" aria-expanded={false} onClick={() => {
                    setShowLater(true);
                    today.showLater();
                  }}>
                  Show {count} later
                </Button>
              ) : (
                <ul className={styles.list} data-testid="today-list">
                  {group.cards.map((card) => {
                    const open = expandedCards.has(card.key) || card.others.some((o) => o.key === skipTarget?.key || o.key === pickTarget?.key || o.key === rowNotice?.key);
                    const name = displayName(card.next);
                    return (
                      <li key={card.key} className={mergeClasses(shared.card, styles.card)} data-testid="today-card">
                        {renderStep(card.next, group.key === "overdue", true)}
                        {card.others.length > 0 ? (
                          <>
                            <Button
                              className={styles.more}
                              size="small"
                              appearance="transparent"
                              icon={open ? <ChevronUp16Regular /> : <ChevronDown16Regular />}
                              aria-expanded={open}
                              aria-label={`${open ? "Hide" : "Show"} ${card.others.length} more step${card.others.length === 1 ? "" : "s"} for ${name}`}
                              onClick={() => toggleCard(card.key)}
                            >
                              {open ? "Hide other steps" : `${card.others.length} more step${card.others.length === 1 ? "" : "s"}`}
                            </Button>
                            {open ? (
                              <ul className={styles.others}>
                                {card.others.map((other) => (
                                  <li key={other.key} className={styles.other}>
                                    {renderStep(other, whenDue(other).getTime() < now.getTime(), false)}
                                  </li>
                                ))}
                              </ul>
                            ) : null}
                          </>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          );
        })
      )}

      {today.loading ? null : <DoneLately items={today.recentlyDone} timeZone={timeZone} onShowPerson={onShowPerson} />}

      {undo ? <UndoToast text={undo.text} busy={undoBusy} onUndo={() => void onUndo()} onExpire={() => setUndo(undefined)} /> : null}
    </div>
  );
}
