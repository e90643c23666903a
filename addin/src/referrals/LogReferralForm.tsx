import { useId, useState } from "react";
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useAction } from "../api/useAction";
import { fieldState, useFormStyles } from "../ui/forms";
import { PaneForm } from "../ui/InlineForm";
import { noticeText } from "../ui/notice";
import { logReferral, type ReferralsApi } from "./api";
import type { Direction, Referral } from "./model";
import {
  buildLogRequest,
  emailMaxLength,
  hasErrors,
  mapReferralErrors,
  nameMaxLength,
  noteMaxLength,
  swapRoles,
  validateReferralForm,
  type ReferralField,
  type ReferralForm,
  type ReferralFormErrors,
} from "./referralForm";
import { BusySpinner } from "../ui/BusySpinner";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  select: { minWidth: 0, maxWidth: "100%" },
});

export interface LogReferralFormProps {
  api: ReferralsApi;
  initial: ReferralForm;
  ownAddress?: string | undefined;
  onLogged(referral: Referral): void;
  onAlreadyLogged(referralId: string | null): void;
  onCancel(): void;
}

export function LogReferralForm({ api, initial, ownAddress, onLogged, onAlreadyLogged, onCancel }: LogReferralFormProps) {
  const styles = useStyles();
  const forms = useFormStyles();
  const titleId = useId();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<ReferralFormErrors>({});
  const { busy, run } = useAction();
  const set = (patch: Partial<ReferralForm>): void => setForm((f) => ({ ...f, ...patch }));
  const error = (field: ReferralField) => fieldState(errors[field]);
  const received = form.direction === "received";
  const partnerLabel = form.partnerName.trim() || "the partner";

  const submit = (): void => {
    const found = validateReferralForm(form, ownAddress);
    setErrors(found);
    if (hasErrors(found)) return;
    void run(
      async () => {
        const result = await logReferral(api, buildLogRequest(form));
        if (result.kind === "alreadyLogged") onAlreadyLogged(result.referralId);
        else onLogged(result.referral);
      },
      (failure) => setErrors(failure.kind === "problem" && failure.fieldErrors ? mapReferralErrors(failure.fieldErrors) : { general: [noticeText(failure)] }),
    );
  };

  return (
    <PaneForm className={styles.form} aria-labelledby={titleId} data-testid="log-referral-form" onSubmit={submit} onCancel={onCancel}>
      <h2 id={titleId} className={forms.plainLegend}>
        Log a referral
      </h2>
      {errors.general?.length ? (
        <MessageBar intent="error">
          <MessageBarBody>{errors.general.join(" ")}</MessageBarBody>
        </MessageBar>
      ) : null}

      <Field label="Which way did it go?" {...error("direction")}>
        {/* A native select is as wide as its longest option: short options, and a select that never outgrows the form. */}
        <Select className={styles.select} select={{ className: styles.select }} value={form.direction} onChange={(_, d) => set({ direction: d.value as Direction })}>
          <option value="received">Received (referred to me)</option>
          <option value="given">Given (I referred them on)</option>
        </Select>
      </Field>

      <fieldset className={forms.plainFieldset}>
        <legend className={forms.plainLegend}>{received ? "Partner (who referred them)" : "Partner (whom you referred them to)"}</legend>
        <Field label="Partner's email" required {...error("partnerEmail")}>
          <Input type="email" value={form.partnerEmail} maxLength={emailMaxLength} onChange={(_, d) => set({ partnerEmail: d.value })} autoComplete="off" />
        </Field>
        <Field label="Partner's name" {...error("partnerName")}>
          <Input value={form.partnerName} maxLength={nameMaxLength} onChange={(_, d) => set({ partnerName: d.value })} autoComplete="off" />
        </Field>
      </fieldset>

      <fieldset className={forms.plainFieldset}>
        <legend className={forms.plainLegend}>Prospect (who needs the help)</legend>
        <Field label="Prospect's name" required {...error("prospectName")}>
          <Input value={form.prospectName} maxLength={nameMaxLength} onChange={(_, d) => set({ prospectName: d.value })} autoComplete="off" />
        </Field>
        <Field label="Prospect's email" hint="An email address or a phone number is needed." {...error("prospectEmail")}>
          <Input type="email" value={form.prospectEmail} maxLength={emailMaxLength} onChange={(_, d) => set({ prospectEmail: d.value })} autoComplete="off" />
        </Field>
        <Field label="Prospect's phone" {...error("prospectPhone")}>
          <Input type="tel" value={form.prospectPhone} onChange={(_, d) => set({ prospectPhone: d.value })} autoComplete="off" />
        </Field>
      </fieldset>

      <Field label="Note" hint="What they need, anything the partner told you." {...error("note")}>
        <Textarea value={form.note} maxLength={noteMaxLength} resize="vertical" onChange={(_, d) => set({ note: d.value })} />
      </Field>

      {received ? (
        <Field {...error("copyPartner")}>
          <Checkbox checked={form.copyPartner} onChange={(_, d) => set({ copyPartner: d.checked === true })} label={`Copy ${partnerLabel} on my note to the prospect`} />
        </Field>
      ) : null}

      <div className={forms.buttons}>
        <Button type="submit" appearance="primary" disabled={busy} icon={busy ? <BusySpinner label="Logging the referral" /> : undefined}>
          Log referral
        </Button>
        {form.sourceMessageId ? (
          <Button disabled={busy} onClick={() => setForm(swapRoles(form))}>
            Swap partner and prospect
          </Button>
        ) : null}
        <Button disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </PaneForm>
  );
}
