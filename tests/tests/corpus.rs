//! A corpus of differentiated functions mixing every loop-free feature, each checked at
//! random points of a safe domain against central finite differences and num-dual,
//! together with the sibling identities (see `common::Case::verify`).
//!
//! Tolerances (mixed absolute/relative, `|a - b| ≤ tol · max(1, |a|, |b|)`):
//! - against num-dual, 1e-12 (`common::EXACT`): both derivatives are exact up to
//!   rounding, and the domains keep every function and its partials of moderate size
//!   (below about 1e3), so the roundings of a few dozen operations stay near 1e-13;
//! - against central differences, 1e-6 (`common::FD`): their error is about
//!   `ε^(2/3) ≈ 4e-11` times the size of the function and of its third derivative, which
//!   the domains keep below about 1e3 (away from poles, branch cuts and the edges of
//!   each domain), so the error stays below 1e-7 while a wrong term is off by far more.
//!
//! Piecewise functions are sampled away from their switching surfaces (`prop_assume!`),
//! where the function jumps or kinks and central differences straddle two pieces.
//!
//! Every function is also checked at the same points for its second-order siblings
//! (`Case::verify_second`), with the same twin evaluated with `num_dual::HyperDual64`:
//! - `f_hvp` along the two tangent directions `v` of the JVP checks: its value is `f`'s
//!   and its gradient `f_grad`'s, bit for bit (the same reverse sweep, with tangents
//!   alongside); `(H v)_j` against the twin's `eps1eps2` with `eps1 = v`, `eps2 = e_j`,
//!   at `common::EXACT`; and `H v` against central differences of `f_grad` along `v`,
//!   `(g(x + s v) - g(x - s v)) / 2s`, at `common::FD`;
//! - `f_hessian`: value and gradient are `f`'s and `f_grad`'s bit for bit, column `j`
//!   is `f_hvp` along `e_j` bit for bit (that is how it is built), `H` is symmetric at
//!   `common::EXACT`, and `H v` from the matrix is `f_hvp`'s within `common::EXACT`
//!   times `max(1, Σ_j |H_ij v_j|)`, the rounding of a dot product.
//!
//! The same tolerances hold for the same reasons: second derivatives by forward over
//! reverse and by hyper-dual numbers are both exact up to the roundings of a few dozen
//! operations (about three times those of the gradient), on second derivatives the
//! domains keep moderate; the worst seen is 2e-14 (`residual`), and `H_ij` against
//! `H_ji` 2e-15. Central differences of the gradient have the error of those of `f`,
//! one derivative up (the worst seen is 1.5e-8, `rosenbrock`). Their step `s` is the
//! largest that moves no coordinate further than the first-order central differences
//! (`s |v_i| ≤ DEFAULT_STEP · max(1, |x_i|)`, at most 3e-5 on the domains of the
//! piecewise functions, whose entries stay within ±5), so moving all coordinates at
//! once shifts each switching function (`x - y`, `x y`, `ln(x + 2) y`, `4 |x|`, a hypot
//! or atan2 of arguments away from 0) by at most about 2e-4, inside the 1e-3 clearance
//! of `clear`: `x ± s v` stay on the piece of `x`.
// The corpus writes code the way users do: explicit `return`s, `&Vec` parameters,
// negated comparisons.
#![allow(
    clippy::let_and_return,
    clippy::needless_return,
    clippy::ptr_arg,
    clippy::neg_cmp_op_on_partial_ord
)]

mod common;

use autodiff_core::check::{close, DEFAULT_STEP};
use autodiff_core::differentiate;
use common::{assert_close, hessian_flat, hvp_flat, GradFn, JvpFn, VjpFn, EXACT, FD};
use num_dual::{Dual64, DualNum, HyperDual64};
use proptest::prelude::*;

/// 64 cases per function keeps the corpus under a second; failures are not persisted
/// to files (a failing case prints its point, and the test is deterministic enough to
/// rerun).
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        failure_persistence: None,
        // A fixed seed: the same points on every run, so that CI is reproducible.
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x00ad_d1ff),
        ..ProptestConfig::default()
    }
}

/// Far enough from a switching surface `a = b` that central differences, whose steps
/// are below 1e-5 on these domains, stay on one side.
fn clear(a: f64, b: f64) -> bool {
    (a - b).abs() > 1e-3
}

/// Far enough from the jumps of floor, trunc, fract and friends (the integers).
fn off_integers(v: f64) -> bool {
    clear(v, v.round())
}

// ---- the harness: first order by `common::Case`, second order here ------------------------

/// One differentiated function seen through flat vectors of its active inputs: the
/// fields of `common::Case`, plus the second-order siblings and the twin once more, for
/// `HyperDual64`.
struct Case<'a> {
    name: &'a str,
    primal: &'a dyn Fn(&[f64]) -> f64,
    grad: GradFn<'a>,
    vjp: VjpFn<'a>,
    jvp: JvpFn<'a>,
    dual: &'a dyn Fn(&[Dual64]) -> Dual64,
    hvp: HvpFn<'a>,
    hessian: HessianFn<'a>,
    /// The num-dual twin, evaluated with hyper-dual numbers.
    twin2: &'a dyn Fn(&[HyperDual64]) -> HyperDual64,
}

/// `f_hvp` with the flat direction split like a tangent: value, gradient and `H v`, flat.
type HvpFn<'a> = &'a dyn Fn(&[f64], &[f64]) -> (f64, Vec<f64>, Vec<f64>);
/// `f_hessian`: value, flat gradient and the Hessian as rows over the flat inputs.
type HessianFn<'a> = &'a dyn Fn(&[f64]) -> (f64, Vec<f64>, Vec<Vec<f64>>);

/// The directions of `f_hvp`: those of `common::Case`'s JVP checks.
fn tangents(n: usize) -> [Vec<f64>; 2] {
    [
        (0..n).map(|i| 1.0 - 0.37 * i as f64).collect(),
        (0..n).map(|i| ((i * 7 + 3) % 5) as f64 * 0.5 - 1.1).collect(),
    ]
}

/// `x` with `eps1 = v` and `eps2 = e_j`: the twin's `eps1eps2` is then `(H v)_j`.
fn hyperduals(x: &[f64], v: &[f64], j: usize) -> Vec<HyperDual64> {
    x.iter()
        .enumerate()
        .map(|(i, &re)| HyperDual64::new(re, v[i], if i == j { 1.0 } else { 0.0 }, 0.0))
        .collect()
}

fn unit(n: usize, j: usize) -> Vec<f64> {
    (0..n).map(|i| if i == j { 1.0 } else { 0.0 }).collect()
}

fn same_bits(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(a, b)| a.to_bits() == b.to_bits())
}

/// The step `s` of central differences along `v` at `x`: the largest that moves no
/// coordinate further than `common::Case`'s central differences move it,
/// `DEFAULT_STEP · max(1, |x_i|)`.
fn directional_step(x: &[f64], v: &[f64]) -> f64 {
    x.iter()
        .zip(v)
        .filter(|(_, t)| **t != 0.0)
        .map(|(a, t)| DEFAULT_STEP * a.abs().max(1.0) / t.abs())
        .fold(f64::INFINITY, f64::min)
}

impl Case<'_> {
    /// `common::Case::verify` (value, sibling identities, num-dual, central differences
    /// at `fd_tol`), then the second-order checks. Returns the gradient.
    #[track_caller]
    fn verify(&self, x: &[f64], fd_tol: f64) -> Vec<f64> {
        let first = common::Case {
            name: self.name,
            primal: self.primal,
            grad: self.grad,
            vjp: self.vjp,
            jvp: self.jvp,
            dual: self.dual,
        };
        let g = first.verify(x, fd_tol);
        self.verify_second(x, &g, fd_tol);
        g
    }

    /// `f_hvp` along the two [`tangents`] against `f` and `f_grad` (bit for bit),
    /// num-dual's hyper-dual numbers and central differences of `f_grad`; then
    /// `f_hessian` against `f`, `f_grad` and `f_hvp`.
    #[track_caller]
    fn verify_second(&self, x: &[f64], g: &[f64], fd_tol: f64) {
        let name = self.name;
        let n = x.len();
        let y = (self.primal)(x);
        let directions = tangents(n);
        let mut products = Vec::new();
        for v in &directions {
            let (hy, hg, hv) = (self.hvp)(x, v);
            assert!(hy == y, "{name} at {x:?}: f_hvp value {hy:e} is not f {y:e}");
            assert!(
                same_bits(&hg, g),
                "{name} at {x:?}: f_hvp gradient {hg:?} is not f_grad {g:?}"
            );
            assert_eq!(hv.len(), n, "{name}: H v length");
            for (j, &hvj) in hv.iter().enumerate() {
                let dual = (self.twin2)(&hyperduals(x, v, j)).eps1eps2;
                assert_close(
                    hvj,
                    dual,
                    EXACT,
                    &format!("{name} at {x:?}: f_hvp along {v:?}, (H v)[{j}] vs num-dual"),
                );
            }
            // Central differences of the gradient along `v`; the samples keep clear of
            // every switching surface by far more than the step (see the module docs).
            let s = directional_step(x, v);
            let lo: Vec<f64> = x.iter().zip(v).map(|(a, t)| a - s * t).collect();
            let hi: Vec<f64> = x.iter().zip(v).map(|(a, t)| a + s * t).collect();
            let (glo, ghi) = ((self.grad)(&lo).1, (self.grad)(&hi).1);
            for (j, (&hvj, (a, b))) in hv.iter().zip(glo.iter().zip(&ghi)).enumerate() {
                let fd = (b - a) / (2.0 * s);
                assert_close(
                    hvj,
                    fd,
                    fd_tol,
                    &format!(
                        "{name} at {x:?}: f_hvp along {v:?}, (H v)[{j}] vs central differences \
                         of f_grad"
                    ),
                );
            }
            products.push(hv);
        }

        let (hy, hg, h) = (self.hessian)(x);
        assert!(hy == y, "{name} at {x:?}: f_hessian value {hy:e} is not f {y:e}");
        assert!(
            same_bits(&hg, g),
            "{name} at {x:?}: f_hessian gradient {hg:?} is not f_grad {g:?}"
        );
        assert_eq!(h.len(), n, "{name}: Hessian rows");
        for (i, row) in h.iter().enumerate() {
            assert_eq!(row.len(), n, "{name}: Hessian row {i} length");
        }
        for j in 0..n {
            let column = (self.hvp)(x, &unit(n, j)).2;
            let hj: Vec<f64> = h.iter().map(|row| row[j]).collect();
            assert!(
                same_bits(&hj, &column),
                "{name} at {x:?}: f_hessian column {j} {hj:?} is not f_hvp along e_{j} {column:?}"
            );
            for (i, &hij) in hj.iter().enumerate().take(j) {
                let hji = h[j][i];
                assert!(
                    close(hij, hji, EXACT),
                    "{name} at {x:?}: f_hessian is not symmetric at ({i}, {j}): {hij:e} vs {hji:e}"
                );
            }
        }
        // `H v` from the matrix is the same product as `f_hvp`'s, summed in another
        // order: rounding of a dot product, as for `f_jvp` against the gradient.
        for (v, hv) in directions.iter().zip(&products) {
            for (i, row) in h.iter().enumerate() {
                let want: f64 = row.iter().zip(v).map(|(a, b)| a * b).sum();
                let scale: f64 = row.iter().zip(v).map(|(a, b)| (a * b).abs()).sum();
                assert!(
                    (hv[i] - want).abs() <= EXACT * scale.max(hv[i].abs()).max(1.0),
                    "{name} at {x:?}: f_hvp along {v:?} [{i}] = {:e}, f_hessian · v = {want:e}",
                    hv[i]
                );
            }
        }
    }
}

/// A [`Case`] for a function of scalar parameters only, all active, named as
/// `scalar_case!(f, f_grad, f_jvp, f_vjp, f_hvp, f_hessian, f_dual; (x, x_t), (y, y_t))`:
/// each pair is a parameter and a name for its tangent. One parameter gives a bare
/// derivative, several a tuple, as the contract says; the closures destructure
/// accordingly. `f_dual` is the twin for both `Dual64` and `HyperDual64`.
macro_rules! scalar_case {
    ($f:path, $grad:path, $jvp:path, $vjp:path, $hvp:path, $hessian:path, $dual:path;
        ($x:ident, $t:ident)) => {
        Case {
            name: stringify!($f),
            primal: &|p: &[f64]| $f(p[0]),
            grad: &|p: &[f64]| {
                let (y, g): (f64, f64) = $grad(p[0]);
                (y, vec![g])
            },
            vjp: &|p: &[f64], d: f64| {
                let (y, g): (f64, f64) = $vjp(p[0], d);
                (y, vec![g])
            },
            jvp: &|p: &[f64], t: &[f64]| $jvp(p[0], t[0]),
            dual: &|p| $dual(p[0]),
            hvp: &|p: &[f64], t: &[f64]| hvp_flat($hvp(p[0], t[0])),
            hessian: &|p: &[f64]| hessian_flat($hessian(p[0])),
            twin2: &|p| $dual(p[0]),
        }
    };
    ($f:path, $grad:path, $jvp:path, $vjp:path, $hvp:path, $hessian:path, $dual:path;
        $(($x:ident, $t:ident)),+) => {
        Case {
            name: stringify!($f),
            primal: &|p: &[f64]| {
                let &[$($x),+] = p else { panic!("arity") };
                $f($($x),+)
            },
            grad: &|p: &[f64]| {
                let &[$($x),+] = p else { panic!("arity") };
                let (y, ($($x),+)) = $grad($($x),+);
                (y, vec![$($x),+])
            },
            vjp: &|p: &[f64], d: f64| {
                let &[$($x),+] = p else { panic!("arity") };
                let (y, ($($x),+)) = $vjp($($x,)+ d);
                (y, vec![$($x),+])
            },
            jvp: &|p: &[f64], t: &[f64]| {
                let &[$($x),+] = p else { panic!("arity") };
                let &[$($t),+] = t else { panic!("arity") };
                $jvp($($x,)+ $($t),+)
            },
            dual: &|p| {
                let &[$($x),+] = p else { panic!("arity") };
                $dual($($x),+)
            },
            hvp: &|p: &[f64], t: &[f64]| {
                let &[$($x),+] = p else { panic!("arity") };
                let &[$($t),+] = t else { panic!("arity") };
                hvp_flat($hvp($($x,)+ $($t),+))
            },
            hessian: &|p: &[f64]| {
                let &[$($x),+] = p else { panic!("arity") };
                hessian_flat($hessian($($x),+))
            },
            twin2: &|p| {
                let &[$($x),+] = p else { panic!("arity") };
                $dual($($x),+)
            },
        }
    };
}

// ---- 1-6: polynomials, rationals and classic scalar functions -------------------------

#[differentiate(order = 2)]
fn poly(x: f64, y: f64) -> f64 {
    3.0 * x * x * y - y * y * y + 2.0 * x * y - 1.0
}

fn poly_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    x * x * y * 3.0 - y * y * y + x * y * 2.0 - 1.0
}

#[differentiate(order = 2)]
fn rational(x: f64, y: f64) -> f64 {
    (x * y + 1.0) / (x * x + y * y + 1.0)
}

fn rational_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    (x * y + 1.0) / (x * x + y * y + 1.0)
}

#[differentiate(order = 2)]
fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn sigmoid_dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    ((-x).exp() + 1.0).recip()
}

#[differentiate(order = 2)]
fn softplus(x: f64, beta: f64) -> f64 {
    (x * beta).exp().ln_1p() / beta
}

fn softplus_dual<D: DualNum<Primitive = f64> + Copy>(x: D, beta: D) -> D {
    (x * beta).exp().ln_1p() / beta
}

#[differentiate(order = 2)]
fn gaussian(x: f64, mu: f64, sigma: f64) -> f64 {
    let z = (x - mu) / sigma;
    (-0.5 * z * z).exp() / (sigma * (2.0 * std::f64::consts::PI).sqrt())
}

fn gaussian_dual<D: DualNum<Primitive = f64> + Copy>(x: D, mu: D, sigma: D) -> D {
    let z = (x - mu) / sigma;
    (z * z * -0.5).exp() / (sigma * (2.0 * std::f64::consts::PI).sqrt())
}

/// The seed example.
#[differentiate(order = 2)]
fn phi(w1: f64, a: f64, b1: f64) -> f64 {
    let y1 = a * w1;
    let y2 = y1 + b1;
    let y3 = y2 * y2;
    y3
}

fn phi_dual<D: DualNum<Primitive = f64> + Copy>(w1: D, a: D, b1: D) -> D {
    let y2 = a * w1 + b1;
    y2 * y2
}

// ---- 7-15: transcendental mixtures ------------------------------------------------------

#[differentiate(order = 2)]
fn trig(x: f64, y: f64) -> f64 {
    x.sin() * y.cos() + f64::tan(x * 0.3) - (x - y).cos().powi(2)
}

fn trig_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    x.sin() * y.cos() + (x * 0.3).tan() - (x - y).cos().powi(2)
}

#[differentiate(order = 2)]
fn hyperbolic(x: f64) -> f64 {
    x.sinh() / x.cosh() + x.tanh() * x.asinh()
}

fn hyperbolic_dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    x.sinh() / x.cosh() + x.tanh() * x.asinh()
}

#[differentiate(order = 2)]
fn inverse_trig(x: f64, y: f64) -> f64 {
    x.asin() + (y * 0.5).acos() * f64::atan(x * y)
}

fn inverse_trig_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    x.asin() + (y * 0.5).acos() * (x * y).atan()
}

#[differentiate(order = 2)]
fn inverse_hyperbolic(x: f64) -> f64 {
    x.acosh() + f64::atanh(1.0 / x)
}

fn inverse_hyperbolic_dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    x.acosh() + x.recip().atanh()
}

#[differentiate(order = 2)]
fn logs(x: f64, y: f64) -> f64 {
    x.log2() * y.log10() + f64::ln(x * y) + x.log(y + 1.5)
}

fn logs_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    x.log2() * y.log10() + (x * y).ln() + common::log(x, y + 1.5)
}

#[differentiate(order = 2)]
fn exps(x: f64, y: f64) -> f64 {
    x.exp2() - x.exp_m1() * y + f64::ln_1p(x * x) * y.exp()
}

fn exps_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    x.exp2() - x.exp_m1() * y + (x * x).ln_1p() * y.exp()
}

#[differentiate(order = 2)]
fn powers(x: f64, y: f64) -> f64 {
    x.powf(y) + x.powi(3) - x.sqrt() * y.cbrt() + f64::powf(x, 1.5)
}

fn powers_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    common::powf(x, y) + x.powi(3) - x.sqrt() * y.cbrt() + x.powf(1.5)
}

/// Polar coordinates: `r cos 2θ` with `r = hypot(x, y)`, `θ = atan2(y, x)`.
#[differentiate(order = 2)]
fn polar(x: f64, y: f64) -> f64 {
    let r = x.hypot(y);
    let theta = f64::atan2(y, x);
    r * (2.0 * theta).cos()
}

fn polar_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    common::hypot(x, y) * (y.atan2(x) * 2.0).cos()
}

#[differentiate(order = 2)]
fn fused(a: f64, b: f64, c: f64) -> f64 {
    a.mul_add(b, c).mul_add(a, f64::mul_add(b, c, a))
}

fn fused_dual<D: DualNum<Primitive = f64> + Copy>(a: D, b: D, c: D) -> D {
    (a * b + c) * a + (b * c + a)
}

#[differentiate(order = 2)]
fn conversions(x: f64, y: f64) -> f64 {
    x.recip() + x.to_degrees().to_radians() * y + f64::to_degrees(y) / 90.0
}

fn conversions_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    x.recip() + common::to_radians(common::to_degrees(x)) * y + common::to_degrees(y) / 90.0
}

// ---- 16-19: non-smooth methods, sampled away from their kinks and jumps ---------------

#[differentiate(order = 2)]
fn min_max_clamp(x: f64, y: f64) -> f64 {
    x.max(y).min(2.0) + x.clamp(-1.0, 1.0) * y + f64::min(x, y).abs()
}

fn min_max_clamp_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    let c = common::c;
    common::min(common::max(x, y), c(2.0))
        + common::clamp(x, c(-1.0), c(1.0)) * y
        + common::min(x, y).abs()
}

#[differentiate(order = 2)]
fn piecewise_constant(x: f64, y: f64) -> f64 {
    x.fract() * y + x.floor() * y + (x * 3.0).rem_euclid(2.0) + y % 1.5 + x.round() - y.trunc()
}

fn piecewise_constant_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    common::fract(x) * y
        + common::flat(x, f64::floor) * y
        + common::rem_euclid(x * 3.0, common::c(2.0))
        + common::rem(y, common::c(1.5))
        + common::flat(x, f64::round)
        - common::flat(y, f64::trunc)
}

#[differentiate(order = 2)]
fn signs(x: f64, y: f64) -> f64 {
    x.abs() * y.signum() + (x * y).abs() + f64::ceil(y) * x
}

fn signs_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    x.abs() * common::flat(y, f64::signum) + (x * y).abs() + common::flat(y, f64::ceil) * x
}

// ---- 20-23: bindings ------------------------------------------------------------------

#[differentiate(order = 2)]
fn bindings(a: f64, b: f64) -> f64 {
    let (p, q) = (a * b, a - b);
    let p = {
        let s = p.sin();
        s * q
    };
    let (q, p) = (p, q.exp());
    let r = p + q * a;
    r
}

fn bindings_dual<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
    let s = (a * b).sin() * (a - b);
    (a - b).exp() + s * a
}

#[differentiate(order = 2)]
fn accumulate(x: f64, y: f64) -> f64 {
    let mut s = x;
    s *= y;
    s += x.sin();
    s -= y * 0.5;
    s /= 1.0 + x * x;
    s *= s;
    s
}

fn accumulate_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    let s = (x * y + x.sin() - y * 0.5) / (x * x + 1.0);
    s * s
}

#[differentiate(order = 2)]
fn reuse(x: f64) -> f64 {
    let a = x * x;
    let b = a + x;
    let c = b * a - x;
    c + a * b
}

fn reuse_dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    let a = x * x;
    let b = a + x;
    b * a - x + a * b
}

#[differentiate(order = 2)]
fn by_reference(x: &f64, y: &f64) -> f64 {
    let a = *x * *y;
    a.sin() + x.cos() * f64::exp(*y)
}

fn by_reference_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    (x * y).sin() + x.cos() * y.exp()
}

// ---- 24-28: control flow ----------------------------------------------------------------

#[differentiate(order = 2)]
fn branches(x: f64, y: f64) -> f64 {
    let s = if x * y > 0.5 {
        x.exp() * y
    } else if x < y {
        (x - y).powi(2)
    } else {
        x.sin() + y
    };
    s * 2.0 - x
}

fn branches_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    let s = if (x * y).re() > 0.5 {
        x.exp() * y
    } else if x.re() < y.re() {
        (x - y).powi(2)
    } else {
        x.sin() + y
    };
    s * 2.0 - x
}

#[differentiate(order = 2)]
fn logic(x: f64, y: f64, z: f64) -> f64 {
    let mut acc = x * z;
    if (x > 0.0 && y > 0.0) || z < -1.0 {
        acc += y * y;
    }
    if !(x < y) && z > 0.5 {
        acc *= z;
    } else {
        acc -= x;
    }
    acc
}

fn logic_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D, z: D) -> D {
    let (xr, yr, zr) = (x.re(), y.re(), z.re());
    let mut acc = x * z;
    if (xr > 0.0 && yr > 0.0) || zr < -1.0 {
        acc += y * y;
    }
    if xr >= yr && zr > 0.5 {
        acc *= z;
    } else {
        acc -= x;
    }
    acc
}

#[differentiate(order = 2)]
fn early_exit(x: f64, y: f64) -> f64 {
    if x < -1.0 {
        return x * y;
    }
    let a = x + 2.0;
    if y > 1.0 {
        let b = a.ln() * y;
        if b > 1.0 {
            return b.sqrt();
        }
        return b;
    }
    a * a - y
}

fn early_exit_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    if x.re() < -1.0 {
        return x * y;
    }
    let a = x + 2.0;
    if y.re() > 1.0 {
        let b = a.ln() * y;
        if b.re() > 1.0 {
            return b.sqrt();
        }
        return b;
    }
    a * a - y
}

#[differentiate(order = 2)]
fn leaky_relu(x: f64, slope: f64) -> f64 {
    let neg = x < 0.0;
    let y = if neg { x * slope } else { x };
    y
}

fn leaky_relu_dual<D: DualNum<Primitive = f64> + Copy>(x: D, slope: D) -> D {
    if x.re() < 0.0 {
        x * slope
    } else {
        x
    }
}

#[differentiate(order = 2)]
fn huber(r: f64, delta: f64) -> f64 {
    let a = r.abs();
    if a <= delta {
        0.5 * r * r
    } else {
        delta * (a - 0.5 * delta)
    }
}

fn huber_dual<D: DualNum<Primitive = f64> + Copy>(r: D, delta: D) -> D {
    let a = r.abs();
    if a.re() <= delta.re() {
        r * r * 0.5
    } else {
        delta * (a - delta * 0.5)
    }
}

// ---- 29-35: parameter kinds ---------------------------------------------------------------

#[differentiate(order = 2)]
fn rosenbrock(p: [f64; 2]) -> f64 {
    let a = 1.0 - p[0];
    let b = p[1] - p[0] * p[0];
    a * a + 100.0 * b * b
}

fn rosenbrock_dual<D: DualNum<Primitive = f64> + Copy>(p: &[D]) -> D {
    let a = -p[0] + 1.0;
    let b = p[1] - p[0] * p[0];
    a * a + b * b * 100.0
}

#[differentiate(order = 2)]
fn norm(v: &[f64; 3]) -> f64 {
    (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt()
}

fn norm_dual<D: DualNum<Primitive = f64> + Copy>(v: &[D]) -> D {
    (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt()
}

#[differentiate(order = 2)]
fn det_trace(m: [[f64; 2]; 2], k: usize) -> f64 {
    let det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
    let trace = m[0][0] + m[1][1];
    det * trace.exp() + m[k][1 - k]
}

fn det_trace_dual<D: DualNum<Primitive = f64> + Copy>(p: &[D], k: usize) -> D {
    let det = p[0] * p[3] - p[1] * p[2];
    det * (p[0] + p[3]).exp() + p[2 * k + 1 - k]
}

#[differentiate(order = 2)]
fn slice_mix(v: &[f64], scale: f64) -> f64 {
    let n = v.len();
    v[0] * v[n - 1] * scale - v[1] / (1.0 + v[2] * v[2]) + (v[n - 2] * scale).tanh()
}

fn slice_mix_dual<D: DualNum<Primitive = f64> + Copy>(p: &[D]) -> D {
    let (v, scale) = (&p[..p.len() - 1], p[p.len() - 1]);
    let n = v.len();
    v[0] * v[n - 1] * scale - v[1] / (v[2] * v[2] + 1.0) + (v[n - 2] * scale).tanh()
}

/// Log-sum-exp, shifted by the maximum as numerical code does.
#[differentiate(order = 2)]
fn log_sum_exp(v: Vec<f64>) -> f64 {
    let m = v[0].max(v[1]).max(v[2]);
    let s = (v[0] - m).exp() + (v[1] - m).exp() + (v[2] - m).exp();
    m + s.ln()
}

fn log_sum_exp_dual<D: DualNum<Primitive = f64> + Copy>(v: &[D]) -> D {
    let m = common::max(common::max(v[0], v[1]), v[2]);
    m + ((v[0] - m).exp() + (v[1] - m).exp() + (v[2] - m).exp()).ln()
}

#[differentiate(order = 2)]
fn weighted(v: &Vec<f64>, w: &[f64; 3], bias: &f64) -> f64 {
    let dot = v[0] * w[0] + v[1] * w[1] + v[2] * w[2];
    (dot + *bias).tanh()
}

fn weighted_dual<D: DualNum<Primitive = f64> + Copy>(p: &[D]) -> D {
    let dot = p[0] * p[3] + p[1] * p[4] + p[2] * p[5];
    (dot + p[6]).tanh()
}

#[differentiate(order = 2)]
fn rows(r: &[[f64; 3]]) -> f64 {
    r[0][0] * r[1][1] - r[0][2] * r[1][0] + (r[1][2] - r[0][1]).sin()
}

fn rows_dual<D: DualNum<Primitive = f64> + Copy>(p: &[D]) -> D {
    p[0] * p[4] - p[2] * p[3] + (p[5] - p[1]).sin()
}

// ---- 36-39: constants, wrt, casts -----------------------------------------------------------

#[derive(Debug, Clone, Copy)]
struct Physics {
    gravity: f64,
    drag: f64,
}

/// Projectile range with a drag correction: a struct constant, an angle in degrees, and
/// std constants.
#[differentiate(order = 2)]
fn range(speed: f64, degrees: f64, world: Physics) -> f64 {
    let angle = degrees.to_radians();
    let ideal = speed * speed * (2.0 * angle).sin() / world.gravity;
    ideal / (1.0 + world.drag * speed * std::f64::consts::FRAC_1_SQRT_2)
}

fn range_dual<D: DualNum<Primitive = f64> + Copy>(speed: D, degrees: D, world: Physics) -> D {
    let angle = common::to_radians(degrees);
    let ideal = speed * speed * (angle * 2.0).sin() / world.gravity;
    ideal / (speed * world.drag * std::f64::consts::FRAC_1_SQRT_2 + 1.0)
}

#[differentiate(order = 2, wrt(b, a))]
fn narrowed(a: f64, b: f64, c: f64) -> f64 {
    a.exp() * b - c * (a * b).cos()
}

fn narrowed_dual<D: DualNum<Primitive = f64> + Copy>(a: D, b: D, c: f64) -> D {
    a.exp() * b - (a * b).cos() * c
}

#[differentiate(order = 2)]
fn integer_mix(x: f64, n: u32) -> f64 {
    let k = (x.abs() * 4.0) as u32 + n;
    x.powi(k as i32 % 4 + 1) * (n as f64) + x * (k as f64).sqrt()
}

fn integer_mix_dual<D: DualNum<Primitive = f64> + Copy>(x: D, n: u32) -> D {
    let k = (x.re().abs() * 4.0) as u32 + n;
    x.powi(k as i32 % 4 + 1) * f64::from(n) + x * f64::from(k).sqrt()
}

#[differentiate(order = 2)]
fn everything(x: f64, v: &[f64; 2], flag: bool) -> f64 {
    let (a, b) = (v[0] * x, v[1] + x);
    let mut s = if flag { a.hypot(b) } else { a.atan2(b) };
    if s > 1.0 {
        s = s.ln() + 1.0;
    }
    s += (b * std::f64::consts::E).sin();
    s * v[1]
}

fn everything_dual<D: DualNum<Primitive = f64> + Copy>(p: &[D], flag: bool) -> D {
    let (x, v0, v1) = (p[0], p[1], p[2]);
    let (a, b) = (v0 * x, v1 + x);
    let mut s = if flag { common::hypot(a, b) } else { a.atan2(b) };
    if s.re() > 1.0 {
        s = s.ln() + 1.0;
    }
    s += (b * std::f64::consts::E).sin();
    s * v1
}

/// A residual connection, `tanh(w x + b) + x`: the input feeds a sum directly and
/// through a layer.
#[differentiate(order = 2)]
fn residual(x: f64, w: f64, b: f64) -> f64 {
    let h = (w * x + b).tanh() + x;
    h * h
}

fn residual_dual<D: DualNum<Primitive = f64> + Copy>(x: D, w: D, b: D) -> D {
    let h = (w * x + b).tanh() + x;
    h * h
}

// ---- the properties -------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn poly_agrees(x in -3.0..3.0f64, y in -3.0..3.0f64) {
        scalar_case!(poly, poly_grad, poly_jvp, poly_vjp, poly_hvp, poly_hessian, poly_dual;
            (x, x_t), (y, y_t)).verify(&[x, y], FD);
    }

    #[test]
    fn rational_agrees(x in -3.0..3.0f64, y in -3.0..3.0f64) {
        scalar_case!(rational, rational_grad, rational_jvp, rational_vjp, rational_hvp,
            rational_hessian, rational_dual; (x, x_t), (y, y_t)).verify(&[x, y], FD);
    }

    #[test]
    fn sigmoid_agrees(x in -20.0..20.0f64) {
        scalar_case!(sigmoid, sigmoid_grad, sigmoid_jvp, sigmoid_vjp, sigmoid_hvp, sigmoid_hessian,
            sigmoid_dual; (x, x_t)).verify(&[x], FD);
    }

    #[test]
    fn softplus_agrees(x in -5.0..5.0f64, beta in 0.2..3.0f64) {
        scalar_case!(softplus, softplus_grad, softplus_jvp, softplus_vjp, softplus_hvp,
            softplus_hessian, softplus_dual; (x, x_t), (beta, beta_t)).verify(&[x, beta], FD);
    }

    #[test]
    fn gaussian_agrees(x in -3.0..3.0f64, mu in -1.0..1.0f64, sigma in 0.3..2.0f64) {
        scalar_case!(gaussian, gaussian_grad, gaussian_jvp, gaussian_vjp, gaussian_hvp,
            gaussian_hessian, gaussian_dual; (x, x_t), (mu, mu_t),
            (sigma, sigma_t)).verify(&[x, mu, sigma], FD);
    }

    #[test]
    fn phi_agrees(w1 in -3.0..3.0f64, a in -3.0..3.0f64, b1 in -3.0..3.0f64) {
        scalar_case!(phi, phi_grad, phi_jvp, phi_vjp, phi_hvp, phi_hessian, phi_dual; (w1, w1_t),
            (a, a_t), (b1, b1_t)).verify(&[w1, a, b1], FD);
    }

    #[test]
    fn trig_agrees(x in -3.0..3.0f64, y in -3.0..3.0f64) {
        scalar_case!(trig, trig_grad, trig_jvp, trig_vjp, trig_hvp, trig_hessian, trig_dual;
            (x, x_t), (y, y_t)).verify(&[x, y], FD);
    }

    #[test]
    fn hyperbolic_agrees(x in -3.0..3.0f64) {
        scalar_case!(hyperbolic, hyperbolic_grad, hyperbolic_jvp, hyperbolic_vjp, hyperbolic_hvp,
            hyperbolic_hessian, hyperbolic_dual; (x, x_t)).verify(&[x], FD);
    }

    #[test]
    fn inverse_trig_agrees(x in -0.9..0.9f64, y in -1.8..1.8f64) {
        scalar_case!(inverse_trig, inverse_trig_grad, inverse_trig_jvp, inverse_trig_vjp,
            inverse_trig_hvp, inverse_trig_hessian, inverse_trig_dual; (x, x_t),
            (y, y_t)).verify(&[x, y], FD);
    }

    #[test]
    fn inverse_hyperbolic_agrees(x in 1.2..6.0f64) {
        scalar_case!(inverse_hyperbolic, inverse_hyperbolic_grad, inverse_hyperbolic_jvp,
            inverse_hyperbolic_vjp, inverse_hyperbolic_hvp, inverse_hyperbolic_hessian,
            inverse_hyperbolic_dual; (x, x_t)).verify(&[x], FD);
    }

    #[test]
    fn logs_agree(x in 0.2..8.0f64, y in 0.2..8.0f64) {
        scalar_case!(logs, logs_grad, logs_jvp, logs_vjp, logs_hvp, logs_hessian, logs_dual;
            (x, x_t), (y, y_t)).verify(&[x, y], FD);
    }

    #[test]
    fn exps_agree(x in -2.0..2.0f64, y in -2.0..2.0f64) {
        scalar_case!(exps, exps_grad, exps_jvp, exps_vjp, exps_hvp, exps_hessian, exps_dual;
            (x, x_t), (y, y_t)).verify(&[x, y], FD);
    }

    #[test]
    fn powers_agree(x in 0.2..3.0f64, y in 0.2..2.5f64) {
        scalar_case!(powers, powers_grad, powers_jvp, powers_vjp, powers_hvp, powers_hessian,
            powers_dual; (x, x_t), (y, y_t)).verify(&[x, y], FD);
    }

    #[test]
    fn polar_agrees(x in 0.2..3.0f64, y in -3.0..3.0f64) {
        scalar_case!(polar, polar_grad, polar_jvp, polar_vjp, polar_hvp, polar_hessian, polar_dual;
            (x, x_t), (y, y_t)).verify(&[x, y], FD);
    }

    #[test]
    fn fused_agrees(a in -2.0..2.0f64, b in -2.0..2.0f64, c in -2.0..2.0f64) {
        scalar_case!(fused, fused_grad, fused_jvp, fused_vjp, fused_hvp, fused_hessian, fused_dual;
            (a, a_t), (b, b_t), (c, c_t)).verify(&[a, b, c], FD);
    }

    #[test]
    fn conversions_agree(x in 0.3..4.0f64, y in -4.0..4.0f64) {
        scalar_case!(conversions, conversions_grad, conversions_jvp, conversions_vjp,
            conversions_hvp, conversions_hessian, conversions_dual; (x, x_t),
            (y, y_t)).verify(&[x, y], FD);
    }

    #[test]
    fn min_max_clamp_agrees(x in -3.0..3.0f64, y in -3.0..3.0f64) {
        prop_assume!(clear(x, y) && clear(x.max(y), 2.0));
        prop_assume!(clear(x, -1.0) && clear(x, 1.0) && clear(x.min(y), 0.0));
        scalar_case!(min_max_clamp, min_max_clamp_grad, min_max_clamp_jvp, min_max_clamp_vjp,
            min_max_clamp_hvp, min_max_clamp_hessian, min_max_clamp_dual; (x, x_t),
            (y, y_t)).verify(&[x, y], FD);
    }

    #[test]
    fn piecewise_constant_agrees(x in -3.0..3.0f64, y in -3.0..3.0f64) {
        prop_assume!(off_integers(x) && off_integers(x * 3.0 / 2.0) && off_integers(y / 1.5));
        prop_assume!(off_integers(x - 0.5) && off_integers(y));
        scalar_case!(piecewise_constant, piecewise_constant_grad, piecewise_constant_jvp,
            piecewise_constant_vjp, piecewise_constant_hvp, piecewise_constant_hessian,
            piecewise_constant_dual; (x, x_t), (y, y_t)).verify(&[x, y], FD);
    }

    #[test]
    fn signs_agree(x in -3.0..3.0f64, y in -3.0..3.0f64) {
        prop_assume!(clear(x, 0.0) && clear(y, 0.0) && off_integers(y));
        scalar_case!(signs, signs_grad, signs_jvp, signs_vjp, signs_hvp, signs_hessian, signs_dual;
            (x, x_t), (y, y_t)).verify(&[x, y], FD);
    }

    #[test]
    fn bindings_agree(a in -2.0..2.0f64, b in -2.0..2.0f64) {
        scalar_case!(bindings, bindings_grad, bindings_jvp, bindings_vjp, bindings_hvp,
            bindings_hessian, bindings_dual; (a, a_t), (b, b_t)).verify(&[a, b], FD);
    }

    #[test]
    fn accumulate_agrees(x in -3.0..3.0f64, y in -3.0..3.0f64) {
        scalar_case!(accumulate, accumulate_grad, accumulate_jvp, accumulate_vjp, accumulate_hvp,
            accumulate_hessian, accumulate_dual; (x, x_t), (y, y_t)).verify(&[x, y], FD);
    }

    #[test]
    fn reuse_agrees(x in -2.0..2.0f64) {
        scalar_case!(reuse, reuse_grad, reuse_jvp, reuse_vjp, reuse_hvp, reuse_hessian, reuse_dual;
            (x, x_t)).verify(&[x], FD);
    }

    #[test]
    fn by_reference_agrees(x in -2.0..2.0f64, y in -2.0..2.0f64) {
        let case = Case {
            name: "by_reference",
            primal: &|p| by_reference(&p[0], &p[1]),
            grad: &|p| {
                let (v, (dx, dy)) = by_reference_grad(&p[0], &p[1]);
                (v, vec![dx, dy])
            },
            vjp: &|p, d| {
                let (v, (dx, dy)) = by_reference_vjp(&p[0], &p[1], d);
                (v, vec![dx, dy])
            },
            jvp: &|p, t| by_reference_jvp(&p[0], &p[1], t[0], t[1]),
            hvp: &|p, t| hvp_flat(by_reference_hvp(&p[0], &p[1], t[0], t[1])),
            hessian: &|p| hessian_flat(by_reference_hessian(&p[0], &p[1])),
            dual: &|p| by_reference_dual(p[0], p[1]),
            twin2: &|p| by_reference_dual(p[0], p[1]),
        };
        case.verify(&[x, y], FD);
    }

    #[test]
    fn branches_agree(x in -2.0..2.0f64, y in -2.0..2.0f64) {
        prop_assume!(clear(x * y, 0.5) && clear(x, y));
        scalar_case!(branches, branches_grad, branches_jvp, branches_vjp, branches_hvp,
            branches_hessian, branches_dual; (x, x_t), (y, y_t)).verify(&[x, y], FD);
    }

    #[test]
    fn logic_agrees(x in -2.0..2.0f64, y in -2.0..2.0f64, z in -2.0..2.0f64) {
        prop_assume!(clear(x, 0.0) && clear(y, 0.0) && clear(z, -1.0));
        prop_assume!(clear(x, y) && clear(z, 0.5));
        scalar_case!(logic, logic_grad, logic_jvp, logic_vjp, logic_hvp, logic_hessian, logic_dual;
            (x, x_t), (y, y_t), (z, z_t)).verify(&[x, y, z], FD);
    }

    #[test]
    fn early_exit_agrees(x in -2.0..3.0f64, y in -2.0..3.0f64) {
        prop_assume!(clear(x, -1.0) && clear(y, 1.0));
        prop_assume!(x < -1.0 || y < 1.0 || clear((x + 2.0).ln() * y, 1.0));
        scalar_case!(early_exit, early_exit_grad, early_exit_jvp, early_exit_vjp, early_exit_hvp,
            early_exit_hessian, early_exit_dual; (x, x_t), (y, y_t)).verify(&[x, y], FD);
    }

    #[test]
    fn leaky_relu_agrees(x in -3.0..3.0f64, slope in 0.0..0.3f64) {
        prop_assume!(clear(x, 0.0));
        scalar_case!(leaky_relu, leaky_relu_grad, leaky_relu_jvp, leaky_relu_vjp, leaky_relu_hvp,
            leaky_relu_hessian, leaky_relu_dual; (x, x_t),
            (slope, slope_t)).verify(&[x, slope], FD);
    }

    #[test]
    fn huber_agrees(r in -3.0..3.0f64, delta in 0.2..2.0f64) {
        prop_assume!(clear(r, 0.0) && clear(r.abs(), delta));
        scalar_case!(huber, huber_grad, huber_jvp, huber_vjp, huber_hvp, huber_hessian, huber_dual;
            (r, r_t), (delta, delta_t)).verify(&[r, delta], FD);
    }

    #[test]
    fn residual_agrees(x in -2.0..2.0f64, w in -2.0..2.0f64, b in -1.0..1.0f64) {
        scalar_case!(residual, residual_grad, residual_jvp, residual_vjp, residual_hvp,
            residual_hessian, residual_dual; (x, x_t), (w, w_t), (b, b_t)).verify(&[x, w, b], FD);
    }

    #[test]
    fn rosenbrock_agrees(p in prop::array::uniform2(-2.0..2.0f64)) {
        let case = Case {
            name: "rosenbrock",
            primal: &|x| rosenbrock([x[0], x[1]]),
            grad: &|x| {
                let (v, g) = rosenbrock_grad([x[0], x[1]]);
                (v, g.to_vec())
            },
            vjp: &|x, d| {
                let (v, g) = rosenbrock_vjp([x[0], x[1]], d);
                (v, g.to_vec())
            },
            jvp: &|x, t| rosenbrock_jvp([x[0], x[1]], [t[0], t[1]]),
            hvp: &|x, t| hvp_flat(rosenbrock_hvp([x[0], x[1]], [t[0], t[1]])),
            hessian: &|x| hessian_flat(rosenbrock_hessian([x[0], x[1]])),
            dual: &|x| rosenbrock_dual(x),
            twin2: &|x| rosenbrock_dual(x),
        };
        case.verify(&p, FD);
    }

    #[test]
    fn norm_agrees(v in prop::array::uniform3(-3.0..3.0f64)) {
        prop_assume!(v.iter().map(|e| e * e).sum::<f64>() > 0.01);
        let case = Case {
            name: "norm",
            primal: &|x| norm(&[x[0], x[1], x[2]]),
            grad: &|x| {
                let (v, g) = norm_grad(&[x[0], x[1], x[2]]);
                (v, g.to_vec())
            },
            vjp: &|x, d| {
                let (v, g) = norm_vjp(&[x[0], x[1], x[2]], d);
                (v, g.to_vec())
            },
            jvp: &|x, t| norm_jvp(&[x[0], x[1], x[2]], [t[0], t[1], t[2]]),
            hvp: &|x, t| hvp_flat(norm_hvp(&[x[0], x[1], x[2]], [t[0], t[1], t[2]])),
            hessian: &|x| hessian_flat(norm_hessian(&[x[0], x[1], x[2]])),
            dual: &|x| norm_dual(x),
            twin2: &|x| norm_dual(x),
        };
        case.verify(&v, FD);
    }

    #[test]
    fn det_trace_agrees(p in prop::array::uniform4(-1.5..1.5f64), k in 0usize..2) {
        let m = |x: &[f64]| [[x[0], x[1]], [x[2], x[3]]];
        let flat = |g: [[f64; 2]; 2]| g.iter().flatten().copied().collect::<Vec<f64>>();
        let case = Case {
            name: "det_trace",
            primal: &|x| det_trace(m(x), k),
            grad: &|x| {
                let (v, g) = det_trace_grad(m(x), k);
                (v, flat(g))
            },
            vjp: &|x, d| {
                let (v, g) = det_trace_vjp(m(x), k, d);
                (v, flat(g))
            },
            jvp: &|x, t| det_trace_jvp(m(x), k, m(t)),
            hvp: &|x, t| hvp_flat(det_trace_hvp(m(x), k, m(t))),
            hessian: &|x| hessian_flat(det_trace_hessian(m(x), k)),
            dual: &|x| det_trace_dual(x, k),
            twin2: &|x| det_trace_dual(x, k),
        };
        case.verify(&p, FD);
    }

    #[test]
    fn slice_mix_agrees(v in prop::collection::vec(-2.0..2.0f64, 3..6), scale in -2.0..2.0f64) {
        let n = v.len();
        let case = Case {
            name: "slice_mix",
            primal: &|x| slice_mix(&x[..n], x[n]),
            grad: &|x| {
                let (y, (mut gv, gs)) = slice_mix_grad(&x[..n], x[n]);
                gv.push(gs);
                (y, gv)
            },
            vjp: &|x, d| {
                let (y, (mut gv, gs)) = slice_mix_vjp(&x[..n], x[n], d);
                gv.push(gs);
                (y, gv)
            },
            jvp: &|x, t| slice_mix_jvp(&x[..n], x[n], &t[..n], t[n]),
            hvp: &|x, t| hvp_flat(slice_mix_hvp(&x[..n], x[n], &t[..n], t[n])),
            hessian: &|x| hessian_flat(slice_mix_hessian(&x[..n], x[n])),
            dual: &|x| slice_mix_dual(x),
            twin2: &|x| slice_mix_dual(x),
        };
        let mut point = v.clone();
        point.push(scale);
        case.verify(&point, FD);
    }

    #[test]
    fn log_sum_exp_agrees(v in prop::array::uniform3(-5.0..5.0f64)) {
        prop_assume!(clear(v[0], v[1]) && clear(v[0], v[2]) && clear(v[1], v[2]));
        let case = Case {
            name: "log_sum_exp",
            primal: &|x| log_sum_exp(x.to_vec()),
            grad: &|x| log_sum_exp_grad(x.to_vec()),
            vjp: &|x, d| log_sum_exp_vjp(x.to_vec(), d),
            jvp: &|x, t| log_sum_exp_jvp(x.to_vec(), t),
            hvp: &|x, t| hvp_flat(log_sum_exp_hvp(x.to_vec(), t)),
            hessian: &|x| hessian_flat(log_sum_exp_hessian(x.to_vec())),
            dual: &|x| log_sum_exp_dual(x),
            twin2: &|x| log_sum_exp_dual(x),
        };
        case.verify(&v, FD);
    }

    #[test]
    fn weighted_agrees(p in prop::array::uniform7(-1.5..1.5f64)) {
        let case = Case {
            name: "weighted",
            primal: &|x| weighted(&x[..3].to_vec(), &[x[3], x[4], x[5]], &x[6]),
            grad: &|x| {
                let (y, (mut gv, gw, gb)) =
                    weighted_grad(&x[..3].to_vec(), &[x[3], x[4], x[5]], &x[6]);
                gv.extend(gw);
                gv.push(gb);
                (y, gv)
            },
            vjp: &|x, d| {
                let (y, (mut gv, gw, gb)) =
                    weighted_vjp(&x[..3].to_vec(), &[x[3], x[4], x[5]], &x[6], d);
                gv.extend(gw);
                gv.push(gb);
                (y, gv)
            },
            jvp: &|x, t| {
                weighted_jvp(&x[..3].to_vec(), &[x[3], x[4], x[5]], &x[6],
                    &t[..3], [t[3], t[4], t[5]], t[6])
            },
            hvp: &|x, t| {
                hvp_flat(weighted_hvp(&x[..3].to_vec(), &[x[3], x[4], x[5]], &x[6],
                    &t[..3], [t[3], t[4], t[5]], t[6]))
            },
            hessian: &|x| {
                hessian_flat(weighted_hessian(&x[..3].to_vec(), &[x[3], x[4], x[5]], &x[6]))
            },
            dual: &|x| weighted_dual(x),
            twin2: &|x| weighted_dual(x),
        };
        case.verify(&p, FD);
    }

    #[test]
    fn rows_agree(p in prop::array::uniform6(-2.0..2.0f64)) {
        let r = |x: &[f64]| vec![[x[0], x[1], x[2]], [x[3], x[4], x[5]]];
        let flat = |g: Vec<[f64; 3]>| g.into_iter().flatten().collect::<Vec<f64>>();
        let case = Case {
            name: "rows",
            primal: &|x| rows(&r(x)),
            grad: &|x| {
                let (y, g) = rows_grad(&r(x));
                (y, flat(g))
            },
            vjp: &|x, d| {
                let (y, g) = rows_vjp(&r(x), d);
                (y, flat(g))
            },
            jvp: &|x, t| rows_jvp(&r(x), &r(t)),
            hvp: &|x, t| hvp_flat(rows_hvp(&r(x), &r(t))),
            hessian: &|x| hessian_flat(rows_hessian(&r(x))),
            dual: &|x| rows_dual(x),
            twin2: &|x| rows_dual(x),
        };
        case.verify(&p, FD);
    }

    #[test]
    fn range_agrees(speed in 1.0..20.0f64, degrees in 5.0..85.0f64, drag in 0.0..0.1f64) {
        let world = Physics { gravity: 9.81, drag };
        let case = Case {
            name: "range",
            primal: &|x| range(x[0], x[1], world),
            grad: &|x| {
                let (y, (ds, dd)) = range_grad(x[0], x[1], world);
                (y, vec![ds, dd])
            },
            vjp: &|x, d| {
                let (y, (ds, dd)) = range_vjp(x[0], x[1], world, d);
                (y, vec![ds, dd])
            },
            jvp: &|x, t| range_jvp(x[0], x[1], world, t[0], t[1]),
            hvp: &|x, t| hvp_flat(range_hvp(x[0], x[1], world, t[0], t[1])),
            hessian: &|x| hessian_flat(range_hessian(x[0], x[1], world)),
            dual: &|x| range_dual(x[0], x[1], world),
            twin2: &|x| range_dual(x[0], x[1], world),
        };
        case.verify(&[speed, degrees], FD);
    }

    #[test]
    fn narrowed_agrees(a in -2.0..2.0f64, b in -2.0..2.0f64, c in -2.0..2.0f64) {
        // The active inputs in wrt order: (b, a).
        let case = Case {
            name: "narrowed",
            primal: &|x| narrowed(x[1], x[0], c),
            grad: &|x| {
                let (y, (db, da)) = narrowed_grad(x[1], x[0], c);
                (y, vec![db, da])
            },
            vjp: &|x, d| {
                let (y, (db, da)) = narrowed_vjp(x[1], x[0], c, d);
                (y, vec![db, da])
            },
            jvp: &|x, t| narrowed_jvp(x[1], x[0], c, t[0], t[1]),
            hvp: &|x, t| hvp_flat(narrowed_hvp(x[1], x[0], c, t[0], t[1])),
            hessian: &|x| hessian_flat(narrowed_hessian(x[1], x[0], c)),
            dual: &|x| narrowed_dual(x[1], x[0], c),
            twin2: &|x| narrowed_dual(x[1], x[0], c),
        };
        case.verify(&[b, a], FD);
    }

    #[test]
    fn integer_mix_agrees(x in -2.0..2.0f64, n in 0u32..5) {
        prop_assume!(off_integers(x.abs() * 4.0));
        let case = Case {
            name: "integer_mix",
            primal: &|p| integer_mix(p[0], n),
            grad: &|p| {
                let (y, d) = integer_mix_grad(p[0], n);
                (y, vec![d])
            },
            vjp: &|p, d| {
                let (y, g) = integer_mix_vjp(p[0], n, d);
                (y, vec![g])
            },
            jvp: &|p, t| integer_mix_jvp(p[0], n, t[0]),
            hvp: &|p, t| hvp_flat(integer_mix_hvp(p[0], n, t[0])),
            hessian: &|p| hessian_flat(integer_mix_hessian(p[0], n)),
            dual: &|p| integer_mix_dual(p[0], n),
            twin2: &|p| integer_mix_dual(p[0], n),
        };
        case.verify(&[x], FD);
    }

    #[test]
    fn everything_agrees(p in prop::array::uniform3(0.2..2.0f64), flag: bool) {
        let case = Case {
            name: "everything",
            primal: &|x| everything(x[0], &[x[1], x[2]], flag),
            grad: &|x| {
                let (y, (dx, dv)) = everything_grad(x[0], &[x[1], x[2]], flag);
                (y, vec![dx, dv[0], dv[1]])
            },
            vjp: &|x, d| {
                let (y, (dx, dv)) = everything_vjp(x[0], &[x[1], x[2]], flag, d);
                (y, vec![dx, dv[0], dv[1]])
            },
            jvp: &|x, t| everything_jvp(x[0], &[x[1], x[2]], flag, t[0], [t[1], t[2]]),
            hvp: &|x, t| hvp_flat(everything_hvp(x[0], &[x[1], x[2]], flag, t[0], [t[1], t[2]])),
            hessian: &|x| hessian_flat(everything_hessian(x[0], &[x[1], x[2]], flag)),
            dual: &|x| everything_dual(x, flag),
            twin2: &|x| everything_dual(x, flag),
        };
        let s = if flag {
            (p[1] * p[0]).hypot(p[2] + p[0])
        } else {
            (p[1] * p[0]).atan2(p[2] + p[0])
        };
        prop_assume!(clear(s, 1.0));
        case.verify(&p, FD);
    }
}
