// The speaker timer window (`index.html#timer`): one huge number, a state word, the message
// line. Nothing else — the speaker reads it from across the room. Between sessions, the next
// session and the time until it starts.
//
// The timer is asked for once, then again only when the shell says something changed (the day,
// the plan, the timer's stage or message, the rehearsal) or at its `validUntil`; in between the
// window's own clock counts down to the instants it was given.
import { createEffect, createMemo, createSignal, onCleanup, onMount, Show } from "solid-js";
import type { SpeakerTimer as Timer } from "../../bindings";
import { ErrorBanner } from "../../components/ErrorBanner";
import { isLang, lang, setUiLang, t } from "../../i18n";
import * as ipc from "../../ipc";
import { error, setError } from "../../state";
import { startAsking } from "../live/ask";
import { askAgainInMs, createLiveClock, secsUntil } from "../live/clock";
import { countdownEms, formatCountdown, timerSize, timerTone, type TimerTone } from "../live/live";
import { DAY_CHANGED, EVENT_CHANGED, LANG_CHANGED, LIVE_CHANGED, onShellEvent } from "../live/push";

/** After a failed fetch, the window tries again this much later. */
export const TIMER_RETRY_MS = 2000;

export function SpeakerTimerScreen() {
  const [timer, setTimer] = createSignal<Timer | null>(null);
  const [stale, setStale] = createSignal(false);
  const clock = createLiveClock();

  createEffect(() => {
    document.title = t("timer.title");
  });

  let lastError = "";
  const report = (e: unknown) => {
    const p = ipc.toErrorPayload(e);
    if (p.message !== lastError) {
      lastError = p.message;
      setError(p);
    }
  };
  const asker = startAsking(async () => {
    try {
      const x = await ipc.speakerTimer();
      setTimer(x);
      clock.reset(x.now, x.rehearsalSpeed);
      asker.askIn(askAgainInMs(x.validUntil, x.rehearsal, clock.base()!, clock.monotonic()));
      setStale(false);
      if (lastError && error()?.message === lastError) setError(null);
      lastError = "";
    } catch (e) {
      setStale(true);
      asker.askIn(TIMER_RETRY_MS);
      report(e);
    }
  });
  onCleanup(() => asker.stop());
  const again = () => asker.ask();
  onShellEvent(DAY_CHANGED, again, report);
  onShellEvent(EVENT_CHANGED, again, report);
  onShellEvent(LIVE_CHANGED, again, report);
  // The main window may switch the language at any time: it says so.
  onShellEvent<string>(
    LANG_CHANGED,
    (l) => {
      if (isLang(l)) setUiLang(l);
    },
    report,
  );

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
    ipc
      .getLang()
      .then((l) => {
        if (isLang(l)) setUiLang(l);
      })
      .catch(report);
    onCleanup(() => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("dblclick", full);
      document.documentElement.classList.remove("timer-window");
    });
  });

  // The countdowns, from the instants given and the window's clock.
  const remaining = () => {
    const end = timer()?.endsAt;
    return end ? secsUntil(end, clock.nowMs()) : null;
  };
  const startsIn = () => {
    const at = timer()?.nextStartsAt;
    return at ? Math.max(0, secsUntil(at, clock.nowMs())) : null;
  };
  const waiting = () => remaining() === null && startsIn() !== null;
  // A memo: the tone changes a few times a segment, not every second.
  const tone = createMemo((): TimerTone => {
    const x = timer();
    return x ? timerTone(remaining(), x.amberAtSecs, x.redAtSecs) : "idle";
  });
  const text = () => {
    const r = remaining();
    if (r !== null) return formatCountdown(r, lang());
    const s = startsIn();
    return s !== null ? formatCountdown(s, lang()) : t("common.none");
  };
  // Changes only when the text's shape does, not every second.
  const textEms = createMemo(() => String(countdownEms(text())));
  const word = () => {
    switch (tone()) {
      case "idle":
        return waiting() ? t("timer.startsIn") : t("timer.nothing");
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
    <Show
      when={!timer()?.blackout}
      fallback={
        // Blacked out by the analyst: nothing at all reaches the stage.
        <main class="speaker-timer blackout" data-testid="speaker-timer" data-blackout="true" />
      }
    >
    <main
      class="speaker-timer"
      data-testid="speaker-timer"
      data-tone={tone()}
      data-waiting={waiting()}
      classList={{ stale: stale() }}
    >
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
          style={{ "--countdown-ems": textEms() }}
          role="timer"
          aria-live="off"
        >
          {text()}
        </div>
        <div class="timer-word" data-testid="timer-state" data-tone={tone()}>
          {mark()}
          {word()}
        </div>
        <Show
          when={waiting()}
          fallback={
            <Show when={timer()?.segmentTitle || timer()?.presenters}>
              <div class="timer-segment">
                {timer()!.segmentTitle}
                <Show when={timer()!.presenters}>
                  <span class="timer-presenters"> · {timer()!.presenters}</span>
                </Show>
              </div>
            </Show>
          }
        >
          <div class="timer-segment timer-next" data-testid="timer-next">
            {t("timer.next", { title: timer()!.nextTitle })}
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
    </Show>
  );
}
