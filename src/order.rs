//! A small stable sort for the app's short lists (findings, search hits,
//! marks, a cadre's households: at most a few hundred items).
//!
//! Why not `slice::sort_by`: the standard stable sort compiles kilobytes of
//! WebAssembly per element type (driftsort, quicksort, small-sort networks);
//! insertion sort is a few dozen bytes and is fast at these sizes.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal items in their order.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `v` by `key`, keeping equal items in their order.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_is_stable() {
        let mut v = vec![(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, vec![(0, 'b'), (0, 'd'), (1, 'a'), (1, 'c')]);
    }

    #[test]
    fn sorts_like_the_standard_sort() {
        let mut v: Vec<u32> = (0..300).map(|i| (i * 7919 + 13) % 101).collect();
        let mut w = v.clone();
        sort_by(&mut v, |a, b| b.cmp(a));
        w.sort_by(|a, b| b.cmp(a));
        assert_eq!(v, w);
    }
}
