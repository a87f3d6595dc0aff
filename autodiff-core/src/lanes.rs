//! Vector forward mode: several tangent directions carried through one sweep.
//!
//! `f_jacobian` in forward mode calls a hidden sibling `f_jvp_lanes::<L>`, the JVP with
//! every tangent an `L` instead of one float: with `L` a [`Lanes`] of `K` floats, the
//! primal runs once for `K` columns of the Jacobian, and each tangent operation is `K`
//! independent lanes, which the compiler turns into vector instructions; with `L` a
//! `Pattern` (module `sparse`), the same sweep finds which inputs each output
//! depends on. [`Lane`] is what `L` must have;
//! [`LaneShape`] gives every parameter and output type its shape with an `L` in place of
//! each float (an array's or `Vec`'s holds them in place of floats), the zero of it, the
//! seeds of a sweep, and the tangents back out.

use core::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};
use num_traits::Float;

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
impl<T: Float, const K: usize> crate::zero::AddTo for Lanes<T, K> {
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
/// depends on, the Jacobian's sparsity) are the two.
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
    + crate::zero::AddTo
    + LaneZero
    + crate::rules::StrongMul<T>
{
}

impl<T: Float, const K: usize> Lane<T> for Lanes<T, K> {}

/// The zero of a value already made of tangents (lanes, patterns, arrays and `Vec`s of
/// them), of the same shape: how reverse mode with lanes resets an adjoint it has read.
pub trait LaneZero {
    /// Zero, with `self`'s shape.
    fn lane_zero(&self) -> Self;
}

impl<T: Float, const K: usize> LaneZero for Lanes<T, K> {
    #[inline]
    fn lane_zero(&self) -> Self {
        Self::default()
    }
}

impl<T: LaneZero, const N: usize> LaneZero for [T; N] {
    fn lane_zero(&self) -> Self {
        core::array::from_fn(|i| self[i].lane_zero())
    }
}

impl<T: LaneZero> LaneZero for Vec<T> {
    fn lane_zero(&self) -> Self {
        self.iter().map(LaneZero::lane_zero).collect()
    }
}

/// The zero tangent of a float (`like` may be a literal whose float type is inferred
/// later).
#[inline]
pub fn lanes_zero_of<T, L: Default>(_like: &T) -> L {
    L::default()
}

/// Values whose tangents can be carried several directions at a time: floats, arrays of
/// them at any nesting, slices and `Vec`s (and references to these).
pub trait LaneShape {
    /// The value's shape with an `L` in place of every float.
    type Lanes<L>;
    /// The float type inside.
    type Leaf: Copy;
    /// The zero tangent of every float.
    fn lanes_zero<L: Default>(&self) -> Self::Lanes<L>;
    /// The value's shape with `unit()` in place of each float, called in row-major order.
    fn seed<L>(&self, unit: &mut impl FnMut() -> L) -> Self::Lanes<L>;
    /// Calls `each` with the tangent of every float, in row-major order.
    fn visit<L>(lanes: &Self::Lanes<L>, each: &mut impl FnMut(&L));
    /// The number of floats inside.
    fn count(&self) -> usize;
}

macro_rules! float_lanes {
    ($($t:ty),+) => {$(
        impl LaneShape for $t {
            type Lanes<L> = L;
            type Leaf = $t;
            #[inline]
            fn lanes_zero<L: Default>(&self) -> L {
                L::default()
            }
            fn seed<L>(&self, unit: &mut impl FnMut() -> L) -> L {
                unit()
            }
            fn visit<L>(lanes: &L, each: &mut impl FnMut(&L)) {
                each(lanes)
            }
            fn count(&self) -> usize {
                1
            }
        }
    )+};
}

float_lanes!(f32, f64);

impl<T: LaneShape, const N: usize> LaneShape for [T; N] {
    type Lanes<L> = [T::Lanes<L>; N];
    type Leaf = T::Leaf;
    fn lanes_zero<L: Default>(&self) -> Self::Lanes<L> {
        core::array::from_fn(|i| self[i].lanes_zero())
    }
    fn seed<L>(&self, unit: &mut impl FnMut() -> L) -> Self::Lanes<L> {
        core::array::from_fn(|i| self[i].seed(unit))
    }
    fn visit<L>(lanes: &Self::Lanes<L>, each: &mut impl FnMut(&L)) {
        lanes.iter().for_each(|l| T::visit(l, each));
    }
    fn count(&self) -> usize {
        self.iter().map(LaneShape::count).sum()
    }
}

impl<T: LaneShape> LaneShape for [T] {
    type Lanes<L> = Vec<T::Lanes<L>>;
    type Leaf = T::Leaf;
    fn lanes_zero<L: Default>(&self) -> Self::Lanes<L> {
        self.iter().map(LaneShape::lanes_zero).collect()
    }
    fn seed<L>(&self, unit: &mut impl FnMut() -> L) -> Self::Lanes<L> {
        self.iter().map(|t| t.seed(unit)).collect()
    }
    fn visit<L>(lanes: &Self::Lanes<L>, each: &mut impl FnMut(&L)) {
        lanes.iter().for_each(|l| T::visit(l, each));
    }
    fn count(&self) -> usize {
        self.iter().map(LaneShape::count).sum()
    }
}

impl<T: LaneShape> LaneShape for Vec<T> {
    type Lanes<L> = Vec<T::Lanes<L>>;
    type Leaf = T::Leaf;
    fn lanes_zero<L: Default>(&self) -> Self::Lanes<L> {
        self.as_slice().lanes_zero()
    }
    fn seed<L>(&self, unit: &mut impl FnMut() -> L) -> Self::Lanes<L> {
        self.as_slice().seed(unit)
    }
    fn visit<L>(lanes: &Self::Lanes<L>, each: &mut impl FnMut(&L)) {
        <[T]>::visit(lanes, each);
    }
    fn count(&self) -> usize {
        self.as_slice().count()
    }
}

impl<T: LaneShape + ?Sized> LaneShape for &T {
    type Lanes<L> = T::Lanes<L>;
    type Leaf = T::Leaf;
    fn lanes_zero<L: Default>(&self) -> Self::Lanes<L> {
        (**self).lanes_zero()
    }
    fn seed<L>(&self, unit: &mut impl FnMut() -> L) -> Self::Lanes<L> {
        (**self).seed(unit)
    }
    fn visit<L>(lanes: &Self::Lanes<L>, each: &mut impl FnMut(&L)) {
        T::visit(lanes, each);
    }
    fn count(&self) -> usize {
        (**self).count()
    }
}

/// Gradients of several parameters (the Hessian's columns): the parts in order.
macro_rules! tuple_lanes {
    ($($t:ident $i:tt),+) => {
        impl<X: Copy, $($t: LaneShape<Leaf = X>),+> LaneShape for ($($t,)+) {
            type Lanes<L> = ($($t::Lanes<L>,)+);
            type Leaf = X;
            fn lanes_zero<L: Default>(&self) -> Self::Lanes<L> {
                ($(self.$i.lanes_zero(),)+)
            }
            fn seed<L>(&self, unit: &mut impl FnMut() -> L) -> Self::Lanes<L> {
                ($(self.$i.seed(unit),)+)
            }
            fn visit<L>(lanes: &Self::Lanes<L>, each: &mut impl FnMut(&L)) {
                $($t::visit(&lanes.$i, each);)+
            }
            fn count(&self) -> usize {
                0 $(+ self.$i.count())+
            }
        }
    };
}

tuple_lanes!(A 0, B 1);
tuple_lanes!(A 0, B 1, C 2);
tuple_lanes!(A 0, B 1, C 2, D 3);
tuple_lanes!(A 0, B 1, C 2, D 3, E 4);
tuple_lanes!(A 0, B 1, C 2, D 3, E 4, F 5);

/// `K` floats' lanes, one float per lane: `p`'s shape with the unit tangents of the
/// floats numbered `start..start + K` (in row-major order), lane `k` seeding float
/// `start + k`.
pub fn unit_lanes<P: LaneShape + ?Sized, const K: usize>(
    p: &P,
    start: usize,
) -> P::Lanes<Lanes<P::Leaf, K>>
where
    P::Leaf: Float,
{
    let mut next = 0;
    p.seed(&mut || {
        let i = next;
        next += 1;
        Lanes(core::array::from_fn(|k| {
            if i == start + k {
                <P::Leaf as num_traits::One>::one()
            } else {
                <P::Leaf as num_traits::Zero>::zero()
            }
        }))
    })
}

/// The columns in lanes `out` (row-major order of the output), lane `k` to `columns[k]`.
pub fn spread<O: LaneShape + ?Sized, const K: usize>(
    out: &O::Lanes<Lanes<O::Leaf, K>>,
    columns: &mut [Vec<O::Leaf>],
) {
    O::visit(out, &mut |l: &Lanes<O::Leaf, K>| {
        for (c, v) in columns.iter_mut().zip(l.0) {
            c.push(v);
        }
    });
}

/// The columns of one parameter `p`, `K` per sweep: `column(t)` is the output's tangent
/// lanes for the unit tangents `t` of `K` consecutive floats of `p`.
#[cfg(not(feature = "rayon"))]
pub fn jacobian_columns_lanes<P: LaneShape, O: LaneShape<Leaf = P::Leaf>, const K: usize>(
    p: &P,
    column: impl Fn(P::Lanes<Lanes<P::Leaf, K>>) -> O::Lanes<Lanes<P::Leaf, K>>,
) -> Vec<Vec<O::Leaf>>
where
    P::Leaf: Float,
{
    let n = p.count();
    (0..n).step_by(K).flat_map(|start| chunk::<P, O, K>(p, start, n, &column)).collect()
}

/// The columns of one parameter `p`, `K` per sweep, the sweeps in parallel.
#[cfg(feature = "rayon")]
pub fn jacobian_columns_lanes<P: LaneShape + Sync, O: LaneShape<Leaf = P::Leaf>, const K: usize>(
    p: &P,
    column: impl Fn(P::Lanes<Lanes<P::Leaf, K>>) -> O::Lanes<Lanes<P::Leaf, K>> + Sync + Send,
) -> Vec<Vec<O::Leaf>>
where
    P::Leaf: Float + Send,
{
    use rayon::prelude::*;
    let n = p.count();
    let starts: Vec<usize> = (0..n).step_by(K).collect();
    let chunks: Vec<Vec<Vec<O::Leaf>>> =
        starts.into_par_iter().map(|start| chunk::<P, O, K>(p, start, n, &column)).collect();
    chunks.into_iter().flatten().collect()
}

/// The rows of one parameter's Jacobian block, row-major (a row per float of the output
/// `y`, its entries the floats of the parameter's gradient), `K` per sweep: `row(c)` is
/// the gradient's lanes for the unit cotangents `c` of `K` consecutive floats of `y`.
/// Each run of the primal inside `row` serves `K` rows.
pub fn jacobian_rows_lanes<O, G, const K: usize>(
    y: &O,
    row: impl Fn(O::Lanes<Lanes<O::Leaf, K>>) -> G::Lanes<Lanes<O::Leaf, K>> + crate::sparse::Par,
) -> Vec<O::Leaf>
where
    O: LaneShape + crate::sparse::Par,
    G: LaneShape<Leaf = O::Leaf>,
    O::Leaf: Float + crate::sparse::Par,
{
    let m = y.count();
    let rows_of = |start: usize| -> Vec<Vec<O::Leaf>> {
        let out = row(unit_lanes::<O, K>(y, start));
        let mut rows: Vec<Vec<O::Leaf>> = (0..K).map(|_| Vec::new()).collect();
        spread::<G, K>(&out, &mut rows);
        rows.truncate(K.min(m - start));
        rows
    };
    #[cfg(feature = "rayon")]
    let chunks: Vec<Vec<Vec<O::Leaf>>> = {
        use rayon::prelude::*;
        let starts: Vec<usize> = (0..m).step_by(K).collect();
        starts.into_par_iter().map(rows_of).collect()
    };
    #[cfg(not(feature = "rayon"))]
    let chunks: Vec<Vec<Vec<O::Leaf>>> = (0..m).step_by(K).map(rows_of).collect();
    chunks.into_iter().flatten().flatten().collect()
}

/// The (up to) `K` columns of the sweep that seeds floats `start..start + K` of `p`.
fn chunk<P: LaneShape, O: LaneShape<Leaf = P::Leaf>, const K: usize>(
    p: &P,
    start: usize,
    n: usize,
    column: &impl Fn(P::Lanes<Lanes<P::Leaf, K>>) -> O::Lanes<Lanes<P::Leaf, K>>,
) -> Vec<Vec<O::Leaf>>
where
    P::Leaf: Float,
{
    let out = column(unit_lanes::<P, K>(p, start));
    let mut columns: Vec<Vec<O::Leaf>> = (0..K).map(|_| Vec::new()).collect();
    spread::<O, K>(&out, &mut columns);
    columns.truncate(K.min(n - start));
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_units_in_row_major_order_and_spread_back() {
        let p = vec![[1.0_f64, 2.0], [3.0, 4.0], [5.0, 6.0]];
        assert_eq!(p.count(), 6);
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
        let cols = jacobian_columns_lanes::<[f64; 3], [f64; 2], 2>(&x, |t| {
            [t[0] * x[1] + t[1] * x[0], t[2] * 3.0]
        });
        assert_eq!(cols, vec![vec![5.0, 0.0], vec![2.0, 0.0], vec![0.0, 3.0]]);
    }
}
