import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Rule 6, "Time is the user's": every time the pane shows is in the mailbox's zone, rendered by
 * src/time/. A Date formatted anywhere else is in the browser's zone (toLocaleTimeString, getHours…)
 * or bypasses the one helper (a bare Intl.DateTimeFormat), and this test names the line.
 */

const src = join(import.meta.dirname, "..");
const banned: ReadonlyArray<[RegExp, string]> = [
  [/\.toLocale(Time|Date)?String\(/, "formats in the browser's zone"],
  [/\.to(Date|Time)String\(/, "formats in the browser's zone"],
  [/\.get(Hours|Minutes|Seconds|Date|Day|Month|FullYear|Year|TimezoneOffset)\(/, "reads the browser's clock"],
  [/\bIntl\.DateTimeFormat\b/, "formats a time outside src/time/"],
  [/\bnew Date\([^)]*\)\s*\+\s*["'`]|["'`]\s*\+\s*new Date\(/, "stringifies a Date in the browser's zone"],
];

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("times are rendered only by src/time/, in the mailbox's zone", () => {
  it("no view formats a Date itself or reads the browser's clock", () => {
    const offences = sources(src)
      .filter((file) => !relative(src, file).startsWith("time"))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, i) =>
            banned.filter(([pattern]) => pattern.test(line)).map(([, why]) => `${relative(src, file)}:${i + 1} ${why}: ${line.trim()}`),
          ),
      );
    expect(offences).toEqual([]);
  });

  it("would catch the footer's old browser-local time", () => {
    const old = 'today.lastUpdated.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })';
    expect(banned.some(([pattern]) => pattern.test(old))).toBe(true);
  });
});
