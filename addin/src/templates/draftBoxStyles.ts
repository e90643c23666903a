import { makeStyles, tokens } from "@fluentui/react-components";

/** How a draft reads in the pane, wherever it is shown: a quiet box, its subject in bold (the draft preview and the wording preview). */
export const useDraftBoxStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  subject: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
});
