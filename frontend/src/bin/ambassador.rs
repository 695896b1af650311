//! The web app for an ambassador, mostly on a phone: their pages only (`bundle.rs`).

fn main() {
    klasbrug_frontend::run(klasbrug_frontend::app::Pages::AMBASSADOR);
}
