//! Read-aloud through the browser's `speechSynthesis`, only where it exists
//! and has a Chinese voice. Android WebViews (WeChat on Android among them)
//! usually lack it, so callers show the button only when [`available`] says
//! so; nothing here assumes the API is there.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `window.speechSynthesis`, if the browser has it. Read through `Reflect`
/// because a missing property would otherwise come back as `undefined` typed
/// as the API.
fn synth() -> Option<web_sys::SpeechSynthesis> {
    let w = web_sys::window()?;
    let v = js_sys::Reflect::get(&w, &JsValue::from_str("speechSynthesis")).ok()?;
    (!v.is_undefined() && !v.is_null()).then(|| v.unchecked_into())
}

/// A voice whose language is Chinese (zh-CN, zh_TW, cmn-Hans…).
fn has_chinese_voice(s: &web_sys::SpeechSynthesis) -> bool {
    s.get_voices().iter().any(|v| {
        js_sys::Reflect::get(&v, &JsValue::from_str("lang"))
            .ok()
            .and_then(|l| l.as_string())
            .is_some_and(|l| {
                let l = l.to_ascii_lowercase();
                l.starts_with("zh") || l.starts_with("cmn")
            })
    })
}

/// The `voiceschanged` listener of one page, removed when the page goes (so
/// no handler outlives the signal it sets).
struct VoicesListener {
    synth: web_sys::SpeechSynthesis,
    callback: Closure<dyn FnMut()>,
}

impl Drop for VoicesListener {
    fn drop(&mut self) {
        let _ = self.synth.remove_event_listener_with_callback(
            "voiceschanged",
            self.callback.as_ref().unchecked_ref(),
        );
    }
}

/// True once the browser can read Chinese aloud, for the page being built.
/// Voices often arrive after the page loads (`voiceschanged`), so this can
/// turn true later.
pub fn available() -> Signal<bool> {
    let ready = RwSignal::new(false);
    if let Some(s) = synth() {
        if has_chinese_voice(&s) {
            ready.set(true);
        } else {
            let callback = Closure::<dyn FnMut()>::new(move || {
                if synth().is_some_and(|s| has_chinese_voice(&s)) {
                    ready.set(true);
                }
            });
            let _ = s.add_event_listener_with_callback(
                "voiceschanged",
                callback.as_ref().unchecked_ref(),
            );
            // Dropped, and so removed, with the page's owner.
            StoredValue::new_local(VoicesListener { synth: s, callback });
        }
    }
    ready.into()
}

/// Reads `parts` one after another (short utterances: some engines stop in
/// the middle of long ones); `done` runs after the last. False if it could
/// not start.
pub fn speak(parts: &[String], done: impl Fn() + 'static) -> bool {
    let Some(s) = synth() else { return false };
    s.cancel();
    let last = parts.len().saturating_sub(1);
    let mut on_end = Some(Closure::<dyn FnMut()>::new(done));
    for (i, text) in parts.iter().enumerate() {
        let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
            return false;
        };
        u.set_lang("zh-CN");
        if i == last {
            if let Some(cb) = on_end.take() {
                u.set_onend(Some(cb.as_ref().unchecked_ref()));
                u.set_onerror(Some(cb.as_ref().unchecked_ref()));
                cb.forget();
            }
        }
        s.speak(&u);
    }
    true
}

/// Stops reading (leaving the page must not leave the phone talking).
pub fn stop() {
    if let Some(s) = synth() {
        s.cancel();
    }
}
