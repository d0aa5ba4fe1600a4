//! Duties that must exist (as first written: every task for every session).

use super::{Ctx, Finding, Severity};
use crate::model::{TaskKind, TaskStatus};

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for s in ctx.data.sessions.iter().filter(|s| s.livestream) {
        let has = |kind: TaskKind| {
            ctx.data.tasks.iter().any(|t| {
                t.kind == kind
                    && t.session_id.as_deref() == Some(&s.id)
                    && t.status != TaskStatus::Skipped
            })
        };
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
                ctx.say(
                    format!("“{}” is livestreamed but has no {en} task", s.title),
                    format!(
                        "« {} » est diffusée en direct, mais n’a pas de tâche : {fr}",
                        s.title
                    ),
                ),
            ));
        }
    }
}
