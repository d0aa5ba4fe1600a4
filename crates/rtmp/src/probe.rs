//! The connection test itself: resolve → tcp → tls (rtmps only) → handshake
//! → connect → publish (opt-in), each stage timed and bounded by what is
//! left of the overall time limit.

use std::fmt;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::amf0::{self, Value};
use crate::chunk::{msg_type, user_control, ChunkReader, ChunkWriter, Message};
use crate::handshake;
use crate::url::{parse_url, redact_url, Target};
use crate::REDACTED;

/// Time limit of a whole test unless the caller says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// Chunk size announced to the server before `connect`.
const OUR_CHUNK_SIZE: usize = 4096;
/// `flashVer` sent in `connect`.
const FLASH_VER: &str = "FMLE/3.0 (compatible; Showcall)";
/// How long closing the connection may take at most once the test is done.
const CLOSE_GRACE: Duration = Duration::from_secs(1);

// Chunk streams used for our messages.
const CSID_CONTROL: u32 = 2;
const CSID_COMMAND: u32 = 3;
const CSID_STREAM_COMMAND: u32 = 8;

// Transaction ids of our commands.
const TXN_CONNECT: f64 = 1.0;
const TXN_RELEASE_STREAM: f64 = 2.0;
const TXN_FC_PUBLISH: f64 = 3.0;
const TXN_CREATE_STREAM: f64 = 4.0;
const TXN_PUBLISH: f64 = 5.0;
const TXN_DELETE_STREAM: f64 = 6.0;

/// What to test.
#[derive(Clone, PartialEq, Eq)]
pub struct ProbeOptions {
    /// `rtmp://host[:port]/app[/...]` or `rtmps://...`.
    pub url: String,
    /// Stream key, used only when `publish` is set; when absent, the part of
    /// the URL after the application is used.
    pub stream_key: Option<String>,
    /// Also ask to publish (releaseStream, FCPublish, createStream,
    /// publish), then deleteStream and close. Sends no media.
    pub publish: bool,
    /// Bound of the whole test; each stage gets what remains of it.
    pub timeout: Duration,
    /// Extra trusted CA certificates (DER) for rtmps, on top of the OS ones.
    pub extra_roots: Vec<Vec<u8>>,
}

impl ProbeOptions {
    /// A test of `url` up to `connect`, with the default time limit.
    pub fn new(url: impl Into<String>) -> Self {
        ProbeOptions {
            url: url.into(),
            ..Self::default()
        }
    }
}

impl Default for ProbeOptions {
    fn default() -> Self {
        ProbeOptions {
            url: String::new(),
            stream_key: None,
            publish: false,
            timeout: DEFAULT_TIMEOUT,
            extra_roots: Vec::new(),
        }
    }
}

impl fmt::Debug for ProbeOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProbeOptions")
            .field("url", &redact_url(&self.url))
            .field("stream_key", &self.stream_key.as_ref().map(|_| REDACTED))
            .field("publish", &self.publish)
            .field("timeout", &self.timeout)
            .field("extra_roots", &self.extra_roots.len())
            .finish()
    }
}

/// One stage of the test.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Stage {
    pub stage: StageName,
    pub ok: bool,
    /// Time the stage took, in milliseconds.
    pub ms: u64,
    /// What happened, in plain English.
    pub detail: String,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum StageName {
    Resolve,
    Tcp,
    Tls,
    Handshake,
    Connect,
    Publish,
}

impl StageName {
    pub fn as_str(self) -> &'static str {
        match self {
            StageName::Resolve => "resolve",
            StageName::Tcp => "tcp",
            StageName::Tls => "tls",
            StageName::Handshake => "handshake",
            StageName::Connect => "connect",
            StageName::Publish => "publish",
        }
    }
}

impl fmt::Display for StageName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The result of a test: the stages attempted, in order, stopping at the
/// first that failed.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Report {
    /// Every attempted stage succeeded.
    pub ok: bool,
    pub stages: Vec<Stage>,
}

impl Report {
    /// The JSON form: `{"ok":…,"stages":[{"stage":"resolve","ok":…,"ms":…,"detail":"…"},…]}`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The stage that failed, if any.
    pub fn failed_stage(&self) -> Option<&Stage> {
        self.stages.iter().find(|s| !s.ok)
    }

    /// The stage of that name, if it was attempted.
    pub fn stage(&self, name: StageName) -> Option<&Stage> {
        self.stages.iter().find(|s| s.stage == name)
    }
}

/// Runs the test. Never takes (much) longer than `opts.timeout`.
pub async fn probe(opts: &ProbeOptions) -> Report {
    probe_timed(opts).await.0
}

/// Like [`probe`], also returning each stage's exact duration (same order as
/// `Report::stages`), for measurements finer than a millisecond.
pub async fn probe_timed(opts: &ProbeOptions) -> (Report, Vec<Duration>) {
    let deadline = Instant::now() + opts.timeout;
    let mut rec = Recorder::default();
    run(opts, deadline, &mut rec).await;

    // Belt and braces: no detail may carry the stream key.
    let secrets: Vec<String> = opts
        .stream_key
        .iter()
        .cloned()
        .chain(parse_url(&opts.url).ok().and_then(|t| t.playpath))
        .filter(|s| s.len() >= 3)
        .collect();
    for stage in &mut rec.stages {
        for secret in &secrets {
            if stage.detail.contains(secret.as_str()) {
                stage.detail = stage.detail.replace(secret.as_str(), REDACTED);
            }
        }
    }
    let ok = !rec.stages.is_empty() && rec.stages.iter().all(|s| s.ok);
    (
        Report {
            ok,
            stages: rec.stages,
        },
        rec.durations,
    )
}

#[derive(Default)]
struct Recorder {
    stages: Vec<Stage>,
    durations: Vec<Duration>,
}

impl Recorder {
    /// Records a stage started at `started`; returns the value on success.
    fn record<T>(
        &mut self,
        stage: StageName,
        started: Instant,
        result: Result<(T, String), String>,
    ) -> Option<T> {
        let elapsed = started.elapsed();
        let (ok, detail, value) = match result {
            Ok((v, detail)) => (true, detail, Some(v)),
            Err(detail) => (false, detail, None),
        };
        self.stages.push(Stage {
            stage,
            ok,
            ms: elapsed.as_millis() as u64,
            detail,
        });
        self.durations.push(elapsed);
        value
    }
}

/// Anything a session can run over: a TCP stream or a TLS stream.
trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

fn remaining(deadline: Instant) -> Duration {
    deadline.saturating_duration_since(Instant::now())
}

fn ms(d: Duration) -> u128 {
    d.as_millis()
}

async fn until<F: std::future::Future>(deadline: Instant, f: F) -> Option<F::Output> {
    tokio::time::timeout_at(tokio::time::Instant::from_std(deadline), f)
        .await
        .ok()
}

async fn run(opts: &ProbeOptions, deadline: Instant, rec: &mut Recorder) {
    // ------------------------------------------------------------ resolve
    let t = Instant::now();
    let target = match parse_url(&opts.url) {
        Ok(target) => target,
        Err(e) => {
            rec.record::<()>(StageName::Resolve, t, Err(format!("invalid URL: {e}")));
            return;
        }
    };
    let res = resolve(&target, deadline).await;
    let Some(addrs) = rec.record(StageName::Resolve, t, res) else {
        return;
    };

    // ---------------------------------------------------------------- tcp
    let t = Instant::now();
    let res = connect_tcp(&addrs, deadline).await;
    let Some(tcp) = rec.record(StageName::Tcp, t, res) else {
        return;
    };

    // ---------------------------------------------------------------- tls
    let mut io: Box<dyn Io> = if target.tls {
        let t = Instant::now();
        let res = start_tls(tcp, &target, &opts.extra_roots, deadline).await;
        match rec.record(StageName::Tls, t, res) {
            Some(tls) => tls,
            None => return,
        }
    } else {
        Box::new(tcp)
    };

    // ---------------------------------------------------------- handshake
    let t = Instant::now();
    let res = rtmp_handshake(&mut io, deadline).await;
    if rec.record(StageName::Handshake, t, res).is_none() {
        return;
    }

    // ------------------------------------------------------------ connect
    let mut session = Session::new(io);
    let t = Instant::now();
    let res = connect(&mut session, &target, deadline).await;
    if rec.record(StageName::Connect, t, res).is_none() {
        return;
    }

    // ------------------------------------------------------------ publish
    let mut stream_id = None;
    if opts.publish {
        let t = Instant::now();
        let key = opts
            .stream_key
            .clone()
            .filter(|k| !k.is_empty())
            .or_else(|| target.playpath.clone());
        let res = match key {
            Some(key) => publish(&mut session, &key, deadline).await,
            None => Err(
                "no stream key given (set a stream key, or put it in the URL \
                         after the application)"
                    .to_string(),
            ),
        };
        match rec.record(StageName::Publish, t, res) {
            Some(id) => stream_id = Some(id),
            None => return,
        }
    }

    // -------------------------------------------------------------- close
    session.close(stream_id, deadline).await;
}

// ====================================================================
// resolve, tcp, tls, handshake
// ====================================================================

async fn resolve(target: &Target, deadline: Instant) -> Result<(Vec<SocketAddr>, String), String> {
    let host = &target.host;
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok((
            vec![SocketAddr::new(ip, target.port)],
            format!("{ip} (an IP address, no lookup needed)"),
        ));
    }
    let budget = remaining(deadline);
    match until(
        deadline,
        tokio::net::lookup_host((host.as_str(), target.port)),
    )
    .await
    {
        None => Err(format!(
            "DNS lookup of '{host}' timed out after {} ms",
            ms(budget)
        )),
        Some(Err(e)) => Err(format!("could not resolve host '{host}' ({e})")),
        Some(Ok(found)) => {
            let mut addrs: Vec<SocketAddr> = Vec::new();
            for a in found {
                if !addrs.contains(&a) {
                    addrs.push(a);
                }
            }
            if addrs.is_empty() {
                return Err(format!("host '{host}' has no address"));
            }
            let list: Vec<String> = addrs.iter().map(|a| a.ip().to_string()).collect();
            Ok((addrs, format!("{host} → {}", list.join(", "))))
        }
    }
}

/// Tries each address in turn, giving each an equal share of the time left.
async fn connect_tcp(
    addrs: &[SocketAddr],
    deadline: Instant,
) -> Result<(TcpStream, String), String> {
    let mut failures: Vec<String> = Vec::new();
    for (i, addr) in addrs.iter().enumerate() {
        let left = remaining(deadline);
        if left.is_zero() {
            break;
        }
        let share = left / (addrs.len() - i) as u32;
        let attempt_deadline = Instant::now() + share;
        match until(attempt_deadline, TcpStream::connect(addr)).await {
            Some(Ok(stream)) => {
                let _ = stream.set_nodelay(true);
                let mut detail = format!("connected to {addr}");
                if !failures.is_empty() {
                    detail.push_str(&format!(" (after: {})", failures.join("; ")));
                }
                return Ok((stream, detail));
            }
            Some(Err(e)) => failures.push(describe_connect_error(&e, addr)),
            None => failures.push(format!(
                "timed out after {} ms connecting to {addr}",
                ms(share)
            )),
        }
    }
    if failures.is_empty() {
        failures.push("no time left to connect (time limit reached)".to_string());
    }
    Err(failures.join("; "))
}

fn describe_connect_error(e: &io::Error, addr: &SocketAddr) -> String {
    match e.kind() {
        io::ErrorKind::ConnectionRefused => {
            format!("connection refused by {addr} (nothing is listening on that port?)")
        }
        io::ErrorKind::TimedOut => format!("timed out connecting to {addr}"),
        io::ErrorKind::HostUnreachable => format!("host {addr} is unreachable"),
        io::ErrorKind::NetworkUnreachable => format!("network unreachable for {addr}"),
        io::ErrorKind::AddrNotAvailable => format!("address {addr} is not available here"),
        _ => format!("could not connect to {addr}: {e}"),
    }
}

/// A plain-words description of an I/O error; `context` such as "during the
/// TLS handshake" is appended.
pub(crate) fn describe_io(e: &io::Error, context: &str) -> String {
    match e.kind() {
        io::ErrorKind::ConnectionReset => format!("the server reset the connection {context}"),
        io::ErrorKind::ConnectionAborted => format!("the connection was aborted {context}"),
        io::ErrorKind::BrokenPipe | io::ErrorKind::UnexpectedEof => {
            format!("the server closed the connection {context}")
        }
        io::ErrorKind::TimedOut => format!("the connection timed out {context}"),
        _ => format!("network error {context}: {e}"),
    }
}

async fn start_tls(
    tcp: TcpStream,
    target: &Target,
    extra_roots: &[Vec<u8>],
    deadline: Instant,
) -> Result<(Box<dyn Io>, String), String> {
    let host = &target.host;
    let config = crate::tls::client_config(extra_roots)?;
    let server_name = rustls_pki_types::ServerName::try_from(host.clone())
        .map_err(|_| format!("'{host}' is not a valid name for TLS"))?;
    let connector = tokio_rustls::TlsConnector::from(config);
    let budget = remaining(deadline);
    match until(deadline, connector.connect(server_name, tcp)).await {
        None => Err(format!(
            "no TLS answer from the server within {} ms (is this a plain rtmp:// port?)",
            ms(budget)
        )),
        Some(Err(e)) => Err(crate::tls::describe_error(&e, host)),
        Some(Ok(stream)) => {
            let (_, conn) = stream.get_ref();
            let version = match conn.protocol_version() {
                Some(rustls::ProtocolVersion::TLSv1_3) => "TLS 1.3".to_string(),
                Some(rustls::ProtocolVersion::TLSv1_2) => "TLS 1.2".to_string(),
                Some(v) => format!("{v:?}"),
                None => "TLS".to_string(),
            };
            let suite = conn
                .negotiated_cipher_suite()
                .map(|s| format!(", {:?}", s.suite()))
                .unwrap_or_default();
            Ok((
                Box::new(stream),
                format!("{version}{suite}, certificate valid for '{host}'"),
            ))
        }
    }
}

async fn rtmp_handshake(io: &mut Box<dyn Io>, deadline: Instant) -> Result<((), String), String> {
    let mut progress = handshake::Progress::default();
    let budget = remaining(deadline);
    let res = until(deadline, handshake::perform(io, &mut progress)).await;
    match res {
        None if progress.received == 0 => Err(format!(
            "no answer from the server within {} ms",
            ms(budget)
        )),
        None => Err(format!(
            "the server stopped answering in the middle of the RTMP handshake \
             ({} of {} bytes received within {} ms)",
            progress.received,
            handshake::SERVER_HANDSHAKE_LEN,
            ms(budget)
        )),
        Some(Err(e)) => Err(e.describe()),
        Some(Ok(info)) => {
            let mut detail = "RTMP version 3 handshake done".to_string();
            if !info.echo_ok {
                detail.push_str(" (the server's S2 does not echo C1; tolerated)");
            }
            Ok(((), detail))
        }
    }
}

// ====================================================================
// RTMP session: chunked messages and commands
// ====================================================================

enum SessionError {
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

/// A decoded command message.
struct Command {
    name: String,
    txn: f64,
    /// Values after the transaction id (command object, then arguments).
    args: Vec<Value>,
}

impl Command {
    /// The info object (the one with a `code`), if any.
    fn info(&self) -> Option<&Value> {
        self.args.iter().find(|v| v.get("code").is_some())
    }

    fn code(&self) -> Option<&str> {
        self.info()?.get("code")?.as_str()
    }

    /// "code: description" or whatever part of it is there.
    fn status_text(&self) -> Option<String> {
        let info = self.info()?;
        let code = info.get("code").and_then(Value::as_str).unwrap_or_default();
        let desc = info
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or_default();
        Some(match (code.is_empty(), desc.is_empty()) {
            (false, false) => format!("{code}: {desc}"),
            (false, true) => code.to_string(),
            (true, false) => desc.to_string(),
            (true, true) => return None,
        })
    }
}

struct Session {
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
    fn new(io: Box<dyn Io>) -> Self {
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

    async fn send_command(
        &mut self,
        csid: u32,
        stream_id: u32,
        values: &[Value],
    ) -> Result<(), SessionError> {
        let body = amf0::encode_all(values);
        self.send(csid, msg_type::COMMAND_AMF0, stream_id, &body)
            .await
    }

    async fn set_chunk_size(&mut self, size: usize) -> Result<(), SessionError> {
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
    async fn next_command(&mut self) -> Result<Command, SessionError> {
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
    async fn close(mut self, stream_id: Option<u32>, deadline: Instant) {
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

// ====================================================================
// connect and publish
// ====================================================================

async fn connect(
    s: &mut Session,
    target: &Target,
    deadline: Instant,
) -> Result<((), String), String> {
    let budget = remaining(deadline);
    let command_object = Value::object([
        ("app", Value::str(target.connect_app())),
        ("flashVer", Value::str(FLASH_VER)),
        ("tcUrl", Value::str(target.tc_url.clone())),
        ("type", Value::str("nonprivate")),
        ("fpad", Value::Boolean(false)),
        ("capabilities", Value::Number(15.0)),
        ("audioCodecs", Value::Number(3575.0)),
        ("videoCodecs", Value::Number(252.0)),
        ("videoFunction", Value::Number(1.0)),
    ]);
    let exchange = async {
        s.set_chunk_size(OUR_CHUNK_SIZE).await?;
        s.send_command(
            CSID_COMMAND,
            0,
            &[
                Value::str("connect"),
                Value::Number(TXN_CONNECT),
                command_object,
            ],
        )
        .await?;
        loop {
            let cmd = s.next_command().await?;
            if cmd.txn == TXN_CONNECT && (cmd.name == "_result" || cmd.name == "_error") {
                return Ok::<Command, SessionError>(cmd);
            }
        }
    };
    match until(deadline, exchange).await {
        None => Err(format!("no answer to connect within {} ms", ms(budget))),
        Some(Err(SessionError::Closed)) => Err(format!(
            "server closed the connection after connect: application '{}' not found?",
            target.app
        )),
        Some(Err(SessionError::Io(e))) => Err(describe_io(&e, "after connect")),
        Some(Err(SessionError::Protocol(m))) => Err(m),
        Some(Ok(cmd)) if cmd.name == "_result" => {
            let mut detail = cmd
                .code()
                .unwrap_or("NetConnection.Connect.Success")
                .to_string();
            if let Some(ver) = cmd
                .args
                .first()
                .and_then(|o| o.get("fmsVer"))
                .and_then(Value::as_str)
            {
                detail.push_str(&format!(" (server {ver})"));
            }
            Ok(((), detail))
        }
        Some(Ok(cmd)) => Err(format!(
            "connect refused: {}",
            cmd.status_text()
                .unwrap_or_else(|| "the server answered _error without a reason".to_string())
        )),
    }
}

/// How a publish attempt ended, when not with success.
enum PublishFail {
    Session(SessionError),
    Refused(String),
}

impl From<SessionError> for PublishFail {
    fn from(e: SessionError) -> Self {
        PublishFail::Session(e)
    }
}

fn is_refusal(code: &str, level: &str) -> bool {
    level == "error"
        || ["BadName", "Rejected", "Failed", "Denied", "Unauthorized"]
            .iter()
            .any(|w| code.contains(w))
}

async fn publish(s: &mut Session, key: &str, deadline: Instant) -> Result<(u32, String), String> {
    let budget = remaining(deadline);
    // Which step we are at, for messages; kept outside the timed future.
    let mut step = "releaseStream";
    let exchange = async {
        s.send_command(
            CSID_COMMAND,
            0,
            &[
                Value::str("releaseStream"),
                Value::Number(TXN_RELEASE_STREAM),
                Value::Null,
                Value::str(key),
            ],
        )
        .await?;
        step = "FCPublish";
        s.send_command(
            CSID_COMMAND,
            0,
            &[
                Value::str("FCPublish"),
                Value::Number(TXN_FC_PUBLISH),
                Value::Null,
                Value::str(key),
            ],
        )
        .await?;
        step = "createStream";
        s.send_command(
            CSID_COMMAND,
            0,
            &[
                Value::str("createStream"),
                Value::Number(TXN_CREATE_STREAM),
                Value::Null,
            ],
        )
        .await?;
        let stream_id = loop {
            let cmd = s.next_command().await?;
            if cmd.txn != TXN_CREATE_STREAM {
                continue;
            }
            if cmd.name == "_result" {
                let id = cmd.args.iter().find_map(Value::as_f64).unwrap_or(1.0);
                break id.max(0.0) as u32;
            }
            if cmd.name == "_error" {
                return Err(PublishFail::Refused(format!(
                    "createStream refused: {}",
                    cmd.status_text()
                        .unwrap_or_else(|| "no reason given".into())
                )));
            }
        };
        step = "publish";
        s.send_command(
            CSID_STREAM_COMMAND,
            stream_id,
            &[
                Value::str("publish"),
                Value::Number(TXN_PUBLISH),
                Value::Null,
                Value::str(key),
                Value::str("live"),
            ],
        )
        .await?;
        loop {
            let cmd = s.next_command().await?;
            match cmd.name.as_str() {
                "onStatus" => {
                    let code = cmd.code().unwrap_or_default().to_string();
                    let level = cmd
                        .info()
                        .and_then(|i| i.get("level"))
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string();
                    if code == "NetStream.Publish.Start" {
                        return Ok((stream_id, code));
                    }
                    if is_refusal(&code, &level) {
                        return Err(PublishFail::Refused(format!(
                            "publish refused: stream key rejected ({})",
                            cmd.status_text().unwrap_or(code)
                        )));
                    }
                }
                "_error" if cmd.txn == TXN_PUBLISH || cmd.txn == 0.0 => {
                    let why = cmd
                        .status_text()
                        .map(|t| format!(" ({t})"))
                        .unwrap_or_default();
                    return Err(PublishFail::Refused(format!(
                        "publish refused: stream key rejected{why}"
                    )));
                }
                _ => {}
            }
        }
    };
    let res = until(deadline, exchange).await;
    match res {
        None => Err(format!("no answer to {step} within {} ms", ms(budget))),
        Some(Ok((id, code))) => Ok((id, format!("{code} (stream id {id})"))),
        Some(Err(PublishFail::Refused(m))) => Err(m),
        Some(Err(PublishFail::Session(SessionError::Closed))) if step == "publish" => {
            Err("publish refused: stream key rejected (the server closed the connection)".into())
        }
        Some(Err(PublishFail::Session(SessionError::Closed))) => {
            Err(format!("the server closed the connection after {step}"))
        }
        Some(Err(PublishFail::Session(SessionError::Io(e)))) => {
            Err(describe_io(&e, &format!("after {step}")))
        }
        Some(Err(PublishFail::Session(SessionError::Protocol(m)))) => Err(m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_debug_redacts_the_key() {
        let opts = ProbeOptions {
            url: "rtmp://h/live/url-secret-key".into(),
            stream_key: Some("option-secret-key".into()),
            publish: true,
            ..ProbeOptions::default()
        };
        let dbg = format!("{opts:?}");
        assert!(!dbg.contains("url-secret-key"), "{dbg}");
        assert!(!dbg.contains("option-secret-key"), "{dbg}");
        assert!(dbg.contains("rtmp://h/live/"));
    }

    #[test]
    fn defaults() {
        let o = ProbeOptions::new("rtmp://h/a");
        assert_eq!(o.timeout, Duration::from_secs(10));
        assert!(!o.publish);
        assert!(o.stream_key.is_none());
    }

    #[test]
    fn report_json_shape() {
        let r = Report {
            ok: false,
            stages: vec![Stage {
                stage: StageName::Tcp,
                ok: false,
                ms: 3,
                detail: "connection refused".into(),
            }],
        };
        assert_eq!(
            r.to_json(),
            r#"{"ok":false,"stages":[{"stage":"tcp","ok":false,"ms":3,"detail":"connection refused"}]}"#
        );
        let back: Report = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(back, r);
        assert_eq!(r.failed_stage().map(|s| s.stage), Some(StageName::Tcp));
    }

    #[tokio::test]
    async fn invalid_url_fails_resolve() {
        let r = probe(&ProbeOptions::new("http://example.com/live")).await;
        assert!(!r.ok);
        assert_eq!(r.stages.len(), 1);
        assert_eq!(r.stages[0].stage, StageName::Resolve);
        assert!(r.stages[0].detail.contains("invalid URL"));
        assert!(r.stages[0].detail.contains("rtmp://"));
    }

    #[test]
    fn refusal_codes() {
        assert!(is_refusal("NetStream.Publish.BadName", "error"));
        assert!(is_refusal("NetStream.Publish.Denied", "status"));
        assert!(!is_refusal("NetStream.Publish.Start", "status"));
    }
}
