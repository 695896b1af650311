//! The web app for an employer's contact, their HR officer: their pages only (`bundle.rs`).

fn main() {
    klasbrug_frontend::run(klasbrug_frontend::app::Pages::EMPLOYER);
}
