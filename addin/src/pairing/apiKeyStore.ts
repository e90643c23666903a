/**
 * The pairing code (the worker's API key) lives in localStorage; it arrives once in the pane URL's
 * fragment (#key=…), which browsers never send to a server, and is wiped from the address bar at once.
 */

export const storageKey = "officefollowup.apiKey";

export interface KeyStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface PageLocation {
  hash: string;
  pathname: string;
  search: string;
}

export interface PageHistory {
  replaceState(data: unknown, unused: string, url?: string | URL | null): void;
}

/** The key from "#key=…" (also accepts other fragment parameters around it). */
export function keyFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const key = params.get("key")?.trim();
  return key ? key : undefined;
}

/**
 * What a person may paste: the bare code, or the whole pane URL the worker printed.
 * Returns undefined when nothing code-like is there.
 */
export function normalisePairingCode(input: string): string | undefined {
  const text = input.trim();
  if (text === "") return undefined;
  const hashAt = text.indexOf("#");
  if (hashAt >= 0) return keyFromHash(text.slice(hashAt));
  return /^[A-Za-z0-9_\-=.~+/]+$/.test(text) ? text : undefined;
}

export function safeStorage(): KeyStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage can be blocked (privacy settings); the pane then asks for the code each time.
    return undefined;
  }
}

/**
 * Takes the key from the URL when present (storing it and stripping it from the address bar),
 * else returns the stored one.
 */
export function loadApiKey(location: PageLocation, history: PageHistory, storage: KeyStorage | undefined): string | undefined {
  const fromHash = keyFromHash(location.hash);
  if (fromHash) {
    storage?.setItem(storageKey, fromHash);
    // office.js removes history.replaceState in some Office hosts; the key is stored either way.
    if (typeof history.replaceState === "function") history.replaceState(null, "", location.pathname + location.search);
    return fromHash;
  }
  return storage?.getItem(storageKey) ?? undefined;
}

export function saveApiKey(storage: KeyStorage | undefined, key: string): void {
  storage?.setItem(storageKey, key);
}

export function forgetApiKey(storage: KeyStorage | undefined): void {
  storage?.removeItem(storageKey);
}
