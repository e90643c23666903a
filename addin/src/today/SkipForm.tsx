import { useState } from "react";
import { Button, Checkbox, Field, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { skipReasonMaxLength, validateSkipReason } from "../followups/api";
import { fieldState } from "../ui/forms";
import { InlineForm } from "../ui/InlineForm";
import { skipReasons } from "./skipReasons";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  reasons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  reason: { maxWidth: "100%", whiteSpace: "normal", textAlign: "start" },
});

export interface SkipFormProps {
  /** What is being skipped, e.g. "Thank-you note for Zoë Ångström". */
  subject: string;
  /** The step's kind: the likeliest reasons come first. */
  kind: string;
  /** The step has an unsent draft the product prepared: offer to delete it. */
  hasDraft: boolean;
  busy: boolean;
  onSkip(reason: string, deleteDraft: boolean): void;
  onCancel(): void;
}

/**
 * Skipping is a decision the product remembers ("the user's word wins"), so it asks why: one tap on a common reason,
 * or "Other…" to type one. When the step has a draft in Drafts it offers to delete it too (checked: a skipped step's
 * draft is clutter). Inline under the row rather than a dialog: a 320 px pane has no room for an overlay.
 */
export function SkipForm({ subject, kind, hasDraft, busy, onSkip, onCancel }: SkipFormProps) {
  const styles = useStyles();
  const [other, setOther] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [deleteDraft, setDeleteDraft] = useState(true);
  const label = `Skip the ${subject.charAt(0).toLowerCase()}${subject.slice(1)}`;

  const draftChoice = hasDraft ? (
    <Checkbox checked={deleteDraft} disabled={busy} onChange={(_, data) => setDeleteDraft(data.checked === true)} label="Also delete its unsent draft from Drafts" />
  ) : null;

  if (other) {
    const submit = (): void => {
      const problem = validateSkipReason(reason);
      setError(problem);
      if (!problem) onSkip(reason.trim(), hasDraft && deleteDraft);
    };
    return (
      <InlineForm label={label} submit="Skip" busy={busy} onSubmit={submit} onCancel={onCancel}>
        <Field label="Why skip it?" hint={`A few words for your own record, up to ${skipReasonMaxLength} characters.`} {...fieldState(error)} required>
          <Textarea
            autoFocus
            value={reason}
            maxLength={skipReasonMaxLength}
            resize="vertical"
            placeholder="e.g. Already spoke on the phone"
            onChange={(_, data) => setReason(data.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit();
            }}
          />
        </Field>
        {draftChoice}
      </InlineForm>
    );
  }

  return (
    <div
      className={styles.box}
      role="group"
      aria-label={label}
      data-testid="skip-reasons"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <Text size={200} weight="semibold">
        Why skip it?
      </Text>
      <div className={styles.reasons}>
        {skipReasons(kind).map((r, i) => (
          <Button key={r} className={styles.reason} size="small" autoFocus={i === 0} disabled={busy} onClick={() => onSkip(r, hasDraft && deleteDraft)}>
            {r}
          </Button>
        ))}
        <Button className={styles.reason} size="small" disabled={busy} onClick={() => setOther(true)}>
          Other…
        </Button>
        <Button size="small" appearance="subtle" disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {draftChoice}
    </div>
  );
}
