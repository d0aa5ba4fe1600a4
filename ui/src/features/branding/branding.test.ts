import { afterEach, describe, expect, it } from "vitest";
import type { AssetFile, AssetSpec, BrandItem, BrandPreset, Branding } from "../../bindings";
import { setUiLang } from "../../i18n";
import {
  brandingWith,
  checkLabel,
  dialogFilters,
  emptySpec,
  itemFields,
  latestFile,
  latestStored,
  newPresetItem,
  parseDueDays,
  parseLines,
  parseList,
  parseOptionalInt,
  parseOptionalNumber,
  presetItems,
  previewOf,
  rowAt,
  specBytes,
  specSummary,
  stageImage,
  takesFiles,
  toCssPoint,
} from "./branding";

const spec = (over: Partial<AssetSpec> = {}): AssetSpec => ({ ...emptySpec(), ...over });

const file = (sha: string, over: Partial<AssetFile> = {}): AssetFile => ({
  sha256: sha.repeat(64).slice(0, 64),
  name: `${sha}.png`,
  bytes: 1000,
  addedAt: "2027-04-01T12:00:00Z",
  addedBy: "Customer lead",
  report: { kind: "logo", fileType: "png", bytes: 1000, width: 512, height: 512, durationMs: null, checks: [] },
  stored: true,
  thumbnail: false,
  ...over,
});

const item = (over: Partial<BrandItem> = {}): BrandItem => ({
  id: "i1",
  eventId: "e",
  position: 0,
  kind: "logo",
  title: "Logo",
  owner: "customer",
  required: true,
  due: "2027-04-20",
  dueCustom: false,
  spec: spec({ types: ["png", "svg"] }),
  status: "requested",
  reason: "",
  notes: "",
  files: [],
  history: [],
  ...over,
});

afterEach(() => setUiLang("en"));

describe("takesFiles", () => {
  it("is false only for filled-in kinds", () => {
    expect(takesFiles("colours")).toBe(false);
    expect(takesFiles("chat")).toBe(false);
    for (const k of ["logo", "banner", "background", "overlay", "video", "other"] as const)
      expect(takesFiles(k)).toBe(true);
  });
});

describe("specSummary", () => {
  it("says types, exact size and byte limit in a few words", () => {
    expect(specSummary(spec({ types: ["png", "jpeg"], width: 1920, height: 1080, maxBytes: 10_000_000 }), "en")).toBe(
      "PNG or JPEG · 1920×1080 · ≤ 10 MB",
    );
  });
  it("lists three types with the locale's 'or' and says minimums", () => {
    expect(
      specSummary(spec({ types: ["png", "jpeg", "svg"], minWidth: 800, minHeight: 400, landscape: true }), "en"),
    ).toBe("PNG, JPEG, or SVG · ≥ 800×400 · landscape");
  });
  it("covers logos and video clips", () => {
    expect(specSummary(spec({ types: ["png", "svg"], minLongSide: 512, maxAspect: 8, transparency: true }), "en")).toBe(
      "PNG or SVG · long side ≥ 512 px · aspect ≤ 8:1 · transparent",
    );
    expect(
      specSummary(spec({ types: ["mp4", "mov"], videoCodecs: ["h264"], audioCodecs: ["aac"], maxFps: 30 }), "en"),
    ).toBe("MP4 or MOV · video H.264 · audio AAC · ≤ 30 fps");
  });
  it("is empty for an empty spec", () => {
    expect(specSummary(emptySpec(), "en")).toBe("");
  });
  it("speaks French with French units and decimals", () => {
    setUiLang("fr-CA");
    const s = specSummary(
      spec({ types: ["png", "jpeg"], minWidth: 800, minHeight: 400, maxBytes: 1_500_000 }),
      "fr-CA",
    );
    expect(s.replace(/\u00a0/g, " ")).toBe("PNG ou JPEG · ≥ 800×400 · ≤ 1,5 Mo");
  });
});

describe("specBytes", () => {
  it("uses decimal units like the core's checks", () => {
    expect(specBytes(1_500_000)).toBe("1.5 MB");
    expect(specBytes(800_000)).toBe("800 KB");
    expect(specBytes(999)).toBe("999 bytes");
  });
});

describe("latest files", () => {
  const a = file("a");
  const b = file("b", { stored: false });
  it("takes the last attached, and the last kept", () => {
    expect(latestFile(item())).toBeNull();
    expect(latestFile(item({ files: [a, b] }))?.name).toBe("b.png");
    expect(latestStored(item({ files: [a, b] }))?.name).toBe("a.png");
    expect(latestStored(item({ files: [b] }))).toBeNull();
  });
  it("previews pictures, video stills and a film mark", () => {
    expect(previewOf(a)).toEqual({ type: "image", url: expect.stringContaining(a.sha256) });
    expect(previewOf(b)).toEqual({ type: "none" });
    const clip = file("c", { report: { ...a.report, kind: "video", fileType: "mp4" } });
    expect(previewOf(clip)).toEqual({ type: "film" });
    const still = previewOf({ ...clip, thumbnail: true });
    expect(still.type === "image" && still.url.includes("thumb/")).toBe(true);
  });
  it("puts an approved background on the mock stage before a newer unapproved one", () => {
    const older = item({ id: "bg1", kind: "background", status: "approved", files: [file("d")] });
    const newer = item({ id: "bg2", kind: "background", status: "received", files: [file("e")] });
    expect(stageImage([older, newer], "background")?.name).toBe("d.png");
    expect(stageImage([{ ...older, status: "received" }, newer], "background")?.name).toBe("e.png");
    expect(stageImage([newer], "logo")).toBeNull();
  });
});

describe("presets", () => {
  const builtIn: BrandPreset = {
    name: "Standard",
    builtIn: true,
    items: [
      {
        kind: "background",
        title: "Background",
        owner: "customer",
        required: true,
        spec: spec({ width: 1920, height: 1080 }),
      },
    ],
  };
  it("makes a new item with the built-in spec of its kind, or an empty one", () => {
    const bg = newPresetItem("background", [builtIn]);
    expect(bg).toMatchObject({ kind: "background", title: "Background", owner: "customer", required: true });
    expect(bg.spec.width).toBe(1920);
    bg.spec.types.push("png");
    expect(builtIn.items[0].spec.types).toEqual([]);
    expect(newPresetItem("other", [builtIn]).spec).toEqual(emptySpec());
    setUiLang("fr-CA");
    expect(newPresetItem("banner", []).title).toBe("Bannière");
  });
  it("copies preset lines", () => {
    const lines = presetItems(builtIn);
    expect(lines).toEqual(builtIn.items);
    expect(lines[0].spec).not.toBe(builtIn.items[0].spec);
  });
});

describe("fields sent back", () => {
  it("leaves the due date empty while it follows the event", () => {
    expect(itemFields(item()).due).toBe("");
    expect(itemFields(item({ dueCustom: true, due: "2027-04-10" })).due).toBe("2027-04-10");
  });
  it("replaces one part of the branding and keeps the rest", () => {
    const b: Branding = {
      palette: { primary: "#111111", secondary: "", text: "#ffffff", background: "#000000" },
      chat: { moderated: true, whoMayChat: "attendees", pinned: ["Hi"], languages: ["en"], notes: "" },
      dueDaysBefore: 14,
      speakerInstructions: "Join 30 min early",
    };
    const next = brandingWith(b, { dueDaysBefore: 7 });
    expect(next).toEqual({ ...b, dueDaysBefore: 7 });
    expect(next.chat.pinned).not.toBe(b.chat.pinned);
    const chat = brandingWith(b, { chat: { ...b.chat, moderated: false } });
    expect(chat.chat.moderated).toBe(false);
    expect(chat.palette).toEqual(b.palette);
    expect(chat.speakerInstructions).toBe("Join 30 min early");
  });
  it("reads pinned lines, languages and numbers", () => {
    expect(parseLines(" Welcome \n\n Q&A below \r\n")).toEqual(["Welcome", "Q&A below"]);
    expect(parseList("en, fr-CA ; es,,")).toEqual(["en", "fr-CA", "es"]);
    expect(parseDueDays("14")).toBe(14);
    expect(parseDueDays("0")).toBe(0);
    expect(parseDueDays("366")).toBeNull();
    expect(parseDueDays("-1")).toBeNull();
    expect(parseDueDays("1.5")).toBeNull();
    expect(parseOptionalInt("")).toBeNull();
    expect(parseOptionalInt("1920")).toBe(1920);
    expect(parseOptionalInt("0")).toBeUndefined();
    expect(parseOptionalInt("19x")).toBeUndefined();
    expect(parseOptionalNumber("1,5")).toBe(1.5);
    expect(parseOptionalNumber("abc")).toBeUndefined();
  });
});

describe("drag and drop", () => {
  const rows = [
    { id: "a", left: 0, top: 0, right: 500, bottom: 60 },
    { id: "b", left: 0, top: 70, right: 500, bottom: 130 },
  ];
  it("finds the row under the point, none in a gap", () => {
    expect(rowAt(rows, 10, 10)).toBe("a");
    expect(rowAt(rows, 499, 129)).toBe("b");
    expect(rowAt(rows, 10, 65)).toBeNull();
    expect(rowAt(rows, 600, 10)).toBeNull();
  });
  it("turns physical pixels into CSS pixels", () => {
    expect(toCssPoint({ x: 200, y: 300 }, 2)).toEqual({ x: 100, y: 150 });
    expect(toCssPoint({ x: 200, y: 300 }, 0)).toEqual({ x: 200, y: 300 });
  });
  it("offers the item's kind of files first in the dialog", () => {
    expect(dialogFilters("video")[0].extensions).toEqual(["mp4", "mov"]);
    expect(dialogFilters("logo")[0].extensions).toContain("svg");
    expect(dialogFilters("logo").at(-1)?.extensions).toEqual(["*"]);
  });
});

describe("checkLabel", () => {
  it("translates known checks and keeps unknown codes", () => {
    expect(checkLabel("dimensions")).toBe("dimensions");
    setUiLang("fr-CA");
    expect(checkLabel("frameRate")).toBe("fréquence d’images");
    expect(checkLabel("mystery")).toBe("mystery");
  });
});
