import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowLeft20Regular } from "@fluentui/react-icons";
import { useApi } from "../api/ApiContext";
import { failureOf } from "../api/client";
import { useAction } from "../api/useAction";
import { fieldState, useFormStyles } from "../ui/forms";
import { LoadState } from "../ui/LoadState";
import { noticeFor, noticeText, type Notice } from "../ui/notice";
import { NoticeBar } from "../ui/NoticeBar";
import { useLoad } from "../ui/useLoad";
import { useDraftBoxStyles } from "./draftBoxStyles";
import { DraftText } from "./DraftText";
import { draftParagraphs } from "./draftParagraphs";
import type { DraftTemplateDto, DraftTemplates, TemplatePreview } from "./model";
import {
  changedElsewhere,
  changedElsewhereNotice,
  checkTemplate,
  hasErrors,
  insertSlot,
  isChanged,
  isDefault,
  kindLabel,
  templateErrorsFromServer,
  templateRequest,
  writeOn,
  type TemplateErrors,
  type TemplateField,
  type TemplateForm,
} from "./templateForm";
import { BusySpinner } from "../ui/BusySpinner";

/** The language a wording is written in, as the preview says it: the draft's "Before sending" line and sign-off follow it. */
export function languageLabel(language: string): string {
  return language === "de" ? "in German" : language === "en" ? "in English" : `in ${language}`;
}

/** How long typing pauses before the preview is asked for again. */
export const previewDelayMs = 400;

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  top: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, flexGrow: 1 },
  // A native select is as wide as its longest option unless told otherwise; the pane is 320–350 px wide.
  picker: { minWidth: 0, maxWidth: "100%" },
  slots: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  slot: { minWidth: 0, fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

export interface DraftWordingViewProps {
  /** Back to the rest of Settings. */
  onBack(): void;
}

/** Settings → Draft wording: each kind of draft's subject and body in plain words, with its slots, a live preview, save and reset. */
export function DraftWordingView({ onBack }: DraftWordingViewProps) {
  const styles = useStyles();
  const { call } = useApi();
  const loaded = useLoad((signal) => call<DraftTemplates>("GET", "/api/templates", undefined, signal), "templates");
  const [kind, setKind] = useState("thank-you");
  // Unsaved wording is not dropped by a click elsewhere: the picker waits, and Back asks first.
  const [dirty, setDirty] = useState(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const onDirty = useCallback((next: boolean) => {
    setDirty(next);
    if (!next) setConfirmLeave(false);
  }, []);
  return (
    <section className={styles.view} aria-labelledby="draft-wording-heading" data-testid="draft-wording">
      <div className={styles.top}>
        <Button appearance="subtle" icon={<ArrowLeft20Regular />} onClick={() => (dirty ? setConfirmLeave(true) : onBack())}>
          Back to settings
        </Button>
      </div>
      {confirmLeave ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Your changes to this wording are not saved</MessageBarTitle>
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onBack}>
              Discard and go back
            </Button>
            <Button size="small" appearance="primary" onClick={() => setConfirmLeave(false)}>
              Keep editing
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <h2 id="draft-wording-heading" className={styles.heading}>
        Draft wording
      </h2>
      <Caption1 className={styles.meta}>
        The words each draft starts from. A line is left out when a slot in it is not known for the person; after "||" comes the line to use instead.
      </Caption1>
      <LoadState {...loaded} what="draft wording" label="Loading draft wording…">
        {(data) => {
          const item = data.items.find((t) => t.kind === kind) ?? data.items[0];
          if (!item) return null;
          return (
            <>
              <Field className={styles.picker} label="Draft" hint={dirty ? "Save or undo your changes to pick another draft." : undefined}>
                <Select className={styles.picker} value={item.kind} disabled={dirty} onChange={(_, d) => setKind(d.value)}>
                  {data.items.map((t) => (
                    <option key={t.kind} value={t.kind}>
                      {kindLabel(t.kind)}
                      {t.custom ? " (your wording)" : ""}
                    </option>
                  ))}
                </Select>
              </Field>
              <TemplateEditor
                key={item.kind}
                stored={item}
                onDirty={onDirty}
                onStored={(next) => loaded.update((d) => ({ items: d.items.map((t) => (t.kind === next.kind ? next : t)) }))}
              />
            </>
          );
        }}
      </LoadState>
    </section>
  );
}

function TemplateEditor({ stored, onStored, onDirty }: { stored: DraftTemplateDto; onStored(next: DraftTemplateDto): void; onDirty(dirty: boolean): void }) {
  const styles = useStyles();
  const box = useDraftBoxStyles();
  const forms = useFormStyles();
  const { call } = useApi();
  const [form, setForm] = useState<TemplateForm>({ subject: stored.subject, body: stored.body });
  const [serverErrors, setServerErrors] = useState<TemplateErrors>({});
  const [notice, setNotice] = useState<Notice>();
  const [preview, setPreview] = useState<{ result?: TemplatePreview; failure?: string; loading: boolean }>({ loading: true });
  const { busy, run } = useAction();
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // Where a slot button inserts: the field last focused, at its caret.
  const lastField = useRef<TemplateField>("body");

  // Unknown slots and empty fields show under their field as the user types, before any save.
  const localErrors = useMemo(() => checkTemplate(form, stored.slots), [form, stored.slots]);
  const errors: TemplateErrors = { ...serverErrors, ...localErrors };
  const changed = isChanged(form, stored);
  useEffect(() => onDirty(changed), [changed, onDirty]);

  // The preview follows the typing, once it pauses; a template with problems keeps the last good preview.
  useEffect(() => {
    if (hasErrors(localErrors)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setPreview((p) => ({ ...p, loading: true }));
      call<TemplatePreview>("POST", `/api/templates/${encodeURIComponent(stored.kind)}/preview`, templateRequest(form), controller.signal)
        .then((result) => !controller.signal.aborted && setPreview({ result, loading: false }))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setPreview((p) => ({ ...p, failure: noticeText(failureOf(error)), loading: false }));
        });
    }, previewDelayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [form, localErrors, stored.kind, call]);

  const set = (field: TemplateField) => (_: unknown, d: { value: string }) => {
    setForm((f) => ({ ...f, [field]: d.value }));
    setServerErrors((e) => ({ ...e, [field]: undefined }));
    setNotice(undefined);
  };

  const insert = (slot: string) => {
    const field = lastField.current;
    const element = field === "subject" ? subjectRef.current : bodyRef.current;
    const next = insertSlot(form[field], slot, element?.selectionStart, element?.selectionEnd);
    setForm((f) => ({ ...f, [field]: next.text }));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.caret, next.caret);
    });
  };

  const save = async () => {
    setNotice(undefined);
    if (hasErrors(localErrors)) return;
    await run(
      async () => {
        const saved = await call<DraftTemplateDto>("PUT", `/api/templates/${encodeURIComponent(stored.kind)}`, templateRequest(form), undefined, writeOn(stored));
        onStored(saved);
        setForm({ subject: saved.subject, body: saved.body });
        setServerErrors({});
        setNotice({ intent: "success", title: "Wording saved", messages: ["New drafts of this kind use it."] });
      },
      (f) => {
        if (changedElsewhere(f)) {
          void reloadAfterConflict("save");
        } else if (f.kind === "problem" && f.fieldErrors) {
          const mapped = templateErrorsFromServer(f.fieldErrors);
          setServerErrors(mapped.errors);
          if (mapped.general.length > 0) setNotice({ intent: "error", title: f.title, messages: mapped.general });
        } else {
          setNotice({ ...noticeFor(f), title: f.kind === "problem" ? `Not saved: ${f.title}` : "Not saved: the worker is not reachable" });
        }
      },
    );
  };

  const reset = async () => {
    setNotice(undefined);
    await run(
      async () => {
        const restored = await call<DraftTemplateDto>("DELETE", `/api/templates/${encodeURIComponent(stored.kind)}`, undefined, undefined, writeOn(stored));
        onStored(restored);
        setForm({ subject: restored.subject, body: restored.body });
        setServerErrors({});
        setNotice({ intent: "success", title: "Back to the default wording", messages: [] });
      },
      (f) =>
        changedElsewhere(f)
          ? void reloadAfterConflict("reset")
          : setNotice({ ...noticeFor(f), title: f.kind === "problem" ? `Not reset: ${f.title}` : "Not reset: the worker is not reachable" }),
    );
  };

  // After a 412: the kind's saved wording and tag are read again (the typed text stays in the form), so Save again lands.
  const reloadAfterConflict = async (action: "save" | "reset"): Promise<void> => {
    setNotice(changedElsewhereNotice(action, stored.kind));
    try {
      const fresh = (await call<DraftTemplates>("GET", "/api/templates")).items.find((t) => t.kind === stored.kind);
      if (fresh) onStored(fresh);
    } catch (e) {
      setNotice({ ...noticeFor(failureOf(e)), title: "This wording was changed elsewhere, and reading it again failed" });
    }
  };

  const paragraphs = preview.result ? draftParagraphs(preview.result.html) : [];
  return (
    <form
      className={styles.view}
      aria-label={`Wording: ${kindLabel(stored.kind)}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {notice ? <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} /> : null}
      <div className={styles.actions}>
        <Badge appearance="tint" color={stored.custom ? "brand" : "informative"}>
          {stored.custom ? "Your wording" : "Default wording"}
        </Badge>
      </div>
      <Field label="Subject" {...fieldState(errors.subject)}>
        <Input
          ref={subjectRef}
          value={form.subject}
          onChange={set("subject")}
          onFocus={() => (lastField.current = "subject")}
          disabled={busy}
        />
      </Field>
      <Field label="Body" hint="Each line is a paragraph." {...fieldState(errors.body)}>
        <Textarea
          ref={bodyRef}
          value={form.body}
          rows={10}
          resize="vertical"
          onChange={set("body")}
          onFocus={() => (lastField.current = "body")}
          disabled={busy}
        />
      </Field>
      <fieldset className={forms.plainFieldset}>
        <legend className={forms.plainLegend}>Slots (click to insert)</legend>
        <div className={styles.slots}>
          {stored.slots.map((slot) => (
            <Button
              key={slot}
              size="small"
              className={styles.slot}
              aria-label={`Insert {${slot}}`}
              disabled={busy}
              // Keeps the caret where it is in the field the user was typing in.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => insert(slot)}
            >
              {`{${slot}}`}
            </Button>
          ))}
        </div>
      </fieldset>
      <div className={box.box} role="region" aria-label="Preview with a sample person" data-testid="template-preview">
        <Caption1 className={styles.meta}>
          Preview with a sample person{preview.result ? `, ${languageLabel(preview.result.language)}` : ""}{preview.loading ? " (updating…)" : ""}
          {preview.result && preview.result.toEdit > 0 ? ` · ${preview.result.toEdit} part${preview.result.toEdit === 1 ? "" : "s"} to rewrite before sending` : ""}
        </Caption1>
        {hasErrors(localErrors) ? <Caption1 className={styles.meta}>Fix the wording above to see the preview.</Caption1> : null}
        {preview.failure && !preview.result ? <Caption1 className={styles.meta}>{preview.failure}</Caption1> : null}
        {preview.result ? (
          <>
            <div className={box.subject} data-testid="preview-subject">
              {preview.result.subject}
            </div>
            <DraftText paragraphs={paragraphs} />
          </>
        ) : preview.loading && !hasErrors(localErrors) ? (
          <Spinner size="tiny" label="Loading the preview…" />
        ) : null}
      </div>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy || !changed || hasErrors(localErrors)} icon={busy ? <BusySpinner size="tiny" label="Saving" /> : undefined}>
          Save
        </Button>
        <Button type="button" disabled={busy || !changed} onClick={() => setForm({ subject: stored.subject, body: stored.body })}>
          Undo changes
        </Button>
        <Button type="button" disabled={busy || (!stored.custom && isDefault(form, stored))} onClick={() => void reset()}>
          Reset to default
        </Button>
      </div>
    </form>
  );
}
