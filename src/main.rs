//! The `avhopp` binary: a thin layer over the library, one file per subcommand in `cmd/`.

mod cmd;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cmd::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(e) => {
            // One line: the error and its causes, outermost first.
            let chain: Vec<String> = e.chain().map(|c| c.to_string()).collect();
            eprintln!("avhopp: {}", chain.join(": "));
            ExitCode::FAILURE
        }
    }
}
