//! Vector forward mode: several tangent directions carried through one sweep.
//!
//! `f_jacobian` in forward mode calls a hidden sibling `f_jvp_lanes::<L>`, the JVP with
//! every tangent an `L` instead of one float: with `L` a [`Lanes`] of `K` floats, the
//! primal runs once for `K` columns of the Jacobian, and each tangent operation is `K`
//! independent lanes, which the compiler turns into vector instructions; with `L` a
//! `Pattern` (module `sparse`), the same sweep finds which inputs each output depends on.
//! [`Lane`] is what `L` must have. Every parameter and output type has its shape with an
//! `L` in place of each float through `Shape::Map` (module `shape`), where a `Lanes` is a
//! leaf, the tangent of one float.
//!
//! This module holds the seeds of a sweep of `K` lanes and their reading back; the sweeps
//! themselves run in the pipeline of module `jacobian`, as the single-direction ones do.

use crate::jacobian::{sweeps, Par, Sweep};
use crate::shape::{leaf_shape, seeded, Shape};
use crate::support::AddTo;
use core::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};
use num_traits::{Float, One, Zero};

/// How many tangent directions one sweep of `f_jacobian` carries.
pub const LANES: usize = 16;

/// `K` tangents of one float, one per direction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lanes<T, const K: usize>(pub [T; K]);

impl<T: Float, const K: usize> Add for Lanes<T, K> {
    type Output = Self;
    #[inline]
    fn add(self, o: Self) -> Self {
        Lanes(core::array::from_fn(|k| self.0[k] + o.0[k]))
    }
}

impl<T: Float, const K: usize> AddAssign for Lanes<T, K> {
    #[inline]
    fn add_assign(&mut self, o: Self) {
        for k in 0..K {
            self.0[k] = self.0[k] + o.0[k];
        }
    }
}

impl<T: Float, const K: usize> SubAssign for Lanes<T, K> {
    #[inline]
    fn sub_assign(&mut self, o: Self) {
        for k in 0..K {
            self.0[k] = self.0[k] - o.0[k];
        }
    }
}

/// A whole array of tangents added to another, lane by lane.
impl<T: Float, const K: usize> AddTo for Lanes<T, K> {
    #[inline]
    fn add_to(&mut self, other: &Self) {
        *self += *other;
    }
}

/// The zero lanes (room on a tape is made of defaults).
impl<T: Float, const K: usize> Default for Lanes<T, K> {
    fn default() -> Self {
        Lanes([T::zero(); K])
    }
}

impl<T: Float, const K: usize> Sub for Lanes<T, K> {
    type Output = Self;
    #[inline]
    fn sub(self, o: Self) -> Self {
        Lanes(core::array::from_fn(|k| self.0[k] - o.0[k]))
    }
}

impl<T: Float, const K: usize> Neg for Lanes<T, K> {
    type Output = Self;
    #[inline]
    fn neg(self) -> Self {
        Lanes(core::array::from_fn(|k| -self.0[k]))
    }
}

/// A tangent times a local partial derivative (the chain rule, lane by lane).
impl<T: Float, const K: usize> Mul<T> for Lanes<T, K> {
    type Output = Self;
    #[inline]
    fn mul(self, d: T) -> Self {
        Lanes(core::array::from_fn(|k| self.0[k] * d))
    }
}

impl<T: Float, const K: usize> Div<T> for Lanes<T, K> {
    type Output = Self;
    #[inline]
    fn div(self, d: T) -> Self {
        Lanes(core::array::from_fn(|k| self.0[k] / d))
    }
}

/// The operations tangent code performs on a float's tangent: what a type must have to
/// be carried through `f_jvp_lanes` in place of one float. [`Lanes`] (`K` directions,
/// the Jacobian's columns) and `Pattern` (module `sparse`) (which inputs a value
/// depends on, the Jacobian's sparsity) are the two. Each is a leaf of its own shape, so
/// that an adjoint made of them has a zero of its own shape (`Shape::zero_like`).
pub trait Lane<T>:
    Copy
    + Default
    + Add<Output = Self>
    + Sub<Output = Self>
    + Neg<Output = Self>
    + Mul<T, Output = Self>
    + Div<T, Output = Self>
    + AddAssign
    + SubAssign
    + AddTo
    + Shape<Leaf = Self, Owned = Self>
    + crate::rules::StrongMul<T>
{
}

impl<T: Float, const K: usize> Lane<T> for Lanes<T, K> {}

leaf_shape!([T: Float, const K: usize] Lanes<T, K>);

/// A sweep of `K` lanes: from seeds of `S`'s shape to the lanes of `D`'s.
pub(crate) type LanesSweep<'a, S, D, const K: usize> = Sweep<
    'a,
    <S as Shape>::Map<Lanes<<S as Shape>::Leaf, K>>,
    <D as Shape>::Map<Lanes<<S as Shape>::Leaf, K>>,
>;

/// `K` floats' lanes, one float per lane: `p`'s shape with the unit tangents of the
/// floats numbered `start..start + K` (in row-major order), lane `k` seeding float
/// `start + k`.
pub fn unit_lanes<P: Shape + ?Sized, const K: usize>(
    p: &P,
    start: usize,
) -> P::Map<Lanes<P::Leaf, K>>
where
    P::Leaf: Float,
{
    let (zero, one) = (P::Leaf::zero(), P::Leaf::one());
    seeded(p, |i| Lanes(core::array::from_fn(|k| if i == start + k { one } else { zero })))
}

/// The columns in lanes `out` (row-major order of the output), lane `k` to `columns[k]`.
pub fn spread<O: Shape + ?Sized, const K: usize>(
    out: &O::Map<Lanes<O::Leaf, K>>,
    columns: &mut [Vec<O::Leaf>],
) {
    O::visit_map(out, &mut |l: &Lanes<O::Leaf, K>| {
        for (c, v) in columns.iter_mut().zip(l.0) {
            c.push(v);
        }
    });
}

/// The (up to) `K` vectors of the lanes of the sweep seeding floats `start..` of a value
/// of `n` floats of `S`'s shape: columns (forward) or rows (reverse), each a float of `D`.
fn lanes_of<S, D, const K: usize>(
    s: &S,
    start: usize,
    sweep: LanesSweep<'_, S, D, K>,
) -> Vec<Vec<S::Leaf>>
where
    S: Shape + ?Sized,
    D: Shape<Leaf = S::Leaf> + ?Sized,
    S::Leaf: Float,
{
    let out = sweep(unit_lanes::<S, K>(s, start));
    let mut vectors: Vec<Vec<S::Leaf>> = (0..K).map(|_| Vec::new()).collect();
    spread::<D, K>(&out, &mut vectors);
    vectors.truncate(K.min(s.size() - start));
    vectors
}

/// The columns of one parameter `p`, `K` per sweep: `column(t)` is the output's tangent
/// lanes for the unit tangents `t` of `K` consecutive floats of `p`.
pub(crate) fn jacobian_columns_lanes<P, O, const K: usize>(
    p: &P,
    column: LanesSweep<'_, P, O, K>,
) -> Vec<Vec<O::Leaf>>
where
    P: Shape + Par + ?Sized,
    O: Shape<Leaf = P::Leaf> + ?Sized,
    P::Leaf: Float + Par,
{
    sweeps(p.size(), K, &|start| lanes_of::<P, O, K>(p, start, column))
}

/// The rows of one parameter's Jacobian block, row-major (a row per float of the output
/// `y`, its entries the floats of the parameter's gradient), `K` per sweep: `row(c)` is
/// the gradient's lanes for the unit cotangents `c` of `K` consecutive floats of `y`.
/// Each run of the primal inside `row` serves `K` rows.
pub(crate) fn jacobian_rows_lanes<O, G, const K: usize>(
    y: &O,
    row: LanesSweep<'_, O, G, K>,
) -> Vec<O::Leaf>
where
    O: Shape + Par + ?Sized,
    G: Shape<Leaf = O::Leaf> + ?Sized,
    O::Leaf: Float + Par,
{
    sweeps(y.size(), K, &|start| lanes_of::<O, G, K>(y, start, row)).concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_units_in_row_major_order_and_spread_back() {
        let p = vec![[1.0_f64, 2.0], [3.0, 4.0], [5.0, 6.0]];
        assert_eq!(p.size(), 6);
        let seeds = unit_lanes::<_, 4>(&p, 4);
        // Lane 0 seeds float 4 ([2][0]), lane 1 float 5 ([2][1]); lanes 2, 3 run past.
        assert_eq!(seeds[2][0].0, [1.0, 0.0, 0.0, 0.0]);
        assert_eq!(seeds[2][1].0, [0.0, 1.0, 0.0, 0.0]);
        assert_eq!(seeds[0][0].0, [0.0; 4]);
        let mut columns = vec![Vec::new(); 4];
        spread::<Vec<[f64; 2]>, 4>(&seeds, &mut columns);
        assert_eq!(columns[0], vec![0.0, 0.0, 0.0, 0.0, 1.0, 0.0]);
        assert_eq!(columns[1], vec![0.0, 0.0, 0.0, 0.0, 0.0, 1.0]);
        assert_eq!(columns[2], vec![0.0; 6]);
    }

    #[test]
    fn columns_come_k_at_a_time_and_stop_at_the_last_input() {
        // y = (x0 x1, 3 x2) as lanes by hand: columns of the Jacobian [[x1, x0, 0], [0, 0, 3]].
        let x = [2.0_f64, 5.0, 7.0];
        let cols = jacobian_columns_lanes::<[f64; 3], [f64; 2], 2>(&x, &|t| {
            [t[0] * x[1] + t[1] * x[0], t[2] * 3.0]
        });
        assert_eq!(cols, vec![vec![5.0, 0.0], vec![2.0, 0.0], vec![0.0, 3.0]]);
    }

    #[test]
    fn lanes_are_leaves_with_zeros_of_their_own() {
        let lanes = [[Lanes([1.0_f64, 2.0]); 3]; 2];
        assert_eq!(lanes.size(), 6);
        assert_eq!(lanes.zero_like(), [[Lanes([0.0; 2]); 3]; 2]);
        let tangents: Vec<Lanes<f32, 4>> = vec![1.5_f32; 5].lanes_zero();
        assert_eq!(tangents, vec![Lanes([0.0; 4]); 5]);
    }
}
