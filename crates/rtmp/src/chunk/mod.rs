//! The RTMP chunk stream: splitting messages into chunks and putting them
//! back together.
//!
//! A chunk is a basic header (format 0–3 and chunk stream id, 1 to 3 bytes),
//! a message header of 11, 7, 3 or 0 bytes depending on the format, an
//! optional 4-byte extended timestamp, and at most `chunk size` bytes of the
//! message's payload.
//!
//! This module owns what both directions share (sizes, message and event
//! type ids, [`Message`], [`ChunkError`]); [`ChunkWriter`] splits outgoing
//! messages, [`ChunkReader`] reassembles incoming ones.

mod reader;
mod writer;

pub use reader::ChunkReader;
pub use writer::ChunkWriter;

/// Chunk size in force until a Set Chunk Size message changes it.
pub const DEFAULT_CHUNK_SIZE: usize = 128;
/// Largest chunk size allowed by the specification.
pub const MAX_CHUNK_SIZE: usize = 0x7FFF_FFFF;
/// Longest message accepted from the peer. The protocol allows 16 MiB − 1
/// (a 24-bit length); a connection test receives commands and control
/// messages of a few hundred bytes, so anything near the limit is refused
/// rather than buffered.
pub const MAX_MESSAGE_LEN: usize = 8 * 1024 * 1024;
/// Most bytes that messages still in progress, across all chunk streams,
/// may declare (and so have reserved) at once.
pub const MAX_PENDING_LEN: usize = 2 * MAX_MESSAGE_LEN;
/// Timestamps from this value up are carried in the extended timestamp field.
const EXTENDED_TIMESTAMP: u32 = 0x00FF_FFFF;

/// Message type ids.
pub mod msg_type {
    pub const SET_CHUNK_SIZE: u8 = 1;
    pub const ABORT: u8 = 2;
    pub const ACKNOWLEDGEMENT: u8 = 3;
    pub const USER_CONTROL: u8 = 4;
    pub const WINDOW_ACK_SIZE: u8 = 5;
    pub const SET_PEER_BANDWIDTH: u8 = 6;
    pub const AUDIO: u8 = 8;
    pub const VIDEO: u8 = 9;
    pub const DATA_AMF3: u8 = 15;
    pub const COMMAND_AMF3: u8 = 17;
    pub const DATA_AMF0: u8 = 18;
    pub const COMMAND_AMF0: u8 = 20;
    pub const AGGREGATE: u8 = 22;
}

/// User Control event types.
pub mod user_control {
    pub const STREAM_BEGIN: u16 = 0;
    pub const STREAM_EOF: u16 = 1;
    pub const STREAM_DRY: u16 = 2;
    pub const SET_BUFFER_LENGTH: u16 = 3;
    pub const STREAM_IS_RECORDED: u16 = 4;
    pub const PING_REQUEST: u16 = 6;
    pub const PING_RESPONSE: u16 = 7;
}

/// One whole message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Chunk stream id it arrived on.
    pub csid: u32,
    pub timestamp: u32,
    pub type_id: u8,
    pub stream_id: u32,
    pub payload: Vec<u8>,
}

/// Why the incoming bytes cannot be read as chunks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChunkError {
    #[error("chunk of format {fmt} on chunk stream {csid}, which has no previous header")]
    NoPreviousHeader { fmt: u8, csid: u32 },
    #[error("invalid Set Chunk Size value {0}")]
    BadChunkSize(u32),
    #[error(
        "message of {length} bytes on chunk stream {csid}, longer than the {max} bytes accepted"
    )]
    MessageTooLong { csid: u32, length: u32, max: usize },
    #[error(
        "messages in progress on chunk stream {csid} and others would take more than {max} bytes"
    )]
    TooMuchPending { csid: u32, max: usize },
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads every message in `bytes`, which must end on a chunk boundary.
    pub(super) fn read_all(bytes: &[u8]) -> Vec<Message> {
        let mut r = ChunkReader::new();
        r.push(bytes);
        let mut out = Vec::new();
        while let Some(m) = r.next_message().unwrap() {
            out.push(m);
        }
        assert_eq!(r.buffered(), 0);
        out
    }

    #[test]
    fn two_and_three_byte_basic_headers() {
        let w = ChunkWriter::new();
        for csid in [2u32, 63, 64, 319, 320, 65599] {
            let mut out = Vec::new();
            w.write(&mut out, csid, 5, 20, 0, b"xyz");
            let msgs = read_all(&out);
            assert_eq!(msgs.len(), 1, "csid {csid}");
            assert_eq!(msgs[0].csid, csid);
            assert_eq!(msgs[0].payload, b"xyz");
        }
    }

    #[test]
    fn writer_reader_round_trip_with_chunk_sizes_and_extended_timestamps() {
        for size in [1usize, 128, 4096] {
            for ts in [0u32, 1000, 0xFF_FFFF, 0xFFFF_FFFF] {
                let mut w = ChunkWriter::new();
                w.set_chunk_size(size);
                let payload: Vec<u8> = (0..5000u32).map(|i| i as u8).collect();
                let mut out = Vec::new();
                w.write(&mut out, 8, ts, 9, 3, &payload);
                let mut r = ChunkReader::new();
                // Tell the reader the sender's chunk size.
                let mut scs = Vec::new();
                ChunkWriter::new().write(&mut scs, 2, 0, 1, 0, &(size as u32).to_be_bytes());
                r.push(&scs);
                r.push(&out);
                assert_eq!(r.next_message().unwrap().unwrap().type_id, 1);
                let m = r.next_message().unwrap().unwrap();
                assert_eq!((m.timestamp, m.type_id, m.stream_id), (ts, 9, 3));
                assert_eq!(m.payload, payload);
                assert_eq!(r.next_message().unwrap(), None);
            }
        }
    }
}
