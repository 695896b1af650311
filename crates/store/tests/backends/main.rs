//! The store against real databases: every test runs on a fresh SQLite file and on a fresh
//! PostgreSQL database. One test binary, so it links once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ambassadors;
mod contract;
mod placements;
mod transactions;
