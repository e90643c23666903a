import { describe, expect, it } from "vitest";
import { emailPieces, splitEmails } from "./emailBreaks";

describe("email addresses wrap only after @ and dots", () => {
  it.each([
    ["ana@clearwaterhr.co.nz", ["ana@", "clearwaterhr.", "co.", "nz"]],
    ["first.last@example.com", ["first.", "last@", "example.", "com"]],
    ["x@y.z", ["x@", "y.", "z"]],
  ])("%s", (email, pieces) => {
    expect(emailPieces(email)).toEqual(pieces);
    expect(emailPieces(email).join("")).toBe(email);
  });

  it("finds addresses inside text and leaves the rest alone", () => {
    expect(splitEmails("Reach out: ana@clearwaterhr.co.nz · Prefers email.")).toEqual([
      { kind: "text", text: "Reach out: " },
      { kind: "email", pieces: ["ana@", "clearwaterhr.", "co.", "nz"] },
      { kind: "text", text: " · Prefers email." },
    ]);
  });

  it("does not take a sentence's full stop into the address", () => {
    expect(splitEmails("Write to sam@lee.nz.")).toEqual([
      { kind: "text", text: "Write to " },
      { kind: "email", pieces: ["sam@", "lee.", "nz"] },
      { kind: "text", text: "." },
    ]);
  });

  it("is plain text when there is no address", () => {
    expect(splitEmails("Ana Smith")).toEqual([{ kind: "text", text: "Ana Smith" }]);
    expect(splitEmails("")).toEqual([]);
  });
});
