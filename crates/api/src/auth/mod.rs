//! Who is calling: passwords, tokens, sessions and the principal extracted from a request.

pub mod jwt;
pub mod password;
pub mod principal;
pub mod rate_limit;
pub mod session;

pub use jwt::TokenKeys;
pub use principal::{Grant, Principal};
