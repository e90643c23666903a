import type { ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  heading: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  name: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", flexGrow: 1 },
});

/** A card's heading in a list of cards: whom it is about, and its badge beside the name. */
export function CardTitle({ id, badge, children }: { id?: string; badge?: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.heading}>
      <h3 id={id} className={styles.name}>
        {children}
      </h3>
      {badge}
    </div>
  );
}
