//! One module per page.

pub mod audit;
pub mod capacity;
pub mod login;
pub mod not_found;
pub mod organisations;
pub mod overview;
pub mod placements;
pub mod team;
