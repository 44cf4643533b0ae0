//! Query parameters, validated: unknown names, unknown municipalities and kinds, bad dates
//! and numbers out of range are clear 400s. Empty values (as forms send them) count as
//! absent.

use super::ApiError;
use crate::claims::Kind;
use crate::dates::PubDate;
use crate::document::DocType;
use crate::geo::{self, Municipality};
use crate::index::{ClaimFilter, SearchRequest};
use crate::timeline::Bucket;
use axum::extract::Query;
use axum::http::Uri;
use chrono::NaiveDate;

/// The parameters of one request.
pub struct Params {
    pairs: Vec<(String, String)>,
}

pub const SEARCH: &[&str] = &[
    "q",
    "municipality",
    "kind",
    "from",
    "to",
    "type",
    "limit",
    "offset",
    "page",
];
pub const CLAIMS: &[&str] = &[
    "q",
    "municipality",
    "kind",
    "from",
    "to",
    "type",
    "min_value",
    "max_value",
    "limit",
    "offset",
];
pub const TIMELINE: &[&str] = &[
    "municipality",
    "kind",
    "by",
    "from",
    "to",
    "type",
    "top",
    "view",
];
pub const CHECK: &[&str] = &["sentence", "today"];

impl Params {
    /// The parameters of `uri`; any name not in `allowed` is refused.
    pub fn of(uri: &Uri, allowed: &[&str]) -> Result<Params, ApiError> {
        let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(uri)
            .map_err(|e| ApiError::bad_request(format!("bad query string: {e}")))?;
        Self::from_pairs(pairs, allowed)
    }

    pub fn from_pairs(pairs: Vec<(String, String)>, allowed: &[&str]) -> Result<Params, ApiError> {
        for (k, _) in &pairs {
            if !allowed.contains(&k.as_str()) {
                return Err(ApiError::bad_request(format!(
                    "unknown parameter '{k}'; this endpoint takes {}",
                    allowed.join(", ")
                )));
            }
        }
        Ok(Params { pairs })
    }

    /// The value of `name`, trimmed; `None` when absent or empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    pub fn municipality(&self) -> Result<Option<&'static Municipality>, ApiError> {
        self.get("municipality").map(municipality).transpose()
    }

    pub fn kind(&self) -> Result<Option<Kind>, ApiError> {
        self.get("kind")
            .map(|k| Kind::parse(k).map_err(ApiError::bad_request))
            .transpose()
    }

    pub fn doc_type(&self) -> Result<Option<DocType>, ApiError> {
        self.get("type")
            .map(|t| DocType::parse(t).map_err(ApiError::bad_request))
            .transpose()
    }

    /// `from` and `to` as dates (a year or month stands for its first or last day); `from`
    /// after `to` is refused.
    pub fn range(&self) -> Result<(Option<NaiveDate>, Option<NaiveDate>), ApiError> {
        let from = self
            .get("from")
            .map(|d| date_bound("from", d, false))
            .transpose()?;
        let to = self
            .get("to")
            .map(|d| date_bound("to", d, true))
            .transpose()?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(ApiError::bad_request(format!(
                    "'from' ({f}) is after 'to' ({t})"
                )));
            }
        }
        Ok((from, to))
    }

    /// A whole number in `min..=max`, `default` when absent.
    pub fn number(
        &self,
        name: &str,
        default: usize,
        min: usize,
        max: usize,
    ) -> Result<usize, ApiError> {
        let Some(v) = self.get(name) else {
            return Ok(default);
        };
        let n: usize = v.parse().map_err(|_| {
            ApiError::bad_request(format!("'{name}' must be a whole number, not '{v}'"))
        })?;
        if n < min || n > max {
            return Err(ApiError::bad_request(format!(
                "'{name}' must be between {min} and {max}, not {n}"
            )));
        }
        Ok(n)
    }

    pub fn float(&self, name: &str) -> Result<Option<f64>, ApiError> {
        self.get(name)
            .map(|v| {
                v.parse::<f64>()
                    .ok()
                    .filter(|x| x.is_finite())
                    .ok_or_else(|| {
                        ApiError::bad_request(format!("'{name}' must be a number, not '{v}'"))
                    })
            })
            .transpose()
    }

    pub fn bucket(&self) -> Result<Bucket, ApiError> {
        Bucket::parse(self.get("by").unwrap_or("year"))
            .map_err(|e| ApiError::bad_request(e.replace("--by", "by")))
    }

    /// A search with its document type and offset; `limit` up to `max_limit`, `offset` as
    /// given or from a 1-based `page`.
    pub fn search(&self, max_limit: usize) -> Result<Search, ApiError> {
        let (from, to) = self.range()?;
        let limit = self.number("limit", 10, 1, max_limit)?;
        let offset = match self.get("page") {
            Some(_) => (self.number("page", 1, 1, 10_000)? - 1) * limit,
            None => self.number("offset", 0, 0, 1_000_000)?,
        };
        let query = self.get("q").unwrap_or("").to_string();
        if query.chars().count() > 1000 {
            return Err(ApiError::bad_request("'q' is longer than 1000 characters"));
        }
        Ok(Search {
            req: SearchRequest {
                query,
                municipality: self.municipality()?,
                kind: self.kind()?,
                from,
                to,
                limit,
            },
            doc_type: self.doc_type()?,
            offset,
        })
    }

    /// A claim filter and the document type its claims must come from.
    pub fn claims(&self) -> Result<(ClaimFilter, Option<DocType>), ApiError> {
        let (from, to) = self.range()?;
        let filter = ClaimFilter {
            municipality: self.municipality()?,
            kind: self.kind()?,
            from,
            to,
            min_value: self.float("min_value")?,
            max_value: self.float("max_value")?,
            query: self.get("q").map(str::to_string),
        };
        Ok((filter, self.doc_type()?))
    }
}

/// A search as the web server asks it.
#[derive(Clone)]
pub struct Search {
    pub req: SearchRequest,
    pub doc_type: Option<DocType>,
    pub offset: usize,
}

pub fn municipality(name: &str) -> Result<&'static Municipality, ApiError> {
    geo::lookup(name).ok_or_else(|| {
        let hints = geo::suggest(name);
        ApiError::bad_request(if hints.is_empty() {
            format!("unknown municipality '{name}'")
        } else {
            format!(
                "unknown municipality '{name}'; did you mean {}?",
                hints.join(", ")
            )
        })
    })
}

fn date_bound(name: &str, s: &str, end: bool) -> Result<NaiveDate, ApiError> {
    let p = PubDate::parse(s).ok_or_else(|| {
        ApiError::bad_request(format!(
            "bad date '{s}' for '{name}'; use YYYY-MM-DD, YYYY-MM or YYYY"
        ))
    })?;
    Ok(if end { p.last() } else { p.first })
}

/// A date given in full (for `today`).
pub fn day(name: &str, s: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| ApiError::bad_request(format!("bad date '{s}' for '{name}'; use YYYY-MM-DD")))
}
