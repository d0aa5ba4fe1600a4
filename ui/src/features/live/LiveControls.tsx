// The live view's controls: the speaker message row and the rehearsal clock.
import { createSignal, For, onMount, Show } from "solid-js";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import { view } from "../../state";
import { defaultRehearsalFrom, REHEARSAL_SPEEDS, rehearsalFromToUtc } from "./live";
import { DAY_CHANGED, LIVE_CHANGED, onShellEvent } from "./push";

/** The message last sent to the speaker timer (kept across tab switches). */
export const [shownMessage, setShownMessage] = createSignal("");

/** The speaker timer is blacked out (kept across tab switches, read back from the timer). */
export const [blackout, setBlackout] = createSignal(false);

// ---- footer -------------------------------------------------------------------------------------

export function MessageRow(props: {
  onSend: (text: string) => Promise<void>;
  onOpenTimer: () => void;
  onBlackout: (on: boolean) => Promise<void>;
}) {
  const [text, setText] = createSignal("");
  // The timer may be blacked out from elsewhere too (the network's control API): read it back
  // when the view opens and when the shell says the day or the timer changed. A failure leaves
  // the button as it was (there is no timer to read before the live view has an event).
  const readBlackout = () => {
    ipc.speakerTimer().then(
      (s) => setBlackout(s.blackout),
      () => {},
    );
  };
  onMount(readBlackout);
  onShellEvent(LIVE_CHANGED, readBlackout, () => {});
  onShellEvent(DAY_CHANGED, readBlackout, () => {});
  const quick = (msg: string) => {
    setText(msg);
    void props.onSend(msg);
  };
  const QUICK = [
    ["msg-wrapup", "live.msgWrapUp", "live.msgWrapUpText"],
    ["msg-5", "live.msg5", "live.msg5Text"],
    ["msg-1", "live.msg1", "live.msg1Text"],
  ] as const;
  return (
    <form
      class="message-row"
      data-testid="speaker-message"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSend(text().trim());
      }}
    >
      <label class="inline-label" for="speaker-message-input">
        {t("live.message")}
      </label>
      <input
        id="speaker-message-input"
        name="speakerMessage"
        class="message-input"
        value={text()}
        maxLength={120}
        placeholder={t("live.messagePlaceholder")}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit" class="primary" data-testid="send-message" title={t("live.sendTitle")}>
        {t("live.send")}
      </button>
      <For each={QUICK}>
        {([id, label, msg]) => (
          <button
            type="button"
            data-testid={id}
            title={t("live.msgQuickTitle", { text: t(msg) })}
            onClick={() => quick(t(msg))}
          >
            {t(label)}
          </button>
        )}
      </For>
      <button type="button" data-testid="msg-clear" title={t("live.msgClearTitle")} onClick={() => quick("")}>
        {t("live.msgClear")}
      </button>
      <button
        type="button"
        class="blackout-toggle"
        data-testid="timer-blackout"
        aria-pressed={blackout()}
        title={t("live.blackoutTitle")}
        onClick={() => void props.onBlackout(!blackout())}
      >
        <span class="blackout-mark" aria-hidden="true">
          {blackout() ? "■" : "□"}
        </span>{" "}
        {t("live.blackout")}
      </button>
      <span class="message-shown live-muted ellipsis" data-testid="message-shown" title={shownMessage()}>
        <Show when={shownMessage()}>{t("live.showing", { text: shownMessage() })}</Show>
      </span>
      <button type="button" data-testid="open-timer" title={t("live.openTimerTitle")} onClick={() => props.onOpenTimer()}>
        ↗ {t("live.openTimer")} <kbd>{t("keys.t")}</kbd>
      </button>
    </form>
  );
}

export function RehearsalControls(props: {
  rehearsal: boolean;
  zone: string;
  onStart: (from: string, speed: number) => Promise<void>;
  onStop: () => Promise<void>;
}) {
  const first = () => view()?.data.sessions[0]?.start ?? null;
  const [from, setFrom] = createSignal(defaultRehearsalFrom(first(), props.zone));
  const [speed, setSpeed] = createSignal<number>(10);
  const [invalid, setInvalid] = createSignal(false);
  return (
    <form
      class="rehearsal-controls"
      data-testid="rehearsal-controls"
      aria-labelledby="rehearsal-title"
      onSubmit={(e) => {
        e.preventDefault();
        const utc = rehearsalFromToUtc(from(), props.zone);
        setInvalid(utc === null);
        if (utc) void props.onStart(utc, speed());
      }}
    >
      <div class="rc-row">
        <span class="panel-label" id="rehearsal-title">
          {t("live.rehearsalControls")}
        </span>
        <input
          name="rehearsalFrom"
          class="time-input"
          value={from()}
          aria-label={`${t("live.rehearsalFrom")} — ${t("live.rehearsalFromHint", { zone: props.zone })}`}
          title={`${t("live.rehearsalFrom")} — ${t("live.rehearsalFromHint", { zone: props.zone })}`}
          placeholder={t("session.timePlaceholder")}
          aria-invalid={invalid()}
          onInput={(e) => {
            setFrom(e.currentTarget.value);
            setInvalid(false);
          }}
        />
        <select
          name="rehearsalSpeed"
          aria-label={t("live.rehearsalSpeed")}
          title={t("live.rehearsalSpeed")}
          value={String(speed())}
          onChange={(e) => setSpeed(Number(e.currentTarget.value))}
        >
          <For each={REHEARSAL_SPEEDS}>{(n) => <option value={String(n)}>{n}×</option>}</For>
        </select>
      </div>
      <div class="rc-row">
        <button type="submit" class="small" data-testid="start-rehearsal" title={t("live.startRehearsalTitle")}>
          ⟲ {t("live.startRehearsal")}
        </button>
        <button
          type="button"
          class="small"
          data-testid="stop-rehearsal"
          title={t("live.stopRehearsalTitle")}
          disabled={!props.rehearsal}
          onClick={() => void props.onStop()}
        >
          ■ {t("live.stopRehearsal")}
        </button>
      </div>
      <Show when={invalid()}>
        <div class="live-field-error" role="alert">
          {t("error.invalidTime")}
        </div>
      </Show>
    </form>
  );
}
