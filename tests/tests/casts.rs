//! `as` casts (to integers they end derivatives; between f32 and f64 they carry them)
//! and constants: std's, associated, user `const`s, and expressions of constants.
#![allow(clippy::let_and_return)]

mod common;

use autodiff_core::differentiate;
use common::{assert_all_close, assert_close, assert_fd, scalar_case, Case, EXACT, FD};
use num_dual::DualNum;

// ---- casts ------------------------------------------------------------------------------

/// A cast to an integer is piecewise constant; one back to a float multiplies an active
/// value; an integer parameter cast to a float is a constant factor.
#[differentiate]
fn integer_casts(x: f64, n: usize) -> f64 {
    let k = x as i32;
    let m = (x * 10.0) as i64 as f64;
    (k as f64) * x + m + (n as f64) * x + ((n * 2) as f64).sqrt()
}

fn integer_casts_dual<D: DualNum<Primitive = f64> + Copy>(x: D, n: usize) -> D {
    let k = x.re() as i32;
    let m = (x.re() * 10.0) as i64 as f64;
    x * f64::from(k) + m + x * (n as f64) + ((n * 2) as f64).sqrt()
}

#[test]
fn casts_to_integers_end_derivatives() {
    for n in [0usize, 3] {
        let case = Case {
            name: "integer_casts",
            primal: &|p| integer_casts(p[0], n),
            grad: &|p| {
                let (y, d): (f64, f64) = integer_casts_grad(p[0], n);
                (y, vec![d])
            },
            vjp: &|p, d| {
                let (y, g) = integer_casts_vjp(p[0], n, d);
                (y, vec![g])
            },
            jvp: &|p, t| integer_casts_jvp(p[0], n, t[0]),
            dual: &|p| integer_casts_dual(p[0], n),
        };
        // Away from the jumps of x as i32 and of (10 x) as i64.
        for x in [-2.35, 0.55, 3.75] {
            let g = case.verify(&[x], FD);
            assert_eq!(g[0], x.trunc() + n as f64, "x as i32 is a constant factor");
        }
    }
}

/// An index computed from an active value by a cast: the index is a constant, the
/// element read is active.
#[differentiate]
fn cast_index(x: f64, v: &[f64]) -> f64 {
    let i = (x * 2.0) as usize;
    v[i] * x + v[i + 1]
}

#[test]
fn cast_to_an_index() {
    let v = [1.0, 2.0, 3.0, 4.0];
    for (x, i) in [(0.25, 0), (1.25, 2)] {
        let (y, (dx, dv)): (f64, (f64, Vec<f64>)) = cast_index_grad(x, &v);
        assert_eq!(y, cast_index(x, &v));
        assert_eq!(dx, v[i]);
        let mut want = vec![0.0; 4];
        want[i] = x;
        want[i + 1] = 1.0;
        assert_eq!(dv, want);
        let (_, jd): (f64, f64) = cast_index_jvp(x, &v, 1.0, &[1.0; 4]);
        assert_eq!(jd, v[i] + x + 1.0);
        assert_eq!(cast_index_vjp(x, &v, 1.0), (y, (dx, dv.clone())));
        let mut point = vec![x];
        point.extend(v);
        let mut claimed = vec![dx];
        claimed.extend(&dv);
        assert_fd(|p| cast_index(p[0], &p[1..]), &point, &claimed, FD, "cast index");
    }
}

/// f64 -> f32 -> f64 carries the derivative (rounding to f32 has derivative 1).
#[differentiate]
fn round_trip(x: f64, y: f64) -> f64 {
    let narrow = (x * y) as f32;
    let s = narrow.sin();
    let wide = s as f64;
    wide * y
}

/// f32 values saved in a loop of an f64 function: their tape holds `f32`s (the tapes that
/// reuse pooled buffers are typed with the function's float type only when no value of
/// the other one can be saved).
#[differentiate]
fn round_trip_loop(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for &v in x {
        let narrow = v as f32;
        let t = narrow.sin();
        s = s * 0.5 + (t as f64) * v;
    }
    s
}

#[test]
fn f32_values_saved_in_a_loop_of_an_f64_function() {
    let x = [0.5, -1.25, 2.0];
    let (v, g) = round_trip_loop_grad(&x);
    assert_eq!(v, round_trip_loop(&x));
    // s = sum_i 0.5^(n-1-i) sin(x_i) x_i, in f32 for the sines (1e-5: see signatures.rs).
    let n = x.len();
    let want: Vec<f64> = (0..n)
        .map(|i| 0.5_f64.powi((n - 1 - i) as i32) * (x[i].cos() * x[i] + x[i].sin()))
        .collect();
    assert_all_close(&g, &want, 1e-5, "f32 values saved in a loop");
}

#[test]
fn float_casts_carry_derivatives() {
    for [x, y] in [[0.5, 1.5], [-1.0, 0.25]] {
        let (v, (dx, dy)): (f64, (f64, f64)) = round_trip_grad(x, y);
        assert_eq!(v, round_trip(x, y));
        assert_eq!(round_trip_vjp(x, y, 1.0), (v, (dx, dy)));
        // The exact derivative of the f64 function sin(x y) y; the f32 sine and its
        // derivative, computed in f32, differ from it by a few ε32 ≈ 1.2e-7 relative
        // (1e-5 is the f32 tolerance of signatures.rs, justified there). Central
        // differences cannot see through f32 rounding (see signatures.rs).
        let p = x * y;
        assert_all_close(
            &[dx, dy],
            &[p.cos() * y * y, p.cos() * x * y + p.sin()],
            1e-5,
            "f32 round trip",
        );
        // Forward and reverse mode round their f32 intermediates differently (a tangent
        // versus an adjoint passes through f32): equal to f32 precision, not exactly.
        let (_, jd) = round_trip_jvp(x, y, 1.0, -1.0);
        assert_close(jd, dx - dy, 1e-5, "f32 round trip jvp");
    }
}

// ---- constants ----------------------------------------------------------------------------

const SCALE: f64 = 2.5;
const OFFSETS: [f64; 2] = [0.5, -0.25];

/// std and core constants, associated constants, user constants and arrays of them,
/// and method calls on constants, all as constant factors.
#[differentiate]
fn constants(x: f64) -> f64 {
    let a = std::f64::consts::PI * x + core::f64::consts::E;
    let b = x * f64::EPSILON.sqrt() + f64::MIN_POSITIVE;
    let c = SCALE * x * OFFSETS[1] + OFFSETS[0];
    let d = 2.0_f64.ln() * x.exp() + std::f64::consts::FRAC_1_SQRT_2;
    a + b + c + d
}

fn constants_dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    x * std::f64::consts::PI
        + core::f64::consts::E
        + x * f64::EPSILON.sqrt()
        + f64::MIN_POSITIVE
        + x * SCALE * OFFSETS[1]
        + OFFSETS[0]
        + x.exp() * 2.0_f64.ln()
        + std::f64::consts::FRAC_1_SQRT_2
}

#[test]
fn constants_are_constant_factors() {
    let case = scalar_case!(constants, constants_grad, constants_jvp, constants_vjp,
        constants_dual; (x, x_t));
    for x in [-1.0, 0.5, 2.0] {
        let g = case.verify(&[x], FD);
        let want = std::f64::consts::PI
            + f64::EPSILON.sqrt()
            + SCALE * OFFSETS[1]
            + 2.0_f64.ln() * x.exp();
        assert_close(g[0], want, EXACT, "constants");
    }
}

/// A constant as the whole output of one branch and a constant used in a comparison.
#[differentiate]
fn constant_branch(x: f64) -> f64 {
    if x > std::f64::consts::FRAC_PI_2 {
        SCALE
    } else {
        (x * SCALE).sin()
    }
}

#[test]
fn constant_in_a_branch() {
    let (y, d) = constant_branch_grad(2.0);
    assert_eq!((y, d), (SCALE, 0.0));
    assert_eq!(constant_branch(2.0), SCALE);
    assert_eq!(constant_branch_jvp(2.0, 1.0), (SCALE, 0.0));
    assert_eq!(constant_branch_vjp(2.0, 1.0), (SCALE, 0.0));
    let (y, d) = constant_branch_grad(0.5);
    assert_eq!(y, constant_branch(0.5));
    assert_close(d, SCALE * (0.5 * SCALE).cos(), EXACT, "sin branch");
    assert_eq!(constant_branch_vjp(0.5, 1.0), (y, d));
    assert_close(constant_branch_jvp(0.5, -3.0).1, -3.0 * d, EXACT, "sin branch jvp");
    assert_fd(|p| constant_branch(p[0]), &[0.5], &[d], FD, "sin branch");
}
