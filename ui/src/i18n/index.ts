// Current UI language and message lookup. Every visible string goes through `t`.
import { createSignal } from "solid-js";
import type { Lang } from "../bindings";
import en, { type MessageKey } from "./en";
import frCA from "./fr-CA";

export type { MessageKey };

export const catalogues: Record<Lang, Record<MessageKey, string>> = { en, "fr-CA": frCA };

const [lang, setLangSignal] = createSignal<Lang>("en");

/** The UI language (also the locale for dates, times and numbers). */
export { lang };

export function isLang(v: unknown): v is Lang {
  return v === "en" || v === "fr-CA";
}

/** Switches the UI language and keeps `<html lang>` in step. */
export function setUiLang(l: Lang): void {
  setLangSignal(l);
  if (typeof document !== "undefined") document.documentElement.lang = l;
}

export type Params = Record<string, string | number>;

// One number format per language (building one is costly; the live view formats every second).
const numberFormats = new Map<string, Intl.NumberFormat>();

function formatNumber(v: number, locale: string): string {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    numberFormats.set(locale, f);
  }
  return f.format(v);
}

/** Fills `{name}` placeholders; numbers are formatted for the language. */
export function interpolate(text: string, params: Params | undefined, locale: string): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === "number" ? formatNumber(v, locale) : v;
  });
}

/** Looks a message up in the current language (falls back to English, then the key). */
export function t(key: MessageKey, params?: Params): string {
  const l = lang();
  const text = catalogues[l][key] || catalogues.en[key] || key;
  return interpolate(text, params, l);
}
