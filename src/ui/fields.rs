//! Form fields written as markup (see [`super::dom`]): a labelled text input
//! with its unit, quick-pick chips, hint and message line, and a labelled
//! select. Values are set once here; effects keep them in step afterwards.

use crate::html::Html;

pub struct TextField<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub value: &'a str,
    pub unit: &'a str,
    /// `inputmode`: "decimal", "numeric" or "text" (Chinese, 万).
    pub mode: &'a str,
    pub hint: &'a str,
    /// Quick picks: buttons with `data-act="chip"`, `data-field`, `data-value`.
    pub chips: &'a [&'a str],
    /// Writes an `{id}-error` line the form's checks fill in.
    pub errors: bool,
}

pub fn text(h: &mut Html, f: &TextField) {
    let err_id = format!("{}-error", f.id);
    h.open(
        "div",
        &[("class", "field"), ("id", &format!("field-{}", f.id))],
    )
    .leaf("label", &[("for", f.id)], f.label)
    .open("div", &[("class", "with-unit")]);
    let mut attrs = vec![
        ("id", f.id),
        ("type", "text"),
        ("inputmode", f.mode),
        ("autocomplete", "off"),
        ("value", f.value),
    ];
    if f.errors {
        attrs.push(("aria-invalid", "false"));
        attrs.push(("aria-describedby", &err_id));
    }
    h.open("input", &attrs);
    if !f.unit.is_empty() {
        h.leaf("span", &[], f.unit);
    }
    h.close("div");
    if !f.chips.is_empty() {
        h.open("div", &[("class", "chips")]);
        for c in f.chips {
            h.leaf(
                "button",
                &[
                    ("type", "button"),
                    ("data-act", "chip"),
                    ("data-field", f.id),
                    ("data-value", c),
                ],
                c,
            );
        }
        h.close("div");
    }
    if !f.hint.is_empty() {
        h.leaf("p", &[("class", "hint")], f.hint);
    }
    if f.errors {
        h.leaf(
            "p",
            &[("class", "error"), ("id", &err_id), ("role", "alert")],
            "",
        );
    }
    h.close("div");
}

/// A `<select>` whose options are (value, label); `selected` is marked.
pub fn options(h: &mut Html, options: &[(&str, &str)], selected: &str) {
    for (value, label) in options {
        let mut attrs = vec![("value", *value)];
        if *value == selected {
            attrs.push(("selected", ""));
        }
        h.leaf("option", &attrs, label);
    }
}

/// A labelled select in a `.field`; `hint_id` adds an empty hint line to fill in.
pub fn select(
    h: &mut Html,
    id: &str,
    label: &str,
    choices: &[(&str, &str)],
    selected: &str,
    hint_id: Option<&str>,
) {
    h.open("div", &[("class", "field")])
        .leaf("label", &[("for", id)], label)
        .open("select", &[("id", id)]);
    options(h, choices, selected);
    h.close("select");
    if let Some(hid) = hint_id {
        h.leaf("p", &[("class", "hint"), ("id", hid)], "");
    }
    h.close("div");
}
