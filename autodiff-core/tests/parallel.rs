//! With the `rayon` feature, `f_jacobian` computes its rows and columns in parallel; the
//! result must be exactly the sequential one (each row is computed by the same code).
//! Run with `cargo test -p autodiff-core --features rayon`.
#![cfg(feature = "rayon")]

use autodiff_core::{check, differentiate};

#[differentiate(jacobian = reverse)]
fn rows(x: &[f64], s: f64) -> Vec<f64> {
    let mut y = vec![0.0; x.len()];
    for i in 0..x.len() {
        let mut acc = s;
        for j in 0..x.len() {
            acc += (x[i] * x[j] + s).sin() / (1.0 + j as f64);
        }
        y[i] = acc.tanh();
    }
    y
}

#[differentiate(jacobian = forward)]
fn columns(x: &[f64], s: f64) -> Vec<f64> {
    let mut y = vec![0.0; x.len()];
    for i in 0..x.len() {
        let mut acc = s;
        for j in 0..x.len() {
            acc += (x[i] * x[j] + s).sin() / (1.0 + j as f64);
        }
        y[i] = acc.tanh();
    }
    y
}

#[test]
fn parallel_rows_and_columns_agree_with_each_other_and_finite_differences() {
    let x: Vec<f64> = (0..40).map(|i| (i as f64 * 0.37).sin()).collect();
    let s = 0.3;
    let (y, (jr, sr)) = rows_jacobian(&x, s);
    let (yc, (jc, sc)) = columns_jacobian(&x, s);
    assert_eq!(y, yc);
    for i in 0..x.len() {
        assert!((sr[i] - sc[i]).abs() < 1e-13);
        for j in 0..x.len() {
            assert!((jr[i][j] - jc[i][j]).abs() < 1e-13, "J[{i}][{j}]");
        }
    }
    check::check_jacobian(|p| rows(p, s), &x, &jr, 1e-6).unwrap();
}
