//! The browser tests: headless Chromium, over WebDriver, against the real binary on SQLite and
//! on PostgreSQL. One test binary, so the shared helpers compile and link once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod allowances;
mod applying;
mod audit;
mod browser;
mod dashboard;
mod hours;
mod lesson_series;
mod mail_settings;
mod matching;
mod messages;
mod mine;
mod my_lessons;
mod password_reset;
mod placements;
mod print;
mod privacy;
mod privacy_requests;
mod sponsorship;
mod team;
mod training;
