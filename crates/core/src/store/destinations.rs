//! The `destinations` tables: the plan part (rewritten with the event), and what belongs to a
//! destination id across edits: its last connection test and its sealed stream key.

use super::keys::{Sealed, Vault};
use super::{code, instant_from_sql, instant_to_sql};
use crate::error::Result;
use crate::model::{Destination, DestinationStatus, DestinationTest, EventData};
use rusqlite::{params, Connection, OptionalExtension};

pub(super) fn list(conn: &Connection, event_id: &str) -> Result<Vec<Destination>> {
    let mut stmt = conn.prepare(
        "SELECT d.id, d.event_id, d.position, d.name, d.preset, d.server_url, d.backup_url,
                d.status, k.hint, t.at_utc, t.ok, t.detail, t.published
         FROM destinations d
         LEFT JOIN stream_keys k ON k.destination_id = d.id
         LEFT JOIN destination_tests t ON t.destination_id = d.id
         WHERE d.event_id = ?1 ORDER BY d.position",
    )?;
    let rows = stmt.query_map([event_id], |r| {
        let hint: Option<String> = r.get(8)?;
        let test_at: Option<String> = r.get(9)?;
        Ok((
            Destination {
                id: r.get(0)?,
                event_id: r.get(1)?,
                position: r.get(2)?,
                name: r.get(3)?,
                preset: r.get(4)?,
                server_url: r.get(5)?,
                backup_url: r.get(6)?,
                session_ids: vec![],
                status: code(
                    "destination status",
                    r.get(7)?,
                    DestinationStatus::from_code,
                )?,
                has_key: hint.is_some(),
                key_hint: hint.unwrap_or_default(),
                last_test: None,
                key_entered_for: None,
            },
            test_at,
            r.get::<_, Option<bool>>(10)?,
            r.get::<_, Option<String>>(11)?,
            r.get::<_, Option<bool>>(12)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (mut d, at, ok, detail, published) = row?;
        if let Some(at) = at {
            d.last_test = Some(DestinationTest {
                at: instant_from_sql(&at)?,
                ok: ok.unwrap_or(false),
                detail: detail.unwrap_or_default(),
                published: published.unwrap_or(false),
            });
        }
        let mut s = conn.prepare_cached(
            "SELECT session_id FROM destination_sessions WHERE destination_id = ?1",
        )?;
        d.session_ids = s
            .query_map([&d.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if d.has_key {
            d.key_entered_for = key_host_change(conn, event_id, &d.id)?.map(|(_, from, _)| from);
        }
        out.push(d);
    }
    Ok(out)
}

pub(super) fn insert(conn: &Connection, d: &Destination) -> Result<()> {
    conn.execute(
        "INSERT INTO destinations (id, event_id, position, name, preset, server_url, backup_url, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            d.id,
            d.event_id,
            d.position,
            d.name,
            d.preset,
            d.server_url,
            d.backup_url,
            d.status.code()
        ],
    )?;
    for s in &d.session_ids {
        conn.execute(
            "INSERT INTO destination_sessions (destination_id, session_id) VALUES (?1, ?2)",
            params![d.id, s],
        )?;
    }
    Ok(())
}

/// After a rewrite: drops the tests and keys of destinations that are gone, and the test of a
/// destination whose server URL changed (it proved another address). Returns the ids of the
/// gone destinations whose key is in the OS store: the caller removes those from there once
/// the transaction has committed ([`super::Store::forget_os_keys`]), so a transaction that
/// fails leaves every key where it was.
#[must_use = "the OS keys returned are deleted after the commit"]
pub(super) fn tidy(
    conn: &Connection,
    before: Option<&EventData>,
    after: &EventData,
) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT destination_id FROM stream_keys WHERE event_id = ?1 AND place = 'os'
         AND destination_id NOT IN (SELECT id FROM destinations WHERE event_id = ?1)",
    )?;
    let gone: Vec<String> = stmt
        .query_map([&after.event.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in ["destination_tests", "stream_keys"] {
        conn.execute(
            &format!(
                "DELETE FROM {table} WHERE event_id = ?1
                 AND destination_id NOT IN (SELECT id FROM destinations WHERE event_id = ?1)"
            ),
            [&after.event.id],
        )?;
    }
    if let Some(before) = before {
        // Keys from before hosts were recorded were entered for the server as it stood until
        // now: record it, so a rewrite that moves the destination is noticed.
        for d in &before.destinations {
            conn.execute(
                "UPDATE stream_keys SET key_host = ?1 WHERE destination_id = ?2 AND key_host IS NULL",
                params![host_of(&d.server_url), d.id],
            )?;
        }
        for d in &after.destinations {
            let moved = before
                .destinations
                .iter()
                .find(|b| b.id == d.id)
                .is_some_and(|b| b.server_url != d.server_url);
            if moved {
                forget_test(conn, &d.id)?;
            }
        }
    }
    Ok(gone)
}

/// The destinations of an event whose stream key is in the OS store (read before the event is
/// deleted: the rows go with it).
pub(super) fn os_keys_of_event(conn: &Connection, event_id: &str) -> Result<Vec<String>> {
    let mut stmt = conn
        .prepare("SELECT destination_id FROM stream_keys WHERE event_id = ?1 AND place = 'os'")?;
    let ids = stmt
        .query_map([event_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

pub(super) fn forget_test(conn: &Connection, id: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM destination_tests WHERE destination_id = ?1",
        [id],
    )?;
    Ok(())
}

pub(super) fn record_test(
    conn: &Connection,
    event_id: &str,
    id: &str,
    t: &DestinationTest,
) -> Result<()> {
    conn.execute(
        "INSERT INTO destination_tests (destination_id, event_id, at_utc, ok, detail, published)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(destination_id) DO UPDATE SET
           at_utc = excluded.at_utc, ok = excluded.ok, detail = excluded.detail,
           published = excluded.published",
        params![
            id,
            event_id,
            instant_to_sql(&t.at),
            t.ok,
            t.detail,
            t.published
        ],
    )?;
    Ok(())
}

/// Where a key goes or comes from.
pub(super) enum Keys<'a> {
    File(&'a Vault),
    Os,
}

fn place_of(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT place FROM stream_keys WHERE destination_id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?)
}

/// Stores or removes a key. When a key leaves the OS store (removed, or now sealed in the file)
/// its id is returned, for the caller to remove it from there once the transaction commits.
#[must_use = "an OS key returned is deleted after the commit"]
pub(super) fn set_key(
    conn: &Connection,
    keys: Keys,
    event_id: &str,
    id: &str,
    key: Option<&str>,
) -> Result<Option<String>> {
    let was_os = place_of(conn, id)?.as_deref() == Some("os");
    let stays_os = key.is_some() && matches!(keys, Keys::Os);
    // A key is entered for the server the destination names now.
    let host = current_host(conn, id)?;
    let upsert = |s: Sealed, place: &str, key: &str| {
        conn.execute(
            "INSERT INTO stream_keys (destination_id, event_id, nonce, sealed, hint, place, key_host)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT(destination_id) DO UPDATE SET
               nonce = excluded.nonce, sealed = excluded.sealed, hint = excluded.hint,
               place = excluded.place, key_host = excluded.key_host",
            params![
                id,
                event_id,
                s.nonce,
                s.sealed,
                crate::rtmp::key_hint(key),
                place,
                host
            ],
        )
    };
    match (key, keys) {
        (Some(key), Keys::File(vault)) => {
            upsert(vault.seal(id, key), "file", key)?;
        }
        (Some(key), Keys::Os) => {
            super::keys::os::set(id, key)?;
            let empty = Sealed {
                nonce: vec![],
                sealed: vec![],
            };
            upsert(empty, "os", key)?;
        }
        (None, _) => {
            conn.execute("DELETE FROM stream_keys WHERE destination_id = ?1", [id])?;
        }
    }
    Ok((was_os && !stays_os).then(|| id.to_string()))
}

/// The key in clear; `vault` is asked for only when the key is sealed in the file.
pub(super) fn get_key<'v>(
    conn: &Connection,
    vault: impl FnOnce() -> Result<&'v Vault>,
    id: &str,
) -> Result<Option<String>> {
    let row: Option<(Sealed, String)> = conn
        .query_row(
            "SELECT nonce, sealed, place FROM stream_keys WHERE destination_id = ?1",
            [id],
            |r| {
                Ok((
                    Sealed {
                        nonce: r.get(0)?,
                        sealed: r.get(1)?,
                    },
                    r.get(2)?,
                ))
            },
        )
        .optional()?;
    match row {
        None => Ok(None),
        Some((_, place)) if place == "os" => super::keys::os::get(id).map(Some),
        Some((s, _)) => vault()?.open_sealed(id, &s).map(Some),
    }
}

/// What a stream key is tied to in a server URL: the host in lower case, with `:port` when the
/// port is not the scheme's default (1935 for rtmp, 443 for rtmps); `None` when the URL does
/// not parse. Moving between rtmp and rtmps on the same host keeps the key's server.
pub(super) fn host_of(url: &str) -> Option<String> {
    let u = url::Url::parse(url.trim()).ok()?;
    let host = u.host_str().filter(|h| !h.is_empty())?.to_lowercase();
    let default = if u.scheme().eq_ignore_ascii_case("rtmps") {
        443
    } else {
        1935
    };
    Some(match u.port().filter(|&p| p != default) {
        Some(p) => format!("{host}:{p}"),
        None => host,
    })
}

fn current_host(conn: &Connection, id: &str) -> Result<Option<String>> {
    let url: Option<String> = conn
        .query_row(
            "SELECT server_url FROM destinations WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(url.as_deref().and_then(host_of))
}

/// A destination whose stored key was entered for another server than the one its URL names
/// now: (name, the key's host, the current host). A key with no host recorded (entered before
/// hosts were kept, and its event not rewritten since) counts as entered for the current one.
pub(super) fn key_host_change(
    conn: &Connection,
    event_id: &str,
    id: &str,
) -> Result<Option<(String, String, String)>> {
    let row: Option<(String, String, Option<String>)> = conn
        .query_row(
            "SELECT d.name, d.server_url, k.key_host
             FROM destinations d JOIN stream_keys k ON k.destination_id = d.id
             WHERE d.id = ?1 AND d.event_id = ?2",
            [id, event_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((name, url, Some(key_host))) = row else {
        return Ok(None);
    };
    let now = host_of(&url);
    if now.as_deref() == Some(key_host.as_str()) {
        return Ok(None);
    }
    let now = now.unwrap_or_else(|| "?".into());
    Ok(Some((name, key_host, now)))
}

/// Records the server the destination names now as the one its key is for (the user said the
/// key goes there). Returns whether there was a key.
pub(super) fn confirm_key_host(conn: &Connection, id: &str) -> Result<bool> {
    let host = current_host(conn, id)?;
    let n = conn.execute(
        "UPDATE stream_keys SET key_host = ?1 WHERE destination_id = ?2",
        params![host, id],
    )?;
    Ok(n > 0)
}
