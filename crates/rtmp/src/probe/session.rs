//! The RTMP session after the handshake: chunked messages over the
//! connection, the protocol control messages handled on the way
//! (acknowledgements, window size, ping), commands in and out, and the
//! closing.

use std::io;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::command::{Command, TXN_DELETE_STREAM};
use super::deadline::until;
use super::Io;
use crate::amf0::{self, Value};
use crate::chunk::{msg_type, user_control, ChunkReader, ChunkWriter, Message};

/// How long closing the connection may take at most once the test is done.
const CLOSE_GRACE: Duration = Duration::from_secs(1);

// Chunk streams used for our messages.
pub(super) const CSID_CONTROL: u32 = 2;
pub(super) const CSID_COMMAND: u32 = 3;
pub(super) const CSID_STREAM_COMMAND: u32 = 8;

/// Why an exchange with the server stopped.
pub(super) enum SessionError {
    /// The server closed (or reset) the connection.
    Closed,
    Io(io::Error),
    /// The server sent something unreadable.
    Protocol(String),
}

impl From<io::Error> for SessionError {
    fn from(e: io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::UnexpectedEof
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::BrokenPipe => SessionError::Closed,
            _ => SessionError::Io(e),
        }
    }
}

/// An RTMP session over a connection whose handshake is done.
pub(super) struct Session {
    io: Box<dyn Io>,
    reader: ChunkReader,
    writer: ChunkWriter,
    out: Vec<u8>,
    rbuf: Box<[u8]>,
    /// Bytes received since the end of the handshake.
    bytes_in: u64,
    /// `bytes_in` at the last Acknowledgement we sent.
    acked: u64,
    /// Window Acknowledgement Size set by the server (0 = none).
    ack_window: u32,
    /// Window Acknowledgement Size we announced, if any.
    our_window: Option<u32>,
}

impl Session {
    pub(super) fn new(io: Box<dyn Io>) -> Self {
        Session {
            io,
            reader: ChunkReader::new(),
            writer: ChunkWriter::new(),
            out: Vec::with_capacity(1024),
            rbuf: vec![0u8; 16 * 1024].into_boxed_slice(),
            bytes_in: 0,
            acked: 0,
            ack_window: 0,
            our_window: None,
        }
    }

    async fn send(
        &mut self,
        csid: u32,
        type_id: u8,
        stream_id: u32,
        payload: &[u8],
    ) -> Result<(), SessionError> {
        self.out.clear();
        self.writer
            .write(&mut self.out, csid, 0, type_id, stream_id, payload);
        self.io.write_all(&self.out).await?;
        self.io.flush().await?;
        Ok(())
    }

    pub(super) async fn send_command(
        &mut self,
        csid: u32,
        stream_id: u32,
        values: &[Value],
    ) -> Result<(), SessionError> {
        let body = amf0::encode_all(values);
        self.send(csid, msg_type::COMMAND_AMF0, stream_id, &body)
            .await
    }

    pub(super) async fn set_chunk_size(&mut self, size: usize) -> Result<(), SessionError> {
        self.send(
            CSID_CONTROL,
            msg_type::SET_CHUNK_SIZE,
            0,
            &(size as u32).to_be_bytes(),
        )
        .await?;
        self.writer.set_chunk_size(size);
        Ok(())
    }

    /// The next message, after handling protocol control messages.
    async fn read_message(&mut self) -> Result<Message, SessionError> {
        loop {
            match self.reader.next_message() {
                Ok(Some(msg)) => {
                    self.handle_control(&msg).await?;
                    return Ok(msg);
                }
                Ok(None) => {}
                Err(e) => {
                    return Err(SessionError::Protocol(format!(
                        "the server sent unreadable RTMP data ({e})"
                    )))
                }
            }
            let n = self.io.read(&mut self.rbuf).await?;
            if n == 0 {
                return Err(SessionError::Closed);
            }
            self.bytes_in += n as u64;
            self.reader.push(&self.rbuf[..n]);
            if self.ack_window > 0 && self.bytes_in - self.acked >= u64::from(self.ack_window) {
                self.acked = self.bytes_in;
                let seq = (self.bytes_in & 0xFFFF_FFFF) as u32;
                self.send(
                    CSID_CONTROL,
                    msg_type::ACKNOWLEDGEMENT,
                    0,
                    &seq.to_be_bytes(),
                )
                .await?;
            }
        }
    }

    async fn handle_control(&mut self, msg: &Message) -> Result<(), SessionError> {
        let p = &msg.payload;
        match msg.type_id {
            msg_type::WINDOW_ACK_SIZE if p.len() >= 4 => {
                self.ack_window = u32::from_be_bytes([p[0], p[1], p[2], p[3]]);
            }
            msg_type::SET_PEER_BANDWIDTH if p.len() >= 4 => {
                // Answer with a Window Acknowledgement Size of the same value
                // unless already announced.
                let size = u32::from_be_bytes([p[0], p[1], p[2], p[3]]);
                if self.our_window != Some(size) {
                    self.our_window = Some(size);
                    self.send(
                        CSID_CONTROL,
                        msg_type::WINDOW_ACK_SIZE,
                        0,
                        &size.to_be_bytes(),
                    )
                    .await?;
                }
            }
            msg_type::USER_CONTROL if p.len() >= 6 => {
                let event = u16::from_be_bytes([p[0], p[1]]);
                if event == user_control::PING_REQUEST {
                    let mut pong = user_control::PING_RESPONSE.to_be_bytes().to_vec();
                    pong.extend_from_slice(&p[2..6]);
                    self.send(CSID_CONTROL, msg_type::USER_CONTROL, 0, &pong)
                        .await?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The next command message (AMF0, or AMF3-wrapped AMF0).
    pub(super) async fn next_command(&mut self) -> Result<Command, SessionError> {
        loop {
            let msg = self.read_message().await?;
            let body = match msg.type_id {
                msg_type::COMMAND_AMF0 => &msg.payload[..],
                msg_type::COMMAND_AMF3 if !msg.payload.is_empty() => &msg.payload[1..],
                _ => continue,
            };
            let mut values = amf0::decode_all(body).map_err(|e| {
                SessionError::Protocol(format!("the server sent an unreadable command ({e})"))
            })?;
            if values.is_empty() {
                continue;
            }
            let rest = values.split_off(1.min(values.len()));
            let name = values[0].as_str().unwrap_or_default().to_string();
            let txn = rest.first().and_then(Value::as_f64).unwrap_or(0.0);
            let args = rest.into_iter().skip(1).collect();
            return Ok(Command { name, txn, args });
        }
    }

    /// deleteStream (after a publish) and a clean shutdown, bounded by a
    /// short grace period and the deadline. Errors are of no interest here.
    pub(super) async fn close(mut self, stream_id: Option<u32>, deadline: Instant) {
        let bound = deadline.min(Instant::now() + CLOSE_GRACE);
        let _ = until(bound, async {
            if let Some(id) = stream_id {
                let _ = self
                    .send_command(
                        CSID_COMMAND,
                        0,
                        &[
                            Value::str("deleteStream"),
                            Value::Number(TXN_DELETE_STREAM),
                            Value::Null,
                            Value::Number(f64::from(id)),
                        ],
                    )
                    .await;
            }
            let _ = self.io.shutdown().await;
        })
        .await;
    }
}
