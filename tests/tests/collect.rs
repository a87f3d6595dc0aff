//! Iterator chains ending in `collect()` into a `Vec`: the items are pushed onto a new
//! one, read later by index or by further chains, or returned.
// Index loops are what these tests exercise.
#![allow(clippy::let_and_return, clippy::needless_range_loop)]

mod common;

use autodiff_core::differentiate;
use common::{assert_all_close, assert_close, assert_fd, EXACT, FD};

/// A typed local (`let v: Vec<f64> = ..collect();`) read by index afterwards:
/// `s = sum_i (i + 1) x_i^2`.
#[differentiate(order = 2)]
fn weighted_squares(x: &[f64]) -> f64 {
    let sq: Vec<f64> = x.iter().map(|&v| v * v).collect();
    let mut s = 0.0;
    for i in 0..sq.len() {
        s += sq[i] * (i as f64 + 1.0);
    }
    s
}

/// The usual softmax, with turbofish, a max through `fold(f64::NEG_INFINITY, f64::max)`,
/// and a `collect()` as the output.
#[differentiate]
fn softmax(x: &[f64]) -> Vec<f64> {
    let m = x.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let e = x.iter().map(|v| (v - m).exp()).collect::<Vec<_>>();
    let z: f64 = e.iter().sum();
    e.iter().map(|v| v / z).collect()
}

#[test]
fn a_collected_vec_read_later() {
    let x = [0.5, -1.5, 2.0];
    let (v, g) = weighted_squares_grad(&x);
    assert_eq!(v, weighted_squares(&x));
    let want: Vec<f64> = x.iter().enumerate().map(|(i, v)| 2.0 * v * (i as f64 + 1.0)).collect();
    assert_all_close(&g, &want, EXACT, "d/dx_i = 2 (i + 1) x_i");
    assert_fd(weighted_squares, &x, &g, FD, "central differences");
    let (_, t) = weighted_squares_jvp(&x, &[1.0, 0.0, 0.0]);
    assert_close(t, want[0], EXACT, "jvp");
    let (_, _, hv) = weighted_squares_hvp(&x, &[0.0, 1.0, 0.0]);
    assert_all_close(&hv, &[0.0, 4.0, 0.0], EXACT, "H e_1");
}

#[test]
fn softmax_through_collect() {
    let x = [1.0, 2.0, -0.5];
    let (p, j) = softmax_jacobian(&x);
    assert_eq!(p, softmax(&x));
    // d p_i / d x_k = p_i (delta_ik - p_k).
    for i in 0..3 {
        for k in 0..3 {
            let want = p[i] * (f64::from(u8::from(i == k)) - p[k]);
            assert_close(j[i][k], want, EXACT, "softmax Jacobian");
        }
    }
    let (_, t) = softmax_jvp(&x, &[0.0, 1.0, 0.0]);
    assert_all_close(&t, &[j[0][1], j[1][1], j[2][1]], EXACT, "jvp");
    let (_, b) = softmax_vjp(&x, &[1.0, 0.0, 0.0]);
    assert_all_close(&b, &j[0], EXACT, "vjp");
    assert_fd(|q| softmax(q)[0], &x, &j[0], FD, "central differences");
}
