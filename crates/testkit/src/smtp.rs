//! A real SMTP server for tests: it listens on a free port on 127.0.0.1, speaks the protocol
//! over TCP as a mail server does (RFC 5321: greeting, EHLO, MAIL, RCPT, DATA with
//! dot-unstuffing, RSET, NOOP, QUIT) and keeps what it accepted, so a test reads the messages
//! the application sent through its own SMTP client. It can be told to refuse for a while, as
//! a busy or broken mail server does, or to hold connections without answering.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

/// How long [`SmtpServer::wait_for`] waits before the test fails.
const WAIT: Duration = Duration::from_secs(30);

/// A message the server accepted.
#[derive(Debug, Clone)]
pub struct Received {
    /// The envelope's sender (`MAIL FROM`).
    pub from: String,
    /// The envelope's recipients (`RCPT TO`).
    pub to: Vec<String>,
    /// The message as it arrived, headers and body, dot-unstuffed.
    pub data: String,
    /// When it was accepted.
    pub at: std::time::SystemTime,
}

impl Received {
    /// The message parsed as a mail client reads it (MIME parts, encoded words, transfer
    /// encodings).
    pub fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default()
            .parse(self.data.as_bytes())
            .expect("a message a mail client can read")
    }

    /// The subject, decoded.
    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_owned()
    }

    /// The plain-text body, decoded.
    pub fn text(&self) -> String {
        self.parsed()
            .body_text(0)
            .map(|t| t.into_owned())
            .unwrap_or_default()
    }
}

/// How the server answers a transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Accepts every message.
    Accept,
    /// Answers `MAIL FROM` with `451` (try again later), as a busy server does.
    RefuseTemporarily,
    /// Answers `RCPT TO` with `550` (no such mailbox), which no retry can change.
    RefuseRecipient,
    /// Accepts connections and never answers, as a hung server does.
    Hang,
}

#[derive(Default)]
struct State {
    received: Mutex<Vec<Received>>,
    /// How many transactions were started (`MAIL FROM`), accepted or not.
    attempts: Mutex<usize>,
    /// How many connections were accepted.
    connections: Mutex<usize>,
    mode: Mutex<Option<Mode>>,
    changed: Notify,
}

/// A running SMTP server, stopped when the test ends.
pub struct SmtpServer {
    /// Its port on 127.0.0.1.
    pub port: u16,
    state: Arc<State>,
}

impl SmtpServer {
    /// Starts a server that accepts every message.
    pub async fn start() -> Self {
        Self::start_in(Mode::Accept).await
    }

    /// Starts a server answering as `mode` says.
    pub async fn start_in(mode: Mode) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port for the SMTP server");
        let port = listener.local_addr().expect("its address").port();
        let state = Arc::new(State::default());
        *state.mode.lock().unwrap() = Some(mode);
        let accepting = state.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream, accepting.clone()));
            }
        });
        Self { port, state }
    }

    /// `smtp://127.0.0.1:<port>`, for `KLASBRUG_SMTP_URL`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Answers from now on as `mode` says.
    pub fn set_mode(&self, mode: Mode) {
        *self.state.mode.lock().unwrap() = Some(mode);
    }

    /// Every message accepted so far.
    pub fn received(&self) -> Vec<Received> {
        self.state.received.lock().unwrap().clone()
    }

    /// How many transactions were started, accepted or refused.
    pub fn attempts(&self) -> usize {
        *self.state.attempts.lock().unwrap()
    }

    /// How many connections were accepted.
    pub fn connections(&self) -> usize {
        *self.state.connections.lock().unwrap()
    }

    /// Waits (without polling: it wakes on each change) until `done` holds for the messages
    /// accepted and the attempts made; fails the test after 30 seconds.
    pub async fn wait_for(&self, what: &str, done: impl Fn(&[Received], usize) -> bool) {
        self.wait_within(what, WAIT, done).await;
    }

    /// Waits until `count` messages were accepted, for a benchmark: at most ten minutes.
    pub async fn wait_for_all(&self, count: usize) {
        let what = format!("{count} messages");
        self.wait_within(&what, Duration::from_secs(600), |received, _| {
            received.len() >= count
        })
        .await;
    }

    async fn wait_within(
        &self,
        what: &str,
        limit: Duration,
        done: impl Fn(&[Received], usize) -> bool,
    ) {
        let wait = async {
            loop {
                let changed = self.state.changed.notified();
                tokio::pin!(changed);
                changed.as_mut().enable();
                if done(&self.state.received.lock().unwrap(), self.attempts()) {
                    return;
                }
                changed.await;
            }
        };
        if tokio::time::timeout(limit, wait).await.is_err() {
            panic!(
                "the SMTP server did not see {what} within {limit:?}; it accepted {} message(s) in {} attempt(s)",
                self.received().len(),
                self.attempts()
            );
        }
    }

    /// Waits until a message to `address` arrived, and returns the first.
    pub async fn wait_for_mail_to(&self, address: &str) -> Received {
        self.wait_for(&format!("a message to {address}"), |received, _| {
            received.iter().any(|m| m.to.iter().any(|to| to == address))
        })
        .await;
        self.mails_to(address).remove(0)
    }

    /// The messages accepted for `address`.
    pub fn mails_to(&self, address: &str) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|m| m.to.iter().any(|to| to == address))
            .collect()
    }
}

fn mode(state: &State) -> Mode {
    state.mode.lock().unwrap().unwrap_or(Mode::Accept)
}

async fn serve(stream: TcpStream, state: Arc<State>) {
    // Replies go out at once, as a mail server's do, not held back for more to send.
    let _ = stream.set_nodelay(true);
    *state.connections.lock().unwrap() += 1;
    state.changed.notify_waiters();
    if mode(&state) == Mode::Hang {
        // Hold the connection open, saying nothing, until the client gives up.
        let mut stream = stream;
        let mut buffer = [0u8; 1024];
        while let Ok(n) = tokio::io::AsyncReadExt::read(&mut stream, &mut buffer).await {
            if n == 0 {
                break;
            }
        }
        return;
    }
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    if !reply(&mut write, "220 testkit ESMTP ready").await {
        return;
    }
    let mut from = String::new();
    let mut to = Vec::new();
    while let Ok(Some(line)) = lines.next_line().await {
        let upper = line.to_ascii_uppercase();
        let answer = if upper.starts_with("EHLO") {
            "250-testkit greets you\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 35882577".to_owned()
        } else if upper.starts_with("HELO") {
            "250 testkit".to_owned()
        } else if upper.starts_with("MAIL FROM:") {
            *state.attempts.lock().unwrap() += 1;
            state.changed.notify_waiters();
            if mode(&state) == Mode::RefuseTemporarily {
                "451 4.3.0 Try again later".to_owned()
            } else {
                from = address(&line["MAIL FROM:".len()..]);
                to.clear();
                "250 2.1.0 OK".to_owned()
            }
        } else if upper.starts_with("RCPT TO:") {
            if mode(&state) == Mode::RefuseRecipient {
                "550 5.1.1 No such mailbox".to_owned()
            } else {
                to.push(address(&line["RCPT TO:".len()..]));
                "250 2.1.5 OK".to_owned()
            }
        } else if upper == "DATA" {
            if !reply(&mut write, "354 End data with <CR><LF>.<CR><LF>").await {
                return;
            }
            let mut data = String::new();
            while let Ok(Some(line)) = lines.next_line().await {
                if line == "." {
                    break;
                }
                data.push_str(line.strip_prefix('.').unwrap_or(&line));
                data.push_str("\r\n");
            }
            state.received.lock().unwrap().push(Received {
                from: std::mem::take(&mut from),
                to: std::mem::take(&mut to),
                data,
                at: std::time::SystemTime::now(),
            });
            state.changed.notify_waiters();
            "250 2.0.0 Accepted".to_owned()
        } else if upper == "RSET" {
            from.clear();
            to.clear();
            "250 2.0.0 OK".to_owned()
        } else if upper == "NOOP" {
            "250 2.0.0 OK".to_owned()
        } else if upper == "QUIT" {
            let _ = reply(&mut write, "221 2.0.0 Bye").await;
            return;
        } else {
            "502 5.5.2 Command not recognised".to_owned()
        };
        if !reply(&mut write, &answer).await {
            return;
        }
    }
}

async fn reply(write: &mut tokio::net::tcp::OwnedWriteHalf, text: &str) -> bool {
    write
        .write_all(format!("{text}\r\n").as_bytes())
        .await
        .is_ok()
}

/// The address in `<a@b>` of a `MAIL FROM:` or `RCPT TO:` line, without parameters.
fn address(rest: &str) -> String {
    let rest = rest.trim();
    match (rest.find('<'), rest.find('>')) {
        (Some(open), Some(close)) if open < close => rest[open + 1..close].to_owned(),
        _ => rest
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned(),
    }
}
