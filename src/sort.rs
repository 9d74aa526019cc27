//! One sort for the whole crate: a stable sort of positions, shared by every element type.
//!
//! `slice::sort_by` is generic: each element type and comparator gets its own copy of the
//! standard library's sort (merge runs, small-sort networks, pivots: several kilobytes of
//! WebAssembly each). The crate's sorts are small (findings of one note, a note's spans,
//! fee rows once at load), so they go through [`sort_by`]: it sorts the positions
//! `0..len` with one non-generic instance of the standard stable sort and then moves the
//! elements into that order. The result is exactly a stable sort's.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (as `v.sort_by(cmp)` does).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    // Most of the reader's lists arrive in order (hits, positions): nothing to move.
    if v.windows(2).all(|w| match w {
        [a, b] => cmp(a, b) != Ordering::Greater,
        _ => true,
    }) {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    {
        let v: &[T] = v;
        sort_positions(&mut order, &mut |a, b| match (v.get(a), v.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        });
    }
    // Position `i` receives the element that was at `order[i]`: follow `order` past the
    // positions already filled (their elements were swapped further along).
    for i in 0..order.len() {
        let mut from = order.get(i).copied().unwrap_or(i);
        while from < i {
            from = order.get(from).copied().unwrap_or(i);
        }
        v.swap(i, from);
    }
}

/// Sorts `v` by a key, stably (as `v.sort_by_key(key)` does).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order, stably (as `v.sort()` does).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts hashes (the episode's shingle lists: thousands per note, where sorting positions
/// through a comparator costs several times a plain sort). One instance, for `u64` only.
#[inline(never)]
#[allow(clippy::disallowed_methods)] // this module is the one place that sorts
pub fn sort_hashes(v: &mut [u64]) {
    v.sort_unstable();
}
/// The one instance of the standard stable sort: positions compared through `cmp`.
#[inline(never)]
#[allow(clippy::disallowed_methods)] // this module is the one place that sorts
fn sort_positions(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compared with the standard sorts
mod tests {
    use super::*;

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        // Pairs sorted by their first value only: equal keys keep their input order.
        let input: Vec<(u8, usize)> = [5u8, 1, 3, 1, 5, 0, 3, 3, 9, 1, 0, 2]
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i))
            .collect();
        for len in 0..=input.len() {
            let mut ours = input.get(..len).unwrap_or_default().to_vec();
            let mut std = ours.clone();
            sort_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "{len}");
            let mut rev = ours.clone();
            sort_by(&mut rev, |a, b| b.0.cmp(&a.0));
            std.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(rev, std, "{len}");
        }
        let mut hashes = vec![u64::MAX, 7, 0, 7, 1 << 40];
        sort_hashes(&mut hashes);
        assert_eq!(hashes, [0, 7, 7, 1 << 40, u64::MAX]);
        let mut words = vec!["pear", "fig", "apple", "fig"];
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "fig", "pear"]);
    }
}
