import { useEffect, useRef, type KeyboardEvent } from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

/*
 * A handful of tabs do not need Fluent's TabList (~8 kB gzip of the 200 kB budget for its animated
 * indicator and overflow machinery). This keeps the ARIA tabs pattern: role=tablist/tab, aria-selected,
 * one tab stop, arrow keys and Home/End move between tabs and select them.
 */

const useStyles = makeStyles({
  // One row, always: where the tabs do not fit they scroll within the strip (the selected one is
  // scrolled into view), rather than wrap and leave one tab alone on a second row.
  list: {
    display: "flex",
    flexWrap: "nowrap",
    gap: 0,
    overflowX: "auto",
    overflowY: "hidden",
    scrollbarWidth: "thin",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    minWidth: 0,
    flexShrink: 0,
    paddingLeft: tokens.spacingHorizontalSNudge,
    paddingRight: tokens.spacingHorizontalSNudge,
    borderRadius: 0,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
  },
  selected: {
    borderBottomColor: tokens.colorCompoundBrandStroke,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
});

export interface ViewTab<T extends string> {
  value: T;
  label: string;
  /** Id of the tabpanel this tab controls. */
  panelId: string;
}

export function tabId(value: string): string {
  return `tab-${value}`;
}

export interface ViewTabsProps<T extends string> {
  label: string;
  tabs: ReadonlyArray<ViewTab<T>>;
  selected: T;
  onSelect(value: T): void;
}

export function ViewTabs<T extends string>({ label, tabs, selected, onSelect }: ViewTabsProps<T>) {
  const styles = useStyles();
  const refs = useRef(new Map<T, HTMLElement>());
  // Braces: newer Chromium returns a promise from scrollIntoView, and an effect may return only a cleanup.
  useEffect(() => {
    void refs.current.get(selected)?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [selected]);

  const move = (event: KeyboardEvent, index: number): void => {
    const last = tabs.length - 1;
    const next =
      event.key === "ArrowRight" ? (index === last ? 0 : index + 1)
      : event.key === "ArrowLeft" ? (index === 0 ? last : index - 1)
      : event.key === "Home" ? 0
      : event.key === "End" ? last
      : undefined;
    const tab = next === undefined ? undefined : tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.value);
    refs.current.get(tab.value)?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className={styles.list}>
      {tabs.map((tab, index) => {
        const isSelected = tab.value === selected;
        return (
          <Button
            key={tab.value}
            ref={(el) => {
              if (el) refs.current.set(tab.value, el);
              else refs.current.delete(tab.value);
            }}
            id={tabId(tab.value)}
            role="tab"
            aria-selected={isSelected}
            aria-controls={tab.panelId}
            tabIndex={isSelected ? 0 : -1}
            appearance="transparent"
            size="small"
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onClick={() => onSelect(tab.value)}
            onKeyDown={(e) => move(e, index)}
          >
            {tab.label}
          </Button>
        );
      })}
    </div>
  );
}
