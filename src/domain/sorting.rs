//! Sorting through one compiled sort routine.
//!
//! The standard library's sorts are generic over the element and the comparator, so every
//! `sort_by(|a, b| ..)` call site compiles a sort of its own (several kilobytes of
//! WebAssembly each; with a hundred call sites, about a tenth of the download). The methods
//! here sort a list of positions with one comparator type (`&mut dyn FnMut`), then move the
//! elements into that order: the only per-call-site code left is the small permutation step.
//! They are stable, like `sort_by`.
//!
//! `clippy.toml` disallows the standard sorts with a comparator or key, naming these.

use std::cmp::Ordering;

/// Stable sorts of a slice that share one compiled sort routine (see the module's text).
pub trait SortExt<T> {
    /// Stable sort by `compare`, as `slice::sort_by`.
    fn sort_with(&mut self, compare: impl FnMut(&T, &T) -> Ordering);
    /// Stable sort by the key `f` gives, as `slice::sort_by_key`.
    fn sort_on<K: Ord>(&mut self, f: impl FnMut(&T) -> K);
    /// Stable sort by a key computed once per element, as `slice::sort_by_cached_key`.
    fn sort_on_cached<K: Ord>(&mut self, f: impl FnMut(&T) -> K);
    /// Stable sort in the elements' own order, as `slice::sort`.
    fn sort_plain(&mut self)
    where
        T: Ord;
}

impl<T> SortExt<T> for [T] {
    fn sort_with(&mut self, mut compare: impl FnMut(&T, &T) -> Ordering) {
        if self.len() < 2 {
            return;
        }
        let items: &[T] = self;
        let order = positions(items.len(), &mut |a, b| {
            compare(&items[a as usize], &items[b as usize])
        });
        permute(self, order);
    }

    fn sort_on<K: Ord>(&mut self, mut f: impl FnMut(&T) -> K) {
        self.sort_with(|a, b| f(a).cmp(&f(b)));
    }

    fn sort_on_cached<K: Ord>(&mut self, f: impl FnMut(&T) -> K) {
        if self.len() < 2 {
            return;
        }
        let keys: Vec<K> = self.iter().map(f).collect();
        let order = positions(keys.len(), &mut |a, b| {
            keys[a as usize].cmp(&keys[b as usize])
        });
        permute(self, order);
    }

    fn sort_plain(&mut self)
    where
        T: Ord,
    {
        self.sort_with(T::cmp);
    }
}

/// The positions `0..len` in the order `compare` gives them (stable): the one place a sort
/// is compiled.
#[inline(never)]
fn positions(len: usize, compare: &mut dyn FnMut(u32, u32) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..len as u32).collect();
    #[allow(clippy::disallowed_methods)]
    order.sort_by(|a, b| compare(*a, *b));
    order
}

/// Puts the element at `order[i]` at `i`, following each cycle of the permutation once.
fn permute<T>(items: &mut [T], mut order: Vec<u32>) {
    for start in 0..order.len() {
        let mut at = start;
        // Each cycle is walked from its smallest position; positions already placed point
        // at themselves.
        while order[at] as usize != start {
            let from = order[at] as usize;
            items.swap(at, from);
            order[at] = at as u32;
            at = from;
        }
        order[at] = at as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the cases below are the same every run.
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % modulo
            })
            .collect()
    }

    #[test]
    #[allow(clippy::disallowed_methods)]
    fn every_method_equals_the_standard_stable_sort() {
        for (seed, n, modulo) in [(1, 0, 5), (2, 1, 5), (3, 2, 2), (4, 17, 4), (5, 300, 1000)] {
            // Pairs of (key, original position): equal keys show whether order is kept.
            let v: Vec<(u64, usize)> = numbers(seed, n, modulo)
                .into_iter()
                .enumerate()
                .map(|(i, k)| (k, i))
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);

            let mut a = v.clone();
            a.sort_with(|x, y| x.0.cmp(&y.0));
            assert_eq!(a, want, "sort_with, seed {seed}");
            let mut b = v.clone();
            b.sort_on(|p| p.0);
            assert_eq!(b, want, "sort_on, seed {seed}");
            let mut c = v.clone();
            c.sort_on_cached(|p| p.0);
            assert_eq!(c, want, "sort_on_cached, seed {seed}");

            let mut d = v.clone();
            d.sort_plain();
            let mut full = v.clone();
            full.sort();
            assert_eq!(d, full, "sort_plain, seed {seed}");
        }
    }

    #[test]
    fn moves_elements_that_are_not_copy() {
        let mut names: Vec<String> = ["pear", "apple", "fig", "apple"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        names.sort_with(|a, b| b.cmp(a));
        assert_eq!(names, ["pear", "fig", "apple", "apple"]);
    }
}
