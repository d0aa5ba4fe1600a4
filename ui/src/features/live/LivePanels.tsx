// The live view's top bar (clock, rehearsal badge, support clock) and the next-cue panel. `now`
// is the view's own clock (ms, on the snapshot's clock): what reads it ticks, nothing else.
import { createMemo, Show, type JSX } from "solid-js";
import type { LiveSnapshot } from "../../bindings";
import { lang, t } from "../../i18n";
import { hour12 } from "../../state";
import { clockParts, formatTime, machineZone } from "../../time";
import { secsUntil, supportUsedMinutes } from "./clock";
import { budgetShare, countdownEms, cueTone, formatCountdown, formatHoursClock, type Tone } from "./live";

/** A shape to go with each tone, so urgency never relies on colour alone. */
export function ToneMark(props: { tone: Tone }) {
  const mark = () => ({ normal: "", amber: "▲", red: "■", over: "⚠" })[props.tone];
  return (
    <Show when={mark()}>
      <span class="tone-mark" aria-hidden="true">
        {mark()}
      </span>
    </Show>
  );
}

// ---- top bar -------------------------------------------------------------------------------

export function TopBar(props: { snap: LiveSnapshot; now: () => number; stale: boolean; children: JSX.Element }) {
  // One formatting per tick for both the digits and the period.
  const clock = createMemo(() => clockParts(props.now(), props.snap.timeZone, lang(), hour12()), undefined, {
    equals: (a, b) => a.hms === b.hms && a.period === b.period,
  });
  const otherZone = () => (props.snap.timeZone === machineZone() ? null : machineZone());
  // The machine's time changes once a minute.
  const minute = createMemo(() => Math.floor(props.now() / 60_000));
  return (
    <div class="live-top">
      <div
        class="live-clock"
        data-testid="live-clock"
        classList={{ stale: props.stale }}
        title={t("live.clockTitle", { zone: props.snap.timeZone })}
      >
        <div class="clock-line">
          <span class="clock-hms">{clock().hms}</span>
          <Show when={clock().period}>
            <span class="clock-period">{clock().period}</span>
          </Show>
        </div>
        <div class="clock-zone">
          {props.snap.timeZone}
          <Show when={otherZone()}>
            {(z) => (
              <span class="clock-machine">
                {" · "}
                {t("live.machineTime", { time: formatTime(minute() * 60_000, z(), lang(), hour12()), zone: z() })}
              </span>
            )}
          </Show>
          <Show when={props.stale}>
            <span class="stale-note">
              {" · "}⚠ {t("live.stale")}
            </span>
          </Show>
        </div>
      </div>
      <Show when={props.snap.rehearsal}>
        <span class="rehearsal-badge" data-testid="rehearsal-badge" title={t("live.rehearsalTitle")}>
          ⟲{" "}
          {props.snap.rehearsalSpeed !== null
            ? t("live.rehearsalSpeedBadge", { speed: props.snap.rehearsalSpeed })
            : t("live.rehearsal")}
        </span>
      </Show>
      <div class="spacer" />
      {props.children}
      <SupportClock snap={props.snap} now={props.now} />
    </div>
  );
}

function SupportClock(props: { snap: LiveSnapshot; now: () => number }) {
  const fmt = (iso: string) => formatTime(iso, props.snap.timeZone, lang(), hour12());
  return (
    <div class="support-clock" data-testid="support-clock" data-open={props.snap.support?.open ?? false}>
      <Show when={props.snap.support} fallback={<span class="live-muted">{t("live.supportNone")}</span>}>
        {(sup) => {
          // Counted here as the clock runs (the snapshot's figure is at its `now`).
          const used = createMemo(() => supportUsedMinutes(sup().start, sup().end, props.now()));
          const over = () => used() > sup().budgetMinutes;
          return (
            <div
              class="support-inner"
              title={t("live.supportTitle", {
                start: fmt(sup().start),
                end: fmt(sup().end),
                used: formatHoursClock(used()),
                budget: formatHoursClock(sup().budgetMinutes),
              })}
            >
              <div class="support-head">
                <span class="support-label">{t("live.support")}</span>
                <span class="support-state" classList={{ open: sup().open }}>
                  {sup().open ? "● " + t("live.supportOpen") : "○ " + t("live.supportClosed")}
                </span>
              </div>
              <div class="support-used" classList={{ over: over() }}>
                <Show when={over()}>⚠ </Show>
                {formatHoursClock(used())} / {formatHoursClock(sup().budgetMinutes)}
              </div>
              <div class="support-bar" aria-hidden="true">
                <div
                  class="support-fill"
                  classList={{ over: over() }}
                  style={{ width: `${budgetShare(used(), sup().budgetMinutes) * 100}%` }}
                />
              </div>
            </div>
          );
        }}
      </Show>
    </div>
  );
}

// ---- next cue ---------------------------------------------------------------------------------

export function NextCuePanel(props: { snap: LiveSnapshot; now: () => number; fmt: (iso: string) => string }) {
  const inSecs = () => (props.snap.nextCueAt === null ? null : secsUntil(props.snap.nextCueAt, props.now()));
  // Memos: the tone changes a few times a cue, not every second (an attribute set again,
  // even to the same value, makes WebKit restyle).
  const tone = createMemo((): Tone => (inSecs() === null ? "normal" : cueTone(inSecs()!)));
  const hasCountdown = createMemo(() => inSecs() !== null);
  const countdown = () => (inSecs() === null ? "" : formatCountdown(inSecs()!, lang()));
  // Changes only when the text's shape does, not every second.
  const countdownWidth = createMemo(() => String(countdownEms(countdown())));
  return (
    <section
      class="next-cue"
      data-testid="next-cue"
      data-tone={tone()}
      data-cue-key={props.snap.nextCue?.key ?? ""}
      aria-labelledby="next-cue-title"
    >
      <h2 class="panel-label" id="next-cue-title">
        {t("live.nextCue")}
      </h2>
      <Show when={props.snap.nextCue} fallback={<p class="live-empty">{t("live.noCue")}</p>}>
        {(cue) => (
          <>
            <div class="nc-kind">{t(`cueKind.${cue().kind}`)}</div>
            <div class="nc-where ellipsis" title={`${cue().session} · ${cue().stage}`}>
              {cue().session} · {cue().stage}
            </div>
            <Show when={cue().detail}>
              <div class="nc-detail ellipsis" title={cue().detail}>
                {cue().detail}
              </div>
            </Show>
            <div class="nc-when">
              <Show when={hasCountdown()}>
                <span class="countdown-word" data-tone={tone()}>
                  <ToneMark tone={tone()} />
                  {tone() === "over" ? t("live.overdue") : t("live.cueIn")}
                </span>
              </Show>
              <span class="nc-at">{t("live.cueAt", { time: props.fmt(cue().expected) })}</span>
            </div>
            <Show when={hasCountdown()}>
              <div
                class="countdown big"
                data-testid="next-cue-countdown"
                data-tone={tone()}
                style={{ "--countdown-ems": countdownWidth() }}
              >
                {countdown()}
              </div>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

