import { onCleanup, onMount, Show } from "solid-js";
import { ConfirmDialog, confirmOpen } from "./components/Confirm";
import { ErrorBanner } from "./components/ErrorBanner";
import { Header } from "./components/Header";
import { HelpOverlay } from "./components/HelpOverlay";
import { openAddSession } from "./features/calendar/CalendarTab";
import { EventScreen } from "./features/event/EventScreen";
import { EventsList } from "./features/events/EventsList";
import { isTyping } from "./keys";
import { helpOpen, init, redo, setHelpOpen, setTab, tab, TABS, undo, view } from "./state";

function onKeyDown(e: KeyboardEvent): void {
  if (e.defaultPrevented || confirmOpen()) return;
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
  if (e.altKey && /^[1-5]$/.test(e.key)) {
    e.preventDefault();
    setTab(TABS[Number(e.key) - 1]);
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
  });
  onCleanup(() => document.removeEventListener("keydown", onKeyDown));

  return (
    <div class="app">
      <Header />
      <ErrorBanner />
      <Show when={view()} fallback={<EventsList />}>
        <EventScreen />
      </Show>
      <ConfirmDialog />
      <HelpOverlay />
    </div>
  );
}
