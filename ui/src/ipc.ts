// The window's calls into the shell. The typed `invoke` wrappers are generated from the Rust
// commands into `./commands.ts` (`UPDATE_BINDINGS=1 cargo test -p showcall-app --test commands`)
// and re-exported from here; this module adds only what a Rust signature cannot say (a string
// the command accepts or answers from a closed set) and helpers that call no command.
// Arguments are camelCase objects; every command rejects with an `ErrorPayload` whose message
// is already translated.
import type { ErrorPayload, LiveSnapshot } from "./bindings";
import * as commands from "./commands";

// Every generated wrapper, except those narrowed below: a module's own export of a name takes
// precedence over `export *`.
export * from "./commands";

type Mode = "analyst" | "customer";

/** Records the clock's current instant as the session's actual start or end. */
export function recordActual(args: {
  eventId: string;
  sessionId: string;
  which: "start" | "end";
}): Promise<LiveSnapshot> {
  return commands.recordActual(args);
}

/** Where an export goes unless the user picks another place: the Downloads folder, the event's
 * name as the file name, `extension` as its extension. */
export function defaultExportPath(args: {
  eventId: string;
  extension: "showcall" | "pdf" | "xlsx" | "csv";
}): Promise<string> {
  return commands.defaultExportPath(args);
}

/** Writes the run of show as PDF, XLSX or CSV; answers the path written. */
export function exportRunsheet(args: {
  eventId: string;
  path: string;
  format: "pdf" | "xlsx" | "csv";
  jobId: string | null;
}): Promise<string> {
  return commands.exportRunsheet(args);
}

/** Who uses this copy: the analyst who prepares events, or the customer. */
export function getMode(): Promise<Mode> {
  return commands.getMode() as Promise<Mode>;
}

export function setMode(args: { mode: Mode }): Promise<Mode> {
  return commands.setMode(args) as Promise<Mode>;
}

/**
 * Where the webview loads a stored file from (images only; `thumb` for a video's still).
 * Served by the app's `showcall-file` protocol from the data folder, never from elsewhere.
 */
export function fileUrl(sha256: string, thumb = false): string {
  return `showcall-file://localhost/${thumb ? "thumb/" : ""}${sha256}`;
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
