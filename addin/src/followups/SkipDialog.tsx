import { useEffect, useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Textarea,
} from "@fluentui/react-components";
import { skipReasonMaxLength, validateSkipReason } from "./api";

export interface SkipDialogProps {
  /** What is being skipped, e.g. "Thank-you note for Zoë Ångström"; the dialog is closed when undefined. */
  subject: string | undefined;
  busy: boolean;
  onSkip(reason: string): void;
  onCancel(): void;
}

/** Skipping is a decision the product remembers ("the user's word wins"), so it asks why, briefly. */
export function SkipDialog({ subject, busy, onSkip, onCancel }: SkipDialogProps) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (subject !== undefined) {
      setReason("");
      setError(undefined);
    }
  }, [subject]);

  const submit = (): void => {
    const problem = validateSkipReason(reason);
    setError(problem);
    if (!problem) onSkip(reason.trim());
  };

  return (
    <Dialog open={subject !== undefined} onOpenChange={(_, data) => (!data.open ? onCancel() : undefined)}>
      <DialogSurface aria-describedby={undefined}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <DialogBody>
            <DialogTitle>Skip this follow-up?</DialogTitle>
            <DialogContent>
              <Field
                label={subject ? `Why skip the ${subject.charAt(0).toLowerCase()}${subject.slice(1)}?` : "Reason"}
                hint={`A few words for your own record, up to ${skipReasonMaxLength} characters.`}
                validationMessage={error}
                validationState={error ? "error" : "none"}
                required
              >
                <Textarea
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
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy}>
                Skip
              </Button>
              <Button appearance="secondary" onClick={onCancel}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
