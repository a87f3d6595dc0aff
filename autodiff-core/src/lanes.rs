//! Vector forward mode: several tangent directions carried through one sweep.
//!
//! `f_jacobian` in forward mode calls a hidden sibling `f_jvp_lanes::<K>`, the JVP with
//! every tangent a [`Lanes`] of `K` floats instead of one: the primal runs once for `K`
//! columns of the Jacobian, and each tangent operation is `K` independent lanes, which
//! the compiler turns into vector instructions. [`LaneShape`] gives every parameter and
//! output type its lanes type (a float's is `Lanes<T, K>`, an array's or `Vec`'s holds
//! lanes in place of floats), the zero of it, the unit seeds of a chunk of columns, and
//! the columns back out.

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

/// The zero lanes of a float (`T` from the value, which may be a literal typed later).
#[inline]
pub fn lanes_zero_of<T: Float, const K: usize>(_like: &T) -> Lanes<T, K> {
    Lanes([T::zero(); K])
}

/// Values whose tangents can be carried `K` at a time: floats, arrays of them at any
/// nesting, slices and `Vec`s (and references to these).
pub trait LaneShape {
    /// The value's shape with `Lanes<_, K>` in place of every float.
    type Lanes<const K: usize>;
    /// The float type inside.
    type Leaf: Copy;
    /// The zero tangent of every lane.
    fn lanes_zero<const K: usize>(&self) -> Self::Lanes<K>;
    /// The unit tangents of the floats numbered `start..start + K` (counting from `next`,
    /// in row-major order), lane `k` seeding float `start + k`.
    fn seed<const K: usize>(&self, next: &mut usize, start: usize) -> Self::Lanes<K>;
    /// Lane `k` of every float, in row-major order, appended to `columns[k]`.
    fn spread<const K: usize>(lanes: &Self::Lanes<K>, columns: &mut [Vec<Self::Leaf>]);
    /// The number of floats inside.
    fn count(&self) -> usize;
}

macro_rules! float_lanes {
    ($($t:ty),+) => {$(
        impl LaneShape for $t {
            type Lanes<const K: usize> = Lanes<$t, K>;
            type Leaf = $t;
            #[inline]
            fn lanes_zero<const K: usize>(&self) -> Lanes<$t, K> {
                Lanes([0.0; K])
            }
            fn seed<const K: usize>(&self, next: &mut usize, start: usize) -> Lanes<$t, K> {
                let i = *next;
                *next += 1;
                Lanes(core::array::from_fn(|k| if i == start + k { 1.0 } else { 0.0 }))
            }
            fn spread<const K: usize>(lanes: &Lanes<$t, K>, columns: &mut [Vec<$t>]) {
                for (k, c) in columns.iter_mut().enumerate() {
                    c.push(lanes.0[k]);
                }
            }
            fn count(&self) -> usize {
                1
            }
        }
    )+};
}

float_lanes!(f32, f64);

impl<T: LaneShape, const N: usize> LaneShape for [T; N] {
    type Lanes<const K: usize> = [T::Lanes<K>; N];
    type Leaf = T::Leaf;
    fn lanes_zero<const K: usize>(&self) -> Self::Lanes<K> {
        core::array::from_fn(|i| self[i].lanes_zero())
    }
    fn seed<const K: usize>(&self, next: &mut usize, start: usize) -> Self::Lanes<K> {
        core::array::from_fn(|i| self[i].seed(next, start))
    }
    fn spread<const K: usize>(lanes: &Self::Lanes<K>, columns: &mut [Vec<T::Leaf>]) {
        lanes.iter().for_each(|l| T::spread(l, columns));
    }
    fn count(&self) -> usize {
        self.iter().map(LaneShape::count).sum()
    }
}

impl<T: LaneShape> LaneShape for [T] {
    type Lanes<const K: usize> = Vec<T::Lanes<K>>;
    type Leaf = T::Leaf;
    fn lanes_zero<const K: usize>(&self) -> Self::Lanes<K> {
        self.iter().map(LaneShape::lanes_zero).collect()
    }
    fn seed<const K: usize>(&self, next: &mut usize, start: usize) -> Self::Lanes<K> {
        self.iter().map(|t| t.seed(next, start)).collect()
    }
    fn spread<const K: usize>(lanes: &Self::Lanes<K>, columns: &mut [Vec<T::Leaf>]) {
        lanes.iter().for_each(|l| T::spread(l, columns));
    }
    fn count(&self) -> usize {
        self.iter().map(LaneShape::count).sum()
    }
}

impl<T: LaneShape> LaneShape for Vec<T> {
    type Lanes<const K: usize> = Vec<T::Lanes<K>>;
    type Leaf = T::Leaf;
    fn lanes_zero<const K: usize>(&self) -> Self::Lanes<K> {
        self.as_slice().lanes_zero()
    }
    fn seed<const K: usize>(&self, next: &mut usize, start: usize) -> Self::Lanes<K> {
        self.as_slice().seed(next, start)
    }
    fn spread<const K: usize>(lanes: &Self::Lanes<K>, columns: &mut [Vec<T::Leaf>]) {
        <[T]>::spread(lanes, columns);
    }
    fn count(&self) -> usize {
        self.as_slice().count()
    }
}

impl<T: LaneShape + ?Sized> LaneShape for &T {
    type Lanes<const K: usize> = T::Lanes<K>;
    type Leaf = T::Leaf;
    fn lanes_zero<const K: usize>(&self) -> Self::Lanes<K> {
        (**self).lanes_zero()
    }
    fn seed<const K: usize>(&self, next: &mut usize, start: usize) -> Self::Lanes<K> {
        (**self).seed(next, start)
    }
    fn spread<const K: usize>(lanes: &Self::Lanes<K>, columns: &mut [Vec<T::Leaf>]) {
        T::spread(lanes, columns);
    }
    fn count(&self) -> usize {
        (**self).count()
    }
}

/// Gradients of several parameters (the Hessian's columns): the parts in order.
macro_rules! tuple_lanes {
    ($($t:ident $i:tt),+) => {
        impl<L: Copy, $($t: LaneShape<Leaf = L>),+> LaneShape for ($($t,)+) {
            type Lanes<const K: usize> = ($($t::Lanes<K>,)+);
            type Leaf = L;
            fn lanes_zero<const K: usize>(&self) -> Self::Lanes<K> {
                ($(self.$i.lanes_zero(),)+)
            }
            fn seed<const K: usize>(&self, next: &mut usize, start: usize) -> Self::Lanes<K> {
                ($(self.$i.seed(next, start),)+)
            }
            fn spread<const K: usize>(lanes: &Self::Lanes<K>, columns: &mut [Vec<L>]) {
                $($t::spread(&lanes.$i, columns);)+
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

/// The columns of one parameter `p`, `K` per sweep: `column(t)` is the output's tangent
/// lanes for the unit tangents `t` of `K` consecutive floats of `p`.
#[cfg(not(feature = "rayon"))]
pub fn jacobian_columns_lanes<P: LaneShape, O: LaneShape, const K: usize>(
    p: &P,
    column: impl Fn(P::Lanes<K>) -> O::Lanes<K>,
) -> Vec<Vec<O::Leaf>> {
    let n = p.count();
    (0..n).step_by(K).flat_map(|start| chunk::<P, O, K>(p, start, n, &column)).collect()
}

/// The columns of one parameter `p`, `K` per sweep, the sweeps in parallel.
#[cfg(feature = "rayon")]
pub fn jacobian_columns_lanes<P: LaneShape + Sync, O: LaneShape, const K: usize>(
    p: &P,
    column: impl Fn(P::Lanes<K>) -> O::Lanes<K> + Sync + Send,
) -> Vec<Vec<O::Leaf>>
where
    O::Leaf: Send,
{
    use rayon::prelude::*;
    let n = p.count();
    let starts: Vec<usize> = (0..n).step_by(K).collect();
    let chunks: Vec<Vec<Vec<O::Leaf>>> =
        starts.into_par_iter().map(|start| chunk::<P, O, K>(p, start, n, &column)).collect();
    chunks.into_iter().flatten().collect()
}

/// The (up to) `K` columns of the sweep that seeds floats `start..start + K` of `p`.
fn chunk<P: LaneShape, O: LaneShape, const K: usize>(
    p: &P,
    start: usize,
    n: usize,
    column: &impl Fn(P::Lanes<K>) -> O::Lanes<K>,
) -> Vec<Vec<O::Leaf>> {
    let seeds = p.seed::<K>(&mut 0, start);
    let out = column(seeds);
    let mut columns: Vec<Vec<O::Leaf>> = (0..K).map(|_| Vec::new()).collect();
    O::spread(&out, &mut columns);
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
        let seeds = p.seed::<4>(&mut 0, 4);
        // Lane 0 seeds float 4 ([2][0]), lane 1 float 5 ([2][1]); lanes 2, 3 run past.
        assert_eq!(seeds[2][0].0, [1.0, 0.0, 0.0, 0.0]);
        assert_eq!(seeds[2][1].0, [0.0, 1.0, 0.0, 0.0]);
        assert_eq!(seeds[0][0].0, [0.0; 4]);
        let mut columns = vec![Vec::new(); 4];
        <Vec<[f64; 2]>>::spread(&seeds, &mut columns);
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
