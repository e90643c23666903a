import { makeStyles, tokens } from "@fluentui/react-components";
import type { DraftParagraph } from "./draftParagraphs";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, overflowWrap: "anywhere", minWidth: 0 },
  paragraph: { margin: 0 },
  // The same yellow the draft itself uses, so the pane and Outlook point at the same words.
  mark: { backgroundColor: "#fff176", color: "#242424", padding: "0 2px", borderRadius: tokens.borderRadiusSmall },
});

/** A draft's paragraphs as text, the parts to rewrite highlighted; nothing of the draft's HTML reaches the page. */
export function DraftText({ paragraphs }: { paragraphs: DraftParagraph[] }) {
  const styles = useStyles();
  return (
    <div className={styles.body}>
      {paragraphs.map((lines, p) => (
        <p key={p} className={styles.paragraph}>
          {lines.map((runs, l) => (
            <span key={l}>
              {l > 0 ? <br /> : null}
              {runs.map((run, r) =>
                run.marked ? (
                  <mark key={r} className={styles.mark}>
                    {run.text}
                  </mark>
                ) : (
                  <span key={r}>{run.text}</span>
                ),
              )}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}
