//! Maps and sets keyed by ids, with a hash cheaper than the standard one: the rules look up
//! tens of thousands of short ids on every check, and the data is the analyst's own (no
//! attacker choosing keys to collide), so the standard hash's protection against flooding buys
//! nothing here.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A map keyed by ids.
pub(crate) type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;
/// A set of ids.
pub(crate) type IdSet<K> = HashSet<K, BuildHasherDefault<IdHasher>>;

/// An empty [`IdMap`] with room for `n` entries.
pub(crate) fn map<K, V>(n: usize) -> IdMap<K, V> {
    IdMap::with_capacity_and_hasher(n, BuildHasherDefault::default())
}

/// Multiplies eight bytes at a time into the state, then mixes the state's high bits down so
/// the map's low-bit bucket index sees every byte.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

const K: u64 = 0x9E37_79B9_7F4A_7C15;

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(23) ^ word).wrapping_mul(K);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        let h = self.0;
        (h ^ (h >> 29)).wrapping_mul(K) ^ (h >> 32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_differ_anywhere_land_in_different_buckets() {
        // The conference's ids differ in a few middle characters: the low bits must still vary.
        let mut buckets = std::collections::BTreeSet::new();
        for s in 1..=40 {
            for n in 1..=50 {
                let mut h = IdHasher::default();
                h.write(format!("conf-s{s:02}-n{n:03}").as_bytes());
                buckets.insert(h.finish() & 4095);
            }
        }
        assert!(buckets.len() > 1450, "{} buckets of 4096", buckets.len());
    }
}
