// The customer lead's schedule: sessions by day in plain words, a form to add or edit one, a short
// run of show per session, and hints about the production rules: the core's findings that carry a
// customer-worded message (in the UI language: the view is reloaded when it changes).
import { createMemo, createSignal, For, Show } from "solid-js";
import type { Session } from "../../bindings";
import { EmptyState } from "../../components/Empty";
import { SeverityIcon } from "../../components/Severity";
import { lang, t } from "../../i18n";
import { personById, segmentsOf, sessionById, stageById } from "../../indexes";
import { highlight, hour12, view } from "../../state";
import { formatDayKey, formatTime } from "../../time";
import { flashed, showScheduleSession } from "./focus";
import { SchedulePartsList } from "./ScheduleParts";
import { ScheduleSessionForm } from "./ScheduleSessionForm";
import { customerHints, groupByDay, speakersOf, type CustomerFinding } from "./schedule";

export function ScheduleTab() {
  const v = () => view()!;
  const zone = () => v().data.event.timeZone;
  const days = createMemo(() => groupByDay(v().data.sessions, zone()));
  const hints = createMemo(() => customerHints(v().findings, v().data.sessions));
  /** null: no form open; "new": the add form; otherwise the id of the session being edited. */
  const [editing, setEditing] = createSignal<string | null>(null);

  // Hints per session, built once per view (a filter per card would be sessions × hints).
  const hintsBySession = createMemo(() => {
    const out = new Map<string, CustomerFinding[]>();
    for (const h of hints()) for (const id of h.customer.sessionIds) out.set(id, [...(out.get(id) ?? []), h]);
    return out;
  });
  const hintsFor = (sessionId: string) => hintsBySession().get(sessionId) ?? [];
  const sessionTitle = (h: CustomerFinding) => sessionById(h.customer.sessionIds[0])?.title ?? "";

  return (
    <main class="tab-page customer-page" data-testid="schedule-tab">
      <div class="page-head">
        <div class="customer-intro">
          <h2>{t("customer.schedule.title")}</h2>
          <p class="muted">{t("customer.schedule.intro", { zone: zone() })}</p>
        </div>
        <div class="toolbar">
          <button
            type="button"
            class="primary"
            data-testid="schedule-add"
            disabled={editing() === "new"}
            onClick={() => setEditing("new")}
          >
            + {t("customer.schedule.add")}
          </button>
        </div>
      </div>

      <Show when={v().data.sessions.length > 0}>
        <section class="card hint-summary" data-testid="schedule-hints" aria-labelledby="schedule-hints-title">
          <h3 id="schedule-hints-title">
            {t("customer.hints.title")} <span class="badge">{hints().length}</span>
          </h3>
          <Show when={hints().length > 0} fallback={<p class="status-ok">✓ {t("customer.hints.none")}</p>}>
            <ul class="hint-list">
              <For each={hints()}>
                {(h) => (
                  <li
                    class={`schedule-hint sev-border-${h.customer.severity}`}
                    data-testid="schedule-hint"
                    data-kind={h.code}
                    data-session-ids={h.customer.sessionIds.join(" ")}
                  >
                    <span class={`sev-${h.customer.severity} hint-icon`}>
                      <SeverityIcon severity={h.customer.severity} />
                    </span>
                    <span class="hint-text">{h.customer.message}</span>
                    <button
                      type="button"
                      class="link"
                      title={t("customer.hints.showTitle", { name: sessionTitle(h) })}
                      onClick={() => showScheduleSession(h.customer.sessionIds[0])}
                    >
                      {t("customer.hints.show")}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      </Show>

      <Show when={editing() === "new"}>
        <ScheduleSessionForm onDone={() => setEditing(null)} />
      </Show>

      <Show when={v().data.sessions.length === 0 && editing() !== "new"}>
        <EmptyState
          testid="schedule-empty"
          title={t("customer.schedule.emptyTitle")}
          body={t("customer.schedule.emptyBody")}
        >
          <button type="button" class="primary" onClick={() => setEditing("new")}>
            + {t("customer.schedule.add")}
          </button>
        </EmptyState>
      </Show>

      <For each={days()}>
        {(d) => (
          <section class="schedule-day" aria-labelledby={`schedule-day-${d.day}`}>
            <h3 id={`schedule-day-${d.day}`} class="schedule-day-title">
              {formatDayKey(d.day, lang())}{" "}
              <span class="muted small">
                {d.sessions.length === 1
                  ? t("customer.schedule.daySessions1")
                  : t("customer.schedule.daySessions", { n: d.sessions.length })}
              </span>
            </h3>
            <ul class="schedule-list">
              <For each={d.sessions}>
                {(s) => (
                  <SessionCard
                    session={s}
                    hints={hintsFor(s.id)}
                    editing={editing() === s.id}
                    onEdit={() => setEditing(s.id)}
                    onDone={() => setEditing(null)}
                  />
                )}
              </For>
            </ul>
          </section>
        )}
      </For>
    </main>
  );
}

function SessionCard(props: {
  session: Session;
  hints: CustomerFinding[];
  editing: boolean;
  onEdit: () => void;
  onDone: () => void;
}) {
  const v = () => view()!;
  const zone = () => v().data.event.timeZone;
  const time = (i: string) => formatTime(i, zone(), lang(), hour12());
  const stageName = () => stageById(props.session.stageId)?.name ?? "";
  const speakerNames = () =>
    speakersOf(props.session.id, segmentsOf(props.session.id))
      .map((id) => personById(id)?.name)
      .filter((n): n is string => !!n);
  const flash = () =>
    flashed()?.id === props.session.id ||
    (highlight()?.kind === "session" && highlight()?.id === props.session.id);
  let editButton: HTMLButtonElement | undefined;

  return (
    <li
      class="card schedule-session"
      classList={{ flash: flash() }}
      data-testid="schedule-session"
      data-session-id={props.session.id}
      tabIndex={-1}
      aria-labelledby={props.editing ? undefined : `schedule-session-${props.session.id}`}
    >
      <Show
        when={props.editing}
        fallback={
          <>
            <div class="schedule-session-head">
              <span class="schedule-times num" data-testid="schedule-times">
                {t("calendar.sessionTimes", { start: time(props.session.start), end: time(props.session.end) })}
              </span>
              <h4 id={`schedule-session-${props.session.id}`} class="schedule-session-title">
                {props.session.title}
              </h4>
              <span class="tag" data-testid="schedule-stage">
                {stageName()}
              </span>
              <div class="spacer" />
              <button
                ref={editButton}
                type="button"
                class="small"
                data-testid="schedule-edit"
                title={t("customer.schedule.editTitle", { name: props.session.title })}
                aria-label={t("customer.schedule.editTitle", { name: props.session.title })}
                onClick={() => props.onEdit()}
              >
                {t("common.edit")}
              </button>
            </div>
            <p class="schedule-speakers" data-testid="schedule-speakers">
              <span class="muted">{t("customer.schedule.speakers")}</span>{" "}
              <Show when={speakerNames().length > 0} fallback={<em class="muted">{t("customer.schedule.noSpeakers")}</em>}>
                {speakerNames().join(", ")}
              </Show>
            </p>
          </>
        }
      >
        <ScheduleSessionForm
          session={props.session}
          onDone={() => {
            props.onDone();
            requestAnimationFrame(() => editButton?.focus());
          }}
        />
      </Show>
      <Show when={props.hints.length > 0}>
        <ul class="hint-list session-hints">
          <For each={props.hints}>
            {(h) => (
              <li
                class={`schedule-hint sev-border-${h.customer.severity}`}
                data-testid="session-hint"
                data-kind={h.code}
              >
                <span class={`sev-${h.customer.severity} hint-icon`}>
                  <SeverityIcon severity={h.customer.severity} />
                </span>
                <span class="hint-text">{h.customer.message}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <SchedulePartsList session={props.session} />
    </li>
  );
}
