//! The JSON shapes of the HTTP API, shared by the server (which documents them in OpenAPI) and
//! the web app (which sends and reads them). Changing a shape here changes both in one commit.

pub mod audit;
pub mod auth;
pub mod organisation;
pub mod page;
pub mod placement;
pub mod problem;

pub use audit::AuditEvent;
pub use auth::{AccessToken, ClientCredentialsRequest, LoginRequest, Me, Membership};
pub use organisation::{Member, Organisation};
pub use page::Page;
pub use placement::{
    Placement, PlacementCounts, PlacementInput, PlacementTransition, SchoolCapacity,
    SchoolCapacityInput, Teacher,
};
pub use problem::{FieldError, Problem};
