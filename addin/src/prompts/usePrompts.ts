import { useCallback, useEffect, useRef, useState } from "react";
import { useApi } from "../api/ApiContext";
import { failureOf } from "../api/client";
import type { PromptsApi } from "./api";
import type { Prompt } from "./model";

/**
 * The pending "whom will you follow up with?" prompts, reloaded whenever the list refreshes
 * (`refreshedAt`). Failures stay quiet: the follow-up list already says when the worker is
 * unreachable, and a worker without prompts (older build, 404) simply has none to ask.
 */
export function usePrompts(api: PromptsApi, refreshedAt: Date | undefined) {
  const { onUnauthorized } = useApi();
  const [prompts, setPrompts] = useState<Prompt[]>([]);
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;
  // Answered prompts stay hidden even if a refresh started before the answer still lists them.
  const answered = useRef(new Set<string>());

  useEffect(() => {
    const controller = new AbortController();
    api
      .list(controller.signal)
      .then((list) => {
        if (!controller.signal.aborted) setPrompts(list.items.filter((p) => !answered.current.has(p.eventId)));
      })
      .catch((error: unknown) => {
        if (failureOf(error).kind === "unauthorized") unauthorized.current();
      });
    return () => controller.abort();
  }, [api, refreshedAt]);

  const remove = useCallback((eventId: string) => {
    answered.current.add(eventId);
    setPrompts((current) => current.filter((p) => p.eventId !== eventId));
  }, []);

  return { prompts, remove };
}
