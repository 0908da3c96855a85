//! Notes and decisions are written in markdown and shown as sanitised HTML.

use pulldown_cmark::{Options, Parser, html};

/// Renders markdown to HTML that is safe to embed: raw HTML and scripts from the
/// source are stripped by ammonia's allow-list, and links get `rel="noopener noreferrer"`.
pub fn to_safe_html(source: &str) -> String {
    let parser = Parser::new_ext(source, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut unsafe_html, parser);
    ammonia::clean(&unsafe_html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_formatting_and_strips_scripts() {
        let html = to_safe_html("**Decision**: share by *20 June*\n\n<script>alert(1)</script>\n\n- a\n- b");
        assert!(html.contains("<strong>Decision</strong>"));
        assert!(html.contains("<em>20 June</em>"));
        assert!(html.contains("<li>a</li>"));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn neutralises_javascript_links() {
        let html = to_safe_html("[x](javascript:alert(1)) [ok](https://example.org)");
        assert!(!html.contains("javascript:"));
        assert!(html.contains("href=\"https://example.org\""));
    }
}
