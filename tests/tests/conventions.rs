//! The conventions at non-differentiable points, through generated code (the rules
//! themselves are pinned in `autodiff_core::rules`' tests): each value below is what the
//! table in `autodiff_core::rules` and the README's "Non-differentiable points" say.
#![allow(clippy::float_cmp)] // exact values are the point

use autodiff_core::differentiate;

#[differentiate]
fn relu(x: f64) -> f64 {
    if x > 0.0 {
        x
    } else {
        0.0
    }
}

#[differentiate(order = 2)]
fn mirrored(x: f64) -> f64 {
    if x >= 0.0 {
        x
    } else {
        -x
    }
}

#[differentiate(order = 2)]
fn kinks(x: f64, y: f64) -> f64 {
    x.abs() + x.max(y) + 2.0 * x.min(y) + 4.0 * x.clamp(0.0, 1.0)
}

#[differentiate(order = 2)]
fn steps(x: f64) -> f64 {
    x.floor() + x.ceil() + x.round() + x.trunc() + x.signum() + x.fract()
}

#[differentiate]
fn roots_and_powers(x: f64, y: f64) -> f64 {
    x.sqrt() + x.powf(y)
}

#[differentiate(order = 2)]
fn smooth(x: f64) -> f64 {
    x * x + x.exp()
}

#[test]
fn a_branch_taken_at_equality_gives_the_derivative_of_that_branch() {
    // `x > 0` is false at 0: the `else` branch (a constant) is taken.
    assert_eq!(relu_grad(0.0), (relu(0.0), 0.0));
    // `x >= 0` is true at 0: the derivative of `x`.
    assert_eq!(mirrored_grad(0.0), (mirrored(0.0), 1.0));
    assert_eq!(mirrored_hessian(0.0).2, [[0.0]]);
}

#[test]
fn kinks_follow_the_returned_argument_and_abs_is_zero_at_zero() {
    // At x = y = 0: abs' = 0; max and min ties go to their first argument (x); clamp at
    // its lower bound goes to x.
    let (y, (dx, dy)) = kinks_grad(0.0, 0.0);
    assert_eq!(y, kinks(0.0, 0.0));
    assert_eq!((dx, dy), (0.0 + 1.0 + 2.0 + 4.0, 0.0));
    // At the upper bound of clamp, also x.
    assert_eq!(kinks_grad(1.0, 3.0).1, (1.0 + 0.0 + 2.0 + 4.0, 1.0));
    assert_eq!(kinks_hessian(0.0, 0.0).2, [[0.0; 2]; 2]);
}

#[test]
fn piecewise_constant_functions_have_zero_derivative_at_their_jumps() {
    for x in [-1.0, 0.0, 0.5, 2.0] {
        // Every step is 0; `fract` is x - trunc(x): derivative 1.
        assert_eq!(steps_grad(x), (steps(x), 1.0), "at {x}");
        assert_eq!(steps_hessian(x).2, [[0.0]]);
    }
}

#[test]
fn sqrt_at_zero_is_infinite_and_a_zero_base_has_zero_partials() {
    let (_, (dx, _)) = roots_and_powers_grad(0.0, 2.0);
    assert_eq!(dx, f64::INFINITY); // sqrt'(0) = +inf, powf's d/da at a = 0, b = 2 is 0
    let (y, (da, db)) = roots_and_powers_grad(4.0, 0.0);
    assert_eq!(y, roots_and_powers(4.0, 0.0));
    assert_eq!(da, 0.25); // sqrt' = 1/4; a^0 is constant in a
    assert_eq!(db, 4f64.ln()); // d/db a^b = a^b ln a = ln 4
}

/// A `sqrt` computed before a guard and read only by the branch not taken (argmin's
/// `bukin_n6_derivative`, a normalisation): at the guarded point nothing depends on it,
/// and its infinite slope at 0 carries a zero derivative, not a NaN.
#[differentiate(order = 2)]
fn normalised_first(x: [f64; 2]) -> f64 {
    let d = (x[0] * x[0] + x[1] * x[1]).sqrt();
    if d <= 1e-12 {
        0.0
    } else {
        x[0] / d
    }
}

/// `asin` at its vertical tangent and `powf` with a base of 0 and an exponent below 1,
/// both multiplied by a zero in one direction.
#[differentiate]
fn steep(x: f64, y: f64, w: f64) -> f64 {
    w * (x.asin() + y.powf(0.5))
}

#[test]
fn a_zero_derivative_through_an_infinite_slope_is_zero() {
    let origin = [0.0, 0.0];
    assert_eq!(normalised_first(origin), 0.0);
    assert_eq!(normalised_first_grad(origin), (0.0, [0.0, 0.0]));
    assert_eq!(normalised_first_vjp(origin, 2.0).1, [0.0, 0.0]);
    assert_eq!(normalised_first_jvp(origin, [1.0, -1.0]).1, 0.0);
    assert_eq!(normalised_first_hessian(origin).2, [[0.0; 2]; 2]);
    assert_eq!(normalised_first_hvp(origin, [1.0, 0.0]).2, [0.0, 0.0]);
    // Away from the guard, the usual derivative: d(x0/|x|)/dx = (x1^2, -x0 x1) / |x|^3.
    let (_, g) = normalised_first_grad([0.6, 0.8]);
    assert!((g[0] - 0.64).abs() < 1e-12 && (g[1] + 0.48).abs() < 1e-12, "{g:?}");
    // At x = 1 and y = 0 the slopes are infinite; with w = 0 nothing flows through them.
    let (v, (dx, dy, dw)) = steep_grad(1.0, 0.0, 0.0);
    assert_eq!(v, steep(1.0, 0.0, 0.0));
    assert_eq!((v, dx, dy), (0.0, 0.0, 0.0));
    assert_eq!(dw, std::f64::consts::FRAC_PI_2);
    // Along w only, the tangents of x and y are zero: the directional derivative is asin 1.
    assert_eq!(steep_jvp(1.0, 0.0, 2.0, 0.0, 0.0, 1.0).1, std::f64::consts::FRAC_PI_2);
    // Reached by a nonzero derivative, the slope is infinite as before.
    assert_eq!(steep_grad(1.0, 0.0, 1.0).1 .0, f64::INFINITY);
}

#[test]
fn nan_and_infinity_propagate_as_the_primals_do() {
    let (y, g) = smooth_grad(f64::NAN);
    assert!(y.is_nan() && g.is_nan());
    assert!(smooth_hessian(f64::NAN).2[0][0].is_nan());
    assert!(smooth(f64::NAN).is_nan());
    let (y, g) = smooth_grad(1000.0);
    assert_eq!((y, g), (f64::INFINITY, f64::INFINITY));
    assert!(relu_grad(f64::NAN).1 == 0.0, "a NaN comparison is false: the else branch");
}
