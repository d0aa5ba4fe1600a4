//! A private nginx for the integration tests and the benchmark: nginx-rtmp
//! (application `live`, publishing allowed only for the key
//! [`RIGHT_KEY`] through an `on_publish` HTTP check), an HTTP server (which
//! also serves as "an endpoint that speaks HTTP, not RTMP") and a TLS front
//! (the stream module) with a self-signed certificate for `localhost`,
//! proxying to the RTMP port. Everything listens on free loopback ports and
//! lives in a temporary directory; nginx is killed on drop.
//!
//! Shared by `tests/nginx.rs` and `benches/probe.rs` (through `#[path]`).

#![allow(dead_code)]

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const NGINX: &str = "/usr/sbin/nginx";
pub const RTMP_MODULE: &str = "/usr/lib/nginx/modules/ngx_rtmp_module.so";
pub const STREAM_MODULE: &str = "/usr/lib/nginx/modules/ngx_stream_module.so";
/// The only stream key the `on_publish` check accepts.
pub const RIGHT_KEY: &str = "the-right-key";

const INSTALL_HINT: &str = "install them with: apt-get install nginx-light libnginx-mod-rtmp \
                            libnginx-mod-stream openssl";

pub struct Nginx {
    pub rtmp_port: u16,
    pub http_port: u16,
    pub tls_port: u16,
    /// The TLS front's certificate (DER), to pass as an extra trusted root.
    pub cert_der: Vec<u8>,
    pub dir: tempfile::TempDir,
    child: Child,
}

/// Panics (so that tests fail, not pass) when nginx or its modules are missing.
pub fn require_nginx() {
    let missing: Vec<&str> = [NGINX, RTMP_MODULE, STREAM_MODULE]
        .into_iter()
        .filter(|p| !Path::new(p).exists())
        .collect();
    assert!(
        missing.is_empty(),
        "nginx with the RTMP and stream modules is needed for these tests, but {} \
         is missing; {INSTALL_HINT}",
        missing.join(", ")
    );
}

/// Free loopback ports, distinct from each other.
pub fn free_ports<const N: usize>() -> [u16; N] {
    let listeners: Vec<TcpListener> = (0..N)
        .map(|_| TcpListener::bind("127.0.0.1:0").expect("bind a loopback port"))
        .collect();
    let mut ports = [0u16; N];
    for (p, l) in ports.iter_mut().zip(&listeners) {
        *p = l.local_addr().unwrap().port();
    }
    ports
}

fn run(cmd: &mut Command, what: &str) {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("could not run {what} ({e}); {INSTALL_HINT}"));
    assert!(
        out.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A self-signed certificate for `localhost` (SAN DNS:localhost, not a CA),
/// made with the openssl command; returns its DER form. The subject's CN is
/// distinctive so that no CA of the machine's store (some have a
/// "CN=localhost" one) passes for its issuer.
fn make_certificate(dir: &Path) -> Vec<u8> {
    let cnf = dir.join("openssl.cnf");
    std::fs::write(
        &cnf,
        "[req]\n\
         distinguished_name = dn\n\
         x509_extensions = v3\n\
         prompt = no\n\
         [dn]\n\
         CN = Showcall test server\n\
         [v3]\n\
         basicConstraints = critical, CA:FALSE\n\
         subjectAltName = DNS:localhost\n\
         keyUsage = critical, digitalSignature, keyEncipherment\n\
         extendedKeyUsage = serverAuth\n",
    )
    .unwrap();
    run(
        Command::new("openssl")
            .args(["req", "-x509", "-newkey", "ec", "-pkeyopt"])
            .args(["ec_paramgen_curve:prime256v1", "-nodes", "-days", "2"])
            .arg("-config")
            .arg(&cnf)
            .arg("-keyout")
            .arg(dir.join("key.pem"))
            .arg("-out")
            .arg(dir.join("cert.pem")),
        "openssl req",
    );
    run(
        Command::new("openssl")
            .args(["x509", "-outform", "DER", "-in"])
            .arg(dir.join("cert.pem"))
            .arg("-out")
            .arg(dir.join("cert.der")),
        "openssl x509",
    );
    std::fs::read(dir.join("cert.der")).unwrap()
}

fn config(dir: &Path, rtmp: u16, http: u16, tls: u16) -> String {
    let d = dir.display();
    format!(
        r#"load_module {RTMP_MODULE};
load_module {STREAM_MODULE};
daemon off;
master_process off;
worker_processes 1;
pid {d}/nginx.pid;
error_log {d}/error.log info;
events {{ worker_connections 256; }}

rtmp {{
    access_log {d}/rtmp_access.log;
    server {{
        listen 127.0.0.1:{rtmp};
        application live {{
            live on;
            notify_method get;
            on_publish http://127.0.0.1:{http}/on_publish;
        }}
    }}
}}

http {{
    access_log {d}/http_access.log;
    client_body_temp_path {d}/tmp_body;
    proxy_temp_path {d}/tmp_proxy;
    fastcgi_temp_path {d}/tmp_fastcgi;
    uwsgi_temp_path {d}/tmp_uwsgi;
    scgi_temp_path {d}/tmp_scgi;
    server {{
        listen 127.0.0.1:{http};
        location /on_publish {{
            if ($arg_name = "{RIGHT_KEY}") {{ return 200; }}
            return 403;
        }}
        location / {{ return 200 "hello"; }}
    }}
}}

stream {{
    server {{
        listen 127.0.0.1:{tls} ssl;
        ssl_certificate {d}/cert.pem;
        ssl_certificate_key {d}/key.pem;
        proxy_pass 127.0.0.1:{rtmp};
    }}
}}
"#
    )
}

fn accepts(port: u16) -> bool {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok()
}

impl Nginx {
    /// Starts nginx and waits until its three ports accept connections.
    /// Retries on fresh ports when one was taken in the meantime.
    pub fn start() -> Nginx {
        require_nginx();
        let dir = tempfile::Builder::new()
            .prefix("showcall-rtmp-nginx-")
            .tempdir()
            .expect("temporary directory");
        let cert_der = make_certificate(dir.path());
        let mut last_log = String::new();
        for _attempt in 0..5 {
            let [rtmp_port, http_port, tls_port] = free_ports::<3>();
            let conf = dir.path().join("nginx.conf");
            std::fs::write(&conf, config(dir.path(), rtmp_port, http_port, tls_port)).unwrap();
            let _ = std::fs::remove_file(dir.path().join("error.log"));
            let mut prefix = dir.path().as_os_str().to_owned();
            prefix.push("/");
            let stderr = std::fs::File::create(dir.path().join("stderr.log")).unwrap();
            let mut child = Command::new(NGINX)
                .arg("-p")
                .arg(&prefix)
                .arg("-c")
                .arg(&conf)
                .arg("-e")
                .arg(dir.path().join("error.log"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(stderr)
                .spawn()
                .unwrap_or_else(|e| panic!("could not start {NGINX} ({e}); {INSTALL_HINT}"));
            let started = Instant::now();
            loop {
                if let Ok(Some(status)) = child.try_wait() {
                    last_log = format!(
                        "nginx exited with {status}\nerror.log:\n{}\nstderr:\n{}",
                        read(dir.path().join("error.log")),
                        read(dir.path().join("stderr.log"))
                    );
                    break;
                }
                if [rtmp_port, http_port, tls_port].into_iter().all(accepts) {
                    return Nginx {
                        rtmp_port,
                        http_port,
                        tls_port,
                        cert_der,
                        dir,
                        child,
                    };
                }
                if started.elapsed() > Duration::from_secs(10) {
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!(
                        "nginx did not open its ports within 10 s\nerror.log:\n{}",
                        read(dir.path().join("error.log"))
                    );
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            if !last_log.contains("Address already in use") {
                break;
            }
        }
        panic!("nginx did not start:\n{last_log}");
    }

    pub fn rtmp_url(&self, app: &str) -> String {
        format!("rtmp://127.0.0.1:{}/{app}", self.rtmp_port)
    }

    pub fn rtmps_url(&self, host: &str, app: &str) -> String {
        format!("rtmps://{host}:{}/{app}", self.tls_port)
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A log file's content ("" when absent).
    pub fn log(&self, name: &str) -> String {
        read(self.path(name))
    }

    /// Waits (up to `timeout`) until the log file contains `needle`.
    pub fn wait_for_log(&self, name: &str, needle: &str, timeout: Duration) -> bool {
        let started = Instant::now();
        loop {
            if self.log(name).contains(needle) {
                return true;
            }
            if started.elapsed() > timeout {
                return false;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
