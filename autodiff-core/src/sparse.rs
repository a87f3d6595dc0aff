//! Sparse Jacobians: columns that share no row are computed in one lane.
//!
//! When `f_jacobian` sweeps forward with lanes, it first finds the Jacobian's sparsity
//! at the point, then colours the columns so that no two of one colour meet in a row,
//! and seeds each lane with the sum of the unit tangents of one colour. Every output
//! then reads its derivative with respect to each input it depends on from the lane of
//! that input's colour. A banded map of 1024 inputs, whose 1024 columns need 64 sweeps
//! of 16 lanes, needs 5 with three colours (four to find the pattern, 256 inputs at a
//! time as bits of four words, and one for the values).
//!
//! The pattern comes from the same generated code: `f_jvp_lanes` run with a
//! [`Pattern`] as each float's tangent, a set of input indices in which every operation
//! is a union (a partial derivative, whatever its value, passes the set on). A sweep
//! thus gives, for each output, every input it depends on along the path the primal
//! takes at this point; derivatives with respect to any other input are zero there, and
//! the values found are those the dense sweeps would give. The pattern is found at
//! every call, so branches that change it between points are followed.
//!
//! The sparse route is taken only where it saves sweeps: when the colours (and the
//! sweeps that find them) are fewer than the dense sweeps, which needs at least three
//! of those (more than `2 × LANES` inputs). The same route serves `f_hessian`, whose
//! matrix is the Jacobian of the gradient (through `f_hvp_lanes`).
//!
//! Reverse mode does the same with rows ([`sparse_rows`]): `f_vjp_lanes` run with
//! patterns as adjoints gives, for each input, the set of outputs it reaches; rows that
//! share no input are coloured alike, and one reverse sweep seeding a colour's rows at
//! once gives all their entries.

use crate::jacobian::{Block, Par};
use crate::lanes::{jacobian_columns_lanes, jacobian_rows_lanes, Lane, Lanes, LanesSweep};
use crate::shape::{leaf_shape, seeded, Shape};
use crate::support::AddTo;
use core::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};
use num_traits::{Float, One, Zero};

/// How many 64-bit words a [`Pattern`] holds: `64 × PATTERN_WORDS` inputs are traced
/// per sweep. Four (256 inputs) keep a sweep that finds the pattern a quarter of one of
/// 16 lanes, so that a dense block of 64 inputs pays little for the search.
pub const PATTERN_WORDS: usize = 4;

/// The set of inputs (numbered within the sweep's block of `64 × W`) that a value
/// depends on: the tangent that finds a Jacobian's sparsity. Every operation of tangent
/// code is a union: a sum or difference of tangents joins their sets, and a tangent
/// times or divided by a partial derivative keeps its set, since a partial that is zero
/// here may not be zero elsewhere on the same path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pattern<const W: usize>(pub [u64; W]);

impl<const W: usize> Pattern<W> {
    /// The set `{i}`, or the empty set when `i` is not below `64 × W`.
    pub fn unit(i: usize) -> Self {
        let mut p = Self::default();
        if i < 64 * W {
            p.0[i / 64] = 1 << (i % 64);
        }
        p
    }

    /// The inputs in the set, in increasing order.
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &bits)| {
            let mut rest = bits;
            core::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let b = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    64 * w + b
                })
            })
        })
    }

    /// The number of inputs in the set.
    pub fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    #[inline]
    fn union(self, o: Self) -> Self {
        Pattern(core::array::from_fn(|w| self.0[w] | o.0[w]))
    }
}

/// The empty set (the tangent of a constant).
impl<const W: usize> Default for Pattern<W> {
    fn default() -> Self {
        Pattern([0; W])
    }
}

impl<const W: usize> Add for Pattern<W> {
    type Output = Self;
    #[inline]
    fn add(self, o: Self) -> Self {
        self.union(o)
    }
}

impl<const W: usize> Sub for Pattern<W> {
    type Output = Self;
    #[inline]
    fn sub(self, o: Self) -> Self {
        self.union(o)
    }
}

impl<const W: usize> AddAssign for Pattern<W> {
    #[inline]
    fn add_assign(&mut self, o: Self) {
        *self = self.union(o);
    }
}

impl<const W: usize> SubAssign for Pattern<W> {
    #[inline]
    fn sub_assign(&mut self, o: Self) {
        *self = self.union(o);
    }
}

impl<const W: usize> Neg for Pattern<W> {
    type Output = Self;
    #[inline]
    fn neg(self) -> Self {
        self
    }
}

/// Times a partial derivative: the same inputs.
impl<T: Float, const W: usize> Mul<T> for Pattern<W> {
    type Output = Self;
    #[inline]
    fn mul(self, _: T) -> Self {
        self
    }
}

impl<T: Float, const W: usize> Div<T> for Pattern<W> {
    type Output = Self;
    #[inline]
    fn div(self, _: T) -> Self {
        self
    }
}

impl<const W: usize> AddTo for Pattern<W> {
    #[inline]
    fn add_to(&mut self, other: &Self) {
        *self = self.union(*other);
    }
}

leaf_shape!([const W: usize] Pattern<W>);

impl<T: Float, const W: usize> Lane<T> for Pattern<W> {}

/// The sparsity of a Jacobian block: for each output float (row-major), the inputs it
/// depends on, in increasing order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sparsity {
    /// The number of inputs (columns).
    pub columns: usize,
    /// Per output float, the columns of its possibly non-zero derivatives.
    pub rows: Vec<Vec<usize>>,
}

impl Sparsity {
    /// The pattern of the block of `p`, found by `trace(seeds)`: the output's tangents for
    /// tangents of `p` that are unit sets, `64 × W` inputs per sweep.
    #[cfg(test)]
    pub fn find<P: Shape + ?Sized, O: Shape + ?Sized, const W: usize>(
        p: &P,
        trace: impl Fn(P::Map<Pattern<W>>) -> O::Map<Pattern<W>>,
    ) -> Self {
        Self::from_traces(p.size(), &traces::<P, O, W>(p, &trace))
    }

    /// The pattern from the sweeps of [`traces`].
    fn from_traces<const W: usize>(columns: usize, traces: &[Vec<Pattern<W>>]) -> Self {
        let m = traces.first().map_or(0, Vec::len);
        let rows = (0..m)
            .map(|r| {
                traces
                    .iter()
                    .enumerate()
                    .flat_map(|(s, sweep)| sweep[r].indices().map(move |k| 64 * W * s + k))
                    .collect()
            })
            .collect();
        Sparsity { columns, rows }
    }

    /// A colouring of the columns in which no two columns of one colour share a row
    /// (greedy, in column order: each column takes the smallest colour none of its rows'
    /// columns has taken), and the number of colours.
    pub fn colouring(&self) -> (Vec<usize>, usize) {
        let n = self.columns;
        let mut rows_of: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (r, row) in self.rows.iter().enumerate() {
            for &j in row {
                rows_of[j].push(r);
            }
        }
        let mut colour = vec![usize::MAX; n];
        // `taken[c] == j` while colouring column `j`: colour `c` meets it in some row.
        let mut taken = vec![usize::MAX; n];
        let mut colours = 0;
        for j in 0..n {
            for &r in &rows_of[j] {
                for &k in &self.rows[r] {
                    if colour[k] != usize::MAX {
                        taken[colour[k]] = j;
                    }
                }
            }
            let c = (0..n).find(|&c| taken[c] != j).unwrap_or(0);
            colour[j] = c;
            colours = colours.max(c + 1);
        }
        (colour, colours)
    }

    /// The longest row: no colouring has fewer colours.
    #[cfg(test)]
    pub fn widest_row(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

/// The output's sets for each sweep of `trace`, sweep `s` seeding the inputs
/// `64 W s .. 64 W (s + 1)` of `p` with unit sets (numbered from the sweep's first). In
/// reverse mode `p` is the output, seeded with cotangents, and `O` the gradient.
fn traces<P: Shape + ?Sized, O: Shape + ?Sized, const W: usize>(
    p: &P,
    trace: &dyn Fn(P::Map<Pattern<W>>) -> O::Map<Pattern<W>>,
) -> Vec<Vec<Pattern<W>>> {
    (0..p.size())
        .step_by(64 * W)
        .map(|start| {
            let out = trace(seeded(p, |i| Pattern::unit(i.wrapping_sub(start))));
            let mut sets = Vec::new();
            O::visit_map(&out, &mut |set: &Pattern<W>| sets.push(*set));
            sets
        })
        .collect()
}

/// The most inputs one output depends on, from the sweeps of [`traces`] (counted
/// before any index is listed, so that a dense block costs no more than its sweeps).
fn widest<const W: usize>(traces: &[Vec<Pattern<W>>]) -> usize {
    let m = traces.first().map_or(0, Vec::len);
    (0..m).map(|r| traces.iter().map(|sweep| sweep[r].count()).sum::<usize>()).max().unwrap_or(0)
}

/// One parameter `p`'s Jacobian block: through the sparsity pattern and a colouring of
/// the columns when that takes fewer sweeps, `K` columns per sweep of `dense` otherwise.
/// `dense(seeds)` and `trace(seeds)` are the same `f_jvp_lanes` with lanes of floats and
/// with patterns.
#[inline]
pub fn sparse_columns<P, O, const K: usize, const W: usize>(
    p: &P,
    dense: impl Fn(P::Map<Lanes<P::Leaf, K>>) -> O::Map<Lanes<P::Leaf, K>> + Par,
    trace: impl Fn(P::Map<Pattern<W>>) -> O::Map<Pattern<W>>,
) -> Block<P::Leaf>
where
    P: Shape + Par,
    O: Shape<Leaf = P::Leaf>,
    P::Leaf: Float + Par,
{
    columns_through::<P, O, K, W>(p, &dense, &trace)
}

/// [`sparse_columns`] with its sweeps erased.
fn columns_through<P, O, const K: usize, const W: usize>(
    p: &P,
    dense: LanesSweep<'_, P, O, K>,
    trace: &dyn Fn(P::Map<Pattern<W>>) -> O::Map<Pattern<W>>,
) -> Block<P::Leaf>
where
    P: Shape + Par,
    O: Shape<Leaf = P::Leaf>,
    P::Leaf: Float + Par,
{
    let n = p.size();
    let dense_block = || Block::Dense(jacobian_columns_lanes::<P, O, K>(p, dense));
    let dense_sweeps = n.div_ceil(K);
    let tracing_sweeps = n.div_ceil(64 * W);
    // Two dense sweeps or fewer: finding the pattern costs as much as it could save.
    if dense_sweeps <= 2 {
        return dense_block();
    }
    let traced = traces::<P, O, W>(p, trace);
    let saves = |colours: usize| tracing_sweeps + colours.div_ceil(K) < dense_sweeps;
    if !saves(widest(&traced)) {
        return dense_block();
    }
    let pattern = Sparsity::from_traces(n, &traced);
    let (colour, colours) = pattern.colouring();
    if !saves(colours) {
        return dense_block();
    }
    // The entries from `colours.div_ceil(K)` sweeps, lane `k` of the sweep starting at
    // colour `first` seeding every column of colour `first + k`.
    let zero = P::Leaf::zero();
    let mut block: Vec<Vec<(usize, P::Leaf)>> =
        pattern.rows.iter().map(|row| row.iter().map(|&j| (j, zero)).collect()).collect();
    for first in (0..colours).step_by(K) {
        let out = dense(colour_seeds::<P, K>(p, &colour, first));
        let mut r = 0;
        O::visit_map(&out, &mut |lanes: &Lanes<P::Leaf, K>| {
            for (j, v) in &mut block[r] {
                if (first..first + K).contains(&colour[*j]) {
                    *v = lanes.0[colour[*j] - first];
                }
            }
            r += 1;
        });
    }
    Block::Sparse(block)
}

/// The rows of the Jacobian, row-major (a row per float of the output `y`, its entries
/// the floats of the gradient's shape `G`, every parameter's in order), from reverse
/// sweeps: through the sparsity pattern and a colouring of the rows when that takes fewer
/// sweeps, `K` rows per sweep of `dense` otherwise. `dense(cotangents)` and
/// `trace(cotangents)` are the same `f_vjp_lanes` with lanes of floats and with patterns:
/// traced backwards, the adjoint of each input is the set of outputs it reaches,
/// `64 × W` outputs per sweep. Rows of one colour share no input, so one sweep seeding
/// them all at once gives each of their entries apart.
#[inline]
pub fn sparse_rows<O, G, const K: usize, const W: usize>(
    y: &O,
    dense: impl Fn(O::Map<Lanes<O::Leaf, K>>) -> G::Map<Lanes<O::Leaf, K>> + Par,
    trace: impl Fn(O::Map<Pattern<W>>) -> G::Map<Pattern<W>>,
) -> Vec<O::Leaf>
where
    O: Shape + Par,
    G: Shape<Leaf = O::Leaf>,
    O::Leaf: Float + Par,
{
    rows_through::<O, G, K, W>(y, &dense, &trace)
}

/// [`sparse_rows`] with its sweeps erased.
fn rows_through<O, G, const K: usize, const W: usize>(
    y: &O,
    dense: LanesSweep<'_, O, G, K>,
    trace: &dyn Fn(O::Map<Pattern<W>>) -> G::Map<Pattern<W>>,
) -> Vec<O::Leaf>
where
    O: Shape + Par,
    G: Shape<Leaf = O::Leaf>,
    O::Leaf: Float + Par,
{
    let m = y.size();
    let dense_sweeps = m.div_ceil(K);
    let tracing_sweeps = m.div_ceil(64 * W);
    if dense_sweeps <= 2 {
        return jacobian_rows_lanes::<O, G, K>(y, dense);
    }
    // Sweep `s` seeds outputs `64 W s ..` with unit sets; each input's adjoint is then
    // the set of those outputs it reaches.
    let traced = traces::<O, G, W>(y, trace);
    let saves = |colours: usize| tracing_sweeps + colours.div_ceil(K) < dense_sweeps;
    if !saves(widest(&traced)) {
        return jacobian_rows_lanes::<O, G, K>(y, dense);
    }
    // Outputs play the part of columns: for each input, the outputs that depend on it.
    let pattern = Sparsity::from_traces(m, &traced);
    let (colour, colours) = pattern.colouring();
    if !saves(colours) {
        return jacobian_rows_lanes::<O, G, K>(y, dense);
    }
    let total = pattern.rows.len();
    let zero = O::Leaf::zero();
    let mut rows = vec![zero; m * total];
    for first in (0..colours).step_by(K) {
        let adjoints = dense(colour_seeds::<O, K>(y, &colour, first));
        let mut j = 0;
        G::visit_map(&adjoints, &mut |lanes: &Lanes<O::Leaf, K>| {
            for &r in &pattern.rows[j] {
                if (first..first + K).contains(&colour[r]) {
                    rows[r * total + j] = lanes.0[colour[r] - first];
                }
            }
            j += 1;
        });
    }
    rows
}

/// Seeds of `s`'s shape for the sweep starting at colour `first`: lane `k` is one at
/// every float of colour `first + k` (`colour` lists them in row-major order).
fn colour_seeds<S: Shape + ?Sized, const K: usize>(
    s: &S,
    colour: &[usize],
    first: usize,
) -> S::Map<Lanes<S::Leaf, K>>
where
    S::Leaf: Float,
{
    let (zero, one) = (S::Leaf::zero(), S::Leaf::one());
    seeded(s, |i| Lanes(core::array::from_fn(|k| if colour[i] == first + k { one } else { zero })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jacobian::jacobian_from_block;

    /// The tangent of y_i = x_i² + x_{i-1} + sin(x_{i+1}), by hand, for any lane type.
    fn band<L: Lane<f64>>(x: &[f64], t: &[L]) -> Vec<L> {
        let n = x.len();
        (0..n)
            .map(|i| {
                let mut d = t[i] * (2.0 * x[i]);
                if i > 0 {
                    d += t[i - 1];
                }
                if i + 1 < n {
                    d += t[i + 1] * x[i + 1].cos();
                }
                d
            })
            .collect()
    }

    #[test]
    fn patterns_are_unions() {
        let (a, b) = (Pattern::<2>::unit(3), Pattern::<2>::unit(70));
        assert_eq!((a + b).indices().collect::<Vec<_>>(), vec![3, 70]);
        assert_eq!((-(a - b) * 0.0_f64 / 2.0).indices().collect::<Vec<_>>(), vec![3, 70]);
        assert_eq!(Pattern::<2>::unit(128), Pattern::default());
    }

    #[test]
    fn a_band_is_found_coloured_and_computed_in_few_sweeps() {
        let n = 300;
        let x: Vec<f64> = (0..n).map(|i| (i as f64 * 0.37).sin() + 0.1).collect();
        let pattern = Sparsity::find::<Vec<f64>, Vec<f64>, 2>(&x, |t| band(&x, &t));
        for (i, row) in pattern.rows.iter().enumerate() {
            let want: Vec<usize> = (i.saturating_sub(1)..(i + 2).min(n)).collect();
            assert_eq!(row, &want);
        }
        assert_eq!(pattern.widest_row(), 3);
        let (colour, colours) = pattern.colouring();
        assert_eq!(colours, 3);
        for row in &pattern.rows {
            for (a, &j) in row.iter().enumerate() {
                assert!(row[a + 1..].iter().all(|&k| colour[k] != colour[j]));
            }
        }
        let sweeps = std::sync::atomic::AtomicUsize::new(0);
        let sparse = sparse_columns::<Vec<f64>, Vec<f64>, 16, 2>(
            &x,
            |t| {
                sweeps.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                band(&x, &t)
            },
            |t| band(&x, &t),
        );
        assert_eq!(sweeps.into_inner(), 1);
        let dense = jacobian_columns_lanes::<Vec<f64>, Vec<f64>, 16>(&x, &|t| band(&x, &t));
        // Row 5 by hand: ∂y_5/∂(x_4, x_5, x_6) = (1, 2 x_5, cos x_6).
        let Block::Sparse(rows) = &sparse else { panic!("a band is sparse") };
        assert_eq!(rows[5], vec![(4, 1.0), (5, 2.0 * x[5]), (6, x[6].cos())]);
        let assembled: Vec<Vec<f64>> = jacobian_from_block(&x, &x, &sparse);
        let want: Vec<Vec<f64>> = jacobian_from_block(&x, &x, &Block::Dense(dense));
        assert_eq!(assembled, want);
    }

    /// The reverse sweep of [`band`]: the adjoint of x for cotangents `c` of y.
    fn band_back<L: Lane<f64>>(x: &[f64], c: &[L]) -> Vec<L> {
        let n = x.len();
        let mut a = vec![L::default(); n];
        for i in 0..n {
            a[i] += c[i] * (2.0 * x[i]);
            if i > 0 {
                a[i - 1] += c[i];
            }
            if i + 1 < n {
                a[i + 1] += c[i] * x[i + 1].cos();
            }
        }
        a
    }

    #[test]
    fn rows_of_a_band_are_coloured_and_computed_in_few_reverse_sweeps() {
        let n = 300;
        let x: Vec<f64> = (0..n).map(|i| (i as f64 * 0.37).sin() + 0.1).collect();
        let sweeps = std::sync::atomic::AtomicUsize::new(0);
        let rows = sparse_rows::<Vec<f64>, Vec<f64>, 16, 2>(
            &x,
            |c| {
                sweeps.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                band_back(&x, &c)
            },
            |c| band_back(&x, &c),
        );
        // Three colours of rows (no two rows within two of each other share an input):
        // one sweep of values instead of 19 of 16 rows.
        assert_eq!(sweeps.into_inner(), 1);
        let dense = jacobian_rows_lanes::<Vec<f64>, Vec<f64>, 16>(&x, &|c| band_back(&x, &c));
        assert_eq!(rows, dense);
        // Row 5 by hand: ∂y_5/∂(x_4, x_5, x_6) = (1, 2 x_5, cos x_6), zeros elsewhere.
        let row5 = &rows[5 * n..6 * n];
        assert_eq!(&row5[4..7], &[1.0, 2.0 * x[5], x[6].cos()]);
        assert!(row5[..4].iter().chain(&row5[7..]).all(|&v| v == 0.0));
    }

    #[test]
    fn a_dense_block_keeps_the_dense_sweeps() {
        // Every output depends on every input: no colouring saves a sweep.
        let n = 64;
        let x: Vec<f64> = (0..n).map(|i| i as f64).collect();
        let all = |t: &[Lanes<f64, 16>]| {
            let s = t.iter().fold(Lanes::default(), |a, &b| a + b);
            vec![s; n]
        };
        let sweeps = std::sync::atomic::AtomicUsize::new(0);
        let cols = sparse_columns::<Vec<f64>, Vec<f64>, 16, 1>(
            &x,
            |t| {
                sweeps.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                all(&t)
            },
            |t: Vec<Pattern<1>>| vec![t.iter().fold(Pattern::default(), |a, &b| a + b); n],
        );
        assert_eq!(sweeps.into_inner(), 4);
        assert_eq!(cols, Block::Dense(vec![vec![1.0; n]; n]));
    }
}
