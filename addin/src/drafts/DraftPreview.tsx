import { Button, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { Open16Regular } from "@fluentui/react-icons";
import { useApi } from "../api/ApiContext";
import { useDraftBoxStyles } from "../templates/draftBoxStyles";
import { DraftText } from "../templates/DraftText";
import { draftParagraphs } from "../templates/draftParagraphs";
import { LoadState } from "../ui/LoadState";
import { useLoad } from "../ui/useLoad";
import type { PreparedDraft } from "./model";
import { draftState, howToOpen } from "./openDraft";

const useStyles = makeStyles({
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  link: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXXS },
});

export interface DraftPreviewProps {
  /** The worker's path for the row's draft (draftPath). */
  path: string;
  /** For the accessible names: "Thank-you note for Priya Raman". */
  about: string;
  inOutlook: boolean;
  /** Inside Outlook: opens the draft in Outlook's form. */
  onOpenInOutlook(): void;
}

/** A prepared draft's subject and body, read from the mailbox, shown under its row; the parts to rewrite are highlighted. */
export function DraftPreview({ path, about, inOutlook, onOpenInOutlook }: DraftPreviewProps) {
  const styles = useStyles();
  const box = useDraftBoxStyles();
  const { call } = useApi();
  const loaded = useLoad((signal) => call<PreparedDraft>("GET", path, undefined, signal), path);
  return (
    <div className={box.box} role="region" aria-label={`Draft preview: ${about}`} data-testid="draft-preview">
      <LoadState {...loaded} what="the draft" label="Reading the draft…" size="small">
        {(draft) => {
          const paragraphs = draftParagraphs(draft.html);
          const marked = paragraphs.flat(2).filter((r) => r.marked).length;
          const opening = howToOpen(inOutlook, draft.webLink);
          return (
            <>
              <Caption1 className={styles.meta} data-testid="draft-state">
                {draftState(draft.editedByYou, marked)}
              </Caption1>
              <div className={box.subject}>{draft.subject || "(no subject)"}</div>
              <DraftText paragraphs={paragraphs} />
              <div className={styles.actions}>
                {opening.kind === "outlook" ? (
                  <Button size="small" icon={<Open16Regular />} aria-label={`Open in Outlook: ${about}`} onClick={onOpenInOutlook}>
                    Open in Outlook
                  </Button>
                ) : opening.kind === "web" ? (
                  <Link className={styles.link} href={opening.href} target="_blank" rel="noopener noreferrer" aria-label={`Open in Outlook: ${about} (opens in a new tab)`}>
                    <Open16Regular aria-hidden="true" />
                    Open in Outlook
                  </Link>
                ) : null}
              </div>
            </>
          );
        }}
      </LoadState>
    </div>
  );
}
