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
