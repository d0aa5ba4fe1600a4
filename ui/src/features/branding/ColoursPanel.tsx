// The event's palette: four colours typed as hex or picked, checked as they are typed, the live
// WCAG contrast of the text on the background and on the primary colour, and a mock stage.
import { createEffect, createResource, createSignal, For, on, Show } from "solid-js";
import type { Palette } from "../../bindings";
import { FieldError } from "../../components/ErrorBanner";
import * as ipc from "../../ipc";
import { FieldGroup } from "../../components/Field";
import { lang, t } from "../../i18n";
import { applyEdit, view } from "../../state";
import { FindingBadge } from "../findings/FindingBadge";
import { brandingWith, PALETTE_FIELDS, previewOf, previewUrl, stageImage, type PaletteField } from "./branding";
import { isValidHexField, legibleOn, normaliseHex, ratioText } from "./colour";
import { Unsaved } from "./Unsaved";

/** What the mock stage shows for a colour not given (or not valid) yet. */
const STAGE_DEFAULT: Palette = { primary: "#1c5bb8", secondary: "#0f2f5f", text: "#ffffff", background: "#1b1f24" };

const plain = (p: Palette): Palette => ({
  primary: p.primary,
  secondary: p.secondary,
  text: p.text,
  background: p.background,
});
const sameAs = (a: Palette, b: Palette) => PALETTE_FIELDS.every((f) => a[f].trim() === b[f].trim());

export function ColoursPanel() {
  const v = () => view()!;
  const saved = () => v().data.branding.palette;
  const [draft, setDraft] = createSignal<Palette>(plain(saved()));
  const [serverErr, setServerErr] = createSignal<{ field: PaletteField | null; message: string } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const dirty = () => !sameAs(draft(), saved());

  // The saved colours the draft started from. When they change elsewhere (undo, another event),
  // the draft follows unless the user has typed something of their own.
  let base = plain(saved());
  let baseEvent = v().data.event.id;
  createEffect(
    on(
      () => PALETTE_FIELDS.map((f) => saved()[f]).join("|") + "|" + v().data.event.id,
      () => {
        const now = plain(saved());
        if (baseEvent !== v().data.event.id || sameAs(draft(), base)) setDraft(now);
        base = now;
        baseEvent = v().data.event.id;
      },
      { defer: true },
    ),
  );
  createEffect(on(lang, () => setServerErr(null), { defer: true }));

  const set = (f: PaletteField, value: string) => setDraft((d) => ({ ...d, [f]: value }));
  const invalid = (f: PaletteField) => !isValidHexField(draft()[f]);
  const anyInvalid = () => PALETTE_FIELDS.some(invalid);

  // The contrast of the palette as typed, from the core (the same maths as the finding).
  const [contrast] = createResource(
    () => ({ ...draft() }),
    (palette) => ipc.paletteContrast({ palette }).catch(() => null),
  );

  const lowContrast = () => v().findings.filter((x) => x.code === "palette_low_contrast" && x.subject.kind === "event");

  const save = async (e: Event) => {
    e.preventDefault();
    if (anyInvalid() || busy()) return;
    const d = draft();
    const palette: Palette = {
      primary: normaliseHex(d.primary) ?? "",
      secondary: normaliseHex(d.secondary) ?? "",
      text: normaliseHex(d.text) ?? "",
      background: normaliseHex(d.background) ?? "",
    };
    setBusy(true);
    const r = await applyEdit({ type: "updateBranding", fields: brandingWith(v().data.branding, { palette }) });
    setBusy(false);
    if (r.ok) {
      setServerErr(null);
      setDraft(plain(saved()));
    } else {
      const last = r.error.field?.split(".").pop() ?? "";
      const field = (PALETTE_FIELDS as readonly string[]).includes(last) ? (last as PaletteField) : null;
      setServerErr({ field, message: r.error.message });
    }
  };

  /** The colour the preview uses: the draft when valid, else the saved one, else a default. */
  const shown = (f: PaletteField) => normaliseHex(draft()[f]) ?? normaliseHex(saved()[f]) ?? STAGE_DEFAULT[f];

  return (
    <section
      class="card brand-panel"
      id="brand-colours"
      data-testid="brand-colours"
      aria-labelledby="brand-colours-title"
    >
      <div class="brand-panel-head">
        <h3 id="brand-colours-title">{t("branding.colours")}</h3>
        <FindingBadge findings={lowContrast()} />
      </div>
      <form class="brand-colours-form" onSubmit={save}>
        <div class="brand-colour-grid">
          <For each={PALETTE_FIELDS}>
            {(f) => (
              <FieldGroup
                label={t(`branding.palette.${f}`)}
                for={`palette-${f}`}
                class="brand-colour-field"
                error={invalid(f) ? t("branding.hexInvalid") : serverErr()?.field === f ? serverErr()!.message : null}
                errorId={`palette-${f}-err`}
              >
                <div class="brand-colour-row">
                  <input
                    type="color"
                    class="brand-picker"
                    data-testid={`palette-${f}-picker`}
                    aria-label={t("branding.pickColour", { name: t(`branding.palette.${f}`) })}
                    value={normaliseHex(draft()[f]) ?? normaliseHex(saved()[f]) ?? "#000000"}
                    onInput={(e) => set(f, e.currentTarget.value)}
                  />
                  <input
                    id={`palette-${f}`}
                    class="mono brand-hex"
                    name={`palette-${f}`}
                    data-testid={`palette-${f}`}
                    autocomplete="off"
                    spellcheck={false}
                    placeholder="#1a2b3c"
                    maxLength={9}
                    value={draft()[f]}
                    onInput={(e) => set(f, e.currentTarget.value)}
                    aria-invalid={invalid(f) || serverErr()?.field === f}
                    aria-describedby={`palette-${f}-err`}
                  />
                </div>
              </FieldGroup>
            )}
          </For>
        </div>
        <div class="brand-contrasts">
          <ContrastLine
            testid="palette-contrast"
            label={t("branding.contrastTextBg")}
            ratio={contrast.latest?.textOnBackground ?? null}
            aa={contrast.latest?.aa ?? 4.5}
          />
          <ContrastLine
            testid="palette-contrast-primary"
            label={t("branding.contrastTextPrimary")}
            ratio={contrast.latest?.textOnPrimary ?? null}
            aa={contrast.latest?.aa ?? 4.5}
          />
        </div>
        <Show when={serverErr() && !serverErr()!.field}>
          <FieldError message={serverErr()!.message} />
        </Show>
        <div class="form-actions">
          <button
            type="submit"
            class="primary small"
            data-testid="palette-save"
            disabled={busy() || anyInvalid() || !dirty()}
          >
            {t("branding.saveColours")}
          </button>
          <Unsaved dirty={dirty()} testid="palette-reset" onRevert={() => setDraft(plain(saved()))} />
        </div>
      </form>
      <MockStage
        primary={shown("primary")}
        secondary={shown("secondary")}
        text={shown("text")}
        background={shown("background")}
      />
    </section>
  );
}

function ContrastLine(props: { testid: string; label: string; ratio: number | null; aa: number }) {
  const ratio = () => props.ratio;
  const pass = () => {
    const r = ratio();
    return r === null ? null : r >= props.aa;
  };
  return (
    <div
      class="brand-contrast"
      data-testid={props.testid}
      data-pass={pass() === null ? "" : String(pass())}
      data-ratio={ratio() === null ? "" : ratio()!.toFixed(2)}
      aria-live="polite"
    >
      <span class="muted">{t("branding.contrastLabel", { what: props.label })}</span>{" "}
      <Show when={ratio()} fallback={<span class="muted">{t("branding.contrastNone")}</span>}>
        {(r) => (
          <span classList={{ "status-ok": pass() === true, "status-over": pass() === false }}>
            {pass() ? "✓ " : "✗ "}
            {pass()
              ? t("branding.contrastPass", { ratio: ratioText(r(), lang()) })
              : t("branding.contrastFail", { ratio: ratioText(r(), lang()) })}
          </span>
        )}
      </Show>
    </div>
  );
}

/** A 16:9 stage drawn in CSS: background, logo, a lower third and a caption line. */
function MockStage(props: Palette) {
  const v = () => view()!;
  const bgUrl = () => previewUrl(previewOf(stageImage(v().data.brandItems, "background")));
  const logoUrl = () => previewUrl(previewOf(stageImage(v().data.brandItems, "logo")));
  return (
    <figure class="brand-stage-figure">
      <div
        class="mock-stage"
        data-testid="mock-stage"
        role="img"
        aria-label={t("branding.stageLabel")}
        data-background-image={String(!!bgUrl())}
        style={{
          "background-color": props.background,
          "background-image": bgUrl() ? `url("${bgUrl()}")` : undefined,
        }}
      >
        <Show
          when={logoUrl()}
          fallback={
            <span class="mock-logo mock-logo-empty" style={{ color: props.text, "border-color": props.text }}>
              {t("branding.stageLogo")}
            </span>
          }
        >
          {(url) => <img class="mock-logo" data-testid="mock-logo" src={url()} alt="" />}
        </Show>
        <div class="mock-lower-third">
          <div class="mock-name" style={{ "background-color": props.primary, color: props.text }}>
            {t("branding.stageName")}
          </div>
          {/* The palette vouches for its text on the background and on the primary colour, not on
              the secondary: the role line takes the palette colour that reads there (AA). */}
          <div
            class="mock-role"
            data-testid="mock-role"
            style={{
              "background-color": props.secondary,
              color: legibleOn(props.secondary, [props.text, props.background]),
            }}
          >
            {t("branding.stageRole")}
          </div>
        </div>
        <div class="mock-caption">{t("branding.stageCaption")}</div>
      </div>
      <figcaption class="muted small">{t("branding.stageHint")}</figcaption>
    </figure>
  );
}
