//! Second derivatives of the primitives: what forward mode needs to differentiate the
//! code reverse mode wrote, for Hessians and Hessian-vector products.
//!
//! Reverse mode multiplies an adjoint by a partial from the first-order rule
//! (`x_bar += y_bar * d_sin(x, y)`). Forward mode applied to that code needs the change
//! of the partial itself, so each first-order rule `d_op` has a second-order rule
//! `dd_op` with the same arguments:
//!
//! | shape | signature | returns |
//! |---|---|---|
//! | unary, `y = x.op()` | `dd_op(x, y) -> T` | `d²y/dx²` |
//! | binary, `y = a.op(b)` | `dd_op(a, b, y) -> (T, T, T)` | `(d²y/da², d²y/dadb, d²y/db²)` |
//! | `y = x.powi(n)` | `dd_powi(x, n, y) -> T` | `d²y/dx²` |
//! | ternary, `y = a.op(b, c)` | `dd_op(a, b, c, y) -> (T, T, T, T, T, T)` | `(aa, ab, ac, bb, bc, cc)` |
//!
//! `y` is the primal result, as for the first-order rules. The tangent of a partial
//! `d = d_op(a, b, y)` is then `d_dot = dd.0 * a_dot + dd.1 * b_dot` (and so on): `y`
//! is a function of the inputs, so it adds nothing of its own.
//!
//! For `y = sin x`, the reverse-mode step `x_bar = y_bar * d_sin(x, y)` differentiated
//! along a tangent `x_dot` (with `y_bar_dot` the tangent of the adjoint):
//!
//! ```
//! use autodiff_core::rules::{d_sin, dd_sin};
//!
//! let (x, x_dot) = (0.5_f64, 1.0);
//! let y = x.sin();
//! let (y_bar, y_bar_dot) = (1.0, 0.0);
//! let x_bar = y_bar * d_sin(x, y);
//! let x_bar_dot = y_bar_dot * d_sin(x, y) + y_bar * dd_sin(x, y) * x_dot;
//! assert_eq!(x_bar, x.cos()); // the first derivative
//! assert_eq!(x_bar_dot, -x.sin()); // the second derivative, along x_dot = 1
//! ```
//!
//! Conventions follow the first-order rules: where a first-order rule is piecewise
//! constant (`abs`, `min`, `max`, `clamp`, `%`, `fract`) its derivative is `0`; at the
//! points where a first-order rule takes a convention (`atan2` and `hypot` at the origin,
//! `powf` at `b = 0` or `y = 0`, `powi` at `n = 0`), the second-order rule takes the
//! derivative of that convention, `0`.

use num_traits::Float;

/// `d²/dx² sin x = -sin x = -y`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_sin, dd_sin};
/// let x = 0.5_f64;
/// let dd = dd_sin(x, x.sin());
/// assert_eq!(dd, -x.sin());
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_sin(x, x.sin()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_sin<T: Float>(_x: T, y: T) -> T {
    -y
}

/// `d²/dx² cos x = -cos x = -y`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_cos, dd_cos};
/// let x = 0.5_f64;
/// let dd = dd_cos(x, x.cos());
/// assert_eq!(dd, -x.cos());
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_cos(x, x.cos()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_cos<T: Float>(_x: T, y: T) -> T {
    -y
}

/// `d²/dx² tan x = 2 y (1 + y²)`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_tan, dd_tan};
/// let x = 0.5_f64;
/// let dd = dd_tan(x, x.tan());
/// assert!(close(dd, 2.0 * x.tan() / (x.cos() * x.cos()), 1e-14)); // 2 tan x / cos² x
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_tan(x, x.tan()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_tan<T: Float>(_x: T, y: T) -> T {
    two::<T>() * y * (T::one() + y * y)
}

/// `d²/dx² asin x = x / (1 - x²)^(3/2)`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_asin, dd_asin};
/// let x = 0.6_f64;
/// let dd = dd_asin(x, x.asin());
/// assert!(close(dd, 0.6 / 0.512, 1e-14)); // x / (1 - x²)^(3/2) = 0.6 / 0.8³
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_asin(x, x.asin()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_asin<T: Float>(x: T, _y: T) -> T {
    let s = T::one() - x * x;
    x / (s * s.sqrt())
}

/// `d²/dx² acos x = -x / (1 - x²)^(3/2)`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_acos, dd_acos};
/// let x = 0.6_f64;
/// let dd = dd_acos(x, x.acos());
/// assert!(close(dd, -0.6 / 0.512, 1e-14)); // -x / (1 - x²)^(3/2) = -0.6 / 0.8³
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_acos(x, x.acos()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_acos<T: Float>(x: T, y: T) -> T {
    -dd_asin(x, y)
}

/// `d²/dx² atan x = -2x / (1 + x²)²`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_atan, dd_atan};
/// let x = 2.0_f64;
/// let dd = dd_atan(x, x.atan());
/// assert!(close(dd, -0.16, 1e-14)); // -2x / (1 + x²)² = -4 / 25
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_atan(x, x.atan()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_atan<T: Float>(x: T, _y: T) -> T {
    let s = T::one() + x * x;
    -(two::<T>() * x) / (s * s)
}

/// `d²/dx² sinh x = sinh x = y`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_sinh, dd_sinh};
/// let x = 1.5_f64;
/// let dd = dd_sinh(x, x.sinh());
/// assert_eq!(dd, x.sinh());
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_sinh(x, x.sinh()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_sinh<T: Float>(_x: T, y: T) -> T {
    y
}

/// `d²/dx² cosh x = cosh x = y`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_cosh, dd_cosh};
/// let x = 1.5_f64;
/// let dd = dd_cosh(x, x.cosh());
/// assert_eq!(dd, x.cosh());
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_cosh(x, x.cosh()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_cosh<T: Float>(_x: T, y: T) -> T {
    y
}

/// `d²/dx² tanh x = -2 y (1 - y²)`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_tanh, dd_tanh};
/// let x = 0.5_f64;
/// let dd = dd_tanh(x, x.tanh());
/// assert!(close(dd, -2.0 * x.tanh() / (x.cosh() * x.cosh()), 1e-14)); // -2 tanh x / cosh² x
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_tanh(x, x.tanh()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_tanh<T: Float>(_x: T, y: T) -> T {
    -(two::<T>() * y * (T::one() - y * y))
}

/// `d²/dx² asinh x = -x / (x² + 1)^(3/2)`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_asinh, dd_asinh};
/// let x = 0.75_f64;
/// let dd = dd_asinh(x, x.asinh());
/// assert!(close(dd, -0.75 / 1.953125, 1e-14)); // -x / (x² + 1)^(3/2) = -0.75 / 1.25³
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_asinh(x, x.asinh()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_asinh<T: Float>(x: T, _y: T) -> T {
    let s = x * x + T::one();
    -x / (s * s.sqrt())
}

/// `d²/dx² acosh x = -x / (x² - 1)^(3/2)`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_acosh, dd_acosh};
/// let x = 1.25_f64;
/// let dd = dd_acosh(x, x.acosh());
/// assert!(close(dd, -1.25 / 0.421875, 1e-14)); // -x / (x² - 1)^(3/2) = -1.25 / 0.75³
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_acosh(x, x.acosh()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_acosh<T: Float>(x: T, _y: T) -> T {
    let s = x * x - T::one();
    -x / (s * s.sqrt())
}

/// `d²/dx² atanh x = 2x / (1 - x²)²`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_atanh, dd_atanh};
/// let x = 0.5_f64;
/// let dd = dd_atanh(x, x.atanh());
/// assert!(close(dd, 1.0 / 0.5625, 1e-14)); // 2x / (1 - x²)² = 1 / 0.75²
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_atanh(x, x.atanh()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_atanh<T: Float>(x: T, _y: T) -> T {
    let s = T::one() - x * x;
    two::<T>() * x / (s * s)
}

/// `d²/dx² exp x = y`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_exp, dd_exp};
/// let x = 0.7_f64;
/// let dd = dd_exp(x, x.exp());
/// assert_eq!(dd, x.exp());
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_exp(x, x.exp()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_exp<T: Float>(_x: T, y: T) -> T {
    y
}

/// `d²/dx² 2^x = y (ln 2)²`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use std::f64::consts::LN_2;
/// use autodiff_core::rules::{d_exp2, dd_exp2};
/// let x = 3.0_f64;
/// let dd = dd_exp2(x, x.exp2());
/// assert!(close(dd, 8.0 * LN_2 * LN_2, 1e-14)); // 2ˣ (ln 2)²
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_exp2(x, x.exp2()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_exp2<T: Float>(_x: T, y: T) -> T {
    let ln2 = two::<T>().ln();
    y * ln2 * ln2
}

/// `d²/dx² (e^x - 1) = y + 1`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_exp_m1, dd_exp_m1};
/// let x = 0.7_f64;
/// let dd = dd_exp_m1(x, x.exp_m1());
/// assert!(close(dd, x.exp(), 1e-14)); // eˣ
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_exp_m1(x, x.exp_m1()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_exp_m1<T: Float>(_x: T, y: T) -> T {
    y + T::one()
}

/// `d²/dx² ln x = -1 / x²`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_ln, dd_ln};
/// let x = 4.0_f64;
/// let dd = dd_ln(x, x.ln());
/// assert_eq!(dd, -0.0625); // -1 / x²
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_ln(x, x.ln()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_ln<T: Float>(x: T, _y: T) -> T {
    -(x * x).recip()
}

/// `d²/dx² ln(1 + x) = -1 / (1 + x)²`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_ln_1p, dd_ln_1p};
/// let x = 3.0_f64;
/// let dd = dd_ln_1p(x, x.ln_1p());
/// assert_eq!(dd, -0.0625); // -1 / (1 + x)²
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_ln_1p(x, x.ln_1p()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_ln_1p<T: Float>(x: T, _y: T) -> T {
    let s = T::one() + x;
    -(s * s).recip()
}

/// `d²/dx² log₂ x = -1 / (x² ln 2)`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use std::f64::consts::LN_2;
/// use autodiff_core::rules::{d_log2, dd_log2};
/// let x = 8.0_f64;
/// let dd = dd_log2(x, x.log2());
/// assert!(close(dd, -1.0 / (64.0 * LN_2), 1e-14)); // -1 / (x² ln 2)
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_log2(x, x.log2()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_log2<T: Float>(x: T, _y: T) -> T {
    -(x * x * two::<T>().ln()).recip()
}

/// `d²/dx² log₁₀ x = -1 / (x² ln 10)`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use std::f64::consts::LN_10;
/// use autodiff_core::rules::{d_log10, dd_log10};
/// let x = 100.0_f64;
/// let dd = dd_log10(x, x.log10());
/// assert!(close(dd, -1.0 / (1e4 * LN_10), 1e-14)); // -1 / (x² ln 10)
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_log10(x, x.log10()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_log10<T: Float>(x: T, _y: T) -> T {
    let ten = two::<T>() * (two::<T>() + two::<T>() + T::one());
    -(x * x * ten.ln()).recip()
}

/// `d²/dx² √x = -1 / (4 y³)`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_sqrt, dd_sqrt};
/// let x = 4.0_f64;
/// let dd = dd_sqrt(x, x.sqrt());
/// assert_eq!(dd, -0.03125); // -1 / (4 √x³) = -1 / 32
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_sqrt(x, x.sqrt()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_sqrt<T: Float>(_x: T, y: T) -> T {
    let four = two::<T>() + two::<T>();
    -(four * y * y * y).recip()
}

/// `d²/dx² ∛x = -2 / (9 y⁵)`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_cbrt, dd_cbrt};
/// let x = 8.0_f64;
/// let dd = dd_cbrt(x, x.cbrt());
/// assert!(close(dd, -1.0 / 144.0, 1e-14)); // -2 / (9 ∛x⁵) = -2 / 288
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_cbrt(x, x.cbrt()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_cbrt<T: Float>(_x: T, y: T) -> T {
    let nine = (two::<T>() + T::one()) * (two::<T>() + T::one());
    let y2 = y * y;
    -(two::<T>() / (nine * y2 * y2 * y))
}

/// `d²/dx² |x| = 0` (NaN for NaN `x`).
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_abs, dd_abs};
/// let x = -3.0_f64;
/// let dd = dd_abs(x, x.abs());
/// assert_eq!(dd, 0.0);
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_abs(x, x.abs()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// assert!(dd_abs(f64::NAN, f64::NAN).is_nan());
/// ```
#[inline]
pub fn dd_abs<T: Float>(x: T, _y: T) -> T {
    zero_or_nan(x)
}

/// `d²/dx² (1 / x) = 2 y³`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_recip, dd_recip};
/// let x = 4.0_f64;
/// let dd = dd_recip(x, x.recip());
/// assert_eq!(dd, 0.03125); // 2 / x³
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_recip(x, x.recip()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_recip<T: Float>(_x: T, y: T) -> T {
    two::<T>() * y * y * y
}

/// `d²/dx² x.to_degrees() = 0`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_to_degrees, dd_to_degrees};
/// let x = 1.0_f64;
/// let dd = dd_to_degrees(x, x.to_degrees());
/// assert_eq!(dd, 0.0);
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_to_degrees(x, x.to_degrees()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_to_degrees<T: Float>(_x: T, _y: T) -> T {
    T::zero()
}

/// `d²/dx² x.to_radians() = 0`.
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_to_radians, dd_to_radians};
/// let x = 90.0_f64;
/// let dd = dd_to_radians(x, x.to_radians());
/// assert_eq!(dd, 0.0);
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_to_radians(x, x.to_radians()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// ```
#[inline]
pub fn dd_to_radians<T: Float>(_x: T, _y: T) -> T {
    T::zero()
}

/// `d²/dx² x.fract() = 0` (NaN for NaN `x`).
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_fract, dd_fract};
/// let x = 2.5_f64;
/// let dd = dd_fract(x, x.fract());
/// assert_eq!(dd, 0.0);
/// // The derivative of the first-order rule, by central differences:
/// let fd = derivative(|x| d_fract(x, x.fract()), x, DEFAULT_STEP);
/// assert!(close(dd, fd, 1e-8));
/// assert!(dd_fract(f64::NAN, f64::NAN).is_nan());
/// ```
#[inline]
pub fn dd_fract<T: Float>(x: T, _y: T) -> T {
    zero_or_nan(x)
}

/// `d²/dx² xⁿ = n (n - 1) x^(n-2)`; `0` for `n = 0` and `n = 1` (at `x = 0` too).
///
/// ```
/// use autodiff_core::check::{close, derivative, DEFAULT_STEP};
/// use autodiff_core::rules::{d_powi, dd_powi};
/// let x = 2.0_f64;
/// assert_eq!(dd_powi(x, 3, 8.0), 12.0); // 3 · 2 · x
/// assert_eq!(dd_powi(x, 1, 2.0), 0.0);
/// assert_eq!(dd_powi(0.0_f64, 0, 1.0), 0.0);
/// let fd = derivative(|x| d_powi(x, 3, x.powi(3)), x, DEFAULT_STEP);
/// assert!(close(12.0, fd, 1e-8));
/// ```
#[inline]
pub fn dd_powi<T: Float>(x: T, n: i32, _y: T) -> T {
    if n == 0 || n == 1 {
        return T::zero();
    }
    let n_float = T::from(n).unwrap_or_else(T::nan);
    let power = match n.checked_sub(2) {
        Some(m) => x.powi(m),
        None => x.powi(n) / (x * x),
    };
    n_float * (n_float - T::one()) * power
}

/// Second partials of `y = a.atan2(b)`: `(-2ab, a² - b², 2ab) / (a² + b²)²`; `0` at the
/// origin, where the first-order rule is `0` by convention.
///
/// ```
/// use autodiff_core::check::{close, gradient, DEFAULT_STEP};
/// use autodiff_core::rules::{d_atan2, dd_atan2};
/// let (a, b) = (3.0_f64, 4.0_f64);
/// let (aa, ab, bb) = dd_atan2(a, b, a.atan2(b));
/// // (-2ab, a² - b², 2ab) / (a² + b²)² = (-24, -7, 24) / 625
/// assert!(close(aa, -24.0 / 625.0, 1e-15) && close(ab, -7.0 / 625.0, 1e-15));
/// assert!(close(bb, 24.0 / 625.0, 1e-15));
/// assert_eq!(dd_atan2(0.0_f64, 0.0, 0.0), (0.0, 0.0, 0.0)); // the origin
/// // The derivatives of the first-order partials, by central differences:
/// let da = gradient(|v| d_atan2(v[0], v[1], v[0].atan2(v[1])).0, &[a, b], DEFAULT_STEP);
/// let db = gradient(|v| d_atan2(v[0], v[1], v[0].atan2(v[1])).1, &[a, b], DEFAULT_STEP);
/// assert!(close(aa, da[0], 1e-8) && close(ab, da[1], 1e-8) && close(bb, db[1], 1e-8));
/// ```
#[inline]
pub fn dd_atan2<T: Float>(a: T, b: T, _y: T) -> (T, T, T) {
    let r = a.hypot(b);
    if r == T::zero() {
        return (T::zero(), T::zero(), T::zero());
    }
    // Scaled by r first, so that the fourth power neither overflows nor underflows.
    let (a, b) = (a / r, b / r);
    let r2 = r * r;
    let ab2 = two::<T>() * a * b / r2;
    (-ab2, (a * a - b * b) / r2, ab2)
}

/// Second partials of `y = a.hypot(b)`: `(b², -ab, a²) / y³`; `0` at the origin.
///
/// ```
/// use autodiff_core::check::{close, gradient, DEFAULT_STEP};
/// use autodiff_core::rules::{d_hypot, dd_hypot};
/// let (a, b) = (3.0_f64, 4.0_f64);
/// let (aa, ab, bb) = dd_hypot(a, b, a.hypot(b));
/// // (b², -ab, a²) / y³ = (16, -12, 9) / 125
/// assert!(close(aa, 0.128, 1e-15) && close(ab, -0.096, 1e-15) && close(bb, 0.072, 1e-15));
/// assert_eq!(dd_hypot(0.0_f64, 0.0, 0.0), (0.0, 0.0, 0.0)); // the origin
/// // The derivatives of the first-order partials, by central differences:
/// let da = gradient(|v| d_hypot(v[0], v[1], v[0].hypot(v[1])).0, &[a, b], DEFAULT_STEP);
/// let db = gradient(|v| d_hypot(v[0], v[1], v[0].hypot(v[1])).1, &[a, b], DEFAULT_STEP);
/// assert!(close(aa, da[0], 1e-8) && close(ab, da[1], 1e-8) && close(bb, db[1], 1e-8));
/// ```
#[inline]
pub fn dd_hypot<T: Float>(a: T, b: T, y: T) -> (T, T, T) {
    if y == T::zero() {
        return (T::zero(), T::zero(), T::zero());
    }
    let (a, b) = (a / y, b / y);
    ((b * b) / y, -(a * b) / y, (a * a) / y)
}

/// Second partials of `y = a.powf(b)`:
/// `(b (b - 1) a^(b-2), a^(b-1) (1 + b ln a), y (ln a)²)`.
///
/// Conventions, the derivatives of the first-order ones: `d²y/da² = 0` when `b = 0`;
/// `d²y/db² = 0` when `y = 0`; `d²y/dadb = a^(b-1)` at `b = 0` (the `b ln a` term is 0
/// there) and `0` when `y = 0` (a zero base).
///
/// ```
/// use autodiff_core::check::{close, gradient, DEFAULT_STEP};
/// use std::f64::consts::LN_2;
/// use autodiff_core::rules::{d_powf, dd_powf};
/// let (a, b) = (2.0_f64, 3.0_f64);
/// let (aa, ab, bb) = dd_powf(a, b, a.powf(b));
/// // (b (b - 1) a^(b-2), a^(b-1) (1 + b ln a), y (ln a)²) at a = 2, b = 3, y = 8
/// assert!(close(aa, 12.0, 1e-14) && close(ab, 4.0 + 12.0 * LN_2, 1e-14));
/// assert!(close(bb, 8.0 * LN_2 * LN_2, 1e-14));
/// // The derivatives of the first-order partials, by central differences:
/// let da = gradient(|v| d_powf(v[0], v[1], v[0].powf(v[1])).0, &[a, b], DEFAULT_STEP);
/// let db = gradient(|v| d_powf(v[0], v[1], v[0].powf(v[1])).1, &[a, b], DEFAULT_STEP);
/// assert!(close(aa, da[0], 1e-8) && close(ab, da[1], 1e-8) && close(bb, db[1], 1e-8));
/// ```
#[inline]
pub fn dd_powf<T: Float>(a: T, b: T, y: T) -> (T, T, T) {
    let aa = if b == T::zero() { T::zero() } else { b * (b - T::one()) * a.powf(b - two::<T>()) };
    let (ab, bb) = if y == T::zero() {
        (T::zero(), T::zero())
    } else {
        let ln_a = a.ln();
        let ab = if b == T::zero() {
            a.powf(b - T::one())
        } else {
            a.powf(b - T::one()) * (T::one() + b * ln_a)
        };
        (ab, y * ln_a * ln_a)
    };
    (aa, ab, bb)
}

/// Second partials of `y = a.log(b)` (`ln a / ln b`):
/// `(-1 / (a² ln b), -1 / (a b (ln b)²), y (ln b + 2) / (b ln b)²)`.
///
/// ```
/// use autodiff_core::check::{close, gradient, DEFAULT_STEP};
/// use std::f64::consts::LN_2;
/// use autodiff_core::rules::{d_log, dd_log};
/// let (a, b) = (8.0_f64, 2.0_f64);
/// let (aa, ab, bb) = dd_log(a, b, a.log(b));
/// // log₂ 8 = 3: (-1 / (a² ln b), -1 / (a b (ln b)²), y (ln b + 2) / (b ln b)²)
/// assert!(close(aa, -1.0 / (64.0 * LN_2), 1e-15));
/// assert!(close(ab, -1.0 / (16.0 * LN_2 * LN_2), 1e-15));
/// assert!(close(bb, 3.0 * (LN_2 + 2.0) / (4.0 * LN_2 * LN_2), 1e-14));
/// // The derivatives of the first-order partials, by central differences:
/// let da = gradient(|v| d_log(v[0], v[1], v[0].log(v[1])).0, &[a, b], DEFAULT_STEP);
/// let db = gradient(|v| d_log(v[0], v[1], v[0].log(v[1])).1, &[a, b], DEFAULT_STEP);
/// assert!(close(aa, da[0], 1e-8) && close(ab, da[1], 1e-8) && close(bb, db[1], 1e-8));
/// ```
#[inline]
pub fn dd_log<T: Float>(a: T, b: T, y: T) -> (T, T, T) {
    let ln_b = b.ln();
    let b_ln_b = b * ln_b;
    (
        -(a * a * ln_b).recip(),
        -(a * b_ln_b * ln_b).recip(),
        y * (ln_b + two::<T>()) / (b_ln_b * b_ln_b),
    )
}

/// Second partials of `y = a.min(b)`: `0` (the first partials are piecewise constant).
///
/// ```
/// use autodiff_core::rules::dd_min;
/// assert_eq!(dd_min(2.0_f64, 3.0, 2.0), (0.0, 0.0, 0.0));
/// ```
#[inline]
pub fn dd_min<T: Float>(_a: T, _b: T, _y: T) -> (T, T, T) {
    (T::zero(), T::zero(), T::zero())
}

/// Second partials of `y = a.max(b)`: `0` (the first partials are piecewise constant).
///
/// ```
/// use autodiff_core::rules::dd_max;
/// assert_eq!(dd_max(2.0_f64, 3.0, 3.0), (0.0, 0.0, 0.0));
/// ```
#[inline]
pub fn dd_max<T: Float>(_a: T, _b: T, _y: T) -> (T, T, T) {
    (T::zero(), T::zero(), T::zero())
}

/// Second partials of `y = a % b`: `0` (the first partials are piecewise constant).
///
/// ```
/// use autodiff_core::rules::dd_rem;
/// assert_eq!(dd_rem(7.0_f64, 2.0, 1.0), (0.0, 0.0, 0.0));
/// ```
#[inline]
pub fn dd_rem<T: Float>(_a: T, _b: T, _y: T) -> (T, T, T) {
    (T::zero(), T::zero(), T::zero())
}

/// Second partials of `y = a.rem_euclid(b)`: `0` (the first partials are piecewise
/// constant).
///
/// ```
/// use autodiff_core::rules::dd_rem_euclid;
/// assert_eq!(dd_rem_euclid(-7.0_f64, 2.0, 1.0), (0.0, 0.0, 0.0));
/// ```
#[inline]
pub fn dd_rem_euclid<T: Float>(_a: T, _b: T, _y: T) -> (T, T, T) {
    (T::zero(), T::zero(), T::zero())
}

/// Second partials of `y = x.clamp(lo, hi)`: `0` (the first partials are piecewise
/// constant).
///
/// ```
/// use autodiff_core::rules::dd_clamp;
/// assert_eq!(dd_clamp(0.5_f64, 0.0, 1.0, 0.5), (0.0, 0.0, 0.0, 0.0, 0.0, 0.0));
/// ```
#[inline]
pub fn dd_clamp<T: Float>(_x: T, _lo: T, _hi: T, _y: T) -> (T, T, T, T, T, T) {
    let z = T::zero();
    (z, z, z, z, z, z)
}

/// Second partials of `y = a.mul_add(b, c)` (`a b + c`): only `d²y/dadb = 1`.
///
/// ```
/// use autodiff_core::rules::dd_mul_add;
/// // (aa, ab, ac, bb, bc, cc): a b + c is bilinear in (a, b) and linear in c.
/// assert_eq!(dd_mul_add(2.0_f64, 3.0, 4.0, 10.0), (0.0, 1.0, 0.0, 0.0, 0.0, 0.0));
/// ```
#[inline]
pub fn dd_mul_add<T: Float>(_a: T, _b: T, _c: T, _y: T) -> (T, T, T, T, T, T) {
    let z = T::zero();
    (z, T::one(), z, z, z, z)
}

#[inline]
fn zero_or_nan<T: Float>(x: T) -> T {
    if x.is_nan() {
        x
    } else {
        T::zero()
    }
}

#[inline]
fn two<T: Float>() -> T {
    T::one() + T::one()
}

#[cfg(test)]
mod tests {
    //! Every second-order rule against num-dual's second derivatives (`Dual2` for one
    //! input, `HyperDual` for the mixed partials of two), at points inside the domain.
    use super::*;
    use num_dual::{Dual2_64, DualNum, HyperDual64};

    /// Both sides evaluate closed forms of the same derivative with a handful of
    /// roundings each; relative 1e-10 leaves room for the cancellation in `a² - b²`.
    const REL: f64 = 1e-10;

    fn close(what: &str, at: f64, got: f64, want: f64) {
        let scale = got.abs().max(want.abs()).max(1e-300);
        assert!(
            got == want || (got - want).abs() <= REL * scale,
            "{what} at {at}: rule gives {got:e}, num-dual gives {want:e}"
        );
    }

    type Unary = (&'static str, fn(f64, f64) -> f64, fn(f64) -> f64, fn(Dual2_64) -> Dual2_64);

    #[test]
    fn unary_rules_match_num_dual() {
        let rules: &[Unary] = &[
            ("sin", dd_sin, f64::sin, |x| x.sin()),
            ("cos", dd_cos, f64::cos, |x| x.cos()),
            ("tan", dd_tan, f64::tan, |x| x.tan()),
            ("asin", dd_asin, f64::asin, |x| x.asin()),
            ("acos", dd_acos, f64::acos, |x| x.acos()),
            ("atan", dd_atan, f64::atan, |x| x.atan()),
            ("sinh", dd_sinh, f64::sinh, |x| x.sinh()),
            ("cosh", dd_cosh, f64::cosh, |x| x.cosh()),
            ("tanh", dd_tanh, f64::tanh, |x| x.tanh()),
            ("asinh", dd_asinh, f64::asinh, |x| x.asinh()),
            ("atanh", dd_atanh, f64::atanh, |x| x.atanh()),
            ("exp", dd_exp, f64::exp, |x| x.exp()),
            ("exp2", dd_exp2, f64::exp2, |x| x.exp2()),
            ("exp_m1", dd_exp_m1, f64::exp_m1, |x| x.exp_m1()),
            ("ln", dd_ln, f64::ln, |x| x.ln()),
            ("ln_1p", dd_ln_1p, f64::ln_1p, |x| x.ln_1p()),
            ("log2", dd_log2, f64::log2, |x| x.log2()),
            ("log10", dd_log10, f64::log10, |x| x.log10()),
            ("sqrt", dd_sqrt, f64::sqrt, |x| x.sqrt()),
            ("cbrt", dd_cbrt, f64::cbrt, |x| x.cbrt()),
            ("recip", dd_recip, f64::recip, |x| x.recip()),
        ];
        for (name, rule, primal, dual) in rules {
            for x in [0.1, 0.3, 0.5, 0.75, 0.9] {
                let want = dual(Dual2_64::new(x, 1.0, 0.0)).v2;
                close(name, x, rule(x, primal(x)), want);
            }
        }
        for x in [1.5, 2.0, 4.0] {
            let want = Dual2_64::new(x, 1.0, 0.0).acosh().v2;
            close("acosh", x, dd_acosh(x, x.acosh()), want);
        }
        for x in [-2.0, -0.5, 0.7, 3.0] {
            close("abs", x, dd_abs(x, x.abs()), 0.0);
            close("fract", x, dd_fract(x, x.fract()), 0.0);
            for n in [-3, -1, 0, 1, 2, 3, 7] {
                let want = Dual2_64::new(x, 1.0, 0.0).powi(n).v2;
                close("powi", x, dd_powi(x, n, x.powi(n)), want);
            }
        }
        assert!(dd_abs(f64::NAN, f64::NAN).is_nan());
        assert_eq!(dd_powi(0.0, 1, 0.0), 0.0);
        assert_eq!(dd_powi(0.0, 2, 0.0), 2.0);
    }

    type Binary = (
        &'static str,
        fn(f64, f64, f64) -> (f64, f64, f64),
        fn(f64, f64) -> f64,
        fn(HyperDual64, HyperDual64) -> HyperDual64,
    );

    /// `(faa, fab, fbb)` of `f` at `(a, b)` from hyper-dual numbers.
    fn hessian2(f: fn(HyperDual64, HyperDual64) -> HyperDual64, a: f64, b: f64) -> [f64; 3] {
        let c = HyperDual64::from_re;
        let aa = f(HyperDual64::new(a, 1.0, 1.0, 0.0), c(b)).eps1eps2;
        let ab = f(HyperDual64::new(a, 1.0, 0.0, 0.0), HyperDual64::new(b, 0.0, 1.0, 0.0)).eps1eps2;
        let bb = f(c(a), HyperDual64::new(b, 1.0, 1.0, 0.0)).eps1eps2;
        [aa, ab, bb]
    }

    #[test]
    fn binary_rules_match_num_dual() {
        let rules: &[Binary] = &[
            ("atan2", dd_atan2, f64::atan2, |a, b| a.atan2(b)),
            ("hypot", dd_hypot, f64::hypot, |a, b| (a * a + b * b).sqrt()),
            ("powf", dd_powf, f64::powf, |a, b| a.powd(b)),
            ("log", dd_log, f64::log, |a, b| a.ln() / b.ln()),
        ];
        for (name, rule, primal, dual) in rules {
            for (a, b) in [(0.5, 1.5), (2.0, 0.3), (1.7, 3.2), (0.9, 2.5)] {
                let (aa, ab, bb) = rule(a, b, primal(a, b));
                let want = hessian2(*dual, a, b);
                close(&format!("{name} aa"), a, aa, want[0]);
                close(&format!("{name} ab"), a, ab, want[1]);
                close(&format!("{name} bb"), a, bb, want[2]);
            }
        }
        assert_eq!(dd_atan2(0.0, 0.0, 0.0), (0.0, 0.0, 0.0));
        assert_eq!(dd_hypot(0.0, 0.0, 0.0), (0.0, 0.0, 0.0));
        // A zero exponent: a⁰ = 1 in a, d/db gives a^(b-1) = 1/a.
        assert_eq!(dd_powf(2.0, 0.0, 1.0), (0.0, 0.5, 2f64.ln().powi(2)));
        assert_eq!(dd_min(1.0, 2.0, 1.0), (0.0, 0.0, 0.0));
        assert_eq!(dd_max(1.0, 2.0, 2.0), (0.0, 0.0, 0.0));
        assert_eq!(dd_rem(5.0, 2.0, 1.0), (0.0, 0.0, 0.0));
        assert_eq!(dd_rem_euclid(-5.0, 2.0, 1.0), (0.0, 0.0, 0.0));
        assert_eq!(dd_mul_add(1.0, 2.0, 3.0, 5.0), (0.0, 1.0, 0.0, 0.0, 0.0, 0.0));
        assert_eq!(dd_clamp(1.0, 0.0, 2.0, 1.0), (0.0, 0.0, 0.0, 0.0, 0.0, 0.0));
    }
}
