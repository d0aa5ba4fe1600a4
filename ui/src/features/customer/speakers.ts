// Pure logic of the customer lead's speaker list: counters, the add/edit form's checks, and the
// full field set an update needs.
import type { Person, PersonFields, Role } from "../../bindings";
import type { MessageKey } from "../../i18n";
import { isSpeakerRole, speakerPeople } from "./schedule";

export interface SpeakerCounts {
  total: number;
  invited: number;
  instructed: number;
}

/** How many speakers, moderators and hosts were invited and have the instructions. */
export function speakerCounts(people: readonly Person[]): SpeakerCounts {
  const list = speakerPeople(people);
  return {
    total: list.length,
    invited: list.filter((p) => p.invitationSent).length,
    instructed: list.filter((p) => p.instructionsSent).length,
  };
}

/** A plausible email address: something@domain.tld, no spaces. */
export function isValidEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text.trim());
}

export interface SpeakerDraft {
  name: string;
  email: string;
  role: Role;
}

export type SpeakerField = "name" | "email" | "role";

/** A name is required; an email is optional (it may come later) but must look like one. */
export function validateSpeakerDraft(d: SpeakerDraft): Partial<Record<SpeakerField, MessageKey>> {
  const errors: Partial<Record<SpeakerField, MessageKey>> = {};
  if (!d.name.trim()) errors.name = "customer.error.nameRequired";
  if (d.email.trim() && !isValidEmail(d.email)) errors.email = "customer.error.email";
  if (!isSpeakerRole(d.role)) errors.role = "customer.error.role";
  return errors;
}

/** Every field of a person, as an update must send them. */
export function personFields(p: Person): PersonFields {
  return {
    name: p.name,
    role: p.role,
    email: p.email,
    timeZone: p.timeZone ?? "",
    invitationSent: p.invitationSent,
    techCheckDone: p.techCheckDone,
    instructionsSent: p.instructionsSent,
  };
}

/** The fields of a new speaker, or of an edited one (keeping what the form does not show). */
export function speakerFields(d: SpeakerDraft, existing?: Person): PersonFields {
  const base: PersonFields = existing
    ? personFields(existing)
    : { name: "", role: d.role, email: "", timeZone: "", invitationSent: false, techCheckDone: false, instructionsSent: false };
  return { ...base, name: d.name.trim(), email: d.email.trim(), role: d.role };
}
