//! Export and import of a big event with 300 MB of attached files: time per phase and the
//! process's peak memory, to show files are streamed, not held in memory.
//! `cargo bench -p showcall-exchange --bench package` (prints figures; no pass/fail).

use chrono::{Duration, Utc};
use showcall_core::merge::Resolution;
use showcall_core::secrets::KeyStore;
use showcall_core::store::Store;
use showcall_core::testing;
use showcall_exchange::import;
use showcall_exchange::read::{self, Limits};
use showcall_exchange::write::{self, Attachment, Head};
use showcall_exchange::MadeBy;
use std::io::Write;
use std::time::Instant;

/// Peak and current resident memory of this process, in MiB (Linux).
fn memory() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (kib("VmHWM:") / 1024.0, kib("VmRSS:") / 1024.0)
}

fn report(phase: &str, t: Instant) {
    let (peak, now) = memory();
    println!(
        "{phase:<34} {:>8.0} ms   peak RSS {peak:>6.1} MiB   RSS {now:>6.1} MiB",
        t.elapsed().as_secs_f64() * 1000.0
    );
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    // 4 stages × 10 sessions × 50 segments = 2,000 segments; 40 speakers.
    let mut d = testing::event("America/Toronto");
    let people: Vec<String> = (0..40)
        .map(|i| testing::speaker(&mut d, &format!("Speaker {i:02}")))
        .collect();
    let day = testing::utc("2027-05-04T12:00:00Z");
    for st in 0..4 {
        let stage = testing::stage(&mut d, &format!("Stage {st}"));
        for s in 0..10 {
            let start = day + Duration::minutes(s * 60);
            let end = start + Duration::minutes(50);
            let session = testing::session(
                &mut d,
                &stage,
                &format!("Session {st}-{s}"),
                &start.to_rfc3339(),
                &end.to_rfc3339(),
            );
            for g in 0..50 {
                let p = people[(g + s as usize) % people.len()].as_str();
                testing::segment(&mut d, &session, &format!("Segment {g}"), 60, &[p]);
            }
        }
    }
    showcall_core::tasks::sync(&mut d);
    let mut source = Store::open(dir.path().join("a/showcall.db"))
        .unwrap()
        .with_key_store(KeyStore::File);
    source.insert(&d).unwrap();

    // 300 MB of attached files: 30 × 10 MB, not compressible.
    let t = Instant::now();
    let mut files = Vec::new();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..30 {
        let path = dir.path().join(format!("asset-{i}.bin"));
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        let mut h = <sha2::Sha256 as sha2::Digest>::new();
        let mut block = vec![0u8; 1 << 20];
        for _ in 0..10 {
            for b in block.chunks_mut(8) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                b.copy_from_slice(&x.to_le_bytes()[..b.len()]);
            }
            sha2::Digest::update(&mut h, &block);
            f.write_all(&block).unwrap();
        }
        f.flush().unwrap();
        let sha256: String = sha2::Digest::finalize(h)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        files.push(Attachment { sha256, path });
    }
    report("setup: 2,000 segments + 300 MB", t);

    let pkg = dir.path().join("big.showcall");
    let t = Instant::now();
    let companions =
        write::companions(&source, &d, showcall_core::i18n::Lang::En, Utc::now()).unwrap();
    report("export: companions (pdf/xlsx/csv/ics)", t);
    let t = Instant::now();
    let head = Head {
        made_by: MadeBy::Analyst,
        created_at: Utc::now(),
    };
    write::write_package(&pkg, &head, &d, &companions, &files, None).unwrap();
    report("export: write package", t);
    println!(
        "package size {:.1} MB",
        std::fs::metadata(&pkg).unwrap().len() as f64 / 1e6
    );

    let mut target = Store::open(dir.path().join("b/showcall.db"))
        .unwrap()
        .with_key_store(KeyStore::File);
    let files_dir = showcall_exchange::files_dir(&target).unwrap();
    std::fs::create_dir_all(&files_dir).unwrap();
    let t = Instant::now();
    let opened = read::open(&pkg, Some(&files_dir), &Limits::default()).unwrap();
    report("import: verify + unpack files", t);
    let t = Instant::now();
    let plan = import::plan(&target, &opened).unwrap();
    assert_eq!(plan.files, 30);
    let done = import::apply(&mut target, &opened, &Resolution::default(), Utc::now()).unwrap();
    assert_eq!(done.files_added, 30);
    report("import: backup + write event + files", t);
    let t = Instant::now();
    let again = read::open(&pkg, None, &Limits::default()).unwrap();
    let plan = import::plan(&target, &again).unwrap();
    report("re-import check (identical)", t);
    assert_eq!(plan.action, import::Action::Unchanged);
}
