//! The user's resolution applied: every difference takes the picked side, unresolved conflicts
//! and picks naming no difference are refused, items still referred to are brought back, and the
//! result is put in the store's order with its tasks and branding worked out again.

use super::item_kinds::{label, references};
use super::items::{items, rebuild, Items};
use super::{preview, Merged, Pick, Resolution};
use crate::error::{Error, Result};
use crate::model::EventData;
use std::collections::{BTreeSet, HashMap};

/// Builds the merged event: every differing item takes the version the resolution picks
/// (its own pick, else its default, else the pick for conflicts). Refuses unresolved
/// conflicts. An item one side removed but something kept still refers to is kept.
pub fn merge(
    ours: &EventData,
    theirs: &EventData,
    base: Option<&EventData>,
    resolution: &Resolution,
) -> Result<Merged> {
    if ours.event.id != theirs.event.id {
        return Err(Error::Conflict(format!(
            "the package holds event {}, not {}",
            theirs.event.id, ours.event.id
        )));
    }
    let p = preview(ours, theirs, base);
    if let Some(k) = resolution
        .picks
        .keys()
        .find(|k| !p.items.iter().any(|i| &i.key == *k))
    {
        return Err(Error::Conflict(format!(
            "no difference named {k} between this event and the package"
        )));
    }
    let unresolved: Vec<&str> = p
        .items
        .iter()
        .filter(|i| i.conflict && !resolution.picks.contains_key(&i.key))
        .filter(|_| resolution.conflicts.is_none())
        .map(|i| i.label.as_str())
        .collect();
    if !unresolved.is_empty() {
        return Err(Error::Conflict(format!(
            "{} conflict(s) need a choice (keep this version or the package's): {}",
            unresolved.len(),
            unresolved.join("; ")
        )));
    }
    let o = items(ours);
    let t = items(theirs);
    let mut m = o.clone();
    for i in &p.items {
        let pick = resolution
            .picks
            .get(&i.key)
            .copied()
            .or(i.default)
            .or(resolution.conflicts)
            .expect("conflicts resolved above");
        if pick == Pick::Theirs {
            match t.get(&i.key) {
                Some(v) => m.insert(i.key.clone(), v.clone()),
                None => m.remove(&i.key),
            };
        }
    }
    let restored = restore_references(&mut m, &o, &t);
    let mut data = rebuild(&m, ours)?;
    normalise(&mut data);
    crate::tasks::sync(&mut data);
    Ok(Merged { data, restored })
}

/// Brings back, from either side, every item something in `m` still refers to.
fn restore_references(m: &mut Items, ours: &Items, theirs: &Items) -> Vec<String> {
    let mut restored = Vec::new();
    loop {
        let missing: BTreeSet<String> = m
            .iter()
            .flat_map(|(k, v)| references(k, v))
            .filter(|r| !m.contains_key(r))
            .collect();
        let mut any = false;
        for r in missing {
            if let Some(v) = ours.get(&r).or_else(|| theirs.get(&r)) {
                let all = [ours, theirs];
                restored.push(label(&r, v, &all));
                m.insert(r, v.clone());
                any = true;
            }
        }
        if !any {
            return restored;
        }
    }
}

/// Orders the lists as the store does and renumbers positions (both sides may have put
/// something at the same place).
fn normalise(d: &mut EventData) {
    d.stages
        .sort_by(|a, b| (a.position, &a.name).cmp(&(b.position, &b.name)));
    for (i, s) in d.stages.iter_mut().enumerate() {
        s.position = i as u32;
    }
    d.destinations
        .sort_by(|a, b| (a.position, &a.id).cmp(&(b.position, &b.id)));
    for (i, s) in d.destinations.iter_mut().enumerate() {
        s.position = i as u32;
    }
    d.sessions
        .sort_by(|a, b| (a.start, &a.title).cmp(&(b.start, &b.title)));
    let order: HashMap<&str, usize> = d
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut segs = std::mem::take(&mut d.segments);
    segs.sort_by_key(|s| {
        (
            order
                .get(s.session_id.as_str())
                .copied()
                .unwrap_or(usize::MAX),
            s.position,
            s.id.clone(),
        )
    });
    let mut last: Option<String> = None;
    let mut pos = 0;
    for s in segs.iter_mut() {
        if last.as_deref() != Some(&s.session_id) {
            last = Some(s.session_id.clone());
            pos = 0;
        }
        s.position = pos;
        pos += 1;
    }
    d.segments = segs;
    d.people
        .sort_by(|a, b| (a.name.to_lowercase(), &a.id).cmp(&(b.name.to_lowercase(), &b.id)));
    d.tasks.sort_by_key(|a| (a.due, a.kind));
    d.normalize();
    crate::branding::sync(d);
}

#[cfg(test)]
mod tests {
    use super::super::Change;
    use super::*;
    use crate::edit::{apply, Edit};

    fn demo() -> EventData {
        crate::demo::event()
    }

    fn edit(d: &EventData, e: Edit) -> EventData {
        let mut d = d.clone();
        apply(&mut d, &e).unwrap();
        crate::tasks::sync(&mut d);
        d
    }

    #[test]
    fn palette_and_chat_changed_on_each_side_merge_without_a_conflict() {
        let base = demo();
        let mut b = base.branding.clone();
        b.palette.secondary = "#123456".into();
        let ours = edit(
            &base,
            Edit::UpdateBranding {
                fields: b,
                by: None,
                at: None,
            },
        );
        let mut b = base.branding.clone();
        b.chat.pinned = vec!["Bienvenue!".into()];
        let theirs = edit(
            &base,
            Edit::UpdateBranding {
                fields: b,
                by: None,
                at: None,
            },
        );
        let p = preview(&ours, &theirs, Some(&base));
        assert!(p.items.iter().all(|i| !i.conflict), "{:?}", p.items);
        let m = merge(&ours, &theirs, Some(&base), &Resolution::default()).unwrap();
        assert_eq!(m.data.branding.palette.secondary, "#123456");
        assert_eq!(m.data.branding.chat.pinned, ["Bienvenue!"]);
    }

    fn rename_session(d: &EventData, i: usize, title: &str) -> EventData {
        let s = &d.sessions[i];
        let fields = crate::edit::SessionFields {
            title: title.into(),
            ..crate::edit::SessionFields::of(s)
        };
        edit(
            d,
            Edit::UpdateSession {
                id: s.id.clone(),
                fields,
            },
        )
    }

    #[test]
    fn one_sided_changes_merge_without_asking() {
        let base = demo();
        let ours = rename_session(&base, 0, "Ours renamed");
        let theirs = rename_session(&base, 1, "Theirs renamed");
        let p = preview(&ours, &theirs, Some(&base));
        assert_eq!(p.conflicts(), 0, "{p:#?}");
        let s0 = format!("session:{}", base.sessions[0].id);
        let s1 = format!("session:{}", base.sessions[1].id);
        let i0 = p.items.iter().find(|i| i.key == s0).unwrap();
        assert_eq!(
            (i0.ours, i0.theirs, i0.default),
            (Some(Change::Changed), None, Some(Pick::Ours))
        );
        let i1 = p.items.iter().find(|i| i.key == s1).unwrap();
        assert_eq!(i1.theirs, Some(Change::Changed));
        assert_eq!(i1.fields[0].field, "title");
        assert_eq!(i1.fields[0].theirs.as_deref(), Some("Theirs renamed"));
        let m = merge(&ours, &theirs, Some(&base), &Resolution::default()).unwrap();
        let titles: Vec<&str> = m.data.sessions.iter().map(|s| s.title.as_str()).collect();
        assert!(titles.contains(&"Ours renamed") && titles.contains(&"Theirs renamed"));
        crate::validate::event_data(&m.data).unwrap();
    }

    #[test]
    fn both_sides_changing_an_item_is_a_conflict_that_needs_a_pick() {
        let base = demo();
        let ours = rename_session(&base, 0, "Mine");
        let theirs = rename_session(&base, 0, "Yours");
        let p = preview(&ours, &theirs, Some(&base));
        assert_eq!(p.conflicts(), 1);
        let err = merge(&ours, &theirs, Some(&base), &Resolution::default()).unwrap_err();
        assert!(
            err.to_string().contains("1 conflict(s) need a choice"),
            "{err}"
        );
        assert!(err.to_string().contains("Yours"), "{err}");
        let take = |pick| Resolution {
            conflicts: Some(pick),
            ..Default::default()
        };
        let m = merge(&ours, &theirs, Some(&base), &take(Pick::Theirs)).unwrap();
        assert!(m.data.sessions.iter().any(|s| s.title == "Yours"));
        let m = merge(&ours, &theirs, Some(&base), &take(Pick::Ours)).unwrap();
        assert!(m.data.sessions.iter().any(|s| s.title == "Mine"));
        let key = p.items[0].key.clone();
        let per_item = Resolution {
            picks: [(key, Pick::Theirs)].into(),
            ..Default::default()
        };
        let m = merge(&ours, &theirs, Some(&base), &per_item).unwrap();
        assert!(m.data.sessions.iter().any(|s| s.title == "Yours"));
    }

    #[test]
    fn without_a_base_only_here_is_kept_and_only_there_is_added() {
        let base = demo();
        let ours = edit(
            &base,
            Edit::AddStage {
                name: "Here".into(),
            },
        );
        let theirs = edit(
            &base,
            Edit::AddStage {
                name: "There".into(),
            },
        );
        let p = preview(&ours, &theirs, None);
        assert!(!p.has_base);
        let m = merge(&ours, &theirs, None, &Resolution::default()).unwrap();
        let names: Vec<&str> = m.data.stages.iter().map(|s| s.name.as_str()).collect();
        assert!(
            names.contains(&"Here") && names.contains(&"There"),
            "{names:?}"
        );
        let positions: Vec<u32> = m.data.stages.iter().map(|s| s.position).collect();
        assert_eq!(positions, (0..names.len() as u32).collect::<Vec<_>>());
    }

    #[test]
    fn a_removal_is_not_applied_while_something_kept_uses_it() {
        let base = demo();
        // They delete a person; here that person is put on another segment.
        let person = base
            .segments
            .iter()
            .find(|s| !s.presenter_ids.is_empty())
            .unwrap()
            .presenter_ids[0]
            .clone();
        let theirs = edit(&base, Edit::DeletePerson { id: person.clone() });
        let seg = base
            .segments
            .iter()
            .find(|s| !s.presenter_ids.contains(&person))
            .unwrap();
        let mut fields = crate::edit::SegmentFields {
            kind: seg.kind,
            title: seg.title.clone(),
            duration_secs: seg.duration_secs as i64,
            presenter_ids: seg.presenter_ids.clone(),
            notes: seg.notes.clone(),
        };
        fields.presenter_ids.push(person.clone());
        let ours = edit(
            &base,
            Edit::UpdateSegment {
                id: seg.id.clone(),
                fields,
            },
        );
        let m = merge(&ours, &theirs, Some(&base), &Resolution::default()).unwrap();
        assert!(m.data.people.iter().any(|p| p.id == person));
        assert_eq!(m.restored.len(), 1, "{:?}", m.restored);
        crate::validate::event_data(&m.data).unwrap();
    }

    #[test]
    fn an_unknown_pick_is_refused() {
        let d = demo();
        let r = Resolution {
            picks: [("session:nope".to_string(), Pick::Theirs)].into(),
            ..Default::default()
        };
        assert!(merge(&d, &d, None, &r).is_err());
    }
}
