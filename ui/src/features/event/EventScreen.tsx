import { For, Match, Show, Switch } from "solid-js";
import { t, type MessageKey } from "../../i18n";
import { redo, setTab, tab, tabs, undo, view, type Tab } from "../../state";
import { BrandingTab } from "../branding/BrandingTab";
import { ScheduleTab } from "../customer/ScheduleTab";
import { SpeakersTab } from "../customer/SpeakersTab";
import { machineZone } from "../../time";
import { CalendarTab } from "../calendar/CalendarTab";
import { DestinationsTab } from "../destinations/DestinationsTab";
import { HandoffTab } from "../handoff/HandoffTab";
import { LiveTab } from "../live/LiveTab";
import { PeopleTab } from "../people/PeopleTab";
import { ReportTab } from "../report/ReportTab";
import { SettingsTab } from "../settings/SettingsTab";
import { TasksTab } from "../tasks/TasksTab";

const TAB_LABEL: Record<Tab, MessageKey> = {
  calendar: "tabs.calendar",
  people: "tabs.people",
  tasks: "tabs.tasks",
  settings: "tabs.settings",
  live: "tabs.live",
  report: "tabs.report",
  destinations: "tabs.destinations",
  handoff: "tabs.handoff",
  branding: "tabs.branding",
  schedule: "tabs.schedule",
  speakers: "tabs.speakers",
};

export function EventScreen() {
  const v = () => view()!;
  const ev = () => v().data.event;
  const zoneNote = () =>
    ev().timeZone === machineZone()
      ? t("event.zone", { zone: ev().timeZone })
      : t("event.zoneDiffers", { zone: ev().timeZone, machine: machineZone() });

  return (
    <div class="event-screen" data-testid="event-screen" data-event-id={ev().id}>
      <div class="event-head">
        <div class="event-title">
          <h1 class="ellipsis" title={ev().name}>
            {ev().name}
          </h1>
          <span class="muted small">
            <Show when={ev().customer}>{ev().customer} · </Show>
            <span class="zone-note">{zoneNote()}</span>
          </span>
        </div>
        <div class="spacer" />
        <div class="toolbar">
          <button
            type="button"
            data-testid="undo"
            title={t("event.undoTitle")}
            disabled={!v().canUndo}
            onClick={() => void undo()}
          >
            ↶ {t("event.undo")}
          </button>
          <button
            type="button"
            data-testid="redo"
            title={t("event.redoTitle")}
            disabled={!v().canRedo}
            onClick={() => void redo()}
          >
            ↷ {t("event.redo")}
          </button>
        </div>
      </div>
      <div class="tabs" role="tablist" aria-label={ev().name}>
        <For each={tabs()}>
          {(id, i) => (
            <button
              type="button"
              role="tab"
              id={`tab-${id}`}
              data-testid={`tab-${id}`}
              aria-selected={tab() === id}
              aria-controls="tab-panel"
              title={t("tabs.title", { name: t(TAB_LABEL[id]), n: i() + 1 })}
              onClick={() => setTab(id)}
            >
              {t(TAB_LABEL[id])}
            </button>
          )}
        </For>
      </div>
      <div class="tab-panel" id="tab-panel" role="tabpanel" aria-labelledby={`tab-${tab()}`}>
        <Switch>
          <Match when={tab() === "calendar"}>
            <CalendarTab />
          </Match>
          <Match when={tab() === "people"}>
            <PeopleTab />
          </Match>
          <Match when={tab() === "tasks"}>
            <TasksTab />
          </Match>
          <Match when={tab() === "settings"}>
            <SettingsTab />
          </Match>
          <Match when={tab() === "live"}>
            <LiveTab />
          </Match>
          <Match when={tab() === "report"}>
            <ReportTab />
          </Match>
          <Match when={tab() === "destinations"}>
            <DestinationsTab />
          </Match>
          <Match when={tab() === "handoff"}>
            <HandoffTab />
          </Match>
          <Match when={tab() === "branding"}>
            <BrandingTab />
          </Match>
          <Match when={tab() === "schedule"}>
            <ScheduleTab />
          </Match>
          <Match when={tab() === "speakers"}>
            <SpeakersTab />
          </Match>
        </Switch>
      </div>
    </div>
  );
}
