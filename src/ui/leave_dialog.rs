//! "Leave without saving?": asked when a link would leave text typed and not saved (see
//! [`crate::state::unsaved`]).

use crate::state::tr;
use crate::state::unsaved;
use leptos::prelude::*;

#[component]
pub fn LeaveDialog() -> impl IntoView {
    move || {
        unsaved::leaving().then(|| {
            crate::ui::focus::focus_later("leave-stay");
            view! {
                <div class="modal-backdrop leave-backdrop">
                    <div
                        class="modal card"
                        role="alertdialog"
                        aria-modal="true"
                        aria-labelledby="leave-title"
                        aria-describedby="leave-body"
                        on:keydown=|ev| {
                            if ev.key() == "Escape" {
                                unsaved::stay();
                            }
                        }
                    >
                        <h2 id="leave-title">{tr("unsaved.title")}</h2>
                        <p id="leave-body">{tr("unsaved.body")}</p>
                        <div class="actions">
                            <button type="button" class="primary" id="leave-stay" on:click=|_| unsaved::stay()>
                                {tr("unsaved.stay")}
                            </button>
                            <button type="button" on:click=|_| unsaved::leave()>
                                {tr("unsaved.leave")}
                            </button>
                        </div>
                    </div>
                </div>
            }
        })
    }
}
