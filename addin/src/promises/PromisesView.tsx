import { useCallback, useEffect, useId, useMemo, useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ApiCall } from "../api/client";
import { formatDueTime } from "../time/formatDue";
import { channelName, normaliseChannel } from "../people/person";
import { snoozeChoices } from "../time/snoozeChoices";
import { browserTimeZone } from "../time/zonedTime";
import { failureOf } from "../api/client";
import { InlineForm } from "../today/InlineForm";
import { noticeFor, type Notice } from "../ui/notice";
import { NoticeBar } from "../ui/NoticeBar";
import { SnoozeButton } from "../ui/SnoozeButton";
import { useSharedStyles } from "../ui/styles";
import { useLoad } from "../ui/useLoad";
import { createPromisesApi, type PromisesApi } from "./api";
import type { PromiseItem } from "./model";
import { buildPromiseRequest, emptyPromiseForm, mapPromiseErrors, promiseTextMaxLength, sortPromises, validatePromiseForm, type PromiseField, type PromiseForm, type PromiseFormErrors } from "./promiseForm";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  title: { margin: 0, flexGrow: 1, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  who: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  name: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", flexGrow: 1 },
  text: { overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

export interface PromisesViewProps {
  call: ApiCall;
  refreshKey: unknown;
  onUnauthorized(): void;
  announce(text: string): void;
}

/** Promises made to people: what, to whom, by when, in their preferred channel; done or snooze. */
export function PromisesView({ call, refreshKey, onUnauthorized, announce }: PromisesViewProps) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const titleId = useId();
  const api = useMemo(() => createPromisesApi(call), [call]);
  const [attempt, setAttempt] = useState(0);
  const load = useCallback((signal: AbortSignal) => api.list(signal), [api]);
  const { data, failure, loading, retry } = useLoad(load, `${String(refreshKey)}:${attempt}`, onUnauthorized);
  const [items, setItems] = useState<PromiseItem[]>([]);
  const [adding, setAdding] = useState(false);
  useEffect(() => setItems(data?.items ?? []), [data]);
  const timeZone = data?.timeZone ?? browserTimeZone();

  return (
    <section className={shared.view} aria-labelledby={titleId} data-testid="promises">
      <div className={styles.header}>
        <h2 id={titleId} className={styles.title}>
          Promises
        </h2>
        {!adding ? (
          <Button size="small" onClick={() => setAdding(true)}>
            Add a promise
          </Button>
        ) : null}
      </div>
      {adding ? (
        <div className={shared.card}>
          <AddPromiseForm
            api={api}
            timeZone={timeZone}
            onAdded={(p) => {
              setAdding(false);
              setItems((list) => [...list, p]);
              announce(`Added the promise to ${p.person.displayName || p.person.email}.`);
              setAttempt((n) => n + 1);
            }}
            onCancel={() => setAdding(false)}
            onUnauthorized={onUnauthorized}
          />
        </div>
      ) : null}
      {failure ? <NoticeBar notice={noticeFor(failure, "promises")} onRetry={retry} /> : null}
      {loading && !data ? <Spinner size="small" label="Loading promises…" /> : null}
      {data && items.length === 0 ? <Text size={200}>No open promises. When you tell someone “I'll get back to you”, add it here.</Text> : null}
      {sortPromises(items).map((p) => (
        <PromiseCard
          key={p.id}
          promise={p}
          api={api}
          timeZone={timeZone}
          onUpdated={(next) => setItems((list) => list.map((x) => (x.id === next.id ? next : x)))}
          onDone={(id) => setItems((list) => list.filter((x) => x.id !== id))}
          onUnauthorized={onUnauthorized}
          announce={announce}
        />
      ))}
    </section>
  );
}

function PromiseCard({ promise: p, api, timeZone, onUpdated, onDone, onUnauthorized, announce }: { promise: PromiseItem; api: PromisesApi; timeZone: string; onUpdated(p: PromiseItem): void; onDone(id: string): void; onUnauthorized(): void; announce(text: string): void }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const now = new Date();
  const who = p.person.displayName || p.person.email;
  const channel = normaliseChannel(p.preferredChannel);
  const snoozed = p.state === "snoozed" && p.snoozedUntil;

  const run = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setNotice(undefined);
    try {
      await action();
    } catch (e) {
      const failure = failureOf(e);
      if (failure.kind === "unauthorized") onUnauthorized();
      // 409 after done: it was kept elsewhere, which is what the user wanted.
      else if (failure.kind === "problem" && failure.status === 409) onDone(p.id);
      else setNotice(noticeFor(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className={shared.card} aria-labelledby={titleId} data-testid="promise-row" data-promise-id={p.id}>
      <div className={styles.who}>
        <h3 id={titleId} className={styles.name}>
          {who}
        </h3>
        {p.overdue ? (
          <Badge appearance="filled" color="danger" shape="rounded">
            Overdue
          </Badge>
        ) : snoozed ? (
          <Badge appearance="tint" color="subtle" shape="rounded">
            Snoozed
          </Badge>
        ) : null}
      </div>
      <Text size={200} className={styles.text}>
        You promised: {p.text}
      </Text>
      <Caption1 className={shared.meta}>
        {snoozed ? "Snoozed until " : "Due "}
        <time dateTime={snoozed ? p.snoozedUntil! : p.dueAt}>{formatDueTime(new Date(snoozed ? p.snoozedUntil! : p.dueAt), timeZone, now)}</time>
        {p.eventSubject ? ` · Promised at ${p.eventSubject}` : ""}
        {channel ? ` · Prefers ${channelName(channel)}` : ""}
      </Caption1>
      {notice ? <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} /> : null}
      <div className={styles.actions}>
        <Button
          size="small"
          appearance="primary"
          disabled={busy}
          aria-label={`Done: ${p.text} (${who})`}
          onClick={() =>
            void run(async () => {
              await api.done(p.id);
              onDone(p.id);
              announce(`Kept your promise to ${who}.`);
            })
          }
        >
          Done
        </Button>
        <SnoozeButton
          about={`${p.text} (${who})`}
          appearance="secondary"
          choices={snoozeChoices(now, timeZone)}
          disabled={busy}
          onChoose={(choice) =>
            void run(async () => {
              onUpdated(await api.snooze(p.id, choice.until));
              announce(`Snoozed until ${choice.detail}.`);
            })
          }
        />
      </div>
    </article>
  );
}

function AddPromiseForm({ api, timeZone, onAdded, onCancel, onUnauthorized }: { api: PromisesApi; timeZone: string; onAdded(p: PromiseItem): void; onCancel(): void; onUnauthorized(): void }) {
  const [form, setForm] = useState<PromiseForm>(() => emptyPromiseForm(new Date(), timeZone));
  const [errors, setErrors] = useState<PromiseFormErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<PromiseForm>): void => setForm((f) => ({ ...f, ...patch }));
  const error = (field: PromiseField) => ({ validationMessage: errors[field], validationState: errors[field] ? ("error" as const) : ("none" as const) });

  const submit = async (): Promise<void> => {
    const found = validatePromiseForm(form, timeZone, new Date());
    setErrors(found);
    setGeneral([]);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onAdded(await api.create(buildPromiseRequest(form, timeZone)));
    } catch (e) {
      const failure = failureOf(e);
      if (failure.kind === "unauthorized") onUnauthorized();
      else if (failure.kind === "problem" && failure.fieldErrors) {
        const mapped = mapPromiseErrors(failure.fieldErrors);
        setErrors(mapped.fields);
        setGeneral(mapped.general);
      } else setGeneral([noticeFor(failure).title, ...noticeFor(failure).messages]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <InlineForm label="Add a promise" onSubmit={() => void submit()} onCancel={onCancel}>
      {general.length > 0 ? (
        <MessageBar intent="error">
          <MessageBarBody>{general.join(" ")}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label="Their email" required {...error("email")}>
        <Input type="email" value={form.email} onChange={(_, d) => set({ email: d.value })} autoComplete="off" />
      </Field>
      <Field label="Their name" {...error("name")}>
        <Input value={form.name} onChange={(_, d) => set({ name: d.value })} autoComplete="off" />
      </Field>
      <Field label="What you promised" required {...error("text")}>
        <Textarea value={form.text} maxLength={promiseTextMaxLength} resize="vertical" onChange={(_, d) => set({ text: d.value })} />
      </Field>
      <Field label="By when" required hint={`In your mailbox's time zone (${timeZone}).`} {...error("due")}>
        <Input type="datetime-local" value={form.due} onChange={(_, d) => set({ due: d.value })} />
      </Field>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button type="submit" size="small" appearance="primary" disabled={busy} icon={busy ? <Spinner size="extra-tiny" /> : undefined}>
          Add promise
        </Button>
        <Button size="small" disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </InlineForm>
  );
}
