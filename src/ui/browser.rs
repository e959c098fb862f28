//! Thin wrappers over the browser: location and history, today's date, copying
//! text, and the panic screen. Everything here tolerates a missing API.

use crate::date::Date;
use wasm_bindgen::JsCast;

pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// `location.search`, or "" when unavailable.
pub fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page itself without query or fragment: the app works from any sub-path
/// because it only ever changes the query string.
fn path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "./".into())
}

/// An absolute link to this page with `query` (which starts with `?` or is empty).
pub fn absolute_link(query: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}", page_url(query))
}

/// An absolute link to a file beside the app (`rel` relative to the app's
/// directory, such as `policy/tekun.html`, a policy entry's page).
pub fn absolute_beside(rel: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let path = path();
    let dir = path.rfind('/').map_or("/", |i| &path[..=i]);
    format!("{origin}{dir}{rel}")
}

/// Opens `url` in place of the current page (no history entry of its own).
pub fn replace_location(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(url);
    }
}

/// A text kept for this tab only (sessionStorage), or None.
pub fn session_get(key: &str) -> Option<String> {
    web_sys::window()?
        .session_storage()
        .ok()??
        .get_item(key)
        .ok()?
}

/// Keeps a text for this tab only; refused storage changes nothing.
pub fn session_set(key: &str, value: &str) {
    if let Some(Ok(Some(s))) = web_sys::window().map(|w| w.session_storage()) {
        let _ = s.set_item(key, value);
    }
}

/// This page with `query` (which starts with `?`), as a relative URL.
fn page_url(query: &str) -> String {
    format!("{}{}", path(), query)
}

/// Loads the current address again: after an update, a screen's file of the
/// build still running may be gone, and the page then loads the new build.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

fn history(push: bool, query: &str) {
    let Some(h) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let url = page_url(query);
    let _ = if push {
        h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

pub fn push_query(query: &str) {
    history(true, query);
}

pub fn replace_query(query: &str) {
    history(false, query);
}

thread_local! {
    /// The title from index.html, read once before any view replaced it.
    static APP_TITLE: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() };
}

/// The page's own title (index.html), whatever a view has set since.
pub fn app_title() -> String {
    APP_TITLE.with(|t| {
        t.get_or_init(|| document().map(|d| d.title()).unwrap_or_default())
            .clone()
    })
}

/// Sets the tab title; WeChat uses it for the card when the page is shared.
pub fn set_title(title: &str) {
    app_title();
    if let Some(doc) = document() {
        doc.set_title(title);
    }
}

pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
    .unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

/// 大字版 on or off: the class `big-text` on <html> (index.html's inline
/// script sets it from storage before the app loads, so nothing jumps).
/// The app puts no other class there.
pub fn set_big_text(on: bool) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("class", if on { "big-text" } else { "" });
    }
}

pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Copies the text of `input` (selecting it first, so a long-press copy works
/// where scripted copying is refused, as in some WebViews). True on success.
pub fn copy_from(input: &web_sys::HtmlInputElement) -> bool {
    input.select();
    let _ = input.set_selection_range(0, 10_000);
    document()
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}

/// [`copy_from`] for a text area (a sheet's text, several lines).
pub fn copy_from_area(area: &web_sys::HtmlTextAreaElement) -> bool {
    area.select();
    let _ = area.set_selection_range(0, 100_000);
    document()
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}

/// Hands `text` to the phone's share sheet (`navigator.share({title,
/// text})`) where the browser has one; WeChat's own browser and most
/// desktops have none, and say [`Shared::CannotShare`] (copy instead).
pub async fn share_text(title: &str, text: &str) -> Shared {
    use js_sys::Reflect;
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Shared::CannotShare;
    };
    let Some(share) = Reflect::get(&nav, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return Shared::CannotShare;
    };
    let data = js_sys::Object::new();
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let _ = Reflect::set(&data, &"text".into(), &text.into());
    call_share(&nav, &share, &data).await
}

/// Calls `navigator.share(data)` and says how it went: the user's cancel
/// (`AbortError`) apart from every other refusal.
async fn call_share(
    nav: &web_sys::Navigator,
    share: &js_sys::Function,
    data: &js_sys::Object,
) -> Shared {
    use js_sys::Reflect;
    let Some(promise) = share
        .call1(nav, data)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return Shared::CannotShare;
    };
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Shared::Sent,
        Err(e) => {
            let name = Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") {
                Shared::Cancelled
            } else {
                Shared::CannotShare
            }
        }
    }
}

/// A panic must not leave a frozen page: show a recovery message instead.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        let Some(doc) = document() else { return };
        let Some(body) = doc.body() else { return };
        if doc.get_element_by_id("fatal").is_some() {
            return;
        }
        if let Ok(el) = doc.create_element("div") {
            el.set_id("fatal");
            el.set_class_name("fatal");
            el.set_attribute("role", "alert").ok();
            el.set_inner_html(
                "<div><h2>出错了，请刷新页面</h2><p>您填过的内容已保存在手机上，刷新后还在。</p>\
                 <button type=\"button\" onclick=\"location.reload()\">刷新页面</button></div>",
            );
            let _ = body.append_child(&el);
        }
    }));
}

/// Offers `text` as a file download (CSV, backup). False where the browser
/// refuses (some WebViews), so the caller can show the text instead.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let Some(doc) = document() else { return false };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}

/// The bytes of the first file chosen in a file input: the caller decides
/// how to read them (a backup must be UTF-8, and `File.text()` would hide a
/// GBK file behind replacement characters).
pub async fn read_file(input: &web_sys::HtmlInputElement) -> Result<Vec<u8>, String> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or("没有选中文件，请再点一次，选帮扶助手导出的备份文件。")?;
    if file.size() > crate::check::households::MAX_BACKUP_BYTES as f64 {
        return Err("文件太大，不是帮扶助手的备份文件。请选帮扶助手导出的备份（.json）。".into());
    }
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "文件读不出来，请换一个帮扶助手导出的备份文件再试。".to_string())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Prints the page with every collapsed section opened, so the paper copy
/// has the steps and the list of what to bring.
pub fn print() {
    if let Some(doc) = document() {
        if let Ok(all) = doc.query_selector_all("details") {
            for i in 0..all.length() {
                if let Some(el) = all
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = el.set_attribute("open", "");
                }
            }
        }
    }
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Asks the browser to keep this site's storage when space runs low
/// (`navigator.storage.persist()`): `Some(granted)`, or `None` where the
/// browser has no such call (older WebViews, pages not served over https).
pub async fn persist_storage() -> Option<bool> {
    let nav = web_sys::window()?.navigator();
    let storage = js_sys::Reflect::get(&nav, &"storage".into()).ok()?;
    if storage.is_undefined() || storage.is_null() {
        return None;
    }
    let has = js_sys::Reflect::get(&storage, &"persist".into()).ok()?;
    if !has.is_function() {
        return None;
    }
    let storage: web_sys::StorageManager = storage.unchecked_into();
    let granted = wasm_bindgen_futures::JsFuture::from(storage.persist().ok()?)
        .await
        .ok()?;
    granted.as_bool()
}

/// How sharing a file went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The phone's share sheet took it (WeChat, Bluetooth, …).
    Sent,
    /// The user closed the share sheet: nothing to do.
    Cancelled,
    /// This browser cannot share files: download instead.
    CannotShare,
}

/// Offers `text` as a file to the phone's share sheet
/// (`navigator.share({files})`), where `navigator.canShare({files})` says
/// it can. Read through `Reflect`, so a browser without either call (most
/// desktops, older WebViews) just says [`Shared::CannotShare`]; every error
/// but the user's cancel says the same.
pub async fn share_file(name: &str, mime: &str, text: &str) -> Shared {
    use js_sys::Reflect;
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Shared::CannotShare;
    };
    let func = |key: &str| {
        Reflect::get(&nav, &key.into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    };
    let (Some(can_share), Some(share)) = (func("canShare"), func("share")) else {
        return Shared::CannotShare;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::FilePropertyBag::new();
    opts.set_type(mime);
    let Ok(file) = web_sys::File::new_with_str_sequence_and_options(&parts, name, &opts) else {
        return Shared::CannotShare;
    };
    let data = js_sys::Object::new();
    let files = js_sys::Array::of1(&file);
    if Reflect::set(&data, &"files".into(), &files).is_err() {
        return Shared::CannotShare;
    }
    let can = can_share
        .call1(&nav, &data)
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if !can {
        return Shared::CannotShare;
    }
    let _ = Reflect::set(&data, &"title".into(), &name.into());
    call_share(&nav, &share, &data).await
}
