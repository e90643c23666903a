/**
 * Email addresses in a narrow pane wrap only after "@" and dots ("aroha@ / clearwaterhr. / co.nz"),
 * never mid-word ("clearwaterhr.c / o.nz"): text is split into plain runs and addresses, and each
 * address into the pieces a line may end after.
 */

export type TextRun = { kind: "text"; text: string } | { kind: "email"; pieces: string[] };

const emailPattern = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:]*[^\s@<>()[\]"',;:.]/g;

/** The pieces of an address, each ending in "@" or "." except the last. */
export function emailPieces(email: string): string[] {
  return email.split(/(?<=[@.])/);
}

export function splitEmails(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  for (const m of text.matchAll(emailPattern)) {
    const start = m.index ?? 0;
    if (start > at) runs.push({ kind: "text", text: text.slice(at, start) });
    runs.push({ kind: "email", pieces: emailPieces(m[0]) });
    at = start + m[0].length;
  }
  if (at < text.length) runs.push({ kind: "text", text: text.slice(at) });
  return runs;
}
