//! Links in HTML pages: the article links of a listing page (a CSS selector), or all links
//! of a page when a source follows links deeper.

use scraper::{Html, Selector};

fn hrefs(doc: &Html, sel: &Selector, base: &url::Url) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for el in doc.select(sel) {
        // The selector may name the link itself or a teaser around it.
        let href = el.value().attr("href").map(str::to_string).or_else(|| {
            let a = Selector::parse("a[href]").expect("a[href]");
            el.select(&a)
                .next()
                .and_then(|a| a.value().attr("href"))
                .map(str::to_string)
        });
        if let Some(u) = href.and_then(|h| super::sources::canonical(&h, Some(base))) {
            if !out.contains(&u) {
                out.push(u);
            }
        }
    }
    out
}

/// Links of the elements `selector` picks, canonical and in page order.
pub fn select(html: &str, base: &str, selector: &str) -> Result<Vec<String>, String> {
    let sel = Selector::parse(selector).map_err(|e| format!("bad selector '{selector}': {e}"))?;
    let base = url::Url::parse(base).map_err(|e| e.to_string())?;
    Ok(hrefs(&Html::parse_document(html), &sel, &base))
}

/// Every link of a page.
pub fn all(html: &str, base: &str) -> Vec<String> {
    select(html, base, "a[href]").unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_links() {
        let html = r#"<ul><li class="teaser"><a href="/n/1#c">Ett</a></li>
            <li><a class="teaser" href="https://e.se/n/2?utm_source=x">Två</a></li>
            <li><a href="/om">Om oss</a></li></ul>"#;
        assert_eq!(
            select(html, "https://e.se/lista", ".teaser").unwrap(),
            vec!["https://e.se/n/1", "https://e.se/n/2"]
        );
        assert_eq!(all(html, "https://e.se/").len(), 3);
    }
}
