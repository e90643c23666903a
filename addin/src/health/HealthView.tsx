import { useState } from "react";
import { Badge, Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useApi } from "../api/ApiContext";
import { attempt } from "../api/client";
import { retryAnnouncement, retryLabel, retryOutbox } from "../outbox/gaveUp";
import { formatDateTime } from "../time/formatDue";
import { LoadState } from "../ui/LoadState";
import { noticeFor, type Notice } from "../ui/notice";
import { NoticeBar } from "../ui/NoticeBar";
import { useSharedStyles } from "../ui/styles";
import { useLoad } from "../ui/useLoad";
import { formatAgo, summariseHealth, type OutboxHealthItem } from "./health";
import type { SyncStatus } from "./model";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  item: { listStyleType: "none" },
  top: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  name: { flexGrow: 1 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  reason: { overflowWrap: "anywhere" },
});

const badgeColor = { ok: "success", warning: "warning", error: "danger" } as const;

/** `timeZone`: the mailbox's, which every time shown is in. */
export function HealthView({ refreshKey, timeZone, announce }: { refreshKey: unknown; timeZone: string; announce?(text: string): void }) {
  const { call } = useApi();
  const loaded = useLoad((signal) => call<SyncStatus>("GET", "/api/status", undefined, signal), refreshKey);
  return (
    <LoadState {...loaded} what="sync health" label="Checking sync…">
      {(data) => <HealthBody data={data} timeZone={timeZone} reload={loaded.retry} announce={announce} />}
    </LoadState>
  );
}

function HealthBody({ data, timeZone, reload, announce }: { data: SyncStatus; timeZone: string; reload(): void; announce?(text: string): void }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const { call, onUnauthorized } = useApi();
  const [retrying, setRetrying] = useState<string>();
  const [notice, setNotice] = useState<Notice>();

  const tryAgain = async (item: OutboxHealthItem): Promise<void> => {
    setRetrying(item.outboxId);
    setNotice(undefined);
    await attempt(
      async () => {
        await retryOutbox(call, item.outboxId);
        announce?.(retryAnnouncement(item, item.who));
      },
      // 409: no longer stopped (made meanwhile, or already retried); the reload shows where it stands.
      (failure) => (failure.kind === "problem" && failure.status === 409 ? undefined : setNotice(noticeFor(failure))),
      onUnauthorized,
    );
    setRetrying(undefined);
    reload();
  };

  const summary = summariseHealth(data);
  const now = new Date();
  const full = (d: Date): string => formatDateTime(d, timeZone);

  return (
    <div className={shared.view} data-testid="health">
      {summary.tone === "ok" ? (
        <Text weight="semibold" data-testid="health-headline">
          {summary.headline}
        </Text>
      ) : (
        <NoticeBar notice={{ intent: summary.tone === "error" ? "error" : "warning", title: summary.headline, messages: summary.action ? [summary.action] : [] }} />
      )}
      <Caption1 className={shared.meta}>
        {data.baselinedAt ? (
          <span data-testid="baseline-taken">
            Baseline taken <time dateTime={data.baselinedAt}>{full(new Date(data.baselinedAt))}</time>.{" "}
          </span>
        ) : (
          ""
        )}
        {data.acquaintances === 1 ? "1 new acquaintance" : `${data.acquaintances} new acquaintances`} since then.
      </Caption1>
      <ul className={styles.list}>
        {summary.resources.map((r) => (
          <li key={r.resource} className={`${shared.card} ${styles.item}`} data-testid="sync-resource">
            <div className={styles.top}>
              <Text weight="semibold" className={styles.name}>
                {r.name}
              </Text>
              <Badge appearance="tint" shape="rounded" color={badgeColor[r.tone]}>
                {r.stageText}
              </Badge>
            </div>
            <Text size={200}>
              Last successful sync:{" "}
              {r.lastSuccessAt ? <time dateTime={r.lastSuccessAt.toISOString()} title={full(r.lastSuccessAt)}>{formatAgo(r.lastSuccessAt, now)}</time> : "never"}
            </Text>
            {r.resync ? (
              <Text size={200} data-testid="sync-resync">
                Read again{" "}
                <time dateTime={r.resync.at.toISOString()} title={full(r.resync.at)}>
                  {formatAgo(r.resync.at, now)}
                </time>
                : {r.resync.text}
              </Text>
            ) : null}
            {r.skipped ? <Text size={200}>{r.skipped}</Text> : null}
            {r.problem ? <Caption1 className={shared.meta}>Last error: {r.problem}</Caption1> : null}
          </li>
        ))}
      </ul>
      {summary.notifications ? (
        <section className={shared.card} aria-labelledby="health-notifications" data-testid="notifications-health">
          <div className={styles.top}>
            <h2 id="health-notifications" className={`${styles.heading} ${styles.name}`}>
              Change notifications
            </h2>
            <Badge appearance="tint" shape="rounded" color={badgeColor[summary.notifications.tone]}>
              {summary.notifications.stageText}
            </Badge>
          </div>
          <Text size={200}>{summary.notifications.text}</Text>
          {summary.notifications.problem ? (
            <Caption1 className={`${shared.meta} ${styles.reason}`}>
              Last error
              {summary.notifications.problemAt ? (
                <>
                  {" "}
                  <time dateTime={summary.notifications.problemAt.toISOString()} title={full(summary.notifications.problemAt)}>
                    {formatAgo(summary.notifications.problemAt, now)}
                  </time>
                </>
              ) : null}
              : {summary.notifications.problem}
            </Caption1>
          ) : null}
        </section>
      ) : null}
      {summary.outbox.waiting || summary.outbox.items.length > 0 ? (
        <section className={shared.card} aria-labelledby="health-outbox" data-testid="outbox-health">
          <h2 id="health-outbox" className={styles.heading}>
            Drafts and holds
          </h2>
          {summary.outbox.waiting ? <Text size={200}>{summary.outbox.waiting}.</Text> : null}
          {notice ? <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} /> : null}
          {summary.outbox.items.length > 0 ? (
            <ul className={styles.list}>
              {summary.outbox.items.map((item) => (
                <li key={item.outboxId} className={styles.item} data-testid="outbox-gave-up">
                  <div className={styles.top}>
                    <Text weight="semibold" className={styles.name}>
                      {item.title}
                    </Text>
                    <Badge appearance="tint" shape="rounded" color="warning">
                      Stopped
                    </Badge>
                  </div>
                  <Text size={200} className={styles.reason}>
                    {item.reason}
                  </Text>
                  <div>
                    <Button size="small" disabled={retrying !== undefined} aria-label={retryLabel(item, item.who)} onClick={() => void tryAgain(item)}>
                      Try again
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
