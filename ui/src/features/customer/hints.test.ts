import { afterEach, describe, expect, it } from "vitest";
import { catalogues, setUiLang } from "../../i18n";
import { at, person, segment, session, stage, ZONE } from "./fixtures";
import { computeHints, hintSessionIds, hintSeverity, hintText, type Hint, type HintInput } from "./hints";

const stages = [stage("main", "Main stage"), stage("b", "Breakout", 1)];
const ana = person("p1", "Ana Silva");
const ben = person("p2", "Ben Roy", "moderator");
const people = [ana, ben];

/** A schedule where every session has a speaker of its own (no hints unless a test adds them). */
function input(over: Partial<HintInput>): HintInput {
  return { sessions: [], segments: [], people, stages, ...over };
}

const en = { zone: ZONE, locale: "en", hour12: false };
const fr = { zone: ZONE, locale: "fr-CA", hour12: false };
const kinds = (hs: Hint[]) => hs.map((h) => h.kind);

afterEach(() => setUiLang("en"));

describe("computeHints: stages", () => {
  it("flags two sessions on one stage less than 15 minutes apart, with the exact gap", () => {
    const sessions = [session("a", "A", "main", "09:00", "10:00"), session("b", "B", "main", "10:05", "11:00")];
    const segments = [segment("s1", "a", 0, ["p1"]), segment("s2", "b", 0, ["p2"])];
    const hs = computeHints(input({ sessions, segments }));
    expect(kinds(hs)).toEqual(["tightGap"]);
    expect(hs[0]).toMatchObject({ stage: "Main stage", minutes: 5, before: { id: "a" }, after: { id: "b" } });
    expect(hintSessionIds(hs[0])).toEqual(["a", "b"]);
    expect(hintSeverity(hs[0])).toBe("info");
  });

  it("draws the line at 15 minutes: 14 is too tight, for stages and for speakers", () => {
    const sessions = [session("a", "A", "main", "09:00", "10:00"), session("b", "B", "main", "10:14", "11:00")];
    const segments = [segment("s1", "a", 0, ["p1"]), segment("s2", "b", 0, ["p1"])];
    expect(kinds(computeHints(input({ sessions, segments })))).toEqual(["tightGap", "speakerTight"]);
  });

  it("says nothing at 15 minutes or more, nor across stages", () => {
    const sessions = [
      session("a", "A", "main", "09:00", "10:00"),
      session("b", "B", "main", "10:15", "11:00"),
      session("c", "C", "b", "10:00", "10:30"),
    ];
    const segments = [segment("s1", "a", 0, ["p1"]), segment("s2", "b", 0, ["p1"]), segment("s3", "c", 0, ["p2"])];
    expect(computeHints(input({ sessions, segments }))).toEqual([]);
  });

  it("treats back-to-back sessions (0 minutes) as too tight", () => {
    const sessions = [session("a", "A", "main", "09:00", "10:00"), session("b", "B", "main", "10:00", "11:00")];
    const segments = [segment("s1", "a", 0, ["p1"]), segment("s2", "b", 0, ["p2"])];
    const hs = computeHints(input({ sessions, segments }));
    expect(hs).toHaveLength(1);
    expect(hs[0]).toMatchObject({ kind: "tightGap", minutes: 0 });
  });

  it("compares a session with the one that ends last before it, not only the previous start", () => {
    // A (9:00–10:50) and B (9:30–10:45) overlap; C starts at 10:55: 5 minutes after A, 10 after B.
    const sessions = [
      session("a", "A", "main", "09:00", "10:50"),
      session("b", "B", "main", "09:30", "10:45"),
      session("c", "C", "main", "10:55", "12:00"),
    ];
    const segments = [segment("s1", "a", 0, ["p1"]), segment("s2", "b", 0, ["p2"]), segment("s3", "c", 0, ["p2"])];
    const gaps = computeHints(input({ sessions, segments })).filter((h) => h.kind === "tightGap");
    expect(gaps).toEqual([expect.objectContaining({ minutes: 5, before: expect.objectContaining({ id: "a" }) })]);
  });

  it("flags overlapping sessions on a stage as a warning, once per pair", () => {
    const sessions = [
      session("a", "A", "main", "09:00", "11:00"),
      session("b", "B", "main", "09:30", "10:00"),
      session("c", "C", "main", "10:30", "12:00"),
    ];
    const segments = [segment("s1", "a", 0, ["p1"]), segment("s2", "b", 0, ["p2"]), segment("s3", "c", 0, ["p2"])];
    const hs = computeHints(input({ sessions, segments })).filter((h) => h.kind === "overlap");
    expect(hs.map((h) => hintSessionIds(h))).toEqual([
      ["a", "b"],
      ["a", "c"],
    ]);
    expect(hintSeverity(hs[0])).toBe("warning");
  });
});

describe("computeHints: speakers", () => {
  it("flags a session with no speaker (no segment, or segments without presenters)", () => {
    const sessions = [session("a", "A", "main", "09:00", "10:00"), session("b", "B", "b", "13:00", "14:00")];
    const segments = [segment("s2", "b", 0, [])];
    const hs = computeHints(input({ sessions, segments }));
    expect(kinds(hs)).toEqual(["noSpeaker", "noSpeaker"]);
    expect(hs.map((h) => hintSessionIds(h)[0])).toEqual(["a", "b"]);
  });

  it("counts a presenter of any segment as a speaker of the session", () => {
    const sessions = [session("a", "A", "main", "09:00", "10:00")];
    const segments = [segment("s1", "a", 0, []), segment("s2", "a", 1, ["p2"])];
    expect(computeHints(input({ sessions, segments }))).toEqual([]);
  });

  it("flags one person in two sessions at the same time, on any stage", () => {
    const sessions = [session("a", "A", "main", "09:00", "10:00"), session("b", "B", "b", "09:30", "10:30")];
    const segments = [segment("s1", "a", 0, ["p1"]), segment("s2", "b", 0, ["p1", "p2"])];
    const hs = computeHints(input({ sessions, segments }));
    expect(hs).toEqual([
      expect.objectContaining({ kind: "speakerOverlap", person: "Ana Silva", a: expect.objectContaining({ id: "a" }) }),
    ]);
    expect(hintSeverity(hs[0])).toBe("warning");
  });

  it("flags one person in two sessions less than 15 minutes apart (no time for the prep)", () => {
    const sessions = [session("a", "A", "main", "09:00", "10:00"), session("b", "B", "b", "10:10", "11:00")];
    const segments = [segment("s1", "a", 0, ["p1"]), segment("s2", "b", 0, ["p1"])];
    const hs = computeHints(input({ sessions, segments }));
    expect(hs).toEqual([expect.objectContaining({ kind: "speakerTight", minutes: 10, personId: "p1" })]);
  });

  it("leaves a person alone with 15 minutes or more between their sessions", () => {
    const sessions = [session("a", "A", "main", "09:00", "10:00"), session("b", "B", "b", "10:15", "11:00")];
    const segments = [segment("s1", "a", 0, ["p1"]), segment("s2", "b", 0, ["p1"])];
    expect(computeHints(input({ sessions, segments }))).toEqual([]);
  });

  it("orders hints by the time of the sessions they concern, conflicts first", () => {
    const sessions = [
      session("late", "Late", "b", "15:00", "16:00"),
      session("a", "A", "main", "09:00", "10:00"),
      session("b", "B", "main", "09:30", "10:30"),
    ];
    const segments = [segment("s1", "a", 0, ["p1"]), segment("s2", "b", 0, ["p2"])];
    expect(kinds(computeHints(input({ sessions, segments })))).toEqual(["overlap", "noSpeaker"]);
  });
});

describe("hintText", () => {
  const A = { id: "a", title: "A", start: at("09:00"), end: at("10:00") };
  const B = { id: "b", title: "B", start: at("10:05"), end: at("11:00") };

  it("tells a short changeover in plain English with event-zone times", () => {
    const h: Hint = { kind: "tightGap", stage: "Main stage", before: A, after: B, minutes: 5 };
    expect(hintText(h, en)).toBe(
      "“A” ends at 10:00 and “B” starts at 10:05 on Main stage: only 5 minutes apart. Your team will need to close “A” — the analyst will train them.",
    );
  });

  it("uses the 12-hour clock when asked", () => {
    const h: Hint = { kind: "tightGap", stage: "Main stage", before: A, after: B, minutes: 5 };
    expect(hintText(h, { ...en, hour12: true }).replace(/\s/g, " ")).toContain("ends at 10:00 AM");
  });

  it("has a singular and a back-to-back wording", () => {
    const one = { ...B, start: at("10:01") };
    expect(hintText({ kind: "tightGap", stage: "S", before: A, after: one, minutes: 1 }, en)).toContain(
      "only 1 minute apart",
    );
    const zero = { ...B, start: at("10:00") };
    expect(hintText({ kind: "tightGap", stage: "S", before: A, after: zero, minutes: 0 }, en)).toContain(
      "starts at 10:00 on S: back to back",
    );
  });

  it("tells overlaps, missing speakers and speaker clashes", () => {
    const B2 = { ...B, start: at("09:30") };
    expect(hintText({ kind: "overlap", stage: "Main stage", a: A, b: B2 }, en)).toBe(
      "“A” (09:00 – 10:00) and “B” (09:30 – 11:00) overlap on Main stage: a stage can show one session at a time.",
    );
    expect(hintText({ kind: "noSpeaker", session: A }, en)).toBe("“A” has no speaker yet.");
    expect(hintText({ kind: "speakerOverlap", person: "Ana", personId: "p1", a: A, b: B2 }, en)).toBe(
      "Ana is speaking in both “A” and “B” at the same time.",
    );
    expect(hintText({ kind: "speakerTight", person: "Ana", personId: "p1", a: A, b: B, minutes: 5 }, en)).toMatch(
      /^Ana is speaking in both “A” \(ends at 10:00\) and “B” \(starts at 10:05\): speakers are prepped 15 minutes/,
    );
  });

  it("speaks Canadian French with « » and event-zone times", () => {
    setUiLang("fr-CA");
    const text = hintText({ kind: "tightGap", stage: "Scène principale", before: A, after: B, minutes: 5 }, fr);
    expect(text.replace(/\s/g, " ")).toBe(
      "« A » se termine à 10 h 00 et « B » commence à 10 h 05 sur Scène principale : seulement 5 minutes d’écart. Votre équipe devra fermer « A » — l’analyste la formera.",
    );
    expect(hintText({ kind: "noSpeaker", session: A }, fr)).toBe("« A » n’a pas encore de conférencier.");
    expect(hintText({ kind: "speakerOverlap", person: "Ana", personId: "p1", a: A, b: B }, fr)).toContain(
      "Ana prend la parole à la fois dans « A » et dans « B »",
    );
  });

  it("has every hint message in both catalogues", () => {
    const keys = ["tightGap", "tightGap1", "backToBack", "overlap", "noSpeaker", "speakerOverlap", "speakerTight"].map(
      (k) => `customer.hint.${k}`,
    );
    for (const cat of Object.values(catalogues) as Record<string, string>[]) {
      expect(keys.filter((k) => !cat[k])).toEqual([]);
    }
    expect(catalogues["fr-CA"]["customer.hint.overlap"]).not.toBe(catalogues.en["customer.hint.overlap"]);
  });
});
