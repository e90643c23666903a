import { useState } from "react";
import { Button, Field, Textarea } from "@fluentui/react-components";
import { skipReasonMaxLength, validateSkipReason } from "../followups/api";
import { InlineForm } from "./InlineForm";

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
    <InlineForm label={`Skip the ${subject.charAt(0).toLowerCase()}${subject.slice(1)}`} onSubmit={submit} onCancel={onCancel}>
      <Field
        label="Why skip it?"
        hint={`A few words for your own record, up to ${skipReasonMaxLength} characters.`}
        validationMessage={error}
        validationState={error ? "error" : "none"}
        required
      >
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
      <div>
        <Button appearance="primary" size="small" type="submit" disabled={busy}>
          Skip
        </Button>{" "}
        <Button size="small" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </InlineForm>
  );
}
