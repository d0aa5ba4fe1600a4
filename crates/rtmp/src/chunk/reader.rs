//! The receiving side: reassembling chunks, of any format and interleaved
//! across chunk streams, into messages, and applying the peer's Set Chunk
//! Size and Abort messages.

use std::collections::HashMap;

use super::{
    msg_type, ChunkError, Message, DEFAULT_CHUNK_SIZE, EXTENDED_TIMESTAMP, MAX_MESSAGE_LEN,
    MAX_PENDING_LEN,
};

fn u24(b: &[u8]) -> u32 {
    u32::from_be_bytes([0, b[0], b[1], b[2]])
}

fn u32be(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

/// The header fields remembered per chunk stream, which later chunks of
/// format 1, 2 and 3 inherit.
#[derive(Debug, Clone, Copy, Default)]
struct Header {
    timestamp: u32,
    delta: u32,
    length: u32,
    type_id: u8,
    stream_id: u32,
    /// The last header of this chunk stream used an extended timestamp, so
    /// format 3 chunks carry one too.
    extended: bool,
}

/// What is remembered per chunk stream.
#[derive(Debug, Clone, Default)]
struct StreamState {
    header: Header,
    /// Payload gathered so far of the message in progress, reserved once to
    /// the message's length when it spans several chunks.
    partial: Vec<u8>,
    in_progress: bool,
}

/// Reassembles incoming chunks into messages. Feed it bytes with
/// [`push`](Self::push) and take messages with
/// [`next_message`](Self::next_message). Set Chunk Size and Abort messages
/// are applied by the reader itself (and still returned).
///
/// Messages longer than [`MAX_MESSAGE_LEN`] are refused, as are messages in
/// progress on several chunk streams declaring more than [`MAX_PENDING_LEN`]
/// bytes together.
#[derive(Debug, Clone)]
pub struct ChunkReader {
    buf: Vec<u8>,
    pos: usize,
    chunk_size: usize,
    streams: HashMap<u32, StreamState>,
    /// Sum of the lengths of the messages in progress (what their
    /// `partial` buffers reserve).
    pending: usize,
}

impl Default for ChunkReader {
    fn default() -> Self {
        Self::new()
    }
}

impl ChunkReader {
    pub fn new() -> Self {
        ChunkReader {
            buf: Vec::new(),
            pos: 0,
            chunk_size: DEFAULT_CHUNK_SIZE,
            streams: HashMap::new(),
            pending: 0,
        }
    }

    /// The peer's chunk size currently in force.
    pub fn chunk_size(&self) -> usize {
        self.chunk_size
    }

    /// Bytes received but not yet consumed as chunks.
    pub fn buffered(&self) -> usize {
        self.buf.len() - self.pos
    }

    /// Adds received bytes.
    pub fn push(&mut self, data: &[u8]) {
        if self.pos > 0 && self.pos >= self.buf.len() / 2 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        self.buf.extend_from_slice(data);
    }

    /// The next complete message, or `None` when more bytes are needed.
    pub fn next_message(&mut self) -> Result<Option<Message>, ChunkError> {
        loop {
            match self.next_chunk()? {
                Chunk::Incomplete => return Ok(None),
                Chunk::Partial => continue,
                Chunk::Done(msg) => {
                    self.apply_control(&msg)?;
                    return Ok(Some(msg));
                }
            }
        }
    }

    fn apply_control(&mut self, msg: &Message) -> Result<(), ChunkError> {
        // Protocol control messages belong to message stream 0 (they should
        // travel on chunk stream 2, but some servers use another one).
        if msg.stream_id != 0 {
            return Ok(());
        }
        match msg.type_id {
            msg_type::SET_CHUNK_SIZE if msg.payload.len() >= 4 => {
                let size = u32be(&msg.payload) & 0x7FFF_FFFF;
                if size == 0 {
                    return Err(ChunkError::BadChunkSize(size));
                }
                self.chunk_size = size as usize;
            }
            msg_type::ABORT if msg.payload.len() >= 4 => {
                let csid = u32be(&msg.payload);
                if let Some(s) = self.streams.get_mut(&csid) {
                    if s.in_progress {
                        self.pending -= s.header.length as usize;
                    }
                    s.partial = Vec::new();
                    s.in_progress = false;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Reads one chunk if it is all there. Nothing is changed unless the
    /// whole chunk is consumed, and the payload is copied once, into the
    /// message's buffer (the stream's state is updated in place).
    fn next_chunk(&mut self) -> Result<Chunk, ChunkError> {
        let data = &self.buf[self.pos..];
        let Some(&b0) = data.first() else {
            return Ok(Chunk::Incomplete);
        };
        let fmt = b0 >> 6;
        let (csid, mut at) = match b0 & 0x3f {
            0 => match data.get(1) {
                Some(&b1) => (64 + u32::from(b1), 2),
                None => return Ok(Chunk::Incomplete),
            },
            1 => match (data.get(1), data.get(2)) {
                (Some(&b1), Some(&b2)) => (64 + u32::from(b1) + 256 * u32::from(b2), 3),
                _ => return Ok(Chunk::Incomplete),
            },
            n => (u32::from(n), 1),
        };
        let header_len = [11, 7, 3, 0][usize::from(fmt)];
        if data.len() < at + header_len {
            return Ok(Chunk::Incomplete);
        }
        let prev = self.streams.get(&csid);
        if fmt != 0 && prev.is_none() {
            return Err(ChunkError::NoPreviousHeader { fmt, csid });
        }
        let (mut hd, was_in_progress, received) = prev
            .map(|s| (s.header, s.in_progress, s.partial.len()))
            .unwrap_or_default();
        let h = &data[at..at + header_len];
        at += header_len;
        // The 24-bit timestamp or delta field, when the format has one.
        let ts_field = (fmt <= 2).then(|| u24(&h[0..3]));
        let has_extended = match ts_field {
            Some(v) => v == EXTENDED_TIMESTAMP,
            None => hd.extended,
        };
        let extended_value = if has_extended {
            if data.len() < at + 4 {
                return Ok(Chunk::Incomplete);
            }
            let v = u32be(&data[at..at + 4]);
            at += 4;
            Some(v)
        } else {
            None
        };
        let ts_or_ext = |field: u32| extended_value.unwrap_or(field);

        match fmt {
            0 => {
                hd.timestamp = ts_or_ext(u24(&h[0..3]));
                hd.delta = 0;
                hd.length = u24(&h[3..6]);
                hd.type_id = h[6];
                hd.stream_id = u32::from_le_bytes([h[7], h[8], h[9], h[10]]);
            }
            1 => {
                hd.delta = ts_or_ext(u24(&h[0..3]));
                hd.timestamp = hd.timestamp.wrapping_add(hd.delta);
                hd.length = u24(&h[3..6]);
                hd.type_id = h[6];
            }
            2 => {
                hd.delta = ts_or_ext(u24(&h[0..3]));
                hd.timestamp = hd.timestamp.wrapping_add(hd.delta);
            }
            _ => {
                if !was_in_progress {
                    // A new message with the same header as the previous one.
                    hd.timestamp = hd.timestamp.wrapping_add(hd.delta);
                }
            }
        }
        if fmt <= 2 {
            hd.extended = has_extended;
        }

        // Formats 0, 1 and 2 always start a message (dropping any message
        // in progress on the stream); format 3 continues one if there is one.
        let starts = fmt <= 2 || !was_in_progress;
        let length = hd.length as usize;
        let received = if starts { 0 } else { received };
        let mut pending = self.pending;
        if starts {
            if length > MAX_MESSAGE_LEN {
                return Err(ChunkError::MessageTooLong {
                    csid,
                    length: hd.length,
                    max: MAX_MESSAGE_LEN,
                });
            }
            if was_in_progress {
                // The message it replaces no longer needs its bytes.
                pending -= prev.map_or(0, |s| s.header.length as usize);
            }
        }
        let want = (length - received).min(self.chunk_size);
        let spans_chunks = starts && want < length;
        if spans_chunks && pending + length > MAX_PENDING_LEN {
            return Err(ChunkError::TooMuchPending {
                csid,
                max: MAX_PENDING_LEN,
            });
        }
        if data.len() < at + want {
            return Ok(Chunk::Incomplete);
        }

        // The whole chunk is here: commit.
        let payload = &data[at..at + want];
        let st = self.streams.entry(csid).or_default();
        st.header = hd;
        if starts {
            st.partial = if spans_chunks {
                pending += length;
                let mut v = Vec::with_capacity(length);
                v.extend_from_slice(payload);
                v
            } else {
                payload.to_vec()
            };
        } else {
            st.partial.extend_from_slice(payload);
        }
        self.pos += at + want;
        if st.partial.len() == length {
            if !starts {
                pending -= length;
            }
            self.pending = pending;
            st.in_progress = false;
            Ok(Chunk::Done(Message {
                csid,
                timestamp: hd.timestamp,
                type_id: hd.type_id,
                stream_id: hd.stream_id,
                payload: std::mem::take(&mut st.partial),
            }))
        } else {
            self.pending = pending;
            st.in_progress = true;
            Ok(Chunk::Partial)
        }
    }
}

enum Chunk {
    Incomplete,
    Partial,
    Done(Message),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chunk::tests::read_all;

    #[test]
    fn single_fmt0_chunk() {
        // fmt 0, csid 3, ts 0x000102, length 5, type 20, stream 1 (LE).
        let bytes = [
            0x03, 0x00, 0x01, 0x02, 0x00, 0x00, 0x05, 20, 1, 0, 0, 0, b'h', b'e', b'l', b'l', b'o',
        ];
        let msgs = read_all(&bytes);
        assert_eq!(
            msgs,
            vec![Message {
                csid: 3,
                timestamp: 0x0102,
                type_id: 20,
                stream_id: 1,
                payload: b"hello".to_vec(),
            }]
        );
    }

    #[test]
    fn fmt3_continuation_across_chunks() {
        // 200-byte message with the default chunk size of 128: 128 + 72.
        let payload: Vec<u8> = (0..200u8).collect();
        let mut bytes = vec![0x04, 0, 0, 10, 0, 0, 200, 9, 1, 0, 0, 0];
        bytes.extend_from_slice(&payload[..128]);
        bytes.push(0xC4); // fmt 3, csid 4
        bytes.extend_from_slice(&payload[128..]);
        let msgs = read_all(&bytes);
        assert_eq!(msgs.len(), 1);
        assert_eq!(msgs[0].payload, payload);
        assert_eq!(msgs[0].timestamp, 10);
        assert_eq!(msgs[0].csid, 4);
    }

    #[test]
    fn bytes_arriving_one_by_one() {
        let payload: Vec<u8> = (0..200u8).collect();
        let mut bytes = vec![0x04, 0, 0, 10, 0, 0, 200, 9, 1, 0, 0, 0];
        bytes.extend_from_slice(&payload[..128]);
        bytes.push(0xC4);
        bytes.extend_from_slice(&payload[128..]);
        let mut r = ChunkReader::new();
        let mut got = Vec::new();
        for b in &bytes {
            r.push(&[*b]);
            while let Some(m) = r.next_message().unwrap() {
                got.push(m);
            }
        }
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].payload, payload);
    }

    #[test]
    fn extended_timestamp_also_on_fmt3_continuation() {
        let ts: u32 = 0x0123_4567;
        let payload: Vec<u8> = vec![7; 150];
        let mut bytes = vec![0x05, 0xFF, 0xFF, 0xFF, 0, 0, 150, 8, 1, 0, 0, 0];
        bytes.extend_from_slice(&ts.to_be_bytes());
        bytes.extend_from_slice(&payload[..128]);
        bytes.push(0xC5);
        bytes.extend_from_slice(&ts.to_be_bytes());
        bytes.extend_from_slice(&payload[128..]);
        let msgs = read_all(&bytes);
        assert_eq!(msgs.len(), 1);
        assert_eq!(msgs[0].timestamp, ts);
        assert_eq!(msgs[0].payload, payload);
    }

    #[test]
    fn fmt1_fmt2_and_fmt3_new_message_use_deltas() {
        let mut bytes = vec![0x06, 0, 0, 100, 0, 0, 1, 8, 1, 0, 0, 0, 0xAA];
        // fmt 1: delta 20, length 2, type 9 (stream id kept).
        bytes.extend_from_slice(&[0x46, 0, 0, 20, 0, 0, 2, 9, 0xBB, 0xCC]);
        // fmt 2: delta 5 (length and type kept).
        bytes.extend_from_slice(&[0x86, 0, 0, 5, 0xDD, 0xEE]);
        // fmt 3 starting a new message: same delta again.
        bytes.extend_from_slice(&[0xC6, 0x11, 0x22]);
        let msgs = read_all(&bytes);
        let summary: Vec<(u32, u8, u32, Vec<u8>)> = msgs
            .into_iter()
            .map(|m| (m.timestamp, m.type_id, m.stream_id, m.payload))
            .collect();
        assert_eq!(
            summary,
            vec![
                (100, 8, 1, vec![0xAA]),
                (120, 9, 1, vec![0xBB, 0xCC]),
                (125, 9, 1, vec![0xDD, 0xEE]),
                (130, 9, 1, vec![0x11, 0x22]),
            ]
        );
    }

    #[test]
    fn set_chunk_size_from_the_peer_applies_to_following_chunks() {
        // Set Chunk Size 4096 on csid 2.
        let mut bytes = vec![0x02, 0, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0, 0, 0, 0x10, 0x00];
        // Then a 300-byte message in a single chunk.
        bytes.extend_from_slice(&[0x03, 0, 0, 0, 0, 0x01, 0x2C, 20, 0, 0, 0, 0]);
        bytes.extend_from_slice(&[1u8; 300]);
        let mut r = ChunkReader::new();
        r.push(&bytes);
        let first = r.next_message().unwrap().unwrap();
        assert_eq!(first.type_id, msg_type::SET_CHUNK_SIZE);
        assert_eq!(r.chunk_size(), 4096);
        let second = r.next_message().unwrap().unwrap();
        assert_eq!(second.payload.len(), 300);
        assert_eq!(r.next_message().unwrap(), None);
    }

    #[test]
    fn interleaved_chunk_streams() {
        let a: Vec<u8> = vec![0xA; 130];
        let mut bytes = vec![0x04, 0, 0, 0, 0, 0, 130, 8, 1, 0, 0, 0];
        bytes.extend_from_slice(&a[..128]);
        // A whole small message on csid 3 in between.
        bytes.extend_from_slice(&[0x03, 0, 0, 0, 0, 0, 1, 20, 0, 0, 0, 0, 0x55]);
        bytes.push(0xC4);
        bytes.extend_from_slice(&a[128..]);
        let msgs = read_all(&bytes);
        assert_eq!(msgs.len(), 2);
        assert_eq!(msgs[0].csid, 3);
        assert_eq!(msgs[1].csid, 4);
        assert_eq!(msgs[1].payload, a);
    }
    #[test]
    fn empty_message_and_abort() {
        let mut bytes = vec![0x03, 0, 0, 0, 0, 0, 0, 20, 0, 0, 0, 0];
        // Start a 200-byte message on csid 4, abort it, then a fresh one.
        bytes.extend_from_slice(&[0x04, 0, 0, 0, 0, 0, 200, 8, 1, 0, 0, 0]);
        bytes.extend_from_slice(&[0u8; 128]);
        bytes.extend_from_slice(&[0x02, 0, 0, 0, 0, 0, 4, 2, 0, 0, 0, 0, 0, 0, 0, 4]);
        bytes.extend_from_slice(&[0x04, 0, 0, 0, 0, 0, 1, 8, 1, 0, 0, 0, 0x42]);
        let msgs = read_all(&bytes);
        assert_eq!(msgs.len(), 3);
        assert!(msgs[0].payload.is_empty());
        assert_eq!(msgs[1].type_id, msg_type::ABORT);
        assert_eq!(msgs[2].payload, vec![0x42]);
    }

    #[test]
    fn errors() {
        let mut r = ChunkReader::new();
        r.push(&[0xC7, 1, 2]);
        assert_eq!(
            r.next_message(),
            Err(ChunkError::NoPreviousHeader { fmt: 3, csid: 7 })
        );
        let mut r = ChunkReader::new();
        r.push(&[0x02, 0, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(r.next_message(), Err(ChunkError::BadChunkSize(0)));
    }
}
