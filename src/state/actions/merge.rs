//! Merging two accounts or two people: the preview (nothing written), the merge as one
//! transaction, and its Undo.

use crate::domain::account::Account;
use crate::domain::contact::Contact;
use crate::domain::ids::Id;
use crate::domain::merge::{
    plan_account_merge, plan_contact_merge, plan_undo, Book, InBook, MergeDone, MergePlan, Moved,
    Relinked, Restored, ServiceBook, ServiceRelinked, UndoRefusal,
};
use crate::state::data::{report_store_error, AppData, Changes, Stored};
use crate::state::{tr, tw, ToastKind, Toasts};
use chrono::Utc;
use leptos::prelude::*;

/// Runs `f` over every record of step 6 and good vendor practice in memory, read without
/// tracking.
fn with_service<R>(data: &AppData, f: impl FnOnce(ServiceBook) -> R) -> R {
    data.followups.with_all_untracked(|followups| {
        data.invoices.with_all_untracked(|invoices| {
            data.credit_checks.with_all_untracked(|credit_checks| {
                data.complaints.with_all_untracked(|complaints| {
                    data.referrals.with_all_untracked(|referrals| {
                        data.declined_requests
                            .with_all_untracked(|declined_requests| {
                                f(ServiceBook {
                                    followups,
                                    invoices,
                                    credit_checks,
                                    complaints,
                                    referrals,
                                    declined_requests,
                                })
                            })
                    })
                })
            })
        })
    })
}

/// Runs `f` over every record in memory, read without tracking.
pub(crate) fn with_book<R>(data: &AppData, f: impl FnOnce(&Book) -> R) -> R {
    with_service(data, |service| with_core_book(data, service, f))
}

fn with_core_book<R>(data: &AppData, service: ServiceBook, f: impl FnOnce(&Book) -> R) -> R {
    data.accounts.with_all_untracked(|accounts| {
        data.contacts.with_all_untracked(|contacts| {
            data.competitors.with_all_untracked(|competitors| {
                data.intel_notes.with_all_untracked(|intel_notes| {
                    data.deals.with_all_untracked(|deals| {
                        data.activities.with_all_untracked(|activities| {
                            data.tasks.with_all_untracked(|tasks| {
                                f(&Book {
                                    accounts,
                                    contacts,
                                    competitors,
                                    intel_notes,
                                    deals,
                                    activities,
                                    tasks,
                                    service,
                                })
                            })
                        })
                    })
                })
            })
        })
    })
}

/// What merging account `gone` into `keep` would do (nothing is written); `None` when
/// either is no longer there or they are the same.
pub fn preview_accounts(data: &AppData, keep: Id, gone: Id) -> Option<MergePlan<Account>> {
    with_book(data, |b| {
        let (k, g) = (b.accounts.get(&keep)?, b.accounts.get(&gone)?);
        (keep != gone).then(|| plan_account_merge(k, g, b, Utc::now()))
    })
}

/// What merging person `gone` into `keep` would do (nothing is written).
pub fn preview_contacts(data: &AppData, keep: Id, gone: Id) -> Option<MergePlan<Contact>> {
    with_book(data, |b| {
        let (k, g) = (b.contacts.get(&keep)?, b.contacts.get(&gone)?);
        (keep != gone).then(|| plan_contact_merge(k, g, b, Utc::now()))
    })
}

pub(crate) fn put_all<T: Stored>(
    data: &AppData,
    ch: &mut Changes,
    list: &[Moved<T>],
) -> Vec<Moved<T>> {
    list.iter()
        .map(|m| Moved {
            before: m.before.clone(),
            after: ch.put(data, m.after.clone()),
        })
        .collect()
}

/// Adds every re-pointed record of a merge or a delete to `ch`; returns them as they will
/// be stored.
pub(crate) fn put_relinked(data: &AppData, ch: &mut Changes, r: &Relinked) -> Relinked {
    let s = &r.service;
    Relinked {
        contacts: put_all(data, ch, &r.contacts),
        competitors: put_all(data, ch, &r.competitors),
        intel_notes: put_all(data, ch, &r.intel_notes),
        deals: put_all(data, ch, &r.deals),
        activities: put_all(data, ch, &r.activities),
        tasks: put_all(data, ch, &r.tasks),
        service: ServiceRelinked {
            followups: put_all(data, ch, &s.followups),
            invoices: put_all(data, ch, &s.invoices),
            credit_checks: put_all(data, ch, &s.credit_checks),
            complaints: put_all(data, ch, &s.complaints),
            referrals: put_all(data, ch, &s.referrals),
            declined_requests: put_all(data, ch, &s.declined_requests),
        },
    }
}

/// The one transaction of a previewed merge: the absorbed record deleted, every linked
/// record re-pointed, the survivor saved. Also returns what is needed to undo it. Each
/// write is based on the revision the preview read, so a record changed since makes the
/// whole commit fail as stale, with nothing written.
pub fn merge_changes<T: Stored + InBook>(
    data: &AppData,
    plan: &MergePlan<T>,
) -> (Changes, MergeDone<T>) {
    let mut ch = Changes::new();
    ch.delete(&plan.gone);
    let relinked = put_relinked(data, &mut ch, &plan.relinked);
    let merged = ch.put(data, plan.merged.clone());
    let done = MergeDone {
        survivor: Moved {
            before: plan.keep.clone(),
            after: merged,
        },
        removed: plan.gone.clone(),
        relinked,
    };
    (ch, done)
}

/// The one transaction that takes a merge back: both records and every re-pointed record
/// as they were. Refused, with nothing to commit, when any of them changed since the merge.
pub fn undo_merge<T: Stored + InBook>(
    data: &AppData,
    done: &MergeDone<T>,
) -> Result<Changes, UndoRefusal> {
    let plan = with_book(data, |b| plan_undo(done, b))?;
    let mut ch = Changes::new();
    ch.put(data, plan.recreate);
    ch.put(data, plan.survivor);
    put_restored(data, &mut ch, plan.restored);
    Ok(ch)
}

/// Adds every restored record of an undo (merge or delete) to `ch`.
pub(crate) fn put_restored(data: &AppData, ch: &mut Changes, restored: Restored) {
    let Restored {
        contacts,
        competitors,
        intel_notes,
        deals,
        activities,
        tasks,
        followups,
        invoices,
        credit_checks,
        complaints,
        referrals,
        declined_requests,
    } = restored;
    for r in followups {
        ch.put(data, r);
    }
    for r in invoices {
        ch.put(data, r);
    }
    for r in credit_checks {
        ch.put(data, r);
    }
    for r in complaints {
        ch.put(data, r);
    }
    for r in referrals {
        ch.put(data, r);
    }
    for r in declined_requests {
        ch.put(data, r);
    }
    for r in contacts {
        ch.put(data, r);
    }
    for r in competitors {
        ch.put(data, r);
    }
    for r in intel_notes {
        ch.put(data, r);
    }
    for r in deals {
        ch.put(data, r);
    }
    for r in activities {
        ch.put(data, r);
    }
    for r in tasks {
        ch.put(data, r);
    }
}

/// An undo refusal in the user's language.
pub fn undo_refusal_text(r: &UndoRefusal) -> String {
    match r {
        UndoRefusal::Changed { kind, .. } => {
            tw(r.key(), &[("kind", &tr(&format!("data.kind.{kind}")))])
        }
        UndoRefusal::AlreadyBack => tr(r.key()),
    }
}

/// Commits a previewed merge as one user action. On success says `done_text` with an Undo
/// button (see [`undo_merge`]) and calls `then`; on failure says why and nothing changed.
pub fn merge<T: Stored + InBook>(
    data: AppData,
    toasts: Toasts,
    plan: &MergePlan<T>,
    done_text: String,
    names: (String, String),
    busy: RwSignal<bool>,
    then: impl FnOnce() + 'static,
) {
    let (ch, done) = merge_changes(&data, plan);
    busy.set(true);
    leptos::task::spawn_local(async move {
        match ch.commit(data).await {
            Ok(()) => {
                toasts.push_with_action(
                    ToastKind::Success,
                    done_text,
                    tr("merge.undo"),
                    move || undo(data, toasts, done.clone(), names.clone()),
                );
                then();
            }
            Err(e) => report_store_error(toasts, &e),
        }
        busy.set(false);
    });
}

/// Takes a merge back as one user action (the toast's Undo); `names` are the survivor's
/// and the absorbed record's names for the message.
pub fn undo<T: Stored + InBook>(
    data: AppData,
    toasts: Toasts,
    done: MergeDone<T>,
    names: (String, String),
) {
    let ch = match undo_merge(&data, &done) {
        Ok(ch) => ch,
        Err(r) => {
            toasts.push(ToastKind::Error, undo_refusal_text(&r));
            return;
        }
    };
    leptos::task::spawn_local(async move {
        match ch.commit(data).await {
            Ok(()) => toasts.push(
                ToastKind::Success,
                tw("merge.undone", &[("keep", &names.0), ("gone", &names.1)]),
            ),
            Err(e) => report_store_error(toasts, &e),
        }
    });
}
