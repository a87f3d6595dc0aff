//! Jacobians and Hessians, assembled by one pipeline from the sweeps of the siblings.
//!
//! `f_jacobian` calls a sibling once per chunk of directions and arranges what it returns
//! in the contract's shape: the output's shape outside, each parameter's inside. Every
//! route goes through the same three steps:
//!
//! 1. **sweeps** ([`sweeps`]): the sibling, taken as a `&dyn Fn` (`Sweep`), runs once
//!    for each chunk of directions, in order, or with the feature `rayon` in parallel;
//!    a chunk is one unit direction for `f_jvp` and `f_vjp` (built by `shape::unit`),
//!    `LANES` of them for the lanes siblings (module `lanes`), a colour's worth after
//!    the sparsity is found (module `sparse`);
//! 2. **block**: what the sweeps give for one parameter: its columns ([`Block::Dense`],
//!    forward sweeps), per row the entries its pattern has ([`Block::Sparse`]), the rows
//!    of every parameter in row-major order (reverse sweeps with lanes, from which
//!    [`columns_of`] takes one parameter's), or a whole gradient per row
//!    ([`jacobian_rows`], [`jacobian_pick`]);
//! 3. **arrange**: one entry per float of the output, in row-major order, put in the
//!    output's shape (`Shape::map_leaves`), each entry a row put in the parameter's.
//!
//! Guarantees: the drivers are instantiated once per shape and float type, not once per
//! sibling: the closures generated code passes are erased to one `dyn Fn` type per
//! signature by thin `#[inline]` entry points, before anything loops over them (one call
//! through a vtable per sweep costs nothing measurable beside the sweep). Entries come
//! out in the order of [`Shape`]'s leaves.

use crate::shape::{self, Shape};
use num_traits::{Float, Zero};

/// What the closures and values handed to the drivers must be: with the `rayon` feature,
/// shareable between threads (the sweeps run in parallel).
#[cfg(feature = "rayon")]
pub trait Par: Sync + Send {}
#[cfg(feature = "rayon")]
impl<T: Sync + Send + ?Sized> Par for T {}
/// What the closures and values handed to the drivers must be: with the `rayon` feature,
/// shareable between threads (the sweeps run in parallel).
#[cfg(not(feature = "rayon"))]
pub trait Par {}
#[cfg(not(feature = "rayon"))]
impl<T: ?Sized> Par for T {}

/// A sweep handed to the drivers, erased to one type per signature: every function's
/// `f_jacobian` passes closures of its own, and the drivers, instantiated once per
/// closure type, would otherwise be compiled again for each of them.
#[cfg(feature = "rayon")]
pub(crate) type Sweep<'a, A, B> = &'a (dyn Fn(A) -> B + Sync + Send + 'a);
/// A sweep handed to the drivers, erased to one type per signature (see above).
#[cfg(not(feature = "rayon"))]
pub(crate) type Sweep<'a, A, B> = &'a (dyn Fn(A) -> B + 'a);

/// The results of `n` directions, `width` per sweep: `sweep(start)` gives those of
/// directions `start..start + width` (fewer at the end), and they come out in order. The
/// sweeps run in order, or (feature `rayon`) in parallel.
pub(crate) fn sweeps<T, C>(n: usize, width: usize, sweep: Sweep<'_, usize, C>) -> Vec<T>
where
    T: Par,
    C: IntoIterator<Item = T> + Par,
{
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        let starts: Vec<usize> = (0..n).step_by(width).collect();
        let chunks: Vec<C> = starts.into_par_iter().map(sweep).collect();
        chunks.into_iter().flatten().collect()
    }
    #[cfg(not(feature = "rayon"))]
    {
        let mut all = Vec::with_capacity(n);
        for start in (0..n).step_by(width) {
            all.extend(sweep(start));
        }
        all
    }
}

/// One parameter's Jacobian block as the sweeps found it: a row per output float, a
/// column per float of the parameter.
#[derive(Clone, Debug, PartialEq)]
pub enum Block<L> {
    /// Every entry, by columns (as forward sweeps give them).
    Dense(Vec<Vec<L>>),
    /// Per row, its column and value where the pattern has one, by increasing column;
    /// zero elsewhere.
    Sparse(Vec<Vec<(usize, L)>>),
}

/// `items`, one per leaf of `y` in order, arranged in `y`'s shape.
fn arrange<O: Shape + ?Sized, G>(y: &O, items: impl IntoIterator<Item = G>) -> O::Map<G> {
    let mut items = items.into_iter();
    y.map_leaves(&mut || match items.next() {
        Some(g) => g,
        None => unreachable_rows(),
    })
}

/// The block in the contract's shape: output shape outside, parameter shape inside.
/// Sparse blocks are written in one pass, zeros between the entries found.
pub fn jacobian_from_block<O: Shape, P: Shape<Leaf = O::Leaf>>(
    y: &O,
    p: &P,
    block: &Block<O::Leaf>,
) -> O::Map<P::Map<O::Leaf>>
where
    O::Leaf: Float,
{
    match block {
        Block::Dense(columns) => jacobian_from_columns(y, p, columns),
        Block::Sparse(rows) => {
            // One row at a time in a buffer of zeros, its entries put in and taken out.
            let zero = O::Leaf::zero();
            let mut dense = vec![zero; p.size()];
            arrange(
                y,
                rows.iter().map(|row| {
                    for &(j, v) in row {
                        dense[j] = v;
                    }
                    let arranged = p.map_flat(&dense, &mut 0);
                    for &(j, _) in row {
                        dense[j] = zero;
                    }
                    arranged
                }),
            )
        }
    }
}

/// One parameter's block from its columns: output shape outside, parameter shape inside.
pub fn jacobian_from_columns<O: Shape, P: Shape>(
    y: &O,
    p: &P,
    columns: &[Vec<O::Leaf>],
) -> O::Map<P::Map<O::Leaf>> {
    jacobian_from_rows(y, p, &transpose(columns))
}

/// One parameter's block from its entries, row-major (a row per output float, a column
/// per float of `p`): output shape outside, parameter shape inside.
pub fn jacobian_from_rows<O: Shape, P: Shape>(
    y: &O,
    p: &P,
    rows: &[O::Leaf],
) -> O::Map<P::Map<O::Leaf>> {
    let width = p.size();
    let row = |i: usize| p.map_flat(&rows[i * width..(i + 1) * width], &mut 0);
    arrange(y, (0..y.size()).map(row))
}

/// The columns `start..start + width` of the row-major matrix `rows` (rows of `total`
/// entries), row-major: one parameter's block of a Jacobian whose rows hold every
/// parameter's entries in order.
pub fn columns_of<L: Copy>(rows: &[L], total: usize, start: usize, width: usize) -> Vec<L> {
    if total == 0 {
        return Vec::new();
    }
    rows.chunks(total).flat_map(|row| row[start..start + width].iter().copied()).collect()
}

/// The block's columns (for a Hessian, whose blocks are put together from columns):
/// `columns` of them, each a column of every row.
pub fn block_columns<L: Float>(block: Block<L>, columns: usize) -> Vec<Vec<L>> {
    match block {
        Block::Dense(columns) => columns,
        Block::Sparse(rows) => {
            let mut out = vec![vec![L::zero(); rows.len()]; columns];
            for (i, row) in rows.iter().enumerate() {
                for &(j, v) in row {
                    out[j][i] = v;
                }
            }
            out
        }
    }
}

/// The matrix whose columns are `columns`, row-major. In tiles, so that a large matrix is
/// read and written a cache line at a time (element by element, reading a row of
/// columns takes a cache miss per element).
fn transpose<L: Copy>(columns: &[Vec<L>]) -> Vec<L> {
    const TILE: usize = 32;
    let n = columns.len();
    let m = columns.first().map_or(0, Vec::len);
    let Some(&first) = columns.first().and_then(|c| c.first()) else { return Vec::new() };
    let mut rows = vec![first; m * n];
    for j0 in (0..n).step_by(TILE) {
        for i0 in (0..m).step_by(TILE) {
            for (j, column) in columns.iter().enumerate().skip(j0).take(TILE) {
                for (i, &v) in column.iter().enumerate().skip(i0).take(TILE) {
                    rows[i * n + j] = v;
                }
            }
        }
    }
    rows
}

/// A square matrix built from its columns: the Hessian as `f_hessian` returns it,
/// `[[T; N]; N]` or `Vec<Vec<T>>` (row `i` holds `∂²f/∂x_i∂x_j` over `j`).
pub trait Square<L> {
    /// The matrix whose column `j` is `columns[j]`.
    fn from_columns(columns: Vec<Vec<L>>) -> Self;
}

impl<L: Copy> Square<L> for Vec<Vec<L>> {
    fn from_columns(columns: Vec<Vec<L>>) -> Self {
        (0..columns.len()).map(|i| columns.iter().map(|c| c[i]).collect()).collect()
    }
}

impl<L: Copy, const N: usize> Square<L> for [[L; N]; N] {
    fn from_columns(columns: Vec<Vec<L>>) -> Self {
        core::array::from_fn(|i| core::array::from_fn(|j| columns[j][i]))
    }
}

/// The Hessian from its columns `H e_j` (each a Hessian-vector product along a unit).
pub fn hessian_from_columns<L, H: Square<L>>(columns: Vec<Vec<L>>) -> H {
    H::from_columns(columns)
}

/// The Jacobian of one parameter from reverse sweeps, one per float of the output `y`:
/// `row(c)` is the gradient for the unit cotangent `c`, and each is put whole at its
/// float's place in `y`'s shape.
#[inline]
pub fn jacobian_rows<O, G>(y: &O, row: impl Fn(O::Owned) -> G + Par) -> O::Map<G>
where
    O: Shape + Par,
    O::Leaf: Float,
    G: Par,
{
    arrange(y, rows_through(y, &row))
}

/// Every row, in order, for Jacobians of several parameters (see [`jacobian_pick`]).
#[inline]
pub fn jacobian_flat<O, G>(y: &O, row: impl Fn(O::Owned) -> G + Par) -> Vec<G>
where
    O: Shape + Par,
    O::Leaf: Float,
    G: Par,
{
    rows_through(y, &row)
}

/// [`jacobian_flat`] with its sweep erased.
fn rows_through<O, G>(y: &O, row: Sweep<'_, O::Owned, G>) -> Vec<G>
where
    O: Shape + Par,
    O::Leaf: Float,
    G: Par,
{
    sweeps(y.size(), 1, &|i| [row(shape::unit(y, i))])
}

/// One parameter's block, picked out of the rows of [`jacobian_flat`].
pub fn jacobian_pick<O: Shape, G, H>(y: &O, rows: &[G], pick: impl Fn(&G) -> H) -> O::Map<H> {
    arrange(y, rows.iter().map(pick))
}

/// The columns of one parameter `p` from forward sweeps, one per float of `p`:
/// `column(t)` is the output's tangent (flattened) for the unit tangent `t`.
#[inline]
pub fn jacobian_columns<P, L>(p: &P, column: impl Fn(P::Owned) -> Vec<L> + Par) -> Vec<Vec<L>>
where
    P: Shape + Par,
    P::Leaf: Float,
    L: Par,
{
    columns_through(p, &column)
}

/// [`jacobian_columns`] with its sweep erased.
fn columns_through<P, L>(p: &P, column: Sweep<'_, P::Owned, Vec<L>>) -> Vec<Vec<L>>
where
    P: Shape + Par,
    P::Leaf: Float,
    L: Par,
{
    sweeps(p.size(), 1, &|j| [column(shape::unit(p, j))])
}

#[cold]
fn unreachable_rows() -> ! {
    panic!("autodiff: a Jacobian had fewer rows than outputs; please report this as a bug")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shape::flat;

    #[test]
    fn units_of_a_nested_array_in_row_major_order() {
        let units = jacobian_rows(&[[5.0_f64; 2]; 2], |c| c);
        assert_eq!(units[0][1], [[0.0, 1.0], [0.0, 0.0]]);
        assert_eq!(units[1][0], [[0.0, 0.0], [1.0, 0.0]]);
        let rows =
            jacobian_flat(&vec![1.0_f64, 2.0, 3.0], |c: Vec<f64>| c.iter().position(|v| *v == 1.0));
        assert_eq!(rows, vec![Some(0), Some(1), Some(2)]);
        let picked = jacobian_pick(&[0.0_f64; 3], &rows, |r| r.map(|i| i * 10));
        assert_eq!(picked, [Some(0), Some(10), Some(20)]);
    }

    #[test]
    fn columns_are_transposed_into_the_contract_shape() {
        // y = A p for A = [[1, 2], [3, 4], [5, 6]]: column j of A is the tangent of e_j.
        let a = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
        let p = [0.0_f64; 2];
        let cols = jacobian_columns(&p, |t| flat(&a.map(|r| r[0] * t[0] + r[1] * t[1])));
        let j = jacobian_from_columns(&[0.0_f64; 3], &p, &cols);
        assert_eq!(j, a);
        // The same block from its rows, and from a sparse block with zeros between.
        let rows = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        assert_eq!(jacobian_from_rows(&[0.0_f64; 3], &p, &rows), a);
        let sparse = Block::Sparse(vec![vec![(1, 2.0)], vec![], vec![(0, 5.0), (1, 6.0)]]);
        let j = jacobian_from_block(&[0.0_f64; 3], &p, &sparse);
        assert_eq!(j, [[0.0, 2.0], [0.0, 0.0], [5.0, 6.0]]);
        assert_eq!(block_columns(sparse, 2), vec![vec![0.0, 0.0, 5.0], vec![2.0, 0.0, 6.0]]);
    }

    #[test]
    fn blocks_of_nested_shapes_keep_the_output_outside() {
        // y = (x0 + x1, [x0 x1, 2 x1]) of p = [x0, x1] at (3, 4): rows in output order.
        let y = (7.0_f64, [12.0_f64, 8.0]);
        let p = vec![3.0_f64, 4.0];
        let rows = [1.0, 1.0, 4.0, 3.0, 0.0, 2.0];
        let j = jacobian_from_rows(&y, &p, &rows);
        assert_eq!(j, (vec![1.0, 1.0], [vec![4.0, 3.0], vec![0.0, 2.0]]));
        // An empty parameter has empty rows, one per output float.
        let none: Vec<f64> = Vec::new();
        assert_eq!(jacobian_from_rows(&[1.0_f64; 2], &none, &[]), [vec![], vec![]]);
    }
}
