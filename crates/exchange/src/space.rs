//! Free space on a disk, and sizes in words, for the check made before attached files are
//! unpacked.
//!
//! The standard library cannot ask a file system how much room it has, and no crate in the tree
//! does it without unsafe code, so this asks `df` (GNU's exact form, then the POSIX one). When
//! neither answers (no `df`, another system, an odd output) the check is skipped: a full disk
//! still fails the unpacking cleanly, only with a less helpful message.

use crate::Text;
use std::path::Path;

/// Bytes available to this user on the disk holding `dir` (or its nearest existing parent).
pub(crate) fn available(dir: &Path) -> Option<u64> {
    let dir = dir.ancestors().find(|p| p.is_dir())?;
    df(dir)
}

#[cfg(unix)]
fn df(dir: &Path) -> Option<u64> {
    use std::process::{Command, Stdio};
    let run = |args: &[&str]| -> Option<String> {
        let out = Command::new("df")
            .args(args)
            .arg(dir)
            .env("LC_ALL", "C")
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    };
    // GNU coreutils: a header, then the bytes available.
    if let Some(text) = run(&["--output=avail", "-B1"]) {
        if let Some(n) = text.lines().nth(1).and_then(|l| l.trim().parse().ok()) {
            return Some(n);
        }
    }
    // POSIX (macOS, BSD): `Filesystem 1024-blocks Used Available Capacity Mounted on`; the
    // available blocks are just before the first `NN%`.
    let text = run(&["-P", "-k"])?;
    let fields: Vec<&str> = text.lines().nth(1)?.split_whitespace().collect();
    let at = fields.iter().position(|f| f.ends_with('%'))?;
    let blocks: u64 = fields.get(at.checked_sub(1)?)?.parse().ok()?;
    blocks.checked_mul(1024)
}

#[cfg(not(unix))]
fn df(_: &Path) -> Option<u64> {
    None
}

/// A size for people: `512 bytes`, `3.5 MiB`, `20 GiB` (`3,5 Mio` in French).
pub(crate) fn size_text(n: u64) -> Text {
    const UNITS: [(&str, &str); 5] = [
        ("KiB", "Kio"),
        ("MiB", "Mio"),
        ("GiB", "Gio"),
        ("TiB", "Tio"),
        ("PiB", "Pio"),
    ];
    if n < 1024 {
        return Text::new(format!("{n} bytes"), format!("{n} octets"));
    }
    let mut v = n as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    let en = format!("{v:.1}");
    let en = en.strip_suffix(".0").unwrap_or(&en).to_string();
    let fr = en.replace('.', ",");
    Text::new(
        format!("{en} {}", UNITS[unit].0),
        format!("{fr} {}", UNITS[unit].1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_both_languages() {
        let t = |n: u64| {
            let t = size_text(n);
            (t.en, t.fr)
        };
        assert_eq!(t(512), ("512 bytes".into(), "512 octets".into()));
        assert_eq!(t(20 << 30), ("20 GiB".into(), "20 Gio".into()));
        assert_eq!(t(3 << 19), ("1.5 MiB".into(), "1,5 Mio".into()));
        assert_eq!(t(u64::MAX).0, "16384 PiB");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_free_space_of_a_real_folder_is_known() {
        let dir = tempfile::tempdir().unwrap();
        let n = available(dir.path()).expect("df answers on Linux");
        assert!(n > 0);
        // A folder not made yet: its parent's disk.
        assert_eq!(
            available(&dir.path().join("not/yet")).map(|m| m > 0),
            Some(true)
        );
    }
}
