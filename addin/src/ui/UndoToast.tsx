import { useEffect, useRef, useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { BusySpinner } from "./BusySpinner";

const useStyles = makeStyles({
  // Pinned to the bottom of the pane, inside its width at 320 px.
  toast: {
    position: "sticky",
    bottom: tokens.spacingVerticalS,
    zIndex: 1,
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackgroundInverted,
    color: tokens.colorNeutralForegroundInverted,
    boxShadow: tokens.shadow16,
  },
  text: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  undo: { flexShrink: 0, color: tokens.colorBrandForegroundInverted },
});

/** How long "Undo" stays offered. */
export const undoWindowMs = 8_000;

export interface UndoToastProps {
  /** What was done ("Marked done: Thank-you note for Zoë"). */
  text: string;
  busy: boolean;
  onUndo(): void;
  /** The time ran out or the user moved on. */
  onExpire(): void;
}

/** "Marked done · Undo" for a few seconds after an action that is easy to regret; it waits while the user is on it. */
export function UndoToast({ text, busy, onUndo, onExpire }: UndoToastProps) {
  const styles = useStyles();
  const expire = useRef(onExpire);
  expire.current = onExpire;
  // The time runs only while the user is not on the toast (keyboard focus or pointer): a deadline they can extend.
  const [held, setHeld] = useState({ focus: false, pointer: false });
  const paused = held.focus || held.pointer;
  useEffect(() => {
    if (busy || paused) return undefined;
    const timer = setTimeout(() => expire.current(), undoWindowMs);
    return () => clearTimeout(timer);
  }, [text, busy, paused]);
  return (
    <div
      className={styles.toast}
      role="status"
      data-testid="undo-toast"
      onFocus={() => setHeld((h) => ({ ...h, focus: true }))}
      onBlur={() => setHeld((h) => ({ ...h, focus: false }))}
      onPointerEnter={() => setHeld((h) => ({ ...h, pointer: true }))}
      onPointerLeave={() => setHeld((h) => ({ ...h, pointer: false }))}
    >
      <Text size={200} className={styles.text}>
        {text}
      </Text>
      <Button className={styles.undo} size="small" appearance="transparent" disabled={busy} icon={busy ? <BusySpinner label="Undoing" /> : undefined} onClick={onUndo} aria-label={`Undo: ${text}`}>
        Undo
      </Button>
    </div>
  );
}
