import { lazy, Suspense, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Badge, Button, Caption1, Link, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwise20Regular, CalendarPerson20Regular, Checkmark20Regular, DismissCircle20Regular, Eye20Regular, MailEdit20Regular, Open16Regular } from "@fluentui/react-icons";
import { completionLabel, stateBadge } from "../followups/labels";
import { rowDetail } from "../followups/rowDetail";
import { draftPath } from "../drafts/openDraft";
import { GaveUpBar } from "../outbox/GaveUpBar";
import { describeRelative, formatDueTime } from "../time/formatDue";
import type { SnoozeChoice } from "../time/snoozeChoices";
import type { Notice } from "../ui/notice";
import { NoticeBar } from "../ui/NoticeBar";
import { SnoozeButton } from "../ui/SnoozeButton";
import { useSharedStyles } from "../ui/styles";
import { TextWithEmails } from "../ui/TextWithEmails";
import { whenDue } from "./groupToday";
import { personContext, readyLabel } from "./personCards";
import type { TodayItem } from "./model";
import { BusySpinner } from "../ui/BusySpinner";

// Loaded on the first Preview, keeping Today's first chunk small.
const DraftPreview = lazy(() => import("../drafts/DraftPreview").then((m) => ({ default: m.DraftPreview })));

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  ready: { color: tokens.colorPaletteGreenForeground1 },
  top: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  who: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  name: { overflowWrap: "anywhere" },
  what: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  badge: { flexShrink: 0 },
  detail: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2, minWidth: 0 },
  link: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXXS, overflowWrap: "anywhere" },
  note: { color: tokens.colorNeutralForeground2, fontStyle: "italic", overflowWrap: "anywhere" },
});

export interface TodayRowProps {
  item: TodayItem;
  timeZone: string;
  now: Date;
  overdue: boolean;
  busy: boolean;
  canOpenDraft: boolean;
  /** Inside Outlook, where a hold opens in the appointment form. */
  canOpenHold: boolean;
  snoozeChoices: SnoozeChoice[];
  /** Which actions the item's source supports. */
  canDone: boolean;
  canSnooze: boolean;
  canSkip: boolean;
  onDone(item: TodayItem): void;
  onSnooze(item: TodayItem, choice: SnoozeChoice): void;
  /** "Pick a date and time…". */
  onSnoozePick(item: TodayItem): void;
  onSkip(item: TodayItem): void;
  onOpenDraft(item: TodayItem): void;
  onOpenHold(item: TodayItem): void;
  onShowPerson(item: TodayItem): void;
  /** "Try again" for the item's draft or hold that the worker stopped trying to make. */
  onRetry(item: TodayItem): void;
  /** Which inline form is open under the row, if any. */
  expanded?: "skip" | "pick" | undefined;
  /** The open form. */
  children?: ReactNode;
  /** The card's first step shows who the person is (name, address, badge, context); the others only the step. */
  showPerson?: boolean;
  /** What went wrong with the last action on this row. */
  notice?: Notice | undefined;
  onDismissNotice?(): void;
}

/** The name to show; a contact without a display name still reads as a person. */
export function displayName(item: TodayItem): string {
  return item.person.displayName.trim() || item.person.email;
}

/** One step due, inside a person's card: why, when, what is ready, their preferred channel, and the next action in one click. */
export function TodayRow(props: TodayRowProps) {
  const { item, timeZone, now, overdue, busy, canOpenDraft, canOpenHold, snoozeChoices } = props;
  const styles = useStyles();
  const shared = useSharedStyles();
  const titleId = useId();
  const skipRef = useRef<HTMLButtonElement>(null);
  const snoozeRef = useRef<HTMLButtonElement>(null);
  const wasExpanded = useRef(props.expanded);
  // When an inline form closes, focus goes back to the button that opened it.
  useEffect(() => {
    if (wasExpanded.current && !props.expanded) (wasExpanded.current === "skip" ? skipRef : snoozeRef).current?.focus();
    wasExpanded.current = props.expanded;
  }, [props.expanded]);
  const name = displayName(item);
  const step = item.why;
  const completed = item.state === "done" ? completionLabel(item.completedVia, item.completedAt, timeZone) : null;
  const badge = completed ? { text: completed, color: "success" as const } : stateBadge(item.state, overdue, item.kind, item);
  const showPerson = props.showPerson ?? true;
  const detail = rowDetail({ ...item, step: item.kind, personName: name, context: null });
  const context = showPerson ? personContext(item) : null;
  const ready = readyLabel(item, timeZone);
  const canOpenDraftHere = item.draftId && canOpenDraft;
  // A prepared draft can be read without leaving the pane (the worker reads it from the mailbox).
  const previewPath = item.state !== "done" ? draftPath(item.source, item.id, item.draftId) : undefined;
  const canPreview = previewPath !== undefined;
  const [previewOpen, setPreviewOpen] = useState(false);
  const canOpenHoldHere = item.holdEventId && canOpenHold;
  const due = whenDue(item);
  const snoozed = item.state === "snoozed" && item.snoozedUntil;
  // A snooze says when it ends, even when the step falls due later than that.
  const whenText = snoozed ? `Snoozed until ${formatDueTime(new Date(snoozed), timeZone, now)}` : `Due ${formatDueTime(due, timeZone, now)}`;
  // Each action's accessible name starts with its visible text and says whom it is for.
  const about = `${step} for ${name}`;
  const skipText = item.kind === "birthday" ? "Skip this year" : "Skip";

  return (
    <div className={styles.step} role="group" aria-labelledby={titleId} data-testid="followup-row" data-followup-id={item.id} data-source={item.source}>
      {showPerson ? (
      <div className={styles.top}>
        <div className={styles.who}>
          {item.person.email ? (
            <Link as="button" className={styles.name} appearance="subtle" onClick={() => props.onShowPerson(item)} aria-label={`${name}, person card`}>
              <Text id={titleId} weight="semibold">
                {name}
              </Text>
            </Link>
          ) : (
            <Text id={titleId} weight="semibold" className={styles.name}>
              {name}
            </Text>
          )}
          {item.person.email && item.person.email !== name ? (
            <Caption1 className={shared.meta}>
              <TextWithEmails text={item.person.email} />
            </Caption1>
          ) : null}
        </div>
        <Badge className={styles.badge} appearance="tint" color={badge.color} shape="rounded">
          {badge.text}
        </Badge>
      </div>
      ) : null}
      {context ? <Caption1 className={shared.meta}>{context}</Caption1> : null}
      <div className={styles.what}>
        <Text size={200} weight="medium" id={showPerson ? undefined : titleId}>
          {step}
        </Text>
        {showPerson ? null : (
          <Badge className={styles.badge} appearance="tint" color={badge.color} shape="rounded" size="small">
            {badge.text}
          </Badge>
        )}
        <Text size={200} className={overdue ? styles.overdue : undefined}>
          <time dateTime={item.snoozedUntil && snoozed ? item.snoozedUntil : item.dueAt}>{whenText}</time>
          {overdue ? ` · ${describeRelative(due, now)}` : null}
        </Text>
      </div>
      {ready && (ready.startsWith("Hold: ") || badge.text !== ready) ? (
        <Text size={200} weight="medium" className={styles.ready}>
          {ready}
        </Text>
      ) : null}
      {detail.action || detail.link || detail.note ? (
        <div className={styles.detail}>
          {detail.action ? <Text size={200}>{detail.action}</Text> : null}
          {detail.link ? (
            <Link className={styles.link} href={detail.link.href} target="_blank" rel="noopener noreferrer" aria-label={`${name}'s profile, ${detail.link.text} (opens in a new tab)`}>
              <Open16Regular aria-hidden="true" />
              {detail.link.text}
            </Link>
          ) : null}
          {detail.note ? (
            <Text size={200} className={styles.note}>
              {detail.note}
            </Text>
          ) : null}
        </div>
      ) : null}
      {props.notice ? <NoticeBar notice={props.notice} onDismiss={props.onDismissNotice} /> : null}
      {item.gaveUp ? (
        <GaveUpBar gaveUp={item.gaveUp} who={name} busy={busy} icon={<ArrowClockwise20Regular />} onRetry={() => props.onRetry(item)} />
      ) : null}
      <div className={shared.actions}>
        {canOpenHoldHere ? (
          <Button size="small" appearance="primary" icon={<CalendarPerson20Regular />} aria-label={`Open hold: ${about}`} onClick={() => props.onOpenHold(item)}>
            Open hold
          </Button>
        ) : null}
        {canOpenDraftHere ? (
          <Button size="small" appearance="primary" icon={<MailEdit20Regular />} aria-label={`Open draft: ${about}`} onClick={() => props.onOpenDraft(item)}>
            Open draft
          </Button>
        ) : null}
        {canPreview ? (
          <Button size="small" icon={<Eye20Regular />} aria-expanded={previewOpen} aria-label={`Preview draft: ${about}`} onClick={() => setPreviewOpen((open) => !open)}>
            {previewOpen ? "Hide preview" : "Preview"}
          </Button>
        ) : null}
        {props.canDone ? (
        <Button
          size="small"
          appearance="secondary"
          icon={busy ? <BusySpinner label="Marking done" /> : <Checkmark20Regular />}
          disabled={busy}
          aria-label={`Done: ${about}`}
          onClick={() => props.onDone(item)}
        >
          Done
        </Button>
        ) : null}
        {props.canSnooze ? (
        <SnoozeButton
          ref={snoozeRef}
          about={about}
          choices={snoozeChoices}
          disabled={busy}
          onChoose={(choice) => props.onSnooze(item, choice)}
          onPick={() => props.onSnoozePick(item)}
        />
        ) : null}
        {props.canSkip ? (
        <Button ref={skipRef} size="small" appearance="subtle" icon={<DismissCircle20Regular />} disabled={busy} aria-label={`${skipText}: ${about}`} onClick={() => props.onSkip(item)}>
          {skipText}
        </Button>
        ) : null}
      </div>
      {previewPath && previewOpen ? (
        <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
          <DraftPreview path={previewPath} about={about} inOutlook={canOpenDraft} onOpenInOutlook={() => props.onOpenDraft(item)} />
        </Suspense>
      ) : null}
      {props.children}
    </div>
  );
}
