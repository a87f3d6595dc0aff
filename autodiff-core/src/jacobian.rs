//! Jacobians assembled from reverse-mode rows or forward-mode columns.
//!
//! `f_jacobian` calls `f_vjp` once with each unit cotangent (a one among zeros, in
//! row-major order of the output), or `f_jvp` once with each unit tangent of each
//! parameter, whichever takes fewer sweeps, and arranges the derivatives in the
//! contract's shape: the output's shape outside, each parameter's inside. Where the
//! lanes siblings exist, the sweeps carry 16 directions each instead (module `lanes`),
//! and forward sweeps go through the block's sparsity (module `sparse`).

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

/// Outputs whose unit cotangents can be enumerated: floats, arrays of them at any
/// nesting, and `Vec`s.
pub trait Basis: Clone {
    /// `Self` with every float replaced by a `G`: the Jacobian block's outer shape.
    type Map<G>;
    /// The float type inside.
    type Leaf: Copy;
    /// The floats inside, in row-major order, appended to `out`.
    fn flatten(&self, out: &mut Vec<Self::Leaf>);
    /// A zero of the same shape.
    fn basis_zero(&self) -> Self;
    /// `f` applied to every unit cotangent of `zero`'s shape, arranged in that shape.
    fn map_units<G>(zero: &Self, f: &mut dyn FnMut(Self) -> G) -> Self::Map<G>;
    /// `f()` once per float of `self`, in row-major order, arranged in its shape (no
    /// unit is built: a block of the Jacobian is assembled in time proportional to it).
    fn map_leaves<G>(&self, f: &mut dyn FnMut() -> G) -> Self::Map<G>;
    /// The entries of `flat` from `*at` on, one per float of `self` in row-major order,
    /// arranged in its shape (`*at` moves past them): `map_leaves` without a call through
    /// a pointer per float, for the rows of large Jacobians.
    fn shape_flat<G: Copy>(&self, flat: &[G], at: &mut usize) -> Self::Map<G> {
        self.map_leaves(&mut || {
            let v = flat[*at];
            *at += 1;
            v
        })
    }
}

/// The leaves: a float is its own only unit.
macro_rules! float_basis {
    ($($t:ty),+) => {$(
        impl Basis for $t {
            type Map<G> = G;
            type Leaf = $t;
            fn flatten(&self, out: &mut Vec<$t>) {
                out.push(*self);
            }
            fn basis_zero(&self) -> Self {
                0.0
            }
            fn map_units<G>(_: &Self, f: &mut dyn FnMut(Self) -> G) -> G {
                f(1.0)
            }
            fn map_leaves<G>(&self, f: &mut dyn FnMut() -> G) -> G {
                f()
            }
            #[inline]
            fn shape_flat<G: Copy>(&self, flat: &[G], at: &mut usize) -> G {
                let v = flat[*at];
                *at += 1;
                v
            }
        }
    )+};
}

float_basis!(f32, f64);

impl<T: Basis, const N: usize> Basis for [T; N] {
    type Map<G> = [T::Map<G>; N];
    type Leaf = T::Leaf;
    fn flatten(&self, out: &mut Vec<T::Leaf>) {
        self.iter().for_each(|t| t.flatten(out));
    }
    fn basis_zero(&self) -> Self {
        core::array::from_fn(|i| self[i].basis_zero())
    }
    fn map_units<G>(zero: &Self, f: &mut dyn FnMut(Self) -> G) -> Self::Map<G> {
        core::array::from_fn(|i| {
            T::map_units(&zero[i], &mut |unit| {
                let mut c = zero.clone();
                c[i] = unit;
                f(c)
            })
        })
    }
    fn map_leaves<G>(&self, f: &mut dyn FnMut() -> G) -> Self::Map<G> {
        core::array::from_fn(|i| self[i].map_leaves(f))
    }
    fn shape_flat<G: Copy>(&self, flat: &[G], at: &mut usize) -> Self::Map<G> {
        core::array::from_fn(|i| self[i].shape_flat(flat, at))
    }
}

impl<T: Basis> Basis for Vec<T> {
    type Map<G> = Vec<T::Map<G>>;
    type Leaf = T::Leaf;
    fn flatten(&self, out: &mut Vec<T::Leaf>) {
        self.iter().for_each(|t| t.flatten(out));
    }
    fn basis_zero(&self) -> Self {
        self.iter().map(Basis::basis_zero).collect()
    }
    fn map_units<G>(zero: &Self, f: &mut dyn FnMut(Self) -> G) -> Self::Map<G> {
        (0..zero.len())
            .map(|i| {
                T::map_units(&zero[i], &mut |unit| {
                    let mut c = zero.clone();
                    c[i] = unit;
                    f(c)
                })
            })
            .collect()
    }
    fn map_leaves<G>(&self, f: &mut dyn FnMut() -> G) -> Self::Map<G> {
        self.iter().map(|t| t.map_leaves(f)).collect()
    }
    fn shape_flat<G: Copy>(&self, flat: &[G], at: &mut usize) -> Self::Map<G> {
        self.iter().map(|t| t.shape_flat(flat, at)).collect()
    }
}

/// Tuple outputs: the Jacobian is a tuple with one entry per part.
macro_rules! tuple_basis {
    ($($t:ident $i:tt),+) => {
        impl<L: Copy, $($t: Basis<Leaf = L>),+> Basis for ($($t,)+) {
            type Map<G> = ($($t::Map<G>,)+);
            type Leaf = L;
            fn flatten(&self, out: &mut Vec<L>) {
                $(self.$i.flatten(out);)+
            }
            fn basis_zero(&self) -> Self {
                ($(self.$i.basis_zero(),)+)
            }
            fn map_units<G>(zero: &Self, f: &mut dyn FnMut(Self) -> G) -> Self::Map<G> {
                ($(
                    $t::map_units(&zero.$i, &mut |unit| {
                        let mut c = zero.clone();
                        c.$i = unit;
                        f(c)
                    }),
                )+)
            }
            fn map_leaves<G>(&self, f: &mut dyn FnMut() -> G) -> Self::Map<G> {
                ($(self.$i.map_leaves(f),)+)
            }
        }
    };
}

tuple_basis!(A 0);
tuple_basis!(A 0, B 1);
tuple_basis!(A 0, B 1, C 2);
tuple_basis!(A 0, B 1, C 2, D 3);

/// Every unit cotangent (or tangent) of `y`'s shape, in row-major order.
fn units<O: Basis>(y: &O) -> Vec<O> {
    let mut all = Vec::new();
    O::map_units(&y.basis_zero(), &mut |c| all.push(c));
    all
}

/// `f` applied to each of `units`: in order, or (feature `rayon`) in parallel.
#[cfg(not(feature = "rayon"))]
fn each<O, G>(units: Vec<O>, f: impl Fn(O) -> G) -> Vec<G> {
    units.into_iter().map(f).collect()
}

/// `f` applied to each of `units`: in order, or (feature `rayon`) in parallel.
#[cfg(feature = "rayon")]
fn each<O: Send, G: Send>(units: Vec<O>, f: impl Fn(O) -> G + Sync + Send) -> Vec<G> {
    use rayon::prelude::*;
    units.into_par_iter().map(f).collect()
}

/// Arranges `rows` (one per unit, in order) in `y`'s shape.
fn assemble<O: Basis, G>(y: &O, rows: Vec<G>) -> O::Map<G> {
    let mut next = rows.into_iter();
    y.map_leaves(&mut || match next.next() {
        Some(g) => g,
        None => unreachable_rows(),
    })
}

/// The Jacobian of one parameter: `row(c)` is the gradient for cotangent `c`.
#[cfg(not(feature = "rayon"))]
pub fn jacobian_rows<O: Basis, G>(y: &O, row: impl Fn(O) -> G) -> O::Map<G> {
    assemble(y, each(units(y), row))
}

/// The Jacobian of one parameter: `row(c)` is the gradient for cotangent `c`.
#[cfg(feature = "rayon")]
pub fn jacobian_rows<O: Basis + Send, G: Send>(
    y: &O,
    row: impl Fn(O) -> G + Sync + Send,
) -> O::Map<G> {
    assemble(y, each(units(y), row))
}

/// Every row, in order, for Jacobians of several parameters (see [`jacobian_pick`]).
#[cfg(not(feature = "rayon"))]
pub fn jacobian_flat<O: Basis, G>(y: &O, row: impl Fn(O) -> G) -> Vec<G> {
    each(units(y), row)
}

/// Every row, in order, for Jacobians of several parameters (see [`jacobian_pick`]).
#[cfg(feature = "rayon")]
pub fn jacobian_flat<O: Basis + Send, G: Send>(
    y: &O,
    row: impl Fn(O) -> G + Sync + Send,
) -> Vec<G> {
    each(units(y), row)
}

/// One parameter's block, picked out of the rows of [`jacobian_flat`].
pub fn jacobian_pick<O: Basis, G, H>(y: &O, rows: &[G], pick: impl Fn(&G) -> H) -> O::Map<H> {
    let mut next = rows.iter();
    y.map_leaves(&mut || match next.next() {
        Some(g) => pick(g),
        None => unreachable_rows(),
    })
}

/// The number of floats inside `v`: a parameter's or the output's size.
pub fn size<B: Basis>(v: &B) -> usize {
    let mut flat = Vec::new();
    v.flatten(&mut flat);
    flat.len()
}

/// The columns of one parameter `p`: `column(t)` is the output's tangent (flattened) for
/// the unit tangent `t` of `p`.
#[cfg(not(feature = "rayon"))]
pub fn jacobian_columns<P: Basis, L>(p: &P, column: impl Fn(P) -> Vec<L>) -> Vec<Vec<L>> {
    each(units(p), column)
}

/// The columns of one parameter `p`: `column(t)` is the output's tangent (flattened) for
/// the unit tangent `t` of `p`.
#[cfg(feature = "rayon")]
pub fn jacobian_columns<P: Basis + Send, L: Send>(
    p: &P,
    column: impl Fn(P) -> Vec<L> + Sync + Send,
) -> Vec<Vec<L>> {
    each(units(p), column)
}

/// One parameter's block from its columns: output shape outside, parameter shape inside.
pub fn jacobian_from_columns<O: Basis, P: Basis>(
    y: &O,
    p: &P,
    columns: &[Vec<O::Leaf>],
) -> O::Map<P::Map<O::Leaf>> {
    jacobian_from_rows(y, p, &transpose(columns))
}

/// One parameter's block from its entries, row-major (a row per output float, a column
/// per float of `p`): output shape outside, parameter shape inside.
pub fn jacobian_from_rows<O: Basis, P: Basis>(
    y: &O,
    p: &P,
    rows: &[O::Leaf],
) -> O::Map<P::Map<O::Leaf>> {
    let mut at = 0;
    y.map_leaves(&mut || p.shape_flat(rows, &mut at))
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

/// The flattened output of a forward sweep (a column).
pub fn flat<B: Basis>(v: &B) -> Vec<B::Leaf> {
    let mut out = Vec::new();
    v.flatten(&mut out);
    out
}

#[cold]
fn unreachable_rows() -> ! {
    panic!("autodiff: a Jacobian had fewer rows than outputs; please report this as a bug")
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(size(&vec![[0.0_f32; 2]; 3]), 6);
    }
}
