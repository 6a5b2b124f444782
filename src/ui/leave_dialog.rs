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
                    on_key: |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            unsaved::stay();
                        }
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
