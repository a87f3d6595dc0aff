//! Loops at n = 1024: the generated gradient against the primal and a hand-written
//! gradient, measured side by side; and the bytes each gradient saves on its tape.
//!
//! Run with `cargo bench -p autodiff-tests --bench loops`.
#![allow(unsafe_code)] // the counting allocator below
#![allow(clippy::needless_range_loop)] // the benchmarked functions index on purpose

use autodiff_core::differentiate;
use criterion::{BenchmarkId, Criterion};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

const N: usize = 1024;

#[differentiate]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

fn rosenbrock_hand(x: &[f64]) -> (f64, Vec<f64>) {
    let mut s = 0.0;
    let mut g = vec![0.0; x.len()];
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
        g[i] += -400.0 * a * x[i] - 2.0 * b;
        g[i + 1] += 200.0 * a;
    }
    (s, g)
}

#[differentiate]
fn log_sum_exp(x: &[f64]) -> f64 {
    let mut m = f64::NEG_INFINITY;
    for &v in x {
        if v > m {
            m = v;
        }
    }
    let mut s = 0.0;
    for v in x.iter() {
        s += (v - m).exp();
    }
    m + s.ln()
}

fn log_sum_exp_hand(x: &[f64]) -> (f64, Vec<f64>) {
    let m = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut g: Vec<f64> = x.iter().map(|v| (v - m).exp()).collect();
    let s: f64 = g.iter().sum();
    for gi in &mut g {
        *gi /= s;
    }
    (m + s.ln(), g)
}

#[differentiate]
fn running_product(x: &[f64]) -> f64 {
    let mut p = 1.0;
    for i in 0..x.len() {
        p *= x[i];
    }
    p
}

/// Prefix and suffix products: exact with zero entries, no division.
fn running_product_hand(x: &[f64]) -> (f64, Vec<f64>) {
    let n = x.len();
    let mut g = vec![1.0; n];
    let mut prefix = 1.0;
    for i in 0..n {
        g[i] = prefix;
        prefix *= x[i];
    }
    let mut suffix = 1.0;
    for i in (0..n).rev() {
        g[i] *= suffix;
        suffix *= x[i];
    }
    (prefix, g)
}

/// Counts the bytes allocated, so that a gradient's tape can be measured.
struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Bytes allocated by one call beyond the returned gradient (`n` floats): the tape.
fn tape_bytes(f: impl Fn() -> Vec<f64>) -> usize {
    let before = ALLOCATED.load(Ordering::Relaxed);
    let g = black_box(f());
    let after = ALLOCATED.load(Ordering::Relaxed);
    after - before - g.len() * std::mem::size_of::<f64>()
}

fn input() -> Vec<f64> {
    (0..N).map(|i| 0.5 + 0.4 * ((i as f64) * 0.37).sin()).collect()
}

/// Entries near one, so that the running product neither underflows into subnormal
/// numbers (which would time the processor's slow path, not the code) nor overflows.
fn product_input() -> Vec<f64> {
    (0..N).map(|i| 1.0 + 0.01 * ((i as f64) * 0.37).sin()).collect()
}

/// A benchmarked function: primal or gradient.
type Primal = fn(&[f64]) -> f64;
type Gradient = fn(&[f64]) -> (f64, Vec<f64>);

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("loops");
    group.sample_size(50);
    for name in ["rosenbrock", "log_sum_exp", "running_product"] {
        let x = if name == "running_product" { product_input() } else { input() };
        let (primal, generated, hand): (Primal, Gradient, Gradient) = match name {
            "rosenbrock" => (rosenbrock, rosenbrock_grad, rosenbrock_hand),
            "log_sum_exp" => (log_sum_exp, log_sum_exp_grad, log_sum_exp_hand),
            _ => (running_product, running_product_grad, running_product_hand),
        };
        group.bench_with_input(BenchmarkId::new("primal", name), &x, |b, x| {
            b.iter(|| primal(black_box(x)))
        });
        group.bench_with_input(BenchmarkId::new("generated", name), &x, |b, x| {
            b.iter(|| generated(black_box(x)))
        });
        group.bench_with_input(BenchmarkId::new("hand", name), &x, |b, x| {
            b.iter(|| hand(black_box(x)))
        });
    }
    group.finish();
}

fn main() {
    let x = input();
    println!("tape bytes at n = {N} (allocations beyond the returned gradient):");
    println!("  rosenbrock      {}", tape_bytes(|| rosenbrock_grad(&x).1));
    println!("  log_sum_exp     {}", tape_bytes(|| log_sum_exp_grad(&x).1));
    println!("  running_product {}", tape_bytes(|| running_product_grad(&x).1));
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
