//! The browser's `Intl` formatters, made once per locale and options and kept.
//!
//! Each is built through `Reflect` so that an option the browser refuses (an unknown
//! currency code) gives an error, answered with a plain form, never a crash.

use super::Locale;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use js_sys::{Array, Function, Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static KEPT: RefCell<HashMap<String, Option<(JsValue, Function)>>> = RefCell::new(HashMap::new());
}

/// `new Intl[kind](locale, options())` and its `method` (bound to it), made once per `key`
/// (which names the options) and locale, and handed to `use_it`. The options are only
/// built when the formatter is made, and a kept formatter is used where it is kept, not
/// copied: a board of cards formats hundreds of amounts, and each JavaScript value made or
/// copied is a call into the browser.
fn with_formatter(
    key: &str,
    kind: &str,
    locale: Locale,
    options: &dyn Fn() -> Vec<(&'static str, JsValue)>,
    method: &str,
    use_it: &dyn Fn(&JsValue, &Function) -> Option<JsValue>,
) -> Option<JsValue> {
    let run = |kept: &Option<(JsValue, Function)>| kept.as_ref().and_then(|(o, f)| use_it(o, f));
    let mut full = String::with_capacity(key.len() + 8);
    full.push_str(key);
    full.push('|');
    full.push_str(locale.tag());
    if let Some(out) = KEPT.with(|k| k.borrow().get(&full).map(run)) {
        return out;
    }
    let made = (|| {
        let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
        let ctor: Function = Reflect::get(&intl, &kind.into()).ok()?.dyn_into().ok()?;
        let opts = Object::new();
        for (name, value) in options() {
            Reflect::set(&opts, &name.into(), &value).ok()?;
        }
        let args = Array::of2(&locale.intl_tag().into(), &opts);
        let obj = Reflect::construct(&ctor, &args).ok()?;
        let f: Function = Reflect::get(&obj, &method.into()).ok()?.dyn_into().ok()?;
        Some((obj, f))
    })();
    let out = run(&made);
    KEPT.with(|k| k.borrow_mut().insert(full, made));
    out
}

/// The formatter's `method` called with `value`, as a string.
fn call(
    key: &str,
    kind: &str,
    locale: Locale,
    options: &dyn Fn() -> Vec<(&'static str, JsValue)>,
    method: &str,
    value: &JsValue,
) -> Option<String> {
    with_formatter(key, kind, locale, options, method, &|obj, f| {
        f.call1(obj, value).ok()
    })?
    .as_string()
}

/// `plain`, a decimal string ("-1250.50"), through the locale's `Intl.NumberFormat` with
/// `options` (kept under `key`), which formats it exactly; `None` when the browser refuses.
fn number_format(
    locale: Locale,
    key: &str,
    options: &dyn Fn() -> Vec<(&'static str, JsValue)>,
    plain: &str,
) -> Option<String> {
    call(
        key,
        "NumberFormat",
        locale,
        options,
        "format",
        &plain.into(),
    )
}

pub fn number(locale: Locale, plain: &str) -> String {
    let options = || vec![("maximumFractionDigits", 0.into())];
    number_format(locale, "n", &options, plain).unwrap_or_else(|| plain.to_string())
}

pub fn money(locale: Locale, plain: &str, code: &str, min: u32, max: u32) -> String {
    let options = || {
        vec![
            ("style", "currency".into()),
            ("currency", code.into()),
            ("currencyDisplay", "narrowSymbol".into()),
            ("minimumFractionDigits", min.into()),
            ("maximumFractionDigits", max.into()),
        ]
    };
    number_format(locale, &format!("m|{code}|{min}|{max}"), &options, plain)
        .unwrap_or_else(|| format!("{plain} {code}"))
}

pub fn percent(locale: Locale, bp: i64) -> String {
    let options = || {
        vec![
            ("style", "percent".into()),
            ("maximumFractionDigits", 2.into()),
        ]
    };
    let fraction = crate::domain::price::format_scaled(bp, 4, 0);
    number_format(locale, "p", &options, &fraction)
        .unwrap_or_else(|| format!("{}%", crate::domain::price::format_scaled(bp, 2, 0)))
}

/// A JavaScript date at the given wall-clock time, read back in UTC (so the day and the
/// hour shown are exactly the ones given, whatever the browser's time zone).
fn js_date(at: NaiveDateTime) -> JsValue {
    let ms = at.and_utc().timestamp_millis() as f64;
    js_sys::Date::new(&JsValue::from_f64(ms)).into()
}

const DAY: [(&str, &str); 3] = [("day", "numeric"), ("month", "short"), ("year", "numeric")];
const CLOCK: [(&str, &str); 3] = [
    ("hour", "2-digit"),
    ("minute", "2-digit"),
    ("hourCycle", "h23"),
];

fn date_time(
    locale: Locale,
    key: &str,
    parts: &[(&'static str, &str)],
    at: NaiveDateTime,
) -> Option<String> {
    let options = || {
        let mut options: Vec<(&'static str, JsValue)> = vec![("timeZone", "UTC".into())];
        options.extend(parts.iter().map(|(n, v)| (*n, JsValue::from_str(v))));
        options
    };
    call(
        key,
        "DateTimeFormat",
        locale,
        &options,
        "format",
        &js_date(at),
    )
}

pub fn date(locale: Locale, d: NaiveDate) -> String {
    date_time(locale, "d", &DAY, d.and_time(NaiveTime::MIN))
        .unwrap_or_else(|| d.format("%Y-%m-%d").to_string())
}

pub fn time(locale: Locale, t: NaiveTime) -> String {
    let at = NaiveDate::from_ymd_opt(2000, 1, 3)
        .expect("a valid date")
        .and_time(t.with_nanosecond(0).unwrap_or(t));
    date_time(locale, "t", &CLOCK, at).unwrap_or_else(|| t.format("%H:%M").to_string())
}

pub fn datetime(locale: Locale, at: NaiveDateTime) -> String {
    let parts = [DAY[0], DAY[1], DAY[2], CLOCK[0], CLOCK[1], CLOCK[2]];
    date_time(locale, "dt", &parts, at).unwrap_or_else(|| at.format("%Y-%m-%d %H:%M").to_string())
}

/// `Intl.PluralRules(locale).select(count)`.
pub fn plural(locale: Locale, count: u64) -> &'static str {
    let count = JsValue::from_f64(count as f64);
    match call("pl", "PluralRules", locale, &Vec::new, "select", &count).as_deref() {
        Some("zero") => "zero",
        Some("one") => "one",
        Some("two") => "two",
        Some("few") => "few",
        Some("many") => "many",
        _ => "other",
    }
}

/// Each name's place in `Intl.Collator(locale)` order (the names sorted once, in the
/// browser, with the collator's own comparison).
pub fn collator_ranks(locale: Locale, names: &[&str]) -> HashMap<String, u32> {
    let mut out = HashMap::with_capacity(names.len());
    let array: Array = names.iter().map(|n| JsValue::from_str(n)).collect();
    let sorted = with_formatter(
        "c",
        "Collator",
        locale,
        &Vec::new,
        "compare",
        &|_, compare| {
            let sort: Function = Reflect::get(&array, &"sort".into()).ok()?.dyn_into().ok()?;
            sort.call1(&array, compare).ok()
        },
    );
    if sorted.is_some() {
        for (i, name) in array.iter().enumerate() {
            if let Some(n) = name.as_string() {
                out.entry(n).or_insert(i as u32);
            }
        }
    }
    out
}
