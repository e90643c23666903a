import { useState } from "react";
import { Button, Caption1, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircle16Filled, CheckmarkCircle16Regular, ChevronDown16Regular, ChevronUp16Regular } from "@fluentui/react-icons";
import { useSharedStyles } from "../ui/styles";
import { doneLatelyTitle, doneLines } from "./doneLately";
import type { TodayItem } from "./model";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  toggle: { minWidth: 0, flexShrink: 0 },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  row: { listStyleType: "none", display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  icon: { flexShrink: 0, marginTop: "2px", color: tokens.colorPaletteGreenForeground1 },
  marked: { flexShrink: 0, marginTop: "2px", color: tokens.colorNeutralForeground3 },
  text: { display: "flex", flexDirection: "column", minWidth: 0 },
  name: { overflowWrap: "anywhere", textAlign: "left" },
  how: { color: tokens.colorNeutralForeground2 },
});

export interface DoneLatelyProps {
  items: readonly TodayItem[];
  timeZone: string;
  onShowPerson(email: string, displayName: string): void;
}

/**
 * What was completed in the last 7 days, collapsed by default under the open steps: one line each, with how and when
 * ("Sent Tue 09:12", "Met Thu 14:30", "Marked done by you"), so a step that left the list by itself says where it went.
 */
export function DoneLately({ items, timeZone, onShowPerson }: DoneLatelyProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const [open, setOpen] = useState(false);
  if (items.length === 0) return null;
  const lines = doneLines(items, timeZone);
  const title = doneLatelyTitle(lines.length);
  return (
    <section className={styles.group} aria-labelledby="group-done-lately" data-testid="done-lately">
      <div className={styles.head}>
        <h2 id="group-done-lately" className={shared.groupTitle}>
          {title}
        </h2>
        <Button
          className={styles.toggle}
          size="small"
          appearance="transparent"
          icon={open ? <ChevronUp16Regular /> : <ChevronDown16Regular />}
          aria-expanded={open}
          aria-controls="done-lately-list"
          aria-label={open ? "Hide what was done lately" : `Show ${lines.length} done lately`}
          onClick={() => setOpen(!open)}
        >
          {open ? "Hide" : "Show"}
        </Button>
      </div>
      {open ? (
        <ul id="done-lately-list" className={styles.list}>
          {lines.map((line) => (
            <li key={line.key} className={styles.row} data-testid="done-row">
              {line.byEvidence ? <CheckmarkCircle16Filled className={styles.icon} aria-hidden="true" /> : <CheckmarkCircle16Regular className={styles.marked} aria-hidden="true" />}
              <span className={styles.text}>
                <Link className={styles.name} as="button" onClick={() => onShowPerson(line.email, line.name)}>
                  <Text weight="semibold">{line.name}</Text>
                </Link>
                <Caption1 className={styles.how}>
                  {line.what} · {line.how}
                </Caption1>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
