//! What an RTMP server sends back: the bytes pushed to `showcall_rtmp::chunk::ChunkReader` in
//! two pieces (split where the first byte says), every message read out and every AMF0
//! command/data payload decoded; the whole input is also decoded as AMF0 values
//! (`amf0::decode_all`, and `amf0::decode` one value at a time) and what decodes is encoded
//! again and must read back the same. Errors are fine; a panic, a hang or unbounded memory is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use showcall_rtmp::amf0;
use showcall_rtmp::chunk::{msg_type, ChunkReader};

fuzz_target!(|data: &[u8]| {
    // AMF0 on its own.
    if let Ok(values) = amf0::decode_all(data) {
        // What was decoded encodes, and that encoding reads back to the same values (compared
        // as bytes: a NaN number is not equal to itself).
        let once = amf0::encode_all(&values);
        let again = amf0::decode_all(&once).expect("re-encoded AMF0 decodes");
        assert_eq!(amf0::encode_all(&again), once, "AMF0 round trip");
    }
    let mut input = data;
    while !input.is_empty() {
        if amf0::decode(&mut input).is_err() {
            break;
        }
    }

    // The chunk stream, in two pushes.
    let split = data.first().map_or(0, |&b| b as usize).min(data.len());
    let (a, b) = data.split_at(split);
    let mut reader = ChunkReader::new();
    for part in [a, b] {
        reader.push(part);
        loop {
            match reader.next_message() {
                Ok(Some(m)) => {
                    if m.type_id == msg_type::COMMAND_AMF0 || m.type_id == msg_type::DATA_AMF0 {
                        let _ = amf0::decode_all(&m.payload);
                    }
                }
                Ok(None) => break,
                Err(_) => return,
            }
        }
    }
});
