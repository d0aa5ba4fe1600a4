//! Rules about duties that must exist: a livestreamed session needs its go-live and end-stream
//! tasks (missing or skipped ones are reported).

use super::{Ctx, Finding, Severity};
use crate::ids::IdSet;
use crate::model::{TaskKind, TaskStatus};

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    // (session id, kind) of every stream task not skipped: one pass over the tasks, not one per
    // session.
    let mut tasks: IdSet<(&str, TaskKind)> = IdSet::default();
    tasks.reserve(2 * ctx.data.sessions.len());
    tasks.extend(
        ctx.data
            .tasks
            .iter()
            .filter(|t| t.status != TaskStatus::Skipped)
            .filter(|t| matches!(t.kind, TaskKind::GoLive | TaskKind::EndStream))
            .filter_map(|t| Some((t.session_id.as_deref()?, t.kind))),
    );
    for s in ctx.data.sessions.iter().filter(|s| s.livestream) {
        let has = |kind: TaskKind| tasks.contains(&(s.id.as_str(), kind));
        let missing: Vec<(&str, &str)> = [
            (TaskKind::GoLive, ("go live", "mise en ondes")),
            (TaskKind::EndStream, ("end stream", "fin de la diffusion")),
        ]
        .into_iter()
        .filter(|(k, _)| !has(*k))
        .map(|(_, names)| names)
        .collect();
        if !missing.is_empty() {
            let en = missing.iter().map(|m| m.0).collect::<Vec<_>>().join(", ");
            let fr = missing.iter().map(|m| m.1).collect::<Vec<_>>().join(", ");
            out.push(ctx.finding(
                "livestream_tasks_missing",
                Severity::Error,
                ctx.session_subject(&s.id),
                ctx.tell(
                    || format!("“{}” is livestreamed but has no {en} task", s.title),
                    || {
                        format!(
                            "« {} » est diffusée en direct, mais n’a pas de tâche : {fr}",
                            s.title
                        )
                    },
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::model::TaskStatus;
    use crate::rules::check;
    use crate::tasks::sync;
    use crate::testing::*;

    #[test]
    fn livestreamed_session_needs_go_live_and_end_stream_tasks() {
        let mut d = event("UTC");
        let a = stage(&mut d, "A");
        session(
            &mut d,
            &a,
            "Live",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        let f = check(&d, Lang::En);
        let m = f
            .iter()
            .find(|f| f.code == "livestream_tasks_missing")
            .unwrap();
        assert_eq!(
            m.message,
            "“Live” is livestreamed but has no go live, end stream task"
        );

        sync(&mut d);
        assert!(!check(&d, Lang::En)
            .iter()
            .any(|f| f.code == "livestream_tasks_missing"));

        let end = d
            .tasks
            .iter_mut()
            .find(|t| t.kind == crate::model::TaskKind::EndStream)
            .unwrap();
        end.status = TaskStatus::Skipped;
        let f = check(&d, Lang::En);
        let m = f
            .iter()
            .find(|f| f.code == "livestream_tasks_missing")
            .unwrap();
        assert_eq!(
            m.message,
            "“Live” is livestreamed but has no end stream task"
        );
    }

    #[test]
    fn a_session_that_is_not_livestreamed_needs_no_stream_tasks() {
        let mut d = event("UTC");
        let a = stage(&mut d, "A");
        session(
            &mut d,
            &a,
            "Recorded",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        d.sessions[0].livestream = false;
        assert!(!check(&d, Lang::En)
            .iter()
            .any(|f| f.code == "livestream_tasks_missing"));
    }
}
