import { describe, expect, it } from "vitest";
import { droppedPackage, isPackagePath } from "./opened";

describe("packages dropped on the window", () => {
  it("knows a package by its extension, in any case", () => {
    expect(isPackagePath("/home/ana/Gala 2026.showcall")).toBe(true);
    expect(isPackagePath("/home/ana/GALA.SHOWCALL")).toBe(true);
    expect(isPackagePath("/home/ana/logo.png")).toBe(false);
    expect(isPackagePath("/home/ana/showcall.db")).toBe(false);
    expect(isPackagePath("/home/ana/notes.showcall.txt")).toBe(false);
  });

  it("takes the first package among the dropped files, and none when there is none", () => {
    expect(droppedPackage(["/a/logo.png", "/a/b.showcall", "/a/c.showcall"])).toBe("/a/b.showcall");
    expect(droppedPackage(["/a/logo.png", "/a/intro.mp4"])).toBeNull();
    expect(droppedPackage([])).toBeNull();
  });
});
