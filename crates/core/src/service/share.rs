//! Sharing on the network, as the app's panel, the CLI and the network API use it: the server's
//! settings, the links (made, listed, revoked, checked), the lines sent to speaker timers, and
//! what a shared view or `GET /api/live` shows. The server itself lives in the shell.

use crate::edit::{may, Act};
use crate::error::{Error, Invalid, Result};
use crate::live::{self, LiveSegment, LiveSession, LiveSnapshot, SpeakerTimer};
use crate::model::{
    Actor, Cue, CueState, NewShareLink, ShareLink, ShareSettings, ShareView, StageMessage,
};
use crate::store::{LinkSet, Store, TokenCheck};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::net::IpAddr;
use ts_rs::TS;

/// A speaker timer line is kept to this many characters.
pub const MESSAGE_CHARS: usize = 120;

/// Who did something on the day: the window, the command line or the network API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Window,
    Cli,
    Api,
}

impl Source {
    pub fn code(self) -> &'static str {
        match self {
            Source::Window => "window",
            Source::Cli => "cli",
            Source::Api => "api",
        }
    }
}

/// Checks and stores the server's settings (the running app picks them up).
pub fn set_settings(store: &mut Store, actor: Actor, s: &ShareSettings) -> Result<ShareSettings> {
    may(actor, Act::Share)?;
    let bind = s.bind.trim();
    let addr: IpAddr = bind.parse().map_err(|_| {
        Error::invalid(
            "share.bind",
            Invalid::Say {
                en: format!("“{bind}” is not an IP address (127.0.0.1 for this machine only, 0.0.0.0 for every network)"),
                fr: format!("« {bind} » n’est pas une adresse IP (127.0.0.1 pour cet ordinateur seulement, 0.0.0.0 pour tous les réseaux)"),
            },
        )
    })?;
    if s.port == 0 {
        return Err(Error::invalid(
            "share.port",
            Invalid::OutOfRange("0 (1–65535)".into()),
        ));
    }
    if s.osc_port == Some(0) {
        return Err(Error::invalid(
            "share.oscPort",
            Invalid::OutOfRange("0 (1–65535)".into()),
        ));
    }
    let s = ShareSettings {
        bind: addr.to_string(),
        ..s.clone()
    };
    store.set_share_settings(&s)?;
    Ok(s)
}

/// Where an event's next cue goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedbackTarget {
    /// OSC datagrams to this address.
    Osc(std::net::SocketAddr),
    /// An HTTP POST of the next cue's JSON to this address and path.
    Http {
        addr: std::net::SocketAddr,
        path: String,
    },
}

impl FeedbackTarget {
    /// As stored: `IP:PORT`, or `http://IP:PORT/PATH`.
    pub fn text(&self) -> String {
        match self {
            FeedbackTarget::Osc(a) => a.to_string(),
            FeedbackTarget::Http { addr, path } => format!("http://{addr}{path}"),
        }
    }
}

fn bad_target(to: &str) -> Error {
    Error::invalid(
        "share.feedback.to",
        Invalid::Say {
            en: format!(
                "“{to}” is neither an address and port (OSC, such as 192.168.1.30:12321) nor an http:// address with an IP (such as http://192.168.1.30:8000/showcall)"
            ),
            fr: format!(
                "« {to} » n’est ni une adresse et un port (OSC, par exemple 192.168.1.30:12321) ni une adresse http:// avec une IP (par exemple http://192.168.1.30:8000/showcall)"
            ),
        },
    )
}

/// Where feedback goes: `IP:PORT` (OSC) or `http://IP[:PORT]/PATH` (no name lookups on the
/// event day, and no TLS: the venue's LAN).
pub fn feedback_target(to: &str) -> Result<FeedbackTarget> {
    let to = to.trim();
    let target = if to.starts_with("http://") {
        let url = url::Url::parse(to).map_err(|_| bad_target(to))?;
        let ip: std::net::IpAddr = match url.host() {
            Some(url::Host::Ipv4(v4)) => v4.into(),
            Some(url::Host::Ipv6(v6)) => v6.into(),
            _ => return Err(bad_target(to)),
        };
        if !url.username().is_empty() || url.password().is_some() {
            return Err(bad_target(to));
        }
        let mut path = url.path().to_string();
        if let Some(q) = url.query() {
            path.push('?');
            path.push_str(q);
        }
        FeedbackTarget::Http {
            addr: (ip, url.port().unwrap_or(80)).into(),
            path,
        }
    } else {
        FeedbackTarget::Osc(to.parse().map_err(|_| bad_target(to))?)
    };
    let addr = match &target {
        FeedbackTarget::Osc(a) | FeedbackTarget::Http { addr: a, .. } => a,
    };
    if addr.port() == 0 || addr.ip().is_unspecified() {
        return Err(Error::invalid(
            "share.feedback.to",
            Invalid::OutOfRange(to.into()),
        ));
    }
    Ok(target)
}

/// Sends an event's next cue to `to` (`IP:PORT` for OSC, `http://…` for HTTP), or stops
/// (`None`).
pub fn set_feedback(
    store: &mut Store,
    actor: Actor,
    event_id: &str,
    to: Option<&str>,
) -> Result<ShareSettings> {
    may(actor, Act::Share)?;
    store.load(event_id)?;
    let mut s = store.share_settings()?;
    s.feedback.retain(|f| f.event_id != event_id);
    if let Some(to) = to {
        let target = feedback_target(to)?;
        s.feedback.push(crate::model::Feedback {
            event_id: event_id.to_string(),
            to: target.text(),
        });
    }
    set_settings(store, actor, &s)
}

/// What a control surface shows of the next cue: its text, the countdown to its time, whether
/// its heads-up has gone (`soon`) and whether its time has come (`due`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NextCue {
    /// "Go live — Opening · Main stage"; empty when no cue is left.
    pub text: String,
    /// Seconds to its expected time (negative: late); 0 when none.
    #[ts(type = "number")]
    pub in_secs: i64,
    /// "04:59", "1:02:03", "+00:12" when late; empty when none.
    pub countdown: String,
    pub soon: bool,
    pub due: bool,
}

/// A countdown as a surface's button shows it.
pub fn countdown(secs: i64) -> String {
    let (sign, s) = if secs < 0 { ("+", -secs) } else { ("", secs) };
    let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{sign}{h}:{m:02}:{s:02}")
    } else {
        format!("{sign}{m:02}:{s:02}")
    }
}

/// The next cue of a snapshot, at its instant `now`, in `lang`.
pub fn next_cue(snap: &LiveSnapshot, lang: crate::i18n::Lang) -> NextCue {
    match &snap.next_cue {
        Some(c) => {
            let secs = (c.expected - snap.now).num_seconds();
            NextCue {
                text: format!(
                    "{} — {} · {}",
                    live::kind_label(c.kind, lang),
                    c.session,
                    c.stage
                ),
                in_secs: secs,
                countdown: countdown(secs),
                soon: snap.now >= c.notify_at(),
                due: snap.now >= c.expected,
            }
        }
        None => NextCue {
            text: String::new(),
            in_secs: 0,
            countdown: String::new(),
            soon: false,
            due: false,
        },
    }
}

/// Makes a link to `view` of an event. `stage` (id or exact name) picks the stage of a speaker
/// timer or stage view; `person` (id or exact name) the team member of a closer view.
#[allow(clippy::too_many_arguments)]
pub fn make_link(
    store: &mut Store,
    actor: Actor,
    event_id: &str,
    view: ShareView,
    stage: Option<&str>,
    person: Option<&str>,
    control: bool,
    now: DateTime<Utc>,
) -> Result<NewShareLink> {
    may(actor, Act::Share)?;
    let data = store.load(event_id)?;
    let stage_id = stage
        .map(|s| stage_of(&data, s, "share.stage"))
        .transpose()?;
    let person_id = match person {
        Some(p) => Some(
            data.people
                .iter()
                .find(|x| x.id == p || x.name == p)
                .ok_or_else(|| Error::invalid("share.person", Invalid::UnknownReference(p.into())))?
                .id
                .clone(),
        ),
        None => None,
    };
    store.create_share_link(
        event_id,
        view,
        stage_id.as_deref(),
        person_id.as_deref(),
        control,
        now,
    )
}

/// The id of the event's stage named `s` (its id or exact name); `field` names a refusal.
fn stage_of(data: &crate::EventData, s: &str, field: &str) -> Result<String> {
    data.stages
        .iter()
        .find(|x| x.id == s || x.name == s)
        .map(|x| x.id.clone())
        .ok_or_else(|| Error::invalid(field, Invalid::UnknownReference(s.into())))
}

/// `""` for every stage (none named, or an empty name), else the named stage's id.
fn every_or_one(data: &crate::EventData, stage: Option<&str>, field: &str) -> Result<String> {
    match stage.filter(|s| !s.is_empty()) {
        Some(s) => stage_of(data, s, field),
        None => Ok(String::new()),
    }
}

/// Lists the links made (of one event, or all).
pub fn links(store: &Store, actor: Actor, event_id: Option<&str>) -> Result<Vec<ShareLink>> {
    may(actor, Act::Share)?;
    store.share_links(event_id)
}

/// Revokes a link by its id or its token.
pub fn revoke(
    store: &mut Store,
    actor: Actor,
    id_or_token: &str,
    now: DateTime<Utc>,
) -> Result<ShareLink> {
    may(actor, Act::Share)?;
    store.revoke_share_link(id_or_token, now)
}

/// Revokes every link; answers how many were still valid.
pub fn revoke_all(store: &mut Store, actor: Actor, now: DateTime<Utc>) -> Result<usize> {
    may(actor, Act::Share)?;
    store.revoke_all_share_links(now)
}

/// Why a presented token opens nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// No token, or not one this app made.
    Unknown,
    /// The analyst revoked it.
    Revoked,
    /// A view's token on a control verb.
    ReadOnly,
}

/// The link `token` stands for, if it may be used (`control`: for a control verb).
pub fn admit(
    store: &Store,
    token: Option<&str>,
    control: bool,
) -> Result<std::result::Result<ShareLink, Refused>> {
    Ok(admit_in(&store.share_link_set()?, token, control))
}

/// [`admit`] against links already read.
pub fn admit_in(
    links: &LinkSet,
    token: Option<&str>,
    control: bool,
) -> std::result::Result<ShareLink, Refused> {
    let Some(token) = token.filter(|t| !t.is_empty()) else {
        return Err(Refused::Unknown);
    };
    match links.check(token) {
        TokenCheck::Valid(l) if control && !l.control => Err(Refused::ReadOnly),
        TokenCheck::Valid(l) => Ok(l),
        TokenCheck::Revoked(_) => Err(Refused::Revoked),
        TokenCheck::Unknown => Err(Refused::Unknown),
    }
}

/// Sends `text` to the speaker timer of `stage` (id or exact name; `None`: every stage) of an
/// event; an empty text clears it. Answers the line as stored.
pub fn send_message(
    store: &mut Store,
    actor: Actor,
    event_id: &str,
    stage: Option<&str>,
    text: &str,
    source: Source,
    now: DateTime<Utc>,
) -> Result<StageMessage> {
    may(actor, Act::Live)?;
    let data = store.load(event_id)?;
    let stage_id = every_or_one(&data, stage, "message.stage")?;
    let m = StageMessage {
        event_id: event_id.to_string(),
        stage_id,
        text: text.trim().chars().take(MESSAGE_CHARS).collect(),
        at: now,
        source: source.code().to_string(),
    };
    store.set_stage_message(&m)?;
    let detail = match m.stage_id.as_str() {
        "" => m.text.clone(),
        stage => format!("{stage}: {}", m.text),
    };
    super::day::record(store, event_id, source, "message", detail, now)?;
    Ok(m)
}

/// The line a stage's timer shows: the later of the one sent to that stage and the one sent to
/// every stage.
pub fn message_for<'a>(messages: &'a [StageMessage], stage_id: Option<&str>) -> &'a str {
    messages
        .iter()
        .filter(|m| m.stage_id.is_empty() || Some(m.stage_id.as_str()) == stage_id)
        .max_by_key(|m| (m.at, !m.stage_id.is_empty()))
        .map_or("", |m| m.text.as_str())
}

/// Blacks out the speaker timer of `stage` (id or exact name; `None`: every stage), or lifts
/// it (`None`: every blackout of the event).
pub fn blackout(
    store: &mut Store,
    actor: Actor,
    event_id: &str,
    stage: Option<&str>,
    on: bool,
    source: Source,
    now: DateTime<Utc>,
) -> Result<()> {
    may(actor, Act::Live)?;
    let data = store.load(event_id)?;
    let stage_id = every_or_one(&data, stage, "blackout.stage")?;
    store.set_blackout(event_id, &stage_id, on, now, source.code())?;
    let action = if on { "blackout.on" } else { "blackout.off" };
    super::day::record(store, event_id, source, action, stage_id, now)
}

/// Whether a stage's timer is blacked out (itself, or every stage).
pub fn blacked_out(blackouts: &[String], stage_id: Option<&str>) -> bool {
    blackouts
        .iter()
        .any(|s| s.is_empty() || Some(s.as_str()) == stage_id)
}

/// What the speaker timers show besides the show itself: the analyst's lines and blackouts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signals {
    pub messages: Vec<StageMessage>,
    pub blackouts: Vec<String>,
}

impl Signals {
    pub fn of(store: &Store, event_id: &str) -> Result<Signals> {
        Ok(Signals {
            messages: store.stage_messages(event_id)?,
            blackouts: store.blackouts(event_id)?,
        })
    }
}

/// The speaker timer of a stage (`None`: the stage on air), with its line and blackout, from a
/// snapshot.
pub fn speaker_timer(
    snap: &LiveSnapshot,
    signals: &Signals,
    stage_id: Option<&str>,
) -> SpeakerTimer {
    let mut t = live::speaker_timer(snap, stage_id, "");
    let shown = stage_id.or_else(|| {
        snap.stages
            .iter()
            .find(|s| s.name == t.stage_name)
            .map(|s| s.stage_id.as_str())
    });
    t.message = message_for(&signals.messages, shown).to_string();
    t.blackout = blacked_out(&signals.blackouts, shown);
    t
}

/// One stage in `GET /api/live`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ApiStage {
    pub stage_id: String,
    pub name: String,
    pub on_air: bool,
    pub session: Option<LiveSession>,
    pub current: Option<LiveSegment>,
    pub next: Option<LiveSegment>,
    #[ts(type = "number")]
    pub late_minutes: i64,
    /// The line its speaker timer shows ('' for none).
    pub message: String,
}

impl ApiStage {
    /// A stage of a snapshot, with the line its timer shows.
    pub fn of(s: &crate::live::LiveStage, messages: &[StageMessage]) -> ApiStage {
        ApiStage {
            stage_id: s.stage_id.clone(),
            name: s.name.clone(),
            on_air: s.on_air,
            session: s.session.clone(),
            current: s.current.clone(),
            next: s.next.clone(),
            late_minutes: s.late_minutes,
            message: message_for(messages, Some(&s.stage_id)).to_string(),
        }
    }
}

/// `GET /api/live`: what the live view shows, for scripts and control surfaces.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ApiLive {
    pub event_id: String,
    pub event_name: String,
    pub time_zone: String,
    /// The event's clock (simulated in a rehearsal).
    pub now: DateTime<Utc>,
    pub rehearsal: bool,
    pub stages: Vec<ApiStage>,
    /// The next cues still to act on (pending or notified), soonest first, at most ten.
    pub next_cues: Vec<Cue>,
}

impl ApiLive {
    /// The same state at the event's instant `now` (its clock ran on since it was taken): the
    /// seconds left are counted again from the instants they count to.
    pub fn at(mut self, now: DateTime<Utc>) -> ApiLive {
        self.now = now;
        for s in &mut self.stages {
            if let Some(x) = &mut s.session {
                x.ends_in_secs = (x.end - now).num_seconds();
            }
            for g in [&mut s.current, &mut s.next].into_iter().flatten() {
                g.remaining_secs = (g.end - now).num_seconds();
            }
        }
        self
    }
}

/// How many cues `GET /api/live` lists.
pub const API_NEXT_CUES: usize = 10;

/// The live state for the API, from a snapshot (taken with the whole cue list).
pub fn api_live(snap: &LiveSnapshot, event_name: &str, messages: &[StageMessage]) -> ApiLive {
    let mut next: Vec<Cue> = snap
        .cues
        .iter()
        .filter(|c| matches!(c.state, CueState::Pending | CueState::Notified))
        .filter(|c| c.expected + chrono::Duration::minutes(5) >= snap.now)
        .cloned()
        .collect();
    next.sort_by(|a, b| a.expected.cmp(&b.expected).then(a.key.cmp(&b.key)));
    next.truncate(API_NEXT_CUES);
    ApiLive {
        event_id: snap.event_id.clone(),
        event_name: event_name.to_string(),
        time_zone: snap.time_zone.clone(),
        now: snap.now,
        rehearsal: snap.rehearsal,
        stages: snap
            .stages
            .iter()
            .map(|s| ApiStage::of(s, messages))
            .collect(),
        next_cues: next,
    }
}

/// A segment in the shared run of show, at its expected times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RosSegment {
    pub segment_id: String,
    pub title: String,
    pub kind: crate::model::SegmentKind,
    pub presenters: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// A session in the shared run of show: planned and expected times (delays and actual times
/// applied), and its segments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RosSession {
    pub session_id: String,
    pub title: String,
    pub planned_start: DateTime<Utc>,
    pub planned_end: DateTime<Utc>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub actual_start: Option<DateTime<Utc>>,
    pub actual_end: Option<DateTime<Utc>>,
    pub segments: Vec<RosSegment>,
}

/// One stage's day in the shared run of show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RosStage {
    pub stage_id: String,
    pub name: String,
    pub sessions: Vec<RosSession>,
}

/// The whole day, read-only, following delays: what the run-of-show view shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RunOfShow {
    pub stages: Vec<RosStage>,
}

/// The run of show of an event as the day's log has moved it.
pub fn run_of_show(data: &crate::EventData, log: &crate::model::DayLog) -> RunOfShow {
    let sch = crate::schedule::compute(data);
    let times: std::collections::HashMap<&str, &crate::schedule::SessionTimes> = sch
        .sessions
        .iter()
        .map(|t| (t.session_id.as_str(), &**t))
        .collect();
    let names = |ids: &[String]| {
        ids.iter()
            .filter_map(|id| data.person(id).map(|p| p.name.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut stages: Vec<RosStage> = data
        .stages
        .iter()
        .map(|st| RosStage {
            stage_id: st.id.clone(),
            name: st.name.clone(),
            sessions: Vec::new(),
        })
        .collect();
    for s in &data.sessions {
        let Some(stage) = stages.iter_mut().find(|st| st.stage_id == s.stage_id) else {
            continue;
        };
        let moved = |t: DateTime<Utc>| crate::cues::expected(t, s, log);
        let actual = log.actuals.iter().find(|a| a.session_id == s.id);
        let segments = times
            .get(s.id.as_str())
            .map(|t| {
                t.segments
                    .iter()
                    .map(|g| RosSegment {
                        segment_id: g.segment_id.clone(),
                        title: g.title.clone(),
                        kind: g.kind,
                        presenters: data
                            .segments
                            .iter()
                            .find(|x| x.id == g.segment_id)
                            .map(|x| names(&x.presenter_ids))
                            .unwrap_or_default(),
                        start: moved(g.start),
                        end: moved(g.end),
                    })
                    .collect()
            })
            .unwrap_or_default();
        stage.sessions.push(RosSession {
            session_id: s.id.clone(),
            title: s.title.clone(),
            planned_start: s.start,
            planned_end: s.end,
            start: moved(s.start),
            end: moved(s.end),
            actual_start: actual.and_then(|a| a.start),
            actual_end: actual.and_then(|a| a.end),
            segments,
        });
    }
    for st in &mut stages {
        st.sessions
            .sort_by(|a, b| a.start.cmp(&b.start).then(a.title.cmp(&b.title)));
    }
    RunOfShow { stages }
}

/// A session the customer's own team closes (the next one on its stage starts less than 15
/// minutes after it ends), with its "end the stream" cue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Closing {
    pub cue_key: String,
    pub session_id: String,
    pub session: String,
    pub stage: String,
    /// When the stream is to be ended (expected: delays applied).
    pub expected: DateTime<Utc>,
    pub state: CueState,
    /// The session that follows on the stage, and when it is expected to start.
    pub next_session: String,
    pub next_start: DateTime<Utc>,
}

/// The closings a team member sees: those of the sessions they appear in (a host or a
/// moderator who closes), or every one when they appear in none (a customer lead who closes
/// for the team). No one named: every one.
pub fn closings_for(
    data: &crate::EventData,
    all: &[Closing],
    person: Option<&str>,
) -> Vec<Closing> {
    let Some(person) = person else {
        return all.to_vec();
    };
    let sessions: std::collections::HashSet<&str> = data
        .segments
        .iter()
        .filter(|g| g.presenter_ids.iter().any(|p| p == person))
        .map(|g| g.session_id.as_str())
        .collect();
    if sessions.is_empty() {
        return all.to_vec();
    }
    all.iter()
        .filter(|c| sessions.contains(c.session_id.as_str()))
        .cloned()
        .collect()
}

/// What the customer closer view shows: only the closing cues of back-to-back sessions,
/// soonest first.
pub fn closings(data: &crate::EventData, cues: &[Cue], log: &crate::model::DayLog) -> Vec<Closing> {
    let mut out: Vec<Closing> = crate::schedule::closing_sessions(data)
        .into_iter()
        .filter_map(|(first, second, _)| {
            let cue = cues
                .iter()
                .find(|c| c.kind == crate::model::CueKind::EndStream && c.session_id == first.id)?;
            Some(Closing {
                cue_key: cue.key.clone(),
                session_id: first.id.clone(),
                session: first.title.clone(),
                stage: cue.stage.clone(),
                expected: cue.expected,
                state: cue.state,
                next_session: second.title.clone(),
                next_start: crate::cues::expected(second.start, second, log),
            })
        })
        .collect();
    out.sort_by(|a, b| a.expected.cmp(&b.expected).then(a.cue_key.cmp(&b.cue_key)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::utc;

    fn stored() -> (Store, crate::EventData) {
        let mut store = Store::open_in_memory().unwrap();
        let d = crate::demo::event();
        store.insert(&d).unwrap();
        (store, d)
    }

    #[test]
    fn the_server_is_off_until_someone_says_otherwise_and_a_bad_address_is_named() {
        let (mut store, _) = stored();
        assert_eq!(store.share_settings().unwrap(), ShareSettings::default());
        assert!(!store.share_settings().unwrap().on);
        let bad = ShareSettings {
            on: true,
            bind: "my-laptop".into(),
            ..ShareSettings::default()
        };
        let e = set_settings(&mut store, Actor::Analyst, &bad).unwrap_err();
        assert_eq!(e.field(), Some("share.bind"));
        assert!(e.message(crate::i18n::Lang::En).contains("my-laptop"));
        assert!(!store.share_settings().unwrap().on, "nothing written");
        let good = ShareSettings {
            on: true,
            bind: " ::1 ".into(),
            port: 9001,
            osc_port: Some(9002),
            feedback: Vec::new(),
        };
        let saved = set_settings(&mut store, Actor::Analyst, &good).unwrap();
        assert_eq!(saved.bind, "::1");
        assert_eq!(store.share_settings().unwrap(), saved);
        let e = set_settings(&mut store, Actor::Customer, &good).unwrap_err();
        assert_eq!(e.field(), Some("share"));
    }

    #[test]
    fn a_link_opens_with_its_token_until_revoked_and_the_token_is_not_stored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let mut store = Store::open(&path).unwrap();
        let d = crate::demo::event();
        store.insert(&d).unwrap();
        let now = utc("2027-05-04T12:00:00Z");
        let stage = &d.stages[0];
        let made = make_link(
            &mut store,
            Actor::Analyst,
            &d.event.id,
            ShareView::SpeakerTimer,
            Some(&stage.name),
            None,
            false,
            now,
        )
        .unwrap();
        assert_eq!(made.token.len(), 40, "160 bits as hex");
        assert!(made.token.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(made.link.stage_id.as_deref(), Some(stage.id.as_str()));
        let other = make_link(
            &mut store,
            Actor::Analyst,
            &d.event.id,
            ShareView::Clock,
            None,
            None,
            true,
            now,
        )
        .unwrap();
        assert_ne!(made.token, other.token);

        assert_eq!(
            admit(&store, Some(&made.token), false).unwrap(),
            Ok(made.link.clone())
        );
        assert_eq!(
            admit(&store, Some(&made.token), true).unwrap(),
            Err(Refused::ReadOnly),
            "a view's token never controls"
        );
        assert_eq!(
            admit(&store, Some(&other.token), true).unwrap(),
            Ok(other.link.clone())
        );
        assert_eq!(admit(&store, None, false).unwrap(), Err(Refused::Unknown));
        let mut wrong = made.token.clone();
        wrong.replace_range(0..1, if wrong.starts_with('0') { "1" } else { "0" });
        assert_eq!(
            admit(&store, Some(&wrong), false).unwrap(),
            Err(Refused::Unknown)
        );

        // Revoked by its id: the token says so.
        let r = revoke(&mut store, Actor::Analyst, &made.link.id, now).unwrap();
        assert_eq!(r.revoked, Some(now));
        assert_eq!(
            admit(&store, Some(&made.token), false).unwrap(),
            Err(Refused::Revoked)
        );
        // By its token, and all at once.
        revoke(&mut store, Actor::Analyst, &other.token, now).unwrap();
        assert_eq!(
            admit(&store, Some(&other.token), true).unwrap(),
            Err(Refused::Revoked)
        );
        let e = revoke(&mut store, Actor::Analyst, &wrong, now).unwrap_err();
        assert_eq!(e.code(), "not_found");
        assert!(
            !e.message(crate::i18n::Lang::En).contains(&wrong),
            "a mistyped token is not echoed whole"
        );
        let third = store
            .create_share_link(&d.event.id, ShareView::Stage, None, None, false, now)
            .unwrap();
        assert_eq!(revoke_all(&mut store, Actor::Analyst, now).unwrap(), 1);
        assert_eq!(
            admit(&store, Some(&third.token), false).unwrap(),
            Err(Refused::Revoked)
        );
        assert_eq!(
            links(&store, Actor::Analyst, Some(&d.event.id))
                .unwrap()
                .len(),
            3
        );

        drop(store);
        let bytes = std::fs::read(&path).unwrap();
        for t in [&made.token, &other.token, &third.token] {
            assert!(
                !bytes.windows(t.len()).any(|w| w == t.as_bytes()),
                "a token is in the database file"
            );
        }
    }

    #[test]
    fn a_link_names_a_stage_or_person_of_its_event() {
        let (mut store, d) = stored();
        let now = utc("2027-05-04T12:00:00Z");
        let e = make_link(
            &mut store,
            Actor::Analyst,
            &d.event.id,
            ShareView::Stage,
            Some("Nowhere"),
            None,
            false,
            now,
        )
        .unwrap_err();
        assert_eq!(e.field(), Some("share.stage"));
        let e = make_link(
            &mut store,
            Actor::Analyst,
            &d.event.id,
            ShareView::Closer,
            None,
            Some("Nobody"),
            false,
            now,
        )
        .unwrap_err();
        assert_eq!(e.field(), Some("share.person"));
        let e = make_link(
            &mut store,
            Actor::Customer,
            &d.event.id,
            ShareView::Clock,
            None,
            None,
            false,
            now,
        )
        .unwrap_err();
        assert_eq!(e.field(), Some("share"));
        assert!(store.share_links(None).unwrap().is_empty(), "nothing made");
    }

    #[test]
    fn a_timer_shows_the_later_of_its_stages_line_and_the_line_for_all() {
        let (mut store, d) = stored();
        let (a, b) = (&d.stages[0], &d.stages[1]);
        let t0 = utc("2027-05-04T12:00:00Z");
        let t1 = utc("2027-05-04T12:01:00Z");
        send_message(
            &mut store,
            Actor::Analyst,
            &d.event.id,
            None,
            " Lunch at 1 ",
            Source::Window,
            t0,
        )
        .unwrap();
        let m = send_message(
            &mut store,
            Actor::Analyst,
            &d.event.id,
            Some(&a.name),
            &"wrap up ".repeat(40),
            Source::Api,
            t1,
        )
        .unwrap();
        assert_eq!(m.text.chars().count(), MESSAGE_CHARS);
        assert_eq!(m.source, "api");
        let all = store.stage_messages(&d.event.id).unwrap();
        assert!(message_for(&all, Some(&a.id)).starts_with("wrap up"));
        assert_eq!(message_for(&all, Some(&b.id)), "Lunch at 1");
        // A later line for every stage wins over an older one for a stage.
        send_message(
            &mut store,
            Actor::Analyst,
            &d.event.id,
            None,
            "Doors",
            Source::Cli,
            utc("2027-05-04T12:02:00Z"),
        )
        .unwrap();
        let all = store.stage_messages(&d.event.id).unwrap();
        assert_eq!(message_for(&all, Some(&a.id)), "Doors");
        let e = send_message(
            &mut store,
            Actor::Analyst,
            &d.event.id,
            Some("Nowhere"),
            "x",
            Source::Api,
            t1,
        )
        .unwrap_err();
        assert_eq!(e.field(), Some("message.stage"));
        let e = send_message(
            &mut store,
            Actor::Customer,
            &d.event.id,
            None,
            "x",
            Source::Api,
            t1,
        )
        .unwrap_err();
        assert_eq!(e.field(), Some("cue"));
    }

    #[test]
    fn the_api_lists_the_next_cues_soonest_first_with_each_stages_line() {
        let (mut store, d) = stored();
        let at = d.sessions[0].start;
        send_message(
            &mut store,
            Actor::Analyst,
            &d.event.id,
            Some(&d.stages[0].id),
            "5 min",
            Source::Api,
            at,
        )
        .unwrap();
        let snap = crate::service::day::snapshot(&store, None, &d.event.id, at).unwrap();
        let msgs = store.stage_messages(&d.event.id).unwrap();
        let live = api_live(&snap, &d.event.name, &msgs);
        assert_eq!(live.stages.len(), d.stages.len());
        assert_eq!(live.stages[0].message, "5 min");
        assert_eq!(live.stages[1].message, "");
        assert!(!live.next_cues.is_empty() && live.next_cues.len() <= API_NEXT_CUES);
        assert!(live
            .next_cues
            .windows(2)
            .all(|w| w[0].expected <= w[1].expected));
        assert!(live
            .next_cues
            .iter()
            .all(|c| c.expected + chrono::Duration::minutes(5) >= at));
        let json = serde_json::to_value(&live).unwrap();
        assert!(json["stages"][0]["lateMinutes"].is_number());
        assert!(json["nextCues"][0]["expected"].is_string());
    }

    #[test]
    fn a_blackout_covers_its_stage_or_every_stage_until_lifted() {
        let (mut store, d) = stored();
        let (a, b) = (&d.stages[0], &d.stages[1]);
        let at = d.sessions[0].start + chrono::Duration::minutes(5);
        let timer = |store: &Store, stage: &str| {
            let snap = crate::service::day::snapshot(store, None, &d.event.id, at).unwrap();
            speaker_timer(
                &snap,
                &Signals::of(store, &d.event.id).unwrap(),
                Some(stage),
            )
        };
        assert!(!timer(&store, &a.id).blackout);
        blackout(
            &mut store,
            Actor::Analyst,
            &d.event.id,
            Some(&a.name),
            true,
            Source::Api,
            at,
        )
        .unwrap();
        assert!(timer(&store, &a.id).blackout);
        assert!(!timer(&store, &b.id).blackout, "only that stage");
        blackout(
            &mut store,
            Actor::Analyst,
            &d.event.id,
            None,
            true,
            Source::Api,
            at,
        )
        .unwrap();
        assert!(timer(&store, &b.id).blackout, "every stage");
        blackout(
            &mut store,
            Actor::Analyst,
            &d.event.id,
            None,
            false,
            Source::Api,
            at,
        )
        .unwrap();
        assert!(!timer(&store, &a.id).blackout && !timer(&store, &b.id).blackout);
        let e = blackout(
            &mut store,
            Actor::Analyst,
            &d.event.id,
            Some("Nowhere"),
            true,
            Source::Api,
            at,
        )
        .unwrap_err();
        assert_eq!(e.field(), Some("blackout.stage"));
    }

    #[test]
    fn the_run_of_show_follows_a_delay_and_keeps_the_planned_times() {
        let (mut store, d) = stored();
        let stage = &d.stages[0];
        let mut on_stage: Vec<_> = d
            .sessions
            .iter()
            .filter(|s| s.stage_id == stage.id)
            .collect();
        on_stage.sort_by_key(|s| s.start);
        let (first, later) = (on_stage[0], on_stage[1]);
        let before = run_of_show(&d, &store.day_log(&d.event.id).unwrap());
        let ros = |r: &RunOfShow, id: &str| {
            r.stages
                .iter()
                .flat_map(|s| &s.sessions)
                .find(|s| s.session_id == id)
                .cloned()
                .unwrap()
        };
        assert_eq!(ros(&before, &later.id).start, later.start);
        assert_eq!(before.stages.len(), d.stages.len());
        let total: usize = before.stages.iter().map(|s| s.sessions.len()).sum();
        assert_eq!(total, d.sessions.len());
        assert!(before.stages[0]
            .sessions
            .windows(2)
            .all(|w| w[0].start <= w[1].start));
        let with_people = before
            .stages
            .iter()
            .flat_map(|s| &s.sessions)
            .flat_map(|s| &s.segments)
            .find(|g| !g.presenters.is_empty());
        assert!(with_people.is_some(), "segments name their presenters");
        store
            .add_delay(&d.event.id, &stage.id, None, 10, first.end)
            .unwrap();
        let after = run_of_show(&d, &store.day_log(&d.event.id).unwrap());
        let moved = ros(&after, &later.id);
        assert_eq!(moved.start, later.start + chrono::Duration::minutes(10));
        assert_eq!(moved.planned_start, later.start);
        assert_eq!(
            moved.segments[0].start,
            later.start + chrono::Duration::minutes(10),
            "its segments follow"
        );
        assert_eq!(
            ros(&after, &first.id).start,
            first.start,
            "what came before stays"
        );
    }

    #[test]
    fn the_closer_view_lists_only_the_closing_cues_of_back_to_back_sessions() {
        let (store, d) = stored();
        let log = store.day_log(&d.event.id).unwrap();
        let cues = store.cue_timeline(&d.event.id).unwrap();
        let pairs = crate::schedule::closing_pairs(&d);
        assert!(!pairs.is_empty(), "the demo has a back-to-back pair");
        let c = closings(&d, &cues, &log);
        assert_eq!(c.len(), pairs.len());
        for (c, p) in c.iter().zip(&pairs) {
            assert_eq!(c.session_id, p.first);
            let cue = cues.iter().find(|x| x.key == c.cue_key).unwrap();
            assert_eq!(cue.kind, crate::model::CueKind::EndStream);
            assert!(c.next_start >= c.expected);
        }
        let every_end = cues
            .iter()
            .filter(|x| x.kind == crate::model::CueKind::EndStream)
            .count();
        assert!(
            every_end > c.len(),
            "sessions with time to spare are not listed"
        );
    }

    #[test]
    fn a_team_member_sees_the_closings_of_their_sessions_or_all_when_in_none() {
        let (store, d) = stored();
        let log = store.day_log(&d.event.id).unwrap();
        let cues = store.cue_timeline(&d.event.id).unwrap();
        let all = closings(&d, &cues, &log);
        let first = &all[0];
        let host = d
            .segments
            .iter()
            .find(|g| g.session_id == first.session_id && !g.presenter_ids.is_empty())
            .map(|g| g.presenter_ids[0].clone())
            .expect("a presenter in the closed session");
        let theirs = closings_for(&d, &all, Some(&host));
        assert!(theirs.iter().any(|c| c.session_id == first.session_id));
        let in_sessions: std::collections::HashSet<&str> = d
            .segments
            .iter()
            .filter(|g| g.presenter_ids.contains(&host))
            .map(|g| g.session_id.as_str())
            .collect();
        assert!(theirs
            .iter()
            .all(|c| in_sessions.contains(c.session_id.as_str())));
        let lead = d
            .people
            .iter()
            .find(|p| !d.segments.iter().any(|g| g.presenter_ids.contains(&p.id)))
            .map(|p| p.id.clone());
        if let Some(lead) = lead {
            assert_eq!(closings_for(&d, &all, Some(&lead)), all);
        }
        assert_eq!(closings_for(&d, &all, None), all);
    }

    #[test]
    fn a_feedback_target_is_an_osc_address_or_an_http_url_with_an_ip() {
        let osc = feedback_target(" 192.168.1.30:12321 ").unwrap();
        assert_eq!(
            osc,
            FeedbackTarget::Osc("192.168.1.30:12321".parse().unwrap())
        );
        let http = feedback_target("http://10.0.0.5:8000/hook?x=1").unwrap();
        assert_eq!(
            http,
            FeedbackTarget::Http {
                addr: "10.0.0.5:8000".parse().unwrap(),
                path: "/hook?x=1".into()
            }
        );
        assert_eq!(http.text(), "http://10.0.0.5:8000/hook?x=1");
        assert_eq!(
            feedback_target("http://[::1]/").unwrap().text(),
            "http://[::1]:80/"
        );
        for bad in [
            "deck.local:12321",
            "https://10.0.0.5/hook",
            "http://companion.local/hook",
            "http://user:pw@10.0.0.5/",
            "0.0.0.0:9000",
            "10.0.0.5:0",
            "",
        ] {
            let e = feedback_target(bad).unwrap_err();
            assert_eq!(e.field(), Some("share.feedback.to"), "{bad}");
        }
    }

    #[test]
    fn the_api_state_counts_down_from_its_instants_at_a_later_now() {
        let (store, d) = stored();
        let at = d.sessions[0].start + chrono::Duration::minutes(2);
        let snap = crate::service::day::snapshot(&store, None, &d.event.id, at).unwrap();
        let live = api_live(&snap, &d.event.name, &[]);
        let s0 = live
            .stages
            .iter()
            .find(|s| s.current.is_some())
            .unwrap()
            .clone();
        let later = live.at(at + chrono::Duration::seconds(90));
        let s1 = later
            .stages
            .iter()
            .find(|s| s.stage_id == s0.stage_id)
            .unwrap();
        assert_eq!(later.now, at + chrono::Duration::seconds(90));
        let (a, b) = (s0.current.unwrap(), s1.current.clone().unwrap());
        assert_eq!(b.remaining_secs, a.remaining_secs - 90);
        assert_eq!(
            s1.session.as_ref().unwrap().ends_in_secs,
            s0.session.unwrap().ends_in_secs - 90
        );
    }
}
