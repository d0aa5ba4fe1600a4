//! From read rows to what the import will do to an event ([`plan`]), and doing it on a copy of
//! the event ([`apply`]). Both are pure: the caller stores the result.

use crate::issue::{clock, quote, Issue, IssueCode, RowIssue};
use crate::mapping::Field;
use crate::rows::{Reading, SourceCell};
use crate::text::fold;
use crate::values::DateOrderUsed;
use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use showcall_core::i18n::Lang;
use showcall_core::model::{new_id, EventData, Person, Role, Segment, SegmentKind, Session, Stage};
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

/// The stage a session goes on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum StageRef {
    /// A stage of the event (matched by name, case- and accent-insensitively, or the default).
    Existing { id: String, name: String },
    /// A stage the import creates (listed in [`ImportPlan::stages_to_create`]).
    New { name: String },
}

impl StageRef {
    pub fn name(&self) -> &str {
        match self {
            StageRef::Existing { name, .. } | StageRef::New { name } => name,
        }
    }
}

/// A presenter of an imported session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum PersonRef {
    /// A person of the event; `written` is the name as the row has it.
    Existing {
        id: String,
        name: String,
        written: String,
    },
    /// A speaker the import creates (listed in [`ImportPlan::people_to_create`]).
    New { name: String },
}

/// A session the import adds, and the row it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedSession {
    pub row: u32,
    pub title: String,
    pub stage: StageRef,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Start and end in the event's zone, as the row gave them.
    pub local_start: NaiveDateTime,
    pub local_end: NaiveDateTime,
    /// Resolved only for rows that add a session (empty on skipped rows).
    pub presenters: Vec<PersonRef>,
    /// Goes to the segment's notes.
    pub description: String,
}

/// What happens to a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// A new session.
    Add,
    /// The event already has this session (same title, stage and start): nothing added.
    AlreadyInEvent,
    /// An earlier row of the file is the same session: nothing added.
    DuplicateRow,
    /// The row has errors: nothing added.
    Invalid,
}

/// Exactly how one row is read and what it does: the preview's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RowPlan {
    pub row: u32,
    pub outcome: Outcome,
    /// The mapped cells as the file has them.
    pub cells: Vec<SourceCell>,
    /// The session as read (absent for invalid rows).
    pub session: Option<PlannedSession>,
    pub errors: Vec<RowIssue>,
    pub warnings: Vec<RowIssue>,
    /// Why nothing is added, for skipped rows.
    pub skipped: Option<RowIssue>,
}

/// A row's speaker matched to a person of the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonMatch {
    pub row: u32,
    pub written: String,
    pub person_id: String,
    pub person_name: String,
}

/// A stage or speaker the import creates, and the first row naming it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewItem {
    pub name: String,
    pub first_row: u32,
}

/// Totals for the preview's header and the CLI's summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub rows: u32,
    pub to_add: u32,
    pub already_in_event: u32,
    pub duplicates: u32,
    pub invalid: u32,
    pub warnings: u32,
    pub new_stages: u32,
    pub new_people: u32,
    pub matched_people: u32,
}

/// What importing a sheet into an event would do. Nothing is written until the caller stores
/// [`apply`]'s result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportPlan {
    pub event_id: String,
    pub time_zone: String,
    pub date_order: DateOrderUsed,
    /// Every data row, in sheet order.
    pub rows: Vec<RowPlan>,
    /// The sessions to add, in sheet order.
    pub sessions: Vec<PlannedSession>,
    pub stages_to_create: Vec<NewItem>,
    pub people_to_create: Vec<NewItem>,
    pub people_matched: Vec<PersonMatch>,
    /// Every row error, in row order.
    pub errors: Vec<RowIssue>,
    /// Every row warning (overlaps on a stage, a weekday that does not match the date).
    pub warnings: Vec<RowIssue>,
    /// Rows read but skipped (already in the event, repeated in the file).
    pub skipped: Vec<RowIssue>,
    pub counts: Counts,
}

impl ImportPlan {
    /// Whether every row can be imported.
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }

    /// The file-level notes for the preview (how numeric dates were read).
    pub fn notes(&self, lang: Lang) -> Vec<String> {
        self.date_order.note(lang).into_iter().collect()
    }
}

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

    for r in &reading.rows {
        let mut plan = RowPlan {
            row: r.row,
            outcome: Outcome::Invalid,
            cells: r.cells.clone(),
            session: None,
            errors: r.errors.clone(),
            warnings: r.warnings.clone(),
            skipped: None,
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
        let stage_key = match &stage {
            StageRef::Existing { id, .. } => id.clone(),
            StageRef::New { name } => format!("new:{}", fold(name)),
        };
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

/// A local time in the event's zone; a time skipped or repeated by a change of the clocks is
/// an error naming it.
fn resolve(
    zone: Tz,
    t: NaiveDateTime,
    row: u32,
    field: Field,
    column: &str,
) -> Result<DateTime<Utc>, RowIssue> {
    match zone.from_local_datetime(&t) {
        LocalResult::Single(at) => Ok(at.with_timezone(&Utc)),
        LocalResult::None => Err(Issue::new(row, IssueCode::NonexistentTime)
            .at(field, column)
            .say(|i, lang| match lang {
                Lang::En => format!(
                    "{} {} does not exist in {zone} (the clocks spring forward then)",
                    i.subject(lang),
                    clock(t, true, lang)
                ),
                Lang::FrCa => format!(
                    "{} {} n’existe pas dans le fuseau {zone} (on avance l’heure à ce moment)",
                    i.subject(lang),
                    clock(t, true, lang)
                ),
            })),
        LocalResult::Ambiguous(..) => Err(Issue::new(row, IssueCode::AmbiguousTime)
            .at(field, column)
            .say(|i, lang| match lang {
                Lang::En => format!(
                    "{} {} is ambiguous in {zone} (it happens twice when the clocks fall back)",
                    i.subject(lang),
                    clock(t, true, lang)
                ),
                Lang::FrCa => format!(
                    "{} {} est ambiguë dans le fuseau {zone} (cette heure revient deux fois quand on recule l’heure)",
                    i.subject(lang),
                    clock(t, true, lang)
                ),
            })),
    }
}

/// Warns of sessions that overlap on one stage, among the rows added and against the event's
/// own sessions: one sort and one sweep per stage.
fn overlaps(data: &EventData, zone: Option<Tz>, rows: &mut [RowPlan]) {
    let Some(zone) = zone else { return };
    enum Who<'a> {
        Row(usize),
        Existing(&'a Session),
    }
    struct Item<'a> {
        stage: usize,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        who: Who<'a>,
    }
    let mut keys: HashMap<String, usize> = HashMap::new();
    let mut key = |k: String| {
        let n = keys.len();
        *keys.entry(k).or_insert(n)
    };
    let mut items: Vec<Item> = data
        .sessions
        .iter()
        .map(|s| Item {
            stage: key(s.stage_id.clone()),
            start: s.start,
            end: s.end,
            who: Who::Existing(s),
        })
        .collect();
    for (i, r) in rows.iter().enumerate() {
        if let (Outcome::Add, Some(s)) = (r.outcome, &r.session) {
            let stage = match &s.stage {
                StageRef::Existing { id, .. } => id.clone(),
                StageRef::New { name } => format!("new:{}", fold(name)),
            };
            items.push(Item {
                stage: key(stage),
                start: s.start,
                end: s.end,
                who: Who::Row(i),
            });
        }
    }
    items.sort_by_key(|i| (i.stage, i.start, i.end));
    let mut found: Vec<(usize, RowIssue)> = Vec::new();
    let mut reach: Option<usize> = None; // the item reaching furthest on the current stage
    for (k, item) in items.iter().enumerate() {
        let Some(j) = reach.filter(|&j| items[j].stage == item.stage) else {
            reach = Some(k);
            continue;
        };
        let far = &items[j];
        if item.start < far.end {
            let (from, to) = (item.start, item.end.min(far.end));
            let span = |lang| {
                let l = |t: DateTime<Utc>| clock(t.with_timezone(&zone).naive_local(), false, lang);
                format!("{}–{}", l(from), l(to))
            };
            let stage_name = |i: &Item| match &i.who {
                Who::Row(r) => rows[*r]
                    .session
                    .as_ref()
                    .map(|s| s.stage.name().to_string())
                    .unwrap_or_default(),
                Who::Existing(s) => data
                    .stage(&s.stage_id)
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
            };
            let stage = stage_name(item);
            let (at, other) = match (&item.who, &far.who) {
                (Who::Row(a), Who::Row(b)) => (Some(*a), Err(rows[*b].row)),
                (Who::Row(a), Who::Existing(s)) => (Some(*a), Ok(s.title.clone())),
                (Who::Existing(s), Who::Row(b)) => (Some(*b), Ok(s.title.clone())),
                (Who::Existing(_), Who::Existing(_)) => (None, Err(0)),
            };
            if let Some(at) = at {
                let issue = Issue::new(rows[at].row, IssueCode::Overlap).say(|_, lang| {
                    let what = match (&other, lang) {
                        (Err(row), Lang::En) => format!("row {row}"),
                        (Err(row), Lang::FrCa) => format!("la ligne {row}"),
                        (Ok(title), Lang::En) => {
                            format!("{} (already in the event)", quote(title, lang))
                        }
                        (Ok(title), Lang::FrCa) => {
                            format!("{} (déjà dans l’événement)", quote(title, lang))
                        }
                    };
                    match lang {
                        Lang::En => format!("overlaps {what} on stage {stage} ({})", span(lang)),
                        Lang::FrCa => {
                            format!("chevauche {what} sur la scène {stage} ({})", span(lang))
                        }
                    }
                });
                found.push((at, issue));
            }
        }
        if item.end > far.end {
            reach = Some(k);
        }
    }
    for (at, issue) in found {
        rows[at].warnings.push(issue);
    }
}

/// Applies a plan made on `data`: creates its stages and speakers, and adds each session with
/// one presentation segment lasting the whole session (presenters = its speakers, notes = its
/// description). Returns the new snapshot (tasks brought in line, lists in canonical order);
/// `data` is unchanged. Ids are fresh ([`new_id`]).
pub fn apply(data: &EventData, plan: &ImportPlan) -> EventData {
    let mut b = Builder {
        next_position: data
            .stages
            .iter()
            .map(|s| s.position + 1)
            .max()
            .unwrap_or(0),
        d: data.clone(),
        stage_ids: HashMap::new(),
        person_ids: HashMap::new(),
    };
    for s in &plan.stages_to_create {
        b.stage_id(&s.name);
    }
    for p in &plan.people_to_create {
        b.person_id(&p.name);
    }
    for s in &plan.sessions {
        let stage_id = match &s.stage {
            StageRef::Existing { id, .. } => id.clone(),
            StageRef::New { name } => b.stage_id(name),
        };
        let mut presenters: Vec<String> = Vec::new();
        for p in &s.presenters {
            let id = match p {
                PersonRef::Existing { id, .. } => id.clone(),
                PersonRef::New { name } => b.person_id(name),
            };
            if !presenters.contains(&id) {
                presenters.push(id);
            }
        }
        let session_id = new_id();
        b.d.sessions.push(Session {
            id: session_id.clone(),
            event_id: b.d.event.id.clone(),
            stage_id,
            title: s.title.clone(),
            start: s.start,
            end: s.end,
            livestream: true,
            recording: true,
            vod: false,
            restream: false,
        });
        let secs = (s.end - s.start).num_seconds().clamp(0, u32::MAX as i64) as u32;
        b.d.segments.push(Segment {
            id: new_id(),
            session_id,
            position: 0,
            kind: SegmentKind::Presentation,
            title: s.title.clone(),
            duration_secs: secs,
            presenter_ids: presenters,
            notes: s.description.clone(),
        });
    }
    let mut d = b.d;
    showcall_core::tasks::sync(&mut d);
    showcall_core::branding::sync(&mut d);
    d.normalize();
    d
}

/// Creates the plan's stages and speakers on first use, so a plan edited by hand cannot name
/// one it does not create.
struct Builder {
    d: EventData,
    stage_ids: HashMap<String, String>,
    person_ids: HashMap<String, String>,
    next_position: u32,
}

impl Builder {
    fn stage_id(&mut self, name: &str) -> String {
        let key = fold(name);
        if let Some(id) = self.stage_ids.get(&key) {
            return id.clone();
        }
        let id = new_id();
        self.d.stages.push(Stage {
            id: id.clone(),
            event_id: self.d.event.id.clone(),
            name: name.trim().to_string(),
            position: self.next_position,
        });
        self.next_position += 1;
        self.stage_ids.insert(key, id.clone());
        id
    }

    fn person_id(&mut self, name: &str) -> String {
        let key = fold(name);
        if let Some(id) = self.person_ids.get(&key) {
            return id.clone();
        }
        let id = new_id();
        self.d.people.push(Person {
            id: id.clone(),
            event_id: self.d.event.id.clone(),
            name: name.trim().to_string(),
            role: Role::Speaker,
            email: String::new(),
            time_zone: None,
            invitation_sent: false,
            tech_check_done: false,
            instructions_sent: false,
        });
        self.person_ids.insert(key, id.clone());
        id
    }
}
