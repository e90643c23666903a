import { describe, expect, it } from "vitest";
import type { PromiseItem } from "./model";
import { buildPromiseRequest, emptyPromiseForm, mapPromiseErrors, sortPromises, validatePromiseForm, type PromiseForm } from "./promiseForm";

const zone = "Pacific/Auckland";
// Wednesday 25 November 2026, 10:00 in Auckland (NZDT, +13:00).
const now = new Date("2026-11-24T21:00:00Z");
const valid: PromiseForm = { email: "priya@brightpath.co.nz", name: "Priya", text: "Send the accountant's details", due: "2026-11-27T17:00", channel: "" };

describe("promise form", () => {
  it("defaults to three days ahead at 9:00 in the mailbox's zone", () => {
    expect(emptyPromiseForm(now, zone)).toEqual({ email: "", name: "", text: "", channel: "", due: "2026-11-28T09:00" });
  });

  it.each<[string, Partial<PromiseForm>, keyof PromiseForm, RegExp]>([
    ["no email", { email: "" }, "email", /email address/],
    ["a bad email", { email: "priya" }, "email", /name@example.com/],
    ["no text", { text: " " }, "text", /what you promised/],
    ["a long text", { text: "x".repeat(501) }, "text", /500/],
    ["no due date", { due: "" }, "due", /date and a time/],
    ["a date long past", { due: "2026-10-01T09:00" }, "due", /long past/],
    ["a date years away", { due: "2029-01-01T09:00" }, "due", /two years/],
  ])("refuses %s", (_, patch, field, message) => {
    expect(validatePromiseForm({ ...valid, ...patch }, zone, now)[field]).toMatch(message);
  });

  it("accepts a promise due earlier today (an overdue one is still worth recording)", () => {
    expect(validatePromiseForm({ ...valid, due: "2026-11-25T08:00" }, zone, now)).toEqual({});
  });

  it("sends the due time at the mailbox zone's offset", () => {
    expect(buildPromiseRequest({ ...valid, name: " " }, zone)).toEqual({ person: { email: "priya@brightpath.co.nz" }, text: "Send the accountant's details", dueAt: "2026-11-27T17:00:00+13:00" });
  });

  it("sends how the user will keep it only when they said", () => {
    expect(buildPromiseRequest({ ...valid, channel: "email" }, zone).channel).toBe("email");
    expect("channel" in buildPromiseRequest(valid, zone)).toBe(false);
  });

  it("maps the worker's field errors", () => {
    expect(mapPromiseErrors({ "person.email": ["Bad"], dueAt: ["Past"], channel: ["Say email"], eventId: ["No such event"] })).toEqual({ fields: { email: "Bad", due: "Past", channel: "Say email" }, general: ["No such event"] });
  });

  it("puts overdue promises first, then the soonest (a snoozed one from when it wakes)", () => {
    const p = (id: string, dueAt: string, patch: Partial<PromiseItem> = {}): PromiseItem => ({
      id, person: { displayName: "P", email: "p@q.co" }, text: "t", dueAt, state: "open", snoozedUntil: null, overdue: false, eventId: null, eventSubject: null, preferredChannel: null, ...patch,
    });
    const sorted = sortPromises([
      p("later", "2026-11-30T09:00:00Z"),
      p("snoozed", "2026-11-20T09:00:00Z", { state: "snoozed", snoozedUntil: "2026-12-05T09:00:00Z" }),
      p("overdue", "2026-11-23T09:00:00Z", { overdue: true }),
      p("soon", "2026-11-26T09:00:00Z"),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(["overdue", "soon", "later", "snoozed"]);
  });
});
