//! Fetching a locale's catalogue: two hashed files per locale, the first screen's texts and
//! the other pages', listed by the build in
//! `<meta name="sixstep-catalogues" content="es=/i18n/es-….txt es.later=/i18n/es-later-….txt …">`.

use super::Locale;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The address of one part of the locale's catalogue, from the page's list.
fn address(locale: Locale, later: bool) -> Option<String> {
    let meta = web_sys::window()?
        .document()?
        .query_selector("meta[name=sixstep-catalogues]")
        .ok()??;
    let list = meta.get_attribute("content")?;
    let wanted = if later {
        format!("{}.later", locale.tag())
    } else {
        locale.tag().to_string()
    };
    list.split_whitespace().find_map(|entry| {
        let (tag, url) = entry.split_once('=')?;
        (tag == wanted).then(|| url.to_string())
    })
}

/// Makes the locale's strings available, both parts: at once for English or a locale
/// already fetched, else by fetching its files. `Err` says why it could not (the app then
/// keeps English).
pub async fn load(locale: Locale) -> Result<(), String> {
    load_first(locale).await?;
    load_later(locale).await
}

/// Makes the first screen's strings of the locale available (what the app starts with).
pub async fn load_first(locale: Locale) -> Result<(), String> {
    if locale.is_loaded() {
        return Ok(());
    }
    fetch_part(locale, false).await
}

/// Makes the other pages' strings of the locale available: every page but the dashboard,
/// and the dashboard's cards of the kinds read after it, wait for them.
pub async fn load_later(locale: Locale) -> Result<(), String> {
    if locale.is_complete() {
        return Ok(());
    }
    fetch_part(locale, true).await
}

/// Fetches and installs one part. Two callers asking at once share one request (a page and
/// the dashboard's later cards both wait for the later part); a failed request is forgotten,
/// so a later call asks again.
async fn fetch_part(locale: Locale, later: bool) -> Result<(), String> {
    let url = address(locale, later)
        .ok_or_else(|| format!("no catalogue listed for {}", locale.tag()))?;
    let pending = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        if let Some((_, promise)) = p.iter().find(|(u, _)| *u == url) {
            return promise.clone();
        }
        let promise = wasm_bindgen_futures::future_to_promise(fetch_text(url.clone()));
        p.push((url.clone(), promise.clone()));
        promise
    });
    let text = JsFuture::from(pending).await;
    PENDING.with(|p| p.borrow_mut().retain(|(u, _)| *u != url));
    let text = text
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?
        .as_string()
        .ok_or("not text")?;
    locale.install(text, later)
}

thread_local! {
    /// The requests under way, by address.
    static PENDING: std::cell::RefCell<Vec<(String, js_sys::Promise)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

async fn fetch_text(url: String) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    let fail = |e: String| wasm_bindgen::JsValue::from_str(&e);
    let window = web_sys::window().ok_or_else(|| fail("no window".into()))?;
    let response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|e| fail(format!("{url}: {e:?}")))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| fail("not a response".into()))?;
    if !response.ok() {
        return Err(fail(format!("{url}: HTTP {}", response.status())));
    }
    JsFuture::from(response.text().map_err(|e| fail(format!("{e:?}")))?)
        .await
        .map_err(|e| fail(format!("{url}: {e:?}")))
}
