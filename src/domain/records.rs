//! One kind's records by id: what the app holds in memory for each kind.
//!
//! A hash map of records keeps room for more entries than it holds (up to twice as many:
//! its table grows by doubling), and each entry is as large as the record. With 40,000
//! activities, that room took 4.5 MB. Here each record has its own allocation and the map
//! holds its address, so the spare room costs a few bytes an entry. Reading goes through
//! `&T` as a map's would.

use crate::domain::ids::Id;
use std::collections::hash_map;
use std::collections::HashMap;

/// Records by id, each in its own allocation (see the module's doc).
#[derive(Clone, PartialEq)]
pub struct Records<T> {
    map: HashMap<Id, Box<T>>,
}

impl<T> Default for Records<T> {
    fn default() -> Self {
        Records {
            map: HashMap::new(),
        }
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Records<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// The records of a [`Records`].
pub type Values<'a, T> = std::iter::Map<hash_map::Values<'a, Id, Box<T>>, fn(&Box<T>) -> &T>;
/// The `(id, record)` pairs of a [`Records`].
pub type Iter<'a, T> =
    std::iter::Map<hash_map::Iter<'a, Id, Box<T>>, fn((&'a Id, &'a Box<T>)) -> (&'a Id, &'a T)>;

impl<T> Records<T> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(n: usize) -> Self {
        Records {
            map: HashMap::with_capacity(n),
        }
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn get(&self, id: &Id) -> Option<&T> {
        self.map.get(id).map(|b| &**b)
    }

    pub fn get_mut(&mut self, id: &Id) -> Option<&mut T> {
        self.map.get_mut(id).map(|b| &mut **b)
    }

    pub fn contains_key(&self, id: &Id) -> bool {
        self.map.contains_key(id)
    }

    pub fn keys(&self) -> hash_map::Keys<'_, Id, Box<T>> {
        self.map.keys()
    }

    pub fn values(&self) -> Values<'_, T> {
        self.map.values().map(|b| &**b)
    }

    pub fn iter(&self) -> Iter<'_, T> {
        self.map.iter().map(|(id, b)| (id, &**b))
    }

    /// Stores `record` under `id`; returns the record it replaces.
    pub fn insert(&mut self, id: Id, record: T) -> Option<T> {
        self.map.insert(id, Box::new(record)).map(|b| *b)
    }

    pub fn remove(&mut self, id: &Id) -> Option<T> {
        self.map.remove(id).map(|b| *b)
    }
}

impl<T> FromIterator<(Id, T)> for Records<T> {
    fn from_iter<I: IntoIterator<Item = (Id, T)>>(iter: I) -> Self {
        Records {
            map: iter.into_iter().map(|(id, r)| (id, Box::new(r))).collect(),
        }
    }
}

impl<'a, T> IntoIterator for &'a Records<T> {
    type Item = (&'a Id, &'a T);
    type IntoIter = Iter<'a, T>;
    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

impl<T> std::ops::Index<&Id> for Records<T> {
    type Output = T;
    fn index(&self, id: &Id) -> &T {
        &self.map[id]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::new_id;
    use crate::domain::sorting::SortExt;

    #[test]
    fn reads_and_writes_as_a_map_does() {
        let (a, b) = (new_id(), new_id());
        let mut r: Records<String> = [(a, "a".to_string())].into_iter().collect();
        assert_eq!(r.get(&a).map(String::as_str), Some("a"));
        assert_eq!(r.insert(a, "A".into()), Some("a".into()));
        assert_eq!(r.insert(b, "b".into()), None);
        assert_eq!(r.len(), 2);
        assert!(r.contains_key(&b));
        let mut values: Vec<&String> = r.values().collect();
        values.sort_plain();
        assert_eq!(values, ["A", "b"]);
        assert_eq!(&r[&b], "b");
        r.get_mut(&b).unwrap().push('!');
        assert_eq!(r.remove(&b), Some("b!".into()));
        assert_eq!(r.remove(&b), None);
        assert_eq!(r.remove(&a), Some("A".into()));
        assert!(r.is_empty());
    }
}
