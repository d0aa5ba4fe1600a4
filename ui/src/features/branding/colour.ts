// Colours of the event's palette: parsing `#RGB` / `#RRGGBB` and the WCAG 2 contrast ratio
// (the same rules as the core's `branding::contrast`, so the live figure matches the finding).

/** WCAG AA asks for 4.5:1 between body text and its background. */
export const AA_CONTRAST = 4.5;

/** `#1a2b3c`, `1A2B3C`, `#abc` (spaces around are ignored) → [r, g, b]; anything else → null. */
export function parseHex(text: string): [number, number, number] | null {
  const h = text.trim().replace(/^#/, "");
  let full: string;
  if (/^[0-9a-fA-F]{3}$/.test(h)) full = [...h].map((c) => c + c).join("");
  else if (/^[0-9a-fA-F]{6}$/.test(h)) full = h;
  else return null;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** The colour as the core stores it (`#rrggbb`, lower case); null when it is not a colour. */
export function normaliseHex(text: string): string | null {
  const c = parseHex(text);
  return c ? `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}` : null;
}

/** Whether a palette field may be saved as typed: empty (not given yet) or a colour. */
export function isValidHexField(text: string): boolean {
  return text.trim() === "" || parseHex(text) !== null;
}

function channel(v: number): number {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance (0 black … 1 white). */
export function luminance([r, g, b]: [number, number, number]): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two colours (1 … 21); null when either is not a colour. */
export function contrast(a: string, b: string): number | null {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (!ca || !cb) return null;
  const la = luminance(ca);
  const lb = luminance(cb);
  const [hi, lo] = la > lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

/** A ratio for display with two decimals, rounded down so a shown "4.50" always passes AA. */
export function ratioText(ratio: number, locale: string): string {
  const floored = Math.floor(ratio * 100 + 1e-9) / 100;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(floored);
}

/** Black or white, whichever reads better on `background` (for labels drawn on a swatch). */
export function inkOn(background: string): "#000000" | "#ffffff" {
  const c = parseHex(background);
  if (!c) return "#000000";
  return contrast("#000000", background)! >= contrast("#ffffff", background)! ? "#000000" : "#ffffff";
}
