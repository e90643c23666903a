import { useState } from "react";
import { Field, Textarea } from "@fluentui/react-components";
import { skipReasonMaxLength, validateSkipReason } from "../followups/api";
import { fieldState } from "../ui/forms";
import { InlineForm } from "../ui/InlineForm";

export interface SkipFormProps {
  /** What is being skipped, e.g. "Thank-you note for Zoë Ångström". */
  subject: string;
  busy: boolean;
  onSkip(reason: string): void;
  onCancel(): void;
}

/**
 * Skipping is a decision the product remembers ("the user's word wins"), so it asks why, briefly.
 * Inline under the row rather than a dialog: a 320 px pane has no room to spare for an overlay, and
 * Fluent's Dialog would cost ~10 kB gzip of the budget.
 */
export function SkipForm({ subject, busy, onSkip, onCancel }: SkipFormProps) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();

  const submit = (): void => {
    const problem = validateSkipReason(reason);
    setError(problem);
    if (!problem) onSkip(reason.trim());
  };

  return (
    <InlineForm label={`Skip the ${subject.charAt(0).toLowerCase()}${subject.slice(1)}`} submit="Skip" busy={busy} onSubmit={submit} onCancel={onCancel}>
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
    </InlineForm>
  );
}
