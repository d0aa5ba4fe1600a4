//! The `settings` table: small key/value preferences (UI language, first-start flags).

use super::{Store, MODE_SETTING};
use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};

pub(super) fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub(super) fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2",
        params![key, value],
    )?;
    Ok(())
}

impl Store {
    /// A stored setting (UI language, first-start flags).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        get(&self.conn, key)
    }

    /// Stores a setting.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        set(&self.conn, key, value)
    }

    /// Who uses this database: the customer lead when the `mode` setting says so, else the
    /// analyst. Packages written here say so in their manifest.
    pub fn actor(&self) -> crate::model::Actor {
        match get(&self.conn, MODE_SETTING).ok().flatten().as_deref() {
            Some("customer") => crate::model::Actor::Customer,
            _ => crate::model::Actor::Analyst,
        }
    }

    /// Whether someone has said who uses this copy (the events list asks once, at first start).
    pub fn actor_chosen(&self) -> bool {
        matches!(get(&self.conn, MODE_SETTING), Ok(Some(_)))
    }

    /// Says who uses this copy from now on.
    pub fn set_actor(&mut self, actor: crate::model::Actor) -> Result<()> {
        set(&self.conn, MODE_SETTING, actor.code())
    }
}
