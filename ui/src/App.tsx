import { isTauri } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import chimeUrl from "./assets/chime.wav";
import { onCleanup, onMount, Show } from "solid-js";
import { askClose, CloseDialog, closePromptOpen } from "./components/CloseDialog";
import { ConfirmDialog, confirmOpen } from "./components/Confirm";
import { ErrorBanner } from "./components/ErrorBanner";
import { Header } from "./components/Header";
import { HelpOverlay } from "./components/HelpOverlay";
import { openAddSession } from "./features/calendar/CalendarTab";
import { EventScreen } from "./features/event/EventScreen";
import { EventsList } from "./features/events/EventsList";
import { HandoffTab } from "./features/handoff/HandoffTab";
import { listenForPackages } from "./features/handoff/opened";
import { toErrorPayload } from "./ipc";
import { isTyping } from "./keys";
import { catchUp, handoffPage, helpOpen, init, redo, setError, setHelpOpen, setTab, tab, tabs, undo, view } from "./state";

/** Emitted by Rust when the user closes the main window (the close itself is prevented). */
const CLOSE_REQUESTED = "close-requested";
const CUE_CHIME = "cue-chime";
/** Another connection wrote an event (payload: its id and new revision). */
const EVENT_CHANGED = "event-changed";

function onKeyDown(e: KeyboardEvent): void {
  if (e.defaultPrevented || confirmOpen() || closePromptOpen()) return;
  const target = e.target as HTMLElement | null;
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();

  if (ctrl && !e.altKey && view()) {
    // Forms with an explicit Save keep the browser's own text undo.
    const nativeUndo = isTyping(target) && !!target?.closest("[data-native-undo]");
    if (!nativeUndo && key === "z" && !e.shiftKey) {
      e.preventDefault();
      void undo();
      return;
    }
    if (!nativeUndo && (key === "y" || (key === "z" && e.shiftKey))) {
      e.preventDefault();
      void redo();
      return;
    }
  }
  if (isTyping(target) || ctrl) return;
  if (e.key === "?") {
    e.preventDefault();
    setHelpOpen(!helpOpen());
    return;
  }
  if (!view() || helpOpen()) return;
  if (e.altKey && /^[1-9]$/.test(e.key) && Number(e.key) <= tabs().length) {
    e.preventDefault();
    setTab(tabs()[Number(e.key) - 1]);
    return;
  }
  if (!e.altKey && key === "n" && tab() === "calendar" && !target?.closest("[data-testid=segment-row]")) {
    e.preventDefault();
    openAddSession();
  }
}

export function App() {
  onMount(() => {
    document.addEventListener("keydown", onKeyDown);
    void init();
    listenForClose();
    listenForChime();
    listenForChanges();
    listenForPackages();
  });
  onCleanup(() => document.removeEventListener("keydown", onKeyDown));

  return (
    <div class="app">
      <Header />
      <ErrorBanner />
      <Show
        when={view()}
        fallback={
          <Show when={handoffPage()} fallback={<EventsList />}>
            <HandoffTab standalone />
          </Show>
        }
      >
        <EventScreen />
      </Show>
      <ConfirmDialog />
      <CloseDialog />
      <HelpOverlay />
    </div>
  );
}

/** Plays the chime when the scheduler sends notifications with sound on. Each attempt is
 * counted on `<html data-chimes>` (audio output itself depends on the machine). */
function listenForChime(): void {
  if (!isTauri()) return;
  let unlisten: UnlistenFn | null = null;
  let disposed = false;
  listen(CUE_CHIME, () => {
    const root = document.documentElement;
    root.dataset.chimes = String(Number(root.dataset.chimes ?? "0") + 1);
    void new Audio(chimeUrl).play().catch(() => undefined);
  })
    .then((u) => {
      if (disposed) u();
      else unlisten = u;
    })
    .catch((e) => setError(toErrorPayload(e)));
  onCleanup(() => {
    disposed = true;
    unlisten?.();
  });
}

/** Shows what the CLI, a job or another app changed in the open event, as it happens. */
function listenForChanges(): void {
  if (!isTauri()) return;
  let unlisten: UnlistenFn | null = null;
  let disposed = false;
  listen<{ eventId: string; revision: number }>(EVENT_CHANGED, (e) => {
    void catchUp(e.payload.eventId, e.payload.revision);
  })
    .then((u) => {
      if (disposed) u();
      else unlisten = u;
    })
    .catch((e) => setError(toErrorPayload(e)));
  onCleanup(() => {
    disposed = true;
    unlisten?.();
  });
}

/** Asks what to do when the window is closed (keep running in the tray, quit or cancel). */
function listenForClose(): void {
  // Outside the desktop app (a plain browser) there is no window to close.
  if (!isTauri()) return;
  let unlisten: UnlistenFn | null = null;
  let disposed = false;
  listen(CLOSE_REQUESTED, () => askClose())
    .then((u) => {
      if (disposed) u();
      else unlisten = u;
    })
    .catch((e) => setError(toErrorPayload(e)));
  onCleanup(() => {
    disposed = true;
    unlisten?.();
  });
}
