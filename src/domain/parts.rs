//! The parts a record keeps in a list (a proposal's lines, a ledger's rounds and
//! deadlocks, a plan's team and issues, an agreement's terms, a closing's signals, an
//! invoice's payments, a follow-up's checklist, milestones and checks): one removed is
//! handed back with where it stood, so that its Undo puts it back in its place.

/// Takes the first part `is` finds out of `list`: where it stood and what it was; `None`
/// when there is none.
pub fn take_out<T>(list: &mut Vec<T>, is: impl Fn(&T) -> bool) -> Option<(usize, T)> {
    let at = list.iter().position(is)?;
    Some((at, list.remove(at)))
}

/// Puts `part` back where it stood, at `at` (last, when the list is shorter now), unless
/// `same` finds it there already (an Undo pressed twice, or in two tabs): then nothing
/// changes and the answer is `false`.
pub fn put_back<T>(list: &mut Vec<T>, at: usize, part: T, same: impl Fn(&T, &T) -> bool) -> bool {
    if list.iter().any(|x| same(x, &part)) {
        return false;
    }
    let at = at.min(list.len());
    list.insert(at, part);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &(u8, char), b: &(u8, char)) -> bool {
        a.0 == b.0
    }

    #[test]
    fn a_part_goes_back_where_it_stood_once() {
        let mut list = vec![(1, 'a'), (2, 'b'), (3, 'c')];
        let (at, part) = take_out(&mut list, |p| p.0 == 2).unwrap();
        assert_eq!((at, part), (1, (2, 'b')));
        assert_eq!(list, [(1, 'a'), (3, 'c')]);
        assert_eq!(take_out(&mut list, |p| p.0 == 2), None, "gone already");
        assert!(put_back(&mut list, at, part, same));
        assert_eq!(list, [(1, 'a'), (2, 'b'), (3, 'c')]);
        // A second Undo changes nothing.
        assert!(!put_back(&mut list, at, (2, 'x'), same));
        assert_eq!(list, [(1, 'a'), (2, 'b'), (3, 'c')]);
    }

    #[test]
    fn a_part_goes_last_when_the_list_is_shorter_now() {
        let mut list = vec![(1, 'a')];
        assert!(put_back(&mut list, 5, (9, 'z'), same));
        assert_eq!(list, [(1, 'a'), (9, 'z')]);
        let mut empty: Vec<(u8, char)> = Vec::new();
        assert!(put_back(&mut empty, 3, (4, 'd'), same));
        assert_eq!(empty, [(4, 'd')]);
    }
}
