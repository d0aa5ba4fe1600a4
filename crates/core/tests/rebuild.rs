//! A view rebuilt from the previous one (`view::rebuild`: the schedule's sessions and the
//! findings of unchanged inputs taken from it) is the view built from scratch, after any edit;
//! and after a segment's edit, most of it is indeed taken, not worked out again.

use showcall_core::edit::{Edit, EventFields, PersonFields, SegmentFields, SessionFields};
use showcall_core::i18n::Lang;
use showcall_core::view::{self, EventView, Steps};
use showcall_core::{testing, Actor, EventData, Store};
use std::sync::Arc;

fn now() -> chrono::DateTime<chrono::Utc> {
    testing::utc("2027-04-01T12:00:00Z")
}

fn built(d: Arc<EventData>, lang: Lang) -> EventView {
    view::build(d, lang, Actor::Analyst, Steps::default(), now())
}

fn json(v: &EventView) -> serde_json::Value {
    serde_json::to_value(v).unwrap()
}

struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize % n.max(1)
    }
}

fn segment_edit(g: &showcall_core::model::Segment, secs: i64, title: &str) -> Edit {
    Edit::UpdateSegment {
        id: g.id.clone(),
        fields: SegmentFields {
            kind: g.kind,
            title: title.into(),
            duration_secs: secs,
            presenter_ids: g.presenter_ids.clone(),
            notes: g.notes.clone(),
        },
    }
}

/// One random edit of the kinds the window makes.
fn random_edit(r: &mut Lcg, d: &EventData) -> Edit {
    let g = &d.segments[r.below(d.segments.len())];
    let s = &d.sessions[r.below(d.sessions.len())];
    let p = &d.people[r.below(d.people.len())];
    match r.below(9) {
        0..=2 => segment_edit(g, 60 * (1 + r.below(90)) as i64, &g.title),
        3 => segment_edit(
            g,
            i64::from(g.duration_secs),
            &format!("Part {}", r.below(50)),
        ),
        4 => {
            let m = [-45i64, -10, 10, 30][r.below(4)];
            Edit::UpdateSession {
                id: s.id.clone(),
                fields: SessionFields {
                    start: (s.start + chrono::Duration::minutes(m)).to_rfc3339(),
                    end: (s.end + chrono::Duration::minutes(m)).to_rfc3339(),
                    ..SessionFields::of(s)
                },
            }
        }
        5 => Edit::AddSegment {
            session_id: s.id.clone(),
            position: Some(0),
            fields: SegmentFields {
                kind: g.kind,
                title: "Added".into(),
                duration_secs: 600,
                presenter_ids: vec![p.id.clone()],
                notes: String::new(),
            },
        },
        6 => Edit::DeleteSegment { id: g.id.clone() },
        7 => Edit::UpdatePerson {
            id: p.id.clone(),
            fields: PersonFields {
                name: format!("{} {}", p.name, r.below(9)),
                role: p.role,
                email: p.email.clone(),
                time_zone: p.time_zone.clone().unwrap_or_default(),
                invitation_sent: !p.invitation_sent,
                tech_check_done: p.tech_check_done,
                instructions_sent: p.instructions_sent,
            },
        },
        _ => Edit::UpdateEvent {
            fields: EventFields {
                name: d.event.name.clone(),
                customer: d.event.customer.clone(),
                time_zone: ["America/Toronto", "Europe/Paris", "UTC"][r.below(3)].into(),
                locale: d.event.locale.clone(),
                kit_purchase_date: String::new(),
                kit_term_months: d.event.kit_term_months,
                support_budget_minutes: d.event.support_budget_minutes,
            },
        },
    }
}

#[test]
fn a_rebuilt_view_is_the_view_built_from_scratch() {
    let mut d = testing::conference(6, 8);
    showcall_core::tasks::sync(&mut d);
    let mut store = Store::open_in_memory().unwrap();
    store.insert(&d).unwrap();
    let id = d.event.id.clone();
    let mut r = Lcg(11);
    let mut lang = Lang::En;
    let mut shown = built(store.load_shared(&id).unwrap(), lang);
    for step in 0..120 {
        let edit = random_edit(&mut r, &shown.data);
        let Ok(done) = store.edit(&id, &edit) else {
            continue;
        };
        // Now and then the window's language changes with the edit.
        if r.below(10) == 0 {
            lang = if lang == Lang::En {
                Lang::FrCa
            } else {
                Lang::En
            };
        }
        let fresh = built(Arc::clone(&done.after), lang);
        let again = view::rebuild(
            &shown,
            Arc::clone(&done.after),
            lang,
            Actor::Analyst,
            Steps::default(),
            now(),
        );
        assert_eq!(again.schedule, fresh.schedule, "step {step}: {edit:?}");
        assert_eq!(again.findings, fresh.findings, "step {step}: {edit:?}");
        assert_eq!(json(&again), json(&fresh), "step {step}");
        shown = again;
    }
}

/// How many of `a` are the very items of `b`.
fn shared<T>(a: &[Arc<T>], b: &[Arc<T>]) -> usize {
    a.iter()
        .filter(|x| b.iter().any(|y| Arc::ptr_eq(x, y)))
        .count()
}

#[test]
fn after_a_segment_edit_the_rest_of_the_view_is_shared() {
    let mut d = testing::conference(4, 10);
    showcall_core::tasks::sync(&mut d);
    let mut store = Store::open_in_memory().unwrap();
    store.insert(&d).unwrap();
    let id = d.event.id.clone();
    let shown = built(store.load_shared(&id).unwrap(), Lang::En);
    let closing = shown
        .findings
        .iter()
        .filter(|f| f.code == "closing_training_needed")
        .count();
    assert!(closing > 10, "the conference has changeovers: {closing}");
    let g = shown.data.segments[5].clone();
    let done = store
        .edit(
            &id,
            &segment_edit(&g, i64::from(g.duration_secs) + 60, &g.title),
        )
        .unwrap();
    let again = view::rebuild(
        &shown,
        done.after,
        Lang::En,
        Actor::Analyst,
        Steps::default(),
        now(),
    );
    let same_sessions = shared(&again.schedule.sessions, &shown.schedule.sessions);
    assert_eq!(
        same_sessions,
        shown.schedule.sessions.len() - 1,
        "only the edited session's times are new"
    );
    assert!(
        shared(&again.findings, &shown.findings) >= closing,
        "the changeovers are taken from the view before"
    );
}
