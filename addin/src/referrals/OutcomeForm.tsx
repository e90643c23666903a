import { useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Textarea } from "@fluentui/react-components";
import { useAction } from "../api/useAction";
import { fieldState } from "../ui/forms";
import { InlineForm } from "../ui/InlineForm";
import { noticeText } from "../ui/notice";
import { recordOutcome, type ReferralsApi } from "./api";
import type { Outcome, Referral } from "./model";
import {
  betterFitMaxLength,
  buildOutcomeRequest,
  mapOutcomeErrors,
  outcomeFormFor,
  outcomeLabel,
  outcomeNoteMaxLength,
  outcomeOptions,
  validateOutcomeForm,
  type OutcomeField,
  type OutcomeForm as OutcomeFormState,
  type OutcomeFormErrors,
} from "./outcome";
import { prospectName } from "./referralList";

export interface OutcomeFormProps {
  api: ReferralsApi;
  referral: Referral;
  onRecorded(referral: Referral): void;
  onCancel(): void;
}

/** "Record outcome" under a referral (its button "Save outcome", so the two never share a name): one of five outcomes, a value when won, a better fit when not a fit. */
export function OutcomeForm({ api, referral, onRecorded, onCancel }: OutcomeFormProps) {
  const [form, setForm] = useState<OutcomeFormState>(() => outcomeFormFor(referral));
  const [errors, setErrors] = useState<OutcomeFormErrors>({});
  const [general, setGeneral] = useState<string>();
  const [conflict, setConflict] = useState<Outcome | null>(null);
  const { busy, run } = useAction();
  const set = (patch: Partial<OutcomeFormState>): void => {
    setForm((f) => ({ ...f, ...patch }));
    setConflict(null);
  };
  const error = (field: OutcomeField) => fieldState(errors[field]);
  const prospect = prospectName(referral);
  const hint = outcomeOptions.find((o) => o.value === form.outcome)?.hint;

  const submit = (change: boolean): void => {
    const found = validateOutcomeForm(form);
    setErrors(found);
    setGeneral(undefined);
    if (Object.keys(found).length > 0) return;
    void run(
      async () => {
        const result = await recordOutcome(api, referral.id, buildOutcomeRequest(form, change));
        if (result.kind === "conflict") setConflict(result.current.outcome);
        else onRecorded(result.referral);
      },
      (failure) => (failure.kind === "problem" && failure.fieldErrors ? setErrors(mapOutcomeErrors(failure.fieldErrors)) : setGeneral(noticeText(failure))),
    );
  };

  return (
    <InlineForm
      label={`Record the outcome of the referral of ${prospect}`}
      submit="Save outcome"
      busy={busy}
      blocked={conflict !== null}
      error={general}
      onSubmit={() => submit(false)}
      onCancel={onCancel}
    >
      <Field label="How did it go?" required hint={hint} {...error("outcome")}>
        <Select value={form.outcome} onChange={(_, d) => set({ outcome: d.value as Outcome | "" })}>
          <option value="" disabled>
            Choose an outcome
          </option>
          {outcomeOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      {form.outcome === "won" ? (
        <Field label="Value (optional)" hint="What the work is worth, for your scorecard." {...error("value")}>
          <Input inputMode="decimal" value={form.value} onChange={(_, d) => set({ value: d.value })} />
        </Field>
      ) : null}
      {form.outcome === "notAFit" ? (
        <Field label="Who would be a better fit? (optional)" hint="The close-the-loop note suggests them." {...error("betterFit")}>
          <Input value={form.betterFit} maxLength={betterFitMaxLength} onChange={(_, d) => set({ betterFit: d.value })} />
        </Field>
      ) : null}
      <Field label="Note (optional)" {...error("note")}>
        <Textarea value={form.note} maxLength={outcomeNoteMaxLength} resize="vertical" onChange={(_, d) => set({ note: d.value })} />
      </Field>
      {conflict && form.outcome ? (
        <MessageBar intent="warning" layout="multiline" data-testid="outcome-conflict">
          <MessageBarBody>
            <MessageBarTitle>Already recorded as {outcomeLabel(conflict)}</MessageBarTitle>
            Change it to {outcomeLabel(form.outcome)}? {referral.direction === "received" ? "A new close-the-loop draft will say so." : ""}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={busy} onClick={() => submit(true)}>
              Change the outcome
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
    </InlineForm>
  );
}
