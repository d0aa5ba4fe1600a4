import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  CUE_KINDS,
  CUE_STATES,
  DESTINATION_STATUSES,
  LANGS,
  OWNERS,
  ROLES,
  SEGMENT_KINDS,
  SEVERITIES,
  TASK_KINDS,
  TASK_STATUSES,
} from "../enums";
import { TEST_STAGES } from "../features/destinations/destinations";
import { catalogues, interpolate } from "./index";

const srcDir = fileURLToPath(new URL("..", import.meta.url));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) && name !== "bindings.ts") out.push(p);
  }
  return out;
}

const langs = Object.keys(catalogues) as (keyof typeof catalogues)[];
const allKeys = new Set(langs.flatMap((l) => Object.keys(catalogues[l])));

describe("catalogues", () => {
  it("cover both UI languages", () => {
    expect(langs.sort()).toEqual([...LANGS].sort());
  });

  for (const l of langs) {
    it(`${l} has every key, none empty`, () => {
      const cat = catalogues[l] as Record<string, string>;
      const missing = [...allKeys].filter((k) => !(k in cat));
      const empty = [...allKeys].filter((k) => k in cat && (typeof cat[k] !== "string" || cat[k].trim() === ""));
      expect(missing, `missing in ${l}`).toEqual([]);
      expect(empty, `empty in ${l}`).toEqual([]);
    });
  }

  it("use the same placeholders in every language", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const bad: string[] = [];
    for (const k of allKeys) {
      const ref = names((catalogues.en as Record<string, string>)[k] ?? "");
      for (const l of langs) {
        const got = names((catalogues[l] as Record<string, string>)[k] ?? "");
        if (got.join() !== ref.join()) bad.push(`${l}:${k}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("translate every enum value", () => {
    const needed = [
      ...SEGMENT_KINDS.map((v) => `segmentKind.${v}`),
      ...ROLES.map((v) => `role.${v}`),
      ...OWNERS.map((v) => `owner.${v}`),
      ...TASK_KINDS.map((v) => `taskKind.${v}`),
      ...TASK_STATUSES.map((v) => `taskStatus.${v}`),
      ...SEVERITIES.map((v) => `severity.${v}`),
      ...CUE_KINDS.map((v) => `cueKind.${v}`),
      ...CUE_STATES.map((v) => `cueState.${v}`),
      ...LANGS.map((v) => `lang.${v}`),
      ...LANGS.map((v) => `langShort.${v}`),
      ...DESTINATION_STATUSES.map((v) => `destStatus.${v}`),
      ...TEST_STAGES.map((v) => `testStage.${v}`),
      ...["event", "session", "segment", "person", "destination"].map((v) => `subject.${v}`),
    ];
    for (const l of langs) {
      const cat = catalogues[l] as Record<string, string>;
      expect(
        needed.filter((k) => !cat[k]),
        `missing in ${l}`,
      ).toEqual([]);
    }
  });

  it("contain every key the source code uses", () => {
    const missing: string[] = [];
    let found = 0;
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, "utf8");
      // t("key"), t('key'), t(`key`) and tn-like helpers named t; template keys with ${} are
      // checked by prefix (their values are covered by the enum test above).
      for (const m of text.matchAll(/(?<![\w.$])t\(\s*(["'`])([^"'`]*?)\1/g)) {
        found++;
        const key = m[2];
        if (m[1] === "`" && key.includes("${")) {
          const prefix = key.slice(0, key.indexOf("${"));
          if (![...allKeys].some((k) => k.startsWith(prefix))) missing.push(`${relative(srcDir, file)}: ${key}`);
        } else if (!allKeys.has(key)) {
          missing.push(`${relative(srcDir, file)}: ${key}`);
        }
      }
    }
    expect(found).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});

describe("interpolate", () => {
  it("fills placeholders and formats numbers per locale", () => {
    expect(interpolate("{n} of {m}", { n: 1234, m: "x" }, "en")).toBe("1,234 of x");
    expect(interpolate("{n}", { n: 1234 }, "fr-CA").replace(/\s/g, " ")).toBe("1 234");
    expect(interpolate("{missing}", {}, "en")).toBe("{missing}");
  });
});
