//! The seed example of the design: `phi = y3 = y2², y2 = y1 + b1, y1 = a w1`, so
//! `∂phi/∂w1 = 2a(a w1 + b1)`, `∂phi/∂a = 2 w1(a w1 + b1)`, `∂phi/∂b1 = 2(a w1 + b1)`.
#![allow(clippy::let_and_return)]

mod common;

use autodiff_core::differentiate;
use common::{Case, FD};
use num_dual::DualNum;

#[differentiate]
fn phi(w1: f64, a: f64, b1: f64) -> f64 {
    let y1 = a * w1;
    let y2 = y1 + b1;
    let y3 = y2 * y2;
    y3
}

fn phi_dual<D: DualNum<Primitive = f64> + Copy>(w1: D, a: D, b1: D) -> D {
    let y2 = a * w1 + b1;
    y2 * y2
}

/// The hand-derived gradient `(2a(a w1 + b1), 2 w1(a w1 + b1), 2(a w1 + b1))`.
fn phi_formula(w1: f64, a: f64, b1: f64) -> (f64, f64, f64) {
    let r = a * w1 + b1;
    (2.0 * a * r, 2.0 * w1 * r, 2.0 * r)
}

const POINTS: [[f64; 3]; 6] = [
    [1.0, 2.0, 3.0],
    [0.5, -1.5, 0.25],
    [-3.0, 0.0, 7.0],
    [0.0, 0.0, 0.0],
    [1e3, -2e-3, 4.5],
    [-0.125, 8.0, -1.0],
];

/// Closeness to 1e-14 relative to the size of the terms, as the design demands the seed
/// come out exactly: the generated code and the formula round differently (the
/// formula multiplies `2a` first), so a few ulps of the largest term may separate them.
#[track_caller]
fn assert_exact(got: f64, want: f64, scale: f64, what: &str) {
    assert!((got - want).abs() <= 1e-14 * scale.max(1.0), "{what}: got {got:e}, want {want:e}");
}

#[test]
fn gradient_matches_the_hand_derived_formula() {
    for [w1, a, b1] in POINTS {
        let (y, (dw1, da, db1)): (f64, (f64, f64, f64)) = phi_grad(w1, a, b1);
        assert_eq!(y, phi(w1, a, b1));
        let r = a * w1 + b1;
        assert_eq!(y, r * r);
        let (fw1, fa, fb1) = phi_formula(w1, a, b1);
        // Each partial is a product of three factors; its terms are of that size.
        assert_exact(dw1, fw1, (2.0 * a * r).abs(), "dphi/dw1");
        assert_exact(da, fa, (2.0 * w1 * r).abs(), "dphi/da");
        assert_exact(db1, fb1, (2.0 * r).abs(), "dphi/db1");
    }
}

#[test]
fn gradient_is_exact_where_no_rounding_happens() {
    // Small integers: every product and sum is exact, so equality is exact.
    let (y, (dw1, da, db1)) = phi_grad(1.0, 2.0, 3.0);
    assert_eq!(y, 25.0);
    assert_eq!((dw1, da, db1), (20.0, 10.0, 10.0));
    let (y, g) = phi_grad(-2.0, 3.0, 4.0);
    assert_eq!(y, 4.0);
    assert_eq!(g, (-12.0, 8.0, -4.0));
}

#[test]
fn vjp_is_dout_times_the_gradient() {
    for [w1, a, b1] in POINTS {
        let (_, (gw1, ga, gb1)) = phi_grad(w1, a, b1);
        assert_eq!(phi_vjp(w1, a, b1, 1.0), phi_grad(w1, a, b1));
        for dout in [0.0, -1.0, 0.5, 3.25, -1e4] {
            let (y, (vw1, va, vb1)): (f64, (f64, f64, f64)) = phi_vjp(w1, a, b1, dout);
            assert_eq!(y, phi(w1, a, b1));
            assert_exact(vw1, dout * gw1, (dout * gw1).abs(), "vjp w1");
            assert_exact(va, dout * ga, (dout * ga).abs(), "vjp a");
            assert_exact(vb1, dout * gb1, (dout * gb1).abs(), "vjp b1");
        }
    }
}

#[test]
fn jvp_is_the_gradient_dotted_with_the_tangent() {
    for [w1, a, b1] in POINTS {
        let (gw1, ga, gb1) = phi_formula(w1, a, b1);
        for [tw1, ta, tb1] in [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.5, -2.0, 3.0]]
        {
            let (y, dy): (f64, f64) = phi_jvp(w1, a, b1, tw1, ta, tb1);
            assert_eq!(y, phi(w1, a, b1));
            let want = gw1 * tw1 + ga * ta + gb1 * tb1;
            let scale = (gw1 * tw1).abs() + (ga * ta).abs() + (gb1 * tb1).abs();
            assert_exact(dy, want, scale, "jvp");
        }
    }
}

#[test]
fn agrees_with_num_dual_and_finite_differences() {
    let case = Case {
        name: "phi",
        primal: &|x| phi(x[0], x[1], x[2]),
        grad: &|x| {
            let (y, (a, b, c)) = phi_grad(x[0], x[1], x[2]);
            (y, vec![a, b, c])
        },
        vjp: &|x, d| {
            let (y, (a, b, c)) = phi_vjp(x[0], x[1], x[2], d);
            (y, vec![a, b, c])
        },
        jvp: &|x, t| phi_jvp(x[0], x[1], x[2], t[0], t[1], t[2]),
        dual: &|x| phi_dual(x[0], x[1], x[2]),
    };
    for p in POINTS {
        case.verify(&p, FD);
    }
}
