// The speaker timer window (`index.html#timer`): one huge number, a state word, the message
// line. Nothing else — the speaker reads it from across the room.
import { createEffect, createSignal, onCleanup, onMount, Show } from "solid-js";
import type { SpeakerTimer as Timer } from "../../bindings";
import { ErrorBanner } from "../../components/ErrorBanner";
import { isLang, setUiLang, t } from "../../i18n";
import * as ipc from "../../ipc";
import { startPolling } from "../../poll";
import { error, setError } from "../../state";
import { formatCountdown, timerSize, timerTone, type TimerTone } from "../live/live";

export const TIMER_POLL_MS = 500;
export const LANG_POLL_MS = 5000;

export function SpeakerTimerScreen() {
  const [timer, setTimer] = createSignal<Timer | null>(null);
  const [stale, setStale] = createSignal(false);

  createEffect(() => {
    document.title = t("timer.title");
  });

  onMount(() => {
    document.documentElement.classList.add("timer-window");
    // F, F11 or a double-click: full screen on the display the window is on.
    const full = () => void ipc.toggleTimerFullscreen().catch(() => undefined);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "f" || e.key === "F" || e.key === "F11") {
        e.preventDefault();
        full();
      }
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("dblclick", full);
    onCleanup(() => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("dblclick", full);
    });
    let lastError = "";
    const report = (e: unknown) => {
      const p = ipc.toErrorPayload(e);
      if (p.message !== lastError) {
        lastError = p.message;
        setError(p);
      }
    };
    const timerPoll = startPolling(async () => {
      try {
        setTimer(await ipc.speakerTimer());
        setStale(false);
        if (lastError && error()?.message === lastError) setError(null);
        lastError = "";
      } catch (e) {
        setStale(true);
        report(e);
      }
    }, TIMER_POLL_MS);
    // The main window may switch the language at any time.
    const langPoll = startPolling(async () => {
      try {
        const l = await ipc.getLang();
        if (isLang(l)) setUiLang(l);
      } catch (e) {
        report(e);
      }
    }, LANG_POLL_MS);
    onCleanup(() => {
      timerPoll.stop();
      langPoll.stop();
      document.documentElement.classList.remove("timer-window");
    });
  });

  const remaining = () => timer()?.remainingSecs ?? null;
  const tone = (): TimerTone => {
    const x = timer();
    return x ? timerTone(x.remainingSecs, x.amberAtSecs, x.redAtSecs) : "idle";
  };
  const text = () => (remaining() === null ? t("common.none") : formatCountdown(remaining()!));
  const word = () => {
    switch (tone()) {
      case "idle":
        return t("timer.nothing");
      case "normal":
        return t("timer.timeLeft");
      case "amber":
        return t("timer.wrapUp");
      case "red":
        return t("timer.wrapUpNow");
      case "over":
        return t("timer.overtime");
    }
  };
  const mark = () => ({ idle: "", normal: "", amber: "▲ ", red: "■ ", over: "⚠ " })[tone()];

  return (
    <main class="speaker-timer" data-testid="speaker-timer" data-tone={tone()} classList={{ stale: stale() }}>
      <h1 class="sr-only">{t("timer.title")}</h1>
      <div class="timer-top">
        <span class="timer-stage">{timer()?.stageName ?? ""}</span>
        <Show when={timer()?.rehearsal}>
          <span class="timer-rehearsal" data-testid="timer-rehearsal">
            ⟲ {t("timer.rehearsal")}
          </span>
        </Show>
      </div>
      <div class="timer-center">
        <div
          class={`timer-remaining size-${timerSize(text())}`}
          data-testid="timer-remaining"
          data-tone={tone()}
          role="timer"
          aria-live="off"
        >
          {text()}
        </div>
        <div class="timer-word" data-testid="timer-state" data-tone={tone()}>
          {mark()}
          {word()}
        </div>
        <Show when={timer()?.segmentTitle || timer()?.presenters}>
          <div class="timer-segment">
            {timer()!.segmentTitle}
            <Show when={timer()!.presenters}>
              <span class="timer-presenters"> · {timer()!.presenters}</span>
            </Show>
          </div>
        </Show>
      </div>
      <div
        class="timer-message"
        data-testid="timer-message"
        classList={{ empty: !timer()?.message }}
        aria-live="assertive"
      >
        {timer()?.message ?? ""}
      </div>
      <div class="timer-error">
        <ErrorBanner />
      </div>
    </main>
  );
}
