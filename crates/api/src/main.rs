//! The `klasbrug` binary.

use clap::Parser;
use klasbrug_api::cli::{Cli, run};

#[actix_web::main]
async fn main() -> std::process::ExitCode {
    klasbrug_api::telemetry::init();
    match run(Cli::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            std::process::ExitCode::from(2)
        }
    }
}
