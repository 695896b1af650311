//! The one way the web app talks to the server: relative `/api/v1` URLs (the app is served by the
//! API itself, so no address is baked into the build), the access token attached from memory, one
//! refresh-and-retry when it has expired, and every failure mapped to an [`ApiError`].
//!
//! The access token lives only in this client's memory, never in localStorage or
//! sessionStorage: a script injected into the page cannot read what is not stored. The refresh
//! token is an HttpOnly cookie the browser sends along with same-origin requests to
//! `/api/v1/auth`, which is what lets a reload restore the session.

pub mod allowances;
pub mod applications;
pub mod audit;
pub mod auth;
pub mod dashboard;
mod early;
mod error;
pub mod hours;
pub mod lesson_calendar;
pub mod lesson_series;
pub mod mail_preferences;
pub mod matching;
pub mod messages;
pub mod mine;
pub mod organisations;
pub mod placements;
pub mod privacy;
pub mod privacy_requests;
pub mod sponsorship;
pub mod team;
pub mod training;

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::{Method, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use web_sys::RequestCredentials;
use yew::Callback;

pub use error::{ApiError, decode};

/// Where the API lives, relative to the page.
const BASE: &str = "/api/v1";

/// How many items a list asks for per page.
pub const PAGE_SIZE: u32 = 25;

type PendingRefresh = Shared<LocalBoxFuture<'static, Result<(), ApiError>>>;

/// A handle on the API for one browser tab. Cheap to clone; clones share the token.
#[derive(Clone)]
pub struct Api {
    inner: Rc<Inner>,
}

struct Inner {
    token: RefCell<Option<String>>,
    /// The refresh under way, if any. The server rotates the refresh cookie on every use, so
    /// two refreshes racing with the same cookie would make the second fail: requests that find
    /// their token expired at the same time all wait for this one.
    refreshing: RefCell<Option<PendingRefresh>>,
    /// Told when a session that existed can no longer be refreshed, so the app shows the login.
    on_session_lost: Callback<()>,
}

impl PartialEq for Api {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl Api {
    /// A client without a session. `on_session_lost` is called when a logged-in session expires
    /// for good (the refresh cookie is gone or revoked).
    pub fn new(on_session_lost: Callback<()>) -> Self {
        Self {
            inner: Rc::new(Inner {
                token: RefCell::new(None),
                refreshing: RefCell::new(None),
                on_session_lost,
            }),
        }
    }

    /// Sends a request with the access token, refreshing it once and retrying on a 401.
    pub async fn request<B, T>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&B>,
    ) -> Result<T, ApiError>
    where
        B: Serialize + ?Sized,
        T: DeserializeOwned,
    {
        self.request_with(method, path, query, body, &[]).await
    }

    /// [`Api::request`] with extra `headers`, such as `If-Match`.
    ///
    /// Only the body's serialising and the answer's decoding depend on the types: the sending,
    /// the refresh and the retry are compiled once for every endpoint, not once per pair of
    /// types (which made the WebAssembly module large).
    pub async fn request_with<B, T>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&B>,
        headers: &[(&str, String)],
    ) -> Result<T, ApiError>
    where
        B: Serialize + ?Sized,
        T: DeserializeOwned,
    {
        let body = json_body(body)?;
        let answer = self
            .exchange(method, path, query, body.as_deref(), headers, Read::Text)
            .await?;
        let decoded = decode(answer.status, &answer.text);
        if answer.retried {
            decoded.map_err(|error| self.session_lost_on(error))
        } else {
            decoded
        }
    }

    /// `GET` with query parameters.
    pub async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, ApiError> {
        self.request::<(), T>(Method::GET, path, query, None).await
    }

    /// `GET` of a file the server makes (a CSV, an XML): its body as text, with the same token
    /// handling as every other request. A failure is still a problem document.
    pub async fn get_file(&self, path: &str, query: &[(&str, String)]) -> Result<String, ApiError> {
        let answer = self
            .exchange(Method::GET, path, query, None, &[], Read::Text)
            .await?;
        self.file_answer(answer).map(|answer| answer.text)
    }

    /// `GET` of a binary file the server makes (a spreadsheet): its bytes, with the same token
    /// handling as [`Api::get_file`]. Text would mangle it.
    pub async fn get_bytes(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<Vec<u8>, ApiError> {
        let answer = self
            .exchange(Method::GET, path, query, None, &[], Read::Bytes)
            .await?;
        self.file_answer(answer).map(|answer| answer.bytes)
    }

    /// A file's answer as it is when it succeeded, else its problem.
    fn file_answer(&self, answer: Answer) -> Result<Answer, ApiError> {
        if (200..300).contains(&answer.status) {
            return Ok(answer);
        }
        let error = match decode::<()>(answer.status, &answer.text) {
            Ok(()) => ApiError::Unexpected,
            Err(error) => error,
        };
        Err(if answer.retried {
            self.session_lost_on(error)
        } else {
            error
        })
    }

    /// Sends a request, and once more after a refresh if the access token had expired; reads
    /// the answer's body as `read` says. Not generic: one copy serves every endpoint.
    async fn exchange(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&str>,
        headers: &[(&str, String)],
        read: Read,
    ) -> Result<Answer, ApiError> {
        let response = self
            .send_raw(method.clone(), path, query, body, headers)
            .await?;
        if response.status() != 401 {
            return Answer::read(response, read, false).await;
        }
        if let Err(error) = self.refresh().await {
            return Err(self.session_lost_on(error));
        }
        let response = self.send_raw(method, path, query, body, headers).await?;
        Answer::read(response, read, true).await
    }

    /// `POST` with a JSON body.
    pub async fn post<B, T>(&self, path: &str, body: &B) -> Result<T, ApiError>
    where
        B: Serialize + ?Sized,
        T: DeserializeOwned,
    {
        self.request(Method::POST, path, &[], Some(body)).await
    }

    /// `POST` with a JSON body to a resource that carries a version: `If-Match` names the
    /// version the page shows, so the server refuses (412 `precondition_failed`) a change made
    /// on a resource someone else changed in between instead of overwriting theirs.
    pub async fn post_if_match<B, T>(
        &self,
        path: &str,
        body: &B,
        version: i64,
    ) -> Result<T, ApiError>
    where
        B: Serialize + ?Sized,
        T: DeserializeOwned,
    {
        let if_match = [("If-Match", format!("\"{version}\""))];
        self.request_with(Method::POST, path, &[], Some(body), &if_match)
            .await
    }

    /// `PUT` with a JSON body.
    pub async fn put<B, T>(&self, path: &str, body: &B) -> Result<T, ApiError>
    where
        B: Serialize + ?Sized,
        T: DeserializeOwned,
    {
        self.request(Method::PUT, path, &[], Some(body)).await
    }

    /// Gets a fresh access token from the refresh cookie. Concurrent callers share one request.
    pub async fn refresh(&self) -> Result<(), ApiError> {
        let pending = {
            let mut slot = self.inner.refreshing.borrow_mut();
            match &*slot {
                Some(pending) => pending.clone(),
                None => {
                    let api = self.clone();
                    let pending = async move {
                        let result = auth::refresh(&api).await;
                        api.inner.refreshing.borrow_mut().take();
                        result
                    }
                    .boxed_local()
                    .shared();
                    *slot = Some(pending.clone());
                    pending
                }
            }
        };
        pending.await
    }

    /// Sends one request as is: no retry. The auth endpoints use it directly, since a 401 from
    /// them means wrong credentials or no session, not an expired access token.
    async fn send<B>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&B>,
    ) -> Result<Response, ApiError>
    where
        B: Serialize + ?Sized,
    {
        let body = json_body(body)?;
        self.send_raw(method, path, query, body.as_deref(), &[])
            .await
    }

    /// Sends one request with a body already written as JSON, and extra `headers`.
    async fn send_raw(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&str>,
        headers: &[(&str, String)],
    ) -> Result<Response, ApiError> {
        let mut builder = RequestBuilder::new(&format!("{BASE}{path}"))
            .method(method)
            // The default already, but the refresh cookie depends on it: say so.
            .credentials(RequestCredentials::SameOrigin)
            .header("Accept", "application/json, application/problem+json");
        if !query.is_empty() {
            builder = builder.query(query.iter().map(|(name, value)| (*name, value.as_str())));
        }
        if let Some(token) = self.inner.token.borrow().as_deref() {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        for (name, value) in headers {
            builder = builder.header(name, value);
        }
        let request = match body {
            Some(body) => builder
                .header("Content-Type", "application/json")
                .body(body.to_owned()),
            None => builder.build(),
        }
        .map_err(|_| ApiError::Unexpected)?;
        request.send().await.map_err(|_| ApiError::Network)
    }

    fn set_token(&self, token: String) {
        *self.inner.token.borrow_mut() = Some(token);
    }

    fn clear_token(&self) -> bool {
        self.inner.token.borrow_mut().take().is_some()
    }

    /// A 401 after a refresh means the session is over: forget the token and, if there was a
    /// session to lose, tell the app. Passes the error on.
    fn session_lost_on(&self, error: ApiError) -> ApiError {
        if error.is_unauthenticated() && self.clear_token() {
            self.inner.on_session_lost.emit(());
        }
        error
    }
}

/// The body of a request as JSON; the one place the body's type matters.
fn json_body<B: Serialize + ?Sized>(body: Option<&B>) -> Result<Option<String>, ApiError> {
    body.map(serde_json::to_string)
        .transpose()
        .map_err(|_| ApiError::Unexpected)
}

/// How to read an answer's body.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Read {
    /// As text: JSON, CSV, XML, and every problem.
    Text,
    /// As bytes when it succeeded (a spreadsheet), as text when it is a problem.
    Bytes,
}

/// An answer, read.
struct Answer {
    status: u16,
    text: String,
    bytes: Vec<u8>,
    /// Whether it came after a refresh, so a 401 means the session is over.
    retried: bool,
}

impl Answer {
    async fn read(response: Response, read: Read, retried: bool) -> Result<Self, ApiError> {
        let status = response.status();
        let mut answer = Self {
            status,
            text: String::new(),
            bytes: Vec::new(),
            retried,
        };
        if read == Read::Bytes && (200..300).contains(&status) {
            answer.bytes = response.binary().await.map_err(|_| ApiError::Network)?;
        } else {
            answer.text = response.text().await.map_err(|_| ApiError::Network)?;
        }
        Ok(answer)
    }
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    let body = response.text().await.map_err(|_| ApiError::Network)?;
    decode(status, &body)
}
