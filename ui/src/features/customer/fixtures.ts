// Test builders for the customer-mode logic (sessions in America/Toronto, EDT = UTC−4 in April).
import type { Person, Role, Segment, Session, Stage } from "../../bindings";
import { localToInstant, toUtcRfc3339 } from "../../time";

export const ZONE = "America/Toronto";

/** RFC 3339 UTC of a Toronto wall-clock time on 2027-04-15 (or `day`). */
export function at(hhmm: string, day = "2027-04-15"): string {
  return toUtcRfc3339(localToInstant(`${day}T${hhmm}`, ZONE)!);
}

export function stage(id: string, name: string, position = 0): Stage {
  return { id, eventId: "e1", name, position };
}

export function session(id: string, title: string, stageId: string, start: string, end: string, day?: string): Session {
  return {
    id,
    eventId: "e1",
    stageId,
    title,
    start: at(start, day),
    end: at(end, day),
    livestream: true,
    recording: true,
    vod: false,
    restream: false,
  };
}

export function segment(id: string, sessionId: string, position: number, presenterIds: string[], durationSecs = 600): Segment {
  return { id, sessionId, position, kind: "presentation", title: `Part ${id}`, durationSecs, presenterIds, notes: "n" };
}

export function person(id: string, name: string, role: Role = "speaker", flags: Partial<Person> = {}): Person {
  return {
    id,
    eventId: "e1",
    name,
    role,
    email: "",
    timeZone: null,
    invitationSent: false,
    techCheckDone: false,
    instructionsSent: false,
    ...flags,
  };
}
