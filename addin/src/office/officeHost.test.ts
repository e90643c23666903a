import { OfficeMockObject } from "office-addin-mock";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createOfficeHost, officeGlobal, startOffice, themeFromOffice, type OfficeLike } from "./officeHost";

/** An Outlook-shaped Office global, as office-addin-mock builds it. */
function outlookMock(extra: { officeTheme?: Record<string, unknown> } = {}) {
  const data = {
    host: "outlook",
    context: {
      mailbox: {
        displayMessageForm: vi.fn(),
        displayAppointmentForm: vi.fn(),
        addHandlerAsync: vi.fn(),
      },
      ...(extra.officeTheme ? { officeTheme: extra.officeTheme } : {}),
    },
    EventType: { OfficeThemeChanged: "officeThemeChanged" },
    onReady: async () => ({ host: "Outlook", platform: "PC" }),
  };
  return new OfficeMockObject(data) as unknown as OfficeLike & {
    context: { mailbox: { displayMessageForm: ReturnType<typeof vi.fn>; displayAppointmentForm: ReturnType<typeof vi.fn>; addHandlerAsync: ReturnType<typeof vi.fn> }; officeTheme: Record<string, unknown> };
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("office wiring", () => {
  it("opens a prepared draft in Outlook with its draft id", async () => {
    const office = outlookMock();
    const host = await startOffice(office);
    expect(host.inOutlook).toBe(true);
    expect(host.openDraft("AAMkAGI2TG93AAA=")).toBe(true);
    expect(office.context.mailbox.displayMessageForm).toHaveBeenCalledWith("AAMkAGI2TG93AAA=");
  });

  it("opens the one-to-one hold in Outlook's appointment form with its event id", async () => {
    const office = outlookMock();
    const host = await startOffice(office);
    expect(host.openAppointment("AAMkAGHoLd00AAA=")).toBe(true);
    expect(office.context.mailbox.displayAppointmentForm).toHaveBeenCalledWith("AAMkAGHoLd00AAA=");
    expect(office.context.mailbox.displayMessageForm).not.toHaveBeenCalled();
  });

  it("says it cannot open a hold outside Outlook, so the pane can explain instead", async () => {
    expect((await startOffice(undefined)).openAppointment("x")).toBe(false);
  });

  it("does not offer drafts outside Outlook, where office.js is missing", async () => {
    const host = await startOffice(undefined);
    expect(host.inOutlook).toBe(false);
    expect(host.openDraft("x")).toBe(false);
    expect(host.theme()).toBeUndefined();
  });

  it("finds no Office global when the office.js script failed to load", () => {
    expect(officeGlobal()).toBeUndefined();
  });

  it("uses the global Office once office.js has loaded", () => {
    const office = outlookMock();
    vi.stubGlobal("Office", office);
    expect(officeGlobal()).toBe(office);
  });

  it.each([
    ["#262626", "dark"],
    ["#000000", "dark"],
    ["#FFFFFF", "light"],
    ["#f3f2f1", "light"],
  ])("picks the %s Office body background as the %s theme", async (bodyBackgroundColor, expected) => {
    const host = await startOffice(outlookMock({ officeTheme: { bodyBackgroundColor, bodyForegroundColor: "#000000" } }));
    expect(host.theme()).toBe(expected);
  });

  it("leaves the theme to prefers-color-scheme when Outlook gives none", async () => {
    expect((await startOffice(outlookMock())).theme()).toBeUndefined();
  });

  it("reads isDarkTheme where the host gives no colours", () => {
    expect(themeFromOffice({ isDarkTheme: true })).toBe("dark");
  });

  it("follows Outlook's theme when the user switches it", async () => {
    const office = outlookMock({ officeTheme: { bodyBackgroundColor: "#ffffff" } });
    const host = createOfficeHost(office);
    const listener = vi.fn();
    host.onThemeChanged(listener);
    const [eventType, handler] = office.context.mailbox.addHandlerAsync.mock.calls[0] as [unknown, () => void];
    expect(eventType).toBe("officeThemeChanged");
    office.context.officeTheme.bodyBackgroundColor = "#1f1f1f";
    handler();
    expect(listener).toHaveBeenCalledWith("dark");
  });

  it("starts anyway when Office.onReady never resolves", async () => {
    const stuck: OfficeLike = { onReady: () => new Promise(() => {}) };
    const host = await startOffice(stuck, 10);
    expect(host.inOutlook).toBe(false);
  });

  it("converts the Graph id to an EWS id before opening a draft or a hold", () => {
    const convertToEwsId = vi.fn((id: string) => `ews:${id}`);
    const displayMessageForm = vi.fn();
    const displayAppointmentForm = vi.fn();
    const host = createOfficeHost({
      context: { mailbox: { displayMessageForm, displayAppointmentForm, convertToEwsId } },
      MailboxEnums: { RestVersion: { v2_0: "v2.0" } },
    });

    host.openDraft("AAMkRest=");
    host.openAppointment("AAMkHold=");

    expect(convertToEwsId).toHaveBeenCalledWith("AAMkRest=", "v2.0");
    expect(displayMessageForm).toHaveBeenCalledWith("ews:AAMkRest=");
    expect(displayAppointmentForm).toHaveBeenCalledWith("ews:AAMkHold=");
  });
});
