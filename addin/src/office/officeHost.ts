/**
 * The thin office.js shell. office.js is loaded by a classic script tag from Microsoft's CDN; in a
 * plain browser or a headless test that script may be missing, so every entry point takes the
 * Office global as a parameter (tests pass an office-addin-mock OfficeMockObject) and tolerates its absence.
 */

import { watchSelectedPerson, type SelectedItemOffice, type SelectedPerson } from "./selectedPerson";

export type ThemeName = "light" | "dark";

/** The parts of Office.OfficeTheme we read. Outlook provides only the colours, not isDarkTheme. */
export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
}

export interface MailboxLike {
  displayMessageForm(itemId: string): void;
  displayAppointmentForm?(itemId: string): void;
  /** Mailbox 1.3+: REST (Graph) ids must become EWS ids before the display*Form calls take them. */
  convertToEwsId?(itemId: string, restVersion: unknown): string;
  addHandlerAsync?(eventType: unknown, handler: (args: unknown) => void, callback?: (result: unknown) => void): void;
}

export interface OfficeLike {
  onReady?(callback?: (info: { host: unknown; platform: unknown }) => void): Promise<{ host: unknown; platform: unknown }>;
  context?: {
    mailbox?: MailboxLike;
    officeTheme?: OfficeThemeLike;
  };
  EventType?: { OfficeThemeChanged?: unknown; ItemChanged?: unknown; RecipientsChanged?: unknown };
  MailboxEnums?: { RestVersion?: { v2_0?: unknown } };
}

/** What the rest of the pane knows about where it runs. */
export interface OfficeHost {
  /** True inside Outlook (a mailbox is there to open drafts with). */
  inOutlook: boolean;
  theme(): ThemeName | undefined;
  /** Opens the draft in Outlook's own form, where the user edits and sends it. */
  openDraft(draftId: string): boolean;
  /** Opens the one-to-one hold in Outlook's appointment form, where the user adds the person and sends. */
  openAppointment(eventId: string): boolean;
  onThemeChanged(listener: (theme: ThemeName) => void): void;
  /** The selected message's person now and after every switch of item (pinned pane); returns a stop function. */
  watchSelectedPerson(listener: (person: SelectedPerson) => void): () => void;
}

/** The Office global, or undefined when office.js did not load (plain browser, offline, tests). */
export function officeGlobal(): OfficeLike | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
}

/** Relative luminance of a "#rrggbb" colour, 0 (black) … 1 (white). */
export function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = parseInt(c ?? "0", 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Light or dark from the Office theme; undefined when the host gives no theme (use prefers-color-scheme). */
export function themeFromOffice(theme: OfficeThemeLike | undefined): ThemeName | undefined {
  if (!theme) return undefined;
  if (theme.bodyBackgroundColor) {
    const l = luminance(theme.bodyBackgroundColor);
    if (l !== undefined) return l < 0.2 ? "dark" : "light";
  }
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  return undefined;
}

/** The worker stores Graph (REST v2.0) ids; Outlook's forms take EWS ids. */
function toEwsId(office: OfficeLike | undefined, mailbox: MailboxLike, restId: string): string {
  if (typeof mailbox.convertToEwsId !== "function") return restId;
  return mailbox.convertToEwsId(restId, office?.MailboxEnums?.RestVersion?.v2_0 ?? "v2.0");
}

export function createOfficeHost(office: OfficeLike | undefined): OfficeHost {
  const mailbox = office?.context?.mailbox;
  return {
    inOutlook: mailbox !== undefined && typeof mailbox.displayMessageForm === "function",
    theme: () => themeFromOffice(office?.context?.officeTheme),
    openDraft(draftId) {
      if (!mailbox || typeof mailbox.displayMessageForm !== "function") return false;
      mailbox.displayMessageForm(toEwsId(office, mailbox, draftId));
      return true;
    },
    openAppointment(eventId) {
      if (!mailbox || typeof mailbox.displayAppointmentForm !== "function") return false;
      mailbox.displayAppointmentForm(toEwsId(office, mailbox, eventId));
      return true;
    },
    onThemeChanged(listener) {
      const eventType = office?.EventType?.OfficeThemeChanged;
      if (!mailbox?.addHandlerAsync || eventType === undefined) return;
      // Mailbox 1.14+: Outlook tells the pane when the user switches theme.
      mailbox.addHandlerAsync(eventType, () => {
        const theme = themeFromOffice(office?.context?.officeTheme);
        if (theme) listener(theme);
      });
    },
    watchSelectedPerson: (listener) => watchSelectedPerson(office as SelectedItemOffice | undefined, listener),
  };
}

/**
 * Resolves once Office is ready, or at once when office.js is absent. A present office.js outside
 * an Office host still resolves onReady (with host null); the timeout covers a script that loaded
 * but never initialises.
 */
export async function startOffice(office: OfficeLike | undefined = officeGlobal(), timeoutMs = 5000): Promise<OfficeHost> {
  if (office?.onReady) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        office.onReady(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
    } catch {
      // A failing office.js must not take the list down with it.
    } finally {
      clearTimeout(timer);
    }
  }
  return createOfficeHost(office);
}
