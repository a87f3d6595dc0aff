//! Jacobians at n = 1024 (and 256): y = tanh(W x + b), W dense, and a banded map; the
//! generated Jacobian against the primal and central finite differences.
//!
//! Run with `cargo bench -p autodiff-tests --bench jacobian`.
//!
//! Every contender returns the whole Jacobian, 8 MB at n = 1024, which the harness drops
//! after each call. With glibc's default settings the freed rows go back to the system
//! and the next call writes to fresh pages: a page fault per 4 KiB, about 10 ms per call
//! on the machine of the README's tables, the same for every contender. With
//! `WARM_HEAP=1` (any non-empty value) a 16 MB block is allocated and freed first, which
//! makes glibc keep freed memory (its thresholds grow to the largest block freed), so
//! that the timings are those of a program that computes Jacobians repeatedly in warm
//! memory. (Within one run, the dense benchmarks have the same effect on the ones after
//! them.)
#![allow(clippy::needless_range_loop)] // the benchmarked functions index on purpose

use autodiff_core::{check, differentiate};
use criterion::{BenchmarkId, Criterion};
use std::hint::black_box;

#[differentiate(wrt(x))]
fn dense_layer(w: &[Vec<f64>], b: &[f64], x: &[f64]) -> Vec<f64> {
    let mut y = vec![0.0; b.len()];
    for i in 0..b.len() {
        let mut s = b[i];
        for j in 0..x.len() {
            s += w[i][j] * x[j];
        }
        y[i] = s.tanh();
    }
    y
}

/// The same layer, its Jacobian forced to reverse mode (one sweep per output row).
#[differentiate(wrt(x), jacobian = reverse)]
fn dense_layer_rows(w: &[Vec<f64>], b: &[f64], x: &[f64]) -> Vec<f64> {
    let mut y = vec![0.0; b.len()];
    for i in 0..b.len() {
        let mut s = b[i];
        for j in 0..x.len() {
            s += w[i][j] * x[j];
        }
        y[i] = s.tanh();
    }
    y
}

/// The banded map, its Jacobian forced to reverse mode.
#[differentiate(jacobian = reverse)]
fn banded_rows(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut y = vec![0.0; n];
    for i in 0..n {
        let l = if i > 0 { x[i - 1] } else { 0.0 };
        let r = if i + 1 < n { x[i + 1] } else { 0.0 };
        y[i] = (x[i] * x[i] + 0.5 * l * r).sin() + l - r;
    }
    y
}

/// Each output couples three neighbouring inputs.
#[differentiate]
fn banded(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut y = vec![0.0; n];
    for i in 0..n {
        let l = if i > 0 { x[i - 1] } else { 0.0 };
        let r = if i + 1 < n { x[i + 1] } else { 0.0 };
        y[i] = (x[i] * x[i] + 0.5 * l * r).sin() + l - r;
    }
    y
}

fn inputs(n: usize) -> (Vec<Vec<f64>>, Vec<f64>, Vec<f64>) {
    let w = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| (((i * 31 + j * 17) % 97) as f64 / 97.0 - 0.5) / (n as f64).sqrt())
                .collect()
        })
        .collect();
    let b = (0..n).map(|i| 0.01 * (i % 7) as f64).collect();
    let x = (0..n).map(|j| ((j % 13) as f64 - 6.0) / 6.0).collect();
    (w, b, x)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("jacobian");
    group.sample_size(10);
    for n in [256, 1024] {
        let (w, b, x) = inputs(n);
        group.bench_with_input(BenchmarkId::new("dense/primal", n), &n, |bn, _| {
            bn.iter(|| dense_layer(black_box(&w), &b, black_box(&x)))
        });
        group.bench_with_input(BenchmarkId::new("dense/generated", n), &n, |bn, _| {
            bn.iter(|| dense_layer_jacobian(black_box(&w), &b, black_box(&x)))
        });
        group.bench_with_input(BenchmarkId::new("dense/reverse_rows", n), &n, |bn, _| {
            bn.iter(|| dense_layer_rows_jacobian(black_box(&w), &b, black_box(&x)))
        });
        group.bench_with_input(BenchmarkId::new("dense/central_differences", n), &n, |bn, _| {
            bn.iter(|| {
                check::jacobian(|p| dense_layer(&w, &b, p), black_box(&x), check::DEFAULT_STEP)
            })
        });
        group.bench_with_input(BenchmarkId::new("banded/primal", n), &n, |bn, _| {
            bn.iter(|| banded(black_box(&x)))
        });
        group.bench_with_input(BenchmarkId::new("banded/generated", n), &n, |bn, _| {
            bn.iter(|| banded_jacobian(black_box(&x)))
        });
        group.bench_with_input(BenchmarkId::new("banded/reverse_rows", n), &n, |bn, _| {
            bn.iter(|| banded_rows_jacobian(black_box(&x)))
        });
        group.bench_with_input(BenchmarkId::new("banded/central_differences", n), &n, |bn, _| {
            bn.iter(|| check::jacobian(banded, black_box(&x), check::DEFAULT_STEP))
        });
    }
    group.finish();
}

fn main() {
    if std::env::var_os("WARM_HEAP").is_some_and(|v| !v.is_empty()) {
        drop(black_box(vec![1u8; 16 << 20]));
    }
    // The generated Jacobian is checked before it is timed.
    let (w, b, x) = inputs(64);
    let (_, j) = dense_layer_jacobian(&w, &b, &x);
    check::check_jacobian(|p| dense_layer(&w, &b, p), &x, &j, 1e-6).expect("dense Jacobian");
    let (_, j) = banded_jacobian(&x);
    check::check_jacobian(banded, &x, &j, 1e-6).expect("banded Jacobian");
    assert_eq!(dense_layer_rows_jacobian(&w, &b, &x).1.len(), 64);
    check::check_jacobian(banded, &x, &banded_rows_jacobian(&x).1, 1e-6).expect("banded rows");
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
