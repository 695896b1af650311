//! Keyset pagination: `?after=<cursor>&limit=<n>`. A cursor is opaque to clients.

use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::ApiError;

/// The most items one page holds.
pub const MAX_LIMIT: u32 = 200;
/// Items per page when `limit` is not given.
pub const DEFAULT_LIMIT: u32 = 50;

/// Which page to return.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// The `next` cursor of the previous page; omit for the first page.
    pub after: Option<String>,
    /// Items per page, 1 to 200; default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

impl PageQuery {
    /// The page size, checked.
    pub fn limit(&self) -> Result<u32, ApiError> {
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(limit) if (1..=MAX_LIMIT).contains(&limit) => Ok(limit),
            Some(_) => Err(ApiError::invalid_field(
                "limit",
                format!("must be between 1 and {MAX_LIMIT}"),
            )),
        }
    }

    /// The cursor, parsed by `parse`; a cursor that does not parse is a 422.
    pub fn after<T>(&self, parse: impl Fn(&str) -> Option<T>) -> Result<Option<T>, ApiError> {
        self.after
            .as_deref()
            .map(|text| {
                parse(text).ok_or_else(|| {
                    ApiError::invalid_field(
                        "after",
                        "is not a cursor from a previous page's `next`",
                    )
                })
            })
            .transpose()
    }
}

/// Cuts a list fetched with `limit + 1` rows down to `limit`, and makes the next cursor from the
/// last item kept when there was more.
pub fn into_page<T>(
    mut items: Vec<T>,
    limit: u32,
    cursor: impl Fn(&T) -> String,
) -> domain::contract::Page<T> {
    let limit = limit as usize;
    let next = if items.len() > limit {
        items.truncate(limit);
        items.last().map(cursor)
    } else {
        None
    };
    domain::contract::Page { items, next }
}
