//! Fetching a locale's catalogue: one hashed file per locale, listed by the build in
//! `<meta name="sixstep-catalogues" content="es=/i18n/es-….txt lv=…">`.

use super::Locale;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The address of the locale's catalogue file, from the page's list.
fn address(locale: Locale) -> Option<String> {
    let meta = web_sys::window()?
        .document()?
        .query_selector("meta[name=sixstep-catalogues]")
        .ok()??;
    let list = meta.get_attribute("content")?;
    list.split_whitespace().find_map(|entry| {
        let (tag, url) = entry.split_once('=')?;
        (tag == locale.tag()).then(|| url.to_string())
    })
}

/// Makes the locale's strings available: at once for English or a locale already
/// fetched, else by fetching its file. `Err` says why it could not (the app then keeps
/// English).
pub async fn load(locale: Locale) -> Result<(), String> {
    if locale.is_loaded() {
        return Ok(());
    }
    let url = address(locale).ok_or_else(|| format!("no catalogue listed for {}", locale.tag()))?;
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|e| format!("{url}: {e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{url}: {e:?}"))?
        .as_string()
        .ok_or("not text")?;
    locale.install(text)
}
