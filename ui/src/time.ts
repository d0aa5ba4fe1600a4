// Time helpers. Instants travel as RFC 3339 UTC strings; the UI shows and edits
// wall-clock times in the event's IANA zone.

export type Instant = string | number | Date;

export interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
}

// Building an Intl formatter costs far more than using one (it loads locale data), and the
// live view formats the same few patterns every second: each pattern is built once.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(id, f);
  }
  return f;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string): Intl.NumberFormat {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    numberFormats.set(locale, f);
  }
  return f;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

function toDate(i: Instant): Date {
  return i instanceof Date ? i : new Date(i);
}

/** Answers of `zonedParts` already worked out (zone + epoch ms): a 2,000-session calendar asks
 * for the same instants many times, and `formatToParts` is slow. Emptied when it grows large. */
const partsCache = new Map<string, Readonly<LocalParts>>();
const PARTS_CACHE_MAX = 50_000;

/** The same answers by zone, then by the instant's text as the view carries it: a calendar asks
 * for each session's start and end again and again, and parsing the text into a `Date` (and
 * building a key from it) cost more than the lookup. Emptied with `partsCache`. */
const partsByText = new Map<string, Map<string, Readonly<LocalParts>>>();
let partsByTextSize = 0;

/** Wall-clock fields of an instant in `zone` (a shared object: do not change it). */
export function zonedParts(instant: Instant, zone: string): Readonly<LocalParts> {
  if (typeof instant === "string") {
    let byText = partsByText.get(zone);
    const hit = byText?.get(instant);
    if (hit) return hit;
    const parts = zonedPartsOf(toDate(instant), zone);
    if (!Number.isNaN(parts.year)) {
      if (partsByTextSize >= PARTS_CACHE_MAX) {
        partsByText.clear();
        partsByTextSize = 0;
        byText = undefined;
      }
      if (!byText) partsByText.set(zone, (byText = new Map()));
      byText.set(instant, parts);
      partsByTextSize++;
    }
    return parts;
  }
  return zonedPartsOf(toDate(instant), zone);
}

function zonedPartsOf(d: Date, zone: string): Readonly<LocalParts> {
  const key = `${zone}|${d.getTime()}`;
  const hit = partsCache.get(key);
  if (hit) return hit;
  const out: Record<string, number> = {};
  for (const p of partsFormatter(zone).formatToParts(d)) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  const parts = Object.freeze({
    year: out.year,
    month: out.month,
    day: out.day,
    // Some engines render midnight as "24" even with h23.
    hour: out.hour === 24 ? 0 : out.hour,
    minute: out.minute,
    second: out.second,
  });
  // An invalid date gives NaN fields: not worth keeping.
  if (!Number.isNaN(d.getTime())) {
    if (partsCache.size >= PARTS_CACHE_MAX) partsCache.clear();
    partsCache.set(key, parts);
  }
  return parts;
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const pad4 = (n: number) => String(n).padStart(4, "0");

/** `YYYY-MM-DD` of each (shared, frozen) answer of `zonedParts`, written once. */
const dateKeys = new WeakMap<Readonly<LocalParts>, string>();

/** `YYYY-MM-DD` of the instant in `zone`. */
export function localDateKey(instant: Instant, zone: string): string {
  const p = zonedParts(instant, zone);
  let key = dateKeys.get(p);
  if (key === undefined) {
    key = `${pad4(p.year)}-${pad2(p.month)}-${pad2(p.day)}`;
    dateKeys.set(p, key);
  }
  return key;
}

/** `YYYY-MM-DDTHH:MM` of the instant in `zone` — the form Rust expects back. */
export function toLocalInput(instant: Instant, zone: string): string {
  const p = zonedParts(instant, zone);
  return `${pad4(p.year)}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** `YYYY-MM-DD HH:MM`: what the user sees and types in the session form. */
export function toLocalDisplay(instant: Instant, zone: string): string {
  return toLocalInput(instant, zone).replace("T", " ");
}

/** Minutes since local midnight of the instant in `zone` (wall clock). */
export function minutesOfDay(instant: Instant, zone: string): number {
  const p = zonedParts(instant, zone);
  return p.hour * 60 + p.minute + p.second / 60;
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]+|\s+)(\d{1,2}):(\d{2})$/;

/**
 * Accepts `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM` (hour may be one digit) and returns
 * the canonical `YYYY-MM-DDTHH:MM`, or `null` when the text is not such a date-time.
 */
export function normalizeLocalInput(text: string): string | null {
  const m = LOCAL_RE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m;
  const year = Number(y),
    month = Number(mo),
    day = Number(d),
    hour = Number(h),
    minute = Number(mi);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || day < 1) return null;
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > dim) return null;
  return `${y}-${mo}-${d}T${pad2(hour)}:${mi}`;
}

function parseLocal(local: string): LocalParts | null {
  const n = normalizeLocalInput(local);
  if (!n) return null;
  return {
    year: Number(n.slice(0, 4)),
    month: Number(n.slice(5, 7)),
    day: Number(n.slice(8, 10)),
    hour: Number(n.slice(11, 13)),
    minute: Number(n.slice(14, 16)),
    second: 0,
  };
}

function partsToInput(p: LocalParts): string {
  return `${pad4(p.year)}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** Adds wall-clock minutes to a local date-time (no zone involved). */
export function addMinutesToLocal(local: string, minutes: number): string | null {
  const p = parseLocal(local);
  if (!p) return null;
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute + minutes));
  return partsToInput({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: 0,
  });
}

/** Offset of `zone` from UTC at `instant`, in minutes (east positive). */
export function zoneOffsetMinutes(instant: Instant, zone: string): number {
  const d = toDate(instant);
  const p = zonedParts(d, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const whole = Math.floor(d.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60000);
}

/**
 * The instant at which the wall clock in `zone` shows `local`. Times skipped by a DST
 * jump resolve forward (like most calendars); repeated times take the first occurrence.
 */
export function localToInstant(local: string, zone: string): Date | null {
  const p = parseLocal(local);
  if (!p) return null;
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  const candidates = new Set<number>();
  for (const probe of [wall - 36e5 * 14, wall, wall + 36e5 * 14]) {
    candidates.add(wall - zoneOffsetMinutes(probe, zone) * 60000);
  }
  const exact = [...candidates].filter((t) => toLocalInput(t, zone) === partsToInput(p)).sort((a, b) => a - b);
  if (exact.length) return new Date(exact[0]);
  // In a gap: use the offset before the jump, which lands after it.
  const before = zoneOffsetMinutes(wall - 36e5 * 3, zone);
  return new Date(wall - before * 60000);
}

/** `formatTime`'s formatters by zone, locale and clock, and what each already wrote by the
 * instant's text: a calendar shows each session's start and end several times (its block, its
 * tooltip, its run of show), and a format call costs microseconds. Emptied when large. */
const timeFormats = new Map<string, { f: Intl.DateTimeFormat; done: Map<string, string> }>();
let timeFormatsSize = 0;
const TIME_FORMATS_MAX = 50_000;

/** Shows a time of day in the event's zone, e.g. `9:30 a.m.` / `09 h 30`. */
export function formatTime(instant: Instant, zone: string, locale: string, hour12: boolean): string {
  const id = `${zone}|${locale}|${hour12 ? 1 : 0}`;
  let entry = timeFormats.get(id);
  if (!entry) {
    const f = dateTimeFormat(locale, { timeZone: zone, hour: "numeric", minute: "2-digit", hour12 });
    timeFormats.set(id, (entry = { f, done: new Map() }));
  }
  if (typeof instant !== "string") return entry.f.format(toDate(instant));
  const hit = entry.done.get(instant);
  if (hit !== undefined) return hit;
  const d = toDate(instant);
  const text = entry.f.format(d);
  if (!Number.isNaN(d.getTime())) {
    if (timeFormatsSize >= TIME_FORMATS_MAX) {
      for (const e of timeFormats.values()) e.done.clear();
      timeFormatsSize = 0;
    }
    entry.done.set(instant, text);
    timeFormatsSize++;
  }
  return text;
}

/** Shows a date in the event's zone, e.g. `Apr 15, 2027` / `15 avr. 2027`. */
export function formatDate(instant: Instant, zone: string, locale: string): string {
  return dateTimeFormat(locale, { timeZone: zone, dateStyle: "medium" }).format(toDate(instant));
}

/** Date and time in the event's zone. */
export function formatDateTime(instant: Instant, zone: string, locale: string, hour12: boolean): string {
  return dateTimeFormat(locale, {
    timeZone: zone,
    dateStyle: "medium",
    timeStyle: "short",
    hour12,
  }).format(toDate(instant));
}

/** Shows a `YYYY-MM-DD` calendar day with its weekday. */
export function formatDayKey(key: string, locale: string): string {
  const [y, m, d] = key.split("-").map(Number);
  return dateTimeFormat(locale, {
    timeZone: "UTC",
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/** Shows an hour of the day for a grid label (0–24). */
export function formatHourLabel(hour: number, locale: string, hour12: boolean): string {
  const d = new Date(Date.UTC(2000, 0, 1, hour % 24, 0));
  return dateTimeFormat(locale, { timeZone: "UTC", hour: "numeric", hour12 }).format(d);
}

/**
 * Parses a duration typed by a person: `m` (minutes), `m:ss` or `h:mm:ss`.
 * Returns seconds, or `null` when the text is not a duration.
 */
export function parseDuration(text: string): number | null {
  const s = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,4})$/.exec(s))) return Number(m[1]) * 60;
  if ((m = /^(\d{1,4}):([0-5]\d)$/.exec(s))) return Number(m[1]) * 60 + Number(m[2]);
  if ((m = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/.exec(s))) {
    return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  }
  return null;
}

/** `m:ss` below an hour, `h:mm:ss` from an hour on. */
export function formatDuration(totalSecs: number): string {
  const secs = Math.max(0, Math.round(totalSecs));
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const s = secs % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${m}:${pad2(s)}`;
}

/** Like `formatDuration` with a leading sign: `+2:30`, `-0:45`. */
export function formatSignedDuration(secs: number): string {
  return (secs < 0 ? "-" : "+") + formatDuration(Math.abs(secs));
}

/** Minutes as hours and minutes in the locale, e.g. `7 h 30 min`. */
export function formatHoursMinutes(totalMinutes: number, locale: string): string {
  const mins = Math.max(0, Math.round(totalMinutes));
  const h = Math.floor(mins / 60);
  const m = mins % 60;
  const nf = numberFormat(locale);
  if (h === 0) return `${nf.format(m)} min`;
  if (m === 0) return `${nf.format(h)} h`;
  return `${nf.format(h)} h ${pad2(m)} min`;
}

/** Adds calendar months to a `YYYY-MM-DD` date, clamping to the month's last day. */
export function addMonthsToDate(date: string, months: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!m) return null;
  const y = Number(m[1]),
    mo = Number(m[2]) - 1,
    d = Number(m[3]);
  const targetMonth = mo + months;
  const last = new Date(Date.UTC(y, targetMonth + 1, 0)).getUTCDate();
  const out = new Date(Date.UTC(y, targetMonth, Math.min(d, last)));
  return `${pad4(out.getUTCFullYear())}-${pad2(out.getUTCMonth() + 1)}-${pad2(out.getUTCDate())}`;
}

/** The zone of the machine the UI runs on. */
export function machineZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

const FALLBACK_ZONES = [
  "UTC",
  "America/Toronto",
  "America/Montreal",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Vancouver",
  "America/Los_Angeles",
  "America/Halifax",
  "America/St_Johns",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "Asia/Tokyo",
  "Asia/Kolkata",
  "Australia/Sydney",
  "Pacific/Auckland",
  "Pacific/Kiritimati",
];

/** IANA zones for the zone picker. */
export function listTimeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  try {
    const zones = intl.supportedValuesOf?.("timeZone");
    if (zones && zones.length) return zones.includes("UTC") ? zones : ["UTC", ...zones];
  } catch {
    // fall through
  }
  return FALLBACK_ZONES;
}

/** True when `zone` is an IANA zone this engine knows. */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A wall clock with seconds for big displays, in `zone`: `{ hms: "09:30:05", period: "" }` on a
 * 24-hour clock, `{ hms: "9:30:05", period: "AM" }` (period in the locale) on a 12-hour one.
 * Always colon-separated so the digits keep their place as they tick.
 */
export function clockParts(
  instant: Instant,
  zone: string,
  locale: string,
  hour12: boolean,
): { hms: string; period: string } {
  const id = `${zone}|${locale}|${hour12}`;
  let f = clockFormatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      hour: "numeric",
      minute: "2-digit",
      second: "2-digit",
      hour12,
      ...(hour12 ? {} : { hourCycle: "h23" as const }),
    });
    clockFormatters.set(id, f);
  }
  const got: Record<string, string> = {};
  for (const p of f.formatToParts(toDate(instant))) got[p.type] = p.value;
  let hour = Number(got.hour);
  if (!hour12 && hour === 24) hour = 0;
  const h = hour12 ? String(hour) : pad2(hour);
  return { hms: `${h}:${pad2(Number(got.minute))}:${pad2(Number(got.second))}`, period: hour12 ? (got.dayPeriod ?? "") : "" };
}

/** RFC 3339 in UTC without fractional seconds, e.g. `2027-04-15T12:30:00Z`. */
export function toUtcRfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}
