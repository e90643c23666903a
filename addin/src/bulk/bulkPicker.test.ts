import { describe, expect, it } from "vitest";
import { buildBulkRequest, canPickMore, headline, matches, mostPicked, shownAtOnce, toggle, visiblePeople } from "./bulkPicker";
import type { BulkPerson, BulkPrompt } from "./model";

const person = (i: number, extra: Partial<BulkPerson> = {}): BulkPerson => ({
  email: `guest${i}@import.example`,
  displayName: `Guest ${i}`,
  companyName: null,
  ...extra,
});

const big: BulkPrompt = {
  id: "bulk-1",
  foundAt: "2026-11-25T09:00:00+13:00",
  count: 412,
  people: [
    person(0, { displayName: "Chloé Dubois", companyName: "Harbour Law" }),
    person(1, { displayName: "Aroha Ngata", email: "Aroha.Ngata@example.co.nz" }),
    ...Array.from({ length: 410 }, (_, i) => person(i + 2)),
  ],
};

describe("the bulk picker", () => {
  it("asks in the user's words, with the count", () => {
    expect(headline(412)).toBe("You added 412 contacts at once — whom will you follow up with?");
    expect(headline(1200)).toBe("You added 1,200 contacts at once — whom will you follow up with?");
  });

  it.each([
    ["", true],
    ["chloe", true],
    ["CHLOÉ dubois", true],
    ["harbour", true],
    ["import.example", true],
    ["chloe ngata", false],
    ["nobody", false],
  ])("search %j matches Chloé Dubois of Harbour Law: %s", (query, expected) => {
    expect(matches(big.people[0]!, query)).toBe(expected);
  });

  it("shows a long list a page at a time, and says how many match", () => {
    const all = visiblePeople(big, "", new Set());
    expect(all.people).toHaveLength(shownAtOnce);
    expect(all.matching).toBe(412);

    const narrowed = visiblePeople(big, "aroha", new Set());
    expect(narrowed.people.map((p) => p.displayName)).toEqual(["Aroha Ngata"]);
    expect(narrowed.matching).toBe(1);
  });

  it("keeps the people picked in sight whatever the search", () => {
    const picked = toggle(new Set(), "guest300@import.example", true);
    const visible = visiblePeople(big, "aroha", picked);
    expect(visible.people.map((p) => p.email)).toEqual(["guest300@import.example", "Aroha.Ngata@example.co.nz"]);
  });

  it("picks case-insensitively and unpicks", () => {
    let picked = toggle(new Set(), "Aroha.Ngata@example.co.nz", true);
    expect(picked.has("aroha.ngata@example.co.nz")).toBe(true);
    picked = toggle(picked, "aroha.ngata@EXAMPLE.co.nz", false);
    expect(picked.size).toBe(0);
  });

  it(`refuses a pick past ${mostPicked}, as the worker would`, () => {
    let picked: ReadonlySet<string> = new Set();
    for (let i = 0; i < mostPicked; i++) picked = toggle(picked, `guest${i + 2}@import.example`, true);
    expect(canPickMore(picked)).toBe(false);
    expect(toggle(picked, "guest99@import.example", true)).toBe(picked);
    expect(canPickMore(toggle(picked, "guest2@import.example", false))).toBe(true);
  });

  it("sends the people picked in the prompt's order, spelled as the worker sent them", () => {
    const picked = toggle(toggle(new Set(), "guest5@import.example", true), "aroha.ngata@example.co.nz", true);
    expect(buildBulkRequest(big, picked)).toEqual({ emails: ["Aroha.Ngata@example.co.nz", "guest5@import.example"] });
  });
});
