use crate::state::tr_fn;
use crate::state::{toasts::use_toasts, ToastKind};
use leptos::prelude::*;

/// The live region where messages and errors appear.
#[component]
pub fn ToastArea() -> impl IntoView {
    let toasts = use_toasts();
    view! {
        <section class="toasts" aria-label=tr_fn("shell.notifications")>
            <For each=move || toasts.items.get() key=|t| t.id let:toast>
                {
                    let id = toast.id;
                    let (role, class) = match toast.kind {
                        ToastKind::Error => ("alert", "toast toast-error"),
                        ToastKind::Success => ("status", "toast toast-success"),
                        ToastKind::Info => ("status", "toast"),
                    };
                    view! {
                        <div class=class role=role>
                            <p>{toast.text.clone()}</p>
                            {toast.action.clone().map(|(label, action)| view! {
                                <button on:click=move |_| {
                                    action.run(());
                                    toasts.dismiss(id);
                                }>{label}</button>
                            })}
                            <button
                                class="icon-button"
                                aria-label=tr_fn("shell.dismiss")
                                on:click=move |_| toasts.dismiss(id)
                            >
                                <span aria-hidden="true">"×"</span>
                            </button>
                        </div>
                    }
                }
            </For>
        </section>
    }
}
