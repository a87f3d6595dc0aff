//! Properties of derivatives through loops that hold exactly, not just to a tolerance:
//!
//! - the running product's gradient is the product of the other entries, exactly, even
//!   with zeros among the entries (where the quotient `p / x_i` is useless);
//! - Horner's derivative is the derivative polynomial, its gradient in the coefficients
//!   the powers of `x`;
//! - log-sum-exp's gradient is softmax, and sums to 1;
//! - `f_grad(x)` and `f_vjp(x, 1.0)` are the same numbers bit for bit, and scaling the
//!   cotangent or the tangent by a power of two scales every derivative by it exactly
//!   (both sweeps are linear in their seed, and multiplying by `2^k` commutes with
//!   rounding).
//!
//! Exactness comes from the inputs: entries that are small multiples of a power of two
//! (`k / 4`, `k / 8`) make every product and sum in these functions exactly
//! representable (a product of twelve entries `k / 4` with `|k| ≤ 7` needs at most 34
//! bits of numerator over `4^12`, a sum of twelve such terms at most 38), so the right
//! derivative is the only one that comes out, whatever order the generated code
//! computes it in.
//! Where inputs are arbitrary reals the tolerance is stated at the check.
// `p = p * x[i]` is one of the forms under test.
#![allow(clippy::assign_op_pattern, clippy::needless_range_loop, clippy::float_cmp)]

use autodiff_core::differentiate;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 96,
        failure_persistence: None,
        // A fixed seed: the same points on every run, so that CI is reproducible.
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x00ad_d1ff),
        ..ProptestConfig::default()
    }
}

/// `k / 4` with `|k| ≤ 7`: three bits of numerator.
fn quarter() -> impl Strategy<Value = f64> {
    (-7i32..=7).prop_map(|k| f64::from(k) / 4.0)
}

/// A vector of quarters with up to three entries forced to zero (possibly the same one).
fn quarters_with_zeros(len: std::ops::Range<usize>) -> impl Strategy<Value = Vec<f64>> {
    (vec(quarter(), len), vec(any::<Index>(), 0..4)).prop_map(|(mut x, zeros)| {
        for z in zeros {
            let i = z.index(x.len());
            x[i] = 0.0;
        }
        x
    })
}

/// The product of every entry but the `i`-th, exact for quarters.
fn product_of_others(x: &[f64], i: usize) -> f64 {
    x.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, v)| v).product()
}

// ---- the running product ----------------------------------------------------------------

#[differentiate]
fn running_product(x: &[f64]) -> f64 {
    let mut p = 1.0;
    for &v in x {
        p *= v;
    }
    p
}

#[differentiate]
fn running_product_chain(x: &[f64]) -> f64 {
    x.iter().copied().product::<f64>()
}

#[differentiate]
fn running_product_while<const N: usize>(x: &[f64; N]) -> f64 {
    let mut p = 1.0;
    let mut i = 0;
    while i < N {
        p = p * x[i];
        i += 1;
    }
    p
}

/// Row products multiplied together: the same product, through nested loops.
#[differentiate]
fn grid_product(a: &[[f64; 3]; 4]) -> f64 {
    let mut p = 1.0;
    for i in 0..4 {
        let mut row = 1.0;
        for j in 0..3 {
            row *= a[i][j];
        }
        p *= row;
    }
    p
}

/// The value, gradient and JVP of a running product, against exact expectations.
fn check_product(
    x: &[f64],
    t: &[f64],
    (y, g): (f64, Vec<f64>),
    jvp: (f64, f64),
    what: &str,
) -> Result<(), TestCaseError> {
    let want: f64 = x.iter().product();
    prop_assert_eq!(y, want, "{} value at {:?}", what, x);
    for i in 0..x.len() {
        prop_assert_eq!(g[i], product_of_others(x, i), "{} gradient[{}] at {:?}", what, i, x);
    }
    let zeros = x.iter().filter(|&&v| v == 0.0).count();
    if zeros >= 2 {
        prop_assert!(
            g.iter().all(|&v| v == 0.0),
            "{} at {:?}: two zeros kill every entry",
            what,
            x
        );
    }
    let dot: f64 = g.iter().zip(t).map(|(a, b)| a * b).sum();
    prop_assert_eq!(jvp.0, want, "{} f_jvp value at {:?}", what, x);
    prop_assert_eq!(jvp.1, dot, "{} f_jvp along {:?} at {:?}", what, t, x);
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn running_product_gradient_is_the_product_of_the_others(
        (x, t) in (1..10usize).prop_flat_map(|n| (quarters_with_zeros(n..n + 1), vec(quarter(), n)))
    ) {
        check_product(&x, &t, running_product_grad(&x), running_product_jvp(&x, &t), "for")?;
        check_product(
            &x,
            &t,
            running_product_chain_grad(&x),
            running_product_chain_jvp(&x, &t),
            "product()",
        )?;
    }

    #[test]
    fn running_product_in_a_while_loop_over_a_const_generic_array(
        x in quarters_with_zeros(6..7),
        t in vec(quarter(), 6),
    ) {
        let xa: [f64; 6] = x.clone().try_into().unwrap();
        let ta: [f64; 6] = t.clone().try_into().unwrap();
        let (y, g) = running_product_while_grad(&xa);
        check_product(&x, &t, (y, g.to_vec()), running_product_while_jvp(&xa, ta), "while")?;
    }

    #[test]
    fn running_product_through_nested_loops_over_a_grid(
        x in quarters_with_zeros(12..13),
        t in vec(quarter(), 12),
    ) {
        let grid = |p: &[f64]| -> [[f64; 3]; 4] {
            std::array::from_fn(|i| std::array::from_fn(|j| p[3 * i + j]))
        };
        let (y, g) = grid_product_grad(&grid(&x));
        prop_assert_eq!(y, grid_product(&grid(&x)));
        let g: Vec<f64> = g.iter().flatten().copied().collect();
        check_product(&x, &t, (y, g), grid_product_jvp(&grid(&x), grid(&t)), "grid")?;
    }

    /// With exactly one zero the only nonzero entry of the gradient is at the zero.
    #[test]
    fn a_single_zero_leaves_one_nonzero_gradient_entry(
        (x, at) in (1..10usize).prop_flat_map(|n| {
            (vec((1i32..=7).prop_map(|k| f64::from(k) / 4.0), n), 0..n)
        })
    ) {
        let mut x = x;
        x[at] = 0.0;
        let (y, g) = running_product_grad(&x);
        prop_assert_eq!(y, 0.0);
        for i in 0..x.len() {
            if i == at {
                prop_assert_eq!(g[i], product_of_others(&x, i));
                prop_assert!(g[i] != 0.0);
            } else {
                prop_assert_eq!(g[i], 0.0, "entry {} of {:?}", i, g);
            }
        }
    }
}

// ---- Horner -----------------------------------------------------------------------------

#[differentiate]
fn horner(c: &[f64], x: f64) -> f64 {
    let mut acc = 0.0;
    for k in (0..c.len()).rev() {
        acc = acc * x + c[k];
    }
    acc
}

/// `Σ k c_k x^(k-1)`, with powers by repeated multiplication.
fn derivative_polynomial(c: &[f64], x: f64) -> f64 {
    let mut sum = 0.0;
    let mut power = 1.0;
    for k in 1..c.len() {
        sum += k as f64 * c[k] * power;
        power *= x;
    }
    sum
}

fn power(x: f64, k: usize) -> f64 {
    (0..k).fold(1.0, |p, _| p * x)
}

proptest! {
    #![proptest_config(config())]

    /// Small integer coefficients and `x = k / 8`: every quantity is exact.
    #[test]
    fn horner_derivative_is_the_derivative_polynomial_exactly(
        c in vec((-9i32..=9).prop_map(f64::from), 1..9),
        x in (-12i32..=12).prop_map(|k| f64::from(k) / 8.0),
    ) {
        let (y, (gc, gx)) = horner_grad(&c, x);
        let value: f64 = (0..c.len()).map(|k| c[k] * power(x, k)).sum();
        prop_assert_eq!(y, value);
        prop_assert_eq!(gx, derivative_polynomial(&c, x));
        for k in 0..c.len() {
            prop_assert_eq!(gc[k], power(x, k), "d/dc_{}", k);
        }
        let zeros = vec![0.0; c.len()];
        prop_assert_eq!(horner_jvp(&c, x, &zeros, 1.0).1, gx);
        prop_assert_eq!(horner_jvp(&c, x, &c, 0.0).1, y, "p is linear in c: its JVP along c is p");
    }

    /// Arbitrary reals: the derivative polynomial evaluated another way agrees to the
    /// rounding of a sum of at most nine terms, `1e-14` of the sum of their magnitudes.
    #[test]
    fn horner_derivative_matches_the_derivative_polynomial(
        c in vec(-3.0..3.0f64, 1..10),
        x in -1.5..1.5f64,
    ) {
        let (_, (gc, gx)) = horner_grad(&c, x);
        let scale: f64 = (1..c.len()).map(|k| (k as f64 * c[k] * power(x, k - 1)).abs()).sum();
        let want = derivative_polynomial(&c, x);
        prop_assert!((gx - want).abs() <= 1e-14 * scale.max(1.0), "{} vs {}", gx, want);
        for k in 0..c.len() {
            let p = power(x, k);
            prop_assert!((gc[k] - p).abs() <= 1e-15 * p.abs().max(1e-300) * k as f64, "d/dc_{}", k);
        }
    }
}

// ---- log-sum-exp ------------------------------------------------------------------------

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

#[differentiate]
fn log_sum_exp_chain(x: &[f64]) -> f64 {
    let m = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let s = x.iter().map(|v| (v - m).exp()).sum::<f64>();
    m + s.ln()
}

fn softmax(x: &[f64]) -> Vec<f64> {
    let m = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e: Vec<f64> = x.iter().map(|v| (v - m).exp()).collect();
    let s: f64 = e.iter().sum();
    e.iter().map(|v| v / s).collect()
}

/// Inputs spread far enough (±700) that `exp` without the shift would overflow.
fn logits() -> impl Strategy<Value = Vec<f64>> {
    prop_oneof![vec(-5.0..5.0f64, 1..12), vec(-700.0..700.0f64, 1..12)]
}

proptest! {
    #![proptest_config(config())]

    /// Softmax entries lie in [0, 1]; ours and the reference differ by a few roundings
    /// (a product by `1 / s` against a quotient by `s`, and the maximum's entry summing
    /// `1 - Σ` of the others), so `n · 4ε` absolute bounds the difference, and the
    /// sum's rounding too.
    #[test]
    fn log_sum_exp_gradient_is_softmax_and_sums_to_one(x in logits()) {
        let want = softmax(&x);
        let tol = x.len() as f64 * 4.0 * f64::EPSILON;
        for (name, (y, g)) in [("loops", log_sum_exp_grad(&x)), ("chain", log_sum_exp_chain_grad(&x))] {
            let m = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            prop_assert!(y >= m && y <= m + (x.len() as f64).ln() + tol * m.abs().max(1.0), "{}: value {}", name, y);
            for i in 0..x.len() {
                prop_assert!((g[i] - want[i]).abs() <= tol, "{}: g[{}] = {:e}, softmax {:e}", name, i, g[i], want[i]);
                prop_assert!(g[i] >= 0.0);
            }
            let total: f64 = g.iter().sum();
            prop_assert!((total - 1.0).abs() <= tol, "{}: gradient sums to {:e}", name, total - 1.0);
        }
    }

    /// Log-sum-exp commutes with shifts: `lse(x + c) = lse(x) + c`, so its JVP along the
    /// all-ones direction is 1.
    #[test]
    fn log_sum_exp_jvp_along_ones_is_one(x in logits()) {
        let ones = vec![1.0; x.len()];
        let tol = x.len() as f64 * 4.0 * f64::EPSILON;
        let (_, d) = log_sum_exp_jvp(&x, &ones);
        prop_assert!((d - 1.0).abs() <= tol, "loops: {:e}", d - 1.0);
        let (_, d) = log_sum_exp_chain_jvp(&x, &ones);
        prop_assert!((d - 1.0).abs() <= tol, "chain: {:e}", d - 1.0);
    }
}

// ---- bitwise identities between siblings ------------------------------------------------

/// `while`, `match` with a `continue` arm, and a `break` on an active condition.
#[differentiate]
fn clipped_walk(x: &[f64], limit: f64) -> f64 {
    let mut s = 0.0;
    let mut i = 0;
    while i < x.len() {
        let v = x[i];
        i += 1;
        match i % 3 {
            0 => continue,
            1 => s += v * v,
            _ => s = s * v + 1.0,
        }
        if s > limit {
            break;
        }
    }
    s * limit
}

/// A local array, a labelled break and a running maximum.
#[differentiate]
fn smoothed_peak(x: &[f64; 6]) -> f64 {
    let mut y = [0.0; 6];
    for i in 1..5 {
        y[i] = 0.25 * x[i - 1] + 0.5 * x[i] + 0.25 * x[i + 1];
    }
    let mut best = x[0];
    'scan: for i in 1..5 {
        for k in 0..2 {
            if y[i] * (k as f64 + 1.0) > 3.0 {
                break 'scan;
            }
        }
        best = best.max(y[i] * y[i] - x[i]);
    }
    best + y[2]
}

/// One point's identities: `f_grad == f_vjp(.., 1)` and the primal value from every
/// sibling, bit for bit (`bits` compares floats by representation), and scaling by
/// powers of two.
fn identities(
    what: &str,
    y: f64,
    grad: (f64, Vec<f64>),
    vjp: &dyn Fn(f64) -> (f64, Vec<f64>),
    jvp: &dyn Fn(f64) -> (f64, f64),
) -> Result<(), TestCaseError> {
    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    let (gy, g) = grad;
    prop_assert_eq!(gy.to_bits(), y.to_bits(), "{}: f_grad value", what);
    let (vy, vg) = vjp(1.0);
    prop_assert_eq!(vy.to_bits(), y.to_bits(), "{}: f_vjp value", what);
    prop_assert_eq!(bits(&vg), bits(&g), "{}: f_vjp(.., 1.0) {:?} vs f_grad {:?}", what, vg, g);
    let (jy, d) = jvp(1.0);
    prop_assert_eq!(jy.to_bits(), y.to_bits(), "{}: f_jvp value", what);
    // Exactly equal as numbers: an entry no path reaches is `+0.0` whatever the seed,
    // where `-1.0 · +0.0` is `-0.0`.
    for scale in [0.125, 0.5, -1.0, 16.0] {
        let (_, vg) = vjp(scale);
        let scaled: Vec<f64> = g.iter().map(|v| v * scale).collect();
        prop_assert_eq!(&vg, &scaled, "{}: f_vjp(.., {}) vs {} · f_grad", what, scale, scale);
        let (_, ds) = jvp(scale);
        prop_assert_eq!(ds, d * scale, "{}: f_jvp along {} · t", what, scale);
    }
    Ok(())
}

fn tangent(n: usize, scale: f64) -> Vec<f64> {
    (0..n).map(|i| scale * (0.75 - 0.3 * i as f64)).collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn grad_and_vjp_agree_bit_for_bit(
        x in vec(-2.0..2.0f64, 1..9),
        limit in 0.5..6.0f64,
        c in -1.5..1.5f64,
    ) {
        let n = x.len();
        identities(
            "running_product",
            running_product(&x),
            running_product_grad(&x),
            &|d| running_product_vjp(&x, d),
            &|s| running_product_jvp(&x, &tangent(n, s)),
        )?;
        identities(
            "running_product_chain",
            running_product_chain(&x),
            running_product_chain_grad(&x),
            &|d| running_product_chain_vjp(&x, d),
            &|s| running_product_chain_jvp(&x, &tangent(n, s)),
        )?;
        identities(
            "log_sum_exp",
            log_sum_exp(&x),
            log_sum_exp_grad(&x),
            &|d| log_sum_exp_vjp(&x, d),
            &|s| log_sum_exp_jvp(&x, &tangent(n, s)),
        )?;
        identities(
            "log_sum_exp_chain",
            log_sum_exp_chain(&x),
            log_sum_exp_chain_grad(&x),
            &|d| log_sum_exp_chain_vjp(&x, d),
            &|s| log_sum_exp_chain_jvp(&x, &tangent(n, s)),
        )?;
        let flat = |(y, (mut g, last)): (f64, (Vec<f64>, f64))| {
            g.push(last);
            (y, g)
        };
        identities(
            "horner",
            horner(&x, c),
            flat(horner_grad(&x, c)),
            &|d| flat(horner_vjp(&x, c, d)),
            &|s| horner_jvp(&x, c, &tangent(n, s), -0.5 * s),
        )?;
        identities(
            "clipped_walk",
            clipped_walk(&x, limit),
            flat(clipped_walk_grad(&x, limit)),
            &|d| flat(clipped_walk_vjp(&x, limit, d)),
            &|s| clipped_walk_jvp(&x, limit, &tangent(n, s), 0.25 * s),
        )?;
    }

    #[test]
    fn grad_and_vjp_agree_bit_for_bit_on_arrays(x in vec(-3.0..3.0f64, 6)) {
        let xa: [f64; 6] = x.clone().try_into().unwrap();
        let arr = |s: f64| -> [f64; 6] { tangent(6, s).try_into().unwrap() };
        let (y, g) = smoothed_peak_grad(&xa);
        identities(
            "smoothed_peak",
            smoothed_peak(&xa),
            (y, g.to_vec()),
            &|d| {
                let (y, g) = smoothed_peak_vjp(&xa, d);
                (y, g.to_vec())
            },
            &|s| smoothed_peak_jvp(&xa, arr(s)),
        )?;
        let (y, g) = running_product_while_grad(&xa);
        identities(
            "running_product_while",
            running_product_while(&xa),
            (y, g.to_vec()),
            &|d| {
                let (y, g) = running_product_while_vjp(&xa, d);
                (y, g.to_vec())
            },
            &|s| running_product_while_jvp(&xa, arr(s)),
        )?;
    }
}
