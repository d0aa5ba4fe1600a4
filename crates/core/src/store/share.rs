//! The `share_links` and `stage_messages` tables, and the share settings (in `settings`).
//! A link's token is random (160 bits from the OS), returned once; only its SHA-256 is stored,
//! and a presented token is checked against every stored hash in constant time.

use super::{instant_from_sql, instant_to_sql, settings, Store};
use crate::error::{Error, Invalid, Result};
use crate::model::{LiveAction, NewShareLink, ShareLink, ShareSettings, ShareView, StageMessage};
use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::OsRng;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

const SETTINGS_KEY: &str = "share";

/// The links made, with their tokens' hashes.
#[derive(Debug, Clone, Default)]
pub struct LinkSet(Vec<(ShareLink, [u8; 32])>);

impl LinkSet {
    /// What `token` is: a valid link, a revoked one, or nothing. Every stored hash is compared
    /// in constant time, so the answer's timing says nothing about how close a guess was.
    pub fn check(&self, token: &str) -> TokenCheck {
        let presented = digest(token);
        let mut found = None;
        for (link, stored) in &self.0 {
            if bool::from(stored.ct_eq(&presented)) {
                found = Some(link);
            }
        }
        match found {
            Some(l) if l.revoked.is_some() => TokenCheck::Revoked(l.clone()),
            Some(l) => TokenCheck::Valid(l.clone()),
            None => TokenCheck::Unknown,
        }
    }
}

/// What a presented token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenCheck {
    Valid(ShareLink),
    /// It was a link, and the analyst revoked it.
    Revoked(ShareLink),
    Unknown,
}

fn digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<[u8; 32]> {
    let mut out = [0u8; 32];
    if s.len() != 64 {
        return None;
    }
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(s.get(i * 2..i * 2 + 2)?, 16).ok()?;
    }
    Some(out)
}

/// A fresh token: 20 bytes from the OS's generator, as 40 hex digits.
fn new_token() -> String {
    let mut b = [0u8; 20];
    OsRng.fill_bytes(&mut b);
    hex(&b)
}

type LinkRow = (ShareLink, String);

const COLUMNS: &str =
    "id, event_id, view, stage_id, person_id, control, created_utc, revoked_utc, token_sha256";

/// The links `filter` selects, each with its stored token hash.
fn links_where(
    conn: &Connection,
    filter: &str,
    args: &[&dyn rusqlite::ToSql],
) -> Result<Vec<LinkRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM share_links {filter} ORDER BY rowid"
    ))?;
    let mut rows = stmt.query(args)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let view: String = r.get(2)?;
        let view = ShareView::from_code(&view)
            .ok_or_else(|| Error::invalid("shareLink.view", Invalid::UnknownReference(view)))?;
        let created: String = r.get(6)?;
        let revoked: Option<String> = r.get(7)?;
        out.push((
            ShareLink {
                id: r.get(0)?,
                event_id: r.get(1)?,
                view,
                stage_id: r.get(3)?,
                person_id: r.get(4)?,
                control: r.get(5)?,
                created: instant_from_sql(&created)?,
                revoked: revoked.as_deref().map(instant_from_sql).transpose()?,
            },
            r.get(8)?,
        ));
    }
    Ok(out)
}

impl Store {
    /// How the local web server is to run (the defaults until someone says otherwise: off).
    pub fn share_settings(&self) -> Result<ShareSettings> {
        match settings::get(&self.conn, SETTINGS_KEY)? {
            Some(json) => serde_json::from_str(&json)
                .map_err(|e| Error::invalid("settings.share", Invalid::Other(e.to_string()))),
            None => Ok(ShareSettings::default()),
        }
    }

    /// Stores how the local web server is to run (checked by the caller).
    pub fn set_share_settings(&mut self, s: &ShareSettings) -> Result<()> {
        let json = serde_json::to_string(s).map_err(|e| Error::Conflict(e.to_string()))?;
        settings::set(&self.conn, SETTINGS_KEY, &json)
    }

    /// Makes a link and returns it with its token (not kept: this is the only time it is seen).
    pub fn create_share_link(
        &mut self,
        event_id: &str,
        view: ShareView,
        stage_id: Option<&str>,
        person_id: Option<&str>,
        control: bool,
        now: DateTime<Utc>,
    ) -> Result<NewShareLink> {
        // Kept to the second, as stored: the link made and the link listed are the same.
        let now = chrono::SubsecRound::trunc_subsecs(now, 0);
        let token = new_token();
        let id = uuid::Uuid::new_v4().simple().to_string()[..10].to_string();
        let link = ShareLink {
            id,
            event_id: event_id.to_string(),
            view,
            stage_id: stage_id.map(str::to_string),
            person_id: person_id.map(str::to_string),
            control,
            created: now,
            revoked: None,
        };
        self.conn.execute(
            "INSERT INTO share_links (id, token_sha256, event_id, view, stage_id, person_id,
                                      control, created_utc)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                link.id,
                hex(&digest(&token)),
                link.event_id,
                view.code(),
                link.stage_id,
                link.person_id,
                control,
                instant_to_sql(&now),
            ],
        )?;
        Ok(NewShareLink { link, token })
    }

    /// Every link made (revoked ones too), oldest first; `event_id` narrows to one event.
    pub fn share_links(&self, event_id: Option<&str>) -> Result<Vec<ShareLink>> {
        let rows = match event_id {
            Some(e) => links_where(&self.conn, "WHERE event_id = ?1", &[&e])?,
            None => links_where(&self.conn, "", &[])?,
        };
        Ok(rows.into_iter().map(|(l, _)| l).collect())
    }

    /// What `token` is: a valid link, a revoked one, or nothing (see [`LinkSet::check`]).
    pub fn check_share_token(&self, token: &str) -> Result<TokenCheck> {
        Ok(self.share_link_set()?.check(token))
    }

    /// Every link with its token's hash, to check many tokens against (a server holds it
    /// until a link is made or revoked).
    pub fn share_link_set(&self) -> Result<LinkSet> {
        let rows = links_where(&self.conn, "", &[])?;
        Ok(LinkSet(
            rows.into_iter()
                .map(|(l, hash)| (l, unhex(&hash).unwrap_or([0u8; 32])))
                .collect(),
        ))
    }

    /// Revokes the link named by its id or its token; answers the link. Revoking twice keeps
    /// the first instant.
    pub fn revoke_share_link(
        &mut self,
        id_or_token: &str,
        now: DateTime<Utc>,
    ) -> Result<ShareLink> {
        let link = match self.check_share_token(id_or_token)? {
            TokenCheck::Valid(l) | TokenCheck::Revoked(l) => Some(l),
            TokenCheck::Unknown => links_where(&self.conn, "WHERE id = ?1", &[&id_or_token])?
                .into_iter()
                .next()
                .map(|(l, _)| l),
        };
        let link = link.ok_or_else(|| Error::NotFound {
            kind: "share link",
            // A mistyped token is still secret-shaped: name only its first characters.
            id: id_or_token.chars().take(6).collect::<String>() + "…",
        })?;
        self.conn.execute(
            "UPDATE share_links SET revoked_utc = COALESCE(revoked_utc, ?2) WHERE id = ?1",
            params![link.id, instant_to_sql(&now)],
        )?;
        self.share_links(None)?
            .into_iter()
            .find(|l| l.id == link.id)
            .ok_or(Error::NotFound {
                kind: "share link",
                id: link.id,
            })
    }

    /// Revokes every link still valid; answers how many.
    pub fn revoke_all_share_links(&mut self, now: DateTime<Utc>) -> Result<usize> {
        Ok(self.conn.execute(
            "UPDATE share_links SET revoked_utc = ?1 WHERE revoked_utc IS NULL",
            [instant_to_sql(&now)],
        )?)
    }

    /// Sends a line to a stage's speaker timer (`stage_id` empty: every stage); an empty
    /// `text` clears it.
    pub fn set_stage_message(&mut self, m: &StageMessage) -> Result<()> {
        self.conn.execute(
            "INSERT INTO stage_messages (event_id, stage_id, text, at_utc, source)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(event_id, stage_id) DO UPDATE SET text = ?3, at_utc = ?4, source = ?5",
            params![
                m.event_id,
                m.stage_id,
                m.text,
                instant_to_sql(&m.at),
                m.source
            ],
        )?;
        Ok(())
    }

    /// The lines last sent to an event's speaker timers, one per stage ('' for all stages).
    pub fn stage_messages(&self, event_id: &str) -> Result<Vec<StageMessage>> {
        let mut stmt = self.conn.prepare(
            "SELECT event_id, stage_id, text, at_utc, source FROM stage_messages
             WHERE event_id = ?1 ORDER BY stage_id",
        )?;
        let rows = stmt.query_map([event_id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get::<_, String>(3)?,
                r.get(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for r in rows {
            let (event_id, stage_id, text, at, source) = r?;
            out.push(StageMessage {
                event_id,
                stage_id,
                text,
                at: instant_from_sql(&at)?,
                source,
            });
        }
        Ok(out)
    }

    /// Blacks out a stage's speaker timer (`stage_id` empty: every stage), or lifts it (an
    /// empty `stage_id` lifts every blackout of the event).
    pub fn set_blackout(
        &mut self,
        event_id: &str,
        stage_id: &str,
        on: bool,
        now: DateTime<Utc>,
        source: &str,
    ) -> Result<()> {
        match (on, stage_id.is_empty()) {
            (true, _) => self.conn.execute(
                "INSERT INTO stage_blackouts (event_id, stage_id, since_utc, source)
                 VALUES (?1, ?2, ?3, ?4) ON CONFLICT(event_id, stage_id) DO NOTHING",
                params![event_id, stage_id, instant_to_sql(&now), source],
            )?,
            (false, true) => self.conn.execute(
                "DELETE FROM stage_blackouts WHERE event_id = ?1",
                [event_id],
            )?,
            (false, false) => self.conn.execute(
                "DELETE FROM stage_blackouts WHERE event_id = ?1 AND stage_id = ?2",
                [event_id, stage_id],
            )?,
        };
        Ok(())
    }

    /// The stages blacked out ('' for every stage).
    pub fn blackouts(&self, event_id: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT stage_id FROM stage_blackouts WHERE event_id = ?1 ORDER BY stage_id",
        )?;
        let rows = stmt.query_map([event_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records something done on the day, with where it came from.
    pub fn record_action(&mut self, event_id: &str, a: &LiveAction) -> Result<()> {
        self.conn.execute(
            "INSERT INTO live_actions (event_id, at_utc, source, action, detail)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                event_id,
                instant_to_sql(&a.at),
                a.source,
                a.action,
                a.detail
            ],
        )?;
        Ok(())
    }

    /// What was done on an event's day, in order.
    pub fn live_actions(&self, event_id: &str) -> Result<Vec<LiveAction>> {
        let mut stmt = self.conn.prepare(
            "SELECT at_utc, source, action, detail FROM live_actions WHERE event_id = ?1 ORDER BY id",
        )?;
        let mut rows = stmt.query([event_id])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let at: String = r.get(0)?;
            out.push(LiveAction {
                at: instant_from_sql(&at)?,
                source: r.get(1)?,
                action: r.get(2)?,
                detail: r.get(3)?,
            });
        }
        Ok(out)
    }
}
