//! Duplicates: the same text under another URL (an exact content hash) and nearly the same
//! text (a 64-bit SimHash over word triples within 3 bits), recorded once, under the URL
//! that came first. A page's own earlier version is never its duplicate.

use std::collections::HashMap;

/// Texts shorter than this many words are compared exactly only: short texts of one site
/// share too much boilerplate for their SimHash to mean much.
const MIN_WORDS_FOR_NEAR: usize = 40;
const MAX_DISTANCE: u32 = 3;

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100000001b3);
    }
    // Mix the bits so that nearby inputs differ in all of them.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51afd7ed558ccd);
    h ^ (h >> 33)
}

/// The SimHash of a text, or `None` when it is too short to compare approximately.
pub fn simhash(text: &str) -> Option<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < MIN_WORDS_FOR_NEAR {
        return None;
    }
    let mut acc = [0i32; 64];
    for w in words.windows(3) {
        let h = fnv(w.join(" ").as_bytes());
        for (i, a) in acc.iter_mut().enumerate() {
            if h >> i & 1 == 1 {
                *a += 1;
            } else {
                *a -= 1;
            }
        }
    }
    Some(
        acc.iter()
            .enumerate()
            .filter(|(_, a)| **a > 0)
            .fold(0u64, |h, (i, _)| h | 1 << i),
    )
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    New,
    /// This URL with this very text was recorded before.
    Unchanged,
    /// The same text was recorded under this other URL.
    Duplicate(String),
    /// Nearly the same text was recorded under this other URL.
    NearDuplicate(String),
}

/// The fingerprints of recorded texts.
#[derive(Debug, Default)]
pub struct Dedup {
    exact: HashMap<String, String>,
    near: Vec<(u64, String)>,
    near_of: HashMap<String, usize>,
}

impl Dedup {
    pub fn load(hashes: &[(String, String)], sims: &[(String, u64)]) -> Dedup {
        let mut d = Dedup::default();
        for (h, url) in hashes {
            d.exact.entry(h.clone()).or_insert_with(|| url.clone());
        }
        for (url, s) in sims {
            d.record_near(url, *s);
        }
        d
    }

    pub fn check(&self, url: &str, hash: &str, sim: Option<u64>) -> Verdict {
        if let Some(first) = self.exact.get(hash) {
            return if first == url {
                Verdict::Unchanged
            } else {
                Verdict::Duplicate(first.clone())
            };
        }
        if let Some(s) = sim {
            if let Some((_, other)) = self
                .near
                .iter()
                .find(|(o, u)| u != url && (o ^ s).count_ones() <= MAX_DISTANCE)
            {
                return Verdict::NearDuplicate(other.clone());
            }
        }
        Verdict::New
    }

    fn record_near(&mut self, url: &str, s: u64) {
        match self.near_of.get(url) {
            Some(&i) => self.near[i].0 = s,
            None => {
                self.near_of.insert(url.to_string(), self.near.len());
                self.near.push((s, url.to_string()));
            }
        }
    }

    pub fn record(&mut self, url: &str, hash: &str, sim: Option<u64>) {
        self.exact
            .entry(hash.to_string())
            .or_insert_with(|| url.to_string());
        if let Some(s) = sim {
            self.record_near(url, s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(n: usize, extra: &str) -> String {
        let mut s = String::new();
        for i in 0..60 {
            s.push_str(&format!(
                "Mening {i} om socialtjänsten i kommun {n} och personalen. "
            ));
        }
        s + extra
    }

    #[test]
    fn exact_near_and_own_versions() {
        let mut d = Dedup::default();
        let a = article(1, "");
        d.record("u1", "h1", simhash(&a));
        assert_eq!(d.check("u1", "h1", simhash(&a)), Verdict::Unchanged);
        assert_eq!(
            d.check("u2", "h1", simhash(&a)),
            Verdict::Duplicate("u1".into())
        );
        let near = article(1, " Uppdaterad.");
        assert_eq!(
            d.check("u3", "h3", simhash(&near)),
            Verdict::NearDuplicate("u1".into())
        );
        // The page's own new version is not a duplicate of itself.
        assert_eq!(d.check("u1", "h3", simhash(&near)), Verdict::New);
        let other = "Helt annan text om budget och underskott i nämnden. ".repeat(10);
        assert_eq!(d.check("u4", "h4", simhash(&other)), Verdict::New);
        assert_eq!(simhash("för kort"), None);
    }
}
