// Pure helpers of the Handoff tab: file paths, sizes, the merge preview in words, and the
// resolution sent back from the user's picks.
import type { Change, FieldDiff, MadeBy, MergeItem, MergePreview, Pick as Side, Resolution } from "../../bindings";
import { t, type MessageKey } from "../../i18n";

/** What `default_export_path` and the exports know how to write. */
export const EXPORT_EXTENSIONS = ["showcall", "pdf", "xlsx", "csv"] as const;
export type ExportExtension = (typeof EXPORT_EXTENSIONS)[number];

/** The run-of-show formats, in the order of their buttons. */
export const RUNSHEET_FORMATS = ["pdf", "xlsx", "csv"] as const;
export type RunsheetFormat = (typeof RUNSHEET_FORMATS)[number];

/** The item kinds a merge preview lists (what `mergeKind.*` translates). */
export const MERGE_KINDS = [
  "event",
  "stage",
  "session",
  "segment",
  "person",
  "task",
  "cue",
  "cueSetting",
  "destination",
  "brandItem",
  "branding",
] as const;

export const CHANGES = ["added", "changed", "removed"] as const satisfies readonly Change[];

// ---- paths ---------------------------------------------------------------------

/** `path` with the extension `ext`: one of the known export extensions at its end is replaced,
 * anything else (a name with dots, no extension) keeps its name and gets `.ext` added. */
export function withExtension(path: string, ext: ExportExtension): string {
  const p = path.trim();
  if (p === "") return "";
  const m = /\.([A-Za-z0-9]+)$/.exec(p);
  const sep = Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\"));
  if (m && m.index > sep + 1 && (EXPORT_EXTENSIONS as readonly string[]).includes(m[1].toLowerCase())) {
    return `${p.slice(0, m.index)}.${ext}`;
  }
  if (p.endsWith("/") || p.endsWith("\\")) return p; // a folder: leave it for the user to name
  return `${p}.${ext}`;
}

// ---- sizes -----------------------------------------------------------------------

/** A byte count for people: bytes, KB, MB or GB (1 KB = 1024 bytes), one decimal past 10 units
 * only when it says something. French units are o / Ko / Mo / Go. */
export function formatBytes(bytes: number): string {
  const n = Math.max(0, Math.round(bytes));
  if (n < 1024) return t("size.bytes", { n });
  const units: MessageKey[] = ["size.kb", "size.mb", "size.gb"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const rounded = v < 10 ? Math.round(v * 10) / 10 : Math.round(v);
  // 1023.96 KB rounds to 1024: say 1 MB instead.
  if (rounded >= 1024 && i < units.length - 1) return t(units[i + 1], { n: 1 });
  return t(units[i], { n: rounded });
}

// ---- words -------------------------------------------------------------------------

function isMergeKind(kind: string): kind is (typeof MERGE_KINDS)[number] {
  return (MERGE_KINDS as readonly string[]).includes(kind);
}

/** A merge item's kind in the UI language (an unknown kind keeps its own name). */
export function kindLabel(kind: string): string {
  return isMergeKind(kind) ? t(`mergeKind.${kind}`) : kind;
}

/** What one side did to an item, or "—" when it left it alone. */
export function changeLabel(change: Change | null): string {
  return change ? t(`change.${change}`) : t("common.none");
}

export function madeByLabel(by: MadeBy): string {
  return t(`madeBy.${by}`);
}

/** A field value as shown in the preview: "—" for a missing or empty one. */
export function showValue(v: string | null): string {
  return v === null || v === "" ? t("common.none") : v;
}

/** Cuts a long value to `max` characters with an ellipsis (the full value goes in a tooltip). */
export function truncate(s: string, max = 40): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, Math.max(1, max - 1)).join("")}…`;
}

/** One changed field: `field: ours → theirs`, each value cut to `max`, and the full line. */
export function fieldLine(d: FieldDiff, max = 40): { short: string; full: string } {
  const ours = showValue(d.ours);
  const theirs = showValue(d.theirs);
  return {
    short: t("handoff.fieldChange", { field: d.field, ours: truncate(ours, max), theirs: truncate(theirs, max) }),
    full: t("handoff.fieldChange", { field: d.field, ours, theirs }),
  };
}

/** "N differences, M conflicts". */
export function previewSummary(p: Pick<MergePreview, "items">): string {
  const n = p.items.length;
  const m = p.items.filter((i) => i.conflict).length;
  return `${t(n === 1 ? "handoff.differences1" : "handoff.differences", { n })}, ${t(
    m === 1 ? "handoff.conflicts1" : "handoff.conflicts",
    { n: m },
  )}`;
}

// ---- picks and the resolution -----------------------------------------------------------

/** The user's own choices, by item key (an item absent here follows its default). */
export type Picks = Record<string, Side>;

/** Conflicts first, otherwise in the preview's order. */
export function sortItems(items: readonly MergeItem[]): MergeItem[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => Number(b.item.conflict) - Number(a.item.conflict) || a.i - b.i)
    .map((x) => x.item);
}

/** The side an item will take: the user's pick, else its default (`null`: a conflict not yet decided). */
export function choiceOf(item: MergeItem, picks: Picks): Side | null {
  return picks[item.key] ?? (item.conflict ? null : item.default);
}

/** How many conflicts still have no pick. */
export function unresolvedConflicts(items: readonly MergeItem[], picks: Picks): number {
  return items.filter((i) => i.conflict && !picks[i.key]).length;
}

/** Sets every conflict to `side` (other picks stay). */
export function pickAllConflicts(items: readonly MergeItem[], picks: Picks, side: Side): Picks {
  const next = { ...picks };
  for (const i of items) if (i.conflict) next[i.key] = side;
  return next;
}

/** What `apply_package` gets: a pick for every conflict and for every item whose choice differs
 * from its default; `null` while a conflict is undecided. */
export function buildResolution(items: readonly MergeItem[], picks: Picks): Resolution | null {
  const out: Record<string, Side> = {};
  for (const item of items) {
    const choice = choiceOf(item, picks);
    if (item.conflict) {
      if (!choice) return null;
      out[item.key] = choice;
    } else if (choice && choice !== item.default) {
      out[item.key] = choice;
    }
  }
  return { conflicts: null, picks: out };
}
