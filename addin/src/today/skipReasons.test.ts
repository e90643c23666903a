import { describe, expect, it } from "vitest";
import { validateSkipReason } from "../followups/api";
import { skipReasons } from "./skipReasons";

describe("one-tap skip reasons", () => {
  it.each([
    ["thankYou", "Already thanked them in person"],
    ["connect", "Already connected"],
    ["oneToOne", "Already met one-to-one"],
    ["promise", "Already in touch another way"],
  ])("puts the likeliest reason for %s first", (kind, first) => {
    expect(skipReasons(kind)[0]).toBe(first);
  });

  it("offers only reasons the worker accepts, each once", () => {
    for (const kind of ["thankYou", "connect", "oneToOne", "keepInTouch"]) {
      const reasons = skipReasons(kind);
      expect(new Set(reasons).size).toBe(reasons.length);
      expect(reasons.every((r) => validateSkipReason(r) === undefined)).toBe(true);
      expect(reasons.length).toBeLessThanOrEqual(4);
    }
  });
});
