import { useEffect, useId, useState } from "react";
import { Badge, Button, Caption1, Field, Input, Link, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { CalendarLtr20Regular, Edit20Regular, Open16Regular, PersonSearch20Regular } from "@fluentui/react-icons";
import { useClient } from "../api/ApiContext";
import { useAction } from "../api/useAction";
import type { OfficeHost } from "../office/officeHost";
import type { SelectedPerson } from "../office/selectedPerson";
import { safeHttpUrl } from "../prompts/followUpForm";
import { formatDueTime, formatWeekdayDate } from "../time/formatDue";
import { EmptyState, LoadState } from "../ui/LoadState";
import { noticeFor, type Notice } from "../ui/notice";
import { NoticeBar } from "../ui/NoticeBar";
import { useSharedStyles } from "../ui/styles";
import { TextWithEmails } from "../ui/TextWithEmails";
import { useLoad } from "../ui/useLoad";
import { createPeopleApi, looksLikeEmail, rememberMaxLength, validateRemember } from "./api";
import type { PersonCard } from "./model";
import { channelName, normaliseChannel } from "./person";
import { cardName, completionText, howMetText, referralText, trackProgress, trackSteps } from "./personCard";
import { BusySpinner } from "../ui/BusySpinner";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  who: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  name: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  steps: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  step: { listStyleType: "none", display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  stepName: { flexGrow: 1, minWidth: "8em" },
  remember: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  lookup: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  lookupField: { flexGrow: 1, minWidth: "10em" },
  link: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXXS, overflowWrap: "anywhere" },
});

export interface PersonTarget {
  email: string;
  /** What the message or row called them, until the card answers. */
  displayName: string;
}

export interface PersonViewProps {
  office: OfficeHost;
  selected: SelectedPerson;
  /** Someone looked up by hand or picked from Today; wins over the selected message. */
  lookup: PersonTarget | undefined;
  onLookup(target: PersonTarget | undefined): void;
  timeZone: string;
  announce(text: string): void;
}

export function targetOf(selected: SelectedPerson, lookup: PersonTarget | undefined): PersonTarget | undefined {
  if (lookup) return lookup;
  return selected.kind === "person" ? { email: selected.email, displayName: selected.displayName } : undefined;
}

export function PersonView({ office, selected, lookup, onLookup, timeZone, announce }: PersonViewProps) {
  const shared = useSharedStyles();
  const target = targetOf(selected, lookup);

  return (
    <div className={shared.view} data-testid="person-view">
      {lookup && selected.kind === "person" && selected.email.toLowerCase() !== lookup.email.toLowerCase() ? (
        <Link as="button" onClick={() => onLookup(undefined)}>
          Back to the selected message ({selected.displayName || selected.email})
        </Link>
      ) : null}

      {!target ? (
        <EmptyState icon={<PersonSearch20Regular aria-hidden="true" />} title={emptyTitle(selected, office.inOutlook)} testId="person-empty">
          {emptyHint(selected, office.inOutlook)}
        </EmptyState>
      ) : (
        // Keyed by address: another person starts from a spinner, not from the last one's card.
        <LoadedCard key={target.email} target={target} office={office} timeZone={timeZone} announce={announce} />
      )}

      <LookupForm inOutlook={office.inOutlook} onLookup={(e) => onLookup({ email: e, displayName: "" })} />
    </div>
  );
}

function LoadedCard({ target, office, timeZone, announce }: { target: PersonTarget; office: OfficeHost; timeZone: string; announce(text: string): void }) {
  const api = useClient(createPeopleApi);
  const loaded = useLoad((signal) => api.card(target.email, signal), target.email);
  return (
    <LoadState {...loaded} what="this person" label={`Looking up ${target.displayName || target.email}…`}>
      {(card) => <CardBody card={card} fallbackName={target.displayName} office={office} timeZone={timeZone} onCard={(next) => loaded.update(() => next)} announce={announce} />}
    </LoadState>
  );
}

function emptyTitle(selected: SelectedPerson, inOutlook: boolean): string {
  if (!inOutlook) return "Look someone up";
  return selected.kind === "noRecipient" ? "Add a recipient" : "No message selected";
}

function emptyHint(selected: SelectedPerson, inOutlook: boolean): string {
  if (!inOutlook) return "Enter an email address below to see who they are, how you met and where their follow-up stands.";
  return selected.kind === "noRecipient"
    ? "When the To line has someone, their card shows here."
    : "Select a message (pin the pane to keep it open) and the sender's card shows here.";
}

function LookupForm({ inOutlook, onLookup }: { inOutlook: boolean; onLookup(email: string): void }) {
  const styles = useStyles();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string>();
  return (
    <form
      className={styles.lookup}
      role="search"
      aria-label="Look up a person"
      onSubmit={(e) => {
        e.preventDefault();
        if (!looksLikeEmail(value)) {
          setError("Enter an email address, e.g. name@example.com.");
          return;
        }
        setError(undefined);
        onLookup(value.trim());
      }}
    >
      <Field className={styles.lookupField} label={inOutlook ? "Look up someone else" : "Email address"} validationMessage={error} validationState={error ? "error" : "none"}>
        <Input type="email" size="small" value={value} onChange={(_, d) => setValue(d.value)} placeholder="name@example.com" />
      </Field>
      <Button type="submit" size="small">
        Look up
      </Button>
    </form>
  );
}

interface CardBodyProps {
  card: PersonCard;
  fallbackName: string;
  office: OfficeHost;
  timeZone: string;
  onCard(card: PersonCard): void;
  announce(text: string): void;
}

function CardBody({ card, fallbackName, office, timeZone, onCard, announce }: CardBodyProps) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const nameId = useId();
  const now = new Date();
  const name = cardName(card, fallbackName);
  const steps = trackSteps(card, now);
  const channel = normaliseChannel(card.preferredChannel);
  const profile = safeHttpUrl(card.profileUrl);
  const dateOnly = (iso: string): string => formatWeekdayDate(new Date(iso), timeZone);
  const met = howMetText(card);
  const referrals = card.referrals ?? [];

  return (
    <article className={shared.card} aria-labelledby={nameId} data-testid="person-card" data-email={card.email}>
      <div className={styles.header}>
        <div className={styles.who}>
          <h2 id={nameId} className={styles.name} data-testid="person-name">
            <TextWithEmails text={name} />
          </h2>
          <Caption1 className={shared.meta}>
            <TextWithEmails text={[card.email !== name ? card.email : undefined, card.companyName].filter(Boolean).join(" · ")} />
          </Caption1>
        </div>
        {card.isAcquaintance ? (
          <Badge appearance="tint" color="brand" shape="rounded">
            New acquaintance
          </Badge>
        ) : !card.known ? (
          <Badge appearance="tint" color="subtle" shape="rounded">
            Not followed up
          </Badge>
        ) : null}
      </div>

      {card.known ? (
        <section className={styles.section} aria-label="How you met">
          <h3 className={styles.sectionTitle}>How you met</h3>
          <Text size={200} data-testid="person-how-met">
            {met.text}
            {met.at ? `, ${dateOnly(met.at)}` : card.metAt ? `, ${dateOnly(card.metAt)}` : ""}
          </Text>
        </section>
      ) : (
        <Text size={200}>Not in your follow-ups yet. When you meet them at a networking event or add them as a contact, their track starts here.</Text>
      )}

      {card.known && card.steps.length > 0 ? (
        <section className={styles.section} aria-label="Follow-up track">
          <h3 className={styles.sectionTitle}>Follow-up track · {trackProgress(steps)}</h3>
          <ol className={styles.steps}>
            {steps.map((s) => (
              <li key={s.step} className={styles.step} data-testid="track-step">
                <Text size={200} className={styles.stepName}>
                  {s.label} <span className={shared.meta}>({s.hint})</span>
                </Text>
                <Badge appearance="tint" color={s.badge.color} shape="rounded">
                  {s.badge.text}
                </Badge>
                {completionText(s.item, timeZone) ? (
                  <Caption1 className={shared.meta} data-testid="track-step-done">
                    {completionText(s.item, timeZone)}
                  </Caption1>
                ) : null}
                {s.due && s.item?.state !== "done" && s.item?.state !== "skipped" ? (
                  <Caption1 className={shared.meta}>
                    <time dateTime={s.due.toISOString()}>{formatDueTime(s.due, timeZone, now)}</time>
                  </Caption1>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {card.notes?.trim() ? (
        <section className={styles.section} aria-label="Notes in Outlook">
          <h3 className={styles.sectionTitle}>Notes in Outlook</h3>
          <Text size={200} className={styles.remember} data-testid="person-notes">
            <TextWithEmails text={card.notes.trim()} />
          </Text>
        </section>
      ) : null}

      {referrals.length > 0 ? (
        <section className={styles.section} aria-label="Referrals">
          <h3 className={styles.sectionTitle}>Referrals ({referrals.length})</h3>
          <ul className={styles.steps}>
            {referrals.map((r) => (
              <li key={`${r.id}-${r.role}`} className={styles.step} data-testid="person-referral">
                <Text size={200} className={styles.remember}>
                  <TextWithEmails text={referralText(r)} />
                </Text>
                <Caption1 className={shared.meta}>{dateOnly(r.referredAt)}</Caption1>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className={styles.section} aria-label="Last meeting">
        <h3 className={styles.sectionTitle}>Last meeting</h3>
        {card.lastMeeting ? (
          <div className={styles.row}>
            <Text size={200}>
              {card.lastMeeting.subject || "(no subject)"}, {dateOnly(card.lastMeeting.start)}
            </Text>
            {office.inOutlook ? (
              <Button
                size="small"
                appearance="subtle"
                icon={<CalendarLtr20Regular />}
                aria-label={`Open meeting: ${card.lastMeeting.subject}`}
                onClick={() => card.lastMeeting && office.openAppointment(card.lastMeeting.eventId)}
              >
                Open
              </Button>
            ) : null}
          </div>
        ) : (
          <Text size={200}>No meeting with them on your calendar yet.</Text>
        )}
      </section>

      {channel || profile || card.promised ? (
        <section className={styles.section} aria-label="Staying in touch">
          <h3 className={styles.sectionTitle}>Staying in touch</h3>
          {channel ? <Text size={200}>Prefers {channelName(channel)}</Text> : null}
          {profile ? (
            <Link className={styles.link} href={profile.href} target="_blank" rel="noopener noreferrer" aria-label={`${name}'s profile (opens in a new tab)`}>
              <Open16Regular aria-hidden="true" />
              {profile.hostname.replace(/^www\./, "")}
            </Link>
          ) : null}
          {card.promised ? <Text size={200}>You promised: {card.promised}</Text> : null}
        </section>
      ) : null}

      <RememberSection card={card} name={name} onCard={onCard} announce={announce} />
    </article>
  );
}

function RememberSection({ card, name, onCard, announce }: { card: PersonCard; name: string; onCard(card: PersonCard): void; announce(text: string): void }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(card.remember ?? "");
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const api = useClient(createPeopleApi);
  const { busy, run } = useAction();

  useEffect(() => {
    setEditing(false);
    setValue(card.remember ?? "");
    setError(undefined);
  }, [card.email, card.remember]);

  const save = (): void => {
    const problem = validateRemember(value);
    setError(problem);
    if (problem) return;
    setNotice(undefined);
    void run(
      async () => {
        onCard(await api.remember(card.email, card.displayName?.trim() || name, value.trim()));
        setEditing(false);
        announce(`Saved the one thing to remember about ${name}.`);
      },
      (failure) => (failure.kind === "problem" && failure.fieldErrors?.remember ? setError(failure.fieldErrors.remember.join(" ")) : setNotice(noticeFor(failure))),
    );
  };

  return (
    <section className={styles.section} aria-label="One thing to remember">
      <h3 className={styles.sectionTitle}>One thing to remember</h3>
      {notice ? <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} /> : null}
      {editing ? (
        <form
          className={shared.view}
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Field label={`One thing to remember about ${name}`} validationMessage={error} validationState={error ? "error" : "none"} hint={`Up to ${rememberMaxLength} characters; it goes into the thank-you note.`}>
            <Textarea value={value} maxLength={rememberMaxLength} resize="vertical" onChange={(_, d) => setValue(d.value)} />
          </Field>
          <div className={styles.row}>
            <Button type="submit" size="small" appearance="primary" disabled={busy} icon={busy ? <BusySpinner label="Saving" /> : undefined}>
              Save
            </Button>
            <Button size="small" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className={styles.row}>
          <Text size={200} className={styles.remember} data-testid="person-remember">
            {card.remember?.trim() || "Nothing noted yet."}
          </Text>
          <Button size="small" appearance="subtle" icon={<Edit20Regular />} aria-label={`Edit the one thing to remember about ${name}`} onClick={() => setEditing(true)}>
            Edit
          </Button>
        </div>
      )}
    </section>
  );
}
