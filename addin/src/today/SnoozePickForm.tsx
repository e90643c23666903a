import { useState } from "react";
import { Field, Input } from "@fluentui/react-components";
import { parseSnoozePick, toLocalInputValue } from "../time/snoozePick";
import { fieldState } from "../ui/forms";
import { InlineForm } from "../ui/InlineForm";

export interface SnoozePickFormProps {
  /** What is being snoozed ("Thank-you note for Aroha Ngata"). */
  subject: string;
  /** The mailbox's zone: the picked wall time is read in it, like every due time in the pane. */
  timeZone: string;
  busy: boolean;
  onSnooze(until: string, shown: string): void;
  onCancel(): void;
}

/** "Pick a date and time…" from the snooze menu: a native date-time field, checked before it is sent. */
export function SnoozePickForm({ subject, timeZone, busy, onSnooze, onCancel }: SnoozePickFormProps) {
  // Tomorrow at this time is a sensible starting point to adjust.
  const [value, setValue] = useState(() => toLocalInputValue(new Date(Date.now() + 24 * 3_600_000), timeZone));
  const [error, setError] = useState<string>();

  const submit = (): void => {
    const pick = parseSnoozePick(value, timeZone, new Date());
    if (!pick.ok) {
      setError(pick.error);
      return;
    }
    setError(undefined);
    onSnooze(pick.until, value.replace("T", " "));
  };

  return (
    <InlineForm label={`Snooze the ${subject.charAt(0).toLowerCase()}${subject.slice(1)}`} submit="Snooze" busy={busy} onSubmit={submit} onCancel={onCancel}>
      <Field label="Until" hint={`In ${timeZone.replace(/_/g, " ")} time.`} {...fieldState(error)} required>
        <Input autoFocus type="datetime-local" value={value} onChange={(_, data) => setValue(data.value)} />
      </Field>
    </InlineForm>
  );
}
