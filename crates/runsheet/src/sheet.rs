//! The run of show laid out once for every format: stages in order, their sessions by start,
//! each session's segments with presenters, notes and cues, every instant in the event's zone.

use crate::labels::{self, cue_kind, L};
use crate::Error;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use showcall_core::cues::{self, Cue, CueKind};
use showcall_core::i18n::Lang;
use showcall_core::model::{EventData, SegmentKind};
use showcall_core::schedule;

/// One event's run of show.
pub(crate) struct RunSheet {
    pub event_name: String,
    /// The IANA name of the zone every instant is shown in.
    pub zone_name: String,
    pub stages: Vec<StageBlock>,
}

pub(crate) struct StageBlock {
    pub name: String,
    pub sessions: Vec<SessionBlock>,
}

pub(crate) struct SessionBlock {
    pub title: String,
    pub start: DateTime<Tz>,
    pub end: DateTime<Tz>,
    pub livestream: bool,
    pub recording: bool,
    pub vod: bool,
    pub overrun_secs: u64,
    /// Everyone presenting in the session, in order of appearance.
    pub presenters: Vec<String>,
    /// Cues bound to the session, not to one of its segments.
    pub cues: Vec<CueLine>,
    pub segments: Vec<SegmentRow>,
}

pub(crate) struct SegmentRow {
    pub title: String,
    pub kind: SegmentKind,
    pub start: DateTime<Tz>,
    pub end: DateTime<Tz>,
    pub duration_secs: u64,
    pub presenters: Vec<String>,
    pub notes: String,
    pub cues: Vec<CueLine>,
}

/// One planned cue, at its local instant.
pub(crate) struct CueLine {
    pub at: DateTime<Tz>,
    pub kind: CueKind,
    pub detail: String,
}

impl CueLine {
    /// "09:02 On stage: Hélène Tremblay"; a custom cue shows its own text.
    pub fn text(&self, lang: Lang) -> String {
        let what = match (self.kind, self.detail.is_empty()) {
            (_, true) => cue_kind(self.kind, lang).to_string(),
            (CueKind::Custom, false) => self.detail.clone(),
            (k, false) => labels::colon(lang, cue_kind(k, lang), &self.detail),
        };
        format!("{} {what}", labels::clock(&self.at))
    }
}

impl SessionBlock {
    /// Livestream · Recording · On demand, for the session's flags that are set.
    pub fn flags(&self, lang: Lang) -> Vec<&'static str> {
        [
            (self.livestream, L::Livestream),
            (self.recording, L::Recording),
            (self.vod, L::Vod),
        ]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, l)| labels::label(l, lang))
        .collect()
    }

    pub fn duration_secs(&self) -> u64 {
        (self.end - self.start).num_seconds().max(0) as u64
    }
}

impl RunSheet {
    /// Lays out `data`'s run of show; fails on a time zone chrono-tz does not know.
    pub fn build(data: &EventData, lang: Lang) -> Result<RunSheet, Error> {
        let tz: Tz = data
            .event
            .time_zone
            .parse()
            .map_err(|_| Error::UnknownTimeZone(data.event.time_zone.clone()))?;
        Ok(Self::build_in(data, lang, tz))
    }

    /// Lays out `data`'s run of show in `tz`.
    pub fn build_in(data: &EventData, lang: Lang, tz: Tz) -> RunSheet {
        let local = |t: DateTime<Utc>| t.with_timezone(&tz);
        let sch = schedule::compute(data);
        let plan = cues::plan(data);
        let names = |ids: &[String]| -> Vec<String> {
            ids.iter()
                .filter_map(|id| data.person(id).map(|p| p.name.clone()))
                .collect()
        };
        let cue_line = |c: &Cue| CueLine {
            at: local(c.planned),
            kind: c.kind,
            detail: c.detail.clone(),
        };

        let mut stages: Vec<(Option<&str>, StageBlock)> = data
            .stages
            .iter()
            .map(|s| {
                (
                    Some(s.id.as_str()),
                    StageBlock {
                        name: s.name.clone(),
                        sessions: vec![],
                    },
                )
            })
            .collect();
        for st in &sch.sessions {
            let Some(session) = data.session(&st.session_id) else {
                continue;
            };
            let segments = st
                .segments
                .iter()
                .filter_map(|t| {
                    let seg = data.segments.iter().find(|g| g.id == t.segment_id)?;
                    Some(SegmentRow {
                        title: seg.title.clone(),
                        kind: seg.kind,
                        start: local(t.start),
                        end: local(t.end),
                        duration_secs: u64::from(seg.duration_secs),
                        presenters: names(&seg.presenter_ids),
                        notes: seg.notes.clone(),
                        cues: plan
                            .iter()
                            .filter(|c| c.segment_id.as_deref() == Some(seg.id.as_str()))
                            .map(cue_line)
                            .collect(),
                    })
                })
                .collect();
            let presenters: Vec<String> = data
                .presenters_of(&st.session_id)
                .into_iter()
                .filter_map(|id| data.person(id).map(|p| p.name.clone()))
                .collect();
            let block = SessionBlock {
                title: st.title.clone(),
                start: local(st.start),
                end: local(st.end),
                livestream: session.livestream,
                recording: session.recording,
                vod: session.vod,
                overrun_secs: st.overrun_secs.max(0) as u64,
                presenters,
                cues: plan
                    .iter()
                    .filter(|c| c.session_id == st.session_id && c.segment_id.is_none())
                    .map(cue_line)
                    .collect(),
                segments,
            };
            let i = match stages
                .iter()
                .position(|(id, _)| *id == Some(st.stage_id.as_str()))
            {
                Some(i) => i,
                None => match stages.iter().position(|(id, _)| id.is_none()) {
                    Some(i) => i,
                    None => {
                        stages.push((
                            None,
                            StageBlock {
                                name: labels::label(L::NoStage, lang).to_string(),
                                sessions: vec![],
                            },
                        ));
                        stages.len() - 1
                    }
                },
            };
            stages[i].1.sessions.push(block);
        }
        RunSheet {
            event_name: data.event.name.clone(),
            zone_name: tz.name().to_string(),
            stages: stages.into_iter().map(|(_, s)| s).collect(),
        }
    }
}
