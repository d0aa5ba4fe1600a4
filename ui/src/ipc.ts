// One typed function per Tauri command. Arguments are camelCase objects; every
// command rejects with an `ErrorPayload` whose message is already translated.
import { invoke } from "@tauri-apps/api/core";
import type { AppInfo, Edit, EditResult, ErrorPayload, EventSummary, EventView, Lang } from "./bindings";

export function listEvents(): Promise<EventSummary[]> {
  return invoke("list_events");
}

export function createEvent(args: {
  name: string;
  timeZone: string;
  locale: string;
  stageName: string;
}): Promise<EventView> {
  return invoke("create_event", args);
}

export function duplicateEvent(args: { id: string }): Promise<EventSummary[]> {
  return invoke("duplicate_event", args);
}

export function deleteEvent(args: { id: string }): Promise<EventSummary[]> {
  return invoke("delete_event", args);
}

export function loadDemo(): Promise<EventSummary[]> {
  return invoke("load_demo");
}

export function loadEvent(args: { id: string }): Promise<EventView> {
  return invoke("load_event", args);
}

export function editEvent(args: { eventId: string; edit: Edit }): Promise<EditResult> {
  return invoke("edit_event", args);
}

export function undo(args: { eventId: string }): Promise<EventView> {
  return invoke("undo", args);
}

export function redo(args: { eventId: string }): Promise<EventView> {
  return invoke("redo", args);
}

export function getLang(): Promise<Lang> {
  return invoke("get_lang");
}

export function setLang(args: { lang: Lang }): Promise<Lang> {
  return invoke("set_lang", args);
}

export function appInfo(): Promise<AppInfo> {
  return invoke("app_info");
}

/** Turns whatever a command rejected with into an `ErrorPayload`. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e && typeof e === "object" && "message" in e) {
    const o = e as Partial<ErrorPayload> & { message: unknown };
    return {
      code: typeof o.code === "string" ? o.code : "internal",
      message: String(o.message),
      field: typeof o.field === "string" ? o.field : null,
    };
  }
  return { code: "internal", message: String(e), field: null };
}
