//! The real binary over real HTTP, on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod allowance_rules;
mod allowances;
mod applications;
mod auth;
mod cli;
mod client_credentials;
mod errors;
mod frameworks;
mod helpers;
mod hours;
mod lesson_schedule;
mod lesson_series;
mod matching;
mod messages;
mod mine;
mod notifications;
mod openapi;
mod organisations;
mod outbox;
mod password_reset;
mod placements;
mod placing;
mod sponsorship;
mod team;
mod web_app;
