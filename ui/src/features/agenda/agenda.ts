// Pure helpers of the agenda import: the user's column choices and the `map` overrides sent to
// Rust, the date order in words, the preview's labels, counts and local times.
import { lang, t, type MessageKey, type Params } from "../../i18n";
import { formatDayKey, formatTime } from "../../time";
import type {
  DateOrder,
  DateOrderUsed,
  Field,
  How,
  MappedColumn,
  Outcome,
  RowIssue,
  SheetInfo,
} from "./types";

/** Every field, in the order the select lists them (Rust `Field::ALL`). */
export const FIELDS = ["title", "date", "start", "end", "stage", "speakers", "description", "ignore"] as const satisfies
  readonly Field[];

/** Fields without which no row can be read (Rust `Field::REQUIRED`). */
export const REQUIRED = ["title", "start", "end"] as const satisfies readonly Field[];

/** Fields several columns may hold (Rust `Field::repeatable`); any other one moves between columns. */
const REPEATABLE: readonly Field[] = ["speakers", "description", "ignore"];

export const OUTCOMES = ["add", "alreadyInEvent", "duplicateRow", "invalid"] as const satisfies readonly Outcome[];

/** What the user picked for a column: a field, or `""` for "—" (not read). */
export type Choice = Field | "";

/** The user's own column choices, by column letter (a column absent here keeps what the file's
 * headers gave it). */
export type Changes = Record<string, Choice>;

/** The date-order control: `auto` sends `null` (the file, else the event's language, decides). */
export type OrderChoice = "auto" | DateOrder;
export const ORDER_CHOICES = ["auto", "dayFirst", "monthFirst"] as const satisfies readonly OrderChoice[];

export function orderParam(c: OrderChoice): DateOrder | null {
  return c === "auto" ? null : c;
}

// ---- words ---------------------------------------------------------------------------------

/** A count with the right plural for the UI language (French: 0 and 1 are singular). Both keys
 * take `{n}`. */
export function plural(n: number, one: MessageKey, other: MessageKey, params?: Params): string {
  const rule = new Intl.PluralRules(lang()).select(n);
  return t(rule === "one" ? one : other, { ...params, n });
}

/** The file read, in a line: its format and sheet (which of the workbook's sheets) or its encoding
 * and separator, and its rows. */
export function fileFacts(s: SheetInfo): string {
  const sheetKey = { xlsx: "agenda.fileXlsx", ods: "agenda.fileOds", xls: "agenda.fileXls" } as const;
  const what =
    s.format !== "csv"
      ? `${t(sheetKey[s.format], { sheet: s.sheetName ?? "" })}${
          s.sheetNames.length > 1
            ? ` ${t("agenda.fileSheets", { i: s.sheetNames.indexOf(s.sheetName ?? "") + 1, n: s.sheetNames.length })}`
            : ""
        }`
      : t("agenda.fileCsv", {
          encoding: s.encoding ?? "UTF-8",
          delimiter: s.delimiter === "\t" ? t("agenda.tab") : (s.delimiter ?? ","),
        });
  const rows = plural(s.dataRows, "agenda.fileRows1", "agenda.fileRows", { header: s.headerRow });
  return `${what} · ${rows}`;
}

/** A field's name in the UI language; `""` is "—". */
export function fieldLabel(c: Choice): string {
  return c === "" ? t("common.none") : t(`agendaField.${c}`);
}

/** A row issue in the UI language. */
export function issueText(i: RowIssue): string {
  return lang() === "fr-CA" ? i.messageFr : i.message;
}

/** `a, b, c +2 more`: names cut to `max`. */
export function shortList(names: readonly string[], max = 4): string {
  const head = names.slice(0, max).join(", ");
  return names.length > max ? `${head} ${t("agenda.andMore", { n: names.length - max })}` : head;
}

// ---- columns and the `map` overrides ---------------------------------------------------------

/** Rust `text::fold`: lower case, accents off, runs of white space as one space, trimmed. */
export function fold(s: string): string {
  let out = "";
  let space = false;
  for (const ch of s.toLowerCase()) {
    if (/\s/u.test(ch)) {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += " ";
      space = false;
    }
    out += PLAIN[ch] ?? ch.normalize("NFD").replace(/\p{M}+/gu, "");
  }
  return out;
}
const PLAIN: Record<string, string> = {
  ł: "l",
  đ: "d",
  ø: "o",
  ı: "i",
  "’": "'",
  "‘": "'",
  ʼ: "'",
  œ: "oe",
  æ: "ae",
  ß: "ss",
};

/** 0 → `A`, 25 → `Z`, 26 → `AA` (Rust `column_letter`). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `A` → 0, `aa` → 26; `null` when not 1–3 ASCII letters (Rust `letter_column`). */
export function letterColumn(s: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(s)) return null;
  let n = 0;
  for (const c of s.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

/** The column a `COL` of `COL=FIELD` names, the way Rust's `parse_override` finds it: a header
 * first (case- and accent-insensitive), then a column letter, then a 1-based number. */
export function resolveColumnRef(ref: string, headers: readonly string[]): number | null {
  const col = ref.trim();
  const wanted = fold(col);
  const byHeader = headers.findIndex((h) => fold(h) === wanted);
  if (byHeader >= 0) return byHeader;
  const byLetter = letterColumn(col);
  if (byLetter !== null && byLetter < headers.length) return byLetter;
  if (/^\d+$/.test(col)) {
    const n = Number(col);
    if (n >= 1 && n <= headers.length) return n - 1;
  }
  return null;
}

/** How to name column `index` in an override: its letter, unless a header reads the same (a French
 * `À` column would take `A=…`), then its number, then its own header. */
export function columnRef(index: number, headers: readonly string[]): string {
  const header = headers[index]?.trim() ?? "";
  const candidates = [columnLetter(index), String(index + 1), header].filter((c) => c !== "");
  return candidates.find((c) => resolveColumnRef(c, headers) === index) ?? columnLetter(index);
}

function isRepeatable(f: Field): boolean {
  return REPEATABLE.includes(f);
}

/** Records the user's pick for one column. `detected` is the file's own mapping (read with no
 * override). A single-valued field moves: another column the user had given it loses it (as Rust
 * does), so two columns never claim one field; a pick equal to what the headers gave is dropped. */
export function changeField(changes: Changes, letter: string, choice: Choice, detected: readonly MappedColumn[]): Changes {
  const baseOf = (l: string): Choice => detected.find((c) => c.letter === l)?.field ?? "";
  const next: Changes = {};
  for (const [l, c] of Object.entries(changes)) {
    if (l === letter) continue;
    if (choice !== "" && c === choice && !isRepeatable(choice)) {
      // It loses the field: not read. Back to the file's own reading when that was nothing.
      if (baseOf(l) !== "") next[l] = "";
    } else {
      next[l] = c;
    }
  }
  if (choice !== baseOf(letter)) next[letter] = choice;
  return next;
}

/** The `map` argument: one `COL=FIELD` per column the user changed, in column order; "—" is sent
 * as `ignore` (Rust has no override for "unmapped": both leave the column unread). */
export function buildMap(changes: Changes, headers: readonly string[]): string[] {
  return Object.entries(changes)
    .map(([letter, choice]) => ({ index: letterColumn(letter), choice }))
    .filter((x): x is { index: number; choice: Choice } => x.index !== null && x.index < headers.length)
    .sort((a, b) => a.index - b.index)
    .map(({ index, choice }) => `${columnRef(index, headers)}=${choice === "" ? "ignore" : choice}`);
}

/** The columns as Rust will map them: the detected mapping with the user's changes applied in
 * order (Rust `Mapping::set`). Shown while a preview is not there to say it. */
export function applyChanges(detected: readonly MappedColumn[], changes: Changes): MappedColumn[] {
  const cols = detected.map((c) => ({ ...c }));
  for (const [letter, choice] of Object.entries(changes)) {
    const at = cols.find((c) => c.letter === letter);
    if (!at) continue;
    const field: Field = choice === "" ? "ignore" : choice;
    if (!isRepeatable(field)) {
      for (const c of cols) {
        if (c.field === field && c.index !== at.index) {
          c.field = null;
          c.how = "unmapped";
        }
      }
    }
    at.field = field;
    at.how = "manual";
  }
  return cols;
}

/** What a column's select shows: the user's pick, else the mapping's field. */
export function shownChoice(col: MappedColumn, changes: Changes): Choice {
  return col.letter in changes ? changes[col.letter] : (col.field ?? "");
}

/** How a column got its field, for its tag. */
export function shownHow(col: MappedColumn, changes: Changes): How {
  return col.letter in changes ? "manual" : col.how;
}

/** Required fields no column holds. */
export function missingFields(cols: readonly MappedColumn[]): Field[] {
  return REQUIRED.filter((f) => !cols.some((c) => c.field === f));
}

// ---- the date order ------------------------------------------------------------------------

export interface OrderNote {
  /** `warning`: every date was ambiguous and the order was assumed. */
  tone: "plain" | "warning";
  text: string;
}

/** How the dates were read, in words, given what the user chose. */
export function dateOrderNote(used: DateOrderUsed, chosen: OrderChoice): OrderNote {
  const pattern = t(`agenda.pattern.${used.order}`);
  switch (used.basis) {
    case "notNeeded":
      return { tone: "plain", text: t("agenda.order.notNeeded") };
    case "fromFile": {
      const text = t("agenda.order.fromFile", {
        pattern,
        row: used.evidenceRow ?? 0,
        value: used.evidence ?? "",
      });
      const ignored = chosen !== "auto" && chosen !== used.order;
      return { tone: "plain", text: ignored ? `${text} ${t("agenda.order.fileWins")}` : text };
    }
    case "assumed":
      return chosen === "auto"
        ? { tone: "warning", text: t("agenda.order.assumed", { pattern }) }
        : { tone: "plain", text: t("agenda.order.chosen", { pattern }) };
  }
}

// ---- the preview -------------------------------------------------------------------------------

/** A row's outcome in words: Add / Already in the event / Same as row N / Invalid. */
export function outcomeLabel(outcome: Outcome, sameAs: number | null = null): string {
  if (outcome === "duplicateRow") {
    return sameAs === null ? t("agenda.outcome.duplicateRowUnknown") : t("agenda.outcome.duplicateRow", { n: sameAs });
  }
  return t(`agenda.outcome.${outcome}`);
}

/** How many different people of the event the rows name. */
export function distinctMatched(matches: readonly { personId: string }[]): number {
  return new Set(matches.map((m) => m.personId)).size;
}

/** Rows that are not invalid (their sessions are added, or already there). */
export function validRows(counts: { rows: number; invalid: number }): number {
  return Math.max(0, counts.rows - counts.invalid);
}

/** Why the import button is off, or `null` when it can go. */
export type Blocker = "mapping" | "allInvalid" | "nothing" | "invalid" | "reread";

export function importBlocker(args: {
  ready: boolean;
  counts: { rows: number; toAdd: number; invalid: number };
  acceptValid: boolean;
  /** The path (or the new event's zone) differs from what was read. */
  changed: boolean;
}): Blocker | null {
  const { ready, counts, acceptValid, changed } = args;
  if (changed) return "reread";
  if (!ready) return "mapping";
  if (counts.toAdd === 0) return counts.rows > 0 && counts.invalid === counts.rows ? "allInvalid" : "nothing";
  if (counts.invalid > 0 && !acceptValid) return "invalid";
  return null;
}

/** The sentence explaining a blocker. */
export function blockerText(b: Blocker, invalid: number): string {
  switch (b) {
    case "invalid":
      return plural(invalid, "agenda.blocked.invalid1", "agenda.blocked.invalid");
    default:
      return t(`agenda.blocked.${b}`);
  }
}

// ---- local times ---------------------------------------------------------------------------------

/** A local `YYYY-MM-DDTHH:MM[:SS]` as a UTC instant with the same wall clock (to format it as is). */
function wall(local: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  return Date.UTC(y, mo - 1, d, h, mi);
}

/** The day of a local date-time, with its weekday, in the UI language. */
export function localDay(local: string, locale: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(local) ? formatDayKey(local.slice(0, 10), locale) : local;
}

/** The clock time of a local date-time. */
export function localTime(local: string, locale: string, hour12: boolean): string {
  const at = wall(local);
  return at === null ? local : formatTime(at, "UTC", locale, hour12);
}

/** `9:00 a.m. – 10:30 a.m.`; an end on another day carries its day. */
export function localRange(start: string, end: string, locale: string, hour12: boolean): string {
  const a = localTime(start, locale, hour12);
  const b = localTime(end, locale, hour12);
  return start.slice(0, 10) === end.slice(0, 10) ? `${a} – ${b}` : `${a} – ${localDay(end, locale)} ${b}`;
}

// ---- the new event ---------------------------------------------------------------------------------

/** A new event's name from its agenda file: the file name without folder and extension. */
export function nameFromPath(path: string): string {
  const base = path.trim().split(/[\\/]/).pop() ?? "";
  return base.replace(/\.(csv|xlsx|xlsm|ods|xls|tsv|txt)$/i, "").trim();
}
