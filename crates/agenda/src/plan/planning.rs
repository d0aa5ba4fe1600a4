//! [`plan`]: each row of a reading to its outcome (added, already in the event, repeated in the
//! file, invalid), its stage and presenters matched by name or created, and the plan's totals.

use super::local_time::resolve;
use super::overlaps::overlaps;
use super::{
    Counts, ImportPlan, NewItem, Outcome, PersonMatch, PersonRef, PlannedSession, RowPlan, StageRef,
};
use crate::issue::{clock, quote, Issue, IssueCode, RowIssue};
use crate::mapping::Field;
use crate::rows::Reading;
use crate::text::fold;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use showcall_core::i18n::Lang;
use showcall_core::job::{Job, Unit};
use showcall_core::model::{EventData, Person, Stage};
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

/// The stage the event's sessions go on when a row names none: the event's first stage, else
/// a new one named after the event's language.
fn default_stage(data: &EventData) -> StageRef {
    match data.stages.iter().min_by_key(|s| s.position) {
        Some(s) => StageRef::Existing {
            id: s.id.clone(),
            name: s.name.clone(),
        },
        None => StageRef::New {
            name: match Lang::parse(&data.event.locale) {
                Some(Lang::FrCa) => "Scène principale".into(),
                _ => "Main stage".into(),
            },
        },
    }
}

/// Plans the import of `reading` into `data`: resolves local times in the event's zone,
/// matches stages and people by name (case- and accent-insensitive), skips sessions the event
/// already has, and warns of overlaps on a stage.
pub fn plan(data: &EventData, reading: &Reading) -> ImportPlan {
    plan_with(data, reading, &Job::none())
}

/// [`plan`], counting the rows on `job` (stage `plan`). When `job` is cancelled it stops
/// within a thousand rows with an incomplete plan: the caller checks the job and drops it.
pub(crate) fn plan_with(data: &EventData, reading: &Reading, job: &Job) -> ImportPlan {
    let zone: Option<Tz> = data.event.time_zone.parse().ok();
    let stages: HashMap<String, &Stage> = data
        .stages
        .iter()
        .rev()
        .map(|s| (fold(&s.name), s))
        .collect();
    let people: HashMap<String, &Person> = data
        .people
        .iter()
        .rev()
        .map(|p| (fold(&p.name), p))
        .collect();
    let existing: HashSet<(String, &str, DateTime<Utc>)> = data
        .sessions
        .iter()
        .map(|s| (fold(&s.title), s.stage_id.as_str(), s.start))
        .collect();
    let default = default_stage(data);

    let mut rows: Vec<RowPlan> = Vec::with_capacity(reading.rows.len());
    let mut new_stages: Vec<NewItem> = Vec::new();
    let mut new_stage_keys: HashMap<String, usize> = HashMap::new();
    let mut new_people: Vec<NewItem> = Vec::new();
    let mut new_people_keys: HashMap<String, usize> = HashMap::new();
    let mut people_matched = Vec::new();
    let mut seen: HashMap<(String, String, DateTime<Utc>), u32> = HashMap::new();

    let mut meter = job.meter(Unit::Rows, "plan", Some(reading.rows.len() as u64));
    for (i, r) in reading.rows.iter().enumerate() {
        if i % 1000 == 0 && job.is_cancelled() {
            break;
        }
        meter.add(1);
        let mut plan = RowPlan {
            row: r.row,
            outcome: Outcome::Invalid,
            cells: r.cells.clone(),
            session: None,
            errors: r.errors.clone(),
            warnings: r.warnings.clone(),
            skipped: None,
            same_as: None,
        };
        let Some(read) = &r.read else {
            rows.push(plan);
            continue;
        };
        let Some(zone) = zone else {
            let z = data.event.time_zone.clone();
            plan.errors.push(
                Issue::new(r.row, IssueCode::UnknownZone).say(|_, lang| match lang {
                    Lang::En => format!("the event's time zone {z} is unknown"),
                    Lang::FrCa => format!("le fuseau horaire de l’événement, {z}, est inconnu"),
                }),
            );
            rows.push(plan);
            continue;
        };
        let column_of = |f: Field| {
            r.cells
                .iter()
                .find(|c| c.field == f)
                .map(|c| reading.columns[c.column].clone())
                .unwrap_or_default()
        };
        let start = resolve(
            zone,
            read.start,
            r.row,
            Field::Start,
            &column_of(Field::Start),
        );
        let end = resolve(zone, read.end, r.row, Field::End, &column_of(Field::End));
        let (start, end) = match (start, end) {
            (Ok(s), Ok(e)) => (s, e),
            (s, e) => {
                plan.errors.extend(s.err());
                plan.errors.extend(e.err());
                rows.push(plan);
                continue;
            }
        };
        if end <= start {
            // Only possible across a change of the clocks.
            let (ls, le) = (read.start, read.end);
            plan.errors
                .push(
                    Issue::new(r.row, IssueCode::EndBeforeStart).say(|_, lang| match lang {
                        Lang::En => format!(
                            "end {} is not after start {} once the clocks change",
                            clock(le, true, lang),
                            clock(ls, true, lang)
                        ),
                        Lang::FrCa => format!(
                            "la fin {} n’est pas après le début {} avec le changement d’heure",
                            clock(le, true, lang),
                            clock(ls, true, lang)
                        ),
                    }),
                );
            rows.push(plan);
            continue;
        }

        let stage = match &read.stage {
            None => default.clone(),
            Some(name) => {
                let key = fold(name);
                match stages.get(&key) {
                    Some(s) => StageRef::Existing {
                        id: s.id.clone(),
                        name: s.name.clone(),
                    },
                    None => {
                        let i = *new_stage_keys.get(&key).unwrap_or(&usize::MAX);
                        StageRef::New {
                            name: new_stages.get(i).map_or(name.clone(), |s| s.name.clone()),
                        }
                    }
                }
            }
        };
        let stage_key = stage.key();
        let title_key = fold(&read.title);
        let mut session = PlannedSession {
            row: r.row,
            title: read.title.clone(),
            stage: stage.clone(),
            start,
            end,
            local_start: read.start,
            local_end: read.end,
            presenters: vec![],
            description: read.description.clone(),
        };
        let in_event = match &stage {
            StageRef::Existing { id, .. } => {
                existing.contains(&(title_key.clone(), id.as_str(), start))
            }
            StageRef::New { .. } => false,
        };
        if in_event {
            let (title, stage_name) = (read.title.clone(), stage.name().to_string());
            plan.outcome = Outcome::AlreadyInEvent;
            plan.skipped =
                Some(
                    Issue::new(r.row, IssueCode::AlreadyInEvent).say(|_, lang| match lang {
                        Lang::En => format!(
                            "already in the event ({} on {stage_name} at {}): skipped",
                            quote(&title, lang),
                            clock(read.start, true, lang)
                        ),
                        Lang::FrCa => format!(
                            "déjà dans l’événement ({} sur {stage_name} à {}) : ignorée",
                            quote(&title, lang),
                            clock(read.start, true, lang)
                        ),
                    }),
                );
        } else if let Some(first) = seen.get(&(title_key.clone(), stage_key.clone(), start)) {
            let first = *first;
            plan.outcome = Outcome::DuplicateRow;
            plan.same_as = Some(first);
            plan.skipped = Some(Issue::new(r.row, IssueCode::DuplicateRow).say(
                |_, lang| match lang {
                    Lang::En => format!("same session as row {first}: skipped"),
                    Lang::FrCa => format!("même séance que la ligne {first} : ignorée"),
                },
            ));
        } else {
            seen.insert((title_key, stage_key, start), r.row);
            plan.outcome = Outcome::Add;
            if let StageRef::New { name } = &stage {
                if let Entry::Vacant(e) = new_stage_keys.entry(fold(name)) {
                    e.insert(new_stages.len());
                    new_stages.push(NewItem {
                        name: name.clone(),
                        first_row: r.row,
                    });
                }
            }
            for written in &read.speakers {
                let key = fold(written);
                let who = match people.get(&key) {
                    Some(p) => {
                        people_matched.push(PersonMatch {
                            row: r.row,
                            written: written.clone(),
                            person_id: p.id.clone(),
                            person_name: p.name.clone(),
                        });
                        PersonRef::Existing {
                            id: p.id.clone(),
                            name: p.name.clone(),
                            written: written.clone(),
                        }
                    }
                    None => {
                        let i = *new_people_keys.entry(key).or_insert_with(|| {
                            new_people.push(NewItem {
                                name: written.clone(),
                                first_row: r.row,
                            });
                            new_people.len() - 1
                        });
                        PersonRef::New {
                            name: new_people[i].name.clone(),
                        }
                    }
                };
                if !session.presenters.contains(&who) {
                    session.presenters.push(who);
                }
            }
        }
        plan.session = Some(session);
        rows.push(plan);
    }

    meter.finish();
    overlaps(data, zone, &mut rows);

    let sessions: Vec<PlannedSession> = rows
        .iter()
        .filter(|r| r.outcome == Outcome::Add)
        .filter_map(|r| r.session.clone())
        .collect();
    let errors: Vec<RowIssue> = rows.iter().flat_map(|r| r.errors.clone()).collect();
    let warnings: Vec<RowIssue> = rows.iter().flat_map(|r| r.warnings.clone()).collect();
    let skipped: Vec<RowIssue> = rows.iter().filter_map(|r| r.skipped.clone()).collect();
    let count = |o: Outcome| rows.iter().filter(|r| r.outcome == o).count() as u32;
    let counts = Counts {
        rows: rows.len() as u32,
        to_add: count(Outcome::Add),
        already_in_event: count(Outcome::AlreadyInEvent),
        duplicates: count(Outcome::DuplicateRow),
        invalid: count(Outcome::Invalid),
        warnings: warnings.len() as u32,
        new_stages: new_stages.len() as u32,
        new_people: new_people.len() as u32,
        matched_people: people_matched.len() as u32,
    };
    ImportPlan {
        event_id: data.event.id.clone(),
        time_zone: data.event.time_zone.clone(),
        date_order: reading.date_order.clone(),
        rows,
        sessions,
        stages_to_create: new_stages,
        people_to_create: new_people,
        people_matched,
        errors,
        warnings,
        skipped,
        counts,
    }
}
