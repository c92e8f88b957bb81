//! Escaping for the report: HTML text and attributes, and JSON embedded in a `<script>` element.

/// Escapes `text` for HTML element content and double-quoted attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Serialises `value` as JSON safe inside `<script type="application/json">`: every `<` is
/// written as `\u003c`, so no `</script>` or `<!--` can end or confuse the element, and the
/// text still parses as the same JSON.
pub fn script_json(value: &serde_json::Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_in_text_and_attributes() {
        assert_eq!(
            html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(html("Олександр"), "Олександр");
    }

    #[test]
    fn script_json_cannot_close_the_script_element_and_still_parses() {
        let value = serde_json::json!({"name": "</script><script>alert(1)</script><!--"});
        let text = script_json(&value);
        assert!(!text.contains("</"));
        assert!(!text.contains("<!--"));
        let back: serde_json::Value = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, value);
    }
}
