// The live view's controls: the speaker message row and the rehearsal clock.
import { createSignal, For, Show } from "solid-js";
import { t } from "../../i18n";
import { view } from "../../state";
import { defaultRehearsalFrom, REHEARSAL_SPEEDS, rehearsalFromToUtc } from "./live";

/** The message last sent to the speaker timer (kept across tab switches). */
export const [shownMessage, setShownMessage] = createSignal("");

// ---- footer -------------------------------------------------------------------------------------

export function MessageRow(props: { onSend: (text: string) => Promise<void>; onOpenTimer: () => void }) {
  const [text, setText] = createSignal("");
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
