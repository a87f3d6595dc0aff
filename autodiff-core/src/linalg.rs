//! Vectors and matrices of nalgebra and ndarray: the whole-product rules.
//!
//! With the feature `nalgebra` (or `ndarray`) of autodiff-core, a `#[differentiate]`
//! function may take nalgebra's `SVector`, `DVector`, `SMatrix` and `DMatrix` (ndarray's
//! `Array1`, `Array2`, `ArrayView1` and `ArrayView2`) of `f32` or `f64` as parameters. The
//! body reads their elements like an array's (`x[i]`, `m[(i, j)]`, `a[[i, j]]`), and two
//! operations are differentiated whole, by one rule call each rather than element by
//! element:
//!
//! | operation | written | forward (JVP) | reverse (VJP) |
//! |---|---|---|---|
//! | inner product `s = w·x` | `w.dot(&x)` | `ṡ = ẇ·x + w·ẋ` | `w̄ += s̄ x`, `x̄ += s̄ w` |
//! | matrix-vector product `y = M v` | `m * v` (nalgebra), `m.dot(&v)` (ndarray) | `ẏ = Ṁ v + M v̇` | `M̄ += ȳ vᵀ`, `v̄ += Mᵀ ȳ` |
//!
//! Both are bilinear, so each derivative is again one of a few bilinear products: the
//! functions of this module are those products ([`dot`], [`mat_vec`], [`scale`],
//! [`outer`], [`mat_t_vec`]), which the generated code calls, and the traits that give
//! them to both libraries. Their second derivatives follow from bilinearity (forward
//! mode over the reverse products uses the same five).
//!
//! Every function takes its vectors and matrices by reference, and references to
//! references too (a parameter `x: &DVector<f64>` is passed on as `&x`); results are
//! owned (`OVector` for nalgebra, `Array1`/`Array2` for ndarray).
//!
//! ```
//! # #[cfg(feature = "nalgebra")] {
//! use autodiff_core::differentiate;
//! use nalgebra::{SMatrix, SVector};
//!
//! /// A linear layer and a squared norm: sum((M v + b)^2).
//! #[differentiate(wrt(m, v))]
//! fn layer(m: &SMatrix<f64, 2, 3>, v: &SVector<f64, 3>, b: [f64; 2]) -> f64 {
//!     let y = m * v;
//!     let mut s = 0.0;
//!     for i in 0..2 {
//!         let z = y[i] + b[i];
//!         s += z * z;
//!     }
//!     s
//! }
//!
//! let m = SMatrix::<f64, 2, 3>::new(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
//! let v = SVector::<f64, 3>::new(1.0, 0.5, -1.0);
//! let (s, (dm, dv)) = layer_grad(&m, &v, [0.5, -0.5]);
//! let r = m * v + SVector::<f64, 2>::new(0.5, -0.5); // the residual
//! assert_eq!(s, r.norm_squared());
//! assert_eq!(dm, 2.0 * r * v.transpose()); // ∂/∂M = 2 r vᵀ
//! assert_eq!(dv, 2.0 * m.transpose() * r); // ∂/∂v = 2 Mᵀ r
//! # }
//! ```

/// A vector or matrix of a matrix library, or a reference to one: what the functions of
/// this module accept. [`value`](Linalg::value) looks through references.
pub trait Linalg {
    /// The vector or matrix itself.
    type Value: ?Sized;
    /// The vector or matrix behind any number of references.
    fn value(&self) -> &Self::Value;
}

impl<T: Linalg + ?Sized> Linalg for &T {
    type Value = T::Value;
    #[inline]
    fn value(&self) -> &T::Value {
        (**self).value()
    }
}

/// The inner product of two vectors of one library.
pub trait InnerProduct<Rhs: ?Sized> {
    /// The float type.
    type Output;
    /// `self · rhs`.
    fn inner(&self, rhs: &Rhs) -> Self::Output;
}

/// The product of a matrix and a vector of one library, and of its transpose.
pub trait MatVecProduct<V: ?Sized> {
    /// The owned vector `M v`.
    type Output;
    /// `self * v`.
    fn mat_vec(&self, v: &V) -> Self::Output;
}

/// The product of a transposed matrix and a vector: `Mᵀ y`.
pub trait TransposedProduct<Y: ?Sized> {
    /// The owned vector `Mᵀ y`.
    type Output;
    /// `selfᵀ * y`.
    fn mat_t_vec(&self, y: &Y) -> Self::Output;
}

/// The outer product of two vectors: `y vᵀ`.
pub trait OuterProduct<V: ?Sized> {
    /// The owned matrix `y vᵀ`.
    type Output;
    /// `self * vᵀ`.
    fn outer(&self, v: &V) -> Self::Output;
}

/// A vector or matrix times a float, and its owned copy.
pub trait Scaled<T> {
    /// The owned vector or matrix of the same shape.
    type Output;
    /// `s * self`, owned.
    fn scaled(&self, s: T) -> Self::Output;
    /// An owned copy of `self` (a view's elements in an array of their own).
    fn owned(&self) -> Self::Output;
}

/// The inner product `a · b` of two vectors (nalgebra's or ndarray's `dot` of vectors).
///
/// ```
/// # #[cfg(feature = "ndarray")] {
/// use ndarray::array;
/// assert_eq!(autodiff_core::linalg::dot(&array![1.0, 2.0], &&array![3.0, 4.0]), 11.0);
/// # }
/// ```
#[inline]
pub fn dot<A, B>(a: &A, b: &B) -> <A::Value as InnerProduct<B::Value>>::Output
where
    A: Linalg + ?Sized,
    B: Linalg + ?Sized,
    A::Value: InnerProduct<B::Value>,
{
    a.value().inner(b.value())
}

/// The matrix-vector product `M v` (nalgebra's `m * v`, ndarray's `m.dot(&v)`).
///
/// ```
/// # #[cfg(feature = "nalgebra")] {
/// use nalgebra::{Matrix2, Vector2};
/// let m = Matrix2::new(1.0, 2.0, 3.0, 4.0);
/// assert_eq!(autodiff_core::linalg::mat_vec(&m, &Vector2::new(1.0, 1.0)), Vector2::new(3.0, 7.0));
/// # }
/// ```
#[inline]
pub fn mat_vec<M, V>(m: &M, v: &V) -> <M::Value as MatVecProduct<V::Value>>::Output
where
    M: Linalg + ?Sized,
    V: Linalg + ?Sized,
    M::Value: MatVecProduct<V::Value>,
{
    m.value().mat_vec(v.value())
}

/// The transposed product `Mᵀ y`: the adjoint `v̄ += Mᵀ ȳ` of `y = M v`.
///
/// ```
/// # #[cfg(feature = "nalgebra")] {
/// use nalgebra::{Matrix2, Vector2};
/// let m = Matrix2::new(1.0, 2.0, 3.0, 4.0);
/// assert_eq!(autodiff_core::linalg::mat_t_vec(&m, &Vector2::new(1.0, 1.0)), Vector2::new(4.0, 6.0));
/// # }
/// ```
#[inline]
pub fn mat_t_vec<M, Y>(m: &M, y: &Y) -> <M::Value as TransposedProduct<Y::Value>>::Output
where
    M: Linalg + ?Sized,
    Y: Linalg + ?Sized,
    M::Value: TransposedProduct<Y::Value>,
{
    m.value().mat_t_vec(y.value())
}

/// The outer product `y vᵀ`: the adjoint `M̄ += ȳ vᵀ` of `y = M v`.
///
/// ```
/// # #[cfg(feature = "ndarray")] {
/// use ndarray::array;
/// let o = autodiff_core::linalg::outer(&array![1.0, 2.0], &array![3.0, 4.0, 5.0]);
/// assert_eq!(o, array![[3.0, 4.0, 5.0], [6.0, 8.0, 10.0]]);
/// # }
/// ```
#[inline]
pub fn outer<Y, V>(y: &Y, v: &V) -> <Y::Value as OuterProduct<V::Value>>::Output
where
    Y: Linalg + ?Sized,
    V: Linalg + ?Sized,
    Y::Value: OuterProduct<V::Value>,
{
    y.value().outer(v.value())
}

/// `s x`, owned: the adjoint `w̄ += s̄ x` of `s = w · x`.
///
/// ```
/// # #[cfg(feature = "ndarray")] {
/// use ndarray::array;
/// let x = array![1.0, -2.0];
/// assert_eq!(autodiff_core::linalg::scale(3.0, &x.view()), array![3.0, -6.0]);
/// # }
/// ```
#[inline]
pub fn scale<T, X>(s: T, x: &X) -> <X::Value as Scaled<T>>::Output
where
    X: Linalg + ?Sized,
    X::Value: Scaled<T>,
{
    x.value().scaled(s)
}

pub(crate) mod hidden {
    use super::{Linalg, Scaled};

    /// An owned copy of a vector or matrix (`f_hessian`'s directions start from one).
    #[inline]
    pub fn owned<T, X>(x: &X) -> <X::Value as Scaled<T>>::Output
    where
        X: Linalg + ?Sized,
        X::Value: Scaled<T>,
    {
        x.value().owned()
    }
}

#[cfg(feature = "nalgebra")]
mod nalgebra_impls {
    use super::*;
    use crate::shape::Shape;
    use crate::support::AddTo;
    use nalgebra::allocator::Allocator;
    use nalgebra::constraint::{SameNumberOfRows, ShapeConstraint};
    use nalgebra::{
        DefaultAllocator, Dim, Matrix, OMatrix, RawStorage, RawStorageMut, Storage, U1,
    };

    impl<T, R, C, S> Linalg for Matrix<T, R, C, S> {
        type Value = Self;
        #[inline]
        fn value(&self) -> &Self {
            self
        }
    }

    macro_rules! float_impls {
        ($($t:ty),+) => {$(
            impl<R: Dim, S1: Storage<$t, R>, S2: Storage<$t, R>> InnerProduct<Matrix<$t, R, U1, S2>>
                for Matrix<$t, R, U1, S1>
            {
                type Output = $t;
                #[inline]
                fn inner(&self, rhs: &Matrix<$t, R, U1, S2>) -> $t {
                    self.dot(rhs)
                }
            }

            impl<R: Dim, C: Dim, S1: Storage<$t, R, C>, S2: Storage<$t, C>>
                MatVecProduct<Matrix<$t, C, U1, S2>> for Matrix<$t, R, C, S1>
            where
                DefaultAllocator: Allocator<R>,
            {
                type Output = OMatrix<$t, R, U1>;
                #[inline]
                fn mat_vec(&self, v: &Matrix<$t, C, U1, S2>) -> Self::Output {
                    self * v
                }
            }

            impl<R: Dim, C: Dim, S1: Storage<$t, R, C>, S2: Storage<$t, R>>
                TransposedProduct<Matrix<$t, R, U1, S2>> for Matrix<$t, R, C, S1>
            where
                DefaultAllocator: Allocator<C>,
                ShapeConstraint: SameNumberOfRows<R, R>,
            {
                type Output = OMatrix<$t, C, U1>;
                #[inline]
                fn mat_t_vec(&self, y: &Matrix<$t, R, U1, S2>) -> Self::Output {
                    self.tr_mul(y)
                }
            }

            impl<R: Dim, C: Dim, S1: RawStorage<$t, R>, S2: RawStorage<$t, C>>
                OuterProduct<Matrix<$t, C, U1, S2>> for Matrix<$t, R, U1, S1>
            where
                DefaultAllocator: Allocator<R, C>,
            {
                type Output = OMatrix<$t, R, C>;
                #[inline]
                fn outer(&self, v: &Matrix<$t, C, U1, S2>) -> Self::Output {
                    let (r, c) = (self.shape_generic().0, v.shape_generic().0);
                    OMatrix::from_fn_generic(r, c, |i, j| self[i] * v[j])
                }
            }

            impl<R: Dim, C: Dim, S: RawStorage<$t, R, C>> Scaled<$t> for Matrix<$t, R, C, S>
            where
                DefaultAllocator: Allocator<R, C>,
            {
                type Output = OMatrix<$t, R, C>;
                #[inline]
                fn scaled(&self, s: $t) -> Self::Output {
                    self.map(|e| e * s)
                }
                #[inline]
                fn owned(&self) -> Self::Output {
                    self.map(|e| e)
                }
            }

            impl<R: Dim, C: Dim, S: RawStorageMut<$t, R, C>> AddTo for Matrix<$t, R, C, S> {
                #[inline]
                fn add_to(&mut self, other: &Self) {
                    self.iter_mut().zip(other.iter()).for_each(|(a, b)| *a += *b);
                }
            }

            /// Leaves in nalgebra's own order (column-major, as `iter()` and `m[k]`); its
            /// zero and units are owned matrices, its `Map` a `Vec` in that order.
            impl<R: Dim, C: Dim, S: RawStorage<$t, R, C>> Shape for Matrix<$t, R, C, S>
            where
                DefaultAllocator: Allocator<R, C>,
            {
                type Leaf = $t;
                type Map<G> = Vec<G>;
                type Owned = OMatrix<$t, R, C>;
                const LEAVES: Option<usize> = None;
                #[inline]
                fn size(&self) -> usize {
                    self.len()
                }
                #[inline]
                fn leaves(&self, each: &mut impl FnMut($t)) {
                    self.iter().for_each(|&e| each(e));
                }
                #[inline]
                fn build(&self, leaf: &mut impl FnMut() -> $t) -> Self::Owned {
                    let (r, c) = self.shape_generic();
                    OMatrix::from_iterator_generic(r, c, (0..self.len()).map(|_| leaf()))
                }
                #[inline]
                fn map_leaves<G>(&self, leaf: &mut impl FnMut() -> G) -> Vec<G> {
                    (0..self.len()).map(|_| leaf()).collect()
                }
                #[inline]
                fn visit_map<G>(mapped: &Vec<G>, each: &mut impl FnMut(&G)) {
                    mapped.iter().for_each(each);
                }
            }
        )+};
    }

    float_impls!(f32, f64);
}

#[cfg(feature = "ndarray")]
mod ndarray_impls {
    use super::*;
    use crate::shape::Shape;
    use crate::support::AddTo;
    use ndarray::{
        Array, Array1, Array2, ArrayBase, Data, DataMut, Dimension, Ix1, Ix2, NdFloat, RawData,
    };

    impl<S: RawData, D> Linalg for ArrayBase<S, D> {
        type Value = Self;
        #[inline]
        fn value(&self) -> &Self {
            self
        }
    }

    // (Generic over ndarray's `NdFloat`, that is `f32` and `f64`: impls for each would
    // overlap, since an array's element is an associated type of its storage.)
    impl<A: NdFloat, S1: Data<Elem = A>, S2: Data<Elem = A>> InnerProduct<ArrayBase<S2, Ix1>>
        for ArrayBase<S1, Ix1>
    {
        type Output = A;
        #[inline]
        fn inner(&self, rhs: &ArrayBase<S2, Ix1>) -> A {
            self.dot(rhs)
        }
    }

    impl<A: NdFloat, S1: Data<Elem = A>, S2: Data<Elem = A>> MatVecProduct<ArrayBase<S2, Ix1>>
        for ArrayBase<S1, Ix2>
    {
        type Output = Array1<A>;
        #[inline]
        fn mat_vec(&self, v: &ArrayBase<S2, Ix1>) -> Array1<A> {
            self.dot(v)
        }
    }

    impl<A: NdFloat, S1: Data<Elem = A>, S2: Data<Elem = A>> TransposedProduct<ArrayBase<S2, Ix1>>
        for ArrayBase<S1, Ix2>
    {
        type Output = Array1<A>;
        #[inline]
        fn mat_t_vec(&self, y: &ArrayBase<S2, Ix1>) -> Array1<A> {
            self.t().dot(y)
        }
    }

    impl<A: NdFloat, S1: Data<Elem = A>, S2: Data<Elem = A>> OuterProduct<ArrayBase<S2, Ix1>>
        for ArrayBase<S1, Ix1>
    {
        type Output = Array2<A>;
        #[inline]
        fn outer(&self, v: &ArrayBase<S2, Ix1>) -> Array2<A> {
            Array2::from_shape_fn((self.len(), v.len()), |(i, j)| self[i] * v[j])
        }
    }

    impl<A: NdFloat, S: Data<Elem = A>, D: Dimension> Scaled<A> for ArrayBase<S, D> {
        type Output = Array<A, D>;
        #[inline]
        fn scaled(&self, s: A) -> Array<A, D> {
            self.mapv(|e| e * s)
        }
        #[inline]
        fn owned(&self) -> Array<A, D> {
            self.to_owned()
        }
    }

    impl<A: NdFloat, S: DataMut<Elem = A>, D: Dimension> AddTo for ArrayBase<S, D> {
        #[inline]
        fn add_to(&mut self, other: &Self) {
            self.zip_mut_with(other, |a, b| *a += *b);
        }
    }

    /// Leaves in ndarray's logical order (row-major, as `iter()`); its zero and units are
    /// owned arrays, its `Map` a `Vec` in that order.
    impl<A: NdFloat + Default, S: Data<Elem = A>, D: Dimension> Shape for ArrayBase<S, D> {
        type Leaf = A;
        type Map<G> = Vec<G>;
        type Owned = Array<A, D>;
        const LEAVES: Option<usize> = None;
        #[inline]
        fn size(&self) -> usize {
            self.len()
        }
        #[inline]
        fn leaves(&self, each: &mut impl FnMut(A)) {
            self.iter().for_each(|&e| each(e));
        }
        #[inline]
        fn build(&self, leaf: &mut impl FnMut() -> A) -> Array<A, D> {
            let mut owned = Array::zeros(self.raw_dim());
            owned.iter_mut().for_each(|e| *e = leaf());
            owned
        }
        #[inline]
        fn map_leaves<G>(&self, leaf: &mut impl FnMut() -> G) -> Vec<G> {
            (0..self.len()).map(|_| leaf()).collect()
        }
        #[inline]
        fn visit_map<G>(mapped: &Vec<G>, each: &mut impl FnMut(&G)) {
            mapped.iter().for_each(each);
        }
    }
}

#[cfg(test)]
mod tests {
    #[allow(unused_imports)]
    use super::*;
    #[allow(unused_imports)]
    use crate::shape::Shape;

    #[cfg(feature = "nalgebra")]
    #[test]
    fn nalgebra_products_match_their_formulas() {
        use nalgebra::{DMatrix, DVector, SMatrix, SVector};
        let m = SMatrix::<f64, 2, 3>::new(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
        let v = SVector::<f64, 3>::new(1.0, -1.0, 2.0);
        let y = SVector::<f64, 2>::new(0.5, 2.0);
        assert_eq!(mat_vec(&m, &&v), m * v);
        assert_eq!(mat_t_vec(&&m, &y), m.transpose() * y);
        assert_eq!(outer(&y, &v), y * v.transpose());
        assert_eq!(dot(&v, &v), 6.0);
        assert_eq!(scale(2.0, &v), 2.0 * v);
        let d = DMatrix::from_row_slice(2, 2, &[1.0, 2.0, 3.0, 4.0]);
        let dv = DVector::from_vec(vec![1.0, 1.0]);
        assert_eq!(mat_vec(&d, &dv), DVector::from_vec(vec![3.0, 7.0]));
        let mut z = Shape::zero_like(&&d);
        crate::support::add_to(&mut z, &d);
        assert_eq!(z, d);
        // Leaves in column-major order, and built back in the same order, from a view too.
        assert_eq!(crate::shape::flat(&d), vec![1.0, 3.0, 2.0, 4.0]);
        let mut next = [1.0, 3.0, 2.0, 4.0].into_iter();
        assert_eq!(d.columns(0, 2).build(&mut || next.next().unwrap_or(0.0)), d);
        assert_eq!(crate::shape::size(&d.rows(0, 1)), 2);
    }

    #[cfg(feature = "ndarray")]
    #[test]
    fn ndarray_products_match_their_formulas() {
        use ndarray::array;
        let m = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
        let v = array![1.0, -1.0, 2.0];
        let y = array![0.5, 2.0];
        assert_eq!(mat_vec(&m, &v.view()), array![5.0, 11.0]);
        assert_eq!(mat_t_vec(&m, &y), array![8.5, 11.0, 13.5]);
        assert_eq!(outer(&y, &v), array![[0.5, -0.5, 1.0], [2.0, -2.0, 4.0]]);
        assert_eq!(dot(&v, &&v), 6.0);
        assert_eq!(scale(2.0, &v.view()), array![2.0, -2.0, 4.0]);
        let mut z = Shape::zero_like(&m.view());
        crate::support::add_to(&mut z, &m);
        assert_eq!(z, m);
        // Leaves in row-major order, and built back in the same order, from the transposed
        // view too (whose memory order differs).
        assert_eq!(crate::shape::flat(&m), vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        let mut next = (1..=6).map(f64::from);
        let built = m.t().build(&mut || next.next().unwrap_or(0.0));
        assert_eq!(built, array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
    }
}
