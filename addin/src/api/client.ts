import type { TokenProvider } from "../auth/tokenProvider";

/** Why a call failed, in the terms the pane reacts to. */
export type ApiFailure =
  | { kind: "unauthorized" }
  | { kind: "unreachable"; detail: string }
  | { kind: "problem"; status: number; title: string; messages: string[]; fieldErrors?: FieldErrors };

/** A 400's `errors` member: field path (e.g. "people[1].email") to its messages. */
export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(describeFailure(failure));
    this.name = "ApiError";
  }
}

export function describeFailure(failure: ApiFailure): string {
  switch (failure.kind) {
    case "unauthorized":
      return "The worker did not accept the pairing code.";
    case "unreachable":
      return "Can't reach your OfficeFollowUp worker.";
    case "problem":
      return failure.title;
  }
}

interface ProblemDetails {
  title?: unknown;
  detail?: unknown;
  status?: unknown;
  errors?: unknown;
}

/**
 * RFC 9457 problem details to what a person reads: the title, then each field's messages.
 * Anything that is not problem JSON still yields a sentence naming the HTTP status.
 */
export function readProblem(status: number, body: unknown, statusText = ""): ApiFailure {
  const problem = (typeof body === "object" && body !== null ? body : {}) as ProblemDetails;
  const title =
    typeof problem.title === "string" && problem.title.trim() !== ""
      ? problem.title
      : status === 404
        ? "That follow-up no longer exists. It may have been completed elsewhere."
        : `The worker answered ${status}${statusText ? ` ${statusText}` : ""}.`;
  const messages: string[] = [];
  const fieldErrors: FieldErrors = {};
  if (typeof problem.detail === "string" && problem.detail.trim() !== "") messages.push(problem.detail);
  if (typeof problem.errors === "object" && problem.errors !== null) {
    for (const [field, value] of Object.entries(problem.errors as Record<string, unknown>)) {
      const texts = Array.isArray(value) ? value.filter((m): m is string => typeof m === "string") : typeof value === "string" ? [value] : [];
      messages.push(...texts);
      if (texts.length > 0) fieldErrors[field] = texts;
    }
  }
  return Object.keys(fieldErrors).length > 0 ? { kind: "problem", status, title, messages, fieldErrors } : { kind: "problem", status, title, messages };
}

export interface ApiClientOptions {
  /** Origin of the worker; "" means the page's own origin, which is how the worker serves the pane. */
  baseUrl?: string;
  /** The pairing code; or, signed in with Microsoft 365, `tokens`. */
  apiKey?: string;
  tokens?: TokenProvider;
  fetch?: typeof fetch;
  /** Where GET answers are kept for revalidation; one per client unless given. */
  revalidation?: RevalidationCache;
}

/**
 * The last ETag and body of every GET path. The worker's lists answer with a strong ETag; the next GET of
 * the same path sends it as If-None-Match, and a 304 (no body) means the kept body is still the answer, so
 * the pane keeps showing it without the worker sending, or the pane parsing, the list again.
 */
export class RevalidationCache {
  private readonly entries = new Map<string, { etag: string; body: unknown }>();

  /** The If-None-Match header for a GET of this path, if an answer is kept. */
  ifNoneMatch(path: string): string | undefined {
    return this.entries.get(path)?.etag;
  }

  /** Keeps a 200's body under its ETag; an answer without an ETag forgets what was kept. */
  remember(path: string, etag: string | null, body: unknown): void {
    if (etag) this.entries.set(path, { etag, body });
    else this.entries.delete(path);
  }

  /** The body kept for the path, for a 304; undefined when nothing is kept (the worker answered 304 to a tag we did not send). */
  kept(path: string): { body: unknown } | undefined {
    const entry = this.entries.get(path);
    return entry ? { body: entry.body } : undefined;
  }

  clear(): void {
    this.entries.clear();
  }
}

export function authorizationHeader(token: string): string {
  return `Bearer ${token}`;
}

/** For a resource edited as a whole (settings): optimistic concurrency through its ETag. */
export interface VersionedCall {
  /** Sent as If-Match: a write lands only if nobody saved since this ETag was read (the worker answers 412 otherwise). */
  ifMatch?: string;
  /** Told the answer's ETag (undefined when it has none), to send as `ifMatch` with the next write. */
  onETag?(etag: string | undefined): void;
}

/** One authenticated JSON call to the worker; every area's client (follow-ups, referrals, prompts, …) is built on it. */
export type ApiCall = <T>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown, signal?: AbortSignal, versioned?: VersionedCall) => Promise<T>;

export function createApiCall({
  baseUrl = "",
  apiKey,
  tokens,
  fetch: fetchImpl = globalThis.fetch.bind(globalThis),
  revalidation = new RevalidationCache(),
}: ApiClientOptions): ApiCall {
  // A token that cannot be had (sign-in cancelled, MSAL failed) is the same to the pane as one refused.
  const credential = async (forceRefresh: boolean): Promise<string> => {
    if (!tokens) return apiKey ?? "";
    try {
      return await tokens.token({ forceRefresh });
    } catch {
      throw new ApiError({ kind: "unauthorized" });
    }
  };

  return async function call<T>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown, signal?: AbortSignal, versioned?: VersionedCall): Promise<T> {
    const send = async (token: string): Promise<Response> => {
      const headers: Record<string, string> = { Accept: "application/json", Authorization: authorizationHeader(token) };
      if (body !== undefined) headers["Content-Type"] = "application/json";
      if (versioned?.ifMatch) headers["If-Match"] = versioned.ifMatch;
      const etag = method === "GET" ? revalidation.ifNoneMatch(path) : undefined;
      if (etag) headers["If-None-Match"] = etag;
      try {
        return await fetchImpl(`${baseUrl}${path}`, {
          method,
          headers,
          body: body === undefined ? null : JSON.stringify(body),
          cache: "no-store",
          ...(signal ? { signal } : {}),
        });
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new ApiError({ kind: "unreachable", detail: error instanceof Error ? error.message : String(error) });
      }
    };
    let response = await send(await credential(false));
    // An Entra token can be refused once for being stale (revoked, clock skew): refresh and try again, once.
    if (response.status === 401 && tokens) response = await send(await credential(true));
    if (response.status === 401) throw new ApiError({ kind: "unauthorized" });
    if (response.status === 304 && method === "GET") {
      // Not modified: the kept body is the answer.
      const kept = revalidation.kept(path);
      if (kept) {
        versioned?.onETag?.(revalidation.ifNoneMatch(path));
        return kept.body as T;
      }
      throw new ApiError({ kind: "problem", status: 304, title: "The worker sent an answer the pane cannot read.", messages: [] });
    }
    const text = await response.text();
    let json: unknown = undefined;
    if (text !== "") {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    if (!response.ok) throw new ApiError(readProblem(response.status, json, response.statusText));
    // 204 No Content (dismiss) has no body by design.
    if (response.status === 204) return undefined as T;
    if (json === undefined) throw new ApiError({ kind: "problem", status: response.status, title: "The worker sent an answer the pane cannot read.", messages: [] });
    if (method === "GET") revalidation.remember(path, response.headers.get("ETag"), json);
    versioned?.onETag?.(response.headers.get("ETag") ?? undefined);
    return json as T;
  };
}

/** Any thrown value as an ApiFailure, for the notices and the 401 → pairing path. */
export function failureOf(error: unknown): ApiFailure {
  return error instanceof ApiError ? error.failure : { kind: "unreachable", detail: error instanceof Error ? error.message : String(error) };
}

/**
 * Runs one call the user asked for (a button, a form): a 401 goes to the pairing form, any other
 * failure to `onFailure`. Resolves true when the call went through; never rejects.
 */
export async function attempt(action: () => Promise<void>, onFailure: (failure: ApiFailure) => void, onUnauthorized: () => void): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (error) {
    const failure = failureOf(error);
    if (failure.kind === "unauthorized") onUnauthorized();
    else onFailure(failure);
    return false;
  }
}
