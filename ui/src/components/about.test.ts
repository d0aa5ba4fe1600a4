import { describe, expect, it } from "vitest";
import type { Component } from "../bindings";
import { licenceCounts, matching } from "./about";

const c = (name: string, licence: string, kind: Component["kind"] = "crate"): Component => ({
  kind,
  name,
  version: "1.0.0",
  licence,
  source: null,
});

describe("the About box's licence list", () => {
  const list = [c("serde", "MIT OR Apache-2.0"), c("tauri", "Apache-2.0 OR MIT"), c("ring", "see LICENSE in the crate"), c("anyhow", "MIT OR Apache-2.0"), c("solid-js", "MIT", "npm")];

  it("counts each licence, most used first", () => {
    expect(licenceCounts(list)).toEqual([
      ["MIT OR Apache-2.0", 2],
      ["Apache-2.0 OR MIT", 1],
      ["MIT", 1],
      ["see LICENSE in the crate", 1],
    ]);
  });

  it("finds components by every word of the query, in name or licence", () => {
    expect(matching(list, "").length).toBe(5);
    expect(matching(list, "SOLID").map((x) => x.name)).toEqual(["solid-js"]);
    expect(matching(list, "apache mit").map((x) => x.name)).toEqual(["serde", "tauri", "anyhow"]);
    expect(matching(list, "mit ring")).toEqual([]);
  });
});
