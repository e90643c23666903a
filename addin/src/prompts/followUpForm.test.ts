import { describe, expect, it } from "vitest";
import {
  addedEntry,
  attendeeEntry,
  blankPerson,
  buildFollowUpRequest,
  chosenCount,
  hasErrors,
  mapServerErrors,
  normaliseProfileUrl,
  nudgeFor,
  validateAddedPerson,
  validateChoice,
  validateEmail,
  validateProfileUrl,
  type AddedPerson,
  type FollowUpChoice,
} from "./followUpForm";
import type { Prompt } from "./model";

const mixer: Prompt = {
  eventId: "evt-1",
  subject: "Chamber of Commerce business mixer",
  start: "2026-11-24T17:30:00+13:00",
  end: "2026-11-24T19:30:00+13:00",
  attendees: [
    { email: "Aroha.Ngata@example.co.nz", displayName: "Aroha Ngata", known: false, followingUp: false },
    { email: "ben@example.com", displayName: "Ben Li", known: true, followingUp: false },
    { email: "chloe@example.com", displayName: "Chloé Dubois", known: false, followingUp: false },
  ],
};

const ana: AddedPerson = {
  ...blankPerson("p1"),
  displayName: " Ana Silva ",
  email: " ana@silva.example ",
  remember: "Runs a bakery in Petone",
  promised: "Intro to my accountant",
  preferredChannel: "linkedIn",
  profileUrl: "linkedin.com/in/anasilva",
};

describe("email check", () => {
  it.each([
    ["ana@example.com", true],
    ["Zoë.Ångström+mixer@例え.jp", true],
    ["  ana@example.com  ", true],
    ["", false],
    ["ana", false],
    ["ana@example", false],
    ["ana@@example.com", false],
    ["ana @example.com", false],
    ["ana@example..com", false],
    [`${"a".repeat(250)}@x.io`, false],
  ])("%j is accepted: %s", (email, ok) => {
    expect(validateEmail(email) === undefined).toBe(ok);
  });
});

describe("profile link", () => {
  it.each([
    ["", undefined],
    ["https://www.linkedin.com/in/ana", undefined],
    ["http://example.com/ana", undefined],
    ["linkedin.com/in/ana", undefined],
    ["javascript:alert(1)", "error"],
    ["data:text/html,hi", "error"],
    ["ftp://example.com/ana", "error"],
    ["https://localhost", "error"],
    ["not a link", "error"],
    [`https://example.com/${"a".repeat(490)}`, "error"],
  ])("%j → %s", (url, outcome) => {
    expect(validateProfileUrl(url) === undefined ? undefined : "error").toBe(outcome);
  });

  it("reads a pasted link without a scheme as https", () => {
    expect(normaliseProfileUrl(" linkedin.com/in/ana ")).toBe("https://linkedin.com/in/ana");
    expect(normaliseProfileUrl("HTTP://example.com")).toBe("HTTP://example.com");
  });
});

describe("a person added by hand", () => {
  it("needs a name and an email, and nothing else", () => {
    expect(validateAddedPerson({ ...blankPerson("x"), displayName: "Ana", email: "ana@example.com" })).toEqual({});
    expect(Object.keys(validateAddedPerson(blankPerson("x"))).sort()).toEqual(["displayName", "email"]);
  });

  it("limits the notes to 500 characters", () => {
    const errors = validateAddedPerson({ ...ana, remember: "x".repeat(501), promised: "y".repeat(500) });
    expect(Object.keys(errors)).toEqual(["remember"]);
  });
});

describe("the nudge", () => {
  it.each([
    [0, false],
    [1, false],
    [3, false],
    [4, true],
    [10, true],
  ])("with %i people chosen, nudges: %s", (count, nudges) => {
    expect(nudgeFor(count) !== undefined).toBe(nudges);
  });

  it("says it kindly", () => {
    expect(nudgeFor(4)).toBe("Two or three good follow-ups beat ten rushed ones.");
  });
});

describe("the whole choice", () => {
  const choice = (over: Partial<FollowUpChoice> = {}): FollowUpChoice => ({ chosen: {}, added: [], ...over });

  it("asks for at least one person and at most ten", () => {
    expect(validateChoice(mixer, choice()).general).toHaveLength(1);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ ...blankPerson(`k${i}`), displayName: `P${i}`, email: `p${i}@example.com` }));
    expect(validateChoice(mixer, choice({ added: eleven })).general[0]).toMatch(/at most 10/);
    expect(chosenCount(choice({ chosen: { "ben@example.com": { remember: "", promised: "" } }, added: [ana] }))).toBe(2);
  });

  it("sends someone on the invitation back to their checkbox, and catches a person added twice", () => {
    const errors = validateChoice(
      mixer,
      choice({ added: [{ ...ana, email: "BEN@example.com" }, { ...ana, key: "p2" }, { ...ana, key: "p3", email: "ANA@silva.example" }] }),
    );
    expect(errors.entries[addedEntry("p1")]?.email).toMatch(/on the invitation/);
    expect(errors.entries[addedEntry("p2")]).toBeUndefined();
    expect(errors.entries[addedEntry("p3")]?.email).toMatch(/twice/);
    expect(hasErrors(errors)).toBe(true);
  });

  it("does not count, check or send an 'add someone' row left empty", () => {
    const withEmptyRow = choice({ chosen: { "ben@example.com": { remember: "", promised: "" } }, added: [ana, blankPerson("p9")] });
    expect(chosenCount(withEmptyRow)).toBe(2);
    expect(hasErrors(validateChoice(mixer, withEmptyRow))).toBe(false);
    expect(buildFollowUpRequest(mixer, withEmptyRow).request.people.map((p) => p.email)).toEqual(["ben@example.com", "ana@silva.example"]);
    // A row with anything typed in it is a person the user meant, and is checked.
    const started = choice({ added: [{ ...blankPerson("p9"), remember: "Met at the bar" }] });
    expect(chosenCount(started)).toBe(1);
    expect(validateChoice(mixer, started).entries[addedEntry("p9")]?.displayName).toBeDefined();
  });

  it("passes a good choice", () => {
    expect(hasErrors(validateChoice(mixer, choice({ chosen: { "ben@example.com": { remember: "", promised: "" } }, added: [ana] })))).toBe(false);
  });
});

describe("the POST body", () => {
  it("lists chosen attendees in invitation order, then people added by hand, trimmed, without empty fields", () => {
    const { request, entries } = buildFollowUpRequest(mixer, {
      chosen: {
        "chloe@example.com": { remember: "  ", promised: "" },
        "aroha.ngata@example.co.nz": { remember: "Wants to sponsor the chapter breakfast", promised: " The article on referral etiquette " },
      },
      added: [ana],
    });
    expect(request).toEqual({
      people: [
        {
          email: "Aroha.Ngata@example.co.nz",
          displayName: "Aroha Ngata",
          remember: "Wants to sponsor the chapter breakfast",
          promised: "The article on referral etiquette",
          preferredChannel: null,
        },
        { email: "chloe@example.com", displayName: "Chloé Dubois", preferredChannel: null },
        {
          email: "ana@silva.example",
          displayName: "Ana Silva",
          remember: "Runs a bakery in Petone",
          promised: "Intro to my accountant",
          preferredChannel: "linkedIn",
          profileUrl: "https://linkedin.com/in/anasilva",
        },
      ],
    });
    expect(entries).toEqual([attendeeEntry("aroha.ngata@example.co.nz"), attendeeEntry("chloe@example.com"), addedEntry("p1")]);
  });

  it("sends the address as the name of an attendee the invitation left unnamed", () => {
    const unnamed: Prompt = { ...mixer, attendees: [{ email: "info@example.com", displayName: " ", known: false, followingUp: false }] };
    expect(buildFollowUpRequest(unnamed, { chosen: { "info@example.com": { remember: "", promised: "" } }, added: [] }).request.people[0]?.displayName).toBe("info@example.com");
  });

  it("sends a missing channel as null", () => {
    const { request } = buildFollowUpRequest(mixer, { chosen: {}, added: [{ ...ana, preferredChannel: "", profileUrl: "" }] });
    expect(request.people[0]?.preferredChannel).toBeNull();
    expect(request.people[0]).not.toHaveProperty("profileUrl");
  });
});

describe("the worker's field errors", () => {
  const entries = [attendeeEntry("ben@example.com"), addedEntry("p1")];

  it("land under the field of the person they name", () => {
    const errors = mapServerErrors({ "people[1].email": ["That address has no mail domain."], "people[0].remember": ["Too long."] }, entries);
    expect(errors.entries[addedEntry("p1")]).toEqual({ email: "That address has no mail domain." });
    expect(errors.entries[attendeeEntry("ben@example.com")]).toEqual({ remember: "Too long." });
    expect(errors.general).toEqual([]);
  });

  it("accept FluentValidation's default PascalCase paths", () => {
    expect(mapServerErrors({ "People[1].ProfileUrl": ["Use http or https."] }, entries).entries[addedEntry("p1")]).toEqual({ profileUrl: "Use http or https." });
  });

  it("name the attendee when the field has no box on their row", () => {
    expect(mapServerErrors({ "people[0].email": ["That is your own address."] }, entries).general).toEqual(["ben@example.com: That is your own address."]);
  });

  it("keep anything else as a general message", () => {
    const errors = mapServerErrors({ people: ["Choose 1 to 10 people."], "people[7].email": ["?"] }, entries);
    expect(errors.general).toEqual(["Choose 1 to 10 people.", "?"]);
  });
});
