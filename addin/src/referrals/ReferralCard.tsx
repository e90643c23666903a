import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Badge, Button, Caption1, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useAction } from "../api/useAction";
import type { OfficeHost } from "../office/officeHost";
import { retryAnnouncement } from "../outbox/gaveUp";
import { GaveUpBar } from "../outbox/GaveUpBar";
import { formatDueTime } from "../time/formatDue";
import { noticeFor, type Notice } from "../ui/notice";
import { NoticeBar } from "../ui/NoticeBar";
import { useSharedStyles } from "../ui/styles";
import { TextWithEmails } from "../ui/TextWithEmails";
import type { ReferralsApi } from "./api";
import type { Referral } from "./model";
import { expectsCloseDraft, outcomeLabel } from "./outcome";
import { OutcomeForm } from "./OutcomeForm";
import { currentDraft, daysSinceText, directionText, dutyText, escalationBadge, partnerName, prospectName } from "./referralList";

const useStyles = makeStyles({
  // The badges stay top right on every card, however long the names: the names wrap, not the badges.
  header: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  who: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  name: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  badges: { display: "flex", flexDirection: "column", alignItems: "flex-end", gap: tokens.spacingVerticalXXS, flexShrink: 0 },
  text: { overflowWrap: "anywhere" },
});

/** How long to wait for the worker's outbox to make the close-the-loop draft before saying it is still coming. */
const closeDraftWaitMs = 60_000;

/**
 * Set after an outcome is recorded on a referral received: wait for its close-the-loop draft. A changed
 * outcome gets a new draft while the old id is still stored, so wait for an id other than `previous`.
 * Kept by the list, not the card: recording an outcome moves the card to another group, which remounts it.
 */
export type AwaitingClose = { phase: "waiting" | "slow"; previous: string | null } | undefined;

export interface ReferralCardProps {
  referral: Referral;
  awaitingClose: AwaitingClose;
  setAwaitingClose(id: string, value: AwaitingClose): void;
  api: ReferralsApi;
  office: OfficeHost;
  timeZone: string;
  highlighted: boolean;
  onChanged(referral: Referral): void;
  onShowPartner(email: string): void;
  announce(text: string): void;
}

export function ReferralCard({ referral: r, awaitingClose, setAwaitingClose: setAwaiting, api, office, timeZone, highlighted, onChanged, onShowPartner, announce }: ReferralCardProps) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const titleId = useId();
  const [recording, setRecording] = useState(false);
  const { busy, run } = useAction();
  const [notice, setNotice] = useState<Notice>();
  const articleRef = useRef<HTMLElement>(null);
  // A referral just logged or asked for ("Show it") takes focus once, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (highlighted) articleRef.current?.focus();
  }, [highlighted]);
  const setAwaitingClose = useCallback((value: AwaitingClose) => setAwaiting(r.id, value), [setAwaiting, r.id]);
  const now = new Date();
  const duty = r.duty;
  const badge = duty ? escalationBadge(duty.escalation) : undefined;
  const draft = currentDraft(r);
  const prospect = prospectName(r);
  const partner = partnerName(r);
  // The draft to the prospect is for them; the check-in and close-the-loop notes go to the partner.
  const gaveUpFor = r.gaveUp?.kind === "referralIntroDraft" ? prospect : partner;

  useEffect(() => {
    if (!awaitingClose) return;
    const previous = awaitingClose.previous;
    if (r.closeDraftId && r.closeDraftId !== previous) return setAwaitingClose(undefined);
    if (awaitingClose.phase !== "waiting") return;
    let stopped = false;
    const started = Date.now();
    const poll = async (): Promise<void> => {
      while (!stopped && Date.now() - started < closeDraftWaitMs) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        if (stopped) return;
        const next = await api.get(r.id).catch(() => undefined);
        if (next?.closeDraftId && next.closeDraftId !== previous) {
          onChanged(next);
          announce(`Close-the-loop draft to ${partner} is ready.`);
          return;
        }
      }
      if (!stopped) setAwaitingClose({ phase: "slow", previous });
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [awaitingClose, setAwaitingClose, r.closeDraftId, r.id, api, onChanged, announce, partner]);

  const act = async (what: string, change: () => Promise<Referral>): Promise<void> => {
    setNotice(undefined);
    await run(
      async () => {
        onChanged(await change());
        announce(what);
      },
      (failure) => setNotice(noticeFor(failure)),
    );
  };

  const contact = [r.prospect.email, r.prospect.phone].filter(Boolean).join(" · ");
  const closeReady = expectsCloseDraft(r) && r.closeDraftId && !awaitingClose;

  return (
    <article
      className={shared.card}
      aria-labelledby={titleId}
      data-testid="referral-row"
      data-referral-id={r.id}
      data-escalation={duty?.escalation ?? "none"}
      tabIndex={highlighted ? -1 : undefined}
      ref={articleRef}
      style={highlighted ? { outline: `2px solid ${tokens.colorBrandStroke1}` } : undefined}
    >
      <div className={styles.header}>
        <div className={styles.who}>
          <h3 id={titleId} className={styles.name}>
            {prospect}
          </h3>
          <Caption1 className={shared.meta}>
            {directionText(r)} · {daysSinceText(r.daysSinceReferred, r.direction)}
          </Caption1>
          {contact ? (
            <Caption1 className={shared.meta}>
              <TextWithEmails text={contact} />
            </Caption1>
          ) : null}
        </div>
        <div className={styles.badges}>
          {badge ? (
            <Badge appearance={badge.prominent ? "filled" : "tint"} color={badge.color} shape="rounded" data-testid="escalation">
              {badge.text}
            </Badge>
          ) : null}
          {r.outcome ? (
            <Badge appearance="tint" color={r.outcome === "won" ? "success" : r.outcome === "inProgress" ? "brand" : "subtle"} shape="rounded" data-testid="outcome">
              {outcomeLabel(r.outcome)}
              {r.outcome === "won" && r.outcomeValue !== null ? ` · ${new Intl.NumberFormat().format(r.outcomeValue)}` : ""}
            </Badge>
          ) : null}
        </div>
      </div>

      {duty ? (
        <Text size={200} className={styles.text}>
          {dutyText(r)} · due <time dateTime={duty.dueAt}>{formatDueTime(new Date(duty.dueAt), timeZone, now)}</time>
        </Text>
      ) : null}
      {r.note ? <Text size={200} className={styles.text}>{r.note}</Text> : null}
      {r.betterFit ? <Text size={200} className={styles.text}>Better fit: {r.betterFit}</Text> : null}
      {r.direction === "given" && r.partnerFollowedUp === false ? (
        <Text size={200} className={styles.text}>
          {partner} has not followed up yet.
        </Text>
      ) : null}

      {notice ? <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} /> : null}

      {r.gaveUp ? (
        <GaveUpBar gaveUp={r.gaveUp} who={gaveUpFor} busy={busy} onRetry={(gaveUp) => void act(retryAnnouncement(gaveUp, gaveUpFor), () => api.retryDraft(r.id, gaveUp.outboxId))} />
      ) : null}

      {closeReady ? (
        <MessageBar intent="success" data-testid="close-draft-ready">
          <MessageBarBody>
            <MessageBarTitle>Close-the-loop draft ready</MessageBarTitle>
            {office.inOutlook ? `Review it and send it to ${partner}.` : `It is in your Drafts folder, to ${partner}.`}
          </MessageBarBody>
          {office.inOutlook ? (
            <MessageBarActions>
              <Button size="small" onClick={() => r.closeDraftId && office.openDraft(r.closeDraftId)} aria-label={`Open the close-the-loop draft to ${partner}`}>
                Open draft
              </Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : awaitingClose && expectsCloseDraft(r) ? (
        <Text size={200} role="status" data-testid="close-draft-waiting">
          {awaitingClose.phase === "waiting" ? <Spinner size="extra-tiny" label="Preparing the close-the-loop draft…" labelPosition="after" /> : "The close-the-loop draft is still being prepared; refresh in a moment."}
        </Text>
      ) : null}

      <div className={shared.actions}>
        {draft && !closeReady && office.inOutlook ? (
          <Button size="small" onClick={() => office.openDraft(draft.id)} aria-label={`Open ${draft.label.toLowerCase()}`}>
            Open draft
          </Button>
        ) : null}
        {r.direction === "received" && duty?.kind === "contactProspect" ? (
          <Button size="small" disabled={busy} onClick={() => void act(`Marked ${prospect} as contacted.`, () => api.contacted(r.id))} aria-label={`Contacted ${prospect}`}>
            Contacted
          </Button>
        ) : null}
        {r.direction === "given" && duty?.kind === "checkInWithPartner" ? (
          <>
            <Button size="small" disabled={busy} onClick={() => void act(`${partner} followed up.`, () => api.partnerFollowedUp(r.id, true))} aria-label={`${partner} followed up with ${prospect}`}>
              Partner followed up
            </Button>
            <Button size="small" disabled={busy} onClick={() => void act(`${partner} has not followed up.`, () => api.partnerFollowedUp(r.id, false))} aria-label={`${partner} has not followed up with ${prospect}`}>
              Not yet
            </Button>
          </>
        ) : null}
        {r.direction === "given" && duty?.kind === "nudgePartner" ? (
          <>
            <Button size="small" appearance="primary" disabled={busy} onClick={() => void act(`Nudged ${partner}; you will be asked again in a few days.`, () => api.nudged(r.id))} aria-label={`Nudged ${partner} about ${prospect}`}>
              Nudged them
            </Button>
            <Button size="small" disabled={busy} onClick={() => void act(`${partner} followed up.`, () => api.partnerFollowedUp(r.id, true))} aria-label={`${partner} has now followed up with ${prospect}`}>
              They followed up
            </Button>
          </>
        ) : null}
        <Button size="small" appearance={duty?.kind === "recordOutcome" ? "primary" : "secondary"} disabled={busy} aria-expanded={recording} onClick={() => setRecording((v) => !v)}>
          {r.outcome ? "Change outcome" : "Record outcome"}
        </Button>
        <Link as="button" onClick={() => onShowPartner(r.partner.email)} aria-label={`Referrals with ${partner}`}>
          <Caption1>With {partner}</Caption1>
        </Link>
      </div>

      {recording ? (
        <OutcomeForm
          api={api}
          referral={r}
          onCancel={() => setRecording(false)}
          onRecorded={(next) => {
            setRecording(false);
            onChanged(next);
            announce(`Recorded: ${next.outcome ? outcomeLabel(next.outcome) : "outcome"}.`);
            if (expectsCloseDraft(next) && next.outcome !== r.outcome) setAwaitingClose({ phase: "waiting", previous: r.closeDraftId });
          }}
        />
      ) : null}
    </article>
  );
}
