// Multi-select of people for a segment: a button that opens a checkbox list.
import { createSignal, For, onCleanup, Show } from "solid-js";
import type { Person } from "../../bindings";
import { t } from "../../i18n";
import { personById } from "../../indexes";

export function PresenterPicker(props: { people: Person[]; selected: string[]; onChange: (ids: string[]) => void }) {
  const [open, setOpen] = createSignal(false);
  let root: HTMLDivElement | undefined;
  let button: HTMLButtonElement | undefined;
  const names = () =>
    props.selected
      .map((id) => personById(id)?.name)
      .filter((n): n is string => !!n)
      .join(", ");

  const onDocDown = (e: MouseEvent) => {
    if (root && !root.contains(e.target as Node)) setOpen(false);
  };
  document.addEventListener("mousedown", onDocDown);
  onCleanup(() => document.removeEventListener("mousedown", onDocDown));

  const toggle = (id: string, on: boolean) => {
    const set = new Set(props.selected);
    if (on) set.add(id);
    else set.delete(id);
    // Keep the people order stable (by the people list).
    props.onChange(props.people.filter((p) => set.has(p.id)).map((p) => p.id));
  };

  return (
    <div
      class="picker"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === "Escape" && open()) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          button?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        class="cell-button"
        data-testid="segment-presenters"
        aria-haspopup="listbox"
        aria-expanded={open()}
        title={names() || t("ros.presentersChoose")}
        onClick={() => setOpen((o) => !o)}
      >
        <span class="ellipsis">{names() || t("common.none")}</span>
        <span aria-hidden="true" class="caret">
          ▾
        </span>
      </button>
      <Show when={open()}>
        <div class="picker-pop" role="listbox" aria-multiselectable="true" aria-label={t("ros.presentersChoose")}>
          <Show when={props.people.length > 0} fallback={<p class="muted small pad">{t("ros.presentersNone")}</p>}>
            <For each={props.people}>
              {(p) => (
                <label class="check picker-item" role="option" aria-selected={props.selected.includes(p.id)}>
                  <input
                    type="checkbox"
                    checked={props.selected.includes(p.id)}
                    onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                  />
                  <span>{p.name}</span>
                  <span class="muted small">{t(`role.${p.role}`)}</span>
                </label>
              )}
            </For>
          </Show>
        </div>
      </Show>
    </div>
  );
}
