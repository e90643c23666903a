import { Fragment } from "react";
import { makeStyles } from "@fluentui/react-components";
import { splitEmails } from "./emailBreaks";

const useStyles = makeStyles({
  // The <wbr>s are the only places the address may wrap, whatever the text around it allows; each
  // piece is nowrap because browsers also break after a hyphen ("ngata-richardson@").
  email: { overflowWrap: "normal", wordBreak: "keep-all" },
  piece: { whiteSpace: "nowrap" },
});

/** Text that may hold email addresses, each rendered to wrap only after "@" and dots. */
export function TextWithEmails({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <>
      {splitEmails(text).map((run, i) =>
        run.kind === "text" ? (
          <Fragment key={i}>{run.text}</Fragment>
        ) : (
          <span key={i} className={styles.email}>
            {run.pieces.map((piece, j) => (
              <Fragment key={j}>
                {j > 0 ? <wbr /> : null}
                <span className={styles.piece}>{piece}</span>
              </Fragment>
            ))}
          </span>
        ),
      )}
    </>
  );
}
