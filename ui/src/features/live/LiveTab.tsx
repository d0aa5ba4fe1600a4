// The live view: the screen for the worst minute of the day. Dark, big numbers, one key per
// action. Every number comes from Rust's `LiveSnapshot`; the UI only formats it. The snapshot
// is asked for when something changed (pushed by the shell), at its `validUntil`, and after the
// user's own actions; in between, the view's own clock ticks the countdowns from their instants.
import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import type { CueState, ErrorPayload, LiveSnapshot } from "../../bindings";
import { closePromptOpen } from "../../components/CloseDialog";
import { confirmOpen } from "../../components/Confirm";
import { WindowedTable, type Column } from "../../components/Table";
import { lang, t } from "../../i18n";
import * as ipc from "../../ipc";
import { isFormControl } from "../../keys";
import { createSequencer } from "../../poll";
import { error, helpOpen, hour12, setError, view } from "../../state";
import { formatTime, machineZone } from "../../time";
import {
  actualToRecord,
  CUE_STATE_ICON,
  delayStage,
  effectiveSelection,
  focusStage,
  liveKeyAction,
  moveSelection,
  sameInstant,
} from "./live";
import { MessageRow, RehearsalControls, setBlackout, setShownMessage } from "./LiveControls";
import { ShareButton, ShareDialog, shareOpen } from "../share/SharePanel";
import { AfterSessionPanel } from "./AfterSession";
import { DndControl } from "./Dnd";
import { NextCuePanel, TopBar } from "./LivePanels";
import { startAsking, type Asker } from "./ask";
import { askAgainInMs, createLiveClock } from "./clock";
import { DAY_CHANGED, EVENT_CHANGED, onShellEvent } from "./push";
import { createSnapshotStore } from "./snapshot";
import { StageCard } from "./StageCard";

/** After a failed fetch, the view tries again this much later. */
export const RETRY_MS = 2000;

const CUE_COLUMNS: Column[] = [
  { col: "c-time", label: "live.col.time", class: "num" },
  { col: "c-kind", label: "live.col.kind" },
  { col: "c-stage", label: "live.col.stage" },
  { col: "c-session", label: "live.col.session" },
  { col: "c-detail", label: "live.col.detail" },
  { col: "c-state", label: "live.col.state" },
];

export function LiveTab() {
  const eventId = () => view()!.data.event.id;
  // Rows and cards keep their identity (selection, scroll) from one second to the next.
  const { snap, apply, cuesTag } = createSnapshotStore();
  const [stale, setStale] = createSignal(false);

  const clock = createLiveClock();
  let asker: Asker | null = null;
  // Each snapshot restarts the clock from its `now` and says when to ask again.
  const sequence = createSequencer<LiveSnapshot>((s) => {
    apply(s);
    clock.reset(s.now, s.rehearsalSpeed);
    asker?.askIn(askAgainInMs(s.validUntil, s.rehearsal, clock.base()!, clock.monotonic()));
  });

  // ---- asking ----------------------------------------------------------------------
  let fetchError: ErrorPayload | null = null;
  const fetchSnapshot = async () => {
    try {
      // The cue list comes only when it changed: most of a snapshot is otherwise the same.
      await sequence(ipc.liveView({ eventId: eventId(), cuesTag: cuesTag(eventId()) }));
      setStale(false);
      if (fetchError && error() === fetchError) setError(null);
      fetchError = null;
    } catch (e) {
      setStale(true);
      asker?.askIn(RETRY_MS);
      const p = ipc.toErrorPayload(e);
      // Report a failure once, not at each retry (a dismissed banner stays dismissed).
      if (!fetchError || fetchError.message !== p.message) {
        fetchError = p;
        setError(p);
      }
    }
  };
  createEffect(
    on(eventId, () => {
      const a = startAsking(fetchSnapshot);
      asker = a;
      onCleanup(() => {
        a.stop();
        if (asker === a) asker = null;
      });
    }),
  );
  const reportListen = (e: unknown) => setError(ipc.toErrorPayload(e));
  // The day moved (a delay at the command line, a cue sent, an actual time): ask again.
  onShellEvent(DAY_CHANGED, () => asker?.ask(), reportListen);
  onShellEvent<{ eventId: string }>(
    EVENT_CHANGED,
    (p) => {
      if (p.eventId === eventId()) asker?.ask();
    },
    reportListen,
  );

  async function act(run: () => Promise<LiveSnapshot>): Promise<boolean> {
    try {
      await sequence(run());
      setError(null);
      return true;
    } catch (e) {
      setError(ipc.toErrorPayload(e));
      return false;
    }
  }
  async function call(run: () => Promise<unknown>): Promise<boolean> {
    try {
      await run();
      setError(null);
      return true;
    } catch (e) {
      setError(ipc.toErrorPayload(e));
      return false;
    }
  }

  // ---- derived ---------------------------------------------------------------------
  const zone = () => snap()?.timeZone ?? view()!.data.event.timeZone;
  const fmt = (iso: string) => formatTime(iso, zone(), lang(), hour12());
  const cueKeys = createMemo(() => snap()?.cues.map((c) => c.key) ?? []);
  const nextKey = () => snap()?.nextCue?.key ?? null;
  const [picked, setPicked] = createSignal<string | null>(null);
  const selectedKey = createMemo(() => effectiveSelection(cueKeys(), picked(), nextKey()));
  const [delayFor, setDelayFor] = createSignal<string | null>(null);

  // ---- actions ---------------------------------------------------------------------
  const mark = async (state: CueState) => {
    const key = selectedKey();
    if (!key) return;
    if (await act(() => ipc.markCue({ eventId: eventId(), key, state }))) setPicked(null);
  };
  const recordActual = (sessionId: string, which: "start" | "end") =>
    act(() => ipc.recordActual({ eventId: eventId(), sessionId, which }));
  const applyDelay = (stageId: string, sessionId: string | null, minutes: number) =>
    act(() => ipc.applyDelay({ eventId: eventId(), stageId, sessionId, minutes }));
  const openTimer = (stageId: string | null) => call(() => ipc.openSpeakerTimer({ eventId: eventId(), stageId }));
  const sendMessage = async (text: string) => {
    if (await call(() => ipc.sendSpeakerMessage({ text }))) setShownMessage(text);
  };
  const blackOut = async (on: boolean) => {
    if (await call(() => ipc.setTimerBlackout({ on }))) setBlackout(on);
  };

  // ---- cue list scrolling ----------------------------------------------------------------
  let listEl: HTMLDivElement | undefined;
  let rootEl: HTMLDivElement | undefined;
  const scrollToCue = (key: string | null, mode: "third" | "nearest") => {
    if (!key) return;
    const find = () => listEl?.querySelector<HTMLElement>(`[data-cue-key="${CSS.escape(key)}"]`);
    requestAnimationFrame(() => {
      const row = find();
      if (listEl && row) return scrollRowIntoView(listEl, row, mode);
      // The list is windowed: scroll near the row first; it is rendered on the next frames.
      const i = cueKeys().indexOf(key);
      if (!listEl || i < 0) return;
      const any = listEl.querySelector("tbody > tr:not(.spacer-row)")?.getBoundingClientRect().height;
      listEl.scrollTop = Math.max(0, i * (any || 33) - listEl.clientHeight / 3);
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const r = find();
          if (listEl && r) scrollRowIntoView(listEl, r, mode);
        }),
      );
    });
  };
  // The next cue stays in sight as the show moves on (unless the user picked another row).
  createEffect(
    on(nextKey, (k) => {
      if (picked() === null) scrollToCue(k, "third");
    }),
  );

  // ---- keyboard -------------------------------------------------------------------------
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.repeat || helpOpen() || confirmOpen() || closePromptOpen() || shareOpen()) return;
    const target = e.target;
    if (isFormControl(target)) return;
    if (target instanceof Element) {
      // Dialogs, the open delay control and the after-session panel keep their keys (Space
      // presses their buttons).
      if (target.closest("[role=dialog], .delay-control, .after-session")) return;
      // The live view has focus: the page itself, the live view or the tab bar above it.
      const inView =
        target === document.body || target === document.documentElement || !!target.closest(".live, .tabs");
      if (!inView) return;
    }
    const action = liveKeyAction(e);
    if (!action) return;
    const s = snap();
    if (!s) return;
    e.preventDefault();
    switch (action) {
      case "done":
        void mark("done");
        break;
      case "skip":
        void mark("skipped");
        break;
      case "next":
        setPicked(null);
        scrollToCue(nextKey(), "third");
        break;
      case "up":
      case "down": {
        const k = moveSelection(cueKeys(), selectedKey(), action === "up" ? -1 : 1);
        setPicked(k);
        scrollToCue(k, "nearest");
        break;
      }
      case "delay": {
        const st = delayStage(s.stages);
        if (st) setDelayFor(st.stageId);
        break;
      }
      case "actual": {
        const st = focusStage(s.stages);
        if (st?.session) void recordActual(st.session.sessionId, actualToRecord(st.session));
        break;
      }
      case "timer":
        void openTimer(null);
        break;
    }
  };
  onMount(() => {
    document.addEventListener("keydown", onKey);
    const active = document.activeElement;
    if (!active || active === document.body || active.closest(".tabs")) rootEl?.focus({ preventScroll: true });
  });
  onCleanup(() => document.removeEventListener("keydown", onKey));

  return (
    <div
      class="live"
      ref={rootEl}
      tabIndex={-1}
      data-testid="live-view"
      role="region"
      aria-label={t("live.region")}
    >
      <Show when={snap()} fallback={<p class="live-loading">{t("live.loading")}</p>}>
        {(s) => (
          <>
            <TopBar snap={s()} now={clock.nowMs} stale={stale()}>
              <ShareButton />
              <RehearsalControls
                rehearsal={s().rehearsal}
                zone={zone()}
                onStart={async (from, speed) => {
                  await act(() => ipc.startRehearsal({ eventId: eventId(), from, speed }));
                }}
                onStop={async () => {
                  if (await call(() => ipc.stopRehearsal())) asker?.ask();
                }}
              />
            </TopBar>
            <div class="live-main">
              <NextCuePanel snap={s()} now={clock.nowMs} fmt={fmt} />
              <div class="live-stages">
                <For each={s().stages}>
                  {(stage) => (
                    <StageCard
                      stage={stage}
                      now={clock.nowMs}
                      fmt={fmt}
                      delayOpen={delayFor() === stage.stageId}
                      onDelayOpen={(open) => setDelayFor(open ? stage.stageId : null)}
                      onDelay={(sessionId, minutes) => applyDelay(stage.stageId, sessionId, minutes)}
                      onRecord={recordActual}
                      onTimer={() => void openTimer(stage.stageId)}
                    />
                  )}
                </For>
              </div>
            </div>
            <section class="cue-panel" data-testid="cue-list" aria-labelledby="cue-list-title">
              <div class="cue-toolbar">
                <h2 id="cue-list-title">{t("live.cueList")}</h2>
                <Show when={zone() !== machineZone()}>
                  <span class="live-muted small">{t("live.cueListZone", { zone: zone() })}</span>
                </Show>
                <DndControl />
                <div class="spacer" />
                <button
                  type="button"
                  data-testid="select-next-cue"
                  title={t("live.selectNextTitle")}
                  disabled={!nextKey()}
                  onClick={() => {
                    setPicked(null);
                    scrollToCue(nextKey(), "third");
                  }}
                >
                  {t("live.selectNext")} <kbd>{t("keys.n")}</kbd>
                </button>
                <button
                  type="button"
                  data-testid="mark-done"
                  class="primary"
                  title={t("live.markDoneTitle")}
                  disabled={!selectedKey()}
                  onClick={() => void mark("done")}
                >
                  ✓ {t("live.markDone")} <kbd>{t("keys.space")}</kbd>
                </button>
                <button
                  type="button"
                  data-testid="mark-skip"
                  title={t("live.skipTitle")}
                  disabled={!selectedKey()}
                  onClick={() => void mark("skipped")}
                >
                  ⤼ {t("live.skip")} <kbd>{t("keys.s")}</kbd>
                </button>
              </div>
              {/* Focusable so the keyboard reaches (and scrolls) it; ↑/↓ also move the selection. */}
              <div class="cue-scroll" ref={listEl} tabIndex={0} role="group" aria-labelledby="cue-list-title">
                <Show when={s().cues.length > 0} fallback={<p class="live-empty">{t("live.noCues")}</p>}>
                  <WindowedTable
                    class="grid cue-table"
                    role="grid"
                    labelledby="cue-list-title"
                    columns={CUE_COLUMNS}
                    each={s().cues}
                  >
                    {(cue, i) => (
                      <tr
                        aria-rowindex={i() + 2}
                        data-testid="cue-row"
                        data-cue-key={cue.key}
                        data-state={cue.state}
                        aria-selected={selectedKey() === cue.key}
                        classList={{ "is-next": nextKey() === cue.key }}
                        onDblClick={() => setPicked(cue.key)}
                      >
                        <td class="num cue-time">
                          <Show when={!sameInstant(cue.planned, cue.expected)}>
                            <s class="planned" title={t("live.plannedTitle", { time: fmt(cue.planned) })}>
                              {fmt(cue.planned)}
                            </s>{" "}
                          </Show>
                          {fmt(cue.expected)}
                        </td>
                        <td class="ellipsis" title={t(`cueKind.${cue.kind}`)}>
                          {t(`cueKind.${cue.kind}`)}
                        </td>
                        <td class="ellipsis" title={cue.stage}>
                          {cue.stage}
                        </td>
                        <td class="ellipsis" title={cue.session}>
                          {cue.session}
                        </td>
                        <td class="ellipsis" title={cue.detail}>
                          {cue.detail}
                        </td>
                        <td class="cue-state">
                          <span class="state-icon" aria-hidden="true">
                            {CUE_STATE_ICON[cue.state]}
                          </span>{" "}
                          {t(`cueState.${cue.state}`)}
                        </td>
                      </tr>
                    )}
                  </WindowedTable>
                </Show>
              </div>
            </section>
            <AfterSessionPanel snap={s()} now={clock.nowMs} fmt={fmt} />
            <div class="live-footer">
              <MessageRow onSend={sendMessage} onOpenTimer={() => void openTimer(null)} onBlackout={blackOut} />
            </div>
            <ShareDialog eventId={eventId()} stages={view()!.data.stages} zone={zone()} />
          </>
        )}
      </Show>
    </div>
  );
}

/** Scrolls `row` into the visible part of `container` (below its sticky header). */
function scrollRowIntoView(container: HTMLElement, row: HTMLElement, mode: "third" | "nearest"): void {
  const c = container.getBoundingClientRect();
  const r = row.getBoundingClientRect();
  const head = container.querySelector("thead")?.getBoundingClientRect().height ?? 0;
  const top = c.top + head;
  if (mode === "third") {
    container.scrollTop += r.top - top - (c.bottom - top - r.height) / 3;
  } else if (r.top < top) {
    container.scrollTop -= top - r.top;
  } else if (r.bottom > c.bottom) {
    container.scrollTop += r.bottom - c.bottom;
  }
}

