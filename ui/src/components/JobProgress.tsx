// The progress of the long job running in a slot (a package, the run of show, an agenda), with
// its stage in words and a Cancel button; nothing when no job runs there.
import { Show } from "solid-js";
import { t, type MessageKey } from "../i18n";
import { cancelJob, fraction, running, type Slot } from "../jobs";

const STAGES: Record<string, MessageKey> = {
  read: "job.stage.read",
  hash: "job.stage.hash",
  write: "job.stage.write",
  companions: "job.stage.write",
  render: "job.stage.render",
  parse: "job.stage.parse",
  copy: "job.stage.copy",
  check: "job.stage.check",
  rows: "job.stage.rows",
  plan: "job.stage.rows",
  sessions: "job.stage.import",
  import: "job.stage.import",
  files: "job.stage.import",
};

export function JobProgress(props: { slot: Slot }) {
  const job = () => running[props.slot];
  return (
    <Show when={job()}>
      {(j) => {
        const f = () => fraction(j().progress);
        const stage = () => {
          const key = STAGES[j().progress?.stage ?? ""];
          return key ? t(key) : t("job.working");
        };
        return (
          <div class="job-progress" data-testid={`job-${props.slot}`} role="status">
            <span class="job-stage">{j().cancelling ? t("job.cancelling") : stage()}</span>
            {/* Without a known size the bar has no value at all (indeterminate); a value of
                undefined would throw ("non-finite"). */}
            <Show
              when={f() !== null}
              fallback={<progress max="1" aria-label={stage()} data-testid="job-bar" />}
            >
              <progress max="1" value={f() ?? 0} aria-label={stage()} data-testid="job-bar" />
            </Show>
            <span class="num job-percent">{f() === null ? "" : `${Math.floor((f() ?? 0) * 100)} %`}</span>
            <button
              type="button"
              class="small"
              data-testid="job-cancel"
              disabled={j().cancelling}
              onClick={() => void cancelJob(props.slot)}
            >
              {t("job.cancel")}
            </button>
          </div>
        );
      }}
    </Show>
  );
}
