import { useEffect, useId, useRef, useState, type Ref } from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { Snooze20Regular } from "@fluentui/react-icons";
import type { SnoozeChoice } from "../time/snoozeChoices";

const useStyles = makeStyles({
  // Inside a wrapping flex row of actions: the choices take a line of their own at the row's end,
  // whatever buttons follow the toggle.
  choices: {
    order: 1,
    flexBasis: "100%",
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    paddingTop: tokens.spacingVerticalXS,
  },
  choice: { display: "flex", flexDirection: "column", alignItems: "flex-start", textAlign: "start" },
  detail: { color: tokens.colorNeutralForeground3 },
});

export interface SnoozeButtonProps {
  /** Whom and what it is for, read after the visible text: "Snooze: Thank-you note for Zoë". */
  about: string;
  choices: readonly SnoozeChoice[];
  disabled: boolean;
  appearance?: "subtle" | "secondary";
  onChoose(choice: SnoozeChoice): void;
  /** Offers "Pick a date and time…" when given. */
  onPick?(): void;
  /** The toggle, where focus returns when an inline form opened from a choice closes. */
  ref?: Ref<HTMLButtonElement>;
}

/**
 * "Snooze" and, under it, the times to snooze until: a disclosure, not a popup menu. It is the
 * same keyboard and screen-reader pattern as the inline Skip form (Escape closes it and focus goes
 * back to the toggle), it needs no positioning engine in a 320 px pane, and it leaves Fluent's Menu,
 * positioning and floating-ui (~18 kB gzip) out of the pane's 200 kB budget.
 *
 * Renders the toggle and the choices as siblings, for a `display: flex; flex-wrap: wrap` row.
 */
export function SnoozeButton({ about, choices, disabled, appearance = "subtle", onChoose, onPick, ref }: SnoozeButtonProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const groupId = useId();
  const toggleRef = useRef<HTMLButtonElement | null>(null);
  const firstRef = useRef<HTMLButtonElement>(null);
  const openedByUser = useRef(false);

  useEffect(() => {
    if (open && openedByUser.current) firstRef.current?.focus();
  }, [open]);
  // A busy row (the snooze is being saved) closes the choices.
  useEffect(() => {
    if (disabled) setOpen(false);
  }, [disabled]);

  const close = (returnFocus: boolean): void => {
    setOpen(false);
    openedByUser.current = false;
    if (returnFocus) toggleRef.current?.focus();
  };
  const setToggle = (node: HTMLButtonElement | null): void => {
    toggleRef.current = node;
    if (typeof ref === "function") ref(node);
    else if (ref) ref.current = node;
  };

  return (
    <>
      <Button
        ref={setToggle}
        size="small"
        appearance={appearance}
        icon={<Snooze20Regular />}
        disabled={disabled}
        aria-label={`Snooze: ${about}`}
        aria-expanded={open}
        aria-controls={open ? groupId : undefined}
        onClick={() => {
          openedByUser.current = !open;
          setOpen(!open);
        }}
      >
        Snooze
      </Button>
      {open ? (
        <div
          id={groupId}
          role="group"
          aria-label={`Snooze ${about} until`}
          className={styles.choices}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              close(true);
            }
          }}
        >
          {choices.map((choice, index) => (
            <Button
              key={choice.key}
              ref={index === 0 ? firstRef : undefined}
              size="small"
              className={styles.choice}
              aria-label={`${choice.label}, ${choice.detail}`}
              onClick={() => {
                close(false);
                onChoose(choice);
              }}
            >
              <span>{choice.label}</span>
              <Caption1 className={styles.detail}>{choice.detail}</Caption1>
            </Button>
          ))}
          {onPick ? (
            <Button
              size="small"
              onClick={() => {
                close(false);
                onPick();
              }}
            >
              Pick a date and time…
            </Button>
          ) : null}
          <Button size="small" appearance="subtle" onClick={() => close(true)}>
            Cancel
          </Button>
        </div>
      ) : null}
    </>
  );
}
