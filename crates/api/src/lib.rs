//! Klasbrug's HTTP API and the server of its web app.
//!
//! Data flows route → policy → domain → store: a handler turns HTTP into calls and results into
//! HTTP; the policy decides who may do what; the store persists.

pub mod allowance_mail;
pub mod ambassador_mail;
pub mod app;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod dashboard;
pub mod dashboard_xlsx;
pub mod delivery;
pub mod error;
pub mod etag;
pub mod idempotency;
pub mod json;
pub mod mail;
pub mod mail_html;
pub mod match_mail;
pub mod metrics;
pub mod openapi;
pub mod openapi_idempotency;
pub mod openapi_responses;
pub mod page_cache;
pub mod personal_data_html;
pub mod policy;
pub mod privacy_html;
pub mod privacy_mail;
pub mod reminder_mail;
pub mod request_id;
pub mod review_mail;
pub mod routes;
pub mod seed;
pub mod sponsorship_xlsx;
pub mod state;
pub mod telemetry;
pub mod training_mail;
pub mod unsubscribe;
pub mod url_text;
pub mod usecases;
pub mod web_app;
pub mod webhook_delivery;
pub mod webhook_signature;
pub mod webhooks;
