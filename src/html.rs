//! A very small HTML writer for long static text (the policy library).
//!
//! Why not Leptos views there: every distinct view shape compiles into its
//! own code, and the library's many nested lists cost tens of KB of
//! WebAssembly; writing the same markup into a string costs almost nothing.
//! Every piece of text goes through [`escape_into`], so data can never become
//! markup; tag and attribute names are literals in the code.

/// Appends `s` with `& < > " '` escaped, safe both as text and inside a
/// double-quoted attribute.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[derive(Debug, Default)]
pub struct Html {
    out: String,
}

impl Html {
    pub fn new() -> Html {
        Html::default()
    }

    /// `<tag a="v" …>`; values are escaped.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Html {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
        self.out.push('>');
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Html {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    pub fn text(&mut self, s: &str) -> &mut Html {
        escape_into(&mut self.out, s);
        self
    }

    /// An element holding only text.
    pub fn leaf(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        s: &str,
    ) -> &mut Html {
        self.open(tag, attrs).text(s).close(tag)
    }

    /// Markup written by this program itself (icons), never data.
    pub fn trusted(&mut self, markup: &'static str) -> &mut Html {
        self.out.push_str(markup);
        self
    }

    /// Markup another [`Html`] writer produced (so already escaped).
    pub fn written(&mut self, markup: &str) -> &mut Html {
        self.out.push_str(markup);
        self
    }

    pub fn finish(&mut self) -> String {
        std::mem::take(&mut self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut h = Html::new();
        h.open("a", &[("href", "?v=policy&id=\"x\"")])
            .text("<b>五保</b> & 'q'")
            .close("a");
        assert_eq!(
            h.finish(),
            "<a href=\"?v=policy&amp;id=&quot;x&quot;\">&lt;b&gt;五保&lt;/b&gt; &amp; &#39;q&#39;</a>"
        );
    }

    #[test]
    fn leaf_wraps_text() {
        let mut h = Html::new();
        h.leaf("li", &[], "一");
        assert_eq!(h.finish(), "<li>一</li>");
    }
}
