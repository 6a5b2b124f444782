//! Identity and bookkeeping shared by every record.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A record's identity: a random v4 UUID, stable for the record's whole life.
pub type Id = Uuid;

/// Creates a fresh record id.
pub fn new_id() -> Id {
    Uuid::new_v4()
}

/// What every stored record carries: identity, timestamps and a revision counter.
///
/// `rev` starts at 1 and grows by one on every committed save; a save based on an
/// older `rev` than the stored one is refused (see `store`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
}

impl Meta {
    /// Bookkeeping for a record created at `now`.
    pub fn new(now: DateTime<Utc>) -> Self {
        Meta {
            id: new_id(),
            created_at: now,
            updated_at: now,
            rev: 1,
        }
    }

    /// The bookkeeping of the next revision, saved at `now`; `None` when the revision
    /// counter is at its end ([`MAX_REV`](crate::domain::rules::MAX_REV)): it never wraps.
    pub fn next(&self, now: DateTime<Utc>) -> Option<Self> {
        Some(Meta {
            id: self.id,
            created_at: self.created_at,
            updated_at: now.max(self.updated_at),
            rev: crate::domain::rules::next_rev(self.rev)?,
        })
    }
}

/// A stored record: one per key in its kind's object store.
///
/// Every record struct has the plain fields `id`, `created_at`, `updated_at` and `rev`
/// (so a backup file reads naturally); `impl_record!` implements this trait over them.
pub trait Record: Clone + serde::Serialize + serde::de::DeserializeOwned + 'static {
    /// The record kind's name: the object store and the backup key ("accounts").
    const KIND: &'static str;
    fn meta(&self) -> Meta;
    fn set_meta(&mut self, meta: Meta);
    fn id(&self) -> Id {
        self.meta().id
    }
    fn rev(&self) -> u64 {
        self.meta().rev
    }
}

/// A deleted record brought back (the Undo of a delete): the same record as its next
/// revision, so that a copy still held at the deleted revision (by another tab, say) is
/// older than it. The counter saturates: past [`MAX_REV`](crate::domain::rules::MAX_REV)
/// the record rules refuse it.
pub fn brought_back<T: Record>(deleted: &T) -> T {
    let mut back = deleted.clone();
    let mut meta = back.meta();
    meta.rev = meta.rev.saturating_add(1);
    back.set_meta(meta);
    back
}

/// Implements [`Record`] for a struct with `id`, `created_at`, `updated_at` and `rev` fields.
#[macro_export]
macro_rules! impl_record {
    ($t:ty, $kind:literal) => {
        impl $crate::domain::ids::Record for $t {
            const KIND: &'static str = $kind;
            fn meta(&self) -> $crate::domain::ids::Meta {
                $crate::domain::ids::Meta {
                    id: self.id,
                    created_at: self.created_at,
                    updated_at: self.updated_at,
                    rev: self.rev,
                }
            }
            fn set_meta(&mut self, meta: $crate::domain::ids::Meta) {
                self.id = meta.id;
                self.created_at = meta.created_at;
                self.updated_at = meta.updated_at;
                self.rev = meta.rev;
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn next_revision_keeps_identity_and_bumps_rev() {
        let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
        let t1 = Utc.with_ymd_and_hms(2026, 1, 2, 9, 0, 0).unwrap();
        let m = Meta::new(t0);
        let n = m.next(t1).unwrap();
        assert_eq!(n.id, m.id);
        assert_eq!(n.created_at, t0);
        assert_eq!(n.updated_at, t1);
        assert_eq!(n.rev, 2);
    }

    #[test]
    fn updated_at_never_goes_back_when_the_clock_does() {
        let t0 = Utc.with_ymd_and_hms(2026, 1, 2, 9, 0, 0).unwrap();
        let earlier = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
        assert_eq!(Meta::new(t0).next(earlier).unwrap().updated_at, t0);
    }

    #[test]
    fn the_last_revision_has_no_next() {
        let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
        let mut m = Meta::new(t0);
        m.rev = crate::domain::rules::MAX_REV;
        assert_eq!(m.next(t0), None);
        m.rev = u64::MAX;
        assert_eq!(m.next(t0), None);
    }

    #[test]
    fn a_record_brought_back_is_its_next_revision() {
        let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
        let mut a = crate::domain::account::Account::new("Acme", t0);
        a.rev = 4;
        let back = brought_back(&a);
        assert_eq!(back.rev, 5);
        assert_eq!(
            (back.id, back.updated_at, &back.name),
            (a.id, a.updated_at, &a.name)
        );
        a.rev = u64::MAX;
        assert_eq!(brought_back(&a).rev, u64::MAX);
    }
}
