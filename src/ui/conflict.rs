//! The two-tab conflict, shared by every form of one record: when a save is refused because
//! another tab saved the record first, [`ConflictPanel`] says so in words ("This account was
//! changed in another tab at 14:02"), lists each field that differs with the rep's value and
//! the other tab's, and offers the choice: keep mine, take theirs, or copy mine (to the
//! clipboard as text, then take theirs). What was typed stays in the form until then.

use crate::state::data::Stored;
use crate::state::prefs::locale;
use crate::state::record_save::RecordSave;
use crate::state::toasts::use_toasts;
use crate::state::{tr, ToastKind};
use crate::store::conflict::{label_text, title_text, value_text};
use chrono::Local;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A form that can be shown again with another version of its record ("Take theirs"):
/// `body` renders the form for a record and gets the callback that re-renders it with a
/// newer one, so the inputs start from that version.
pub fn reloadable<T, V>(
    record: Option<T>,
    body: impl Fn(Option<T>, Callback<T>) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let shown = RwSignal::new(record);
    let reload = Callback::new(move |t: T| shown.set(Some(t)));
    move || body(shown.get(), reload).into_any()
}

/// Copies `text` to the clipboard; false where the browser offers no clipboard or refuses.
async fn copy_text(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let nav = w.navigator();
    let has = js_sys::Reflect::get(&nav, &"clipboard".into()).is_ok_and(|v| !v.is_undefined());
    has && wasm_bindgen_futures::JsFuture::from(nav.clipboard().write_text(text))
        .await
        .is_ok()
}

/// The conflict of `save`, shown while there is one. `on_take_theirs` gets the newer version
/// for the form to show instead of what was typed.
#[component]
pub fn ConflictPanel<T: Stored>(
    save: RecordSave<T>,
    #[prop(into)] on_take_theirs: Callback<T>,
) -> impl IntoView {
    let toasts = use_toasts();
    let id = format!("conflict-{}", T::KIND);
    let title_id = format!("{id}-title");

    // Brings the panel into view when it appears (the Save button may be far below).
    {
        let title_id = title_id.clone();
        Effect::new(move |_| {
            if save.conflict.with(Option::is_some) {
                let title_id = title_id.clone();
                request_animation_frame(move || {
                    if let Some(el) = document().get_element_by_id(&title_id) {
                        el.scroll_into_view();
                        if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                            let _ = h.focus();
                        }
                    }
                });
            }
        });
    }

    let keep = move |_| save.keep_mine();
    let take = move |_| {
        if let Some(t) = save.take_theirs("conflict.taken") {
            on_take_theirs.run(t);
        }
    };
    let copy = move |_| {
        let Some(c) = save.conflict.get_untracked() else {
            return;
        };
        let text = c.mine_as_text(locale());
        leptos::task::spawn_local(async move {
            if copy_text(&text).await {
                if let Some(t) = save.take_theirs("conflict.copied") {
                    on_take_theirs.run(t);
                }
            } else {
                toasts.push(ToastKind::Error, tr("conflict.copy_failed"));
            }
        });
    };

    move || {
        let c = save.conflict.get()?;
        let loc = locale();
        let changed = c.theirs.meta().updated_at.with_timezone(&Local);
        let title = title_text(
            loc,
            T::KIND,
            changed.naive_local(),
            Local::now().date_naive(),
        );
        let fields = c.fields();
        let hint = |k: &str| format!("{id}-{k}-hint");
        Some(view! {
            <section class="conflict" aria-labelledby=title_id.clone()>
                <div role="alert" class="conflict-head">
                    <h3 id=title_id.clone() tabindex="-1">{title}</h3>
                    <p>{tr("conflict.explain")}</p>
                </div>
                <h4>{tr("conflict.fields")}</h4>
                <ul class="conflict-fields">
                    {fields
                        .into_iter()
                        .map(|f| {
                            let label = label_text(loc, &f);
                            view! {
                                <li>
                                    <p class="conflict-field">{label}</p>
                                    <dl class="conflict-versions">
                                        <div class="conflict-mine">
                                            <dt>{tr("conflict.yours")}</dt>
                                            <dd class="pre-line">{value_text(loc, &f.path, &f.mine)}</dd>
                                        </div>
                                        <div class="conflict-theirs">
                                            <dt>{tr("conflict.theirs")}</dt>
                                            <dd class="pre-line">{value_text(loc, &f.path, &f.theirs)}</dd>
                                        </div>
                                    </dl>
                                    {(!f.changed_by_me).then(|| view! { <p class="hint">{tr("conflict.untouched")}</p> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <ul class="conflict-choices">
                    <li>
                        <button type="button" class="primary" on:click=keep aria-describedby=hint("keep")
                            disabled=move || save.busy.get()>
                            {tr("conflict.keep_mine")}
                        </button>
                        <p class="hint" id=hint("keep")>{tr("conflict.keep_mine_hint")}</p>
                    </li>
                    <li>
                        <button type="button" on:click=take aria-describedby=hint("take")>
                            {tr("conflict.take_theirs")}
                        </button>
                        <p class="hint" id=hint("take")>{tr("conflict.take_theirs_hint")}</p>
                    </li>
                    <li>
                        <button type="button" on:click=copy aria-describedby=hint("copy")>
                            {tr("conflict.copy_mine")}
                        </button>
                        <p class="hint" id=hint("copy")>{tr("conflict.copy_mine_hint")}</p>
                    </li>
                </ul>
            </section>
        })
    }
}
