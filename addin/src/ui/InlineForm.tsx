import type { FormHTMLAttributes, ReactNode } from "react";
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useFormStyles } from "./forms";
import { BusySpinner } from "./BusySpinner";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface InlineFormProps {
  /** The form's accessible name. */
  label: string;
  /** The submit button's text. */
  submit: string;
  /** While the form's call runs: both buttons are disabled and the submit button spins. */
  busy: boolean;
  /** Submit is not possible yet (a question above it to answer first). */
  blocked?: boolean;
  /** A failure no single field owns, above the fields. */
  error?: string | undefined;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}

/** A form as the pane's forms behave: submitted without a page load, and Escape cancels it, as it would a dialog. */
export function PaneForm({ onSubmit, onCancel, children, ...attributes }: { onSubmit(): void; onCancel(): void; children: ReactNode } & Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit">) {
  return (
    <form
      {...attributes}
      // The fields say what is missing in Fluent's words; the browser's bubble would say it again.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      {children}
    </form>
  );
}

/** A small form that opens under a row or card, with its submit and Cancel. */
export function InlineForm({ label, submit, busy, blocked = false, error, onSubmit, onCancel, children }: InlineFormProps) {
  const styles = useStyles();
  const forms = useFormStyles();
  return (
    <PaneForm className={styles.form} aria-label={label} onSubmit={onSubmit} onCancel={onCancel}>
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {children}
      <div className={forms.buttons}>
        <Button type="submit" size="small" appearance="primary" disabled={busy || blocked} icon={busy ? <BusySpinner label="Saving" /> : undefined}>
          {submit}
        </Button>
        <Button size="small" disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </PaneForm>
  );
}
