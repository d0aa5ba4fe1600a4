import { describe, expect, it } from "vitest";
import { AA_CONTRAST, contrast, inkOn, isValidHexField, normaliseHex, parseHex, ratioText } from "./colour";

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

describe("contrast", () => {
  it("is 21:1 for black on white, either way round", () => {
    expect(contrast("#000", "#fff")).toBeCloseTo(21, 9);
    expect(contrast("#ffffff", "#000000")).toBeCloseTo(21, 9);
  });
  it("is 1:1 for a colour on itself", () => {
    expect(contrast("#1c5bb8", "#1C5BB8")).toBeCloseTo(1, 9);
  });
  it("puts #767676 on white just over AA and #777777 just under", () => {
    const pass = contrast("#767676", "#fff")!;
    expect(pass).toBeGreaterThanOrEqual(AA_CONTRAST);
    expect(pass).toBeLessThan(4.6);
    expect(contrast("#777777", "#ffffff")!).toBeLessThan(AA_CONTRAST);
  });
  it("is null when either colour is invalid", () => {
    expect(contrast("#12", "#fff")).toBeNull();
    expect(contrast("#000", "")).toBeNull();
    expect(contrast("nope", "#fff")).toBeNull();
  });
});

describe("ratioText", () => {
  it("shows two decimals, rounded down, in the locale", () => {
    expect(ratioText(contrast("#767676", "#fff")!, "en")).toBe("4.54");
    expect(ratioText(4.4999, "en")).toBe("4.49");
    expect(ratioText(21, "en")).toBe("21.00");
    expect(ratioText(4.5, "fr-CA")).toBe("4,50");
  });
});

describe("inkOn", () => {
  it("picks the readable ink", () => {
    expect(inkOn("#ffffff")).toBe("#000000");
    expect(inkOn("#102040")).toBe("#ffffff");
  });
});
