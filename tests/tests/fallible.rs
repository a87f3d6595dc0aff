//! Functions returning `Option<F>` or `Result<F, E>`: `Some`/`Ok` values, `None`/`Err`
//! failures (as a branch's value, and by `return` from anywhere, loops included), `?`,
//! `.unwrap()`, `.expect(..)` and `.map(..)` on calls of such functions. Every sibling
//! returns its result inside the same `Option` or `Result`; where the function fails,
//! the sibling returns the same failure. Checked against hand-derived formulas and
//! central differences.
#![allow(clippy::needless_range_loop)]

mod common;

use autodiff_core::differentiate;
use common::{assert_all_close, assert_close, assert_fd, EXACT, FD};

#[derive(Debug, PartialEq)]
enum DomainError {
    Negative,
    TooLarge,
}

/// `(sqrt(x) y)^2 = x y^2`, failing for `x < 0` and when `sqrt(x) y > 100`.
#[differentiate(order = 2)]
fn checked(x: f64, y: f64) -> Result<f64, DomainError> {
    if x < 0.0 {
        return Err(DomainError::Negative);
    }
    let r = x.sqrt() * y;
    if r > 100.0 {
        Err(DomainError::TooLarge)
    } else {
        Ok(r * r)
    }
}

#[test]
fn a_result_output_in_every_sibling() {
    let (x, y) = (2.25, 1.5);
    let (v, (dx, dy)) = checked_grad(x, y).unwrap();
    assert_close(v, x * y * y, EXACT, "the value");
    assert_eq!(Ok(v), checked(x, y));
    assert_close(dx, y * y, EXACT, "d/dx");
    assert_close(dy, 2.0 * x * y, EXACT, "d/dy");
    let (_, t) = checked_jvp(x, y, 1.0, -1.0).unwrap();
    assert_close(t, dx - dy, EXACT, "jvp");
    let (_, g) = checked_vjp(x, y, 3.0).unwrap();
    assert_close(g.0, 3.0 * dx, EXACT, "vjp");
    let (_, _, h) = checked_hessian(x, y).unwrap();
    let want = [[0.0, 2.0 * y], [2.0 * y, 2.0 * x]];
    for i in 0..2 {
        assert_all_close(&h[i], &want[i], 1e-12, "the Hessian of x y^2");
    }
    let (_, _, hv) = checked_hvp(x, y, 0.0, 1.0).unwrap();
    assert_close(hv.0, 2.0 * y, 1e-12, "hvp");
    assert_fd(|p| checked(p[0], p[1]).unwrap(), &[x, y], &[dx, dy], FD, "central differences");
}

#[test]
fn a_failure_passes_through_every_sibling() {
    for (x, y, e) in [(-1.0, 2.0, DomainError::Negative), (100.0, 20.0, DomainError::TooLarge)] {
        assert_eq!(checked(x, y), Err(e));
        let e = checked(x, y).unwrap_err();
        assert_eq!(checked_grad(x, y).unwrap_err(), e);
        assert_eq!(checked_jvp(x, y, 1.0, 0.0).unwrap_err(), e);
        assert_eq!(checked_vjp(x, y, 1.0).unwrap_err(), e);
        assert_eq!(checked_hvp(x, y, 1.0, 0.0).unwrap_err(), e);
        assert_eq!(checked_hessian(x, y).unwrap_err(), e);
        assert_eq!(checked_vjp_jvp(x, y, 1.0, 1.0, 0.0, 0.0).unwrap_err(), e);
    }
}

/// `Option`: `1 / x`, `None` at zero.
#[differentiate(order = 2)]
fn reciprocal(x: f64) -> Option<f64> {
    if x == 0.0 {
        None
    } else {
        Some(1.0 / x)
    }
}

/// Calls taken apart with `unwrap` and `expect`.
#[differentiate(order = 2)]
fn unwrapped(x: f64, y: f64) -> f64 {
    checked(x, y).unwrap() + reciprocal(x).expect("x is not zero")
}

/// `?` on one call and `map` on another, the result of the function.
#[differentiate(order = 2)]
fn chained(x: f64, y: f64) -> Result<f64, DomainError> {
    let a = checked(x, y)?;
    checked(a, 2.0).map(|v| v + 1.0)
}

#[test]
fn calls_of_fallible_functions() {
    let (x, y) = (0.5, 3.0);
    assert_eq!(reciprocal_grad(0.0), None);
    let (r, dr) = reciprocal_grad(x).unwrap();
    assert_eq!((r, dr), (2.0, -4.0));
    let (v, (dx, dy)) = unwrapped_grad(x, y);
    assert_eq!(v, unwrapped(x, y));
    assert_close(dx, y * y - 1.0 / (x * x), EXACT, "d/dx of x y^2 + 1/x");
    assert_close(dy, 2.0 * x * y, EXACT, "d/dy");
    let (_, _, h) = unwrapped_hessian(x, y);
    assert_close(h[0][0], 2.0 / (x * x * x), 1e-10, "d2/dx2");
    assert_close(h[0][1], 2.0 * y, 1e-12, "d2/dx dy");
    // chained = (x y^2) * 4 + 1: d/dx = 4 y^2, d/dy = 8 x y.
    let (v, (dx, dy)) = chained_grad(x, y).unwrap();
    assert_eq!(Ok(v), chained(x, y));
    assert_close(v, 4.0 * x * y * y + 1.0, EXACT, "the value");
    assert_close(dx, 4.0 * y * y, EXACT, "d/dx");
    assert_close(dy, 8.0 * x * y, EXACT, "d/dy");
    assert_eq!(chained_grad(-1.0, y).unwrap_err(), DomainError::Negative);
    // The inner call fails: a = x y^2 = 2500, sqrt(a) 2 = 100 is not above 100; 2600 is.
    assert_eq!(chained_jvp(2600.0, 1.0, 1.0, 0.0).unwrap_err(), DomainError::TooLarge);
    let (_, _, hv) = chained_hvp(x, y, 1.0, 0.0).unwrap();
    assert_close(hv.1, 8.0 * y, 1e-12, "d2/dx dy");
}

/// A `Vec` output inside an `Option`, failing from inside a loop: the running products
/// of `x`, `None` as soon as one is negative.
#[differentiate]
fn running_products(x: &[f64]) -> Option<Vec<f64>> {
    let mut out = vec![0.0; x.len()];
    let mut p = 1.0;
    for i in 0..x.len() {
        p *= x[i];
        if p < 0.0 {
            return None;
        }
        out[i] = p;
    }
    Some(out)
}

#[test]
fn a_vec_output_failing_in_a_loop() {
    let x = [0.5, 2.0, 1.5];
    let (y, j) = running_products_jacobian(&x).unwrap();
    assert_eq!(Some(y.clone()), running_products(&x));
    // d p_i / d x_k = p_i / x_k for k <= i.
    for i in 0..3 {
        for k in 0..3 {
            let want = if k <= i { y[i] / x[k] } else { 0.0 };
            assert_close(j[i][k], want, EXACT, "the Jacobian of running products");
        }
    }
    let (_, t) = running_products_jvp(&x, &[1.0, 0.0, 0.0]).unwrap();
    assert_all_close(&t, &[j[0][0], j[1][0], j[2][0]], EXACT, "jvp");
    let (_, g) = running_products_vjp(&x, &[0.0, 0.0, 1.0]).unwrap();
    assert_all_close(&g, &j[2], EXACT, "vjp");
    let bad = [0.5, -2.0, 1.5];
    assert_eq!(running_products(&bad), None);
    assert!(running_products_jacobian(&bad).is_none());
    assert!(running_products_jvp(&bad, &[1.0; 3]).is_none());
    assert!(running_products_vjp(&bad, &[1.0; 3]).is_none());
}

/// `None` as a value (a local `Option`) is no failure: only where it is the function's
/// result does it fail.
#[differentiate]
fn with_a_none_local(x: f64) -> Option<f64> {
    let missing: Option<f64> = None;
    if missing.is_some() {
        return None;
    }
    Some(x * x + 1.0)
}

#[test]
fn none_as_a_value_is_not_a_failure() {
    assert_eq!(with_a_none_local(2.0), Some(5.0));
    assert_eq!(with_a_none_local_grad(2.0), Some((5.0, 4.0)));
}
