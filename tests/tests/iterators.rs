//! Iterator adaptors over slices, arrays and `Vec`s, in `for` loops and in chains:
//! `skip`, `take`, `step_by`, `rev`, `windows`, `chunks`, `chunks_exact`, sub-slices
//! `&x[a..b]`, `zip` and `enumerate` of any of them, `iter_mut()` over a local, and
//! chains ending in `count()` or `for_each` for the effects of their closures.
//!
//! Each function is checked against a twin written by hand with index loops, run on
//! num-dual's dual numbers (the value and the gradient), against central differences,
//! and where it is short against a hand-derived formula.
#![allow(clippy::needless_range_loop)]

mod common;

use autodiff_core::differentiate;
use common::{assert_all_close, assert_close, assert_fd, c, dual_gradient, EXACT, FD};
use num_dual::{Dual64, DualNum};
use num_traits::Float;
use std::iter::Sum;

const X: [f64; 7] = [0.5, -1.25, 2.0, 0.75, -0.3, 1.1, 0.9];

/// The gradient by the sibling checked against num-dual on the twin and central
/// differences; returns it.
#[track_caller]
fn check_grad(
    grad: impl Fn(&[f64]) -> (f64, Vec<f64>),
    primal: impl Fn(&[f64]) -> f64,
    dual: impl Fn(&[Dual64]) -> Dual64,
    x: &[f64],
    what: &str,
) -> Vec<f64> {
    let (v, g) = grad(x);
    assert_eq!(v, primal(x), "{what}: the value");
    let (dv, dg) = dual_gradient(dual, x);
    assert_close(v, dv, EXACT, what);
    assert_all_close(&g, &dg, EXACT, what);
    assert_fd(primal, x, &g, FD, what);
    g
}

/// Rosenbrock as argmin writes it: `zip` with `skip(1)`.
#[differentiate(order = 2)]
fn rosenbrock<T: Float + Sum>(x: &[T]) -> T {
    let one = T::one();
    let hundred = T::from(100.0).unwrap();
    x.iter()
        .zip(x.iter().skip(1))
        .map(|(&a, &b)| (one - a).powi(2) + hundred * (b - a * a).powi(2))
        .sum()
}

#[test]
fn zip_with_skip() {
    let twin = |x: &[Dual64]| {
        let mut s = c(0.0);
        for i in 0..x.len() - 1 {
            s += (x[i] * -1.0 + 1.0).powi(2) + (x[i + 1] - x[i] * x[i]).powi(2) * 100.0;
        }
        s
    };
    let g = check_grad(rosenbrock_grad, rosenbrock, twin, &X, "zip(skip(1))");
    // Hand-derived: d/dx_i = -2(1 - x_i) - 400 x_i (x_{i+1} - x_i^2) + 200 (x_i - x_{i-1}^2).
    let n = X.len();
    for i in 0..n {
        let mut want = 0.0;
        if i + 1 < n {
            want += -2.0 * (1.0 - X[i]) - 400.0 * X[i] * (X[i + 1] - X[i] * X[i]);
        }
        if i > 0 {
            want += 200.0 * (X[i] - X[i - 1] * X[i - 1]);
        }
        assert_close(g[i], want, 1e-10, "the hand-derived Rosenbrock gradient");
    }
    let (_, _, hv) = rosenbrock_hvp(&X, &[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
    assert_close(hv[0], 2.0 - 400.0 * (X[1] - 3.0 * X[0] * X[0]), 1e-10, "H e_0");
    assert_close(hv[1], -400.0 * X[0], 1e-10, "H e_0, second entry");
}

/// Horner's rule as statrs writes it: `iter().rev().fold(..)`; active coefficients too.
#[differentiate]
fn horner<T: Float>(z: T, coeff: &[T]) -> T {
    coeff.iter().rev().fold(T::zero(), |acc, &c| acc * z + c)
}

#[test]
fn rev_in_a_fold() {
    let c = [1.5, -2.0, 0.5, 3.0];
    let z = 0.7;
    let (v, (dz, dc)) = horner_grad(z, &c);
    assert_eq!(v, horner(z, &c));
    let want = c[0] + c[1] * z + c[2] * z * z + c[3] * z * z * z;
    assert_close(v, want, EXACT, "the value");
    assert_close(dz, c[1] + 2.0 * c[2] * z + 3.0 * c[3] * z * z, EXACT, "d/dz");
    assert_all_close(&dc, &[1.0, z, z * z, z * z * z], EXACT, "d/dc_k = z^k");
    let zd = Dual64::new(z, 1.0);
    let dual = (0..4).map(|k| zd.powi(k as i32) * c[k]).fold(Dual64::from(0.0), |a, b| a + b).eps;
    assert_close(dz, dual, EXACT, "num-dual");
    let (_, t) = horner_jvp(z, &c, 0.0, &[0.0, 0.0, 1.0, 0.0]);
    assert_close(t, z * z, EXACT, "jvp along c_2");
}

/// `step_by`, `take`, `rev` after `zip`, `enumerate` after `skip` (the original
/// positions) and before it (counted from zero).
#[differentiate]
fn adaptors<T: Float>(x: &[T]) -> T {
    let mut s = T::zero();
    for v in x.iter().step_by(3) {
        s = s + *v * *v;
    }
    for (a, b) in x.iter().zip(x.iter().skip(2)).rev().take(3) {
        s = s + *a * *b * T::from(0.5).unwrap();
    }
    for (i, v) in x.iter().enumerate().skip(4) {
        s = s + T::from(i).unwrap() * v.sin();
    }
    for (i, v) in x.iter().skip(5).enumerate() {
        s = s + T::from(i + 10).unwrap() * v.cos();
    }
    s
}

fn adaptors_by_hand(x: &[Dual64]) -> Dual64 {
    let n = x.len();
    let mut s = Dual64::from(0.0);
    let mut i = 0;
    while i < n {
        s += x[i] * x[i];
        i += 3;
    }
    // Pairs (x_k, x_{k+2}) for k = n-3, n-4, n-5.
    for k in (n.saturating_sub(5)..n.saturating_sub(2)).rev() {
        s += x[k] * x[k + 2] * 0.5;
    }
    for i in 4..n {
        s += x[i].sin() * i as f64;
    }
    for i in 5..n {
        s += x[i].cos() * (i - 5 + 10) as f64;
    }
    s
}

#[test]
fn step_by_take_rev_and_enumerate() {
    let what = "step_by, zip(skip).rev().take, enumerate";
    check_grad(adaptors_grad, adaptors, adaptors_by_hand, &X, what);
    // Shorter than the adaptors reach: `take` and `skip` past the end.
    let short = [0.4, -0.8, 1.2];
    check_grad(adaptors_grad, adaptors, adaptors_by_hand, &short, "on three elements");
}

/// Sub-slices: `&x[1..]`, `x[..n]`, `&x[a..=b]`, bound to a local and iterated, indexed
/// and measured.
#[differentiate]
fn subslices<T: Float + Sum>(x: &[T], n: usize) -> T {
    let tail = &x[1..];
    let head: T = x[..n].iter().map(|&v| v * v).sum();
    let mut s = head;
    for (a, b) in tail.iter().zip(&x[..tail.len()]) {
        s = s + *a * *b;
    }
    let mid = &x[2..=4];
    s + mid[0] * mid[2] + tail[tail.len() - 1].exp() + T::from(mid.len()).unwrap()
}

#[test]
fn sub_slices() {
    let f = |x: &[f64]| subslices(x, 3);
    let twin = |x: &[Dual64]| {
        let n = x.len();
        let mut s = x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
        for i in 0..n - 1 {
            s += x[i + 1] * x[i];
        }
        s + x[2] * x[4] + x[n - 1].exp() + 3.0
    };
    let g = check_grad(|x| subslices_grad(x, 3), f, twin, &X, "sub-slices");
    // d/dx_0 = 2 x_0 + x_1 (head, and the pair (x_1, x_0)).
    assert_close(g[0], 2.0 * X[0] + X[1], EXACT, "d/dx_0");
}

#[test]
#[should_panic(expected = "out of bounds")]
fn a_sub_slice_out_of_range_panics_as_in_rust() {
    let _ = subslices_grad(&X, 9);
}

/// `windows(2)` (finite differences of a signal), `chunks(3)` with a shorter last chunk,
/// `chunks_exact(2)`.
#[differentiate]
fn windows_and_chunks<T: Float + Sum>(x: &[T]) -> T {
    let tv: T = x.windows(2).map(|w| (w[1] - w[0]).powi(2)).sum();
    let mut s = tv;
    for c in x.chunks(3) {
        let m: T = c.iter().copied().sum::<T>() / T::from(c.len()).unwrap();
        s = s + m * m;
    }
    for pair in x.chunks_exact(2) {
        s = s + pair[0] * pair[1];
    }
    s
}

fn windows_and_chunks_by_hand(x: &[Dual64]) -> Dual64 {
    let n = x.len();
    let mut s = Dual64::from(0.0);
    for i in 0..n - 1 {
        s += (x[i + 1] - x[i]).powi(2);
    }
    let mut k = 0;
    while k < n {
        let end = (k + 3).min(n);
        let mut m = Dual64::from(0.0);
        for v in &x[k..end] {
            m += *v;
        }
        let m = m / (end - k) as f64;
        s += m * m;
        k += 3;
    }
    for k in 0..n / 2 {
        s += x[2 * k] * x[2 * k + 1];
    }
    s
}

#[test]
fn windows_chunks_and_exact_chunks() {
    let f = windows_and_chunks::<f64>;
    let twin = windows_and_chunks_by_hand;
    check_grad(windows_and_chunks_grad, f, twin, &X, "windows, chunks");
    check_grad(windows_and_chunks_grad, f, twin, &X[..4], "four elements");
}

/// A window indexed past its end panics, as the slice would.
#[differentiate]
fn past_the_window(x: &[f64], k: usize) -> f64 {
    let mut s = 0.0;
    for w in x.windows(2) {
        s += w[k] * w[0];
    }
    s
}

#[test]
#[should_panic(expected = "index out of bounds")]
fn a_window_index_out_of_range_panics_as_in_rust() {
    let _ = past_the_window_grad(&X, 2);
}

#[test]
fn a_window_index_in_range() {
    let g = past_the_window_grad(&X, 1).1;
    assert_fd(|x| past_the_window(x, 1), &X, &g, FD, "w[1] * w[0]");
}

/// The usual in-place softmax: `iter_mut()` over a local `Vec`, and `zip` with it.
#[differentiate]
fn softmax_in_place(x: &[f64], w: &[f64]) -> f64 {
    let mut y = x.to_vec();
    let m = y.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    for v in y.iter_mut() {
        *v = (*v - m).exp();
    }
    let z: f64 = y.iter().sum();
    for v in y.iter_mut() {
        *v /= z;
    }
    let mut s = 0.0;
    for (p, wi) in y.iter_mut().zip(w) {
        *p *= *wi;
        s += *p;
    }
    s
}

#[test]
fn iter_mut_softmax() {
    let x = [0.3, -1.2, 2.0, 0.5];
    let w = [1.0, -2.0, 0.5, 3.0];
    let (v, (gx, gw)) = softmax_in_place_grad(&x, &w);
    assert_eq!(v, softmax_in_place(&x, &w));
    let e: Vec<f64> = x.iter().map(|v| v.exp()).collect();
    let z: f64 = e.iter().sum();
    let p: Vec<f64> = e.iter().map(|v| v / z).collect();
    let mean: f64 = p.iter().zip(&w).map(|(p, w)| p * w).sum();
    assert_close(v, mean, EXACT, "the value");
    // d/dx_k sum_i p_i w_i = p_k (w_k - mean), d/dw_k = p_k.
    let want: Vec<f64> = (0..4).map(|k| p[k] * (w[k] - mean)).collect();
    assert_all_close(&gx, &want, EXACT, "d/dx");
    assert_all_close(&gw, &p, EXACT, "d/dw");
    let (_, t) = softmax_in_place_jvp(&x, &w, &[1.0, 0.0, 0.0, 0.0], &[0.0; 4]);
    assert_close(t, want[0], EXACT, "jvp");
}

/// argmin's form of an elementwise derivative: a `map` with a store, run by `count()`;
/// and the same with `for_each`, into rows of a local matrix through `iter_mut()`.
#[differentiate]
fn stores_in_closures<const N: usize>(x: &[f64; N], c: f64) -> [f64; N] {
    let mut out = [0.0; N];
    x.iter().zip(out.iter_mut()).map(|(&v, o)| *o = (c * v).sin() + v).count();
    let mut rows = [[0.0; N]; 2];
    for (i, row) in rows.iter_mut().enumerate().take(N) {
        row[i] = c * x[i];
    }
    out.iter_mut().enumerate().for_each(|(i, o)| *o += rows[0][i] + rows[1][i]);
    out
}

#[test]
fn stores_through_iter_mut_items() {
    let x = [0.5, -1.0, 2.0];
    let c = 1.5;
    let (y, (jx, jc)) = stores_in_closures_jacobian(&x, c);
    for i in 0..3 {
        let extra = if i < 2 { c * x[i] } else { 0.0 };
        assert_close(y[i], (c * x[i]).sin() + x[i] + extra, EXACT, "the value");
        let cross = if i < 2 { c } else { 0.0 };
        for k in 0..3 {
            let want = if i == k { c * (c * x[i]).cos() + 1.0 + cross } else { 0.0 };
            assert_close(jx[i][k], want, EXACT, "dy_i/dx_k");
        }
        let xc = if i < 2 { x[i] } else { 0.0 };
        assert_close(jc[i], x[i] * (c * x[i]).cos() + xc, EXACT, "dy_i/dc");
    }
}

/// A constant table iterated with `enumerate().skip(1)`, as statrs' `ln_gamma` does.
const TABLE: &[f64] = &[0.5, 1.0, -2.0, 0.25];

#[differentiate]
fn over_a_constant(x: f64) -> f64 {
    TABLE.iter().enumerate().skip(1).fold(TABLE[0], |s, t| s + t.1 / (x + t.0 as f64))
}

#[test]
fn a_constant_table() {
    for x in [0.5, 2.0] {
        let (v, g) = over_a_constant_grad(x);
        assert_eq!(v, over_a_constant(x));
        let want: f64 = (1..4).map(|k| -TABLE[k] / (x + k as f64).powi(2)).sum();
        assert_close(g, want, EXACT, "sum of -c_k / (x + k)^2");
    }
}

/// Closures bound to locals, called later: capturing active values and not, with a
/// typed parameter, called in a loop, and passed to `map` by name; a captured name that
/// is shadowed before the call keeps the value it had where the closure was written.
#[differentiate(order = 2)]
fn local_closures(a: f64, b: f64, x: &[f64]) -> f64 {
    let sq = |v: f64| v * v;
    let scale = 2.0 * a;
    let scaled = |v: f64| scale * v.sin();
    let scale = 100.0;
    let mut s = sq(a) + sq(b) + scaled(b) * scale;
    for &v in x {
        s += scaled(v);
    }
    let sum_sq: f64 = x.iter().copied().map(sq).sum();
    s + sum_sq
}

#[test]
fn closures_in_locals() {
    let (a, b) = (0.7, -1.3);
    let x = [0.5, 2.0, -0.25];
    let (v, (da, db, dx)) = local_closures_grad(a, b, &x);
    let sin_sum: f64 = x.iter().map(|v| v.sin()).sum();
    let want_v = a * a
        + b * b
        + 2.0 * a * b.sin() * 100.0
        + 2.0 * a * sin_sum
        + x.iter().map(|v| v * v).sum::<f64>();
    assert_close(v, want_v, EXACT, "the value, with `scale` as captured");
    assert_eq!(v, local_closures(a, b, &x));
    assert_close(da, 2.0 * a + 200.0 * b.sin() + 2.0 * sin_sum, EXACT, "d/da");
    assert_close(db, 2.0 * b + 200.0 * a * b.cos(), EXACT, "d/db");
    let want_dx: Vec<f64> = x.iter().map(|v| 2.0 * a * v.cos() + 2.0 * v).collect();
    assert_all_close(&dx, &want_dx, EXACT, "d/dx");
    let (_, _, (ha, hb, hx)) = local_closures_hvp(a, b, &x, 1.0, 0.0, &[0.0; 3]);
    assert_close(ha, 2.0, EXACT, "d2/da2");
    assert_close(hb, 200.0 * b.cos(), EXACT, "d2/da db");
    let want_hx: Vec<f64> = x.iter().map(|v| 2.0 * v.cos()).collect();
    assert_all_close(&hx, &want_hx, EXACT, "d2/da dx");
}

/// `[T; N]::map` with a closure and with a path, as argmin's picheny starts.
#[differentiate]
fn array_map(p: &[f64; 2], k: f64) -> f64 {
    let [x1, x2] = p.map(|x| k * x - 1.0);
    let [s1, s2] = p.map(f64::sin);
    x1 * x2 + s1 + s2
}

#[test]
fn array_map_with_closure_and_path() {
    let p = [0.4, -0.9];
    let k = 1.5;
    let (v, (dp, dk)) = array_map_grad(&p, k);
    assert_eq!(v, array_map(&p, k));
    let (x1, x2) = (k * p[0] - 1.0, k * p[1] - 1.0);
    assert_close(v, x1 * x2 + p[0].sin() + p[1].sin(), EXACT, "the value");
    assert_close(dp[0], k * x2 + p[0].cos(), EXACT, "d/dp_0");
    assert_close(dp[1], k * x1 + p[1].cos(), EXACT, "d/dp_1");
    assert_close(dk, p[0] * x2 + p[1] * x1, EXACT, "d/dk");
}

/// A `for` over `map`s of a sequence, and `extend` with one.
#[differentiate]
fn loops_over_maps(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for (i, v) in x.iter().enumerate().map(|(i, v)| (i, v * v)).map(|(i, w)| (i as f64, w.sin())) {
        s += i * v;
    }
    let mut y = Vec::new();
    y.extend(x.iter().map(|a| a * 2.0));
    s + y[0] * y[1]
}

#[test]
fn for_over_maps_and_extend_with_a_map() {
    let x = [0.3, -0.6, 1.1];
    let (v, g) = loops_over_maps_grad(&x);
    assert_eq!(v, loops_over_maps(&x));
    let want_v: f64 =
        (0..3).map(|i| i as f64 * (x[i] * x[i]).sin()).sum::<f64>() + 4.0 * x[0] * x[1];
    assert_close(v, want_v, EXACT, "the value");
    let mut want: Vec<f64> = (0..3).map(|i| i as f64 * (x[i] * x[i]).cos() * 2.0 * x[i]).collect();
    want[0] += 4.0 * x[1];
    want[1] += 4.0 * x[0];
    assert_all_close(&g, &want, EXACT, "the gradient");
}

/// A loop over a constant slice of tuples with a `Vec` inside: the item's fields are
/// borrowed (`xs: &Vec<f64>`, `y: &f64`), as in Rust. Least squares of a linear model.
#[differentiate]
fn linear_fit(w: &[f64], data: &[(Vec<f64>, f64)]) -> f64 {
    let mut loss = 0.0;
    for (xs, y) in data {
        let mut p = 0.0;
        for (wi, xi) in w.iter().zip(xs) {
            p += wi * xi;
        }
        loss += (p - y) * (p - y);
    }
    loss
}

#[test]
fn a_loop_over_a_constant_slice_of_tuples() {
    let w = [0.5, -1.0];
    let data = vec![(vec![1.0, 2.0], 0.5), (vec![-1.0, 0.5], 2.0), (vec![3.0, 1.0], -1.0)];
    let (v, g) = linear_fit_grad(&w, &data);
    assert_eq!(v, linear_fit(&w, &data));
    let mut want = [0.0; 2];
    for (xs, y) in &data {
        let p = w[0] * xs[0] + w[1] * xs[1];
        for k in 0..2 {
            want[k] += 2.0 * (p - y) * xs[k];
        }
    }
    assert_all_close(&g, &want, EXACT, "2 sum (p - y) x");
    assert_fd(|w| linear_fit(w, &data), &w, &g, FD, "central differences");
}

/// `max_by` and `min_by` with a comparison closure or `f64::total_cmp`, taken apart with
/// `unwrap`: the derivative flows into the chosen element (the last of equal maxima, the
/// first of equal minima, as Rust's iterators choose).
#[differentiate]
fn spread(x: &[f64]) -> f64 {
    let hi = x.iter().cloned().max_by(|a, b| a.partial_cmp(b).unwrap()).unwrap();
    let lo = x.iter().map(|v| v * 2.0).min_by(f64::total_cmp).expect("not empty");
    hi - lo
}

#[test]
fn max_by_and_min_by() {
    let x = [0.5, 3.0, -1.0, 3.0, -1.0];
    let (v, g) = spread_grad(&x);
    assert_eq!(v, spread(&x));
    assert_eq!(v, 3.0 + 2.0);
    // The last of the equal maxima (index 3), the first of the equal minima (index 2).
    assert_eq!(g, vec![0.0, 0.0, -2.0, 1.0, 0.0]);
    let (_, t) = spread_jvp(&x, &[0.0, 1.0, 0.0, 0.0, 0.0]);
    assert_eq!(t, 0.0, "the first maximum is not the one chosen");
}

#[test]
fn max_by_of_nothing_panics_as_in_rust() {
    fn message<R>(r: std::thread::Result<R>) -> Option<String> {
        r.err().and_then(|e| e.downcast_ref::<&str>().map(|s| s.to_string()))
    }
    let primal = message(std::panic::catch_unwind(|| spread(&[])));
    let grad = message(std::panic::catch_unwind(|| spread_grad(&[])));
    assert_eq!(primal.as_deref(), Some("called `Option::unwrap()` on a `None` value"));
    assert_eq!(grad, primal, "the same panic as the function's");
}

/// Seed 41 programs 17, 71, 98, 129: an `if` inside a loop over `windows` (refused: the
/// window's constant width looked different in the two branches).
#[differentiate]
fn positive_steps(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for w in x.windows(2) {
        if w[0] > 0.0 {
            s += w[1] * w[0];
        }
    }
    s
}

#[test]
fn a_branch_inside_a_loop_over_windows() {
    let x = [0.5, -1.0, 2.0, 3.0];
    let (v, g) = positive_steps_grad(&x);
    assert_eq!(v, positive_steps(&x));
    // Windows (0.5, -1), (-1, 2), (2, 3): the first and the last have w[0] > 0.
    assert_eq!(v, x[0] * x[1] + x[2] * x[3]);
    assert_all_close(&g, &[-1.0, 0.5, 3.0, 2.0], EXACT, "d/dx");
}

/// Seed 43 programs 51 and 70: `min_by` with a closure calling `total_cmp` (did not
/// compile: the accumulator's float type was not known where the method is called).
#[differentiate]
fn least_double(x: &[f64]) -> f64 {
    x.iter().map(|&e| e * 2.0).min_by(|p, q| p.total_cmp(q)).unwrap()
}

#[test]
fn min_by_with_total_cmp_in_a_closure() {
    let x = [0.5, -1.0, 2.0];
    assert_eq!(least_double_grad(&x), (least_double(&x), vec![0.0, 2.0, 0.0]));
}
