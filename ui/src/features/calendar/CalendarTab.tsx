import { createEffect, createMemo, createSignal, For, onCleanup, Show } from "solid-js";
import { EmptyState } from "../../components/Empty";
import { lang, t } from "../../i18n";
import { applyEdit, openAgendaImport, selectedDay, selectedSessionId, setSelectedDay, view, viewRaw } from "../../state";
import { formatDayKey, localDateKey } from "../../time";
import { sessionById } from "../../indexes";
import { sameItems } from "../../lookup";
import { FindingsPanel } from "../findings/FindingsPanel";
import { eventDays } from "./layout";
import { RunOfShow } from "./RunOfShow";
import { SessionForm } from "./SessionForm";
import { Timeline } from "./Timeline";

const [adding, setAdding] = createSignal(false);
/** Opens the "Add session" form (also used by the N shortcut). */
export const openAddSession = () => setAdding(true);

export function CalendarTab() {
  const v = () => view()!;
  const zone = () => v().data.event.timeZone;
  // Re-run by every write into the sessions (read from their plain objects: 2,000 store reads cost
  // more than the work; the zone through the store); the same days stop there.
  const days = createMemo(
    (prev: string[] | undefined) => {
      const raw = viewRaw("sessions");
      const z = view()?.data.event.timeZone;
      return raw && z ? eventDays(raw.data.sessions, z) : (prev ?? []);
    },
    undefined,
    { equals: sameItems },
  );
  const day = () => selectedDay() ?? days()[0] ?? localDateKey(new Date(), zone());
  const selected = createMemo(() => sessionById(selectedSessionId()) ?? null);
  const [stageFormOpen, setStageFormOpen] = createSignal(false);
  onCleanup(() => setAdding(false));

  // Keep the day on one that has sessions when the list changes (e.g. after undo).
  createEffect(() => {
    const d = selectedDay();
    const list = days();
    if (d && list.length && !list.includes(d) && !adding()) setSelectedDay(list[0]);
  });

  const addStage = async (e: Event) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem("stageName") as HTMLInputElement;
    const name = input.value.trim();
    if (!name) return;
    const r = await applyEdit({ type: "addStage", name });
    if (r.ok) setStageFormOpen(false);
  };

  return (
    <div class="calendar-layout">
      <section class="calendar-main">
        <div class="toolbar calendar-toolbar">
          <div class="day-tabs" role="group" aria-label={t("calendar.day")}>
            <For each={days().length ? days() : [day()]}>
              {(d) => (
                <button
                  type="button"
                  class="chip"
                  data-testid="day"
                  data-day={d}
                  aria-pressed={d === day()}
                  onClick={() => setSelectedDay(d)}
                >
                  {formatDayKey(d, lang())}
                </button>
              )}
            </For>
          </div>
          <div class="spacer" />
          <span class="legend">
            <span class="legend-swatch support" aria-hidden="true" />
            {t("calendar.legendSupport")}
          </span>
          <span class="legend">
            <span class="legend-swatch gap" aria-hidden="true" />
            {t("calendar.legendGap")}
          </span>
          <Show
            when={stageFormOpen()}
            fallback={
              <button type="button" data-testid="add-stage" onClick={() => setStageFormOpen(true)}>
                + {t("calendar.addStage")}
              </button>
            }
          >
            <form class="inline-form" onSubmit={addStage} data-native-undo>
              <input
                name="stageName"
                aria-label={t("calendar.stageName")}
                placeholder={t("calendar.stageName")}
                value={t("calendar.newStage", { n: v().data.stages.length + 1 })}
                ref={(el) => queueMicrotask(() => el.select())}
                onKeyDown={(e) => e.key === "Escape" && setStageFormOpen(false)}
              />
              <button type="submit" class="primary" data-testid="save-stage">
                {t("common.save")}
              </button>
              <button type="button" onClick={() => setStageFormOpen(false)}>
                {t("common.cancel")}
              </button>
            </form>
          </Show>
          <button
            type="button"
            class="primary"
            data-testid="add-session"
            title={t("calendar.addSessionTitle")}
            disabled={v().data.stages.length === 0}
            onClick={() => setAdding(true)}
          >
            + {t("calendar.addSession")}
          </button>
        </div>

        <Show when={v().data.stages.length > 0} fallback={<div class="empty">{t("calendar.noStages")}</div>}>
          <Timeline day={day()} />
        </Show>

        <Show when={v().data.sessions.length === 0 && !adding()}>
          <EmptyState testid="calendar-empty" title={t("calendar.emptyTitle")} body={t("calendar.emptyBody")}>
            <button
              type="button"
              class="primary"
              onClick={() => setAdding(true)}
              disabled={v().data.stages.length === 0}
            >
              + {t("calendar.addSession")}
            </button>
            <button
              type="button"
              data-testid="calendar-import-agenda"
              title={t("calendar.importAgendaTitle")}
              onClick={() => openAgendaImport()}
            >
              ⤒ {t("calendar.importAgenda")}
            </button>
          </EmptyState>
        </Show>

        <Show when={adding()}>
          <SessionForm onDone={() => setAdding(false)} />
        </Show>

        <Show
          when={!adding() && selected()}
          keyed
          fallback={
            <Show when={!adding() && v().data.sessions.length > 0}>
              <p class="hint">{t("calendar.selectHint")}</p>
            </Show>
          }
        >
          {(s) => (
            <>
              <RunOfShow session={s} />
              <SessionForm session={s} />
            </>
          )}
        </Show>
      </section>
      <FindingsPanel />
    </div>
  );
}
