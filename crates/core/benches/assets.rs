//! Spec checks over a folder of 500 images from 100 KB to 20 MB: time per file, by size. The
//! time stays flat as files grow: the pixel size comes from the header and the end marker from
//! the tail, nothing is decoded. Then attaching (copy into the data folder while hashing, checks
//! re-run on the copy) for a few sizes, which is bound by the bytes copied.
//! `cargo bench -p showcall-core --bench assets` prints figures.

use showcall_core::asset_check::{check_file, presets};
use std::io::Write;
use std::time::Instant;

/// A PNG with a real header, `len` bytes of (noise) image data and its IEND chunk.
fn png(path: &std::path::Path, w: u32, h: u32, len: usize, noise: &mut u64) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    f.write_all(b"\x89PNG\r\n\x1a\n").unwrap();
    let chunk = |f: &mut std::io::BufWriter<std::fs::File>, kind: &[u8], data: &[u8]| {
        f.write_all(&(data.len() as u32).to_be_bytes()).unwrap();
        f.write_all(kind).unwrap();
        f.write_all(data).unwrap();
        f.write_all(&[0, 0, 0, 0]).unwrap(); // CRC: not read by the checks
    };
    let mut ihdr = Vec::new();
    ihdr.extend(w.to_be_bytes());
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 6, 0, 0, 0]);
    chunk(&mut f, b"IHDR", &ihdr);
    // Several IDAT chunks, as encoders write them.
    let mut left = len;
    let mut block = vec![0u8; 1 << 20];
    while left > 0 {
        let n = left.min(block.len());
        for b in block[..n].chunks_mut(8) {
            *noise ^= *noise << 13;
            *noise ^= *noise >> 7;
            *noise ^= *noise << 17;
            b.copy_from_slice(&noise.to_le_bytes()[..b.len()]);
        }
        chunk(&mut f, b"IDAT", &block[..n]);
        left -= n;
    }
    chunk(&mut f, b"IEND", &[]);
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let spec = presets().remove("background").unwrap();
    let mut noise = 0x2545_F491_4F6C_DD1Du64;
    let mut files = Vec::new();
    for i in 0..500u64 {
        // 100 KB … 20 MB, spread geometrically.
        let len = (100_000f64 * (200f64).powf(i as f64 / 499.0)) as usize;
        let p = dir.path().join(format!("img-{i:03}.png"));
        png(&p, 1920, 1080, len, &mut noise);
        files.push((p, len));
    }
    let total: usize = files.iter().map(|(_, l)| l).sum();
    println!("500 PNG files, {:.2} GB in all", total as f64 / 1e9);
    let mut buckets = [(0u32, 0f64); 3];
    let t = Instant::now();
    for (p, len) in &files {
        let one = Instant::now();
        let r = check_file(p, "background", &spec, showcall_core::i18n::Lang::En);
        let ms = one.elapsed().as_secs_f64() * 1e3;
        assert_eq!(r.width, Some(1920));
        assert!(r.checks.iter().any(|c| c.check == "complete" && c.ok));
        let b = match len {
            0..=999_999 => 0,
            1_000_000..=4_999_999 => 1,
            _ => 2,
        };
        buckets[b].0 += 1;
        buckets[b].1 += ms;
    }
    let all = t.elapsed().as_secs_f64() * 1e3;
    println!(
        "all 500 checked in {all:.1} ms ({:.3} ms per file)",
        all / 500.0
    );
    for (name, (n, ms)) in ["100 KB–1 MB", "1–5 MB", "5–20 MB"].iter().zip(buckets) {
        println!(
            "  {name:<12} {n:>3} files  {:.3} ms per file",
            ms / n.max(1) as f64
        );
    }

    // Attaching copies and hashes every byte once: time by size, as MB/s.
    let store = dir.path().join("data");
    let files_dir = showcall_core::paths::files_dir(&store.join("showcall.db"));
    println!("attach (copy by SHA-256 + checks on the copy):");
    for (p, len) in files.iter().step_by(100).chain(files.last()) {
        let t = Instant::now();
        let f = showcall_core::store::store_file(
            &files_dir,
            p,
            showcall_core::branding::AssetKind::Background,
            &spec,
            "bench",
            chrono::Utc::now(),
            showcall_core::i18n::Lang::En,
        )
        .unwrap();
        let ms = t.elapsed().as_secs_f64() * 1e3;
        assert!(f.stored);
        println!(
            "  {:>6.2} MB  {ms:>7.1} ms  ({:.0} MB/s)",
            *len as f64 / 1e6,
            *len as f64 / 1e6 / (ms / 1e3)
        );
    }
}
