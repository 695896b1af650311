//! The whole web app: every page, for programme staff, employers, the public pages and everyone
//! whose roles no smaller bundle covers (`bundle.rs`).

fn main() {
    klasbrug_frontend::run(klasbrug_frontend::app::Pages::FULL);
}
