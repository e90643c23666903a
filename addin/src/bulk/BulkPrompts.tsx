import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { Spinner } from "@fluentui/react-components";
import { useApi, useClient } from "../api/ApiContext";
import { failureOf } from "../api/client";
import type { Notice } from "../ui/notice";
import { createBulkPromptsApi } from "./api";
import type { BulkPrompt } from "./model";

// Rare (an import, a phone sync): the card loads only when there is one, keeping the first chunk small.
const BulkPromptCard = lazy(() => import("./BulkPromptCard").then((m) => ({ default: m.BulkPromptCard })));

export interface BulkPromptsProps {
  /** Reloads whenever the Today list refreshes. */
  refreshedAt: Date | undefined;
  onAnswered(): void;
  announce(text: string): void;
  notify(notice: Notice): void;
}

/**
 * The bulk additions waiting for an answer, above Today. Failures stay quiet, as the event prompts' do: the Today list
 * already says when the worker is unreachable, and an older worker (404) simply has none.
 */
export function BulkPrompts({ refreshedAt, onAnswered, announce, notify }: BulkPromptsProps) {
  const { onUnauthorized } = useApi();
  const api = useClient(createBulkPromptsApi);
  const [prompts, setPrompts] = useState<BulkPrompt[]>([]);
  const answered = useRef(new Set<string>());
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;

  useEffect(() => {
    const controller = new AbortController();
    api
      .list(controller.signal)
      .then((list) => {
        if (!controller.signal.aborted) setPrompts(list.items.filter((p) => !answered.current.has(p.id)));
      })
      .catch((error: unknown) => {
        if (failureOf(error).kind === "unauthorized") unauthorized.current();
      });
    return () => controller.abort();
  }, [api, refreshedAt]);

  const remove = (prompt: BulkPrompt): void => {
    answered.current.add(prompt.id);
    setPrompts((current) => current.filter((p) => p.id !== prompt.id));
  };

  if (prompts.length === 0) return null;
  return (
    <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
      {prompts.map((prompt) => (
        <BulkPromptCard
          key={prompt.id}
          prompt={prompt}
          onStarted={(p, names) => {
            remove(p);
            announce(`Follow-up started with ${names.join(", ")}. The others from this import are left alone.`);
            notify({ intent: "success", title: `Follow-up started with ${names.length === 1 ? names[0] : `${names.length} people`}`, messages: ["Thank-you drafts, connect reminders and one-to-one holds appear in the list."] });
            onAnswered();
          }}
          onDismissed={(p) => {
            remove(p);
            announce(`No follow-up for the ${p.count} contacts added at once.`);
          }}
        />
      ))}
    </Suspense>
  );
}
