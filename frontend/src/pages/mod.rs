//! One module per page.

pub mod ambassadors;
pub mod audit;
pub mod candidates;
pub mod capacity;
pub mod lesson_calendar;
pub mod lesson_series;
pub mod login;
pub mod matching;
pub mod not_found;
pub mod organisations;
pub mod overview;
pub mod placements;
pub mod team;
