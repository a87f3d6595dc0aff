//! With the `rayon` feature, `f_jacobian` computes its rows and columns in parallel; the
//! result must be exactly the sequential one (each row is computed by the same code).
//! Run with `cargo test -p autodiff-core --features rayon`.
#![cfg(feature = "rayon")]
#![allow(clippy::needless_range_loop)] // matrices are compared entry by entry

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

#[differentiate(order = 2)]
fn energy<T: num_traits::Float>(x: &[T], s: T) -> T {
    let mut e = s * s;
    for i in 0..x.len() {
        for j in 0..x.len() {
            e = e + (x[i] * x[j] + s).sin() * x[i];
        }
    }
    e
}

#[test]
fn the_parallel_hessian_is_the_sequential_product_column_by_column() {
    // Each column of `f_hessian` is one `f_hvp` along a unit direction, computed in
    // parallel; it must equal that product exactly, and be symmetric up to rounding.
    let x: Vec<f64> = (0..12).map(|i| (i as f64 * 0.41).cos()).collect();
    let s = 0.7;
    let (y, (g, gs), h) = energy_hessian(&x, s);
    assert_eq!(y, energy(&x, s));
    assert_eq!((y, (g.clone(), gs)), energy_grad(&x, s));
    let n = x.len() + 1;
    assert_eq!(h.len(), n);
    for j in 0..n {
        let mut v = vec![0.0; x.len()];
        let mut vs = 0.0;
        if j < x.len() {
            v[j] = 1.0;
        } else {
            vs = 1.0;
        }
        let (_, _, (hx, hs)) = energy_hvp(&x, s, &v, vs);
        for i in 0..x.len() {
            assert_eq!(h[i][j], hx[i], "H[{i}][{j}]");
        }
        assert_eq!(h[x.len()][j], hs);
        for i in 0..n {
            assert!((h[i][j] - h[j][i]).abs() < 1e-12, "symmetry at ({i}, {j})");
        }
    }
    // The generic function at f32 too.
    let x32: Vec<f32> = x.iter().map(|v| *v as f32).collect();
    let (_, _, h32) = energy_hessian(&x32, 0.7f32);
    assert!((f64::from(h32[0][1]) - h[0][1]).abs() < 1e-3);
}
