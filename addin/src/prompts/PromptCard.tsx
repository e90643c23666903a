import { useEffect, useId, useRef, useState } from "react";
import { Badge, Button, Caption1, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronRight16Regular, Lightbulb16Regular, PersonAdd20Regular } from "@fluentui/react-icons";
import { useApi, useClient } from "../api/ApiContext";
import { attempt, describeFailure } from "../api/client";
import { formatDueTime } from "../time/formatDue";
import { useFormStyles } from "../ui/forms";
import { useSharedStyles, usePromptCardStyles } from "../ui/styles";
import { TextWithEmails } from "../ui/TextWithEmails";
import { createPromptsApi } from "./api";
import {
  addedEntry,
  attendeeEntry,
  blankPerson,
  buildFollowUpRequest,
  chosenCount,
  emailKey,
  emptyChoice,
  emptyNotes,
  hasErrors,
  mapServerErrors,
  nudgeFor,
  validateChoice,
  type AddedPerson,
  type FollowUpChoice,
  type FormErrors,
  type Notes,
} from "./followUpForm";
import type { Prompt } from "./model";
import { AddedPersonFields, NotesFields } from "./PersonFields";
import { BusySpinner } from "../ui/BusySpinner";

const useStyles = makeStyles({
  heading: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  subject: { overflowWrap: "anywhere" },
  attendees: { gap: tokens.spacingVerticalXS },
  attendee: { display: "flex", flexDirection: "column", minWidth: 0 },
  attendeeLabel: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  attendeeName: { display: "inline-flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  notesToggle: { alignSelf: "flex-start", marginLeft: "28px" },
  notes: { marginLeft: "32px", marginBottom: tokens.spacingVerticalS },
  nudgeIcon: { flexShrink: 0, marginTop: "2px" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  addButton: { alignSelf: "flex-start" },
});

export interface PromptCardProps {
  prompt: Prompt;
  timeZone: string;
  now: Date;
  /** The worker accepted; the card leaves and the list refreshes. */
  onStarted(prompt: Prompt, names: string[]): void;
  onDismissed(prompt: Prompt): void;
}

const noErrors: FormErrors = { entries: {}, general: [] };

/** After each networking event: "whom will you follow up with?" — two or three people, not everybody. */
export function PromptCard({ prompt, timeZone, now, onStarted, onDismissed }: PromptCardProps) {
  const styles = useStyles();
  const card = usePromptCardStyles();
  const forms = useFormStyles();
  const shared = useSharedStyles();
  const { onUnauthorized } = useApi();
  const api = useClient(createPromptsApi);
  const titleId = useId();
  const subjectId = useId();
  const idBase = useId();
  const cardRef = useRef<HTMLElement>(null);
  const [choice, setChoice] = useState<FollowUpChoice>(emptyChoice);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState<"start" | "dismiss">();
  const [focusInvalid, setFocusInvalid] = useState(0);
  const [focusAdded, setFocusAdded] = useState<string>();
  const nextKey = useRef(1);

  const count = chosenCount(choice);
  const nudge = nudgeFor(count);

  // Move focus to the first field that needs attention, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (focusInvalid === 0) return;
    cardRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);

  useEffect(() => {
    if (!focusAdded) return;
    cardRef.current?.querySelector<HTMLElement>(`[data-added-key="${focusAdded}"] input`)?.focus();
    setFocusAdded(undefined);
  }, [focusAdded]);

  const clearEntryErrors = (entry: string): void => {
    setErrors((current) => {
      if (!current.entries[entry] && current.general.length === 0) return current;
      const entries = { ...current.entries };
      delete entries[entry];
      return { entries, general: [] };
    });
  };

  const toggleAttendee = (email: string, checked: boolean): void => {
    const key = emailKey(email);
    setChoice((current) => {
      const chosen = { ...current.chosen };
      if (checked) chosen[key] = current.chosen[key] ?? emptyNotes;
      else delete chosen[key];
      return { ...current, chosen };
    });
    if (!checked) clearEntryErrors(attendeeEntry(email));
    else setErrors((current) => ({ ...current, general: [] }));
  };

  const setAttendeeNotes = (email: string, notes: Notes): void => {
    setChoice((current) => ({ ...current, chosen: { ...current.chosen, [emailKey(email)]: notes } }));
    clearEntryErrors(attendeeEntry(email));
  };

  const toggleNotes = (entry: string): void => {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(entry)) next.delete(entry);
      else next.add(entry);
      return next;
    });
  };

  const addPerson = (): void => {
    const key = `p${nextKey.current++}`;
    setChoice((current) => ({ ...current, added: [...current.added, blankPerson(key)] }));
    setErrors((current) => ({ ...current, general: [] }));
    setFocusAdded(key);
  };

  const updatePerson = (person: AddedPerson): void => {
    setChoice((current) => ({ ...current, added: current.added.map((p) => (p.key === person.key ? person : p)) }));
    clearEntryErrors(addedEntry(person.key));
  };

  const removePerson = (person: AddedPerson): void => {
    setChoice((current) => ({ ...current, added: current.added.filter((p) => p.key !== person.key) }));
    clearEntryErrors(addedEntry(person.key));
  };

  /** Opens the notes of every entry with an error, so no error is hidden in a collapsed section. */
  const showErrors = (next: FormErrors): void => {
    setErrors(next);
    setExpanded((current) => new Set([...current, ...Object.keys(next.entries)]));
    setFocusInvalid((n) => n + 1);
  };

  const start = async (): Promise<void> => {
    const problems = validateChoice(prompt, choice);
    if (hasErrors(problems)) {
      showErrors(problems);
      return;
    }
    const { request, entries } = buildFollowUpRequest(prompt, choice);
    setBusy("start");
    setErrors(noErrors);
    const started = await attempt(
      () => api.followUp(prompt.eventId, request).then(() => undefined),
      (failure) => {
        if (failure.kind !== "problem") return setErrors({ entries: {}, general: ["Can't reach your OfficeFollowUp worker. Nothing was lost; try again in a moment."] });
        const mapped = mapServerErrors(failure.fieldErrors, entries);
        if (!failure.fieldErrors) mapped.general.push(failure.title, ...failure.messages);
        showErrors(mapped);
      },
      onUnauthorized,
    );
    if (started) onStarted(prompt, request.people.map((p) => p.displayName || p.email));
    else setBusy(undefined);
  };

  const dismiss = async (): Promise<void> => {
    setBusy("dismiss");
    setErrors(noErrors);
    const dismissed = await attempt(() => api.dismiss(prompt.eventId), (failure) => setErrors({ entries: {}, general: [describeFailure(failure)] }), onUnauthorized);
    if (dismissed) onDismissed(prompt);
    else setBusy(undefined);
  };

  const ended = formatDueTime(new Date(prompt.end), timeZone, now);

  return (
    <section ref={cardRef} className={card.card} aria-labelledby={`${titleId} ${subjectId}`} data-testid="prompt-card" data-event-id={prompt.eventId}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
        className={card.form}
      >
        <div className={styles.heading}>
          <h2 id={titleId} className={card.title}>
            Whom will you follow up with?
          </h2>
          <Text id={subjectId} weight="medium" className={styles.subject}>
            {prompt.subject}
          </Text>
          <Caption1 className={shared.meta}>
            Ended <time dateTime={prompt.end}>{ended}</time>
          </Caption1>
        </div>

        {prompt.attendees.length > 0 ? (
          <fieldset className={mergeClasses(forms.plainFieldset, styles.attendees)}>
            <legend className={forms.plainLegend}>People on the invitation</legend>
            {prompt.attendees.map((attendee) => {
              const key = emailKey(attendee.email);
              const entry = attendeeEntry(attendee.email);
              const notes = choice.chosen[key];
              const open = expanded.has(entry);
              const notesId = `${idBase}-${key}`;
              const name = attendee.displayName.trim() || attendee.email;
              return (
                <div key={key} className={styles.attendee}>
                  <Checkbox
                    checked={notes !== undefined}
                    disabled={busy !== undefined}
                    onChange={(_, data) => toggleAttendee(attendee.email, data.checked === true)}
                    label={
                      <span className={styles.attendeeLabel}>
                        <span className={styles.attendeeName}>
                          <span>{name}</span>
                          {attendee.followingUp ? (
                            <Badge size="small" appearance="outline" color="success">
                              following up
                            </Badge>
                          ) : attendee.known ? (
                            <Badge size="small" appearance="outline" color="informative">
                              in your network
                            </Badge>
                          ) : null}
                        </span>
                        {name !== attendee.email ? (
                          <Caption1 className={shared.meta}>
                            <TextWithEmails text={attendee.email} />
                          </Caption1>
                        ) : null}
                      </span>
                    }
                  />
                  {notes ? (
                    <>
                      <Button
                        className={styles.notesToggle}
                        size="small"
                        appearance="transparent"
                        icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
                        aria-expanded={open}
                        aria-controls={notesId}
                        aria-label={`Notes about ${name}`}
                        onClick={() => toggleNotes(entry)}
                      >
                        {notes.remember.trim() || notes.promised.trim() ? "Notes (added)" : "Add notes"}
                      </Button>
                      <div id={notesId} className={styles.notes} hidden={!open}>
                        {open ? (
                          <NotesFields who={name} notes={notes} errors={errors.entries[entry]} onChange={(n) => setAttendeeNotes(attendee.email, n)} />
                        ) : null}
                      </div>
                    </>
                  ) : null}
                </div>
              );
            })}
          </fieldset>
        ) : (
          <Text size={200}>Nobody else was on the invitation. Add the people you met below.</Text>
        )}

        {choice.added.map((person, index) => (
          <AddedPersonFields
            key={person.key}
            index={index}
            person={person}
            errors={errors.entries[addedEntry(person.key)]}
            disabled={busy !== undefined}
            onChange={updatePerson}
            onRemove={removePerson}
          />
        ))}

        <Button className={styles.addButton} appearance="secondary" icon={<PersonAdd20Regular />} disabled={busy !== undefined} onClick={addPerson}>
          Add someone you met
        </Button>

        <div role="status" aria-live="polite">
          {nudge ? (
            <div className={card.nudge}>
              <Lightbulb16Regular className={styles.nudgeIcon} aria-hidden="true" />
              <Text size={200}>
                {count} people chosen. {nudge}
              </Text>
            </div>
          ) : null}
        </div>

        {errors.general.length > 0 ? (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Not started yet</MessageBarTitle>
              {errors.general.join(" ")}
            </MessageBarBody>
          </MessageBar>
        ) : null}

        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={count === 0 || busy !== undefined} icon={busy === "start" ? <BusySpinner label="Starting follow-up" /> : undefined}>
            {count > 0 ? `Start follow-up (${count})` : "Start follow-up"}
          </Button>
          <Button appearance="subtle" disabled={busy !== undefined} icon={busy === "dismiss" ? <BusySpinner label="Dismissing" /> : undefined} onClick={() => void dismiss()}>
            Nobody this time
          </Button>
        </div>
      </form>
    </section>
  );
}
