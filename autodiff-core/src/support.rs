//! What generated code calls beside the rules: the zero of a scalar of any float type,
//! adjoints added element by element, conversions between float types, tangents passed on
//! to callees, and the check of a tangent's length.
//!
//! The zero of any shape is [`Shape::zero_like`]; the two
//! zeros here are those of a scalar whose type may be a generic `T: Float`, which `Shape`
//! cannot cover (see module `shape`).

use crate::shape::Shape;
use num_traits::Float;

/// Checks that a slice's tangent has the slice's length (`param` names the slice).
///
/// Generated siblings call this first for every slice or `Vec` parameter: a mismatch is
/// a panic at the caller rather than a derivative read past one of them, and once the
/// lengths are known equal the compiler drops the bounds checks of the tangent's reads.
#[inline(always)]
#[track_caller]
pub fn same_len(tangent: usize, primal: usize, param: &str) {
    if tangent != primal {
        len_mismatch(tangent, primal, param);
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn len_mismatch(tangent: usize, primal: usize, param: &str) -> ! {
    panic!("the tangent of `{param}` has {tangent} elements, `{param}` has {primal}")
}

/// The zero of a scalar's own type; works for every `T: Float`, generic ones included.
#[inline]
pub fn zero_of<T: Float>(_like: &T) -> T {
    T::zero()
}

/// The zero tangent `L` of a scalar (`like` may be a literal whose float type is inferred
/// later, or of a generic float type).
#[inline]
pub fn lanes_zero_of<T, L: Default>(_like: &T) -> L {
    L::default()
}

/// `value` converted to the float type of `like`: the tangent of a conversion between
/// float types (`x as f32`, `x.into()`, `T::from(x).unwrap()`) is its operand's tangent
/// converted so, and its adjoint flows back the same way. Both types are floats, generic
/// ones included: a conversion to anything else has no derivative and does not compile.
#[inline]
pub fn cast_like<S: Float, D: Float>(value: S, _like: &D) -> D {
    // num-traits converts every float to every float (a value out of range saturates to
    // infinity, as `as` does), so there is never a `None` here.
    D::from(value).unwrap_or_else(D::nan)
}

/// Adds `other` to `self` element by element: the adjoint of a whole array copied
/// (`let mut y = x;`) flows back to the original this way, and a callee's adjoint of a
/// slice parameter (a `Vec`) into the caller's array passed to it.
pub trait AddTo<Rhs: ?Sized = Self> {
    /// `self += other`, element by element.
    fn add_to(&mut self, other: &Rhs);
}

impl AddTo for f64 {
    #[inline]
    fn add_to(&mut self, other: &f64) {
        *self += *other;
    }
}

impl AddTo for f32 {
    #[inline]
    fn add_to(&mut self, other: &f32) {
        *self += *other;
    }
}

/// Element by element between sequences of equal length (arrays, slices, `Vec`s).
macro_rules! add_to_sequences {
    ($([$($gen:tt)*] $lhs:ty, $rhs:ty;)*) => {$(
        impl<T: AddTo<U>, U, $($gen)*> AddTo<$rhs> for $lhs {
            #[inline]
            fn add_to(&mut self, other: &$rhs) {
                debug_assert_eq!(self.len(), other.len());
                self.iter_mut().zip(other.iter()).for_each(|(a, b)| a.add_to(b));
            }
        }
    )*};
}

add_to_sequences! {
    [const N: usize] [T; N], [U; N];
    [const N: usize] [T; N], [U];
    [const N: usize] [T; N], Vec<U>;
    [] Vec<T>, Vec<U>;
    [] Vec<T>, [U];
    [const N: usize] Vec<T>, [U; N];
}

/// What a float type parameter of a differentiated function needs for the local arrays
/// of its generated siblings (zeros of their shape, adjoints added to them): `f32` and
/// `f64`. Generated code bounds such a parameter by it only when the function builds
/// arrays; otherwise any `num_traits::Float` type works.
pub trait FloatLeaf: Float + Shape<Leaf = Self, Owned = Self> + AddTo + Default {}

impl FloatLeaf for f64 {}
impl FloatLeaf for f32 {}

/// `target += other` element by element (see `AddTo`).
#[inline]
pub fn add_to<T: AddTo<R>, R: ?Sized>(target: &mut T, other: &R) {
    target.add_to(other);
}

/// The tangent that a caller passes for an argument it passed by reference (`&x`, or a
/// `&[T; N]` parameter passed on): a callee's tangent of a `&[T; N]` or `&f64` parameter
/// is taken by value, of a slice as `&[T]`. The caller cannot see which; rustc picks the
/// impl from the callee's signature.
pub trait TangentArg<'a, T: ?Sized> {
    /// The argument, from a reference to the caller's tangent.
    fn tangent_arg(tangent: &'a T) -> Self;
}

/// By value: a tangent of `&f64` or `&[T; N]`.
impl<'a, T: Copy> TangentArg<'a, T> for T {
    #[inline]
    fn tangent_arg(tangent: &'a T) -> T {
        *tangent
    }
}

/// As it was passed, a reference of the caller's own type.
impl<'a, T: ?Sized> TangentArg<'a, T> for &'a T {
    #[inline]
    fn tangent_arg(tangent: &'a T) -> &'a T {
        tangent
    }
}

/// An array's tangent, where the callee takes a slice.
impl<'a, E, const N: usize> TangentArg<'a, [E; N]> for &'a [E] {
    #[inline]
    fn tangent_arg(tangent: &'a [E; N]) -> &'a [E] {
        tangent
    }
}

/// A `Vec`'s tangent, where the callee takes a slice.
impl<'a, E> TangentArg<'a, Vec<E>> for &'a [E] {
    #[inline]
    fn tangent_arg(tangent: &'a Vec<E>) -> &'a [E] {
        tangent
    }
}

/// The argument for a tangent passed by reference (see `TangentArg`).
#[inline]
pub fn tangent_arg<'a, T: ?Sized, A: TangentArg<'a, T>>(tangent: &'a T) -> A {
    A::tangent_arg(tangent)
}
