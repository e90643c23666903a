import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles the pane's forms share; only the lazily loaded views have forms, so they stay out of the first chunk. */
export const useFormStyles = makeStyles({
  /** A bordered group of fields under its legend: a Settings section, a person added by hand. */
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, overflowWrap: "anywhere" },
  /** Fields that belong together without a frame: the parties of a referral, the people on an invitation. */
  plainFieldset: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0, minWidth: 0 },
  plainLegend: { padding: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, marginBottom: tokens.spacingVerticalXS },
  /** Submit, then Cancel. */
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** A Field's validation props for its message, if any. */
export function fieldState(message: string | undefined): { validationMessage?: string; validationState: "error" | "none" } {
  return message ? { validationMessage: message, validationState: "error" } : { validationState: "none" };
}
