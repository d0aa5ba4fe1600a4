//! What a hostile or broken server can send, and what it must not achieve:
//! AMF0 counts and nesting that would make the decoder allocate gigabytes or
//! exhaust the stack, chunked messages that would be copied quadratically or
//! buffered without bound, and bytes trickled to hold the test open past its
//! time limit.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use showcall_rtmp::amf0::{self, marker, AmfError, Value, MAX_DEPTH, MAX_VALUES};
use showcall_rtmp::chunk::{
    ChunkError, ChunkReader, ChunkWriter, MAX_MESSAGE_LEN, MAX_PENDING_LEN,
};
use showcall_rtmp::{probe, ProbeOptions, StageName};

// ------------------------------------------------------------------ helpers

/// Set in the child process that [`under_memory_limit`] starts.
const CHILD_ENV: &str = "SHOWCALL_RTMP_TEST_UNDER_MEMORY_LIMIT";
/// Address space of that child: far more than the test needs, far less than
/// what the decoder used to reserve for the bombs below (gigabytes).
const MEMORY_LIMIT_KIB: u64 = 1024 * 1024;

/// Runs `body` in this process when it is the child, or when no limit can be
/// set (not Linux); otherwise runs the test `name` again in a child process
/// whose address space is limited (`ulimit -v`), where an allocation of
/// gigabytes fails and aborts, and asserts that the child passed.
fn under_memory_limit(name: &str, body: fn()) {
    if std::env::var_os(CHILD_ENV).is_some() || !cfg!(target_os = "linux") {
        body();
        return;
    }
    let exe = std::env::current_exe().expect("path of the test binary");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_LIMIT_KIB} && exec \"$0\" \"$@\""
        ))
        .arg(exe)
        .args(["--exact", name, "--test-threads=1", "--nocapture"])
        .env(CHILD_ENV, "1")
        .output()
        .expect("run the test binary again");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "{name} under a {MEMORY_LIMIT_KIB} KiB memory limit: {}\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Nested strict arrays, each claiming as many items as there are bytes
/// after its header (the most the old count check let through), padded with
/// nulls to `total` bytes.
fn strict_array_bomb(levels: usize, total: usize) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(total);
    for _ in 0..levels {
        let count = (total - bytes.len() - 5) as u32;
        bytes.push(marker::STRICT_ARRAY);
        bytes.extend_from_slice(&count.to_be_bytes());
    }
    bytes.resize(total, marker::NULL);
    bytes
}

/// `levels` containers nested in one another, alternating ECMA arrays that
/// claim 4 294 967 295 properties and strict arrays of one item, around a
/// null.
fn nested(levels: usize) -> Vec<u8> {
    let mut bytes = Vec::new();
    for i in 0..levels {
        if i % 2 == 0 {
            bytes.push(marker::ECMA_ARRAY);
            bytes.extend_from_slice(&u32::MAX.to_be_bytes());
            bytes.extend_from_slice(&[0, 1, b'k']);
        } else {
            bytes.push(marker::STRICT_ARRAY);
            bytes.extend_from_slice(&1u32.to_be_bytes());
        }
    }
    bytes.push(marker::NULL);
    for i in (0..levels).rev() {
        if i % 2 == 0 {
            bytes.extend_from_slice(&[0, 0, marker::OBJECT_END]);
        }
    }
    bytes
}

/// A fmt 0 chunk header on chunk stream 4 starting a message of `length`
/// bytes (type 9, message stream 1), without its payload.
fn header_of_message(csid: u8, length: u32) -> Vec<u8> {
    let l = length.to_be_bytes();
    vec![csid, 0, 0, 0, l[1], l[2], l[3], 9, 1, 0, 0, 0]
}

// ------------------------------------------------------------ AMF0 decoding

#[test]
fn amf_counts_claiming_billions_fail_fast_without_large_allocations() {
    under_memory_limit(
        "amf_counts_claiming_billions_fail_fast_without_large_allocations",
        || {
            let started = Instant::now();
            // 4 MiB of data whose 70 nested strict arrays each claim ~4 million
            // items: reserving them all would take gigabytes.
            let bomb = strict_array_bomb(70, 4 << 20);
            assert_eq!(amf0::decode_all(&bomb), Err(AmfError::TooDeep));
            // The same within the depth limit, then truncated: each level
            // still claims more items than follow.
            let mut shallow = strict_array_bomb(MAX_DEPTH, 4 << 20);
            shallow.truncate(64 * 1024);
            assert_eq!(amf0::decode_all(&shallow), Err(AmfError::Truncated));
            // ECMA arrays claiming 4 billion properties, nested within the
            // limit: decoded as the properties actually there.
            let ecma = nested(MAX_DEPTH);
            let values = amf0::decode_all(&ecma).expect("a legal nesting");
            assert_eq!(values.len(), 1);
            // A strict array claiming 4 billion items in a few bytes.
            let mut claim = vec![marker::STRICT_ARRAY];
            claim.extend_from_slice(&u32::MAX.to_be_bytes());
            claim.extend_from_slice(&[marker::NULL; 16]);
            assert_eq!(amf0::decode_all(&claim), Err(AmfError::Truncated));
            assert!(
                started.elapsed() < Duration::from_secs(5),
                "took {:?}",
                started.elapsed()
            );
        },
    );
}

#[test]
fn amf_nesting_deeper_than_the_limit_is_refused() {
    assert_eq!(MAX_DEPTH, 32);
    assert!(amf0::decode_all(&nested(MAX_DEPTH)).is_ok());
    assert_eq!(
        amf0::decode_all(&nested(MAX_DEPTH + 1)),
        Err(AmfError::TooDeep)
    );
    // Objects too, and a bomb far deeper than any stack would take.
    let mut objects = Vec::new();
    for _ in 0..=MAX_DEPTH {
        objects.extend_from_slice(&[marker::OBJECT, 0, 1, b'o']);
    }
    objects.push(marker::NULL);
    assert_eq!(amf0::decode_all(&objects), Err(AmfError::TooDeep));
    let bomb = [marker::OBJECT, 0, 1, b'o'].repeat(1_000_000);
    assert_eq!(amf0::decode_all(&bomb), Err(AmfError::TooDeep));
    assert!(AmfError::TooDeep.to_string().contains("32 levels"));
}

#[test]
fn amf_values_beyond_the_limit_are_refused() {
    // One array of too many nulls, and too many values one after the other.
    let mut array = vec![marker::STRICT_ARRAY];
    array.extend_from_slice(&(MAX_VALUES as u32).to_be_bytes());
    array.resize(5 + MAX_VALUES, marker::NULL);
    assert_eq!(amf0::decode_all(&array), Err(AmfError::TooManyValues));
    let flat = vec![marker::NULL; MAX_VALUES + 1];
    assert_eq!(amf0::decode_all(&flat), Err(AmfError::TooManyValues));
    // Up to the limit, all is decoded.
    let flat = vec![marker::NULL; MAX_VALUES];
    assert_eq!(amf0::decode_all(&flat).map(|v| v.len()), Ok(MAX_VALUES));
    let mut array = vec![marker::STRICT_ARRAY];
    array.extend_from_slice(&(MAX_VALUES as u32 - 1).to_be_bytes());
    array.resize(4 + MAX_VALUES, marker::NULL);
    let decoded = amf0::decode_all(&array).unwrap();
    assert!(matches!(&decoded[..], [Value::StrictArray(items)] if items.len() == MAX_VALUES - 1));
}

// --------------------------------------------------------- chunk reassembly

#[test]
fn large_message_in_many_small_chunks_is_reassembled_byte_for_byte_and_fast() {
    // 4 MiB in 32 768 chunks of 128 bytes, arriving 16 KiB at a time as the
    // session reads them. Copying the partial message on every chunk (or
    // every read) took minutes; a single copy takes milliseconds.
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let payload: Vec<u8> = (0..4u32 << 20).map(|i| (i % 251) as u8).collect();
        let mut wire = Vec::new();
        ChunkWriter::new().write(&mut wire, 6, 1234, 9, 1, &payload);
        let mut r = ChunkReader::new();
        let mut got = Vec::new();
        for piece in wire.chunks(16 * 1024) {
            r.push(piece);
            while let Some(m) = r.next_message().unwrap() {
                got.push(m);
            }
        }
        let _ = tx.send((payload, got, r.buffered()));
    });
    let (payload, got, left) = rx
        .recv_timeout(Duration::from_secs(8))
        .expect("reassembling 4 MiB took more than 8 s");
    assert_eq!(got.len(), 1);
    assert_eq!(
        (got[0].csid, got[0].timestamp, got[0].type_id),
        (6, 1234, 9)
    );
    assert!(got[0].payload == payload, "payload differs");
    assert_eq!(left, 0);
}

#[test]
fn message_longer_than_the_limit_is_refused_from_its_header() {
    let mut r = ChunkReader::new();
    // Just the header of a message of 16 MiB − 1 bytes: refused at once,
    // without waiting for (or reserving) its payload.
    r.push(&header_of_message(4, 0xFF_FFFF));
    let err = r.next_message().unwrap_err();
    assert_eq!(
        err,
        ChunkError::MessageTooLong {
            csid: 4,
            length: 0xFF_FFFF,
            max: MAX_MESSAGE_LEN
        }
    );
    assert!(err.to_string().contains("16777215 bytes on chunk stream 4"));
    // The limit itself is accepted.
    let mut r = ChunkReader::new();
    r.push(&header_of_message(4, MAX_MESSAGE_LEN as u32));
    r.push(&[0u8; 128]);
    assert_eq!(r.next_message(), Ok(None));
}

#[test]
fn messages_in_progress_on_many_chunk_streams_are_bounded_together() {
    // Each chunk stream starts a message of the largest length accepted and
    // sends one chunk of it: the reader must not reserve the length for
    // every chunk stream the server cares to open.
    let mut r = ChunkReader::new();
    let mut refused = None;
    for csid in 3u8..60 {
        r.push(&header_of_message(csid, MAX_MESSAGE_LEN as u32));
        r.push(&[7u8; 128]);
        match r.next_message() {
            Ok(None) => {}
            Ok(Some(m)) => panic!("unexpected message {m:?}"),
            Err(e) => {
                refused = Some((csid, e));
                break;
            }
        }
    }
    let (csid, err) = refused.expect("no limit on messages in progress");
    assert_eq!(usize::from(csid - 3), MAX_PENDING_LEN / MAX_MESSAGE_LEN);
    assert_eq!(
        err,
        ChunkError::TooMuchPending {
            csid: csid.into(),
            max: MAX_PENDING_LEN
        }
    );
}

#[test]
fn aborted_and_replaced_messages_release_their_share_of_the_limit() {
    let mut r = ChunkReader::new();
    let big = MAX_MESSAGE_LEN as u32;
    for round in 0..10u8 {
        // A big message started on chunk stream 4, then replaced by a fmt 0
        // header on the same stream; one on chunk stream 5, then aborted.
        r.push(&header_of_message(4, big));
        r.push(&[round; 128]);
        r.push(&header_of_message(5, big));
        r.push(&[round; 128]);
        r.push(&[0x02, 0, 0, 0, 0, 0, 4, 2, 0, 0, 0, 0, 0, 0, 0, 5]);
        let abort = r.next_message().unwrap().expect("the Abort message");
        assert_eq!(abort.type_id, 2);
        assert_eq!(r.next_message(), Ok(None), "round {round}");
    }
    // Finish the message in progress on chunk stream 4 with a small one.
    r.push(&header_of_message(4, 3));
    r.push(b"end");
    assert_eq!(r.next_message().unwrap().unwrap().payload, b"end");
}

// ------------------------------------------------------- trickling servers

/// A loopback server that, for each connection, reads the client's C0 + C1,
/// sends `prefix` at once and then one byte of `trickle` every 100 ms
/// (repeating it) until the client goes away.
fn trickling_server(prefix: Vec<u8>, trickle: Vec<u8>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut conn) = conn else { return };
            let prefix = prefix.clone();
            let trickle = trickle.clone();
            std::thread::spawn(move || serve_trickle(&mut conn, &prefix, &trickle));
        }
    });
    port
}

fn serve_trickle(conn: &mut TcpStream, prefix: &[u8], trickle: &[u8]) {
    let mut c0c1 = vec![0u8; 1537];
    if conn.read_exact(&mut c0c1).is_err() || conn.write_all(prefix).is_err() {
        return;
    }
    // Drain whatever the client sends (C2, commands) on the side.
    if let Ok(mut rd) = conn.try_clone() {
        std::thread::spawn(move || {
            let mut sink = [0u8; 4096];
            while matches!(rd.read(&mut sink), Ok(n) if n > 0) {}
        });
    }
    for b in trickle.iter().cycle() {
        std::thread::sleep(Duration::from_millis(100));
        if conn.write_all(&[*b]).is_err() {
            return;
        }
    }
}

/// Runs a probe of `rtmp://127.0.0.1:{port}/live` with a 1 s limit and
/// checks it ends on time, failing at `stage`; returns the failing detail.
fn probe_with_one_second_limit(port: u16, stage: StageName) -> String {
    let limit = Duration::from_secs(1);
    let opts = ProbeOptions {
        timeout: limit,
        ..ProbeOptions::new(format!("rtmp://127.0.0.1:{port}/live"))
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let started = Instant::now();
    let report = rt.block_on(async {
        tokio::time::timeout(Duration::from_secs(8), probe(&opts))
            .await
            .expect("the probe ignored its time limit against a trickling server")
    });
    let elapsed = started.elapsed();
    assert!(
        elapsed < limit + Duration::from_millis(500),
        "{elapsed:?} > limit"
    );
    assert!(!report.ok);
    let last = report.stages.last().unwrap();
    assert_eq!(last.stage, stage, "{report:?}");
    assert!(!last.ok);
    last.detail.clone()
}

#[test]
fn probe_keeps_its_time_limit_against_a_server_trickling_the_handshake() {
    // S0 (version 3), then S1 one byte per 100 ms: 3 073 bytes would take
    // five minutes.
    let port = trickling_server(vec![3], vec![0x42]);
    let detail = probe_with_one_second_limit(port, StageName::Handshake);
    assert!(
        detail.contains("stopped answering in the middle of the RTMP handshake"),
        "{detail}"
    );
}

#[test]
fn probe_keeps_its_time_limit_against_a_server_trickling_after_the_handshake() {
    // A whole handshake at once (S2 not echoing C1 is tolerated), then a
    // message header declaring a 100 000-byte message whose payload comes
    // one byte per 100 ms.
    let mut prefix = vec![3u8];
    prefix.extend_from_slice(&[0u8; 2 * 1536]);
    prefix.extend_from_slice(&header_of_message(3, 100_000));
    let port = trickling_server(prefix, vec![0x42]);
    let detail = probe_with_one_second_limit(port, StageName::Connect);
    assert!(detail.contains("no answer to connect within"), "{detail}");
}
