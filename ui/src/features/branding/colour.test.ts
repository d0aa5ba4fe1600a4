import { describe, expect, it } from "vitest";
import { contrastRatio, isValidHexField, legibleOn, normaliseHex, parseHex, ratioText } from "./colour";

describe("parseHex", () => {
  it("reads #RRGGBB and #RGB, with or without #, in any case", () => {
    expect(parseHex("#1a2B3c")).toEqual([0x1a, 0x2b, 0x3c]);
    expect(parseHex(" ABC ")).toEqual([0xaa, 0xbb, 0xcc]);
    expect(parseHex("#fff")).toEqual([255, 255, 255]);
  });
  it("refuses what is not a colour", () => {
    for (const bad of ["", "#", "#12", "#1234", "#gggggg", "blue", "#1a2b3c4d", "rgb(0,0,0)"]) {
      expect(parseHex(bad), bad).toBeNull();
    }
  });
});

describe("normaliseHex", () => {
  it("gives the stored form", () => {
    expect(normaliseHex(" #ABC ")).toBe("#aabbcc");
    expect(normaliseHex("1A2B3C")).toBe("#1a2b3c");
    expect(normaliseHex("blue")).toBeNull();
  });
  it("accepts an empty field (not given yet) but not garbage", () => {
    expect(isValidHexField("")).toBe(true);
    expect(isValidHexField("  ")).toBe(true);
    expect(isValidHexField("#123456")).toBe(true);
    expect(isValidHexField("#12345")).toBe(false);
  });
});

describe("ratioText", () => {
  it("shows two decimals, rounded down, in the locale", () => {
    expect(ratioText(4.5416, "en")).toBe("4.54");
    expect(ratioText(4.4999, "en")).toBe("4.49");
    expect(ratioText(21, "en")).toBe("21.00");
    expect(ratioText(4.5, "fr-CA")).toBe("4,50");
  });
});

describe("contrastRatio", () => {
  it("gives the WCAG ratio, whichever colour comes first", () => {
    expect(contrastRatio("#000", "#fff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#fff", "#000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777", "#777")).toBeCloseTo(1, 5);
    // White on the demo's amber: the mock stage's role label failed axe at 2:1.
    expect(contrastRatio("#ffffff", "#f2a900")).toBeCloseTo(2.0, 1);
    expect(contrastRatio("#0b3d5c", "#f2a900")).toBeCloseTo(5.69, 2);
  });
  it("is null for what is not a colour", () => {
    expect(contrastRatio("", "#fff")).toBeNull();
    expect(contrastRatio("#fff", "blue")).toBeNull();
  });
});

describe("legibleOn", () => {
  it("keeps the first palette colour that reaches AA", () => {
    expect(legibleOn("#0b3d5c", ["#ffffff", "#f2a900"])).toBe("#ffffff");
    // Amber band: white fails, the palette's dark blue passes.
    expect(legibleOn("#f2a900", ["#ffffff", "#0b3d5c"])).toBe("#0b3d5c");
  });
  it("falls back to black or white, whichever contrasts more", () => {
    expect(legibleOn("#f2a900", ["#ffffff", "#ffd060"])).toBe("#000000");
    expect(legibleOn("#3a3a3a", ["#555555"])).toBe("#ffffff");
    expect(legibleOn("#777777", [])).toBe("#000000");
    for (const bg of ["#767676", "#808080", "#1c5bb8", "#f2a900", "#00ff00", "#ff0000"]) {
      expect(contrastRatio(legibleOn(bg, []), bg)!).toBeGreaterThanOrEqual(4.5);
    }
  });
});
