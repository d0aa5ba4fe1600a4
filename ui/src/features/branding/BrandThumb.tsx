// The picture at the start of a checklist line.
import { For, Show } from "solid-js";
import type { BrandItem } from "../../bindings";
import { view } from "../../state";
import { KIND_ICON, latestFile, PALETTE_FIELDS, previewOf, previewUrl } from "./branding";
import { normaliseHex } from "./colour";

/** The latest file's picture, a film mark, the palette's swatches or the kind's mark. */
export function BrandThumb(props: { item: BrandItem }) {
  const preview = () => previewOf(latestFile(props.item));
  const palette = () => view()!.data.branding.palette;
  return (
    <Show
      when={props.item.kind !== "colours"}
      fallback={
        <span class="brand-swatches">
          <For each={PALETTE_FIELDS}>
            {(f) => {
              const c = () => normaliseHex(palette()[f]);
              return (
                <span
                  class="brand-swatch"
                  classList={{ unset: !c() }}
                  style={{ "background-color": c() ?? undefined }}
                />
              );
            }}
          </For>
        </span>
      }
    >
      <Show
        when={previewUrl(preview())}
        fallback={
          <span class="brand-kind-icon" data-film={String(preview().type === "film")}>
            {preview().type === "film" ? "🎞" : KIND_ICON[props.item.kind]}
          </span>
        }
      >
        {(url) => <img class="brand-thumb-img" src={url()} alt="" loading="lazy" />}
      </Show>
    </Show>
  );
}
