//! The programme dashboard and its Excel export.

use domain::contract::{Dashboard, DashboardQuery};

use super::{Api, ApiError};

/// The query parameters of `query`: only the filters that are set.
fn parameters(query: &DashboardQuery) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(year) = query.school_year {
        out.push(("school_year", year.to_string()));
    }
    if let Some(region) = query.region {
        out.push(("region", region.as_str().to_owned()));
    }
    if let Some(municipality) = query.municipality() {
        out.push(("municipality", municipality.to_owned()));
    }
    out
}

/// The dashboard for the filters.
pub async fn dashboard(api: &Api, query: &DashboardQuery) -> Result<Dashboard, ApiError> {
    api.get("/dashboard", &parameters(query)).await
}

/// The same as a spreadsheet (`.xlsx`): bytes, not text.
pub async fn dashboard_xlsx(api: &Api, query: &DashboardQuery) -> Result<Vec<u8>, ApiError> {
    api.get_bytes("/dashboard.xlsx", &parameters(query)).await
}
