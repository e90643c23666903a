import { useEffect, useState, type FormEvent } from "react";
import { Button, Field, Input, Spinner, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { ApiError, type ApiCall, type ApiFailure } from "../api/client";
import { noticeFor, type Notice } from "../ui/notice";
import { NoticeBar } from "../ui/NoticeBar";
import { useLoad } from "../ui/useLoad";
import type { Settings } from "./model";
import { checkSettings, errorsFromServer, formFrom, limits, type SettingsErrors, type SettingsField, type SettingsForm } from "./settingsForm";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  group: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

function fieldState(message: string | undefined): { validationMessage?: string; validationState: "error" | "none" } {
  return message ? { validationMessage: message, validationState: "error" } : { validationState: "none" };
}

export interface SettingsViewProps {
  call: ApiCall;
  onUnauthorized(): void;
  /** After a save: the Today list may change (new keywords make new prompts). */
  onSaved?(): void;
}

export function SettingsView({ call, onUnauthorized, onSaved }: SettingsViewProps) {
  const styles = useStyles();
  const { data, failure, loading, retry } = useLoad((signal) => call<Settings>("GET", "/api/settings", undefined, signal), "settings", onUnauthorized);
  const [saved, setSaved] = useState<Settings>();
  const [form, setForm] = useState<SettingsForm>();
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [notice, setNotice] = useState<Notice>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (data) {
      setSaved(data);
      setForm(formFrom(data));
    }
  }, [data]);

  if (failure) return <NoticeBar notice={noticeFor(failure, "settings")} onRetry={retry} />;
  if (!form) return loading ? <Spinner label="Loading settings…" /> : null;

  const set = (field: SettingsField) => (_: unknown, d: { value: string }) => {
    setForm({ ...form, [field]: d.value });
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSettings(form);
    setNotice(undefined);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const stored = await call<Settings>("PUT", "/api/settings", checked.settings);
      setSaved(stored);
      setForm(formFrom(stored));
      setNotice({ intent: "success", title: "Settings saved", messages: [] });
      onSaved?.();
    } catch (error: unknown) {
      const f: ApiFailure = error instanceof ApiError ? error.failure : { kind: "unreachable", detail: String(error) };
      if (f.kind === "unauthorized") return onUnauthorized();
      if (f.kind === "problem" && f.fieldErrors) {
        const mapped = errorsFromServer(f.fieldErrors, checked.settings);
        setErrors(mapped.errors);
        if (mapped.general.length > 0) setNotice({ intent: "error", title: f.title, messages: mapped.general });
      } else {
        setNotice({ ...noticeFor(f), title: f.kind === "problem" ? `Not saved: ${f.title}` : "Not saved: the worker is not reachable" });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void save(e)} noValidate data-testid="settings" aria-label="Settings">
      {notice ? <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} /> : null}
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Networking events</legend>
        <Field label="Outlook category" hint="Events with this category are networking events." {...fieldState(errors.networkingCategory)}>
          <Input value={form.networkingCategory} maxLength={limits.categoryLength} onChange={set("networkingCategory")} disabled={saving} />
        </Field>
        <Field label="Subject keywords" hint={`One per line, up to ${limits.maxKeywords}; whole words, any case.`} {...fieldState(errors.keywords)}>
          <Textarea value={form.keywords} rows={5} resize="vertical" onChange={set("keywords")} disabled={saving} />
        </Field>
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>One-to-one holds</legend>
        <Field label="Meeting length (minutes)" hint={`${limits.meetingLength.min}–${limits.meetingLength.max}`} {...fieldState(errors.meetingLength)}>
          <Input type="number" inputMode="numeric" min={limits.meetingLength.min} max={limits.meetingLength.max} value={form.meetingLength} onChange={set("meetingLength")} disabled={saving} />
        </Field>
        <Field label="Free time around it (minutes)" hint={`${limits.meetingBuffer.min}–${limits.meetingBuffer.max}`} {...fieldState(errors.meetingBuffer)}>
          <Input type="number" inputMode="numeric" min={limits.meetingBuffer.min} max={limits.meetingBuffer.max} value={form.meetingBuffer} onChange={set("meetingBuffer")} disabled={saving} />
        </Field>
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Notes</legend>
        <Field label="Signature" hint="How thank-you and referral notes are signed; empty uses your first name." {...fieldState(errors.signature)}>
          <Input value={form.signature} onChange={set("signature")} disabled={saving} />
        </Field>
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Keep in touch every (days)</legend>
        <Field label="Referral partners" {...fieldState(errors.referralPartner)}>
          <Input type="number" inputMode="numeric" min={limits.cadence.min} max={limits.cadence.max} value={form.referralPartner} onChange={set("referralPartner")} disabled={saving} />
        </Field>
        <Field label="Inner circle" {...fieldState(errors.innerCircle)}>
          <Input type="number" inputMode="numeric" min={limits.cadence.min} max={limits.cadence.max} value={form.innerCircle} onChange={set("innerCircle")} disabled={saving} />
        </Field>
        <Field label="Everyone else" {...fieldState(errors.other)}>
          <Input type="number" inputMode="numeric" min={limits.cadence.min} max={limits.cadence.max} value={form.other} onChange={set("other")} disabled={saving} />
        </Field>
      </fieldset>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
          Save
        </Button>
        <Button
          type="button"
          disabled={saving || !saved}
          onClick={() => {
            if (saved) setForm(formFrom(saved));
            setErrors({});
            setNotice(undefined);
          }}
        >
          Undo changes
        </Button>
      </div>
    </form>
  );
}
