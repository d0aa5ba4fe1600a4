//! Which spans of time overlap, found by sorting them by start and sweeping once instead of
//! comparing every pair: the rules run on every keystroke, on days of thousands of sessions.
//!
//! Two spans `[a0, a1)` and `[b0, b1)` overlap when `a0 < b1 && b0 < a1`, the test the rules
//! always used, kept exactly for every span, including empty or reversed ones (which the sweep
//! neither misses nor invents).

use chrono::{DateTime, Utc};

/// A span of time: start, end.
pub(super) type Span = (DateTime<Utc>, DateTime<Utc>);

/// Every pair `(i, j)`, `i < j`, of `spans` that overlap, in `(i, j)` order: what a loop over
/// `i` then `j > i` finds, in time proportional to the spans and the pairs found.
pub(super) fn overlapping_pairs(spans: &[Span]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| spans[i].0);
    // Spans seen so far that end after the current start: the only ones it can overlap, since
    // their start is at or before it.
    let mut open: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for &x in &order {
        let (start, end) = spans[x];
        open.retain(|&y| spans[y].1 > start);
        for &y in &open {
            if spans[y].0 < end {
                out.push((x.min(y), x.max(y)));
            }
        }
        open.push(x);
    }
    out.sort_unstable();
    out
}

/// Every pair `(i, j)` where `a[i]` overlaps `b[j]`, in `(i, j)` order, found in one sweep over
/// both families.
pub(super) fn crossing_pairs(a: &[Span], b: &[Span]) -> Vec<(usize, usize)> {
    // (start, family: 0 for `a` and 1 for `b`, index)
    let mut order: Vec<(DateTime<Utc>, usize, usize)> = a
        .iter()
        .enumerate()
        .map(|(i, s)| (s.0, 0, i))
        .chain(b.iter().enumerate().map(|(j, s)| (s.0, 1, j)))
        .collect();
    order.sort_unstable();
    let families = [a, b];
    let mut open: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    let mut out = Vec::new();
    for (start, family, x) in order {
        let end = families[family][x].1;
        let other = 1 - family;
        let spans = families[other];
        open[other].retain(|&y| spans[y].1 > start);
        for &y in &open[other] {
            if spans[y].0 < end {
                out.push(if family == 0 { (x, y) } else { (y, x) });
            }
        }
        open[family].push(x);
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn overlap(a: Span, b: Span) -> bool {
        a.0 < b.1 && b.0 < a.1
    }

    /// Spans from minute offsets: short, empty and reversed ones, many sharing an edge.
    fn spans(seed: u64, n: usize) -> Vec<Span> {
        let t0 = DateTime::<Utc>::UNIX_EPOCH;
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut next = |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % m) as i64
        };
        (0..n)
            .map(|_| {
                let s = t0 + Duration::minutes(5 * next(20));
                (s, s + Duration::minutes(5 * (next(8) - 1)))
            })
            .collect()
    }

    #[test]
    fn the_sweep_finds_the_pairs_a_double_loop_finds() {
        for seed in 1..300 {
            let s = spans(seed, (seed % 17) as usize);
            let mut plain = Vec::new();
            for i in 0..s.len() {
                for j in i + 1..s.len() {
                    if overlap(s[i], s[j]) {
                        plain.push((i, j));
                    }
                }
            }
            assert_eq!(overlapping_pairs(&s), plain, "seed {seed}: {s:?}");
        }
    }

    #[test]
    fn the_crossing_sweep_finds_the_pairs_a_double_loop_finds() {
        for seed in 1..300 {
            let a = spans(seed, (seed % 11) as usize);
            let b = spans(seed + 1000, (seed % 7) as usize);
            let mut plain = Vec::new();
            for (i, x) in a.iter().enumerate() {
                for (j, y) in b.iter().enumerate() {
                    if overlap(*x, *y) {
                        plain.push((i, j));
                    }
                }
            }
            assert_eq!(crossing_pairs(&a, &b), plain, "seed {seed}");
        }
    }
}
