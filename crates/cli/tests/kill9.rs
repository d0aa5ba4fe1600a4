//! Hard faults: `showcall` killed with SIGKILL at random instants while it writes. Whatever
//! instant the kill lands on, the database reopens intact, every write the CLI acknowledged
//! (exit 0) is there, no half-written file is left in the data folder, and the package path
//! holds either nothing or a complete, readable package.
//!
//! CI runs 300 writes (`SHOWCALL_KILL9_WRITES` says otherwise; `bench/kill9.sh` runs 10,000).

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::Duration;

const EVENT: &str = "Sommet Boréal 2027";
const STAGE: &str = "Salle principale";

/// xorshift64: enough randomness for kill instants, reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn showcall(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_showcall"));
    c.arg("--db").arg(db).env_remove("SHOWCALL_DB");
    c
}

/// How a run ended: acknowledged (exit 0), killed, or failed on its own (with its stderr).
enum Ended {
    Acknowledged,
    Killed,
    Failed(ExitStatus, String),
}

/// Runs `cmd`, killing it with SIGKILL after `after` unless it has exited by then (`None`: left
/// to finish).
fn run_with_kill(cmd: &mut Command, after: Option<Duration>) -> Ended {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("showcall starts");
    let killed = match after {
        Some(after) => {
            std::thread::sleep(after);
            match child.try_wait().expect("child status") {
                Some(_) => false,
                // `Child::kill` sends SIGKILL on unix.
                None => child.kill().is_ok(),
            }
        }
        None => false,
    };
    let status = child.wait().expect("child reaped");
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut err);
    }
    if status.success() {
        Ended::Acknowledged
    } else if killed {
        Ended::Killed
    } else {
        Ended::Failed(status, err)
    }
}

/// Every file and folder under `dir`, relative to it.
fn tree(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p.clone());
            }
            out.push(p.strip_prefix(dir).unwrap().to_path_buf());
        }
    }
    out.sort();
    out
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
        .unwrap()
}

/// A package is complete when the zip reads whole (every entry's CRC checked) and holds its
/// manifest and event data.
fn package_problem(path: &Path) -> Option<String> {
    let f = std::fs::File::open(path).ok()?;
    let mut zip = match zip::ZipArchive::new(f) {
        Ok(z) => z,
        Err(e) => return Some(format!("not a readable zip: {e}")),
    };
    let names: BTreeSet<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    for want in ["manifest.json", "event.json"] {
        if !names.contains(want) {
            return Some(format!("no {want} in {names:?}"));
        }
    }
    for i in 0..zip.len() {
        let mut entry = match zip.by_index(i) {
            Ok(e) => e,
            Err(e) => return Some(format!("entry {i} does not open: {e}")),
        };
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        if let Err(e) = std::io::copy(&mut entry, &mut std::io::sink()) {
            return Some(format!("{name} does not read whole: {e}"));
        }
    }
    None
}

#[test]
fn writes_killed_at_random_instants_lose_nothing_acknowledged_and_leave_no_partial_file() {
    let writes: u64 = std::env::var("SHOWCALL_KILL9_WRITES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    let seed: u64 = std::env::var("SHOWCALL_KILL9_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x5EED_C0FF_EE15_F00D);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let db = data.join("showcall.db");
    let package = out.join("Sommet.showcall");
    let o = showcall(&db).arg("demo").output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    // Each delay has its own `from` instant: the one thing that tells it apart in the log.
    let base = chrono::DateTime::parse_from_rfc3339("2027-04-15T12:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let mut rng = Rng(seed);
    let mut acknowledged = BTreeSet::new();
    let mut attempted = BTreeSet::new();
    let (mut killed, mut exports, mut exports_acknowledged) = (0u64, 0u64, 0u64);
    let mut bad_packages = Vec::new();
    for i in 0..writes {
        let export = rng.below(10) == 0;
        // One write in eight is left to finish, so that some are acknowledged however slow
        // the machine is; the others are killed at a random instant unless done by then.
        let spared = rng.below(8) == 0;
        let mut cmd = showcall(&db);
        let ended = if export {
            exports += 1;
            // An export takes several times longer than a delay: a longer window, so that
            // some finish and some are cut at every stage of the writing.
            cmd.args(["export", EVENT, "--out"]).arg(&package);
            let after = Duration::from_millis(rng.below(121));
            run_with_kill(&mut cmd, (!spared).then_some(after))
        } else {
            let from = base + chrono::Duration::seconds(i as i64);
            let minutes = 1 + (i % 240) as i64;
            attempted.insert(from);
            cmd.args(["delay", EVENT, "--stage", STAGE, "--minutes"])
                .arg(minutes.to_string())
                .arg("--from")
                .arg(from.to_rfc3339());
            let after = Duration::from_millis(rng.below(31));
            let ended = run_with_kill(&mut cmd, (!spared).then_some(after));
            if matches!(ended, Ended::Acknowledged) {
                acknowledged.insert(from);
            }
            ended
        };
        match ended {
            Ended::Acknowledged if export => exports_acknowledged += 1,
            Ended::Acknowledged => {}
            Ended::Killed => killed += 1,
            Ended::Failed(status, err) => {
                panic!("write {i} failed without being killed ({status}): {err}")
            }
        }
        // Whatever instant the export was cut at, the package path never holds a partial file.
        if export {
            if let Some(p) = package_problem(&package) {
                bad_packages.push(format!("after write {i}: {p}"));
            }
        }
    }

    let check = integrity(&db);
    let store = showcall_core::Store::open(&db).unwrap();
    let id = store.find_event(EVENT).unwrap();
    let log = store.day_log(&id).unwrap();
    let mut present = BTreeSet::new();
    for d in &log.delays {
        assert!(attempted.contains(&d.from), "a delay nobody wrote: {:?}", d);
        assert!(present.insert(d.from), "a delay kept twice: {:?}", d);
    }
    let lost: Vec<_> = acknowledged.difference(&present).collect();
    drop(store);

    // The data folder: the database and SQLite's own -wal/-shm, nothing half-written.
    let allowed = ["showcall.db", "showcall.db-wal", "showcall.db-shm"];
    let stray: Vec<PathBuf> = tree(&data)
        .into_iter()
        .filter(|p| !allowed.iter().any(|a| p == Path::new(a)))
        .collect();
    // Beside the package: the temporary `.NAME.partial-*` files of exports killed mid-write.
    let leftovers: Vec<PathBuf> = tree(&out)
        .into_iter()
        .filter(|p| p != Path::new("Sommet.showcall"))
        .collect();

    println!("kill9 writes {writes}");
    println!("kill9 killed {killed}");
    println!(
        "kill9 acknowledged {}",
        acknowledged.len() as u64 + exports_acknowledged
    );
    println!("kill9 exports {exports} ({exports_acknowledged} acknowledged)");
    println!("kill9 lost {}", lost.len());
    println!("kill9 integrity {check}");
    println!("kill9 stray files {}", stray.len());
    println!("kill9 partial packages {}", bad_packages.len());
    println!("kill9 export temp files left {}", leftovers.len());

    assert_eq!(check, "ok", "PRAGMA integrity_check");
    assert!(lost.is_empty(), "acknowledged delays lost: {lost:?}");
    assert!(stray.is_empty(), "left in the data folder: {stray:?}");
    assert!(bad_packages.is_empty(), "{bad_packages:?}");
    assert!(
        killed > 0 && !acknowledged.is_empty(),
        "the kills must land both before and after some writes finish \
         (killed {killed}, acknowledged {})",
        acknowledged.len()
    );
    // The last package the CLI wrote (if any) imports: a whole file at the target path.
    if package.exists() {
        let o = showcall(&db)
            .args(["import", "package"])
            .arg(&package)
            .arg("--dry-run")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    // KNOWN GAP, not asserted: an export killed mid-write leaves its `.NAME.partial-<uuid>`
    // beside the target (nothing runs in a SIGKILLed process to remove it, and nothing sweeps
    // them later; see showcall_exchange::write::write_package). Printed above as
    // "kill9 export temp files left N". Once stale ones are swept, assert `leftovers` is empty.
    let _ = leftovers;
}
