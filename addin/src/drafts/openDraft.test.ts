import { describe, expect, it } from "vitest";
import { draftPath, draftState, howToOpen } from "./openDraft";

describe("opening a previewed draft", () => {
  it("uses Outlook's form inside Outlook, whatever the link", () => {
    expect(howToOpen(true, "https://outlook.office365.com/owa/?ItemID=AAMk")).toEqual({ kind: "outlook" });
    expect(howToOpen(true, null)).toEqual({ kind: "outlook" });
  });

  it("follows the web link in a plain browser, https only", () => {
    expect(howToOpen(false, "https://outlook.office365.com/owa/?ItemID=AAMk%3D&exvsurl=1")).toEqual({
      kind: "web",
      href: "https://outlook.office365.com/owa/?ItemID=AAMk%3D&exvsurl=1",
    });
    expect(howToOpen(false, "javascript:alert(1)")).toEqual({ kind: "none" });
    expect(howToOpen(false, "http://outlook.example/owa")).toEqual({ kind: "none" });
    expect(howToOpen(false, "not a url")).toEqual({ kind: "none" });
    expect(howToOpen(false, null)).toEqual({ kind: "none" });
  });

  it("says whose version is shown and what to rewrite", () => {
    expect(draftState(true, 2)).toMatch(/^Your edited version/);
    expect(draftState(false, 0)).toBe("As prepared. Nothing in it needs rewriting.");
    expect(draftState(false, 1)).toBe("As prepared. Rewrite the highlighted part before sending.");
    expect(draftState(false, 3)).toBe("As prepared. Rewrite the 3 highlighted parts before sending.");
  });
});

describe("where a row's draft is read from", () => {
  it("is the step's draft for a follow-up and the named draft of a referral, encoded", () => {
    expect(draftPath("followUps", "step-1", "AAMk=")).toBe("/api/followups/step-1/draft");
    expect(draftPath("referrals", "ref-1", "AAMk/+=")).toBe("/api/referrals/ref-1/drafts/AAMk%2F%2B%3D");
  });

  it("is nothing for a row without a draft or from a source without drafts", () => {
    expect(draftPath("followUps", "step-1", null)).toBeUndefined();
    expect(draftPath("promises", "p-1", "AAMk")).toBeUndefined();
  });
});
