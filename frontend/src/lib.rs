//! Klasbrug's web app: a Yew single-page app, built to WebAssembly and served by the `klasbrug`
//! binary next to the API it talks to.
//!
//! The logic that needs no browser (menus, texts, error messages, form checks, list state) is
//! plain Rust with host unit tests: `cargo test -p klasbrug-frontend`.

pub mod api;
pub mod app;
pub mod bundle;
pub mod components;
pub mod download;
pub mod format;
pub mod hooks;
pub mod i18n;
pub mod menu;
pub mod pages;
pub mod route;

/// Starts the app with a bundle's pages (`app::Pages`) in the page's `#app` element (or the
/// body, if the page has none).
pub fn run(pages: app::Pages) {
    let props = app::AppProps { pages };
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<app::App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<app::App>::with_props(props).render(),
    };
}
