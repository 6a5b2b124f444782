//! "Leave without saving?": asked when a link would leave text typed and not saved (see
//! [`crate::state::unsaved`]).

use crate::state::tr;
use crate::state::unsaved;
use crate::ui::modal::{modal, Frame};
use leptos::prelude::*;

#[component]
pub fn LeaveDialog() -> impl IntoView {
    move || {
        unsaved::leaving().then(|| {
            crate::ui::focus::focus_later("leave-stay");
            modal(
                Frame {
                    labelled_by: "leave-title".into(),
                    described_by: Some("leave-body".into()),
                    alert: true,
                    on_key: |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                        "Escape" => unsaved::stay(),
                        // The focus stays on the dialog's two buttons while it asks.
                        "Tab" => {
                            ev.prevent_default();
                            let on_stay = document()
                                .active_element()
                                .is_some_and(|e| e.id() == "leave-stay");
                            let next = if on_stay { "leave-go" } else { "leave-stay" };
                            crate::ui::focus::focus_later(next);
                        }
                        _ => {}
                    },
                },
                view! {
                    <h2 id="leave-title">{tr("unsaved.title")}</h2>
                    <p id="leave-body">{tr("unsaved.body")}</p>
                    <div class="actions">
                        <button type="button" class="primary" id="leave-stay" on:click=|_| unsaved::stay()>
                            {tr("unsaved.stay")}
                        </button>
                        <button type="button" id="leave-go" on:click=|_| unsaved::leave()>
                            {tr("unsaved.leave")}
                        </button>
                    </div>
                },
            )
        })
    }
}
