//! The web app for a school's director, coordinator and teachers: their pages only (`bundle.rs`).

fn main() {
    klasbrug_frontend::run(klasbrug_frontend::app::Pages::SCHOOL);
}
