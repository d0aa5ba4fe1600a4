// One card per stage on the live view: on air / next, the current segment's countdown,
// what comes next, and the session's actual start/end, delay and timer buttons.
import { createMemo, Show } from "solid-js";
import type { LiveStage } from "../../bindings";
import { lang, t } from "../../i18n";
import { DelayControl } from "./DelayControl";
import { ToneMark } from "./LivePanels";
import { secsUntil } from "./clock";
import { actualToRecord, countdownEms, formatCountdown, stageTone, type Tone } from "./live";

// ---- stage card ------------------------------------------------------------------------------

export function StageCard(props: {
  stage: LiveStage;
  /** The view's clock (ms): the countdowns count to the segment's and session's ends. */
  now: () => number;
  fmt: (iso: string) => string;
  delayOpen: boolean;
  onDelayOpen: (open: boolean) => void;
  onDelay: (sessionId: string | null, minutes: number) => Promise<boolean>;
  onRecord: (sessionId: string, which: "start" | "end") => Promise<boolean>;
  onTimer: () => void;
}) {
  const st = () => props.stage;
  const session = () => st().session;
  const remaining = () => (st().current ? secsUntil(st().current!.end, props.now()) : 0);
  const endsIn = () => (session() ? secsUntil(session()!.end, props.now()) : 0);
  const tone = createMemo((): Tone => (st().current ? stageTone(remaining()) : "normal"));
  const remainingText = () => formatCountdown(remaining(), lang());
  // Changes only when the text's shape does (a day more or less, an hour digit), not every second.
  const remainingEms = createMemo(() => String(countdownEms(remainingText())));
  const suggested = () => (session() ? actualToRecord(session()!) : "start");
  return (
    <article
      class="live-stage"
      data-testid="live-stage"
      data-stage-id={st().stageId}
      data-on-air={st().onAir}
      classList={{ "on-air": st().onAir }}
    >
      <header class="stage-head">
        <h3 class="ellipsis" title={st().name}>
          {st().name}
        </h3>
        <Show
          when={st().onAir}
          fallback={
            <Show when={session()}>
              <span class="next-badge">{t("live.upNext")}</span>
            </Show>
          }
        >
          <span class="on-air-badge">● {t("live.onAir")}</span>
        </Show>
        <Show when={st().lateMinutes !== 0}>
          <span class="late-badge" data-testid="live-late">
            ◷{" "}
            {st().lateMinutes > 0
              ? t("live.late", { n: st().lateMinutes })
              : t("live.early", { n: -st().lateMinutes })}
          </span>
        </Show>
      </header>
      <Show when={session()} fallback={<p class="live-empty">{t("live.noSession")}</p>}>
        {(ses) => (
          <>
            <div class="stage-body">
              <div class="stage-text">
                <div class="stage-session ellipsis" title={ses().title}>
                  {ses().title}
                </div>
                <div class="live-current" data-testid="live-current">
                  <Show when={st().current} fallback={<span class="live-muted">{t("live.nothingOnStage")}</span>}>
                    {(cur) => (
                      <>
                        <div class="seg-title" title={cur().title}>
                          {cur().title}
                        </div>
                        <Show when={cur().presenters}>
                          <div class="seg-people ellipsis" title={cur().presenters}>
                            {cur().presenters}
                          </div>
                        </Show>
                      </>
                    )}
                  </Show>
                </div>
              </div>
              <Show when={st().current}>
                <div class="live-remaining" data-testid="live-remaining" data-tone={tone()}>
                  <span class="countdown-word">
                    <ToneMark tone={tone()} />
                    {tone() === "over" ? t("live.overtime") : t("live.remaining")}
                  </span>
                  <span class="countdown" style={{ "--countdown-ems": remainingEms() }}>
                    {remainingText()}
                  </span>
                </div>
              </Show>
            </div>
            <div class="live-next" data-testid="live-next">
              <span class="live-label">{t("live.nextSegment")}</span>{" "}
              <Show when={st().next} fallback={<span class="live-muted">{t("common.none")}</span>}>
                {(nx) => (
                  <span class="ellipsis" title={nx().presenters ? `${nx().title} · ${nx().presenters}` : nx().title}>
                    {nx().title}
                    <Show when={nx().presenters}>
                      <span class="live-muted"> · {nx().presenters}</span>
                    </Show>
                  </span>
                )}
              </Show>
            </div>
            <div class="stage-meta">
              <Show
                when={st().onAir}
                fallback={<span>{t("live.sessionStarts", { time: props.fmt(ses().start) })}</span>}
              >
                <span classList={{ "tone-over": endsIn() < 0 }} data-testid="live-ends-in">
                  {endsIn() < 0
                    ? "⚠ " + t("live.sessionOverBy", { time: formatCountdown(endsIn(), lang()) })
                    : t("live.sessionEndsIn", { time: formatCountdown(endsIn(), lang()) })}
                </span>
              </Show>
              <Show when={ses().actualStart}>
                {(a) => <span>✓ {t("live.actualStarted", { time: props.fmt(a()) })}</span>}
              </Show>
              <Show when={ses().actualEnd}>
                {(a) => <span>✓ {t("live.actualEnded", { time: props.fmt(a()) })}</span>}
              </Show>
            </div>
            <div class="stage-actions">
              <button
                type="button"
                class="small"
                data-testid="record-start"
                classList={{ primary: suggested() === "start" }}
                title={t("live.recordStartTitle")}
                onClick={() => void props.onRecord(ses().sessionId, "start")}
              >
                ▶ {t("live.recordStart")}
              </button>
              <button
                type="button"
                class="small"
                data-testid="record-end"
                classList={{ primary: suggested() === "end" }}
                title={t("live.recordEndTitle")}
                onClick={() => void props.onRecord(ses().sessionId, "end")}
              >
                ■ {t("live.recordEnd")}
              </button>
              <button
                type="button"
                class="small"
                data-testid="apply-delay"
                title={t("live.delayTitle")}
                aria-expanded={props.delayOpen}
                onClick={() => props.onDelayOpen(!props.delayOpen)}
              >
                ◷ {t("live.delay")}
              </button>
              <button
                type="button"
                class="small"
                data-testid="open-timer-stage"
                title={t("live.timerForStageTitle")}
                onClick={() => props.onTimer()}
              >
                {t("live.timerForStage")}
              </button>
            </div>
          </>
        )}
      </Show>
      <Show when={props.delayOpen}>
        <DelayControl
          hasSession={!!session()}
          onApply={(scope, minutes) =>
            props.onDelay(scope === "session" ? (session()?.sessionId ?? null) : null, minutes)
          }
          onClose={() => props.onDelayOpen(false)}
        />
      </Show>
    </article>
  );
}

