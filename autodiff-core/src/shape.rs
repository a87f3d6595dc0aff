//! The shape of a value, asked of rustc instead of the macro: [`Shape`].
//!
//! A proc macro sees tokens, not types. Wherever generated code or a Jacobian driver
//! needs to know what a value is made of (its zero, its number of floats, its floats in
//! order, the same shape holding something else at every float), it asks through this
//! one trait, and rustc picks the impl from the value's type. It is implemented once per
//! kind of container:
//!
//! | type | `Leaf` | `Map<G>` | `Owned` |
//! |---|---|---|---|
//! | `f32`, `f64`, and the tangents `Lanes`, `Pattern` | itself | `G` | itself |
//! | `[T; N]` | `T::Leaf` | `[T::Map<G>; N]` | `[T::Owned; N]` |
//! | `[T]`, `Vec<T>` | `T::Leaf` | `Vec<T::Map<G>>` | `Vec<T::Owned>` |
//! | `&T`, `&mut T` | `T::Leaf` | `T::Map<G>` | `T::Owned` |
//! | `(A, B, ..)`, up to 6 parts of one leaf type | the parts' | the parts' maps | the parts' owned |
//! | nalgebra's matrices, ndarray's arrays (module `linalg`) | the element | `Vec<G>` | an owned matrix or array |
//!
//! `Map` and `Owned` are two types because of the matrix libraries: a matrix holds only its
//! library's scalars, so it cannot hold a row of a Jacobian at each entry (its `Map` is a
//! `Vec` in the matrix's own order), while its zero and its unit directions must be
//! matrices. For every other type, `Owned` is `Map<Leaf>`.
//!
//! A value made of tangents (a `Lanes` of `K` directions, a `Pattern` of inputs) is a leaf
//! like a float: it is the tangent of one float, so an array of them has the array's
//! size, and its zero is the zero tangent.
//!
//! Guarantees: every method walks the leaves in the same order, row-major for nested
//! arrays, `Vec`s and tuples (parts in order), the library's own order for a matrix
//! (column-major for nalgebra, logical row-major for ndarray); [`Shape::size`] counts them
//! without allocating, and without walking them where the type fixes their number
//! ([`Shape::LEAVES`]: a `Vec` of floats or of arrays is counted by its length).
//!
//! Two zeros stay outside the trait, as free functions beside it (module `support`): the
//! zero of a scalar of a generic float type `T: Float`, and its zero tangent. An impl of
//! `Shape` for every `T: Float` would overlap the impls for arrays and `Vec`s (num-traits
//! could implement `Float` for them), so generic scalars take their own route.

/// What a value is made of: its leaves (floats, or tangents of floats), how many, in which
/// order, and the same shape rebuilt with something else at every leaf.
pub trait Shape {
    /// The type at each leaf: `f32` or `f64`, or a tangent of one.
    type Leaf: Copy + Default;
    /// `Self`'s shape with a `G` in place of every leaf, owned: the tangent lanes of a
    /// value (`G` a `Lanes`), a Jacobian block's outer shape (`G` one of its rows).
    type Map<G>;
    /// `Self` owned: the type of its zero and of its unit directions (a slice's is a
    /// `Vec`, a reference's its referent's, a matrix view's an owned matrix).
    type Owned;
    /// The number of leaves of every value of the type, where the type fixes it (one for
    /// a leaf, `N` times the element's for an array); `None` where values differ (slices,
    /// `Vec`s, matrices).
    const LEAVES: Option<usize>;

    /// The number of leaves (taken from [`LEAVES`](Shape::LEAVES) where the type fixes
    /// it: a `Vec` of floats or arrays is counted by its length).
    fn size(&self) -> usize;
    /// Calls `each` with every leaf, in order.
    fn leaves(&self, each: &mut impl FnMut(Self::Leaf));
    /// An owned value of `Self`'s shape with `leaf()` at every leaf, called in order.
    fn build(&self, leaf: &mut impl FnMut() -> Self::Leaf) -> Self::Owned;
    /// `Self`'s shape with `leaf()` in place of every leaf, called in order.
    fn map_leaves<G>(&self, leaf: &mut impl FnMut() -> G) -> Self::Map<G>;
    /// Calls `each` with every entry of `mapped`, a value of `Self`'s shape mapped to
    /// `G`s, in order.
    fn visit_map<G>(mapped: &Self::Map<G>, each: &mut impl FnMut(&G));

    /// `Self`'s shape with the entries of `flat` from `*at` on, one per leaf in order
    /// (`*at` moves past them): [`map_leaves`](Shape::map_leaves) from a slice, for the
    /// rows of large Jacobian blocks: the slice and the position are passed on as
    /// arguments rather than held by a closure, and a sequence of elements of one width
    /// finds each one's position without a running count (see the impl for slices).
    #[inline]
    fn map_flat<G: Copy>(&self, flat: &[G], at: &mut usize) -> Self::Map<G> {
        self.map_leaves(&mut || {
            *at += 1;
            flat[*at - 1]
        })
    }

    /// A zero of `Self`'s shape: the adjoint or tangent that holds nothing (the zero of a
    /// value made of tangents is made of zero tangents).
    #[inline]
    fn zero_like(&self) -> Self::Owned {
        self.build(&mut Self::Leaf::default)
    }

    /// The zero tangent `L::default()` at every leaf: the tangent lanes of a value that
    /// depends on nothing.
    #[inline]
    fn lanes_zero<L: Default>(&self) -> Self::Map<L> {
        self.map_leaves(&mut L::default)
    }
}

/// `Shape` for types that are their own only leaf: floats, and the tangents of one float.
macro_rules! leaf_shape {
    ($([$($gen:tt)*] $t:ty),+ $(,)?) => {$(
        impl<$($gen)*> $crate::shape::Shape for $t {
            type Leaf = Self;
            type Map<G> = G;
            type Owned = Self;
            const LEAVES: Option<usize> = Some(1);
            #[inline]
            fn size(&self) -> usize {
                1
            }
            #[inline]
            fn leaves(&self, each: &mut impl FnMut(Self)) {
                each(*self)
            }
            #[inline]
            fn build(&self, leaf: &mut impl FnMut() -> Self) -> Self {
                leaf()
            }
            #[inline]
            fn map_leaves<G>(&self, leaf: &mut impl FnMut() -> G) -> G {
                leaf()
            }
            #[inline]
            fn visit_map<G>(mapped: &G, each: &mut impl FnMut(&G)) {
                each(mapped)
            }
            #[inline]
            fn map_flat<G: Copy>(&self, flat: &[G], at: &mut usize) -> G {
                *at += 1;
                flat[*at - 1]
            }
        }
    )+};
}
pub(crate) use leaf_shape;

leaf_shape!([] f32, [] f64);

impl<T: Shape, const N: usize> Shape for [T; N] {
    type Leaf = T::Leaf;
    type Map<G> = [T::Map<G>; N];
    type Owned = [T::Owned; N];
    const LEAVES: Option<usize> = match T::LEAVES {
        Some(w) => Some(w * N),
        None => None,
    };
    #[inline]
    fn size(&self) -> usize {
        match Self::LEAVES {
            Some(n) => n,
            None => self.iter().map(Shape::size).sum(),
        }
    }
    #[inline]
    fn leaves(&self, each: &mut impl FnMut(T::Leaf)) {
        self.iter().for_each(|t| t.leaves(each));
    }
    #[inline]
    fn build(&self, leaf: &mut impl FnMut() -> T::Leaf) -> Self::Owned {
        core::array::from_fn(|i| self[i].build(leaf))
    }
    #[inline]
    fn map_leaves<G>(&self, leaf: &mut impl FnMut() -> G) -> Self::Map<G> {
        core::array::from_fn(|i| self[i].map_leaves(leaf))
    }
    #[inline]
    fn visit_map<G>(mapped: &Self::Map<G>, each: &mut impl FnMut(&G)) {
        mapped.iter().for_each(|m| T::visit_map(m, each));
    }
    #[inline]
    fn map_flat<G: Copy>(&self, flat: &[G], at: &mut usize) -> Self::Map<G> {
        match T::LEAVES {
            Some(w) => {
                let start = *at;
                *at += w * N;
                let row = &flat[start..*at];
                core::array::from_fn(move |i| self[i].map_flat(row, &mut (i * w)))
            }
            None => core::array::from_fn(|i| self[i].map_flat(flat, at)),
        }
    }
}

impl<T: Shape> Shape for [T] {
    type Leaf = T::Leaf;
    type Map<G> = Vec<T::Map<G>>;
    type Owned = Vec<T::Owned>;
    const LEAVES: Option<usize> = None;
    #[inline]
    fn size(&self) -> usize {
        match T::LEAVES {
            Some(w) => w * self.len(),
            None => self.iter().map(Shape::size).sum(),
        }
    }
    #[inline]
    fn leaves(&self, each: &mut impl FnMut(T::Leaf)) {
        self.iter().for_each(|t| t.leaves(each));
    }
    #[inline]
    fn build(&self, leaf: &mut impl FnMut() -> T::Leaf) -> Self::Owned {
        self.iter().map(|t| t.build(leaf)).collect()
    }
    #[inline]
    fn map_leaves<G>(&self, leaf: &mut impl FnMut() -> G) -> Self::Map<G> {
        self.iter().map(|t| t.map_leaves(leaf)).collect()
    }
    #[inline]
    fn visit_map<G>(mapped: &Self::Map<G>, each: &mut impl FnMut(&G)) {
        mapped.iter().for_each(|m| T::visit_map(m, each));
    }
    #[inline]
    fn map_flat<G: Copy>(&self, flat: &[G], at: &mut usize) -> Self::Map<G> {
        match T::LEAVES {
            // Elements of one width: each one's position follows from its index. (With a
            // running count in the closure, the compiler stores and loads it at every
            // leaf, and the rows of a block of 1024 × 1024 take twice as long.)
            Some(w) => {
                let start = *at;
                *at += w * self.len();
                let row = &flat[start..*at];
                // `T::LEAVES` read inside the closure is a constant there; `w` captured
                // would be loaded at every leaf too.
                let width = || T::LEAVES.unwrap_or(w);
                self.iter()
                    .enumerate()
                    .map(move |(k, t)| t.map_flat(row, &mut (k * width())))
                    .collect()
            }
            None => self.iter().map(|t| t.map_flat(flat, at)).collect(),
        }
    }
}

impl<T: Shape> Shape for Vec<T> {
    type Leaf = T::Leaf;
    type Map<G> = Vec<T::Map<G>>;
    type Owned = Vec<T::Owned>;
    const LEAVES: Option<usize> = None;
    #[inline]
    fn size(&self) -> usize {
        self.as_slice().size()
    }
    #[inline]
    fn leaves(&self, each: &mut impl FnMut(T::Leaf)) {
        self.as_slice().leaves(each);
    }
    #[inline]
    fn build(&self, leaf: &mut impl FnMut() -> T::Leaf) -> Self::Owned {
        self.as_slice().build(leaf)
    }
    #[inline]
    fn map_leaves<G>(&self, leaf: &mut impl FnMut() -> G) -> Self::Map<G> {
        self.as_slice().map_leaves(leaf)
    }
    #[inline]
    fn visit_map<G>(mapped: &Self::Map<G>, each: &mut impl FnMut(&G)) {
        <[T]>::visit_map(mapped, each);
    }
    #[inline]
    fn map_flat<G: Copy>(&self, flat: &[G], at: &mut usize) -> Self::Map<G> {
        self.as_slice().map_flat(flat, at)
    }
}

/// A reference has its referent's shape (`&T` and `&mut T` alike).
macro_rules! reference_shape {
    ($($r:ty),+) => {$(
        impl<T: Shape + ?Sized> Shape for $r {
            type Leaf = T::Leaf;
            type Map<G> = T::Map<G>;
            type Owned = T::Owned;
            const LEAVES: Option<usize> = T::LEAVES;
            #[inline]
            fn size(&self) -> usize {
                (**self).size()
            }
            #[inline]
            fn leaves(&self, each: &mut impl FnMut(T::Leaf)) {
                (**self).leaves(each);
            }
            #[inline]
            fn build(&self, leaf: &mut impl FnMut() -> T::Leaf) -> T::Owned {
                (**self).build(leaf)
            }
            #[inline]
            fn map_leaves<G>(&self, leaf: &mut impl FnMut() -> G) -> T::Map<G> {
                (**self).map_leaves(leaf)
            }
            #[inline]
            fn visit_map<G>(mapped: &T::Map<G>, each: &mut impl FnMut(&G)) {
                T::visit_map(mapped, each);
            }
            #[inline]
            fn map_flat<G: Copy>(&self, flat: &[G], at: &mut usize) -> T::Map<G> {
                (**self).map_flat(flat, at)
            }
        }
    )+};
}

reference_shape!(&T, &mut T);

/// Tuple outputs and the gradients of several parameters: the parts in order, all with
/// the leaf type of the first. (That type is named as the first part's rather than as a
/// parameter of its own: a bound `L: Copy + Default` would have to be proved of a generic
/// float type, which rustc does not derive from `T: Shape<Leaf = T>`.)
macro_rules! tuple_shape {
    ($a:ident 0 $(, $t:ident $i:tt)*) => {
        impl<$a: Shape, $($t: Shape<Leaf = $a::Leaf>),*> Shape for ($a, $($t,)*) {
            type Leaf = $a::Leaf;
            type Map<G> = ($a::Map<G>, $($t::Map<G>,)*);
            type Owned = ($a::Owned, $($t::Owned,)*);
            const LEAVES: Option<usize> = {
                let total = $a::LEAVES;
                $(let total = add_leaves(total, $t::LEAVES);)*
                total
            };
            #[inline]
            fn size(&self) -> usize {
                self.0.size() $(+ self.$i.size())*
            }
            #[inline]
            fn leaves(&self, each: &mut impl FnMut(Self::Leaf)) {
                self.0.leaves(each);
                $(self.$i.leaves(each);)*
            }
            #[inline]
            fn build(&self, leaf: &mut impl FnMut() -> Self::Leaf) -> Self::Owned {
                (self.0.build(leaf), $(self.$i.build(leaf),)*)
            }
            #[inline]
            fn map_leaves<G>(&self, leaf: &mut impl FnMut() -> G) -> Self::Map<G> {
                (self.0.map_leaves(leaf), $(self.$i.map_leaves(leaf),)*)
            }
            #[inline]
            fn visit_map<G>(mapped: &Self::Map<G>, each: &mut impl FnMut(&G)) {
                $a::visit_map(&mapped.0, each);
                $($t::visit_map(&mapped.$i, each);)*
            }
            #[inline]
            fn map_flat<G: Copy>(&self, flat: &[G], at: &mut usize) -> Self::Map<G> {
                (self.0.map_flat(flat, at), $(self.$i.map_flat(flat, at),)*)
            }
        }
    };
}

/// The leaves of two parts, where both types fix theirs.
const fn add_leaves(a: Option<usize>, b: Option<usize>) -> Option<usize> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a + b),
        _ => None,
    }
}

tuple_shape!(A 0);
tuple_shape!(A 0, B 1);
tuple_shape!(A 0, B 1, C 2);
tuple_shape!(A 0, B 1, C 2, D 3);
tuple_shape!(A 0, B 1, C 2, D 3, E 4);
tuple_shape!(A 0, B 1, C 2, D 3, E 4, F 5);
tuple_shape!(A 0, B 1, C 2, D 3, E 4, F 5, P6 6);
tuple_shape!(A 0, B 1, C 2, D 3, E 4, F 5, P6 6, P7 7);
tuple_shape!(A 0, B 1, C 2, D 3, E 4, F 5, P6 6, P7 7, P8 8);
tuple_shape!(A 0, B 1, C 2, D 3, E 4, F 5, P6 6, P7 7, P8 8, P9 9);
tuple_shape!(A 0, B 1, C 2, D 3, E 4, F 5, P6 6, P7 7, P8 8, P9 9, P10 10);
tuple_shape!(A 0, B 1, C 2, D 3, E 4, F 5, P6 6, P7 7, P8 8, P9 9, P10 10, P11 11);

/// The number of leaves of `v`: a parameter's or the output's size.
#[inline]
pub fn size<S: Shape + ?Sized>(v: &S) -> usize {
    v.size()
}

/// The leaves of `v`, in order: a forward sweep's output as a column of the Jacobian.
pub fn flat<S: Shape + ?Sized>(v: &S) -> Vec<S::Leaf> {
    let mut out = Vec::with_capacity(v.size());
    v.leaves(&mut |l| out.push(l));
    out
}

/// `s`'s shape with `leaf(i)` at leaf number `i` (in order): the seeds of a sweep.
#[inline]
pub(crate) fn seeded<S: Shape + ?Sized, G>(s: &S, mut leaf: impl FnMut(usize) -> G) -> S::Map<G> {
    let mut next = 0;
    s.map_leaves(&mut || {
        next += 1;
        leaf(next - 1)
    })
}

/// The unit direction of `s`'s shape along leaf number `j`: one there, zeros elsewhere.
pub(crate) fn unit<S: Shape + ?Sized>(s: &S, j: usize) -> S::Owned
where
    S::Leaf: num_traits::Float,
{
    let (zero, one) = (<S::Leaf as num_traits::Zero>::zero(), <S::Leaf as num_traits::One>::one());
    let mut next = 0;
    s.build(&mut || {
        next += 1;
        if next - 1 == j {
            one
        } else {
            zero
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// A leaf that counts how often it was built or visited: what `size` must not do.
    #[derive(Clone, Copy, Debug, Default, PartialEq)]
    struct Counted(f64);

    thread_local! {
        static TOUCHED: Cell<usize> = const { Cell::new(0) };
    }

    impl Shape for Counted {
        type Leaf = f64;
        type Map<G> = G;
        type Owned = Counted;
        const LEAVES: Option<usize> = Some(1);
        fn size(&self) -> usize {
            1
        }
        fn leaves(&self, each: &mut impl FnMut(f64)) {
            TOUCHED.with(|t| t.set(t.get() + 1));
            each(self.0)
        }
        fn build(&self, leaf: &mut impl FnMut() -> f64) -> Counted {
            TOUCHED.with(|t| t.set(t.get() + 1));
            Counted(leaf())
        }
        fn map_leaves<G>(&self, leaf: &mut impl FnMut() -> G) -> G {
            TOUCHED.with(|t| t.set(t.get() + 1));
            leaf()
        }
        fn visit_map<G>(mapped: &G, each: &mut impl FnMut(&G)) {
            each(mapped)
        }
    }

    #[test]
    fn size_counts_nested_shapes_without_walking_their_leaves() {
        let v: Vec<[[Counted; 3]; 2]> = vec![[[Counted(1.0); 3]; 2]; 5];
        let tuple = (&v, [Counted(0.0); 4], vec![Counted(2.0); 7]);
        TOUCHED.with(|t| t.set(0));
        assert_eq!(size(&tuple), 30 + 4 + 7);
        assert_eq!(size(&v[..]), 30);
        // Counted only its containers: no leaf was built, mapped or visited.
        assert_eq!(TOUCHED.with(Cell::get), 0);
        assert_eq!(flat(&tuple).len(), 41);
        assert_eq!(TOUCHED.with(Cell::get), 41);
        assert_eq!(size(&Vec::<[f64; 3]>::new()), 0);
        // Fixed by the type where it can be; summed over the parts where it cannot.
        assert_eq!(<[[f64; 3]; 2]>::LEAVES, Some(6));
        assert_eq!(<(f32, [f32; 2], &[f32; 4])>::LEAVES, Some(7));
        assert_eq!(<(f64, Vec<f64>)>::LEAVES, None);
        let ragged = (vec![vec![1.0_f64; 2], vec![], vec![3.0; 5]], [vec![0.0; 4]]);
        assert_eq!(size(&ragged), 11);
        assert_eq!(flat(&ragged).len(), 11);
    }

    #[test]
    fn flatten_and_build_round_trip_in_row_major_order() {
        let x = (vec![[1.0_f64, 2.0], [3.0, 4.0]], [5.0, 6.0], 7.0);
        let leaves = flat(&x);
        assert_eq!(leaves, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]);
        let mut at = leaves.iter().copied();
        let back = x.build(&mut || at.next().unwrap_or(f64::NAN));
        assert_eq!(back, x);
        // Mapped shapes hold one entry per leaf, visited in the same order.
        let numbered = seeded(&x, |i| i * 10);
        assert_eq!(numbered.0[1], [20, 30]);
        let mut seen = Vec::new();
        <(Vec<[f64; 2]>, [f64; 2], f64)>::visit_map(&numbered, &mut |i| seen.push(*i));
        assert_eq!(seen, [0, 10, 20, 30, 40, 50, 60]);
        // Rows of a block read from a slice, from a position on: fixed-width elements
        // and ragged ones alike, the position moved past what was read.
        let entries: Vec<usize> = (0..20).collect();
        let mut at = 2;
        let rows: (Vec<[usize; 2]>, [usize; 2], usize) = x.map_flat(&entries, &mut at);
        assert_eq!(rows, (vec![[2, 3], [4, 5]], [6, 7], 8));
        assert_eq!(at, 9);
        let ragged = vec![vec![0.0_f64; 2], vec![], vec![0.0; 3]];
        let mut at = 1;
        assert_eq!(ragged.map_flat(&entries, &mut at), vec![vec![1, 2], vec![], vec![3, 4, 5]]);
        assert_eq!(at, 6);
    }

    #[test]
    fn zeros_have_the_owned_shape() {
        assert_eq!([[1.5_f64; 2]; 3].zero_like(), [[0.0; 2]; 3]);
        let slice: &[[f32; 2]] = &[[1.0, 2.0], [3.0, 4.0]];
        let zero: Vec<[f32; 2]> = slice.zero_like();
        assert_eq!(zero, vec![[0.0; 2]; 2]);
        let mut out = [3.0_f64; 4];
        let r = &mut out[..];
        assert_eq!(Shape::zero_like(&r), vec![0.0; 4]);
        // The zero tangents of a value: its shape with `L::default()` at every float.
        let lanes: Vec<[Option<u8>; 2]> = vec![[9.0_f64; 2]; 3].lanes_zero();
        assert_eq!(lanes, vec![[None; 2]; 3]);
    }

    #[test]
    fn units_are_one_among_zeros_at_their_leaf() {
        let x = vec![[7.0_f64; 2]; 3];
        assert_eq!(unit(&x, 3), vec![[0.0, 0.0], [0.0, 1.0], [0.0, 0.0]]);
        assert_eq!(unit(&(2.0_f64, [1.0, 1.0]), 0), (1.0, [0.0, 0.0]));
        assert_eq!(unit(&x, 6), vec![[0.0; 2]; 3]);
    }
}
