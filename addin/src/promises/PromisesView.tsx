import { useId, useState } from "react";
import { Badge, Button, Caption1, Field, Input, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useClient } from "../api/ApiContext";
import { useAction } from "../api/useAction";
import { ChannelSelect } from "../people/ChannelSelect";
import { channelName, normaliseChannel, type Channel } from "../people/person";
import { formatDueTime } from "../time/formatDue";
import { snoozeChoices } from "../time/snoozeChoices";
import { browserTimeZone } from "../time/zonedTime";
import { CardTitle } from "../ui/CardTitle";
import { fieldState } from "../ui/forms";
import { InlineForm } from "../ui/InlineForm";
import { LoadState } from "../ui/LoadState";
import { noticeFor, noticeText, type Notice } from "../ui/notice";
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
  text: { overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
});

export interface PromisesViewProps {
  refreshKey: unknown;
  announce(text: string): void;
}

/** Promises made to people: what, to whom, by when, in their preferred channel; done or snooze. */
export function PromisesView({ refreshKey, announce }: PromisesViewProps) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const titleId = useId();
  const api = useClient(createPromisesApi);
  const loaded = useLoad((signal) => api.list(signal), refreshKey);
  const { data, update } = loaded;
  const [adding, setAdding] = useState(false);
  const items = data?.items ?? [];
  const timeZone = data?.timeZone ?? browserTimeZone();
  const setItems = (change: (items: PromiseItem[]) => PromiseItem[]): void => update((list) => ({ ...list, items: change(list.items) }));

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
              loaded.retry();
            }}
            onCancel={() => setAdding(false)}
          />
        </div>
      ) : null}
      <LoadState {...loaded} what="promises" label="Loading promises…" size="small" />
      {data && items.length === 0 ? <Text size={200}>No open promises. When you tell someone “I'll get back to you”, add it here.</Text> : null}
      {sortPromises(items).map((p) => (
        <PromiseCard
          key={p.id}
          promise={p}
          api={api}
          timeZone={timeZone}
          onUpdated={(next) => setItems((list) => list.map((x) => (x.id === next.id ? next : x)))}
          onDone={(id) => setItems((list) => list.filter((x) => x.id !== id))}
          announce={announce}
        />
      ))}
    </section>
  );
}

function PromiseCard({ promise: p, api, timeZone, onUpdated, onDone, announce }: { promise: PromiseItem; api: PromisesApi; timeZone: string; onUpdated(p: PromiseItem): void; onDone(id: string): void; announce(text: string): void }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const titleId = useId();
  const { busy, run: attempt } = useAction();
  const [notice, setNotice] = useState<Notice>();
  const now = new Date();
  const who = p.person.displayName || p.person.email;
  const channel = normaliseChannel(p.preferredChannel);
  const keptBy = normaliseChannel(p.channel);
  const snoozed = p.state === "snoozed" && p.snoozedUntil;

  const run = (action: () => Promise<void>): void => {
    setNotice(undefined);
    // 409 after done: it was kept elsewhere, which is what the user wanted.
    void attempt(action, (failure) => (failure.kind === "problem" && failure.status === 409 ? onDone(p.id) : setNotice(noticeFor(failure))));
  };

  return (
    <article className={shared.card} aria-labelledby={titleId} data-testid="promise-row" data-promise-id={p.id}>
      <CardTitle
        id={titleId}
        badge={
          p.overdue ? (
            <Badge appearance="filled" color="danger" shape="rounded">
              Overdue
            </Badge>
          ) : snoozed ? (
            <Badge appearance="tint" color="subtle" shape="rounded">
              Snoozed
            </Badge>
          ) : null
        }
      >
        {who}
      </CardTitle>
      <Text size={200} className={styles.text}>
        You promised: {p.text}
      </Text>
      <Caption1 className={shared.meta}>
        {snoozed ? "Snoozed until " : "Due "}
        <time dateTime={snoozed ? p.snoozedUntil! : p.dueAt}>{formatDueTime(new Date(snoozed ? p.snoozedUntil! : p.dueAt), timeZone, now)}</time>
        {p.eventSubject ? ` · Promised at ${p.eventSubject}` : ""}
        {keptBy === "email" ? " · By email: sending them mail keeps it" : keptBy ? ` · By ${channelName(keptBy)}` : ""}
        {channel ? ` · Prefers ${channelName(channel)}` : ""}
      </Caption1>
      {notice ? <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} /> : null}
      <div className={shared.actions}>
        <Button
          size="small"
          appearance="primary"
          disabled={busy}
          aria-label={`Done: ${p.text} (${who})`}
          onClick={() =>
            run(async () => {
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
            run(async () => {
              onUpdated(await api.snooze(p.id, choice.until));
              announce(`Snoozed until ${choice.detail}.`);
            })
          }
        />
      </div>
    </article>
  );
}

function AddPromiseForm({ api, timeZone, onAdded, onCancel }: { api: PromisesApi; timeZone: string; onAdded(p: PromiseItem): void; onCancel(): void }) {
  const [form, setForm] = useState<PromiseForm>(() => emptyPromiseForm(new Date(), timeZone));
  const [errors, setErrors] = useState<PromiseFormErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const { busy, run } = useAction();
  const set = (patch: Partial<PromiseForm>): void => setForm((f) => ({ ...f, ...patch }));
  const error = (field: PromiseField) => fieldState(errors[field]);

  const submit = (): void => {
    const found = validatePromiseForm(form, timeZone, new Date());
    setErrors(found);
    setGeneral([]);
    if (Object.keys(found).length > 0) return;
    void run(
      async () => onAdded(await api.create(buildPromiseRequest(form, timeZone))),
      (failure) => {
        if (failure.kind !== "problem" || !failure.fieldErrors) return setGeneral([noticeText(failure)]);
        const mapped = mapPromiseErrors(failure.fieldErrors);
        setErrors(mapped.fields);
        setGeneral(mapped.general);
      },
    );
  };

  return (
    <InlineForm label="Add a promise" submit="Add promise" busy={busy} error={general.join(" ")} onSubmit={submit} onCancel={onCancel}>
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
      <Field label="How you'll keep it" hint="By email: the mail you send them marks it kept by itself." {...error("channel")}>
        <ChannelSelect value={form.channel} emptyLabel="Not said" onChange={(channel) => set({ channel })} />
      </Field>
    </InlineForm>
  );
}
