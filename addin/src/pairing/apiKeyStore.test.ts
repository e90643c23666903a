import { describe, expect, it, vi } from "vitest";
import { forgetApiKey, keyFromHash, loadApiKey, normalisePairingCode, storageKey, type KeyStorage } from "./apiKeyStore";

function memoryStorage(initial: Record<string, string> = {}): KeyStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
    removeItem: (k) => {
      delete data[k];
    },
  };
}

const code = "q8Xw3S0p_Jd-7bV2mN4kR9tY1uE6iO5aZcLhGfDsA0w";

describe("pairing code storage", () => {
  it("takes the key from #key=, stores it and strips it from the address bar", () => {
    const storage = memoryStorage();
    const history = { replaceState: vi.fn() };
    const key = loadApiKey({ hash: `#key=${code}`, pathname: "/taskpane.html", search: "?x=1" }, history, storage);
    expect(key).toBe(code);
    expect(storage.data[storageKey]).toBe(code);
    expect(history.replaceState).toHaveBeenCalledWith(null, "", "/taskpane.html?x=1");
  });

  it("falls back to the stored key when the URL has none", () => {
    const history = { replaceState: vi.fn() };
    const key = loadApiKey({ hash: "", pathname: "/taskpane.html", search: "" }, history, memoryStorage({ [storageKey]: "saved" }));
    expect(key).toBe("saved");
    expect(history.replaceState).not.toHaveBeenCalled();
  });

  it("has no key to offer on a first visit, so the pairing form shows", () => {
    expect(loadApiKey({ hash: "", pathname: "/", search: "" }, { replaceState: vi.fn() }, memoryStorage())).toBeUndefined();
  });

  it("still pairs where office.js has removed history.replaceState", () => {
    const history = { replaceState: null } as unknown as { replaceState: () => void };
    expect(loadApiKey({ hash: `#key=${code}`, pathname: "/", search: "" }, history, memoryStorage())).toBe(code);
  });

  it("forgets the key after the worker rejects it", () => {
    const storage = memoryStorage({ [storageKey]: "stale" });
    forgetApiKey(storage);
    expect(storage.data[storageKey]).toBeUndefined();
  });

  it("reads a key among other fragment parameters", () => {
    expect(keyFromHash("#view=list&key=abc")).toBe("abc");
  });

  it.each([
    [code, code],
    [`  ${code}\n`, code],
    [`http://127.0.0.1:5000/taskpane.html#key=${code}`, code],
    ["", undefined],
    ["not a code!", undefined],
  ])("normalises pasted pairing input %j", (input, expected) => {
    expect(normalisePairingCode(input)).toBe(expected);
  });
});
