/** One run of a draft's text: highlighted when it is a part the user must rewrite before sending. */
export interface DraftRun {
  text: string;
  marked: boolean;
}

/** A paragraph of a draft, as lines (a <br> starts a new one) of runs. */
export type DraftParagraph = DraftRun[][];

const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", mdash: "\u2014", ndash: "\u2013", hellip: "\u2026" };

/** HTML character references to text: named ones the drafts use, and every numeric one. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[ref.toLowerCase()] ?? whole;
  });
}

/**
 * A draft's HTML as paragraphs of plain text, with the highlighted (<mark>) parts flagged. Nothing of the HTML is
 * kept but its paragraphs, line breaks and highlights, so the pane renders text only, whatever the body holds
 * (a draft the user edited in Outlook is their HTML). Script, style and head contents are dropped.
 */
export function draftParagraphs(html: string): DraftParagraph[] {
  const paragraphs: DraftParagraph[] = [];
  let lines: DraftRun[][] = [[]];
  let marked = 0;
  const flushParagraph = () => {
    const kept = trimLines(lines);
    if (kept.length > 0) paragraphs.push(kept);
    lines = [[]];
  };
  const cleaned = html.replace(/<!--[\s\S]*?-->/g, "").replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, "");
  const tag = /<\/?([a-z][a-z0-9]*)\b[^>]*>/gi;
  let at = 0;
  for (let m = tag.exec(cleaned); m; m = tag.exec(cleaned)) {
    addText(lines, cleaned.slice(at, m.index), marked > 0);
    at = m.index + m[0].length;
    const name = m[1]!.toLowerCase();
    const closing = m[0][1] === "/";
    if (name === "mark") marked = Math.max(0, marked + (closing ? -1 : 1));
    else if (name === "br") lines.push([]);
    else if (["p", "div", "li", "tr", "h1", "h2", "h3", "h4", "blockquote", "table"].includes(name)) flushParagraph();
  }
  addText(lines, cleaned.slice(at), marked > 0);
  flushParagraph();
  return paragraphs;
}

function addText(lines: DraftRun[][], raw: string, marked: boolean): void {
  const text = decodeEntities(raw.replace(/[\s]+/g, " "));
  if (text === "") return;
  const line = lines[lines.length - 1]!;
  const last = line[line.length - 1];
  if (last && last.marked === marked) last.text += text;
  else line.push({ text, marked });
}

function trimLines(lines: DraftRun[][]): DraftRun[][] {
  const trimmed = lines.map((line) => {
    const runs = line.map((r) => ({ ...r }));
    if (runs.length > 0) runs[0]!.text = runs[0]!.text.replace(/^ +/, "");
    if (runs.length > 0) runs[runs.length - 1]!.text = runs[runs.length - 1]!.text.replace(/ +$/, "");
    return runs.filter((r) => r.text !== "");
  });
  while (trimmed.length > 0 && trimmed[0]!.length === 0) trimmed.shift();
  while (trimmed.length > 0 && trimmed[trimmed.length - 1]!.length === 0) trimmed.pop();
  return trimmed;
}
