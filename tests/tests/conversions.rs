//! Conversions between float types written as calls carry derivatives: `x.into()`,
//! `f64::from(x)`, `x.to_f64().unwrap()`, `T::from(x).unwrap()`, `T::from_f64(y).unwrap()`,
//! `NumCast::from(x)`, `num_traits::cast(x)` and `.expect("..")` in place of `.unwrap()`.
//! Each was once a constant (an exactly zero derivative, no error); each is checked here
//! in every sibling against a hand-derived formula, num-dual and central differences.
//! A conversion of an integer (`T::from(n).unwrap()`) stays a constant factor.
#![allow(clippy::let_and_return)]

mod common;

use autodiff_core::differentiate;
use common::{assert_close, assert_fd, dual_gradient, EXACT, FD};
use num_dual::DualNum;
use num_traits::{Float, FromPrimitive, ToPrimitive};

/// The example of the report: `x.to_f64().unwrap()` and `T::from_f64(..).unwrap()` of a
/// value computed from `x`. `f = x^2 + x`, `f' = 2x + 1`.
#[differentiate(order = 2)]
fn through_f64<T: Float + FromPrimitive>(x: T) -> T {
    let y = x.to_f64().unwrap();
    T::from_f64(y * y).unwrap() + x
}

#[test]
fn to_f64_and_from_f64_of_a_computed_value() {
    for x in [3.0, -0.75] {
        let (v, g) = through_f64_grad(x);
        assert_eq!(v, through_f64(x));
        assert_close(g, 2.0 * x + 1.0, EXACT, "x.to_f64().unwrap(), T::from_f64(y * y)");
        assert_eq!(through_f64_vjp(x, 2.0), (v, 2.0 * g));
        assert_eq!(through_f64_jvp(x, -1.5), (v, -1.5 * g));
        let (_, _, hv) = through_f64_hvp(x, 1.0);
        assert_close(hv, 2.0, EXACT, "second derivative through to_f64");
        // At f32 the conversions are to and from f64: the same derivative to f32 rounding.
        let (_, g32) = through_f64_grad(x as f32);
        assert_close(g32 as f64, 2.0 * x + 1.0, 1e-6, "at f32");
    }
}

/// `into` and `f64::from` widen an `f32`; `f = (x^2)·w` in f64.
#[differentiate(order = 2)]
fn widen(x: f32, w: f64) -> f64 {
    let y: f64 = x.into();
    let z = f64::from(x);
    y * z * w
}

#[test]
fn into_and_from_widen_with_their_derivative() {
    for (x, w) in [(1.5_f32, 0.5), (-2.25, 3.0)] {
        let xf = x as f64;
        let (v, (dx, dw)) = widen_grad(x, w);
        assert_eq!(v, widen(x, w));
        // The derivative with respect to an f32 input is an f32, exact here (small
        // binary fractions).
        assert_eq!((dx, dw), ((2.0 * xf * w) as f32, xf * xf));
        assert_eq!(widen_jvp(x, w, 1.0, 0.0), (v, 2.0 * xf * w));
        let (_, (hx, hw)) = widen_vjp_jvp(x, w, 1.0, 1.0, 0.0, 0.0).1;
        assert_eq!((hx, hw), ((2.0 * w) as f32, 2.0 * xf));
    }
}

/// `T::from(x).unwrap()` into a generic float, `NumCast::from` with the target named by
/// its `let`, `<f32 as NumCast>::from(..).expect(..)`, `num_traits::cast` and
/// `x.to_f32().unwrap()`; `T::from(n)` of an integer is a constant factor.
/// `f = x^2 w + 2x·x + x·x + n x`, so `df/dx = 2xw + 6x + n`, `df/dw = x^2`.
#[differentiate(order = 2)]
fn generic_casts<T: Float>(x: f64, w: T, n: usize) -> T {
    let a: T = T::from(x).unwrap();
    let b: T = num_traits::NumCast::from(x).unwrap();
    let c = <f32 as num_traits::NumCast>::from(x * 2.0).expect("in range");
    let d: f32 = num_traits::cast(x).unwrap();
    let e = x.to_f32().unwrap();
    let k = T::from(n).unwrap();
    let cd = T::from(c * d + e * e).unwrap();
    a * b * w + cd + k * a
}

fn generic_casts_dual<D: DualNum<Primitive = f64> + Copy>(x: D, w: D, n: usize) -> D {
    x * x * w + x * x * 2.0 + x * x + x * (n as f64)
}

#[test]
fn from_numcast_cast_and_to_f32_into_a_generic_float() {
    for (x, w, n) in [(0.75, 2.0, 3_usize), (-1.25, -0.5, 0)] {
        let (v, (dx, dw)) = generic_casts_grad::<f64>(x, w, n);
        assert_close(v, generic_casts::<f64>(x, w, n), EXACT, "value");
        // `c`, `d` and `e` pass through f32: 1e-6 is f32's precision at these sizes.
        assert_close(dx, 2.0 * x * w + 6.0 * x + n as f64, 1e-6, "df/dx");
        assert_close(dw, x * x, EXACT, "df/dw");
        let (_, dual) =
            dual_gradient(|p: &[num_dual::Dual64]| generic_casts_dual(p[0], p[1], n), &[x, w]);
        assert_close(dx, dual[0], 1e-6, "df/dx against num-dual");
        assert_close(dw, dual[1], EXACT, "df/dw against num-dual");
        // Central differences cannot see through the f32 rounding of `c`, `d` and `e`
        // (steps of 1e-5 relative are a few hundred f32 ulps): only in `w`.
        assert_fd(|p| generic_casts::<f64>(x, p[0], n), &[w], &[dw], FD, "central differences");
        let (_, t) = generic_casts_jvp::<f64>(x, w, n, 1.0, 0.0);
        assert_close(t, dx, 1e-6, "jvp");
        // Second derivatives: d2f/dx2 = 2w + 6, d2f/dxdw = 2x.
        let (_, _, (hxx, hxw)) = generic_casts_hvp::<f64>(x, w, n, 1.0, 0.0);
        assert_close(hxx, 2.0 * w + 6.0, 1e-6, "d2f/dx2");
        assert_close(hxw, 2.0 * x, EXACT, "d2f/dxdw");
        // At f32 the generic float converts from f64 and back.
        let (_, (dx32, dw32)) = generic_casts_grad::<f32>(x, w as f32, n);
        assert_close(dx32, dx, 1e-5, "df/dx at f32");
        assert_close(dw32 as f64, dw, 1e-6, "df/dw at f32");
    }
}

/// Conversions inside a function with an array output: its Jacobian sweeps one
/// direction at a time.
#[differentiate]
fn polar_through_f32(r: f64, theta: f64) -> [f64; 2] {
    let narrow = theta.to_f32().unwrap();
    let t: f64 = narrow.into();
    [r * t.cos(), r * f64::from(narrow.sin())]
}

#[test]
fn conversions_in_a_jacobian() {
    let (r, theta) = (2.0, 0.5);
    let (y, (dr, dtheta)) = polar_through_f32_jacobian(r, theta);
    assert_eq!(y, polar_through_f32(r, theta));
    // 0.5 is exact in f32; the sine of `narrow` is computed in f32.
    assert_close(dr[0], theta.cos(), EXACT, "dy0/dr");
    assert_close(dr[1], theta.sin(), 1e-6, "dy1/dr (a sine in f32)");
    assert_close(dtheta[0], -r * theta.sin(), EXACT, "dy0/dtheta");
    assert_close(dtheta[1], r * theta.cos(), 1e-6, "dy1/dtheta");
    let (_, ty) = polar_through_f32_jvp(r, theta, 0.0, 1.0);
    assert_eq!(ty, [dtheta[0], dtheta[1]]);
    let (_, (br, bt)) = polar_through_f32_vjp(r, theta, [1.0, 0.0]);
    // The adjoint passes through f32 where the tangent did: equal to f32 precision.
    assert_eq!(br, dr[0]);
    assert_close(bt, dtheta[0], 1e-6, "vjp, theta");
    // Central differences in `r` only: theta passes through f32.
    assert_fd(|p| polar_through_f32(p[0], theta)[1], &[r], &[dr[1]], FD, "central differences");
}

/// Conversions in a loop, whose converted values are saved for the reverse sweep.
#[differentiate]
fn loop_through_f32(x: &[f64]) -> f64 {
    let mut s = 0.0_f64;
    for &v in x {
        let narrow = v.to_f32().expect("finite");
        let wide: f64 = (narrow * narrow).into();
        s = s * 0.5 + wide;
    }
    s
}

#[test]
fn conversions_in_a_loop() {
    let x = [0.5, -1.25, 2.0];
    let (v, g) = loop_through_f32_grad(&x);
    assert_eq!(v, loop_through_f32(&x));
    let n = x.len();
    for i in 0..n {
        let want = 0.5_f64.powi((n - 1 - i) as i32) * 2.0 * x[i];
        assert_close(g[i], want, 1e-6, "s = sum 0.5^(n-1-i) x_i^2 through f32");
    }
}
