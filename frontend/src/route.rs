//! The web app's addresses. The server answers every non-API path with index.html, so each of
//! these works as a bookmark or after a reload.

use yew_router::Routable;

/// A page of the web app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Overview,
    #[at("/plekken")]
    Placements,
    #[at("/capaciteit")]
    Capacity,
    #[at("/team")]
    Team,
    #[at("/organisaties")]
    Organisations,
    #[at("/audit")]
    AuditLog,
    #[not_found]
    #[at("/niet-gevonden")]
    NotFound,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_paths_lead_to_their_pages() {
        assert_eq!(Route::recognize("/"), Some(Route::Overview));
        assert_eq!(
            Route::recognize("/organisaties"),
            Some(Route::Organisations)
        );
        assert_eq!(Route::recognize("/audit"), Some(Route::AuditLog));
        assert_eq!(Route::recognize("/team"), Some(Route::Team));
        assert_eq!(Route::recognize("/plekken"), Some(Route::Placements));
        assert_eq!(Route::recognize("/capaciteit"), Some(Route::Capacity));
        assert_eq!(Route::recognize("/bestaat-niet"), Some(Route::NotFound));
    }
}
