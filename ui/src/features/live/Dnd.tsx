// "Do not disturb": which cue kinds send no notification. Muted cues still show in the cue list.
import { createSignal, For, onCleanup, onMount, Show } from "solid-js";
import type { CueKind } from "../../bindings";
import { Check } from "../../components/Field";
import { CUE_KINDS } from "../../enums";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import { createSequencer } from "../../poll";
import { setError } from "../../state";
import { toggleMuted } from "./live";

/** Whether notifications come with the chime (as Rust last returned it). */
const [sound, setSoundOn] = createSignal(false);

async function changeSound(on: boolean): Promise<void> {
  setSoundOn(on);
  try {
    setSoundOn(await ipc.setSound({ on }));
  } catch (e) {
    setError(ipc.toErrorPayload(e));
  }
}

/** The muted cue kinds as Rust last returned them (kept across tab switches). */
const [muted, setMuted] = createSignal<CueKind[]>([]);
export { muted };

// A slow answer must not overwrite a later toggle's.
const sequence = createSequencer<CueKind[]>(setMuted);

async function reload(): Promise<void> {
  try {
    await sequence(ipc.getDnd());
    setSoundOn(await ipc.getSound());
  } catch (e) {
    setError(ipc.toErrorPayload(e));
  }
}

async function setKind(kind: CueKind, on: boolean): Promise<void> {
  const next = toggleMuted(muted(), kind, on);
  setMuted(next); // at once, so quick clicks build on each other
  try {
    await sequence(ipc.setDnd({ kinds: next }));
  } catch (e) {
    setError(ipc.toErrorPayload(e));
    await reload();
  }
}

export function DndControl() {
  const [open, setOpen] = createSignal(false);
  let root: HTMLDivElement | undefined;
  let button: HTMLButtonElement | undefined;
  onMount(() => void reload());

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button?.focus();
  };
  const onDocPointer = (e: PointerEvent) => {
    if (open() && root && e.target instanceof Node && !root.contains(e.target)) close(false);
  };
  onMount(() => document.addEventListener("pointerdown", onDocPointer, true));
  onCleanup(() => document.removeEventListener("pointerdown", onDocPointer, true));

  const count = () => muted().length;
  return (
    <div
      class="dnd"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === "Escape" && open()) {
          e.preventDefault();
          e.stopPropagation();
          close(true);
        }
      }}
    >
      <button
        ref={button}
        type="button"
        class="small"
        data-testid="dnd-open"
        title={t("live.dndTitle")}
        aria-haspopup="dialog"
        aria-expanded={open()}
        onClick={() => setOpen(!open())}
      >
        <BellIcon slashed={false} /> {t("live.dnd")}
      </button>
      <Show when={count() > 0}>
        <span class="dnd-hint" data-testid="dnd-hint" title={t("live.dndHintTitle")}>
          <BellIcon slashed /> {t("live.dndMuted", { n: count() })}
        </span>
      </Show>
      <Show when={open()}>
        <div class="dnd-pop" role="dialog" aria-labelledby="dnd-title" data-testid="dnd-popover">
          <div class="dnd-head">
            <h3 id="dnd-title">{t("live.dndHeading")}</h3>
            <button type="button" class="small" onClick={() => close(true)}>
              {t("common.close")}
            </button>
          </div>
          <Check
            class="dnd-sound"
            testid="sound-toggle"
            checked={sound()}
            onCheck={(checked) => void changeSound(checked)}
          >
            <span>{t("live.sound")}</span>
          </Check>
          <p class="live-muted small">{t("live.dndHelp")}</p>
          <ul class="dnd-list">
            <For each={CUE_KINDS}>
              {(kind, i) => (
                <li>
                  <label class="check">
                    <input
                      type="checkbox"
                      data-testid="dnd-toggle"
                      data-kind={kind}
                      checked={muted().includes(kind)}
                      ref={(el) => {
                        if (i() === 0) queueMicrotask(() => el.focus());
                      }}
                      onChange={(e) => void setKind(kind, e.currentTarget.checked)}
                    />
                    <span>{t(`cueKind.${kind}`)}</span>
                  </label>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </div>
  );
}

/** 🔔 / 🔕 drawn inline, so it shows whatever fonts the machine has (no emoji font needed). */
function BellIcon(props: { slashed: boolean }) {
  return (
    <svg class="bell-svg" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path
        d="M8 1.5c-2.3 0-4 1.8-4 4.1v2.7L2.6 11h10.8L12 8.3V5.6c0-2.3-1.7-4.1-4-4.1z"
        fill="currentColor"
      />
      <path d="M6.3 12.4a1.8 1.8 0 0 0 3.4 0z" fill="currentColor" />
      {props.slashed ? <path d="M2 2l12 12" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" /> : null}
    </svg>
  );
}
