/** One-tap reasons to skip a step, the likeliest for its kind first; "Other…" lets the user type their own. */
export function skipReasons(kind: string): string[] {
  const common = ["Already in touch another way", "Not a fit for my network"];
  switch (kind) {
    case "thankYou":
      return ["Already thanked them in person", ...common];
    case "connect":
      return ["Already connected", "They're not on LinkedIn", ...common];
    case "oneToOne":
      return ["Already met one-to-one", "Not ready for a one-to-one", ...common];
    default:
      return common;
  }
}
