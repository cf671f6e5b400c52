//! Pandoc attributes (属性): `{#id .class key="value" key=value}` on spans and fenced divs,
//! and the fence lines of fenced divs (`::: signature`, `::: {.display .title}`, `:::`).

/// Parsed attributes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attrs {
    /// `#id`.
    pub id: Option<String>,
    /// `.class`es, in order.
    pub classes: Vec<String>,
    /// `key=value` pairs, in order.
    pub pairs: Vec<(String, String)>,
}

impl Attrs {
    /// Whether `.class` is present.
    pub fn has(&self, class: &str) -> bool {
        self.classes.iter().any(|c| c == class)
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Parses the inside of `{…}`; `None` when it is not attribute syntax.
pub fn parse(inner: &str) -> Option<Attrs> {
    let mut a = Attrs::default();
    let mut rest = inner.trim();
    while !rest.is_empty() {
        let word_end = |s: &str| s.find(char::is_whitespace).unwrap_or(s.len());
        if let Some(r) = rest.strip_prefix('#') {
            let end = word_end(r);
            a.id = Some(r[..end].to_string());
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('.') {
            let end = word_end(r);
            if end == 0 {
                return None;
            }
            a.classes.push(r[..end].to_string());
            rest = &r[end..];
        } else {
            let eq = rest.find('=')?;
            let key = &rest[..eq];
            if key.is_empty() || key.contains(char::is_whitespace) {
                return None;
            }
            let after = &rest[eq + 1..];
            let (value, r) = match after.strip_prefix('"') {
                Some(q) => quoted(q)?,
                None => {
                    let end = word_end(after);
                    (after[..end].to_string(), &after[end..])
                }
            };
            a.pairs.push((key.to_string(), value));
            rest = r;
        }
        rest = rest.trim_start();
    }
    Some(a)
}

/// A double-quoted value after its opening quote, `\"` and `\\` escaped; the value and the rest.
fn quoted(s: &str) -> Option<(String, &str)> {
    let mut value = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => value.push(chars.next()?.1),
            '"' => return Some((value, &s[i + 1..])),
            _ => value.push(c),
        }
    }
    None
}

/// A fence line: an opener with its attributes, or a closer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fence {
    /// `::: class` or `::: {attrs}`.
    Open(Attrs),
    /// `:::`.
    Close,
}

/// Reads a line as a fenced-div fence (three or more colons), if it is one.
pub fn fence(line: &str) -> Option<Fence> {
    let line = line.trim();
    let colons = line.bytes().take_while(|b| *b == b':').count();
    if colons < 3 {
        return None;
    }
    let rest = line[colons..].trim().trim_end_matches(':').trim_end();
    if rest.is_empty() {
        return Some(Fence::Close);
    }
    if let Some(inner) = rest.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        return parse(inner).map(Fence::Open);
    }
    let word_ok = !rest.contains(char::is_whitespace);
    word_ok.then(|| {
        Fence::Open(Attrs {
            classes: vec![rest.to_string()],
            ..Attrs::default()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(id: Option<&str>, classes: &[&str], pairs: &[(&str, &str)]) -> Attrs {
        Attrs {
            id: id.map(str::to_string),
            classes: classes.iter().map(|c| c.to_string()).collect(),
            pairs: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    #[test]
    fn attributes_parse() {
        let cases = [
            (".label", Some(attrs(None, &["label"], &[]))),
            (
                ".pagebreak page=\"17\"",
                Some(attrs(None, &["pagebreak"], &[("page", "17")])),
            ),
            (
                "#x .note .endnote mark=\"a \\\"b\\\"\" n=3",
                Some(attrs(
                    Some("x"),
                    &["note", "endnote"],
                    &[("mark", "a \"b\""), ("n", "3")],
                )),
            ),
            ("", Some(Attrs::default())),
            ("not attrs", None),
            ("key=\"open", None),
            (". x", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse(text), want, "{text:?}");
        }
    }

    #[test]
    fn fences_parse() {
        let cases = [
            (":::", Some(Fence::Close)),
            (":::::", Some(Fence::Close)),
            (
                "::: signature",
                Some(Fence::Open(attrs(None, &["signature"], &[]))),
            ),
            (
                "::: {.display .title} :::",
                Some(Fence::Open(attrs(None, &["display", "title"], &[]))),
            ),
            ("::", None),
            ("::: two words", None),
            ("文字", None),
        ];
        for (text, want) in cases {
            assert_eq!(fence(text), want, "{text:?}");
        }
    }
}
