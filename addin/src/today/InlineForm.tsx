import type { ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** A small form that opens under a row; Escape closes it, as it would a dialog. */
export function InlineForm({ label, onSubmit, onCancel, children }: { label: string; onSubmit(): void; onCancel(): void; children: ReactNode }) {
  const styles = useStyles();
  return (
    <form
      className={styles.form}
      aria-label={label}
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
