import { describe, expect, it } from "vitest";
import type { Detection } from "./model";
import { buildLogRequest, emptyReferralForm, formFromDetection, hasErrors, looksLikeEmail, looksLikePhone, mapReferralErrors, swapRoles, validateReferralForm, type ReferralForm } from "./referralForm";

const valid: ReferralForm = { ...emptyReferralForm, partnerEmail: "mere@paratalaw.co.nz", partnerName: "Mere Parata", prospectName: "Priya", prospectEmail: "priya@brightpath.co.nz" };

describe("validateReferralForm mirrors the worker", () => {
  it.each<[string, Partial<ReferralForm>, string, RegExp]>([
    ["no partner email", { partnerEmail: "" }, "partnerEmail", /partner's email/],
    ["a partner email without a domain dot", { partnerEmail: "mere@paratalaw" }, "partnerEmail", /like name@example.com/],
    ["two @", { partnerEmail: "a@b@c.com" }, "partnerEmail", /like name@example.com/],
    ["the user's own address as partner (any case)", { partnerEmail: "Me@Example.com" }, "partnerEmail", /your own address/],
    ["no prospect name", { prospectName: "  " }, "prospectName", /prospect's name/],
    ["neither email nor phone", { prospectEmail: "", prospectPhone: "" }, "prospectEmail", /email address or phone/],
    ["the prospect is the partner", { prospectEmail: " MERE@paratalaw.co.nz " }, "prospectEmail", /same person/],
    ["the user as prospect", { prospectEmail: "me@example.com" }, "prospectEmail", /your own address/],
    ["a phone with letters", { prospectPhone: "call me" }, "prospectPhone", /phone number/],
    ["a phone with 5 digits", { prospectPhone: "12345" }, "prospectPhone", /phone number/],
    ["a long note", { note: "x".repeat(1001) }, "note", /1000/],
    ["a long partner name", { partnerName: "x".repeat(201) }, "partnerName", /200/],
  ])("refuses %s", (_, patch, field, message) => {
    const errors = validateReferralForm({ ...valid, ...patch }, "me@example.com");
    expect(errors[field as keyof typeof errors]).toMatch(message);
    expect(hasErrors(errors)).toBe(true);
  });

  it("accepts a prospect with only a phone number", () => {
    expect(validateReferralForm({ ...valid, prospectEmail: "", prospectPhone: "+64 (21) 555-0123" })).toEqual({});
  });

  it("accepts a complete form", () => {
    expect(hasErrors(validateReferralForm(valid, "me@example.com"))).toBe(false);
  });

  it.each([
    ["a@b.co", true],
    ["a@b.c", true], // as the worker's EmailAddresses.LooksValid has it
    ["a@bc", false],
    ["@b.com", false],
    ["a b@c.com", false],
    ["a@.com", false],
  ])("looksLikeEmail(%s) = %s", (value, expected) => expect(looksLikeEmail(value)).toBe(expected));

  it.each([
    ["021 555 0123", true],
    ["+64-21-555-0123", true],
    ["123456", true],
    ["1".repeat(21), false],
    ["555 0123 ext 4", false],
  ])("looksLikePhone(%s) = %s", (value, expected) => expect(looksLikePhone(value)).toBe(expected));
});

describe("buildLogRequest", () => {
  it("trims, leaves blanks out and sends copyPartner only for a referral received", () => {
    const received = buildLogRequest({ ...valid, partnerName: " ", prospectEmail: " priya@brightpath.co.nz ", note: " ", copyPartner: true, sourceMessageId: "AAMk1" });
    expect(received).toEqual({
      direction: "received",
      partner: { email: "mere@paratalaw.co.nz" },
      prospect: { displayName: "Priya", email: "priya@brightpath.co.nz" },
      copyPartner: true,
      sourceMessageId: "AAMk1",
    });
    const given = buildLogRequest({ ...valid, direction: "given", copyPartner: true, prospectEmail: "", prospectPhone: "021 555 0123", note: "Needs an electrician" });
    expect(given).toEqual({
      direction: "given",
      partner: { email: "mere@paratalaw.co.nz", displayName: "Mere Parata" },
      prospect: { displayName: "Priya", phone: "021 555 0123" },
      note: "Needs an electrician",
    });
  });
});

describe("mapReferralErrors", () => {
  it("puts each server field under its input and the rest above the form", () => {
    expect(
      mapReferralErrors({
        "prospect.email": ["The prospect and the partner are the same person."],
        "partner.email": ["That is your own address."],
        Partner: ["Say who the referral partner is."],
        "prospect.displayName": ["Give the prospect's name."],
        "prospect.phone": ["Not a phone."],
        copyPartner: ["Copying the partner applies to a referral received."],
        referredAt: ["A referral cannot be in the future."],
      }),
    ).toEqual({
      prospectEmail: "The prospect and the partner are the same person.",
      partnerEmail: "That is your own address. Say who the referral partner is.",
      prospectName: "Give the prospect's name.",
      prospectPhone: "Not a phone.",
      copyPartner: "Copying the partner applies to a referral received.",
      general: ["A referral cannot be in the future."],
    });
  });
});

describe("detection → form", () => {
  const received: Detection = {
    isIntroduction: true,
    direction: "received",
    partner: { displayName: "Mere Parata", email: "mere@paratalaw.co.nz" },
    prospect: { displayName: "Priya Raghunathan", email: "priya@brightpathfinance.co.nz" },
    rolesUncertain: false,
    alreadyLoggedReferralId: null,
  };

  it("fills in the parties and remembers the message", () => {
    expect(formFromDetection(received, "AAMkIntro")).toEqual({
      ...emptyReferralForm,
      direction: "received",
      partnerEmail: "mere@paratalaw.co.nz",
      partnerName: "Mere Parata",
      prospectName: "Priya Raghunathan",
      prospectEmail: "priya@brightpathfinance.co.nz",
      sourceMessageId: "AAMkIntro",
    });
  });

  it("uses the address as the prospect's name when the worker had only the address", () => {
    const form = formFromDetection({ ...received, prospect: { displayName: "priya@brightpathfinance.co.nz", email: "priya@brightpathfinance.co.nz" } }, "m");
    expect(form?.prospectName).toBe("priya@brightpathfinance.co.nz");
  });

  it("is null for a message that is not an introduction", () => {
    expect(formFromDetection({ ...received, isIntroduction: false, direction: null, partner: null, prospect: null }, "m")).toBeNull();
  });

  it("swaps partner and prospect for an introduction whose roles were a guess, and back again", () => {
    const given = formFromDetection(
      { ...received, direction: "given", partner: { displayName: "Tama Ngata", email: "tama@ngata.co.nz" }, prospect: { displayName: "José Fernández", email: "jose@fernandez.co.nz" }, rolesUncertain: true },
      "AAMkGiven",
    )!;
    const swapped = swapRoles(given);
    expect(swapped).toMatchObject({ direction: "given", partnerEmail: "jose@fernandez.co.nz", partnerName: "José Fernández", prospectEmail: "tama@ngata.co.nz", prospectName: "Tama Ngata", sourceMessageId: "AAMkGiven" });
    expect(swapRoles(swapped)).toEqual(given);
    expect(buildLogRequest(swapped).partner).toEqual({ email: "jose@fernandez.co.nz", displayName: "José Fernández" });
  });

  it("swaps a nameless prospect into a nameless partner", () => {
    const form = { ...valid, prospectName: "x@y.co", prospectEmail: "x@y.co" };
    expect(swapRoles(form)).toMatchObject({ partnerEmail: "x@y.co", partnerName: "", prospectEmail: "mere@paratalaw.co.nz", prospectName: "Mere Parata" });
  });
});
