//! The app's two kinds of form field, each one component used from data: a
//! labelled text input (unit, quick-pick chips, hint, message line) and a
//! labelled select. Values come in as signals and go out through callbacks,
//! so every field of every screen shares one compiled component, and a
//! field's markup, value and message cannot drift apart by a mistyped id.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// True for the `input` events an input method sends while it is still
/// composing (Chinese input methods type pinyin first): what the user means
/// arrives with `compositionend`, so a half-typed syllable is never read.
pub fn composing(ev: &leptos::ev::Event) -> bool {
    ev.dyn_ref::<web_sys::InputEvent>()
        .is_some_and(web_sys::InputEvent::is_composing)
}

/// A text input that reports what was typed, whole: every keystroke outside
/// an input method's composition, and the committed text of one.
#[component]
pub fn TypedInput(
    id: String,
    #[prop(into)] value: Signal<String>,
    on_text: Callback<String>,
    /// `inputmode`: "decimal", "numeric" or "text" (Chinese, 万).
    #[prop(optional)]
    mode: Option<&'static str>,
    #[prop(optional)] label: Option<String>,
    #[prop(optional)] placeholder: Option<&'static str>,
    /// A search box (`type="search"`, the keyboard's 搜索 key) instead of text.
    #[prop(optional)]
    search: bool,
    /// Sets `aria-invalid` and `aria-describedby` (the message line's id).
    #[prop(optional_no_strip)]
    error: Option<(Signal<String>, String)>,
) -> impl IntoView {
    let (invalid, described) = match error {
        Some((msg, id)) => (
            Some(Signal::derive(move || {
                if msg.with(String::is_empty) {
                    "false"
                } else {
                    "true"
                }
            })),
            Some(id),
        ),
        None => (None, None),
    };
    view! {
        <input
            id=id
            type=if search { "search" } else { "text" }
            enterkeyhint=search.then_some("search")
            inputmode=mode
            autocomplete="off"
            aria-label=label
            placeholder=placeholder
            aria-invalid=invalid
            aria-describedby=described
            prop:value=value
            on:input=move |ev| {
                if !composing(&ev) {
                    on_text.run(event_target_value(&ev));
                }
            }
            on:compositionend=move |ev| on_text.run(event_target_value(&ev))
        />
    }
}

/// What a text field shows besides its value.
#[derive(Clone, Copy, Default)]
pub struct TextSpec {
    pub id: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    /// `inputmode`: "decimal", "numeric" or "text" (Chinese, 万).
    pub mode: &'static str,
    pub hint: &'static str,
    /// Quick picks, each a button that puts its text in the field.
    pub chips: &'static [&'static str],
}

/// A labelled text field in a `.field` block (`id="field-{id}"`), with its
/// unit, chips, hint, and, when `error` is given, a message line
/// (`id="{id}-error"`) that says what to change.
#[component]
pub fn TextField(
    spec: TextSpec,
    #[prop(into)] value: Signal<String>,
    on_text: Callback<String>,
    #[prop(optional)] error: Option<Signal<String>>,
    /// Hides the whole field while true.
    #[prop(optional)]
    hidden: Option<Signal<bool>>,
) -> impl IntoView {
    let err_id = format!("{}-error", spec.id);
    let chips = (!spec.chips.is_empty()).then(|| {
        view! {
            <div class="chips">
                {spec
                    .chips
                    .iter()
                    .map(|c| {
                        view! {
                            <button type="button" on:click=move |_| on_text.run(c.to_string())>
                                {*c}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        }
    });
    view! {
        <div
            class="field"
            id=format!("field-{}", spec.id)
            hidden=move || hidden.is_some_and(|h| h.get())
        >
            <label for=spec.id>{spec.label}</label>
            <div class="with-unit">
                <TypedInput
                    id=spec.id.to_string()
                    value
                    on_text
                    mode=spec.mode
                    error=error.map(|e| (e, err_id.clone()))
                />
                {(!spec.unit.is_empty()).then(|| view! { <span>{spec.unit}</span> })}
            </div>
            {chips}
            {(!spec.hint.is_empty()).then(|| view! { <p class="hint">{spec.hint}</p> })}
            {error.map(|e| view! { <ErrorLine id=err_id msg=e/> })}
        </div>
    }
}

/// The message under a field; empty when the field can be read.
#[component]
pub fn ErrorLine(id: String, msg: Signal<String>) -> impl IntoView {
    view! {
        <p class="error" id=id role="alert">
            {msg}
        </p>
    }
}

/// A labelled select in a `.field` block; `options` are (value, label). An
/// `error` puts the field's message line (`{id}-error`) right under it,
/// `hint` a line that follows the choice, and `children` more lines after it.
/// A value that is none of the options shows as no choice at all (not the
/// first option), so picking any option, the first too, is a change.
#[component]
pub fn SelectField(
    id: &'static str,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    #[prop(into)] value: Signal<String>,
    on_pick: Callback<String>,
    #[prop(optional)] error: Option<Signal<String>>,
    #[prop(optional)] hint: Option<(&'static str, Signal<String>)>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let err_id = format!("{id}-error");
    let invalid = error.map(|e| {
        Signal::derive(move || {
            if e.with(String::is_empty) {
                "false"
            } else {
                "true"
            }
        })
    });
    // Set once the options exist (an effect runs after mounting): a select's
    // value can only name an option it already has.
    let select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        let v = value.get();
        if let Some(el) = select.get() {
            el.set_value(&v);
        }
    });
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                node_ref=select
                aria-invalid=invalid
                aria-describedby=error.map(|_| err_id.clone())
                on:change=move |ev| on_pick.run(event_target_value(&ev))
            >
                {options
                    .into_iter()
                    .map(|(key, text)| view! { <option value=key>{text}</option> })
                    .collect_view()}
            </select>
            {hint.map(|(hint_id, text)| view! { <p class="hint" id=hint_id>{text}</p> })}
            {error.map(|e| view! { <ErrorLine id=err_id msg=e/> })}
            {children.map(|c| c())}
        </div>
    }
}
