//! Products with a strong zero: a derivative times a partial that may be infinite where
//! the function is finite (`sqrt` and `cbrt` at 0, `asin` and `acos` at ±1, `acosh` at 1).
//!
//! IEEE arithmetic makes `0 · ∞` NaN. A zero derivative flowing through such a partial
//! means that nothing depends on the value there (a `sqrt` computed before an `if` and read
//! only by the branch not taken, a tangent direction that does not move the operand), so
//! the product is zero: generated code multiplies through these partials with
//! [`strong_mul`], zero when either factor is zero, and otherwise the plain product (an
//! infinite slope reached by a nonzero derivative stays infinite).

use num_traits::Float;

/// A derivative (a float, lanes of floats, or a sparsity pattern) that can be scaled by a
/// float partial with a strong zero.
pub trait StrongMul<T> {
    /// `self · partial`, or zero when either is zero.
    fn strong_mul(self, partial: T) -> Self;
}

impl<T: Float> StrongMul<T> for T {
    #[inline]
    fn strong_mul(self, partial: T) -> T {
        if self == T::zero() || partial == T::zero() {
            T::zero()
        } else {
            self * partial
        }
    }
}

impl<T: Float, const K: usize> StrongMul<T> for crate::lanes::Lanes<T, K> {
    #[inline]
    fn strong_mul(self, partial: T) -> Self {
        crate::lanes::Lanes(self.0.map(|d| d.strong_mul(partial)))
    }
}

/// A pattern records which inputs a value depends on: scaling keeps it (a zero partial
/// at one point is no structural zero).
impl<T: Float, const W: usize> StrongMul<T> for crate::sparse::Pattern<W> {
    #[inline]
    fn strong_mul(self, _partial: T) -> Self {
        self
    }
}

/// `d · partial` with a strong zero (see the module doc).
///
/// ```
/// use autodiff_core::rules::{d_sqrt, strong_mul};
/// let partial = d_sqrt(0.0, 0.0_f64); // the vertical tangent of sqrt at 0
/// assert_eq!(partial, f64::INFINITY);
/// assert_eq!(strong_mul(0.0, partial), 0.0); // nothing flows through: no NaN
/// assert_eq!(strong_mul(2.0, partial), f64::INFINITY);
/// assert_eq!(strong_mul(2.0, 0.25), 0.5);
/// ```
#[inline]
pub fn strong_mul<D: StrongMul<T>, T: Float>(d: D, partial: T) -> D {
    d.strong_mul(partial)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lanes::Lanes;

    #[test]
    fn zero_times_infinity_is_zero_and_the_rest_is_the_product() {
        assert_eq!(strong_mul(0.0_f64, f64::INFINITY), 0.0);
        assert_eq!(strong_mul(f64::INFINITY, 0.0_f64), 0.0);
        assert_eq!(strong_mul(-3.0_f32, 2.0), -6.0);
        assert!(strong_mul(f64::NAN, 1.0).is_nan(), "a NaN derivative stays NaN");
        let l = strong_mul(Lanes([0.0, 1.0, -2.0]), f64::INFINITY);
        assert_eq!(l.0[0], 0.0);
        assert_eq!(l.0[1], f64::INFINITY);
        assert_eq!(l.0[2], f64::NEG_INFINITY);
    }
}
