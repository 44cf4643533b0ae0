//! Usage: avhopp serve [--addr 127.0.0.1:8080]
//!
//! Serves the index read-only as web pages (search, documents, timeline, fact check) and a
//! JSON API under /api/ (described at /api/openapi.json). Binds the loopback address unless
//! told otherwise; port 0 picks a free port. Prints the address it serves on, then runs
//! until stopped (Ctrl-C).

use super::Global;
use anyhow::Result;
use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on; anything but loopback lets other machines read the index
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let index = super::open_index(global)?;
    if !args.addr.ip().is_loopback() {
        eprintln!(
            "avhopp: listening on {}: anyone who can reach this address can read the index",
            args.addr
        );
    }
    avhopp::web::serve(index, args.addr, |bound| {
        println!("avhopp: serving http://{bound}/ (Ctrl-C stops)");
        std::io::stdout().flush().ok();
    })?;
    Ok(ExitCode::SUCCESS)
}
