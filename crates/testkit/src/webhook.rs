//! A real webhook receiver for tests: an HTTP/1.1 server on a free port of 127.0.0.1 that
//! keeps every request it gets and answers with the status it is told to, as a partner's
//! endpoint would. A test checks a delivery's signature with the Standard Webhooks reference
//! library (`standardwebhooks`), not with Klasbrug's own code.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

/// How long [`WebhookReceiver::wait_for`] waits before the test fails.
const WAIT: Duration = Duration::from_secs(30);

/// A request the receiver got.
#[derive(Debug, Clone)]
pub struct Request {
    /// The method, such as `POST`.
    pub method: String,
    /// The path and query.
    pub path: String,
    /// The headers.
    pub headers: http::HeaderMap,
    /// The body.
    pub body: String,
    /// The status the receiver answered with (0 while it hangs).
    pub answered: u16,
}

impl Request {
    /// A header's value, or "" when it is missing.
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    /// Checks the signature with `secret` as a partner would, with the reference library
    /// (which also refuses a timestamp more than five minutes from the real time).
    pub fn verify(&self, secret: &str) -> Result<(), String> {
        standardwebhooks::Webhook::new(secret)
            .map_err(|e| format!("the secret: {e}"))?
            .verify(self.body.as_bytes(), &self.headers)
            .map_err(|e| format!("the signature: {e}"))
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("a JSON body")
    }
}

#[derive(Default)]
struct State {
    requests: Vec<Request>,
    status: u16,
    hang: bool,
}

/// The receiver; it stops with the test's runtime.
pub struct WebhookReceiver {
    address: std::net::SocketAddr,
    state: Arc<Mutex<State>>,
    arrived: Arc<Notify>,
}

impl WebhookReceiver {
    /// Starts a receiver that answers `204 No Content`.
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
        let address = listener.local_addr().expect("its address");
        let state = Arc::new(Mutex::new(State {
            requests: Vec::new(),
            status: 204,
            hang: false,
        }));
        let arrived = Arc::new(Notify::new());
        let (shared, notify) = (state.clone(), arrived.clone());
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (shared, notify) = (shared.clone(), notify.clone());
                tokio::spawn(async move {
                    let _ = serve(stream, &shared, &notify).await;
                });
            }
        });
        Self {
            address,
            state,
            arrived,
        }
    }

    /// The address of `path` on this receiver, such as `http://127.0.0.1:41234/hooks`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Answers every next request with `status`.
    pub fn answer_with(&self, status: u16) {
        self.state.lock().unwrap().status = status;
    }

    /// Reads every next request and never answers it, as a stuck endpoint does.
    pub fn hang(&self) {
        self.state.lock().unwrap().hang = true;
    }

    /// Every request so far.
    pub fn requests(&self) -> Vec<Request> {
        self.state.lock().unwrap().requests.clone()
    }

    /// Waits until at least `count` requests arrived, and returns them all; fails the test
    /// after 30 seconds.
    pub async fn wait_for(&self, count: usize) -> Vec<Request> {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let notified = self.arrived.notified();
            let requests = self.requests();
            if requests.len() >= count {
                return requests;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                panic!(
                    "waited 30 s for {count} webhook requests; {} arrived: {:#?}",
                    requests.len(),
                    requests
                );
            }
        }
    }
}

async fn serve(stream: TcpStream, state: &Mutex<State>, arrived: &Notify) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).await?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let mut headers = http::HeaderMap::new();
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).await?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.append(
                http::HeaderName::from_bytes(name.trim().as_bytes()).expect("a header name"),
                http::HeaderValue::from_str(value.trim()).expect("a header value"),
            );
        }
    }
    let length: usize = headers
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await?;
    let (status, hang) = {
        let state = state.lock().unwrap();
        (state.status, state.hang)
    };
    if hang {
        state.lock().unwrap().requests.push(Request {
            method,
            path,
            headers,
            body: String::from_utf8(body).expect("a UTF-8 body"),
            answered: 0,
        });
        arrived.notify_waiters();
        return std::future::pending().await;
    }
    let answer = format!("{{\"received\":{}}}", status < 300);
    let response = format!(
        "HTTP/1.1 {status} Answer\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{answer}",
        answer.len()
    );
    reader.get_mut().write_all(response.as_bytes()).await?;
    reader.get_mut().shutdown().await?;
    state.lock().unwrap().requests.push(Request {
        method,
        path,
        headers,
        body: String::from_utf8(body).expect("a UTF-8 body"),
        answered: status,
    });
    arrived.notify_waiters();
    Ok(())
}
