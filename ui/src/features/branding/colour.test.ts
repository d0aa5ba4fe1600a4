import { describe, expect, it } from "vitest";
import { isValidHexField, normaliseHex, parseHex, ratioText } from "./colour";

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
