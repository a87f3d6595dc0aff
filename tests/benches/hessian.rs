//! Second derivatives at n = 64: the extended Rosenbrock function and a dense
//! quadratic-plus-tanh function, `f(x) = ½ xᵀ A x + Σ tanh(x_i)`. Contenders: the primal,
//! the generated gradient, Hessian-vector product and Hessian, and num-dual's Hessian
//! (`Dual2Vec`, one forward pass carrying the whole gradient and Hessian).
//!
//! Run with `cargo bench -p autodiff-tests --bench hessian`.
#![allow(clippy::needless_range_loop)] // the benchmarked functions index on purpose

use autodiff_core::differentiate;
use criterion::Criterion;
use num_dual::{hessian, DualNum};
use std::hint::black_box;

type DVector<T> = nalgebra::DVector<T>;

const N: usize = 64;

#[differentiate(order = 2)]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

#[differentiate(order = 2, wrt(x))]
fn quad_tanh(a: &[f64], x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 0..n {
        let mut ax = 0.0;
        for j in 0..n {
            ax += a[i * n + j] * x[j];
        }
        s += 0.5 * x[i] * ax + x[i].tanh();
    }
    s
}

// num-dual's dynamically sized numbers are not `Copy`: the twins clone.
fn rosenbrock_dual<D: DualNum<Primitive = f64>>(x: &DVector<D>) -> D {
    let mut s = D::zero();
    for i in 0..x.len() - 1 {
        let a = x[i + 1].clone() - x[i].clone() * x[i].clone();
        let b = D::one() - x[i].clone();
        s += a.clone() * a * D::from(100.0) + b.clone() * b;
    }
    s
}

fn quad_tanh_dual<D: DualNum<Primitive = f64>>(a: &[f64], x: &DVector<D>) -> D {
    let n = x.len();
    let mut s = D::zero();
    for i in 0..n {
        let mut ax = D::zero();
        for j in 0..n {
            ax += x[j].clone() * D::from(a[i * n + j]);
        }
        s += x[i].clone() * ax * D::from(0.5) + x[i].tanh();
    }
    s
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("hessian");
    group.sample_size(20);
    let x: Vec<f64> = (0..N).map(|i| ((i % 11) as f64 - 5.0) / 5.0).collect();
    let v: Vec<f64> = (0..N).map(|i| ((i * 7 % 5) as f64 - 2.0) / 3.0).collect();
    let a: Vec<f64> = (0..N * N)
        .map(|k| {
            let (i, j) = (k / N, k % N);
            // Symmetric, so that the quadratic's Hessian is A itself.
            (((i * 31 + j * 31) % 97) as f64 / 97.0 - 0.5) / 8.0
        })
        .collect();
    let xd = DVector::from_vec(x.clone());

    group.bench_function("rosenbrock/primal", |b| b.iter(|| rosenbrock(black_box(&x))));
    group.bench_function("rosenbrock/gradient", |b| b.iter(|| rosenbrock_grad(black_box(&x))));
    group.bench_function("rosenbrock/hvp", |b| b.iter(|| rosenbrock_hvp(black_box(&x), &v)));
    group.bench_function("rosenbrock/hessian", |b| b.iter(|| rosenbrock_hessian(black_box(&x))));
    group.bench_function("rosenbrock/num-dual hessian", |b| {
        b.iter(|| hessian(|x| rosenbrock_dual(&x), black_box(&xd)))
    });

    group.bench_function("quad_tanh/primal", |b| b.iter(|| quad_tanh(&a, black_box(&x))));
    group.bench_function("quad_tanh/gradient", |b| b.iter(|| quad_tanh_grad(&a, black_box(&x))));
    group.bench_function("quad_tanh/hvp", |b| b.iter(|| quad_tanh_hvp(&a, black_box(&x), &v)));
    group.bench_function("quad_tanh/hessian", |b| b.iter(|| quad_tanh_hessian(&a, black_box(&x))));
    group.bench_function("quad_tanh/num-dual hessian", |b| {
        b.iter(|| hessian(|x| quad_tanh_dual(&a, &x), black_box(&xd)))
    });
    group.finish();
}

/// The benchmarked Hessians agree with num-dual's before anything is timed.
fn check() {
    let x: Vec<f64> = (0..N).map(|i| ((i % 11) as f64 - 5.0) / 5.0).collect();
    let (_, _, h) = rosenbrock_hessian(&x);
    let (_, _, hd) = hessian(|x| rosenbrock_dual(&x), &DVector::from_vec(x.clone()));
    for i in 0..N {
        for j in 0..N {
            assert!((h[i][j] - hd[(i, j)]).abs() <= 1e-9 * hd[(i, j)].abs().max(1.0));
        }
    }
}

fn main() {
    check();
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
