//! One module per page.

pub mod audit;
pub mod login;
pub mod not_found;
pub mod organisations;
pub mod overview;
pub mod team;
