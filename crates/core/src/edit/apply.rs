//! Applying one [`Edit`] to an event snapshot in memory: the item it names changes, the run of
//! show is renumbered, references to removed items are dropped, and the lists are put back in
//! their canonical order.

use super::build::*;
use super::Edit;
use crate::error::{Error, Invalid, Result};
use crate::model::*;
use chrono::NaiveDate;
use chrono_tz::Tz;

/// Applies `edit` to `d` in memory. Returns the id of the item it created, if any. The caller
/// validates the whole result ([`crate::validate::event_data`]) before storing it.
pub fn apply(d: &mut EventData, edit: &Edit) -> Result<Option<String>> {
    let created = change(d, edit)?;
    tidy(d, None);
    d.normalize();
    Ok(created)
}

/// [`apply`] to a copy of `before`, an event in canonical order (as the store holds it): the
/// lists the edit left alone are neither read nor copied again.
pub fn apply_from(before: &EventData, edit: &Edit) -> Result<(EventData, Option<String>)> {
    let mut d = before.clone();
    let created = change(&mut d, edit)?;
    tidy(&mut d, Some(before));
    d.normalize_since(before);
    Ok((d, created))
}

/// A session that is gone is no longer restreamed anywhere (nothing to do when the sessions
/// are still those of `base`, where that held).
fn tidy(d: &mut EventData, base: Option<&EventData>) {
    let kept = base.is_some_and(|b| b.sessions.same(&d.sessions));
    if kept || d.destinations.iter().all(|x| x.session_ids.is_empty()) {
        return;
    }
    let sessions: std::collections::HashSet<&str> =
        d.sessions.iter().map(|s| s.id.as_str()).collect();
    for x in &mut d.destinations {
        x.session_ids.retain(|s| sessions.contains(s.as_str()));
    }
}

fn change(d: &mut EventData, edit: &Edit) -> Result<Option<String>> {
    let zone: Tz = crate::validate::zone("event.timeZone", &d.event.time_zone)?;
    let event_id = d.event.id.clone();
    let mut created = None;
    match edit {
        Edit::UpdateEvent { fields } => {
            crate::validate::zone("event.timeZone", &fields.time_zone)?;
            let date = fields.kit_purchase_date.trim();
            let kit_purchase_date = if date.is_empty() {
                None
            } else {
                Some(NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| {
                    Error::invalid("event.kitPurchaseDate", Invalid::BadInstant(date.into()))
                })?)
            };
            let e = &mut d.event;
            e.name = fields.name.trim().into();
            e.customer = fields.customer.trim().into();
            e.time_zone = fields.time_zone.trim().into();
            e.locale = fields.locale.clone();
            e.kit_purchase_date = kit_purchase_date;
            e.kit_term_months = fields.kit_term_months;
            e.support_budget_minutes = fields.support_budget_minutes;
        }
        Edit::AddStage { name } => {
            let id = new_id();
            d.stages.push(Stage {
                id: id.clone(),
                event_id,
                name: name.trim().into(),
                position: d.stages.len() as u32,
            });
            created = Some(id);
        }
        Edit::RenameStage { id, name } => {
            find_mut(&mut d.stages, id, "stage", |s| &s.id)?.name = name.trim().into();
        }
        Edit::DeleteStage { id } => {
            find_mut(&mut d.stages, id, "stage", |s| &s.id)?;
            d.stages.retain(|s| &s.id != id);
            let gone: Vec<String> = d
                .sessions
                .iter()
                .filter(|s| &s.stage_id == id)
                .map(|s| s.id.clone())
                .collect();
            d.sessions.retain(|s| &s.stage_id != id);
            d.custom_cues.retain(|c| !gone.contains(&c.session_id));
            d.segments.retain(|g| !gone.contains(&g.session_id));
            d.tasks
                .retain(|t| t.session_id.as_ref().is_none_or(|s| !gone.contains(s)));
        }
        Edit::AddSession { fields } => {
            let id = new_id();
            d.sessions
                .push(session_from(fields, id.clone(), event_id, zone)?);
            created = Some(id);
        }
        Edit::UpdateSession { id, fields } => {
            let updated = session_from(fields, id.clone(), event_id, zone)?;
            *find_mut(&mut d.sessions, id, "session", |s| &s.id)? = updated;
        }
        Edit::DeleteSession { id } => {
            find_mut(&mut d.sessions, id, "session", |s| &s.id)?;
            d.sessions.retain(|s| &s.id != id);
            d.segments.retain(|g| &g.session_id != id);
            d.custom_cues.retain(|c| &c.session_id != id);
            d.tasks.retain(|t| t.session_id.as_ref() != Some(id));
        }
        Edit::AddSegment {
            session_id,
            position,
            fields,
        } => {
            if d.session(session_id).is_none() {
                return Err(Error::NotFound {
                    kind: "session",
                    id: session_id.clone(),
                });
            }
            let id = new_id();
            let mut order = ordered_ids(d, session_id);
            let at = position
                .map(|p| p as usize)
                .unwrap_or(order.len())
                .min(order.len());
            d.segments
                .push(segment_from(fields, id.clone(), session_id.clone(), 0)?);
            order.insert(at, id.clone());
            renumber(d, order);
            created = Some(id);
        }
        Edit::UpdateSegment { id, fields } => {
            let seg = find_mut(&mut d.segments, id, "segment", |s| &s.id)?;
            *seg = segment_from(fields, id.clone(), seg.session_id.clone(), seg.position)?;
        }
        Edit::MoveSegment { id, to } => {
            let session_id = find_mut(&mut d.segments, id, "segment", |s| &s.id)?
                .session_id
                .clone();
            let mut order = ordered_ids(d, &session_id);
            order.retain(|x| x != id);
            let at = (*to as usize).min(order.len());
            order.insert(at, id.clone());
            renumber(d, order);
        }
        Edit::DeleteSegment { id } => {
            let session_id = find_mut(&mut d.segments, id, "segment", |s| &s.id)?
                .session_id
                .clone();
            d.segments.retain(|g| &g.id != id);
            d.custom_cues.retain(|c| c.segment_id.as_ref() != Some(id));
            let order = ordered_ids(d, &session_id);
            renumber(d, order);
        }
        Edit::AddPerson { fields } => {
            let id = new_id();
            d.people.push(person_from(fields, id.clone(), event_id));
            created = Some(id);
        }
        Edit::UpdatePerson { id, fields } => {
            let updated = person_from(fields, id.clone(), event_id);
            *find_mut(&mut d.people, id, "person", |p| &p.id)? = updated;
        }
        Edit::DeletePerson { id } => {
            find_mut(&mut d.people, id, "person", |p| &p.id)?;
            d.people.retain(|p| &p.id != id);
            for g in &mut d.segments {
                g.presenter_ids.retain(|p| p != id);
            }
        }
        Edit::AddCustomCue { fields } => {
            let id = new_id();
            d.custom_cues.push(fields.to_cue(id.clone()));
            created = Some(id);
        }
        Edit::UpdateCustomCue { id, fields } => {
            *find_mut(&mut d.custom_cues, id, "cue", |c| &c.id)? = fields.to_cue(id.clone());
        }
        Edit::DeleteCustomCue { id } => {
            find_mut(&mut d.custom_cues, id, "cue", |c| &c.id)?;
            d.custom_cues.retain(|c| &c.id != id);
        }
        Edit::SetCueSetting {
            kind,
            enabled,
            lead_secs,
        } => {
            d.cue_settings.retain(|c| c.kind != *kind);
            d.cue_settings.push(CueSetting {
                kind: *kind,
                enabled: *enabled,
                lead_secs: *lead_secs,
            });
        }
        Edit::SetTaskStatus { id, status } => {
            find_mut(&mut d.tasks, id, "task", |t| &t.id)?.status = *status;
        }
        Edit::AddBrandItems { .. }
        | Edit::UpdateBrandItem { .. }
        | Edit::DeleteBrandItem { .. }
        | Edit::SetBrandStatus { .. }
        | Edit::AttachBrandFile { .. }
        | Edit::RemoveBrandFile { .. }
        | Edit::UpdateBranding { .. } => created = super::branding::apply(d, edit)?,
        Edit::UpdateTask {
            id,
            status,
            link,
            done_by,
            done_at,
        } => {
            let link = link.trim();
            let web = link.starts_with("https://") || link.starts_with("http://");
            if !link.is_empty() && !web {
                return Err(Error::invalid(
                    "task.link",
                    Invalid::Other(format!("“{link}” is not a web address (https://…)")),
                ));
            }
            let t = find_mut(&mut d.tasks, id, "task", |t| &t.id)?;
            t.status = *status;
            t.link = link.to_string();
            t.done_by = done_by.trim().to_string();
            t.done_at = if *status == TaskStatus::Done {
                done_at
                    .map(|at| chrono::SubsecRound::trunc_subsecs(at, 0))
                    .or(t.done_at)
            } else {
                None
            };
        }
        Edit::AddDestination { fields } => {
            fields.check_sessions(d)?;
            let id = new_id();
            let mut x = Destination {
                id: id.clone(),
                event_id,
                position: d.destinations.len() as u32,
                name: String::new(),
                preset: String::new(),
                server_url: String::new(),
                backup_url: String::new(),
                session_ids: vec![],
                status: DestinationStatus::Requested,
                has_key: false,
                key_hint: String::new(),
                last_test: None,
                key_entered_for: None,
            };
            fields.fill(&mut x);
            d.destinations.push(x);
            created = Some(id);
        }
        Edit::UpdateDestination { id, fields } => {
            fields.check_sessions(d)?;
            fields.fill(find_mut(&mut d.destinations, id, "destination", |x| &x.id)?);
        }
        Edit::DeleteDestination { id } => {
            find_mut(&mut d.destinations, id, "destination", |x| &x.id)?;
            d.destinations.retain(|x| &x.id != id);
        }
    }
    Ok(created)
}
