// Pure helpers of the Branding tab: kinds and statuses, which actions an item allows, the
// readiness score, the latest file and its preview, the spec in words, the fields sent back to
// the core, and which checklist row a dragged file is over.
import type {
  AssetFile,
  AssetKind,
  AssetSpec,
  AssetStatus,
  BrandItem,
  BrandItemFields,
  BrandPreset,
  Branding,
  ChatAudience,
  ChatRequirements,
  ItemActions,
  Palette,
  PresetItem,
} from "../../bindings";
import { t, type MessageKey } from "../../i18n";
import { list } from "../../enums";
import { fileUrl } from "../../ipc";

// ---- enums --------------------------------------------------------------------------


export const ASSET_KINDS = list<AssetKind>()([
  "logo",
  "banner",
  "background",
  "overlay",
  "video",
  "colours",
  "chat",
  "other",
] as const);
export const ASSET_STATUSES = list<AssetStatus>()(["requested", "received", "approved", "rejected"] as const);
export const CHAT_AUDIENCES = list<ChatAudience>()(["everyone", "attendees", "speakers_only", "nobody"] as const);
export const PALETTE_FIELDS = [
  "primary",
  "secondary",
  "text",
  "background",
] as const satisfies readonly (keyof Palette)[];
export type PaletteField = (typeof PALETTE_FIELDS)[number];

/** The file types a spec may accept (as the core names them). */
export const FILE_TYPES = ["png", "jpeg", "svg", "mp4", "mov"] as const;

/** The checks the core runs on a file (what `branding.check.*` translates). */
export const CHECKS = [
  "readable",
  "type",
  "complete",
  "bytes",
  "dimensions",
  "aspect",
  "transparency",
  "probe",
  "videoCodec",
  "audioCodec",
  "frameRate",
  "duration",
] as const;
type CheckName = (typeof CHECKS)[number];

/** A check's name in the UI language (an unknown check keeps its code). */
export function checkLabel(check: string): string {
  return (CHECKS as readonly string[]).includes(check) ? t(`branding.check.${check as CheckName}`) : check;
}

/** Colours and chat requirements are filled in on the tab; everything else comes as files. */
export function takesFiles(kind: AssetKind): boolean {
  return kind !== "colours" && kind !== "chat";
}

/** Status marks: state is shape + word + colour, never colour alone. */
export const STATUS_MARK: Record<AssetStatus, string> = {
  requested: "○",
  received: "◐",
  approved: "✓",
  rejected: "✗",
};

export const KIND_ICON: Record<AssetKind, string> = {
  logo: "◆",
  banner: "▭",
  background: "▦",
  overlay: "▤",
  video: "▶",
  colours: "◑",
  chat: "☰",
  other: "◇",
};

// ---- specs and presets -----------------------------------------------------------

export function emptySpec(): AssetSpec {
  return {
    types: [],
    width: null,
    height: null,
    minWidth: null,
    minHeight: null,
    minLongSide: null,
    maxAspect: null,
    landscape: false,
    maxBytes: null,
    transparency: false,
    videoCodecs: [],
    audioCodecs: [],
    maxFps: null,
  };
}

/** A plain copy of a spec (also of a store proxy), safe to edit and to send. */
export function copySpec(s: AssetSpec): AssetSpec {
  return {
    types: [...s.types],
    width: s.width,
    height: s.height,
    minWidth: s.minWidth,
    minHeight: s.minHeight,
    minLongSide: s.minLongSide,
    maxAspect: s.maxAspect,
    landscape: s.landscape,
    maxBytes: s.maxBytes,
    transparency: s.transparency,
    videoCodecs: [...s.videoCodecs],
    audioCodecs: [...s.audioCodecs],
    maxFps: s.maxFps,
  };
}

/** The built-in preset (the standard checklist), if the list has one. */
export function builtInPreset(presets: readonly BrandPreset[]): BrandPreset | undefined {
  return presets.find((p) => p.builtIn);
}

/** One new checklist line of `kind`: its default title, owed by the customer, required, with
 * the built-in preset's spec of that kind (an empty spec when the preset has none). */
export function newPresetItem(kind: AssetKind, presets: readonly BrandPreset[]): PresetItem {
  const model = builtInPreset(presets)?.items.find((i) => i.kind === kind);
  return {
    kind,
    title: t(`branding.kind.${kind}`),
    owner: "customer",
    required: true,
    spec: model ? copySpec(model.spec) : emptySpec(),
  };
}

/** Plain copies of a preset's lines, to send with `addBrandItems`. */
export function presetItems(p: BrandPreset): PresetItem[] {
  return p.items.map((i) => ({
    kind: i.kind,
    title: i.title,
    owner: i.owner,
    required: i.required,
    spec: copySpec(i.spec),
  }));
}

const TYPE_NAME: Record<string, string> = { png: "PNG", jpeg: "JPEG", svg: "SVG", mp4: "MP4", mov: "MOV" };
const CODEC_NAME: Record<string, string> = { h264: "H.264", hevc: "H.265", h265: "H.265", aac: "AAC", mp3: "MP3" };

function orList(items: string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: "disjunction" }).format(items);
}

/** A byte limit as specs say it (decimal units, like the core's checks): `1.5 MB`, `800 KB`. */
export function specBytes(bytes: number): string {
  if (bytes >= 1_000_000) return t("size.mb", { n: Math.round(bytes / 100_000) / 10 });
  if (bytes >= 1_000) return t("size.kb", { n: Math.ceil(bytes / 1_000) });
  return t("size.bytes", { n: bytes });
}

function px(n: number): string {
  return String(n);
}

/** The spec in a few words, e.g. `PNG or JPEG · 1920×1080 · ≤ 10 MB`; empty for an empty spec. */
export function specSummary(s: AssetSpec, locale: string): string {
  const parts: string[] = [];
  if (s.types.length > 0)
    parts.push(
      orList(
        s.types.map((x) => TYPE_NAME[x] ?? x.toUpperCase()),
        locale,
      ),
    );
  if (s.width !== null && s.height !== null) parts.push(`${px(s.width)}×${px(s.height)}`);
  else if (s.width !== null) parts.push(t("branding.spec.width", { n: px(s.width) }));
  else if (s.height !== null) parts.push(t("branding.spec.height", { n: px(s.height) }));
  if (s.minWidth !== null && s.minHeight !== null) parts.push(`≥ ${px(s.minWidth)}×${px(s.minHeight)}`);
  else if (s.minWidth !== null) parts.push(t("branding.spec.minWidth", { n: px(s.minWidth) }));
  else if (s.minHeight !== null) parts.push(t("branding.spec.minHeight", { n: px(s.minHeight) }));
  if (s.minLongSide !== null) parts.push(t("branding.spec.minLongSide", { n: px(s.minLongSide) }));
  if (s.maxAspect !== null) parts.push(t("branding.spec.maxAspect", { n: s.maxAspect }));
  if (s.landscape) parts.push(t("branding.spec.landscape"));
  if (s.transparency) parts.push(t("branding.spec.transparency"));
  if (s.videoCodecs.length > 0) {
    parts.push(
      t("branding.spec.videoCodecs", {
        list: orList(
          s.videoCodecs.map((c) => CODEC_NAME[c] ?? c),
          locale,
        ),
      }),
    );
  }
  if (s.audioCodecs.length > 0) {
    parts.push(
      t("branding.spec.audioCodecs", {
        list: orList(
          s.audioCodecs.map((c) => CODEC_NAME[c] ?? c),
          locale,
        ),
      }),
    );
  }
  if (s.maxFps !== null) parts.push(t("branding.spec.maxFps", { n: s.maxFps }));
  if (s.maxBytes !== null) parts.push(`≤ ${specBytes(s.maxBytes)}`);
  return parts.join(" · ");
}

// ---- files -------------------------------------------------------------------------

/** The file attached last (the core appends; a file attached again moves to the end). */
export function latestFile(item: Pick<BrandItem, "files">): AssetFile | null {
  return item.files.length > 0 ? item.files[item.files.length - 1] : null;
}

/** The last file whose copy is kept. */
export function latestStored(item: Pick<BrandItem, "files">): AssetFile | null {
  for (let i = item.files.length - 1; i >= 0; i--) if (item.files[i].stored) return item.files[i];
  return null;
}

/** The picture to use for `kind` on the mock stage: the latest stored file of an approved item of
 * that kind, else of any item of that kind (latest items first). */
export function stageImage(items: readonly BrandItem[], kind: AssetKind): AssetFile | null {
  const ofKind = items.filter((i) => i.kind === kind).reverse();
  for (const pool of [ofKind.filter((i) => i.status === "approved"), ofKind]) {
    for (const it of pool) {
      const f = latestStored(it);
      if (f && !isVideo(f)) return f;
    }
  }
  return null;
}

function isVideo(f: AssetFile): boolean {
  const ty = f.report.fileType ?? "";
  return ty === "mp4" || ty === "mov" || f.report.kind === "video";
}

export type Preview = { type: "image"; url: string } | { type: "film" } | { type: "none" };

/** What to show for a file: its picture (a video's still when one was made), a film mark for a
 * video without a still, nothing for a file not kept. */
export function previewOf(f: AssetFile | null): Preview {
  if (!f || !f.stored) return { type: "none" };
  if (isVideo(f)) return f.thumbnail ? { type: "image", url: fileUrl(f.sha256, true) } : { type: "film" };
  return { type: "image", url: fileUrl(f.sha256) };
}

/** The picture's address, if the preview is a picture. */
export function previewUrl(p: Preview): string | null {
  return p.type === "image" ? p.url : null;
}

const IMAGE_EXT = ["png", "jpg", "jpeg", "svg"];
const VIDEO_EXT = ["mp4", "mov"];

/** The open dialog's filters for an item: its kind's files first, then every file. */
export function dialogFilters(kind: AssetKind): { name: MessageKey; extensions: string[] }[] {
  const images = { name: "branding.filter.images" as const, extensions: IMAGE_EXT };
  const video = { name: "branding.filter.video" as const, extensions: VIDEO_EXT };
  const all = { name: "branding.filter.all" as const, extensions: ["*"] };
  if (kind === "video") return [video, all];
  if (kind === "other") return [images, video, all];
  return [images, all];
}

// ---- actions -----------------------------------------------------------------------

/** What a row offers while the core has not said (an item just added): nothing. */
export const NO_ACTIONS: ItemActions = {
  id: "",
  attach: false,
  approve: false,
  approveNeedsFile: false,
  reject: false,
  reopen: false,
  removeFiles: false,
};

// ---- fields sent back ------------------------------------------------------------

/** The item's fields as `updateBrandItem` wants them (`due` empty while it follows the event). */
export function itemFields(item: BrandItem): BrandItemFields {
  return {
    title: item.title,
    owner: item.owner,
    required: item.required,
    due: item.dueCustom && item.due ? item.due : "",
    notes: item.notes,
    spec: copySpec(item.spec),
  };
}

export interface BrandingPatch {
  palette?: Palette;
  chat?: ChatRequirements;
  dueDaysBefore?: number;
  speakerInstructions?: string;
}

/** A plain copy of the event's branding with `patch` applied: `updateBranding` takes it whole. */
export function brandingWith(b: Branding, patch: BrandingPatch): Branding {
  const p = patch.palette ?? b.palette;
  const c = patch.chat ?? b.chat;
  return {
    palette: { primary: p.primary, secondary: p.secondary, text: p.text, background: p.background },
    chat: {
      moderated: c.moderated,
      whoMayChat: c.whoMayChat,
      pinned: [...c.pinned],
      languages: [...c.languages],
      notes: c.notes,
    },
    dueDaysBefore: patch.dueDaysBefore ?? b.dueDaysBefore,
    speakerInstructions: patch.speakerInstructions ?? b.speakerInstructions,
  };
}

/** Pinned messages: one per non-blank line. */
export function parseLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** Languages: comma- (or semicolon-) separated. */
export function parseList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** The lead time typed in the field: a whole number of days 0–365, else null. */
export function parseDueDays(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,3}$/.test(s)) return null;
  const n = Number(s);
  return n <= 365 ? n : null;
}

/** A positive whole number typed in a spec field; empty → null; anything else → undefined. */
export function parseOptionalInt(text: string): number | null | undefined {
  const s = text.trim();
  if (s === "") return null;
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}

/** A positive number (decimal point or comma) typed in a spec field; empty → null; bad → undefined. */
export function parseOptionalNumber(text: string): number | null | undefined {
  const s = text.trim().replace(",", ".");
  if (s === "") return null;
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return n > 0 ? n : undefined;
}

// ---- drag and drop ----------------------------------------------------------------

export interface RowBox {
  id: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The row under a point (CSS pixels), or null. */
export function rowAt(rows: readonly RowBox[], x: number, y: number): string | null {
  for (const r of rows) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return r.id;
  return null;
}

/** A drag position in physical pixels → CSS pixels. */
export function toCssPoint(p: { x: number; y: number }, ratio: number): { x: number; y: number } {
  const r = ratio > 0 ? ratio : 1;
  return { x: p.x / r, y: p.y / r };
}
