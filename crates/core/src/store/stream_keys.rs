//! Destinations' stream keys and connection tests, as the store keeps them: where new keys go
//! (the OS credential store or the sealed file), setting, reading and testing.

use super::{destinations, keys, Store};
use crate::error::{Error, Invalid, Result};
use rusqlite::OptionalExtension;

impl Store {
    /// Chooses where stream keys go from now on (the default comes from `SHOWCALL_KEY_STORE`).
    pub fn with_key_store(mut self, k: keys::KeyStore) -> Store {
        self.key_store = k;
        self
    }

    /// Whether new stream keys go to the OS credential store (else the sealed file).
    pub fn keys_in_os_store(&self) -> bool {
        use keys::KeyStore;
        match self.key_store {
            KeyStore::File => false,
            KeyStore::Os => true,
            KeyStore::Auto => *self.os_works.get_or_init(keys::os::works),
        }
    }

    fn vault(&self) -> Result<&keys::Vault> {
        if let Some(v) = self.vault.get() {
            return Ok(v);
        }
        let v = match &self.path {
            Some(p) => keys::Vault::open(&keys::key_path(p))?,
            None => keys::Vault::ephemeral(),
        };
        Ok(self.vault.get_or_init(|| v))
    }

    /// Finds a destination by id or exact name across all events; returns (event id, id).
    pub fn find_destination(&self, id_or_name: &str) -> Result<(String, String)> {
        let mut stmt = self
            .conn
            .prepare("SELECT event_id, id FROM destinations WHERE id = ?1 OR name = ?1")?;
        let mut found: Vec<(String, String)> = stmt
            .query_map([id_or_name], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        match found.len() {
            0 => Err(Error::NotFound {
                kind: "destination",
                id: id_or_name.into(),
            }),
            1 => Ok(found.swap_remove(0)),
            n => Err(Error::Conflict(format!(
                "{n} destinations are named “{id_or_name}”: use an id"
            ))),
        }
    }

    fn destination_of(&self, event_id: &str, id: &str) -> Result<()> {
        let found: Option<i64> = self
            .conn
            .query_row(
                "SELECT 1 FROM destinations WHERE id = ?1 AND event_id = ?2",
                [id, event_id],
                |r| r.get(0),
            )
            .optional()?;
        if found.is_some() {
            Ok(())
        } else {
            Err(Error::NotFound {
                kind: "destination",
                id: id.into(),
            })
        }
    }

    /// Stores (sealed) or removes a destination's stream key. A new key forgets the last test,
    /// and is for the server the destination's URL names now ([`Store::key_host_change`]).
    /// The key is checked first (no spaces or invisible characters); errors never quote it.
    pub fn set_stream_key(&mut self, event_id: &str, id: &str, key: Option<&str>) -> Result<()> {
        if let Some(k) = key {
            crate::rtmp::check_key("destination.streamKey", k)?;
        }
        self.destination_of(event_id, id)?;
        let keys = if self.keys_in_os_store() {
            destinations::Keys::Os
        } else {
            destinations::Keys::File(self.vault()?)
        };
        let tx = super::write_tx_unchecked(&self.conn)?;
        let left_os = destinations::set_key(&tx, keys, event_id, id, key)?;
        destinations::forget_test(&tx, id)?;
        tx.commit()?;
        self.forget_os_keys(left_os.into_iter().collect());
        Ok(())
    }

    /// A destination's stream key in clear, for a connection test or when the user asks to
    /// reveal or copy it.
    pub fn stream_key(&self, id: &str) -> Result<Option<String>> {
        destinations::get_key(&self.conn, || self.vault(), id)
    }

    /// When the destination's stream key was entered (or last confirmed) for another server than
    /// the one its URL names now — a merged package or an edit moved it — the key's server and
    /// the current one (`host`, or `host:port` when the port is not the scheme's default).
    /// `None` when there is no key, or it was entered for this server.
    pub fn key_host_change(&self, event_id: &str, id: &str) -> Result<Option<(String, String)>> {
        self.destination_of(event_id, id)?;
        Ok(
            destinations::key_host_change(&self.conn, event_id, id)?
                .map(|(_, from, to)| (from, to)),
        )
    }

    /// Refuses to send the destination's stream key to a server other than the one it was
    /// entered for, until the user confirms it ([`Store::confirm_key_host`]) or enters it again:
    /// the error (both languages) names the destination and both servers, never the key.
    pub fn check_key_host(&self, event_id: &str, id: &str) -> Result<()> {
        self.destination_of(event_id, id)?;
        let Some((name, from, to)) = destinations::key_host_change(&self.conn, event_id, id)?
        else {
            return Ok(());
        };
        Err(Error::invalid(
            "destination.streamKey",
            Invalid::Say {
                en: format!(
                    "destination “{name}”: the server changed from {from} to {to} since the \
                     stream key was entered: confirm the key for the new server or enter it again"
                ),
                fr: format!(
                    "destination « {name} » : le serveur est passé de {from} à {to} depuis la \
                     saisie de la clé de diffusion : confirmez la clé pour le nouveau serveur ou \
                     saisissez-la de nouveau"
                ),
            },
        ))
    }

    /// The user's “yes, use this key there”: the destination's stream key is from now on for
    /// the server its URL names now. Nothing to confirm (no key) is not an error.
    pub fn confirm_key_host(&mut self, event_id: &str, id: &str) -> Result<()> {
        self.destination_of(event_id, id)?;
        destinations::confirm_key_host(&self.conn, id)?;
        Ok(())
    }

    /// Records the result of a connection test of a destination.
    pub fn record_destination_test(
        &mut self,
        event_id: &str,
        id: &str,
        test: &crate::model::DestinationTest,
    ) -> Result<()> {
        self.destination_of(event_id, id)?;
        destinations::record_test(&self.conn, event_id, id, test)
    }
}
