//! Stream keys at rest. Where the operating system offers a credential store that works (the
//! Secret Service on Linux: GNOME Keyring, KWallet), each key is kept there under the
//! destination's id. Otherwise it is sealed with ChaCha20-Poly1305 under a 256-bit key kept in
//! its own file next to the database (owner-only), never in the database; each sealed key is
//! bound to its destination id (associated data), so sealed keys swapped between destinations
//! fail to open instead of streaming to the wrong place.

use crate::error::{Error, Invalid, Result};
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use std::path::{Path, PathBuf};

/// Where stream keys go. `Auto` (the default) uses the OS store when it answers, else the file.
/// `SHOWCALL_KEY_STORE=file|os|auto` chooses for the app and the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyStore {
    Auto,
    File,
    Os,
}

impl KeyStore {
    /// From `SHOWCALL_KEY_STORE` (anything else, or unset: `Auto`).
    pub fn from_env() -> KeyStore {
        match std::env::var("SHOWCALL_KEY_STORE").as_deref() {
            Ok("file") => KeyStore::File,
            Ok("os") => KeyStore::Os,
            _ => KeyStore::Auto,
        }
    }
}

/// The operating system's credential store, one entry per destination.
pub mod os {
    use crate::error::{Error, Invalid, Result};

    /// The service name entries are filed under (the app's identifier).
    pub const SERVICE: &str = crate::paths::IDENTIFIER;

    fn entry(id: &str) -> keyring::Result<keyring::Entry> {
        keyring::Entry::new(SERVICE, &format!("stream-key/{id}"))
    }

    fn failed(what: &str, e: keyring::Error) -> Error {
        // keyring's errors name the store's problem, never the secret.
        Error::invalid(
            "destination.streamKey",
            Invalid::Other(format!(
                "the system keyring could not {what} the stream key: {e}"
            )),
        )
    }

    /// Whether the OS store answers: a throwaway entry is written, read back and removed.
    pub fn works() -> bool {
        let Ok(e) = entry("probe") else { return false };
        let ok = e.set_password("probe").is_ok() && e.get_password().is_ok_and(|p| p == "probe");
        let _ = e.delete_credential();
        ok
    }

    pub fn set(id: &str, key: &str) -> Result<()> {
        entry(id)
            .and_then(|e| e.set_password(key))
            .map_err(|e| failed("store", e))
    }

    pub fn get(id: &str) -> Result<String> {
        entry(id)
            .and_then(|e| e.get_password())
            .map_err(|e| failed("read", e))
    }

    /// Removes the entry; one already gone is fine.
    pub fn delete(id: &str) -> Result<()> {
        match entry(id).and_then(|e| e.delete_credential()) {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(failed("remove", e)),
        }
    }
}

/// Opens and seals stream keys.
pub struct Vault {
    cipher: ChaCha20Poly1305,
    path: Option<PathBuf>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault").field("path", &self.path).finish()
    }
}

/// A sealed secret: what the database holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub nonce: Vec<u8>,
    pub sealed: Vec<u8>,
}

/// The key file for a database file: `showcall.db` → `showcall.db.secret`.
pub fn key_path(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}.secret", db.display()))
}

impl Vault {
    /// Reads the key file, or creates it (32 random bytes, mode 0600) when there is none.
    pub fn open(path: &Path) -> Result<Vault> {
        let io = |e: std::io::Error| Error::Io {
            path: path.display().to_string(),
            source: e,
        };
        let key = match std::fs::read(path) {
            Ok(bytes) if bytes.len() == 32 => *Key::from_slice(&bytes),
            Ok(_) => {
                return Err(Error::invalid(
                    "secret key file",
                    Invalid::Other(format!(
                        "{} is not a Showcall key file (32 bytes expected)",
                        path.display()
                    )),
                ))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = ChaCha20Poly1305::generate_key(&mut OsRng);
                write_private(path, key.as_slice()).map_err(io)?;
                key
            }
            Err(e) => return Err(io(e)),
        };
        Ok(Vault {
            cipher: ChaCha20Poly1305::new(&key),
            path: Some(path.to_path_buf()),
        })
    }

    /// A vault whose key lives in memory only (in-memory stores, tests).
    pub fn ephemeral() -> Vault {
        Vault {
            cipher: ChaCha20Poly1305::new(&ChaCha20Poly1305::generate_key(&mut OsRng)),
            path: None,
        }
    }

    /// Seals `secret` for the destination `id`.
    pub fn seal(&self, id: &str, secret: &str) -> Sealed {
        let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = self
            .cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: secret.as_bytes(),
                    aad: id.as_bytes(),
                },
            )
            .expect("sealing in memory cannot fail");
        Sealed {
            nonce: nonce.to_vec(),
            sealed,
        }
    }

    /// Opens what [`Vault::seal`] sealed for the same `id`.
    pub fn open_sealed(&self, id: &str, s: &Sealed) -> Result<String> {
        let refused = || {
            Error::invalid(
                "destination.streamKey",
                Invalid::Other(
                    "the stored stream key cannot be opened with this installation's key file \
                     (was the database copied without its .secret file?)"
                        .into(),
                ),
            )
        };
        if s.nonce.len() != 12 {
            return Err(refused());
        }
        let plain = self
            .cipher
            .decrypt(
                Nonce::from_slice(&s.nonce),
                Payload {
                    msg: &s.sealed,
                    aad: id.as_bytes(),
                },
            )
            .map_err(|_| refused())?;
        String::from_utf8(plain).map_err(|_| refused())
    }
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_key_opens_only_for_its_destination_and_with_its_key_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("showcall.db.secret");
        let v = Vault::open(&path).unwrap();
        let s = v.seal("dest-1", "live_1234567890_abcdef");
        assert!(!String::from_utf8_lossy(&s.sealed).contains("live_1234567890"));
        assert_eq!(
            v.open_sealed("dest-1", &s).unwrap(),
            "live_1234567890_abcdef"
        );
        assert!(
            v.open_sealed("dest-2", &s).is_err(),
            "bound to its destination"
        );
        // The same file opens it again; another key does not.
        assert_eq!(
            Vault::open(&path)
                .unwrap()
                .open_sealed("dest-1", &s)
                .unwrap(),
            "live_1234567890_abcdef"
        );
        assert!(Vault::ephemeral().open_sealed("dest-1", &s).is_err());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(!format!("{v:?}").contains("cipher"));
    }

    #[test]
    fn a_wrong_key_file_is_refused_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.secret");
        std::fs::write(&path, b"not a key").unwrap();
        assert!(Vault::open(&path).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"not a key");
    }
}
