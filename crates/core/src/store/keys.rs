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

/// A key file holds exactly the 256-bit key, nothing else.
const KEY_LEN: usize = 32;

/// A key file that is there but holds no key: say which file, and what is lost.
fn damaged(path: &Path, len: usize) -> Error {
    let p = path.display();
    let (what_en, what_fr) = if len == 0 {
        ("is empty".to_string(), "est vide".to_string())
    } else {
        (
            format!("holds {len} bytes instead of {KEY_LEN}"),
            format!("contient {len} octets au lieu de {KEY_LEN}"),
        )
    };
    Error::invalid(
        "destination.streamKey",
        Invalid::Say {
            en: format!(
                "the key file {p} {what_en}: it is damaged, and the stream keys sealed with it \
                 cannot be read. Restore it from a backup; or move it away (Showcall then makes a \
                 new one) and enter the stream keys again"
            ),
            fr: format!(
                "le fichier de clé {p} {what_fr} : il est endommagé, et les clés de diffusion \
                 scellées avec lui ne peuvent pas être lues. Restaurez-le depuis une sauvegarde; \
                 ou déplacez-le (Showcall en crée alors un nouveau) et saisissez de nouveau les \
                 clés de diffusion"
            ),
        },
    )
}

/// The key file for a database file: `showcall.db` → `showcall.db.secret`.
pub fn key_path(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}.secret", db.display()))
}

impl Vault {
    /// Reads the key file, or creates it (32 random bytes, mode 0600) when there is none. The
    /// new file appears whole or not at all (see [`create_key_file`]); a file that is there but
    /// is not a key (empty, cut short, something else) is refused with an error naming it, and
    /// left as it is: replacing it would orphan every key sealed with it.
    pub fn open(path: &Path) -> Result<Vault> {
        let io = |e: std::io::Error| Error::Io {
            path: path.display().to_string(),
            source: e,
        };
        let key = match std::fs::read(path) {
            Ok(bytes) if bytes.len() == KEY_LEN => *Key::from_slice(&bytes),
            Ok(bytes) => return Err(damaged(path, bytes.len())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = ChaCha20Poly1305::generate_key(&mut OsRng);
                match create_key_file(path, key.as_slice()) {
                    Ok(()) => key,
                    // Another process made it first: use theirs (it may have sealed with it).
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                        match std::fs::read(path).map_err(io)? {
                            bytes if bytes.len() == KEY_LEN => *Key::from_slice(&bytes),
                            bytes => return Err(damaged(path, bytes.len())),
                        }
                    }
                    Err(e) => return Err(io(e)),
                }
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

/// Creates the key file at `path` with `bytes`, whole or not at all: they are written to a
/// temporary file beside it (owner-only), flushed to disk, then given the final name without
/// replacing anything (a hard link, which fails with `AlreadyExists` when another process made
/// the file first), and the folder is flushed so the name survives a power cut. A crash leaves
/// at most a stray temporary file, never a short key file.
fn create_key_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(d) => d,
        None => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let tmp = stage(dir, path, bytes)?;
    let published = match std::fs::hard_link(&tmp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        // A file system without hard links (FAT): a rename, unless the name appeared meanwhile.
        Err(_) if !path.exists() => std::fs::rename(&tmp, path),
        Err(e) => Err(e),
    };
    let _ = std::fs::remove_file(&tmp);
    published?;
    sync_dir(dir)
}

/// Writes `bytes` to a new owner-only temporary file in `dir`, flushed to disk; returns its path.
fn stage(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    use std::io::Write;
    use std::sync::atomic::{AtomicU32, Ordering};
    static SEQ: AtomicU32 = AtomicU32::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let tmp = dir.join(format!(
        ".{name}.{}.{}.{nanos}.tmp",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(&tmp)?;
    let written = f.write_all(bytes).and_then(|()| f.sync_all());
    if let Err(e) = written {
        drop(f);
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(tmp)
}

/// Flushes a folder's entries (a new name in it) to disk. Only Unix can open a folder for this.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
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

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_key_file_is_written_aside_and_appears_only_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("showcall.db.secret");
        // Written and flushed but not yet named: where a crash could stop it, there is no key
        // file at all (the next open makes one), never a short one that blocks every key.
        let tmp = stage(dir.path(), &path, &[1u8; KEY_LEN]).unwrap();
        assert!(!path.exists());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&tmp).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "owner-only from the start");
        }
        Vault::open(&path).unwrap();
        assert_eq!(std::fs::read(&path).unwrap().len(), KEY_LEN);
        assert_ne!(std::fs::read(&path).unwrap(), [1u8; KEY_LEN]);
    }

    #[test]
    fn a_key_file_made_meanwhile_elsewhere_is_kept_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("showcall.db.secret");
        std::fs::write(&path, [9u8; KEY_LEN]).unwrap();
        let e = create_key_file(&path, &[1u8; KEY_LEN]).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), [9u8; KEY_LEN]);
        assert_eq!(entries(dir.path()), ["showcall.db.secret"], "no leftover");
    }
}
