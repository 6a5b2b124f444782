//! Messages and errors shown to the user in the toast area.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    Info,
    Success,
    Error,
}

#[derive(Clone)]
pub struct Toast {
    pub id: u64,
    pub kind: ToastKind,
    pub text: String,
    /// A button offered with the message ("Undo"): its label and what it does.
    pub action: Option<(String, Callback<()>)>,
}

/// The toast queue, provided as context at the root.
#[derive(Clone, Copy)]
pub struct Toasts {
    pub items: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
}

impl Default for Toasts {
    fn default() -> Self {
        Self::new()
    }
}

impl Toasts {
    pub fn new() -> Self {
        Toasts {
            items: RwSignal::new(Vec::new()),
            next: StoredValue::new(1),
        }
    }

    /// Shows a message. Information and success fade after a few seconds (longer when they
    /// offer an action); errors stay until dismissed, so they can be read and acted on.
    pub fn push(&self, kind: ToastKind, text: impl Into<String>) {
        self.add(kind, text.into(), None);
    }

    /// Shows a message with a button (e.g. "Undo delete").
    pub fn push_with_action(
        &self,
        kind: ToastKind,
        text: impl Into<String>,
        label: impl Into<String>,
        action: impl Fn() + Send + Sync + 'static,
    ) {
        self.add(
            kind,
            text.into(),
            Some((label.into(), Callback::new(move |_| action()))),
        );
    }

    fn add(&self, kind: ToastKind, text: String, action: Option<(String, Callback<()>)>) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        let lasting = action.is_some();
        self.items.update(|v| {
            // The same message again replaces the older one instead of stacking up.
            v.retain(|t| !(t.kind == kind && t.text == text && t.action.is_none()));
            v.push(Toast {
                id,
                kind,
                text,
                action,
            });
            if v.len() > 5 {
                v.remove(0);
            }
        });
        if kind != ToastKind::Error {
            let items = self.items;
            let secs = if lasting { 12 } else { 6 };
            set_timeout(
                move || items.update(|v| v.retain(|t| t.id != id)),
                std::time::Duration::from_secs(secs),
            );
        }
    }

    pub fn dismiss(&self, id: u64) {
        self.items.update(|v| v.retain(|t| t.id != id));
    }
}

pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}
