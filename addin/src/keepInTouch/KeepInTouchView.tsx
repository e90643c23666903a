import { useCallback, useId, useMemo, useState } from "react";
import { Badge, Button, Caption1, Field, Input, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ApiCall } from "../api/client";
import { channelName, normaliseChannel } from "../people/person";
import { failureOf } from "../api/client";
import { InlineForm } from "../today/InlineForm";
import { noticeFor } from "../ui/notice";
import { NoticeBar } from "../ui/NoticeBar";
import { useSharedStyles } from "../ui/styles";
import { useLoad } from "../ui/useLoad";
import { createKeepInTouchApi, type KeepInTouchApi } from "./api";
import {
  birthdayText,
  buildCadenceRequest,
  cadenceFormFor,
  lastTouchText,
  mapCadenceErrors,
  maxCadenceDays,
  minCadenceDays,
  overdueText,
  tierLabel,
  tierOptions,
  validateCadenceForm,
  type CadenceForm,
  type CadenceFormErrors,
} from "./cadence";
import type { OverdueTouch, Tier } from "./model";

const useStyles = makeStyles({
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  who: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  name: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", flexGrow: 1 },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

export interface KeepInTouchViewProps {
  call: ApiCall;
  refreshKey: unknown;
  onUnauthorized(): void;
  announce(text: string): void;
}

/** Who is overdue for a meeting or a follow-up (with their tier and cadence, editable), and birthdays coming up. */
export function KeepInTouchView({ call, refreshKey, onUnauthorized, announce }: KeepInTouchViewProps) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const overdueId = useId();
  const birthdaysId = useId();
  const api = useMemo(() => createKeepInTouchApi(call), [call]);
  const [attempt, setAttempt] = useState(0);
  const load = useCallback((signal: AbortSignal) => api.list(signal), [api]);
  const { data, failure, loading, retry } = useLoad(load, `${String(refreshKey)}:${attempt}`, onUnauthorized);
  const timeZone = data?.timeZone ?? "UTC";

  return (
    <div className={shared.view} data-testid="keep-in-touch">
      {failure ? <NoticeBar notice={noticeFor(failure, "keep-in-touch reminders")} onRetry={retry} /> : null}
      {loading && !data ? <Spinner size="small" label="Loading keep-in-touch reminders…" /> : null}

      <section className={shared.view} aria-labelledby={overdueId}>
        <h2 id={overdueId} className={styles.title}>
          Overdue to be in touch
        </h2>
        {data && data.overdue.length === 0 ? <Text size={200}>Nobody is overdue. Everyone has heard from you inside their cadence.</Text> : null}
        {data?.overdue.map((o) => (
          <TouchCard
            key={o.person.email}
            touch={o}
            api={api}
            timeZone={timeZone}
            onSaved={(tier, days) => {
              announce(`${o.person.displayName || o.person.email}: ${tierLabel(tier)}, ${days === null ? "the tier's cadence" : `every ${days} days`}.`);
              setAttempt((n) => n + 1);
            }}
            onUnauthorized={onUnauthorized}
          />
        ))}
      </section>

      <section className={shared.view} aria-labelledby={birthdaysId}>
        <h2 id={birthdaysId} className={styles.title}>
          Birthdays
        </h2>
        {data && data.birthdays.length === 0 ? <Text size={200}>No birthdays coming up. Birthdays come from your Outlook contacts.</Text> : null}
        {data?.birthdays.map((b) => {
          const channel = normaliseChannel(b.preferredChannel);
          return (
            <article key={`${b.email ?? b.displayName}:${b.date}`} className={shared.card} aria-label={`${b.displayName}'s birthday`} data-testid="birthday-row">
              <div className={styles.who}>
                <h3 className={styles.name}>{b.displayName}</h3>
                {b.daysAway <= 1 ? (
                  <Badge appearance="tint" color="warning" shape="rounded">
                    {b.daysAway <= 0 ? "Today" : "Tomorrow"}
                  </Badge>
                ) : null}
              </div>
              <Text size={200}>{birthdayText(b)}</Text>
              {channel || b.email ? <Caption1 className={shared.meta}>{[b.email, channel ? `Prefers ${channelName(channel)}` : undefined].filter(Boolean).join(" · ")}</Caption1> : null}
            </article>
          );
        })}
      </section>
    </div>
  );
}

function TouchCard({ touch: o, api, timeZone, onSaved, onUnauthorized }: { touch: OverdueTouch; api: KeepInTouchApi; timeZone: string; onSaved(tier: Tier, days: number | null): void; onUnauthorized(): void }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const who = o.person.displayName || o.person.email;
  const channel = normaliseChannel(o.preferredChannel);
  return (
    <article className={shared.card} aria-labelledby={titleId} data-testid="touch-row" data-email={o.person.email}>
      <div className={styles.who}>
        <h3 id={titleId} className={styles.name}>
          {who}
        </h3>
        <Badge appearance={o.daysOverdue >= o.cadenceDays ? "filled" : "tint"} color="danger" shape="rounded">
          {overdueText(o.daysOverdue)}
        </Badge>
      </div>
      <Caption1 className={shared.meta}>
        {tierLabel(o.tier)} · every {o.cadenceDays} days · {lastTouchText(o.lastTouch, timeZone)}
      </Caption1>
      <Text size={200}>{channel ? `Reach out by ${channelName(channel)}` : `Reach out: ${o.person.email}`}</Text>
      {editing ? (
        <CadenceEditor
          touch={o}
          api={api}
          onCancel={() => setEditing(false)}
          onSaved={(tier, days) => {
            setEditing(false);
            onSaved(tier, days);
          }}
          onUnauthorized={onUnauthorized}
        />
      ) : (
        <div className={styles.actions}>
          <Button size="small" onClick={() => setEditing(true)} aria-label={`Change how often to be in touch with ${who}`}>
            Change cadence
          </Button>
        </div>
      )}
    </article>
  );
}

function CadenceEditor({ touch, api, onSaved, onCancel, onUnauthorized }: { touch: OverdueTouch; api: KeepInTouchApi; onSaved(tier: Tier, days: number | null): void; onCancel(): void; onUnauthorized(): void }) {
  const [form, setForm] = useState<CadenceForm>(() => cadenceFormFor(touch));
  const [errors, setErrors] = useState<CadenceFormErrors>({});
  const [busy, setBusy] = useState(false);
  const who = touch.person.displayName || touch.person.email;

  const submit = async (): Promise<void> => {
    const found = validateCadenceForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const request = buildCadenceRequest(form, touch.person.displayName);
      await api.setCadence(touch.person.email, request);
      onSaved(form.tier, request.cadenceDays ?? null);
    } catch (e) {
      const failure = failureOf(e);
      if (failure.kind === "unauthorized") onUnauthorized();
      else if (failure.kind === "problem" && failure.fieldErrors) setErrors(mapCadenceErrors(failure.fieldErrors));
      else setErrors({ email: [noticeFor(failure).title, ...noticeFor(failure).messages].join(" ") });
    } finally {
      setBusy(false);
    }
  };

  return (
    <InlineForm label={`How often to be in touch with ${who}`} onSubmit={() => void submit()} onCancel={onCancel}>
      {errors.email ? (
        <Text size={200} role="alert">
          {errors.email}
        </Text>
      ) : null}
      <Field label="Tier" validationMessage={errors.tier} validationState={errors.tier ? "error" : "none"}>
        <Select value={form.tier} onChange={(_, d) => setForm((f) => ({ ...f, tier: d.value as Tier }))}>
          {tierOptions.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Every how many days"
        hint={`${minCadenceDays}–${maxCadenceDays}; blank for the tier's default.`}
        validationMessage={errors.cadenceDays}
        validationState={errors.cadenceDays ? "error" : "none"}
      >
        <Input type="number" min={minCadenceDays} max={maxCadenceDays} value={form.cadenceDays} onChange={(_, d) => setForm((f) => ({ ...f, cadenceDays: d.value }))} />
      </Field>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button type="submit" size="small" appearance="primary" disabled={busy} icon={busy ? <Spinner size="extra-tiny" /> : undefined}>
          Save
        </Button>
        <Button size="small" disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </InlineForm>
  );
}
