import { Suspense, lazy, useId, useState } from "react";
import { Badge, Button, Caption1, Field, Input, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Eye20Regular, MailEdit20Regular } from "@fluentui/react-icons";
import { useClient } from "../api/ApiContext";
import { useAction } from "../api/useAction";
import type { OfficeHost } from "../office/officeHost";
import { channelName, normaliseChannel } from "../people/person";
import { CardTitle } from "../ui/CardTitle";
import { fieldState } from "../ui/forms";
import { InlineForm } from "../ui/InlineForm";
import { LoadState } from "../ui/LoadState";
import { noticeText } from "../ui/notice";
import { useSharedStyles } from "../ui/styles";
import { TextWithEmails } from "../ui/TextWithEmails";
import { useLoad } from "../ui/useLoad";
import { createKeepInTouchApi, type KeepInTouchApi } from "./api";
import {
  birthdayAction,
  birthdayDraftPath,
  birthdayDraftText,
  birthdayText,
  buildCadenceRequest,
  cadenceFormFor,
  lastTouchText,
  mapCadenceErrors,
  noneOverdueText,
  maxCadenceDays,
  minCadenceDays,
  overdueText,
  tierLabel,
  tierOptions,
  validateCadenceForm,
  type CadenceForm,
  type CadenceFormErrors,
} from "./cadence";
import type { Birthday, OverdueTouch, Tier } from "./model";

const DraftPreview = lazy(() => import("../drafts/DraftPreview").then((m) => ({ default: m.DraftPreview })));

const useStyles = makeStyles({
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  draftState: { alignSelf: "flex-start" },
});

export interface KeepInTouchViewProps {
  refreshKey: unknown;
  announce(text: string): void;
  /** Inside Outlook, a birthday's draft opens in Outlook's own form. */
  office?: OfficeHost;
}

/** Who is overdue for a meeting or a follow-up (with their tier and cadence, editable), and birthdays coming up. */
export function KeepInTouchView({ refreshKey, announce, office }: KeepInTouchViewProps) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const overdueId = useId();
  const birthdaysId = useId();
  const api = useClient(createKeepInTouchApi);
  const loaded = useLoad((signal) => api.list(signal), refreshKey);
  const { data } = loaded;
  const timeZone = data?.timeZone ?? "UTC";

  return (
    <div className={shared.view} data-testid="keep-in-touch">
      <LoadState {...loaded} what="keep-in-touch reminders" label="Loading keep-in-touch reminders…" size="small" />

      <section className={shared.view} aria-labelledby={overdueId}>
        <h2 id={overdueId} className={styles.title}>
          Overdue to be in touch
        </h2>
        {data && data.overdue.length === 0 ? (
          <Text size={200} data-testid="keep-in-touch-none">
            {noneOverdueText(data)}
          </Text>
        ) : null}
        {data?.overdue.map((o) => (
          <TouchCard
            key={o.person.email}
            touch={o}
            api={api}
            timeZone={timeZone}
            onSaved={(tier, days) => {
              announce(`${o.person.displayName || o.person.email}: ${tierLabel(tier)}, ${days === null ? "the tier's cadence" : `every ${days} days`}.`);
              loaded.retry();
            }}
          />
        ))}
      </section>

      <section className={shared.view} aria-labelledby={birthdaysId}>
        <h2 id={birthdaysId} className={styles.title}>
          Birthdays
        </h2>
        {data && data.birthdays.length === 0 ? <Text size={200}>No birthdays coming up. Birthdays come from your Outlook contacts.</Text> : null}
        {data?.birthdays.map((b) => (
          <BirthdayCard key={`${b.email ?? b.displayName}:${b.date}`} birthday={b} api={api} timeZone={timeZone} office={office} announce={announce} onChanged={loaded.retry} />
        ))}
      </section>
    </div>
  );
}

/** A birthday: the reminder, and the draft waiting in Drafts (preview, open in Outlook) or the wish already sent; "Skip this year" and its undo. */
function BirthdayCard({
  birthday: shown,
  api,
  timeZone,
  office,
  announce,
  onChanged,
}: {
  birthday: Birthday;
  api: KeepInTouchApi;
  timeZone: string;
  office?: OfficeHost;
  announce(text: string): void;
  onChanged(): void;
}) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const [previewOpen, setPreviewOpen] = useState(false);
  // The worker's answer to a skip or an undo shows at once; the list is then read again.
  const [updated, setUpdated] = useState<{ from: Birthday; to: Birthday }>();
  const b = updated?.from === shown ? { ...shown, ...updated.to } : shown;
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useAction();
  const action = birthdayAction(b);
  const decide = (which: "skip" | "undo"): void => {
    const id = b.id;
    if (!id) return;
    setProblem(undefined);
    void run(
      async () => {
        setUpdated({ from: shown, to: await (which === "skip" ? api.skipBirthday(id) : api.reopenBirthday(id)) });
        announce(which === "skip" ? `Skipped this year: ${b.displayName}'s birthday.` : `Undone: ${b.displayName}'s birthday is back on Today.`);
        onChanged();
      },
      (failure) => setProblem(noticeText(failure)),
    );
  };
  const channel = normaliseChannel(b.preferredChannel);
  const draftText = birthdayDraftText(b.draft, timeZone);
  const previewPath = birthdayDraftPath(b.draft);
  const inOutlook = office?.inOutlook ?? false;
  const about = `Birthday note for ${b.displayName}`;
  const openInOutlook = (): void => {
    if (b.draft?.draftId && !office?.openDraft(b.draft.draftId)) announce("Open Outlook to edit the draft: it is in your Drafts folder.");
  };
  return (
    <article className={shared.card} aria-label={`${b.displayName}'s birthday`} data-testid="birthday-row">
      <CardTitle
        badge={
          b.daysAway <= 1 ? (
            <Badge appearance="tint" color="warning" shape="rounded">
              {b.daysAway <= 0 ? "Today" : "Tomorrow"}
            </Badge>
          ) : null
        }
      >
        {b.displayName}
      </CardTitle>
      <Text size={200}>{birthdayText(b)}</Text>
      {channel || b.email ? (
        <Caption1 className={shared.meta}>
          <TextWithEmails text={[b.email, channel ? `Prefers ${channelName(channel)}` : undefined].filter(Boolean).join(" · ")} />
        </Caption1>
      ) : null}
      {draftText ? (
        <Badge className={styles.draftState} appearance="tint" color={b.draft?.state === "preparing" ? "informative" : "success"} shape="rounded" data-testid="birthday-draft-state">
          {draftText}
        </Badge>
      ) : null}
      {previewPath ? (
        <div className={shared.actions}>
          <Button size="small" icon={<Eye20Regular />} aria-expanded={previewOpen} aria-label={`Preview draft: ${about}`} onClick={() => setPreviewOpen((open) => !open)}>
            {previewOpen ? "Hide preview" : "Preview"}
          </Button>
          {inOutlook ? (
            <Button size="small" appearance="primary" icon={<MailEdit20Regular />} aria-label={`Open in Outlook: ${about}`} onClick={openInOutlook}>
              Open in Outlook
            </Button>
          ) : null}
        </div>
      ) : null}
      {action ? (
        <div className={shared.actions}>
          {action === "skip" ? (
            <Button size="small" appearance="subtle" disabled={busy} aria-label={`Skip this year: ${b.displayName}'s birthday`} onClick={() => decide("skip")}>
              Skip this year
            </Button>
          ) : (
            <Button size="small" disabled={busy} aria-label={`Undo skip: ${b.displayName}'s birthday`} onClick={() => decide("undo")}>
              Undo
            </Button>
          )}
        </div>
      ) : null}
      {problem ? (
        <Text size={200} role="alert">
          {problem}
        </Text>
      ) : null}
      {previewPath && previewOpen ? (
        <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
          <DraftPreview path={previewPath} about={about} inOutlook={inOutlook} onOpenInOutlook={openInOutlook} />
        </Suspense>
      ) : null}
    </article>
  );
}

function TouchCard({ touch: o, api, timeZone, onSaved }: { touch: OverdueTouch; api: KeepInTouchApi; timeZone: string; onSaved(tier: Tier, days: number | null): void }) {
  const shared = useSharedStyles();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const who = o.person.displayName || o.person.email;
  const channel = normaliseChannel(o.preferredChannel);
  return (
    <article className={shared.card} aria-labelledby={titleId} data-testid="touch-row" data-email={o.person.email}>
      <CardTitle
        id={titleId}
        badge={
          <Badge appearance={o.daysOverdue >= o.cadenceDays ? "filled" : "tint"} color="danger" shape="rounded">
            {overdueText(o.daysOverdue)}
          </Badge>
        }
      >
        {who}
      </CardTitle>
      <Caption1 className={shared.meta}>
        {tierLabel(o.tier)} · every {o.cadenceDays} days · {lastTouchText(o.lastTouch, timeZone)}
      </Caption1>
      <Text size={200}>{channel ? `Reach out by ${channelName(channel)}` : <TextWithEmails text={`Reach out: ${o.person.email}`} />}</Text>
      {editing ? (
        <CadenceEditor
          touch={o}
          api={api}
          onCancel={() => setEditing(false)}
          onSaved={(tier, days) => {
            setEditing(false);
            onSaved(tier, days);
          }}
        />
      ) : (
        <div className={shared.actions}>
          <Button size="small" onClick={() => setEditing(true)} aria-label={`Change how often to be in touch with ${who}`}>
            Change cadence
          </Button>
        </div>
      )}
    </article>
  );
}

function CadenceEditor({ touch, api, onSaved, onCancel }: { touch: OverdueTouch; api: KeepInTouchApi; onSaved(tier: Tier, days: number | null): void; onCancel(): void }) {
  const [form, setForm] = useState<CadenceForm>(() => cadenceFormFor(touch));
  const [errors, setErrors] = useState<CadenceFormErrors>({});
  const { busy, run } = useAction();
  const who = touch.person.displayName || touch.person.email;

  const submit = (): void => {
    const found = validateCadenceForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const request = buildCadenceRequest(form, touch.person.displayName);
    void run(
      async () => {
        await api.setCadence(touch.person.email, request);
        onSaved(form.tier, request.cadenceDays ?? null);
      },
      (failure) => setErrors(failure.kind === "problem" && failure.fieldErrors ? mapCadenceErrors(failure.fieldErrors) : { email: noticeText(failure) }),
    );
  };

  return (
    <InlineForm label={`How often to be in touch with ${who}`} submit="Save" busy={busy} onSubmit={submit} onCancel={onCancel}>
      {errors.email ? (
        <Text size={200} role="alert">
          {errors.email}
        </Text>
      ) : null}
      <Field label="Tier" {...fieldState(errors.tier)}>
        <Select value={form.tier} onChange={(_, d) => setForm((f) => ({ ...f, tier: d.value as Tier }))}>
          {tierOptions.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Every how many days" hint={`${minCadenceDays}–${maxCadenceDays}; blank for the tier's default.`} {...fieldState(errors.cadenceDays)}>
        <Input type="number" min={minCadenceDays} max={maxCadenceDays} value={form.cadenceDays} onChange={(_, d) => setForm((f) => ({ ...f, cadenceDays: d.value }))} />
      </Field>
    </InlineForm>
  );
}
