//! Handing a file the app fetched to the browser as a download. Files from the API need the
//! access token, so they are fetched like any answer and saved from memory.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Hands `text` to the browser as a download called `name`.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    save(name, mime, &JsValue::from_str(text))
}

/// Hands a CSV to the browser as a download called `name`, starting with the byte order mark
/// the server wrote: reading the answer as text drops it, and without it a Dutch Excel reads
/// the UTF-8 as another code page ("Ã–rs" for "Örs").
pub fn save_csv(name: &str, csv: &str) -> Result<(), JsValue> {
    let text = if csv.starts_with('\u{feff}') {
        csv.to_owned()
    } else {
        format!("\u{feff}{csv}")
    };
    save_text(name, "text/csv;charset=utf-8", &text)
}

/// Hands `bytes` to the browser as a download called `name`.
pub fn save_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    save(name, mime, &Uint8Array::from(bytes))
}

fn save(name: &str, mime: &str, part: &JsValue) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let document = window.document().ok_or(JsValue::NULL)?;
    let body = document.body().ok_or(JsValue::NULL)?;
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&Array::of1(part), &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let link: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    body.append_child(&link)?;
    link.click();
    link.remove();
    // Revoking the address at once can cancel the download in some browsers: a minute later.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)?;
    Ok(())
}
