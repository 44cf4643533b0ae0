//! A Word file: the zip archive and its XML parts (body, headers, core
//! properties). Bytes go through `avhopp::document::read_bytes`, the function `document::read`
//! uses after reading a file. Any input must give a document or a one-line error: a panic
//! or a hang is a bug.
#![no_main]

use avhopp::document::{read_bytes, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = read_bytes(data, Format::Docx, None, "fuzz") {
        assert!(!e.to_string().contains('\n'), "a multi-line error: {e}");
    }
});
