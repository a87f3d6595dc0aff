//! Jacobians through their sparsity: functions of more than `2 × LANES` inputs whose
//! outputs each depend on a few of them (bands, stencils, blocks, gathers, a pattern
//! that changes with the point), which `f_jacobian` computes in a few sweeps by
//! colouring the columns, and one whose dense row keeps the dense sweeps.
//!
//! Each function is written twice, the second time with `jacobian = reverse` (reverse
//! sweeps, through the sparsity of the rows: rows that share no input are coloured
//! alike), and has a twin over `num_dual::DualNum`. A map with fewer outputs than inputs
//! (`pools`), whose automatic mode is reverse, is written the second time with
//! `jacobian = forward`. At deterministic pseudo-random points of several sizes, both
//! Jacobians must
//! - agree with each other and with num-dual's columns (one `Dual64` sweep per input)
//!   to 1e-12 in the mixed sense of `check::close`: all three are exact derivatives of
//!   one floating-point program, and the lanes of a sparse sweep carry each entry alone,
//!   so they differ by rounding at most;
//! - be exactly zero wherever num-dual's column is exactly zero (no entry leaks into
//!   another's lane);
//! - agree with central differences (`check::check_jacobian`, 1e-6).
//!
//! Deliberately wrong entries are caught: see `a_wrong_entry_is_caught`.
// Index loops are what the functions under test are made of.
#![allow(clippy::needless_range_loop)]

mod common;

use autodiff_core::check::{self, close};
use autodiff_core::differentiate;
use common::flatten;
use num_dual::{Dual64, DualNum};

const EXACT: f64 = 1e-12;
const FD: f64 = 1e-6;

/// Defines `$name` and `$rows`, the same function, the second with its Jacobian forced
/// to reverse mode (and the first to forward mode, after `forward`; after `columns`, the
/// first in the automatic mode and the second forced to forward mode).
macro_rules! twice {
    ($name:ident, $rows:ident, forward, fn ($($args:tt)*) -> $out:ty $body:block) => {
        #[differentiate(jacobian = forward)]
        fn $name($($args)*) -> $out $body
        #[differentiate(jacobian = reverse)]
        fn $rows($($args)*) -> $out $body
    };
    ($name:ident, $columns:ident, columns, fn ($($args:tt)*) -> $out:ty $body:block) => {
        #[differentiate]
        fn $name($($args)*) -> $out $body
        #[differentiate(jacobian = forward)]
        fn $columns($($args)*) -> $out $body
    };
    ($name:ident, $rows:ident, $(#[$attr:meta])* fn ($($args:tt)*) -> $out:ty $body:block) => {
        #[differentiate($($attr)*)]
        fn $name($($args)*) -> $out $body
        #[differentiate($($attr,)* jacobian = reverse)]
        fn $rows($($args)*) -> $out $body
    };
}

twice!(tridiagonal, tridiagonal_rows, fn (x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut y = vec![0.0; n];
    for i in 0..n {
        let l = if i > 0 { x[i - 1] } else { 0.0 };
        let r = if i + 1 < n { x[i + 1] } else { 0.0 };
        y[i] = (x[i] * x[i] + 0.5 * l * r).sin() + l - r;
    }
    y
});

fn tridiagonal_dual<D: DualNum<Primitive = f64> + Copy>(x: &[D]) -> Vec<D> {
    let n = x.len();
    (0..n)
        .map(|i| {
            let l = if i > 0 { x[i - 1] } else { D::zero() };
            let r = if i + 1 < n { x[i + 1] } else { D::zero() };
            (x[i] * x[i] + l * r * 0.5).sin() + l - r
        })
        .collect()
}

twice!(stencil, stencil_rows, fn (x: &[f64]) -> Vec<f64> {
    let w = [0.25, -1.0, 2.0, -1.0, 0.25];
    let n = x.len();
    let mut y = vec![0.0; n];
    for i in 0..n {
        let mut s = 0.0;
        for k in 0..5 {
            if i + k >= 2 && i + k - 2 < n {
                s += w[k] * x[i + k - 2].sin();
            }
        }
        y[i] = s * x[i];
    }
    y
});

fn stencil_dual<D: DualNum<Primitive = f64> + Copy>(x: &[D]) -> Vec<D> {
    let w = [0.25, -1.0, 2.0, -1.0, 0.25];
    let n = x.len();
    (0..n)
        .map(|i| {
            let mut s = D::zero();
            for k in 0..5 {
                if i + k >= 2 && i + k - 2 < n {
                    s += x[i + k - 2].sin() * w[k];
                }
            }
            s * x[i]
        })
        .collect()
}

// The pattern depends on the point: output i couples to input i + 7 only where x_i > 0.
twice!(switching, switching_rows, fn (x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut y = vec![0.0; n];
    for i in 0..n {
        if x[i] > 0.0 {
            y[i] = x[i] * x[(i + 7) % n];
        } else {
            y[i] = x[i].cos();
        }
    }
    y
});

fn switching_dual<D: DualNum<Primitive = f64> + Copy>(x: &[D]) -> Vec<D> {
    let n = x.len();
    (0..n).map(|i| if x[i].re() > 0.0 { x[i] * x[(i + 7) % n] } else { x[i].cos() }).collect()
}

// A generalized Jacobian: 12 blocks of 4, each output coupled within its block.
twice!(blocks, blocks_rows, fn (x: [[f64; 4]; 12]) -> [[f64; 4]; 12] {
    let mut y = [[0.0; 4]; 12];
    for b in 0..12 {
        for k in 0..4 {
            y[b][k] = x[b][k] * x[b][(k + 1) % 4] + 0.1 * x[b][3].exp();
        }
    }
    y
});

fn blocks_dual<D: DualNum<Primitive = f64> + Copy>(x: &[D]) -> Vec<D> {
    (0..48)
        .map(|i| {
            let (b, k) = (i / 4, i % 4);
            x[4 * b + k] * x[4 * b + (k + 1) % 4] + x[4 * b + 3].exp() * 0.1
        })
        .collect()
}

// Two active parameters: one sparse block each. With more inputs than outputs the
// Jacobian would be taken by rows; forward mode is forced to go through the sparsity.
twice!(two, two_rows, forward, fn (a: &[f64], b: &[f64]) -> Vec<f64> {
    let n = a.len();
    let mut y = vec![0.0; n];
    for i in 0..n {
        let next = if i + 1 < n { a[i + 1].tanh() } else { 0.0 };
        let prev = if i > 0 { b[i - 1] } else { 0.0 };
        y[i] = a[i] * b[i] + next - prev * prev;
    }
    y
});

fn two_dual<D: DualNum<Primitive = f64> + Copy>(p: &[D]) -> Vec<D> {
    let n = p.len() / 2;
    let (a, b) = p.split_at(n);
    (0..n)
        .map(|i| {
            let next = if i + 1 < n { a[i + 1].tanh() } else { D::zero() };
            let prev = if i > 0 { b[i - 1] } else { D::zero() };
            a[i] * b[i] + next - prev * prev
        })
        .collect()
}

// `Vec<[f64; 2]>` output: a row per float, row-major.
twice!(pairs, pairs_rows, fn (x: &[f64]) -> Vec<[f64; 2]> {
    let n = x.len();
    let mut y = Vec::new();
    for i in 0..n - 1 {
        y.push([x[i] * x[i + 1], x[i] - x[i + 1] * x[i + 1]]);
    }
    y
});

fn pairs_dual<D: DualNum<Primitive = f64> + Copy>(x: &[D]) -> Vec<D> {
    (0..x.len() - 1).flat_map(|i| [x[i] * x[i + 1], x[i] - x[i + 1] * x[i + 1]]).collect()
}

// Computed indices: a constant permutation gathers the partner of each input.
twice!(gather, gather_rows, #[wrt(x)] fn (x: &[f64], p: &[usize]) -> Vec<f64> {
    let n = x.len();
    let mut y = vec![0.0; n];
    for i in 0..n {
        y[i] = x[p[i]] * x[i].sin();
    }
    y
});

fn gather_dual<D: DualNum<Primitive = f64> + Copy>(x: &[D], p: &[usize]) -> Vec<D> {
    (0..x.len()).map(|i| x[p[i]] * x[i].sin()).collect()
}

// An arrow: the first row is dense, so colouring cannot save a sweep (the dense route).
twice!(arrow, arrow_rows, fn (x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut y = vec![0.0; n];
    let mut s = 0.0;
    for i in 0..n {
        s += x[i] * x[i];
    }
    y[0] = s;
    for i in 1..n {
        y[i] = x[0] * x[i];
    }
    y
});

fn arrow_dual<D: DualNum<Primitive = f64> + Copy>(x: &[D]) -> Vec<D> {
    let mut y: Vec<D> = (0..x.len()).map(|i| x[0] * x[i]).collect();
    y[0] = x.iter().fold(D::zero(), |s, &v| s + v * v);
    y
}

// A map of `4 m + 4` inputs to `m` outputs, each output pooling four inputs and scaled
// by the next one, which it shares with the output after it: two colours of rows.
twice!(pools, pools_columns, columns, fn (x: &[f64]) -> Vec<f64> {
    let m = (x.len() - 4) / 4;
    let mut y = vec![0.0; m];
    for i in 0..m {
        let mut s = 0.0;
        for k in 0..4 {
            s += x[4 * i + k] * x[4 * i + k];
        }
        y[i] = s * x[4 * i + 4].tanh();
    }
    y
});

fn pools_dual<D: DualNum<Primitive = f64> + Copy>(x: &[D]) -> Vec<D> {
    let m = (x.len() - 4) / 4;
    (0..m)
        .map(|i| {
            (0..4).fold(D::zero(), |s, k| s + x[4 * i + k] * x[4 * i + k]) * x[4 * i + 4].tanh()
        })
        .collect()
}

/// Deterministic points in [-1.5, 1.5], away from zero by at least 0.1 (so that
/// `switching`'s branches, and central differences across them, are stable).
fn points(n: usize, seed: u64) -> Vec<f64> {
    let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let u = (s >> 11) as f64 / (1u64 << 53) as f64;
            let v = 0.1 + 1.4 * u;
            if s & 1 == 0 {
                v
            } else {
                -v
            }
        })
        .collect()
}

/// The columns of num-dual's Jacobian of `twin` at `x`, as rows.
fn dual_rows(twin: &dyn Fn(&[Dual64]) -> Vec<Dual64>, x: &[f64]) -> Vec<Vec<f64>> {
    let mut rows: Vec<Vec<f64>> = Vec::new();
    for j in 0..x.len() {
        let p: Vec<Dual64> =
            x.iter().enumerate().map(|(k, &v)| Dual64::new(v, f64::from(k == j))).collect();
        let out = twin(&p);
        if j == 0 {
            rows = vec![Vec::with_capacity(x.len()); out.len()];
        }
        for (row, o) in rows.iter_mut().zip(&out) {
            row.push(o.eps);
        }
    }
    rows
}

/// The checks of the module docs for one function at one point; `got` and `reverse` are
/// its Jacobian by `f_jacobian` and by reverse sweeps, rows of the flattened output.
fn verify(
    name: &str,
    x: &[f64],
    got: &[Vec<f64>],
    reverse: &[Vec<f64>],
    primal: impl FnMut(&[f64]) -> Vec<f64>,
    twin: &dyn Fn(&[Dual64]) -> Vec<Dual64>,
) {
    let want = dual_rows(twin, x);
    assert_eq!(got.len(), want.len(), "{name}: rows");
    let mut zeros = 0;
    for (i, (g, (w, r))) in got.iter().zip(want.iter().zip(reverse)).enumerate() {
        assert_eq!(g.len(), x.len(), "{name}: row {i} length");
        for j in 0..x.len() {
            assert!(
                close(g[j], w[j], EXACT),
                "{name}: J[{i}][{j}] = {} vs num-dual {}",
                g[j],
                w[j]
            );
            assert!(
                close(g[j], r[j], EXACT),
                "{name}: J[{i}][{j}] = {} vs other mode {}",
                g[j],
                r[j]
            );
            if w[j] == 0.0 {
                assert_eq!(g[j], 0.0, "{name}: J[{i}][{j}] should be zero");
                assert_eq!(r[j], 0.0, "{name}: J[{i}][{j}] should be zero in the other mode");
                zeros += 1;
            }
        }
    }
    // The functions are sparse (but for the arrow): most entries are zero.
    if name != "arrow" {
        assert!(zeros * 2 > got.len() * x.len(), "{name}: only {zeros} zeros");
    }
    check::check_jacobian(primal, x, got, FD).unwrap_or_else(|e| panic!("{name}: {e}"));
}

fn rows_of(flat: Vec<f64>, n: usize) -> Vec<Vec<f64>> {
    flat.chunks(n).map(<[f64]>::to_vec).collect()
}

#[test]
fn slices_of_several_sizes() {
    for (k, n) in [33, 40, 80, 200].into_iter().enumerate() {
        for seed in 0..3 {
            let x = points(n, 100 * k as u64 + seed);
            let (y, j) = tridiagonal_jacobian(&x);
            assert_eq!(y, tridiagonal(&x));
            verify("tridiagonal", &x, &j, &tridiagonal_rows_jacobian(&x).1, tridiagonal, &|p| {
                tridiagonal_dual(p)
            });
            let (y, j) = stencil_jacobian(&x);
            assert_eq!(y, stencil(&x));
            verify("stencil", &x, &j, &stencil_rows_jacobian(&x).1, stencil, &|p| stencil_dual(p));
            let (y, j) = switching_jacobian(&x);
            assert_eq!(y, switching(&x));
            verify("switching", &x, &j, &switching_rows_jacobian(&x).1, switching, &|p| {
                switching_dual(p)
            });
            let (y, j) = arrow_jacobian(&x);
            assert_eq!(y, arrow(&x));
            verify("arrow", &x, &j, &arrow_rows_jacobian(&x).1, arrow, &|p| arrow_dual(p));
            // A permutation: reversed halves, shifted.
            let perm: Vec<usize> = (0..n).map(|i| (n - 1 - i + 3) % n).collect();
            let (y, j) = gather_jacobian(&x, &perm);
            assert_eq!(y, gather(&x, &perm));
            verify(
                "gather",
                &x,
                &j,
                &gather_rows_jacobian(&x, &perm).1,
                |p| gather(p, &perm),
                &|p| gather_dual(p, &perm),
            );
            let (y, j): (Vec<[f64; 2]>, Vec<[Vec<f64>; 2]>) = pairs_jacobian(&x);
            assert_eq!(y, pairs(&x));
            let flat = |j: Vec<[Vec<f64>; 2]>| j.into_iter().flatten().collect::<Vec<_>>();
            verify(
                "pairs",
                &x,
                &flat(j),
                &flat(pairs_rows_jacobian(&x).1),
                |p| flatten(&pairs(p)),
                &|p| pairs_dual(p),
            );
        }
    }
}

#[test]
fn fewer_outputs_than_inputs_through_the_sparsity_of_the_rows() {
    for (m, seed) in [(9, 1), (40, 2), (100, 3)] {
        let x = points(4 * m + 4, seed);
        let (y, j) = pools_jacobian(&x);
        assert_eq!(y, pools(&x));
        assert_eq!(j.len(), m);
        verify("pools", &x, &j, &pools_columns_jacobian(&x).1, pools, &|p| pools_dual(p));
    }
}

#[test]
fn a_pattern_that_changes_with_the_point_is_found_at_each() {
    // Where x_i > 0, output i depends on x_{i+7}; elsewhere not: flip the signs.
    let x = points(64, 7);
    let flipped: Vec<f64> = x.iter().map(|v| -v).collect();
    for p in [&x, &flipped] {
        let (_, j) = switching_jacobian(p);
        for i in 0..64 {
            let coupled = j[i][(i + 7) % 64] != 0.0;
            assert_eq!(coupled, p[i] > 0.0, "row {i}");
        }
    }
}

#[test]
fn nested_arrays_in_blocks() {
    for seed in 0..4 {
        let p = points(48, 500 + seed);
        let x: [[f64; 4]; 12] = core::array::from_fn(|b| core::array::from_fn(|k| p[4 * b + k]));
        type Blocks = [[f64; 4]; 12];
        let (y, j): (Blocks, [[Blocks; 4]; 12]) = blocks_jacobian(x);
        assert_eq!(y, blocks(x));
        let unflat = |p: &[f64]| -> [[f64; 4]; 12] {
            core::array::from_fn(|b| core::array::from_fn(|k| p[4 * b + k]))
        };
        verify(
            "blocks",
            &p,
            &rows_of(flatten(&j), 48),
            &rows_of(flatten(&blocks_rows_jacobian(x).1), 48),
            |q| flatten(&blocks(unflat(q))),
            &|q| blocks_dual(q),
        );
    }
}

#[test]
fn two_parameters_two_sparse_blocks() {
    for n in [40, 100] {
        let p = points(2 * n, 900 + n as u64);
        let (a, b) = p.split_at(n);
        let (y, (ja, jb)) = two_jacobian(a, b);
        assert_eq!(y, two(a, b));
        let (_, (ra, rb)) = two_rows_jacobian(a, b);
        let join = |l: Vec<Vec<f64>>, r: Vec<Vec<f64>>| -> Vec<Vec<f64>> {
            l.into_iter().zip(r).map(|(l, r)| [l, r].concat()).collect()
        };
        verify("two", &p, &join(ja, jb), &join(ra, rb), |q| two(&q[..n], &q[n..]), &|q| {
            two_dual(q)
        });
    }
}

#[test]
fn a_wrong_entry_is_caught() {
    let x = points(80, 3);
    let (_, mut j) = tridiagonal_jacobian(&x);
    let reverse = tridiagonal_rows_jacobian(&x).1;
    j[40][41] *= 1.000_001;
    let caught = std::panic::catch_unwind(|| {
        verify("tridiagonal", &x, &j, &reverse, tridiagonal, &|p| tridiagonal_dual(p));
    });
    assert!(caught.is_err());
    // An entry outside the band.
    let (_, mut j) = tridiagonal_jacobian(&x);
    j[10][50] = 1e-300;
    let caught = std::panic::catch_unwind(|| {
        verify("tridiagonal", &x, &j, &reverse, tridiagonal, &|p| tridiagonal_dual(p));
    });
    assert!(caught.is_err());
}
