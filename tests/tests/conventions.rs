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
