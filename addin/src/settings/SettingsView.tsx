import { useState, type FormEvent } from "react";
import { Button, Field, Input, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useApi } from "../api/ApiContext";
import { useAction } from "../api/useAction";
import { fieldState, useFormStyles } from "../ui/forms";
import { LoadState } from "../ui/LoadState";
import { noticeFor, type Notice } from "../ui/notice";
import { NoticeBar } from "../ui/NoticeBar";
import { useLoad } from "../ui/useLoad";
import { DraftWordingView } from "../templates/DraftWordingView";
import type { Settings } from "./model";
import { failureOf, type ApiCall } from "../api/client";
import { changedElsewhereMessages, checkSettings, errorsFromServer, formFrom, limits, rebase, type SettingsErrors, type SettingsField, type SettingsForm } from "./settingsForm";
import { BusySpinner } from "../ui/BusySpinner";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export interface SettingsViewProps {
  /** After a save: the Today list may change (new keywords make new prompts). */
  onSaved?(): void;
}

/** The saved settings and their ETag (none before the mailbox is connected), which a save sends back as If-Match. */
interface Versioned {
  settings: Settings;
  etag: string | undefined;
}

async function readSettings(call: ApiCall, signal?: AbortSignal): Promise<Versioned> {
  let etag: string | undefined;
  const settings = await call<Settings>("GET", "/api/settings", undefined, signal, { onETag: (tag) => (etag = tag) });
  return { settings, etag };
}

export function SettingsView({ onSaved }: SettingsViewProps) {
  const { call } = useApi();
  const loaded = useLoad((signal) => readSettings(call, signal), "settings");
  // Draft wording is a page of its own inside Settings; the settings form stays mounted (hidden) so nothing typed is lost.
  const [wording, setWording] = useState(false);
  return (
    <>
      <div hidden={wording}>
        <LoadState {...loaded} what="settings" label="Loading settings…">
          {(data) => <SettingsEditor loaded={data} onSaved={onSaved} onEditWording={() => setWording(true)} />}
        </LoadState>
      </div>
      {wording ? (
        <DraftWordingView
          onBack={() => {
            setWording(false);
            requestAnimationFrame(() => document.getElementById("edit-draft-wording")?.focus());
          }}
        />
      ) : null}
    </>
  );
}

function SettingsEditor({ loaded, onSaved, onEditWording }: { loaded: Versioned; onSaved?(): void; onEditWording(): void }) {
  const styles = useStyles();
  const forms = useFormStyles();
  const { call } = useApi();
  const [saved, setSaved] = useState(loaded.settings);
  const [etag, setEtag] = useState(loaded.etag);
  const [form, setForm] = useState<SettingsForm>(() => formFrom(loaded.settings));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [notice, setNotice] = useState<Notice>();
  const { busy: saving, run } = useAction();

  const set = (field: SettingsField) => (_: unknown, d: { value: string }) => {
    setForm({ ...form, [field]: d.value });
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  // Saved elsewhere since this form was loaded (another Outlook window, a teammate's process): read what is saved now
  // and put what the user changed on top, so a second Save sends their changes against the new version.
  const takeChangedElsewhere = async () => {
    const fresh = await readSettings(call);
    const theirs = formFrom(fresh.settings);
    const rebased = rebase(formFrom(saved), form, theirs);
    setSaved(fresh.settings);
    setEtag(fresh.etag);
    setForm(rebased.form);
    setNotice({ intent: "warning", title: "Not saved: your settings were changed elsewhere", messages: changedElsewhereMessages(rebased, theirs) });
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
    await run(
      async () => {
        let next: string | undefined;
        let stored: Settings;
        try {
          stored = await call<Settings>("PUT", "/api/settings", checked.settings, undefined, { ifMatch: etag, onETag: (tag) => (next = tag) });
        } catch (error) {
          const f = failureOf(error);
          if (f.kind !== "problem" || f.status !== 412) throw error;
          await takeChangedElsewhere();
          return;
        }
        setSaved(stored);
        setEtag(next);
        setForm(formFrom(stored));
        setNotice({ intent: "success", title: "Settings saved", messages: [] });
        onSaved?.();
      },
      (f) => {
        if (f.kind === "problem" && f.fieldErrors) {
          const mapped = errorsFromServer(f.fieldErrors, checked.settings);
          setErrors(mapped.errors);
          if (mapped.general.length > 0) setNotice({ intent: "error", title: f.title, messages: mapped.general });
        } else {
          setNotice({ ...noticeFor(f), title: f.kind === "problem" ? `Not saved: ${f.title}` : "Not saved: the worker is not reachable" });
        }
      },
    );
  };

  return (
    <form className={styles.form} onSubmit={(e) => void save(e)} noValidate data-testid="settings" aria-label="Settings">
      {notice ? <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} /> : null}
      <fieldset className={forms.fieldset}>
        <legend className={forms.legend}>Networking events</legend>
        <Field label="Outlook category" hint="Events with this category are networking events." {...fieldState(errors.networkingCategory)}>
          <Input value={form.networkingCategory} maxLength={limits.categoryLength} onChange={set("networkingCategory")} disabled={saving} />
        </Field>
        <Field label="Subject keywords" hint={`One per line, up to ${limits.maxKeywords}; whole words, any case.`} {...fieldState(errors.keywords)}>
          <Textarea value={form.keywords} rows={5} resize="vertical" onChange={set("keywords")} disabled={saving} />
        </Field>
      </fieldset>
      <fieldset className={forms.fieldset}>
        <legend className={forms.legend}>One-to-one holds</legend>
        <Field label="Meeting length (minutes)" hint={`${limits.meetingLength.min}–${limits.meetingLength.max}`} {...fieldState(errors.meetingLength)}>
          <Input type="number" inputMode="numeric" min={limits.meetingLength.min} max={limits.meetingLength.max} value={form.meetingLength} onChange={set("meetingLength")} disabled={saving} />
        </Field>
        <Field label="Free time around it (minutes)" hint={`${limits.meetingBuffer.min}–${limits.meetingBuffer.max}`} {...fieldState(errors.meetingBuffer)}>
          <Input type="number" inputMode="numeric" min={limits.meetingBuffer.min} max={limits.meetingBuffer.max} value={form.meetingBuffer} onChange={set("meetingBuffer")} disabled={saving} />
        </Field>
      </fieldset>
      <fieldset className={forms.fieldset}>
        <legend className={forms.legend}>Notes</legend>
        <Field label="Signature" hint="How thank-you and referral notes are signed; empty uses your first name." {...fieldState(errors.signature)}>
          <Input value={form.signature} onChange={set("signature")} disabled={saving} />
        </Field>
        <div>
          <Button id="edit-draft-wording" type="button" onClick={onEditWording}>
            Draft wording…
          </Button>
        </div>
      </fieldset>
      <fieldset className={forms.fieldset}>
        <legend className={forms.legend}>Keep in touch every (days)</legend>
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
        <Button type="submit" appearance="primary" disabled={saving} icon={saving ? <BusySpinner size="tiny" label="Saving" /> : undefined}>
          Save
        </Button>
        <Button
          type="button"
          disabled={saving}
          onClick={() => {
            setForm(formFrom(saved));
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
