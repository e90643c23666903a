import { Button, Field, Input, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { Delete20Regular } from "@fluentui/react-icons";
import { ChannelSelect } from "../people/ChannelSelect";
import { fieldState, useFormStyles } from "../ui/forms";
import { type AddedPerson, type EntryErrors, type Notes } from "./followUpForm";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  remove: { alignSelf: "flex-start" },
});

export interface NotesFieldsProps {
  /** Whom the notes are about, for the accessible names of the fields. */
  who: string;
  notes: Notes;
  errors: EntryErrors | undefined;
  disabled?: boolean;
  onChange(notes: Notes): void;
}

/** The two things the thank-you note is built around: what the user remembers, and what they promised. */
export function NotesFields({ who, notes, errors, disabled, onChange }: NotesFieldsProps) {
  const styles = useStyles();
  return (
    <div className={styles.fields}>
      <Field label="One thing to remember" hint={`Goes into the thank-you note to ${who}.`} {...fieldState(errors?.remember)}>
        <Textarea
          value={notes.remember}
          rows={2}
          resize="vertical"
          disabled={disabled}
          placeholder="e.g. Just opened a second café in Petone"
          onChange={(_, data) => onChange({ ...notes, remember: data.value })}
        />
      </Field>
      <Field label="What you promised" {...fieldState(errors?.promised)}>
        <Input
          value={notes.promised}
          disabled={disabled}
          placeholder="A link, an article, an introduction"
          onChange={(_, data) => onChange({ ...notes, promised: data.value })}
        />
      </Field>
    </div>
  );
}

export interface AddedPersonFieldsProps {
  index: number;
  person: AddedPerson;
  errors: EntryErrors | undefined;
  disabled: boolean;
  onChange(person: AddedPerson): void;
  onRemove(person: AddedPerson): void;
}

/** Someone met at the event who was not on the invitation. */
export function AddedPersonFields({ index, person, errors, disabled, onChange, onRemove }: AddedPersonFieldsProps) {
  const styles = useStyles();
  const forms = useFormStyles();
  const title = person.displayName.trim() || `Someone you met${index > 0 ? ` (${index + 1})` : ""}`;
  const set = (patch: Partial<AddedPerson>): void => onChange({ ...person, ...patch });
  return (
    <fieldset className={forms.fieldset} data-added-key={person.key} data-testid="added-person">
      <legend className={forms.legend}>{title}</legend>
      <Field label="Name" required {...fieldState(errors?.displayName)}>
        <Input value={person.displayName} autoComplete="off" disabled={disabled} onChange={(_, d) => set({ displayName: d.value })} />
      </Field>
      <Field label="Email" required {...fieldState(errors?.email)}>
        <Input type="email" value={person.email} autoComplete="off" disabled={disabled} onChange={(_, d) => set({ email: d.value })} />
      </Field>
      <NotesFields who={person.displayName.trim() || "them"} notes={person} errors={errors} disabled={disabled} onChange={(n) => set(n)} />
      <Field label="Preferred channel" {...fieldState(errors?.preferredChannel)}>
        <ChannelSelect value={person.preferredChannel} emptyLabel="Not known" disabled={disabled} onChange={(preferredChannel) => set({ preferredChannel })} />
      </Field>
      <Field label="Profile link" hint="LinkedIn or their website" {...fieldState(errors?.profileUrl)}>
        <Input
          type="url"
          inputMode="url"
          value={person.profileUrl}
          autoComplete="off"
          disabled={disabled}
          placeholder="https://www.linkedin.com/in/…"
          onChange={(_, d) => set({ profileUrl: d.value })}
        />
      </Field>
      <Button className={styles.remove} size="small" appearance="subtle" icon={<Delete20Regular />} disabled={disabled} onClick={() => onRemove(person)}>
        Remove {person.displayName.trim() || "this person"}
      </Button>
    </fieldset>
  );
}
