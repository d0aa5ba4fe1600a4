// "Share on the network": the pure part of the panel. The form's settings and their checks,
// the status lines, the link addresses and the rows of the links table. Nothing here calls the
// shell or translates: the panel turns the keys into words.
import type { ShareLink, ShareSettings, ShareStatus, ShareView, Stage } from "../../bindings";
import type { MessageKey } from "../../i18n";

/** The views that have a page so far, in the order the panel offers them. */
export const SHARE_VIEWS = ["speaker-timer", "stage", "run-of-show", "closer", "clock"] as const satisfies readonly ShareView[];
export type OfferedView = (typeof SHARE_VIEWS)[number];

/** The port the panel proposes when nothing is stored yet. */
export const DEFAULT_PORT = 7870;

/** Where the server listens: this machine only, every network, or one address typed in. */
export type BindChoice = "loopback" | "all" | "one";

export const LOOPBACK = "127.0.0.1";
export const EVERY_NETWORK = "0.0.0.0";

/** The views whose page shows one stage (or the stage on air). */
export function viewHasStage(view: ShareView): boolean {
  return view === "speaker-timer" || view === "stage";
}

/** The view's label key. */
export function viewKey(view: ShareView): MessageKey {
  return `share.view.${view}` as MessageKey;
}

// ---- addresses ----------------------------------------------------------------------------------

function isIpv4(s: string): boolean {
  const parts = s.split(".");
  // No leading zeros (010 reads as octal in some tools): the shell refuses them too.
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIpv6(s: string): boolean {
  if (!s.includes(":")) return false;
  let groups = s;
  let tail = 0;
  // An IPv4 address may end it (::ffff:192.168.0.1): it counts for two groups.
  const last = s.lastIndexOf(":");
  if (s.slice(last + 1).includes(".")) {
    if (!isIpv4(s.slice(last + 1))) return false;
    groups = s.slice(0, last + 1) + "0";
    tail = 1;
  }
  const halves = groups.split("::");
  if (halves.length > 2) return false;
  const hex = (part: string) => (part === "" ? [] : part.split(":"));
  const head = hex(halves[0]);
  const rest = halves.length === 2 ? hex(halves[1]) : [];
  const all = [...head, ...rest];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = all.length + tail;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** An IPv4 or IPv6 address, as the shell reads one (no brackets, no port, no zone). */
export function isIpAddress(text: string): boolean {
  const s = text.trim();
  return isIpv4(s) || isIpv6(s);
}

/** Which choice a stored address is. */
export function bindChoiceOf(bind: string): { choice: BindChoice; address: string } {
  const b = bind.trim();
  if (b === LOOPBACK || b === "::1") return { choice: "loopback", address: "" };
  if (b === EVERY_NETWORK || b === "::") return { choice: "all", address: "" };
  return { choice: "one", address: b };
}

/** `http://ADDRESS:PORT`, IPv6 addresses in brackets. */
export function baseUrl(address: string, port: number): string {
  const host = address.includes(":") ? `[${address}]` : address;
  return `http://${host}:${port}`;
}

// ---- the server form ----------------------------------------------------------------------------

export interface ServerForm {
  on: boolean;
  choice: BindChoice;
  /** The address typed in, for "one address". */
  address: string;
  /** The port as typed. */
  port: string;
}

export type ServerField = "bind" | "port";

export type FormResult =
  | { ok: true; settings: ShareSettings }
  | { ok: false; errors: Partial<Record<ServerField, MessageKey>> };

/** The form as it opens on the stored settings. */
export function formOf(settings: ShareSettings): ServerForm {
  const { choice, address } = bindChoiceOf(settings.bind);
  return { on: settings.on, choice, address, port: String(settings.port || DEFAULT_PORT) };
}

/** A port as typed: a whole number from 1 to 65535, else `null`. */
export function parsePort(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,5}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 65535 ? n : null;
}

/**
 * The settings to store from the form, or what is wrong with it. `current` gives what the form
 * does not show (the OSC port).
 */
export function settingsFromForm(form: ServerForm, current: ShareSettings): FormResult {
  const errors: Partial<Record<ServerField, MessageKey>> = {};
  const port = parsePort(form.port);
  if (port === null) errors.port = "share.portInvalid";
  let bind: string = LOOPBACK;
  if (form.choice === "all") bind = EVERY_NETWORK;
  else if (form.choice === "one") {
    bind = form.address.trim();
    if (!bind) errors.bind = "share.addressRequired";
    else if (!isIpAddress(bind)) errors.bind = "share.addressInvalid";
  }
  if (port === null || errors.bind) return { ok: false, errors };
  // What the form does not show (OSC, feedback targets) is kept as stored.
  return { ok: true, settings: { ...current, on: form.on, bind, port } };
}

/** Which form field a shell error names (`share.port`, `share.bind`), if one. */
export function fieldOfError(field: string | null): ServerField | null {
  if (!field) return null;
  const last = field.split(".").pop();
  return last === "bind" || last === "port" ? last : null;
}

/** Listening on every interface: anyone on the network with a link can open it. */
export function listensEverywhere(bind: string): boolean {
  const b = bind.trim();
  return b === EVERY_NETWORK || b === "::";
}

// ---- status ---------------------------------------------------------------------------------

export type StatusView =
  | { state: "off" }
  | { state: "starting" }
  | { state: "failed"; error: string }
  | { state: "on"; urls: string[]; viewers: number; everywhere: boolean };

/** What the status line says. */
export function statusView(status: ShareStatus): StatusView {
  if (!status.settings.on) return { state: "off" };
  if (status.error) return { state: "failed", error: status.error };
  if (!status.running) return { state: "starting" };
  const addresses = status.addresses.length > 0 ? status.addresses : [status.settings.bind];
  return {
    state: "on",
    urls: addresses.map((a) => baseUrl(a, status.settings.port)),
    viewers: status.viewers,
    everywhere: listensEverywhere(status.settings.bind),
  };
}

/** "No screen", "1 screen", "N screens" connected. */
export function viewersKey(n: number): MessageKey {
  return n === 0 ? "share.viewers0" : n === 1 ? "share.viewers1" : "share.viewersN";
}

// ---- links ----------------------------------------------------------------------------------

export interface LinkRow {
  id: string;
  view: ShareView;
  /** The stage's name; `null` with `onAir` for "the stage on air"; `null` alone: no stage. */
  stage: string | null;
  onAir: boolean;
  control: boolean;
  created: string;
  revoked: string | null;
  active: boolean;
}

/**
 * The rows of the links table: active links first, newest first within each. A stage no longer
 * in the event shows its id (so the row still says which link it is).
 */
export function linkRows(links: readonly ShareLink[], stages: readonly Stage[]): LinkRow[] {
  const names = new Map(stages.map((s) => [s.id, s.name]));
  const rows = links.map((l): LinkRow => {
    const staged = viewHasStage(l.view);
    return {
      id: l.id,
      view: l.view,
      stage: staged && l.stageId ? (names.get(l.stageId) ?? l.stageId) : null,
      onAir: staged && !l.stageId,
      control: l.control,
      created: l.created,
      revoked: l.revoked,
      active: l.revoked === null,
    };
  });
  const ms = (iso: string) => Date.parse(iso) || 0;
  return rows.sort((a, b) => Number(b.active) - Number(a.active) || ms(b.created) - ms(a.created));
}

/** How many links can still be revoked. */
export function activeCount(links: readonly ShareLink[]): number {
  return links.filter((l) => l.revoked === null).length;
}

/** The `src` of an `<img>` showing an SVG document the app made (the CSP allows `data:`). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
