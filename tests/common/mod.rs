//! What the integration tests share: running the real binary in the project root.
#![allow(dead_code)] // each test file uses its own part

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs avhopp in the project root with the index in `index`, ignoring the caller's
/// AVHOPP_INDEX / AVHOPP_CORPUS.
pub fn avhopp_with_index(index: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_avhopp"))
        .current_dir(root())
        .env_remove("AVHOPP_INDEX")
        .env_remove("AVHOPP_CORPUS")
        .arg("--index")
        .arg(index)
        .args(args)
        .output()
        .expect("run avhopp")
}

/// The JSON objects of a JSON Lines text; a line that is not JSON fails the test.
pub fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect()
}

/// The claims `avhopp extract --format jsonl` prints for `path` (a file or a folder), and
/// what it said on stderr; a failed run fails the test.
pub fn extract_jsonl(path: &Path) -> (Vec<serde_json::Value>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_avhopp"))
        .current_dir(root())
        .env_remove("AVHOPP_INDEX")
        .env_remove("AVHOPP_CORPUS")
        .args(["extract", "--format", "jsonl"])
        .arg(path)
        .output()
        .expect("run avhopp");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "extract failed: {stderr}");
    (json_lines(&String::from_utf8_lossy(&out.stdout)), stderr)
}
