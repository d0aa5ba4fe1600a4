import { afterEach, describe, expect, it } from "vitest";
import { setUiLang, t } from "../../i18n";
import { person } from "./fixtures";
import { isValidEmail, personFields, speakerCounts, speakerFields, validateSpeakerDraft } from "./speakers";

afterEach(() => setUiLang("en"));

describe("speakerCounts", () => {
  const people = [
    person("1", "A", "speaker", { invitationSent: true, instructionsSent: true }),
    person("2", "B", "moderator", { invitationSent: true }),
    person("3", "C", "host", { invitationSent: true, instructionsSent: true }),
    person("4", "D", "speaker", { invitationSent: true }),
    person("5", "E", "speaker"),
    person("6", "F", "speaker"),
    // Not speakers: not counted even when ticked.
    person("7", "G", "customer_lead", { invitationSent: true, instructionsSent: true }),
    person("8", "H", "producer", { invitationSent: true }),
  ];

  it("counts speakers, moderators and hosts only", () => {
    expect(speakerCounts(people)).toEqual({ total: 6, invited: 4, instructed: 2 });
    expect(speakerCounts([])).toEqual({ total: 0, invited: 0, instructed: 0 });
  });

  it("reads as a sentence in both languages", () => {
    const c = speakerCounts(people);
    expect(t("customer.speakers.counter", { ...c })).toBe("4 of 6 invited · 2 of 6 have the instructions");
    setUiLang("fr-CA");
    expect(t("customer.speakers.counter", { ...c })).toBe(
      "Invitations envoyées : 4 sur 6 · instructions envoyées : 2 sur 6",
    );
  });
});

describe("isValidEmail", () => {
  it("accepts ordinary addresses", () => {
    for (const ok of ["ana@example.com", " ana.silva+events@mail.example.ca ", "a@b.co"]) expect(isValidEmail(ok), ok).toBe(true);
  });
  it("refuses what cannot be an address", () => {
    for (const bad of ["", "ana", "ana@", "@example.com", "ana@example", "ana silva@example.com", "ana@@example.com", "ana@example..com"]) {
      expect(isValidEmail(bad), bad).toBe(false);
    }
  });
});

describe("validateSpeakerDraft", () => {
  it("requires a name, and a valid email when one is given", () => {
    expect(validateSpeakerDraft({ name: "Ana", email: "", role: "speaker" })).toEqual({});
    expect(validateSpeakerDraft({ name: " ", email: "ana@", role: "host" })).toEqual({
      name: "customer.error.nameRequired",
      email: "customer.error.email",
    });
    expect(validateSpeakerDraft({ name: "Ana", email: "", role: "producer" })).toEqual({ role: "customer.error.role" });
  });
});

describe("speakerFields", () => {
  it("starts a new speaker with nothing sent", () => {
    expect(speakerFields({ name: " Ana ", email: " ana@example.com ", role: "moderator" })).toEqual({
      name: "Ana",
      role: "moderator",
      email: "ana@example.com",
      timeZone: "",
      invitationSent: false,
      techCheckDone: false,
      instructionsSent: false,
    });
  });

  it("keeps what the form does not show when editing", () => {
    const p = person("1", "Ana", "speaker", { timeZone: "Europe/Paris", techCheckDone: true, invitationSent: true });
    expect(speakerFields({ name: "Ana S.", email: "a@b.co", role: "host" }, p)).toEqual({
      ...personFields(p),
      name: "Ana S.",
      email: "a@b.co",
      role: "host",
    });
    expect(personFields(p).timeZone).toBe("Europe/Paris");
    expect(personFields(person("2", "B")).timeZone).toBe("");
  });
});
