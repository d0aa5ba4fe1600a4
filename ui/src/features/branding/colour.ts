// Colours of the event's palette as typed: `#RGB` / `#RRGGBB` checked and normalised while the
// user types (the core checks again on save), and a contrast ratio for display. The ratios
// themselves come from the core (`palette_contrast`), so the live figure matches the finding.

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

/** A ratio for display with two decimals, rounded down so a shown "4.50" always passes AA. */
export function ratioText(ratio: number, locale: string): string {
  const floored = Math.floor(ratio * 100 + 1e-9) / 100;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(floored);
}

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG 2 contrast ratio of two colours (1 to 21); null when either is not a colour. For
 * drawing only: the figures shown to the user come from the core. */
export function contrastRatio(a: string, b: string): number | null {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (!ca || !cb) return null;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The AA ratio for normal text. */
const AA = 4.5;

/** A text colour to draw on `background`: the first of `preferred` that reaches AA there (the
 * palette's own colours, in order), else black or white, whichever contrasts more (one of the two
 * always reaches AA). */
export function legibleOn(background: string, preferred: string[]): string {
  const ok = preferred.find((c) => (contrastRatio(c, background) ?? 0) >= AA);
  if (ok) return ok;
  return (contrastRatio("#000000", background) ?? 0) >= (contrastRatio("#ffffff", background) ?? 0)
    ? "#000000"
    : "#ffffff";
}
