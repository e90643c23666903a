import { useId, useMemo, useState } from "react";
import { Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Lightbulb16Regular, Search20Regular } from "@fluentui/react-icons";
import { useApi, useClient } from "../api/ApiContext";
import { attempt, describeFailure } from "../api/client";
import { emailKey } from "../prompts/followUpForm";
import { useFormStyles } from "../ui/forms";
import { useSharedStyles, usePromptCardStyles } from "../ui/styles";
import { createBulkPromptsApi } from "./api";
import { buildBulkRequest, canPickMore, headline, mostPicked, nudgeFor, toggle, visiblePeople } from "./bulkPicker";
import type { BulkPrompt } from "./model";
import { BusySpinner } from "../ui/BusySpinner";

const useStyles = makeStyles({
  people: { gap: tokens.spacingVerticalXS },
  label: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface BulkPromptCardProps {
  prompt: BulkPrompt;
  onStarted(prompt: BulkPrompt, names: string[]): void;
  onDismissed(prompt: BulkPrompt): void;
}

/** Many contacts at once (an import, a phone sync): the same "whom will you follow up with?" as after an event, with search. */
export function BulkPromptCard({ prompt, onStarted, onDismissed }: BulkPromptCardProps) {
  const styles = useStyles();
  const card = usePromptCardStyles();
  const forms = useFormStyles();
  const shared = useSharedStyles();
  const { onUnauthorized } = useApi();
  const api = useClient(createBulkPromptsApi);
  const titleId = useId();
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<"start" | "dismiss">();
  const [error, setError] = useState<string>();
  const visible = useMemo(() => visiblePeople(prompt, query, picked), [prompt, query, picked]);
  const nudge = nudgeFor(picked.size);

  const start = async (): Promise<void> => {
    const request = buildBulkRequest(prompt, picked);
    setBusy("start");
    setError(undefined);
    const started = await attempt(
      () => api.followUp(prompt.id, request).then(() => undefined),
      (failure) => setError(failure.kind === "problem" ? [failure.title, ...failure.messages].join(" ") : describeFailure(failure)),
      onUnauthorized,
    );
    if (started) {
      const byKey = new Map(prompt.people.map((p) => [emailKey(p.email), p.displayName || p.email]));
      onStarted(prompt, request.emails.map((e) => byKey.get(emailKey(e)) ?? e));
    } else setBusy(undefined);
  };

  const dismiss = async (): Promise<void> => {
    setBusy("dismiss");
    setError(undefined);
    const dismissed = await attempt(() => api.dismiss(prompt.id), (failure) => setError(describeFailure(failure)), onUnauthorized);
    if (dismissed) onDismissed(prompt);
    else setBusy(undefined);
  };

  return (
    <section className={card.card} aria-labelledby={titleId} data-testid="bulk-prompt-card" data-bulk-id={prompt.id}>
      <form
        noValidate
        className={card.form}
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <h2 id={titleId} className={card.title}>
          {headline(prompt.count)}
        </h2>
        <Text size={200}>Nobody gets a draft or a hold until you pick. Whoever you don't pick is left alone.</Text>

        <Field label="Search by name, email or company">
          <Input type="search" value={query} contentBefore={<Search20Regular />} onChange={(_, data) => setQuery(data.value)} disabled={busy !== undefined} />
        </Field>

        <fieldset className={mergeClasses(forms.plainFieldset, styles.people)}>
          <legend className={forms.plainLegend}>
            {visible.matching > visible.people.length
              ? `Showing ${visible.people.length} of ${visible.matching}; search to find someone`
              : query.trim()
                ? `${visible.matching} matching`
                : `${visible.matching} people`}
          </legend>
          {visible.people.map((person) => {
            const key = emailKey(person.email);
            const checked = picked.has(key);
            const name = person.displayName.trim() || person.email;
            return (
              <Checkbox
                key={key}
                checked={checked}
                disabled={busy !== undefined || (!checked && !canPickMore(picked))}
                onChange={(_, data) => setPicked((current) => toggle(current, person.email, data.checked === true))}
                label={
                  <span className={styles.label}>
                    <span>{name}</span>
                    <Caption1 className={shared.meta}>{[person.companyName, name !== person.email ? person.email : null].filter(Boolean).join(" · ")}</Caption1>
                  </span>
                }
              />
            );
          })}
        </fieldset>

        <div role="status" aria-live="polite">
          {nudge || !canPickMore(picked) ? (
            <div className={card.nudge}>
              <Lightbulb16Regular aria-hidden="true" />
              <Text size={200}>
                {picked.size} people chosen. {canPickMore(picked) ? nudge : `${mostPicked} at most at once.`}
              </Text>
            </div>
          ) : null}
        </div>

        {error ? (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Not started yet</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        ) : null}

        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={picked.size === 0 || busy !== undefined} icon={busy === "start" ? <BusySpinner label="Starting follow-up" /> : undefined}>
            {picked.size > 0 ? `Start follow-up (${picked.size})` : "Start follow-up"}
          </Button>
          <Button appearance="subtle" disabled={busy !== undefined} icon={busy === "dismiss" ? <BusySpinner label="Dismissing" /> : undefined} onClick={() => void dismiss()}>
            Nobody from these
          </Button>
        </div>
      </form>
    </section>
  );
}
