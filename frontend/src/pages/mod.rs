//! One module per page, and `school_month`: the school and month picker several pages share.

pub mod allowances;
pub mod ambassadors;
pub mod apply;
pub mod apply_confirm;
pub mod audit;
pub mod candidates;
pub mod capacity;
pub mod employers;
pub mod hours;
pub mod invitation;
pub mod lesson_calendar;
pub mod lesson_series;
pub mod login;
pub mod matching;
pub mod messages;
pub mod mine;
pub mod my_class;
pub mod not_found;
pub mod organisations;
pub mod overview;
pub mod placements;
pub mod school_month;
pub mod sign_up;
pub mod team;
pub mod team_invitation;
pub mod waiting;
