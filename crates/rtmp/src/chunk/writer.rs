//! The sending side: splitting a message into a format 0 chunk and format 3
//! continuations.

use super::{DEFAULT_CHUNK_SIZE, EXTENDED_TIMESTAMP, MAX_CHUNK_SIZE};

/// Splits outgoing messages into chunks.
#[derive(Debug, Clone)]
pub struct ChunkWriter {
    chunk_size: usize,
}

impl Default for ChunkWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl ChunkWriter {
    pub fn new() -> Self {
        ChunkWriter {
            chunk_size: DEFAULT_CHUNK_SIZE,
        }
    }

    pub fn chunk_size(&self) -> usize {
        self.chunk_size
    }

    /// To call once a Set Chunk Size message has been sent.
    pub fn set_chunk_size(&mut self, size: usize) {
        self.chunk_size = size.clamp(1, MAX_CHUNK_SIZE);
    }

    /// Appends `payload` as one message: a format 0 chunk, then format 3
    /// continuation chunks. `csid` must be at least 2 and at most 65599;
    /// message lengths are limited to 24 bits by the protocol.
    pub fn write(
        &self,
        out: &mut Vec<u8>,
        csid: u32,
        timestamp: u32,
        type_id: u8,
        stream_id: u32,
        payload: &[u8],
    ) {
        debug_assert!((2..=65599).contains(&csid));
        debug_assert!(payload.len() <= 0xFF_FFFF);
        let extended = timestamp >= EXTENDED_TIMESTAMP;
        put_basic_header(out, 0, csid);
        put_u24(out, timestamp.min(EXTENDED_TIMESTAMP));
        put_u24(out, payload.len() as u32);
        out.push(type_id);
        out.extend_from_slice(&stream_id.to_le_bytes());
        if extended {
            out.extend_from_slice(&timestamp.to_be_bytes());
        }
        let mut chunks = payload.chunks(self.chunk_size);
        if let Some(first) = chunks.next() {
            out.extend_from_slice(first);
        }
        for chunk in chunks {
            put_basic_header(out, 3, csid);
            if extended {
                out.extend_from_slice(&timestamp.to_be_bytes());
            }
            out.extend_from_slice(chunk);
        }
    }
}

fn put_basic_header(out: &mut Vec<u8>, fmt: u8, csid: u32) {
    let f = fmt << 6;
    match csid {
        2..=63 => out.push(f | csid as u8),
        64..=319 => out.extend_from_slice(&[f, (csid - 64) as u8]),
        _ => {
            let v = csid - 64;
            out.extend_from_slice(&[f | 1, (v & 0xff) as u8, (v >> 8) as u8]);
        }
    }
}

fn put_u24(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_be_bytes()[1..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writer_exact_bytes() {
        let mut out = Vec::new();
        ChunkWriter::new().write(&mut out, 3, 0, 20, 0, &[9u8; 130]);
        assert_eq!(&out[..12], &[0x03, 0, 0, 0, 0, 0, 130, 20, 0, 0, 0, 0]);
        assert_eq!(out[12 + 128], 0xC3);
        assert_eq!(out.len(), 12 + 128 + 1 + 2);
    }
}
