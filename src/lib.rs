//! avhopp: mines Swedish news and municipal records for staffing crises in social services.
//!
//! The pipeline's stages are modules, passing plain data along:
//! [`document`] reads files into text and metadata, [`lang`] keeps Swedish, [`geo`] knows the
//! 290 municipalities, [`claims`] finds claims, [`index`] stores documents and claims in
//! Tantivy, and [`timeline`] and [`check`] answer questions over them.

pub mod check;
pub mod claims;
pub mod crawl;
pub mod dates;
pub mod document;
pub mod docx;
pub mod geo;
pub mod html;
pub mod index;
pub mod ingest;
pub mod lang;
pub mod pdf;
pub mod seeking_union;
pub mod timeline;
pub mod typography;
pub mod web;
pub mod word_forms;
pub mod word_pairs;
