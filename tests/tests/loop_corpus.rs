//! A corpus of differentiated functions with loops, in the categories that public AD test
//! suites exercise: multiplicative accumulators, Horner, running extrema with branches,
//! variables overwritten several times per iteration, nested loops over a 2-D array,
//! `while` loops whose exit depends on an active value, `break`/`continue`/early
//! `return` (labelled too), `match` inside loops, local arrays written and read back,
//! iterator chains, an explicit-Euler ODE, RNN/LSTM recurrences and softmax
//! cross-entropy.
//!
//! Every function is checked at random points (proptest) against
//! - a twin written generically over `num_dual::DualNum<f64>`, evaluated with `Dual64`
//!   once per coordinate (the gradient) and once per tangent direction (the JVP);
//! - central finite differences (`autodiff_core::check`);
//! - the contract's identities: `f_grad(x) == f_vjp(x, 1.0)` bit for bit,
//!   `f_vjp(x, dout) = dout · f_grad(x)`, `f_jvp(x, t) = f_grad(x) · t`, and every
//!   sibling returns the primal value of `f` unchanged.
//!
//! and, at the same points, its second-order siblings (`Case::verify_second`):
//! - `f_hvp` along the two tangent directions `v` of the JVP checks: its value is `f`'s
//!   and its gradient `f_grad`'s, bit for bit (the same reverse sweep, with tangents
//!   alongside); `H v` against the same twin evaluated with `HyperDual64`, `eps1 = v`
//!   and `eps2 = e_j` giving `(H v)_j` (`n` evaluations per direction); and `H v`
//!   against central differences of `f_grad` along `v`,
//!   `(g(x + s v) - g(x - s v)) / 2s`, where `x ± s v` take the same path as `x`;
//! - `f_hessian`: its value and gradient are `f`'s and `f_grad`'s, bit for bit; its
//!   column `j` is `f_hvp` along `e_j`, bit for bit (that is how it is built); it is
//!   symmetric; and `H v` from the matrix is `f_hvp`'s up to rounding.
//!
//! The file ends with minimal reproductions, with exact values, of the failures the
//! corpus found.
//!
//! Each twin also records the discrete path it takes (branch choices, trip counts, exit
//! points) in a [`Path`]. Dual numbers compare by their real part, so the twin follows
//! the same path as `f` and its derivative is exact for every input; central
//! differences are only meaningful where `x - s` and `x + s` take the same path as `x`,
//! so a coordinate is compared with them only there, and each test asserts that most
//! coordinates were compared (the domains are chosen so that path changes within one
//! step are rare). The same holds for the central differences of the gradient along a
//! direction `v`, at `x ± s v`, and the share of directions compared is asserted alike.
//!
//! Tolerances, in the mixed sense of `autodiff_core::check::close`
//! (`|a - b| ≤ tol · max(1, |a|, |b|)`):
//! - [`EXACT`] = 1e-11 between our derivatives and num-dual's, and for the sibling
//!   identities that are not bitwise: both sides are exact derivatives of the same
//!   floating-point program, computed in different orders (reverse mode sums adjoints
//!   backwards), so they differ only by rounding. The longest programs here (100 Euler
//!   steps, 20 power iterations, a bubble sort) perform a few thousand roundings of
//!   1.1e-16 on quantities that the domains keep below about 1e2, i.e. at most ~1e-12;
//!   a wrong term (a dropped iteration, a sign, a stale tape entry) is off by orders of
//!   magnitude more.
//! - [`FD`] = 1e-6 against central differences: their truncation and rounding error is
//!   about `ε^(2/3) ≈ 4e-11` times the size of the function and of its third derivative,
//!   which the domains keep moderate (away from poles of `sqrt`, `ln` and divisions), so
//!   1e-6 leaves a wide margin and still catches any wrong derivative.
//! - The JVP against `gradient · t` uses [`EXACT`] times `max(1, Σ |g_i t_i|)`, the scale
//!   of the rounding in a dot product.
//! - [`EXACT`] also between `f_hvp`'s `H v` and num-dual's, and between `H_ij` and
//!   `H_ji`: again exact derivatives of one program up to rounding. Forward over
//!   reverse performs about three times the roundings of the gradient, on second
//!   derivatives that the same domains keep moderate, so the bound above still holds
//!   with a wide margin (the worst seen is 5e-14, for `rnn`); a wrong second-order rule
//!   or a dropped tangent is off by far more.
//! - `f_hessian · v` against `f_hvp` along `v` uses [`EXACT`] times
//!   `max(1, Σ_j |H_ij v_j|)`, like the JVP: the same product summed in another order.
//! - [`FD`] against central differences of the gradient along `v`, with the largest
//!   step `s` that moves no coordinate further than the first-order checks do
//!   (`s |v_i| ≤ DEFAULT_STEP · max(1, |x_i|)`): the error is the same `ε^(2/3)` times
//!   the size of the gradient and of its third derivative (the fourth of `f`), which the
//!   same domains keep moderate; the worst seen is 7e-8 (`captured_in_closures`).
// The differentiated functions are written the way numeric code is (index loops,
// `s = s * t`, a swap through a temporary), because those are the forms under test.
#![allow(
    clippy::assign_op_pattern,
    clippy::manual_swap,
    clippy::needless_range_loop,
    clippy::let_and_return,
    clippy::needless_return,
    clippy::too_many_lines,
    clippy::manual_memcpy,
    clippy::explicit_counter_loop,
    clippy::excessive_precision
)]

use std::sync::atomic::{AtomicUsize, Ordering};

mod common;

use autodiff_core::check::{close, derivative, DEFAULT_STEP};
use autodiff_core::differentiate;
use common::{hessian_flat, hvp_flat};
use num_dual::{Dual64, DualNum, HyperDual64};
use num_traits::Float;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

/// Between two exact derivatives (see the module docs).
const EXACT: f64 = 1e-11;
/// Against central differences (see the module docs).
const FD: f64 = 1e-6;

/// The discrete decisions a twin took, in order.
type Path = Vec<i64>;

/// The scalar type of the twins, which are evaluated with `Dual64`.
trait Re: DualNum<Primitive = f64> + Copy {}
impl<D: DualNum<Primitive = f64> + Copy> Re for D {}

fn c<D: Re>(v: f64) -> D {
    D::from(v)
}

fn sigmoid<D: Re>(x: D) -> D {
    ((-x).exp() + 1.0).recip()
}

/// `a.max(b)` as std computes it, recording which argument won.
fn max_rec<D: Re>(a: D, b: D, path: &mut Path) -> D {
    if b > a {
        path.push(1);
        b
    } else {
        path.push(0);
        a
    }
}

/// `a.min(b)` as std computes it, recording which argument won.
fn min_rec<D: Re>(a: D, b: D, path: &mut Path) -> D {
    if b < a {
        path.push(1);
        b
    } else {
        path.push(0);
        a
    }
}

// ---- the harness ------------------------------------------------------------------------

/// One differentiated function seen through flat vectors of its active inputs (nested
/// arrays row-major, parameters in order).
struct Case<'a> {
    name: &'a str,
    primal: &'a dyn Fn(&[f64]) -> f64,
    grad: &'a GradFn<'a>,
    jvp: &'a JvpFn<'a>,
    vjp: &'a VjpFn<'a>,
    hvp: &'a HvpFn<'a>,
    hessian: &'a HessianFn<'a>,
    twin: &'a dyn Fn(&[Dual64], &mut Path) -> Dual64,
    /// The same twin, evaluated with `HyperDual64` for second derivatives.
    twin2: &'a dyn Fn(&[HyperDual64], &mut Path) -> HyperDual64,
}

/// `f_grad`, its gradient flattened.
type GradFn<'a> = dyn Fn(&[f64]) -> (f64, Vec<f64>) + 'a;
/// `f_jvp` with the flat tangent split into the function's tangent parameters.
type JvpFn<'a> = dyn Fn(&[f64], &[f64]) -> (f64, f64) + 'a;
/// `f_vjp` with the given `dout`, its gradient flattened.
type VjpFn<'a> = dyn Fn(&[f64], f64) -> (f64, Vec<f64>) + 'a;
/// `f_hvp` with the flat direction split like a tangent: value, gradient and `H v`, flat.
type HvpFn<'a> = dyn Fn(&[f64], &[f64]) -> (f64, Vec<f64>, Vec<f64>) + 'a;
/// `f_hessian`: value, flat gradient and the Hessian as rows over the flat inputs.
type HessianFn<'a> = dyn Fn(&[f64]) -> (f64, Vec<f64>, Vec<Vec<f64>>) + 'a;

/// How many coordinates (of the gradient) and directions (of `H v`) were compared with
/// central differences, out of how many.
#[derive(Clone, Copy, Debug, Default)]
struct Coverage {
    compared: usize,
    coordinates: usize,
    directions_compared: usize,
    directions: usize,
}

fn duals(x: &[f64], eps: impl Fn(usize) -> f64) -> Vec<Dual64> {
    x.iter().enumerate().map(|(i, &re)| Dual64::new(re, eps(i))).collect()
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
/// coordinate further than `derivative`'s step for it, `DEFAULT_STEP · max(1, |x_i|)`.
fn directional_step(x: &[f64], v: &[f64]) -> f64 {
    x.iter()
        .zip(v)
        .filter(|(_, t)| **t != 0.0)
        .map(|(a, t)| DEFAULT_STEP * a.abs().max(1.0) / t.abs())
        .fold(f64::INFINITY, f64::min)
}

/// Two tangent directions, deterministic and unremarkable.
fn tangents(n: usize) -> [Vec<f64>; 2] {
    [
        (0..n).map(|i| 1.0 - 0.37 * i as f64).collect(),
        (0..n).map(|i| ((i * 7 + 3) % 5) as f64 * 0.5 - 1.1).collect(),
    ]
}

#[track_caller]
fn assert_close(got: f64, want: f64, tol: f64, what: &str) {
    assert!(
        close(got, want, tol),
        "{what}: got {got:e}, want {want:e} (|diff| {:e}, tol {tol:e})",
        (got - want).abs()
    );
}

impl Case<'_> {
    fn path(&self, x: &[f64]) -> (f64, Path) {
        let mut path = Path::new();
        let y = (self.twin)(&duals(x, |_| 0.0), &mut path);
        (y.re, path)
    }

    /// Every check at `x`, with `tol` between exact derivatives.
    fn verify(&self, x: &[f64], tol: f64) -> Coverage {
        let name = self.name;
        let n = x.len();
        let y = (self.primal)(x);
        let (twin_y, path) = self.path(x);
        assert_close(twin_y, y, tol, &format!("{name}: the twin's value at {x:?}"));

        let (gy, g) = (self.grad)(x);
        assert_eq!(g.len(), n, "{name}: gradient length");
        assert_eq!(
            gy.to_bits(),
            y.to_bits(),
            "{name} at {x:?}: f_grad value {gy:e} is not f {y:e}"
        );

        let (vy, vg) = (self.vjp)(x, 1.0);
        assert_eq!(vy.to_bits(), y.to_bits(), "{name} at {x:?}: f_vjp value");
        assert!(
            vg.iter().zip(&g).all(|(a, b)| a.to_bits() == b.to_bits()),
            "{name} at {x:?}: f_vjp(.., 1.0) = {vg:?} is not f_grad = {g:?}"
        );
        for dout in [-2.5, 0.375] {
            let (vy, vg) = (self.vjp)(x, dout);
            assert_eq!(vy.to_bits(), y.to_bits(), "{name}: f_vjp value with dout {dout}");
            for (i, (a, b)) in vg.iter().zip(&g).enumerate() {
                assert_close(
                    *a,
                    dout * b,
                    tol,
                    &format!("{name} at {x:?}: f_vjp(dout = {dout})[{i}]"),
                );
            }
        }

        for t in tangents(n) {
            let (jy, jd) = (self.jvp)(x, &t);
            assert_eq!(jy.to_bits(), y.to_bits(), "{name} at {x:?}: f_jvp value");
            let want: f64 = g.iter().zip(&t).map(|(a, b)| a * b).sum();
            let scale: f64 = g.iter().zip(&t).map(|(a, b)| (a * b).abs()).sum();
            assert!(
                (jd - want).abs() <= tol * scale.max(1.0),
                "{name} at {x:?}: f_jvp along {t:?} = {jd:e}, gradient · t = {want:e}"
            );
            let dual = (self.twin)(&duals(x, |i| t[i]), &mut Path::new()).eps;
            assert!(
                (jd - dual).abs() <= tol * scale.max(jd.abs()).max(1.0),
                "{name} at {x:?}: f_jvp along {t:?} = {jd:e}, num-dual {dual:e}"
            );
        }

        for j in 0..n {
            let dual = (self.twin)(&duals(x, |i| if i == j { 1.0 } else { 0.0 }), &mut Path::new());
            assert_close(g[j], dual.eps, tol, &format!("{name} at {x:?}: f_grad[{j}] vs num-dual"));
        }

        let mut compared = 0;
        let mut point = x.to_vec();
        for j in 0..n {
            // The points `derivative` evaluates (see `autodiff_core::check`).
            let s = DEFAULT_STEP * x[j].abs().max(1.0);
            let same_path = [x[j] - s, x[j] + s].iter().all(|&v| {
                point[j] = v;
                self.path(&point).1 == path
            });
            point[j] = x[j];
            if !same_path {
                continue;
            }
            let fd = derivative(
                |v| {
                    let mut p = x.to_vec();
                    p[j] = v;
                    (self.primal)(&p)
                },
                x[j],
                DEFAULT_STEP,
            );
            assert_close(
                g[j],
                fd,
                FD,
                &format!("{name} at {x:?}: f_grad[{j}] vs central differences"),
            );
            compared += 1;
        }
        let (directions_compared, directions) = self.verify_second(x, y, &g, &path, tol);
        Coverage { compared, coordinates: n, directions_compared, directions }
    }

    /// The second-order checks at `x`, where `f` is `y` with gradient `g` and takes
    /// `path`: `f_hvp` along the two [`tangents`] against `f` and `f_grad` (bit for bit),
    /// num-dual's hyper-dual numbers and central differences of `f_grad`; then
    /// `f_hessian` against `f_hvp`. Returns how many directions were compared with
    /// central differences, out of how many nonzero ones.
    fn verify_second(&self, x: &[f64], y: f64, g: &[f64], path: &Path, tol: f64) -> (usize, usize) {
        let name = self.name;
        let n = x.len();
        let directions = tangents(n);
        let (mut compared, mut comparable) = (0, 0);
        let mut products = Vec::new();
        for v in &directions {
            let (hy, hg, hv) = (self.hvp)(x, v);
            assert_eq!(
                hy.to_bits(),
                y.to_bits(),
                "{name} at {x:?}: f_hvp value {hy:e} is not f {y:e}"
            );
            assert!(
                same_bits(&hg, g),
                "{name} at {x:?}: f_hvp gradient {hg:?} is not f_grad {g:?}"
            );
            assert_eq!(hv.len(), n, "{name}: H v length");
            for j in 0..n {
                let dual = (self.twin2)(&hyperduals(x, v, j), &mut Path::new()).eps1eps2;
                assert_close(
                    hv[j],
                    dual,
                    tol,
                    &format!("{name} at {x:?}: f_hvp along {v:?}, (H v)[{j}] vs num-dual"),
                );
            }

            // Central differences of the gradient along `v` where `x ± s v` take the same
            // path as `x`, with the step that moves no coordinate further than
            // `derivative` moves it above.
            if v.iter().any(|&t| t != 0.0) {
                comparable += 1;
                let s = directional_step(x, v);
                let lo: Vec<f64> = x.iter().zip(v).map(|(a, t)| a - s * t).collect();
                let hi: Vec<f64> = x.iter().zip(v).map(|(a, t)| a + s * t).collect();
                if self.path(&lo).1 == *path && self.path(&hi).1 == *path {
                    let (glo, ghi) = ((self.grad)(&lo).1, (self.grad)(&hi).1);
                    for j in 0..n {
                        let fd = (ghi[j] - glo[j]) / (2.0 * s);
                        assert_close(
                            hv[j],
                            fd,
                            FD,
                            &format!(
                                "{name} at {x:?}: f_hvp along {v:?}, (H v)[{j}] vs central \
                                 differences of f_grad"
                            ),
                        );
                    }
                    compared += 1;
                }
            }
            products.push(hv);
        }

        let (hy, hg, h) = (self.hessian)(x);
        assert_eq!(
            hy.to_bits(),
            y.to_bits(),
            "{name} at {x:?}: f_hessian value {hy:e} is not f {y:e}"
        );
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
            for i in 0..j {
                assert_close(
                    h[i][j],
                    h[j][i],
                    tol,
                    &format!("{name} at {x:?}: f_hessian is not symmetric at ({i}, {j})"),
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
                    (hv[i] - want).abs() <= tol * scale.max(hv[i].abs()).max(1.0),
                    "{name} at {x:?}: f_hvp along {v:?} [{i}] = {:e}, f_hessian · v = {want:e}",
                    hv[i]
                );
            }
        }
        (compared, comparable)
    }
}

/// 48 random points per function, each checked to second order: enough to visit every
/// path shape of these small inputs, and the whole file stays within a few seconds in
/// debug builds (the hyper-dual sweeps cost `2 n` evaluations of the twin per point,
/// like the dual ones).
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 48,
        failure_persistence: None,
        // A fixed seed: the same points on every run, so that CI is reproducible.
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x00ad_d1ff),
        ..ProptestConfig::default()
    }
}

/// Runs `body` at points drawn from `strategy` and asserts that at least `min_share` of
/// all coordinates could be compared with central differences.
#[track_caller]
fn sweep<S: Strategy>(name: &str, strategy: S, min_share: f64, body: impl Fn(S::Value) -> Coverage)
where
    S::Value: std::fmt::Debug,
{
    let compared = AtomicUsize::new(0);
    let coordinates = AtomicUsize::new(0);
    let directions_compared = AtomicUsize::new(0);
    let directions = AtomicUsize::new(0);
    let mut runner = TestRunner::new(config());
    let result = runner.run(&strategy, |v| {
        let c = body(v);
        compared.fetch_add(c.compared, Ordering::Relaxed);
        coordinates.fetch_add(c.coordinates, Ordering::Relaxed);
        directions_compared.fetch_add(c.directions_compared, Ordering::Relaxed);
        directions.fetch_add(c.directions, Ordering::Relaxed);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    let (compared, coordinates) = (compared.into_inner(), coordinates.into_inner());
    assert!(
        compared as f64 >= min_share * coordinates as f64,
        "{name}: only {compared} of {coordinates} coordinates could be compared with central differences"
    );
    let (directions_compared, directions) =
        (directions_compared.into_inner(), directions.into_inner());
    assert!(
        directions_compared as f64 >= min_share * directions as f64,
        "{name}: only {directions_compared} of {directions} directions of H v could be compared \
         with central differences"
    );
}

fn arr<const N: usize>(p: &[f64]) -> [f64; N] {
    p.try_into().expect("a flat vector of the array's length")
}

fn grid(p: &[f64]) -> [[f64; 3]; 4] {
    std::array::from_fn(|i| std::array::from_fn(|j| p[3 * i + j]))
}

fn flat_grid(g: &[[f64; 3]; 4]) -> Vec<f64> {
    g.iter().flatten().copied().collect()
}

/// A [`Case`] for a function of one active slice parameter.
macro_rules! slice_case {
    ($f:ident, $grad:ident, $jvp:ident, $vjp:ident, $hvp:ident, $hessian:ident, $twin:ident) => {
        Case {
            name: stringify!($f),
            primal: &|p: &[f64]| $f(p),
            grad: &|p: &[f64]| $grad(p),
            jvp: &|p: &[f64], t: &[f64]| $jvp(p, t),
            vjp: &|p: &[f64], d: f64| $vjp(p, d),
            hvp: &|p: &[f64], t: &[f64]| hvp_flat($hvp(p, t)),
            hessian: &|p: &[f64]| hessian_flat($hessian(p)),
            twin: &|p: &[Dual64], r: &mut Path| $twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| $twin(p, r),
        }
    };
}

/// A [`Case`] for a function of one active `&[f64; N]` parameter.
macro_rules! array_case {
    ($f:ident, $grad:ident, $jvp:ident, $vjp:ident, $hvp:ident, $hessian:ident, $twin:ident) => {
        Case {
            name: stringify!($f),
            primal: &|p: &[f64]| $f(&arr(p)),
            grad: &|p: &[f64]| {
                let (y, g) = $grad(&arr(p));
                (y, g.to_vec())
            },
            jvp: &|p: &[f64], t: &[f64]| $jvp(&arr(p), arr(t)),
            vjp: &|p: &[f64], d: f64| {
                let (y, g) = $vjp(&arr(p), d);
                (y, g.to_vec())
            },
            hvp: &|p: &[f64], t: &[f64]| hvp_flat($hvp(&arr(p), arr(t))),
            hessian: &|p: &[f64]| hessian_flat($hessian(&arr(p))),
            twin: &|p: &[Dual64], r: &mut Path| $twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| $twin(p, r),
        }
    };
}

/// A [`Case`] for a function of one active `&[[f64; 3]; 4]` parameter.
macro_rules! grid_case {
    ($f:ident, $grad:ident, $jvp:ident, $vjp:ident, $hvp:ident, $hessian:ident, $twin:ident) => {
        Case {
            name: stringify!($f),
            primal: &|p: &[f64]| $f(&grid(p)),
            grad: &|p: &[f64]| {
                let (y, g) = $grad(&grid(p));
                (y, flat_grid(&g))
            },
            jvp: &|p: &[f64], t: &[f64]| $jvp(&grid(p), grid(t)),
            vjp: &|p: &[f64], d: f64| {
                let (y, g) = $vjp(&grid(p), d);
                (y, flat_grid(&g))
            },
            hvp: &|p: &[f64], t: &[f64]| hvp_flat($hvp(&grid(p), grid(t))),
            hessian: &|p: &[f64]| hessian_flat($hessian(&grid(p))),
            twin: &|p: &[Dual64], r: &mut Path| $twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| $twin(p, r),
        }
    };
}

/// Concatenates strategies' vectors into one flat point.
fn joined<A, B>(a: A, b: B) -> impl Strategy<Value = Vec<f64>>
where
    A: Strategy<Value = Vec<f64>>,
    B: Strategy<Value = Vec<f64>>,
{
    (a, b).prop_map(|(mut a, b)| {
        a.extend(b);
        a
    })
}

fn scalar(lo: f64, hi: f64) -> impl Strategy<Value = Vec<f64>> {
    (lo..hi).prop_map(|v| vec![v])
}

// ---- multiplicative accumulators and Horner ---------------------------------------------

/// A product accumulator, divided as well as multiplied, feeding a second accumulator.
#[differentiate(order = 2)]
fn mul_accumulator(x: &[f64]) -> f64 {
    let mut p = 1.0;
    let mut q = 0.0;
    for i in 0..x.len() {
        p *= 1.0 + 0.5 * x[i];
        q = q * x[i] + p;
        p /= 1.0 + 0.1 * x[i] * x[i];
    }
    p + q
}

fn mul_accumulator_twin<D: Re>(x: &[D], _: &mut Path) -> D {
    let mut p = c::<D>(1.0);
    let mut q = c::<D>(0.0);
    for &v in x {
        p *= v * 0.5 + 1.0;
        q = q * v + p;
        p /= v * v * 0.1 + 1.0;
    }
    p + q
}

#[test]
fn multiplicative_accumulator() {
    sweep("mul_accumulator", vec(-1.0..1.0, 1..8), 1.0, |x| {
        slice_case!(
            mul_accumulator,
            mul_accumulator_grad,
            mul_accumulator_jvp,
            mul_accumulator_vjp,
            mul_accumulator_hvp,
            mul_accumulator_hessian,
            mul_accumulator_twin
        )
        .verify(&x, EXACT)
    });
}

#[differentiate(order = 2)]
fn horner(c: &[f64], x: f64) -> f64 {
    let mut acc = 0.0;
    for k in (0..c.len()).rev() {
        acc = acc * x + c[k];
    }
    acc
}

fn horner_twin<D: Re>(p: &[D], _: &mut Path) -> D {
    let (coefs, x) = p.split_at(p.len() - 1);
    let mut acc = c::<D>(0.0);
    for &ck in coefs.iter().rev() {
        acc = acc * x[0] + ck;
    }
    acc
}

/// Horner carrying the derivative polynomial along: `dp` is overwritten from the old
/// `p` before `p` itself is overwritten.
#[differentiate(order = 2)]
fn horner_with_derivative(c: &[f64], x: f64) -> f64 {
    let n = c.len();
    let mut p = c[n - 1];
    let mut dp = 0.0;
    for k in (0..n - 1).rev() {
        dp = dp * x + p;
        p = p * x + c[k];
    }
    p + dp * dp
}

fn horner_with_derivative_twin<D: Re>(q: &[D], _: &mut Path) -> D {
    let (coefs, x) = q.split_at(q.len() - 1);
    let x = x[0];
    let n = coefs.len();
    let mut p = coefs[n - 1];
    let mut dp = c::<D>(0.0);
    for k in (0..n - 1).rev() {
        dp = dp * x + p;
        p = p * x + coefs[k];
    }
    p + dp * dp
}

/// The flat point is the coefficients followed by `x`.
macro_rules! horner_case {
    ($f:ident, $grad:ident, $jvp:ident, $vjp:ident, $hvp:ident, $hessian:ident, $twin:ident) => {
        Case {
            name: stringify!($f),
            primal: &|p: &[f64]| $f(&p[..p.len() - 1], p[p.len() - 1]),
            grad: &|p: &[f64]| {
                let (y, (mut gc, gx)) = $grad(&p[..p.len() - 1], p[p.len() - 1]);
                gc.push(gx);
                (y, gc)
            },
            jvp: &|p: &[f64], t: &[f64]| {
                let n = p.len() - 1;
                $jvp(&p[..n], p[n], &t[..n], t[n])
            },
            vjp: &|p: &[f64], d: f64| {
                let (y, (mut gc, gx)) = $vjp(&p[..p.len() - 1], p[p.len() - 1], d);
                gc.push(gx);
                (y, gc)
            },
            hvp: &|p: &[f64], t: &[f64]| {
                let n = p.len() - 1;
                hvp_flat($hvp(&p[..n], p[n], &t[..n], t[n]))
            },
            hessian: &|p: &[f64]| hessian_flat($hessian(&p[..p.len() - 1], p[p.len() - 1])),
            twin: &|p: &[Dual64], r: &mut Path| $twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| $twin(p, r),
        }
    };
}

#[test]
fn horner_forms() {
    let points = || joined(vec(-2.0..2.0, 1..7), scalar(-1.5, 1.5));
    sweep("horner", points(), 1.0, |p| {
        horner_case!(
            horner,
            horner_grad,
            horner_jvp,
            horner_vjp,
            horner_hvp,
            horner_hessian,
            horner_twin
        )
        .verify(&p, EXACT)
    });
    sweep("horner_with_derivative", points(), 1.0, |p| {
        horner_case!(
            horner_with_derivative,
            horner_with_derivative_grad,
            horner_with_derivative_jvp,
            horner_with_derivative_vjp,
            horner_with_derivative_hvp,
            horner_with_derivative_hessian,
            horner_with_derivative_twin
        )
        .verify(&p, EXACT)
    });
}

// ---- running extrema with branches, overwrites ------------------------------------------

/// An `if / else if / else` chain on active conditions updates two running extrema.
#[differentiate(order = 2)]
fn running_extremes(x: &[f64]) -> f64 {
    let mut hi = x[0];
    let mut lo = x[0];
    let mut s = 0.0;
    for i in 1..x.len() {
        let v = x[i];
        if v > hi {
            hi = v;
            s += v * v;
        } else if v < lo {
            lo = v;
            s -= v;
        } else {
            s += 0.5 * v * hi;
        }
    }
    (hi - lo) * s + hi
}

fn running_extremes_twin<D: Re>(x: &[D], path: &mut Path) -> D {
    let mut hi = x[0];
    let mut lo = x[0];
    let mut s = c::<D>(0.0);
    for &v in &x[1..] {
        if v > hi {
            path.push(0);
            hi = v;
            s += v * v;
        } else if v < lo {
            path.push(1);
            lo = v;
            s -= v;
        } else {
            path.push(2);
            s += v * hi * 0.5;
        }
    }
    (hi - lo) * s + hi
}

#[test]
fn running_extremes_with_an_else_if_chain() {
    sweep("running_extremes", vec(-2.0..2.0, 1..8), 0.9, |x| {
        slice_case!(
            running_extremes,
            running_extremes_grad,
            running_extremes_jvp,
            running_extremes_vjp,
            running_extremes_hvp,
            running_extremes_hessian,
            running_extremes_twin
        )
        .verify(&x, EXACT)
    });
}

/// Running extrema through `max` and `min`, starting from the infinities.
#[differentiate(order = 2)]
fn max_min_methods(x: &[f64]) -> f64 {
    let mut m = f64::NEG_INFINITY;
    let mut n = f64::INFINITY;
    for &v in x {
        m = m.max(v.sin());
        n = n.min(v * v - v);
    }
    m * n + m
}

fn max_min_methods_twin<D: Re>(x: &[D], path: &mut Path) -> D {
    let mut m = c::<D>(f64::NEG_INFINITY);
    let mut n = c::<D>(f64::INFINITY);
    for &v in x {
        m = max_rec(m, v.sin(), path);
        n = min_rec(n, v * v - v, path);
    }
    m * n + m
}

#[test]
fn running_max_and_min_methods() {
    sweep("max_min_methods", vec(-2.0..2.0, 1..8), 0.9, |x| {
        slice_case!(
            max_min_methods,
            max_min_methods_grad,
            max_min_methods_jvp,
            max_min_methods_vjp,
            max_min_methods_hvp,
            max_min_methods_hessian,
            max_min_methods_twin
        )
        .verify(&x, EXACT)
    });
}

/// Two variables each overwritten three times per iteration, each new value read from
/// the old ones.
#[differentiate(order = 2)]
fn overwrites(x: &[f64]) -> f64 {
    let mut s = 0.5;
    let mut t = 0.0;
    for i in 0..x.len() {
        t = x[i] * s;
        t = t.sin() + s;
        s = s * t;
        t = t * t - s;
        s = 0.5 * s + 0.25 * t.cos();
        s = s.tanh();
    }
    s + t
}

fn overwrites_twin<D: Re>(x: &[D], _: &mut Path) -> D {
    let mut s = c::<D>(0.5);
    let mut t = c::<D>(0.0);
    for &v in x {
        t = v * s;
        t = t.sin() + s;
        s = s * t;
        t = t * t - s;
        s = s * 0.5 + t.cos() * 0.25;
        s = s.tanh();
    }
    s + t
}

#[test]
fn variables_overwritten_several_times_per_iteration() {
    sweep("overwrites", vec(-2.0..2.0, 0..8), 1.0, |x| {
        slice_case!(
            overwrites,
            overwrites_grad,
            overwrites_jvp,
            overwrites_vjp,
            overwrites_hvp,
            overwrites_hessian,
            overwrites_twin
        )
        .verify(&x, EXACT)
    });
}

// ---- nested loops over a 2-D array ------------------------------------------------------

#[differentiate(order = 2)]
fn grid_rows(a: &[[f64; 3]; 4]) -> f64 {
    let mut total = 0.0;
    for i in 0..4 {
        let mut row = 1.0;
        for j in 0..3 {
            row *= 1.0 + a[i][j] * a[i][j];
            row += a[i][j] * (i as f64 - j as f64);
        }
        total = total * 0.9 + row;
    }
    total
}

fn grid_rows_twin<D: Re>(a: &[D], _: &mut Path) -> D {
    let mut total = c::<D>(0.0);
    for i in 0..4 {
        let mut row = c::<D>(1.0);
        for j in 0..3 {
            let v = a[3 * i + j];
            row *= v * v + 1.0;
            row += v * (i as f64 - j as f64);
        }
        total = total * 0.9 + row;
    }
    total
}

/// Rows by iteration, entries by `enumerate`.
#[differentiate(order = 2)]
fn grid_iter(a: &[[f64; 3]; 4]) -> f64 {
    let mut s = 0.0;
    for row in a.iter() {
        let mut r = 0.0;
        for (j, &v) in row.iter().enumerate() {
            r = r * v + (j as f64 + 1.0) * v.cos();
        }
        s += r * r;
    }
    s
}

fn grid_iter_twin<D: Re>(a: &[D], _: &mut Path) -> D {
    let mut s = c::<D>(0.0);
    for row in a.chunks(3) {
        let mut r = c::<D>(0.0);
        for (j, &v) in row.iter().enumerate() {
            r = r * v + v.cos() * (j as f64 + 1.0);
        }
        s += r * r;
    }
    s
}

/// A matrix-vector product into a local array, modified in place, then its norm.
#[differentiate(order = 2)]
fn matvec_norm(a: &[[f64; 3]; 4], x: &[f64; 3]) -> f64 {
    let mut y = [0.0; 4];
    for i in 0..4 {
        for j in 0..3 {
            y[i] += a[i][j] * x[j];
        }
    }
    for i in 0..4 {
        y[i] *= 1.0 + 0.5 * y[i].tanh();
    }
    let mut s = 1.0;
    for i in 0..4 {
        s += y[i] * y[i];
    }
    s.sqrt()
}

fn matvec_norm_twin<D: Re>(p: &[D], _: &mut Path) -> D {
    let (a, x) = p.split_at(12);
    let mut y = [c::<D>(0.0); 4];
    for i in 0..4 {
        for j in 0..3 {
            y[i] += a[3 * i + j] * x[j];
        }
    }
    for v in &mut y {
        *v *= v.tanh() * 0.5 + 1.0;
    }
    let mut s = c::<D>(1.0);
    for v in y {
        s += v * v;
    }
    s.sqrt()
}

/// Per column, log-sum-exp shifted by the running maximum (a branch on active values;
/// the value does not depend on which entry wins, so no path is recorded).
#[differentiate(order = 2)]
fn column_log_sum_exp(a: &[[f64; 3]; 4]) -> f64 {
    let mut total = 0.0;
    for j in 0..3 {
        let mut m = a[0][j];
        for i in 1..4 {
            if a[i][j] > m {
                m = a[i][j];
            }
        }
        let mut s = 0.0;
        for i in 0..4 {
            s += (a[i][j] - m).exp();
        }
        total += (m + s.ln()) * (j as f64 + 1.0);
    }
    total
}

fn column_log_sum_exp_twin<D: Re>(a: &[D], _: &mut Path) -> D {
    let mut total = c::<D>(0.0);
    for j in 0..3 {
        let mut m = a[j];
        for i in 1..4 {
            if a[3 * i + j] > m {
                m = a[3 * i + j];
            }
        }
        let mut s = c::<D>(0.0);
        for i in 0..4 {
            s += (a[3 * i + j] - m).exp();
        }
        total += (m + s.ln()) * (j as f64 + 1.0);
    }
    total
}

/// A labelled `continue` and a labelled `break` of the outer loop from the inner one;
/// the break depends on an active running sum.
#[differentiate(order = 2)]
fn labelled_break_grid(a: &[[f64; 3]; 4], limit: f64) -> f64 {
    let mut s = 0.0;
    'rows: for i in 0..4 {
        for j in 0..3 {
            let v = a[i][j];
            if v < -0.8 {
                continue 'rows;
            }
            s += v * v + 0.1 * s;
            if s > limit {
                break 'rows;
            }
        }
    }
    s * limit
}

fn labelled_break_grid_twin<D: Re>(p: &[D], path: &mut Path) -> D {
    let (a, limit) = (&p[..12], p[12]);
    let mut s = c::<D>(0.0);
    'rows: for i in 0..4 {
        for j in 0..3 {
            let v = a[3 * i + j];
            if v < -0.8 {
                path.push((3 * i + j) as i64);
                continue 'rows;
            }
            s += v * v + s * 0.1;
            if s > limit {
                path.push(-((3 * i + j) as i64) - 1);
                break 'rows;
            }
        }
    }
    s * limit
}

#[test]
fn nested_loops_over_a_two_dimensional_array() {
    let entries = || vec(-1.0..1.0, 12);
    sweep("grid_rows", entries(), 1.0, |a| {
        grid_case!(
            grid_rows,
            grid_rows_grad,
            grid_rows_jvp,
            grid_rows_vjp,
            grid_rows_hvp,
            grid_rows_hessian,
            grid_rows_twin
        )
        .verify(&a, EXACT)
    });
    sweep("grid_iter", entries(), 1.0, |a| {
        grid_case!(
            grid_iter,
            grid_iter_grad,
            grid_iter_jvp,
            grid_iter_vjp,
            grid_iter_hvp,
            grid_iter_hessian,
            grid_iter_twin
        )
        .verify(&a, EXACT)
    });
    sweep("column_log_sum_exp", vec(-3.0..3.0, 12), 1.0, |a| {
        grid_case!(
            column_log_sum_exp,
            column_log_sum_exp_grad,
            column_log_sum_exp_jvp,
            column_log_sum_exp_vjp,
            column_log_sum_exp_hvp,
            column_log_sum_exp_hessian,
            column_log_sum_exp_twin
        )
        .verify(&a, EXACT)
    });
    sweep("matvec_norm", joined(entries(), vec(-1.5..1.5, 3)), 1.0, |p| {
        Case {
            name: "matvec_norm",
            primal: &|p: &[f64]| matvec_norm(&grid(&p[..12]), &arr(&p[12..])),
            grad: &|p: &[f64]| {
                let (y, (ga, gx)) = matvec_norm_grad(&grid(&p[..12]), &arr(&p[12..]));
                let mut g = flat_grid(&ga);
                g.extend(gx);
                (y, g)
            },
            jvp: &|p: &[f64], t: &[f64]| {
                matvec_norm_jvp(&grid(&p[..12]), &arr(&p[12..]), grid(&t[..12]), arr(&t[12..]))
            },
            vjp: &|p: &[f64], d: f64| {
                let (y, (ga, gx)) = matvec_norm_vjp(&grid(&p[..12]), &arr(&p[12..]), d);
                let mut g = flat_grid(&ga);
                g.extend(gx);
                (y, g)
            },
            hvp: &|p: &[f64], t: &[f64]| {
                hvp_flat(matvec_norm_hvp(
                    &grid(&p[..12]),
                    &arr(&p[12..]),
                    grid(&t[..12]),
                    arr(&t[12..]),
                ))
            },
            hessian: &|p: &[f64]| {
                hessian_flat(matvec_norm_hessian(&grid(&p[..12]), &arr(&p[12..])))
            },
            twin: &|p: &[Dual64], r: &mut Path| matvec_norm_twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| matvec_norm_twin(p, r),
        }
        .verify(&p, EXACT)
    });
}

#[test]
fn labelled_break_across_nested_loops() {
    sweep("labelled_break_grid", joined(vec(-1.0..1.0, 12), scalar(0.5, 4.0)), 0.9, |p| {
        Case {
            name: "labelled_break_grid",
            primal: &|p: &[f64]| labelled_break_grid(&grid(&p[..12]), p[12]),
            grad: &|p: &[f64]| {
                let (y, (ga, gl)) = labelled_break_grid_grad(&grid(&p[..12]), p[12]);
                let mut g = flat_grid(&ga);
                g.push(gl);
                (y, g)
            },
            jvp: &|p: &[f64], t: &[f64]| {
                labelled_break_grid_jvp(&grid(&p[..12]), p[12], grid(&t[..12]), t[12])
            },
            vjp: &|p: &[f64], d: f64| {
                let (y, (ga, gl)) = labelled_break_grid_vjp(&grid(&p[..12]), p[12], d);
                let mut g = flat_grid(&ga);
                g.push(gl);
                (y, g)
            },
            hvp: &|p: &[f64], t: &[f64]| {
                hvp_flat(labelled_break_grid_hvp(&grid(&p[..12]), p[12], grid(&t[..12]), t[12]))
            },
            hessian: &|p: &[f64]| hessian_flat(labelled_break_grid_hessian(&grid(&p[..12]), p[12])),
            twin: &|p: &[Dual64], r: &mut Path| labelled_break_grid_twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| labelled_break_grid_twin(p, r),
        }
        .verify(&p, EXACT)
    });
}

// ---- trip counts and exits that depend on active values ---------------------------------

/// Newton's iteration for the square root, run until the residual is small: the trip
/// count depends on `a`.
#[differentiate(order = 2)]
fn newton_sqrt(a: f64) -> f64 {
    let mut y = if a > 1.0 { a } else { 1.0 };
    while (y * y - a).abs() > 1e-12 * a {
        y = 0.5 * (y + a / y);
    }
    y
}

fn newton_sqrt_twin<D: Re>(p: &[D], path: &mut Path) -> D {
    let a = p[0];
    let mut y = if a > 1.0 { a } else { c(1.0) };
    let mut n = 0;
    while (y * y - a).abs() > a * 1e-12 {
        y = (y + a / y) * 0.5;
        n += 1;
    }
    path.push(n);
    y
}

/// Geometric growth until a threshold: the exit depends on `x` and `y0`.
#[differentiate(order = 2)]
fn geometric_growth(x: f64, y0: f64) -> f64 {
    let mut s = y0;
    let mut k = 0.0;
    while s < 10.0 {
        s = s * x + 0.5;
        k += 1.0;
    }
    s / (k + 1.0)
}

fn geometric_growth_twin<D: Re>(p: &[D], path: &mut Path) -> D {
    let (x, mut s) = (p[0], p[1]);
    let mut k = 0.0;
    while s < 10.0 {
        s = s * x + 0.5;
        k += 1.0;
    }
    path.push(k as i64);
    s / (k + 1.0)
}

#[test]
fn while_loops_with_active_exits() {
    sweep("newton_sqrt", scalar(0.1, 100.0), 0.9, |p| {
        let case = Case {
            name: "newton_sqrt",
            primal: &|p: &[f64]| newton_sqrt(p[0]),
            grad: &|p: &[f64]| {
                let (y, g) = newton_sqrt_grad(p[0]);
                (y, vec![g])
            },
            jvp: &|p: &[f64], t: &[f64]| newton_sqrt_jvp(p[0], t[0]),
            vjp: &|p: &[f64], d: f64| {
                let (y, g) = newton_sqrt_vjp(p[0], d);
                (y, vec![g])
            },
            hvp: &|p: &[f64], t: &[f64]| hvp_flat(newton_sqrt_hvp(p[0], t[0])),
            hessian: &|p: &[f64]| hessian_flat(newton_sqrt_hessian(p[0])),
            twin: &|p: &[Dual64], r: &mut Path| newton_sqrt_twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| newton_sqrt_twin(p, r),
        };
        let coverage = case.verify(&p, EXACT);
        // The iteration converged, and so did its derivative: 1 / (2 sqrt a).
        let (_, g) = newton_sqrt_grad(p[0]);
        assert_close(g, 0.5 / p[0].sqrt(), 1e-9, "newton_sqrt derivative vs 1/(2 sqrt a)");
        coverage
    });
    sweep("geometric_growth", joined(scalar(1.3, 2.5), scalar(0.5, 2.0)), 0.9, |p| {
        Case {
            name: "geometric_growth",
            primal: &|p: &[f64]| geometric_growth(p[0], p[1]),
            grad: &|p: &[f64]| {
                let (y, (gx, gy)) = geometric_growth_grad(p[0], p[1]);
                (y, vec![gx, gy])
            },
            jvp: &|p: &[f64], t: &[f64]| geometric_growth_jvp(p[0], p[1], t[0], t[1]),
            vjp: &|p: &[f64], d: f64| {
                let (y, (gx, gy)) = geometric_growth_vjp(p[0], p[1], d);
                (y, vec![gx, gy])
            },
            hvp: &|p: &[f64], t: &[f64]| hvp_flat(geometric_growth_hvp(p[0], p[1], t[0], t[1])),
            hessian: &|p: &[f64]| hessian_flat(geometric_growth_hessian(p[0], p[1])),
            twin: &|p: &[Dual64], r: &mut Path| geometric_growth_twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| geometric_growth_twin(p, r),
        }
        .verify(&p, EXACT)
    });
}

/// `loop` with two exits, one on the index and one on an active running sum.
#[differentiate(order = 2)]
fn loop_break_on_sum(x: &[f64], limit: f64) -> f64 {
    let mut s = 0.0;
    let mut i = 0;
    loop {
        if i == x.len() {
            break;
        }
        s = s * 0.8 + x[i] * x[i];
        i += 1;
        if s > limit {
            break;
        }
    }
    s + limit * i as f64
}

fn loop_break_on_sum_twin<D: Re>(p: &[D], path: &mut Path) -> D {
    let (x, limit) = p.split_at(p.len() - 1);
    let limit = limit[0];
    let mut s = c::<D>(0.0);
    let mut i = 0;
    loop {
        if i == x.len() {
            break;
        }
        s = s * 0.8 + x[i] * x[i];
        i += 1;
        if s > limit {
            break;
        }
    }
    path.push(i as i64);
    s + limit * i as f64
}

/// `while` with a `continue` on an active condition.
#[differentiate(order = 2)]
fn while_continue_product(x: &[f64]) -> f64 {
    let mut i = 0;
    let mut p = 1.0;
    let mut s = 0.0;
    while i < x.len() {
        let v = x[i];
        i += 1;
        if v < 0.0 {
            s += v;
            continue;
        }
        p *= 1.0 + v;
    }
    p * s.exp()
}

fn while_continue_product_twin<D: Re>(x: &[D], path: &mut Path) -> D {
    let mut p = c::<D>(1.0);
    let mut s = c::<D>(0.0);
    for &v in x {
        if v < 0.0 {
            path.push(0);
            s += v;
            continue;
        }
        path.push(1);
        p *= v + 1.0;
    }
    p * s.exp()
}

/// An early `return` from the inner of two nested loops, on an active condition.
#[differentiate(order = 2)]
fn early_return_nested(x: &[f64], tol: f64) -> f64 {
    let mut acc = 1.0;
    for i in 0..x.len() {
        for j in i..x.len() {
            acc *= 1.0 + 0.2 * x[i] * x[j];
            if acc > tol {
                return acc.ln() * tol;
            }
        }
        acc *= 1.0 - 0.1 * x[i];
    }
    acc.sqrt() + tol
}

fn early_return_nested_twin<D: Re>(p: &[D], path: &mut Path) -> D {
    let (x, tol) = p.split_at(p.len() - 1);
    let tol = tol[0];
    let mut acc = c::<D>(1.0);
    for i in 0..x.len() {
        for j in i..x.len() {
            acc *= x[i] * x[j] * 0.2 + 1.0;
            if acc > tol {
                path.push((i * 16 + j) as i64);
                return acc.ln() * tol;
            }
        }
        acc *= -x[i] * 0.1 + 1.0;
    }
    acc.sqrt() + tol
}

/// `continue 'outer` from a `while` nested in a `for`.
#[differentiate(order = 2)]
fn labelled_continue_outer(x: &[f64]) -> f64 {
    let mut s = 0.0;
    'outer: for i in 0..x.len() {
        let mut j = 0;
        while j < 3 {
            j += 1;
            let w = x[i] * j as f64;
            if w > 1.0 {
                continue 'outer;
            }
            s = s * 0.5 + w.exp();
        }
        s += x[i];
    }
    s
}

fn labelled_continue_outer_twin<D: Re>(x: &[D], path: &mut Path) -> D {
    let mut s = c::<D>(0.0);
    'outer: for &v in x {
        let mut j = 0;
        while j < 3 {
            j += 1;
            let w = v * j as f64;
            if w > 1.0 {
                path.push(j);
                continue 'outer;
            }
            s = s * 0.5 + w.exp();
        }
        path.push(0);
        s += v;
    }
    s
}

/// `break 'search` of a `loop` from a nested `while`.
#[differentiate(order = 2)]
fn labelled_loop_search(x: &[f64], target: f64) -> f64 {
    let mut s = 0.0;
    let mut i = 0;
    'search: loop {
        let mut j = 0;
        while j < x.len() {
            s += x[j] * x[i];
            if s > target {
                break 'search;
            }
            j += 1;
        }
        i += 1;
        if i == x.len() {
            break;
        }
    }
    s * target
}

fn labelled_loop_search_twin<D: Re>(p: &[D], path: &mut Path) -> D {
    let (x, target) = p.split_at(p.len() - 1);
    let target = target[0];
    let mut s = c::<D>(0.0);
    'search: for i in 0..x.len() {
        for j in 0..x.len() {
            s += x[j] * x[i];
            if s > target {
                path.push((i * 16 + j) as i64);
                break 'search;
            }
        }
    }
    s * target
}

/// A [`Case`] for `f(x: &[f64], v: f64)`, flat as `x` followed by `v`.
macro_rules! slice_scalar_case {
    ($f:ident, $grad:ident, $jvp:ident, $vjp:ident, $hvp:ident, $hessian:ident, $twin:ident) => {
        Case {
            name: stringify!($f),
            primal: &|p: &[f64]| $f(&p[..p.len() - 1], p[p.len() - 1]),
            grad: &|p: &[f64]| {
                let (y, (mut gx, gv)) = $grad(&p[..p.len() - 1], p[p.len() - 1]);
                gx.push(gv);
                (y, gx)
            },
            jvp: &|p: &[f64], t: &[f64]| {
                let n = p.len() - 1;
                $jvp(&p[..n], p[n], &t[..n], t[n])
            },
            vjp: &|p: &[f64], d: f64| {
                let (y, (mut gx, gv)) = $vjp(&p[..p.len() - 1], p[p.len() - 1], d);
                gx.push(gv);
                (y, gx)
            },
            hvp: &|p: &[f64], t: &[f64]| {
                let n = p.len() - 1;
                hvp_flat($hvp(&p[..n], p[n], &t[..n], t[n]))
            },
            hessian: &|p: &[f64]| hessian_flat($hessian(&p[..p.len() - 1], p[p.len() - 1])),
            twin: &|p: &[Dual64], r: &mut Path| $twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| $twin(p, r),
        }
    };
}

#[test]
fn break_continue_and_early_return() {
    sweep("loop_break_on_sum", joined(vec(-1.5..1.5, 0..8), scalar(0.5, 3.0)), 0.9, |p| {
        slice_scalar_case!(
            loop_break_on_sum,
            loop_break_on_sum_grad,
            loop_break_on_sum_jvp,
            loop_break_on_sum_vjp,
            loop_break_on_sum_hvp,
            loop_break_on_sum_hessian,
            loop_break_on_sum_twin
        )
        .verify(&p, EXACT)
    });
    sweep("while_continue_product", vec(-1.0..1.0, 0..8), 0.9, |x| {
        slice_case!(
            while_continue_product,
            while_continue_product_grad,
            while_continue_product_jvp,
            while_continue_product_vjp,
            while_continue_product_hvp,
            while_continue_product_hessian,
            while_continue_product_twin
        )
        .verify(&x, EXACT)
    });
    sweep("early_return_nested", joined(vec(-1.0..1.0, 1..7), scalar(1.0, 1.5)), 0.9, |p| {
        slice_scalar_case!(
            early_return_nested,
            early_return_nested_grad,
            early_return_nested_jvp,
            early_return_nested_vjp,
            early_return_nested_hvp,
            early_return_nested_hessian,
            early_return_nested_twin
        )
        .verify(&p, EXACT)
    });
    sweep("labelled_continue_outer", vec(-0.5..1.0, 0..7), 0.9, |x| {
        slice_case!(
            labelled_continue_outer,
            labelled_continue_outer_grad,
            labelled_continue_outer_jvp,
            labelled_continue_outer_vjp,
            labelled_continue_outer_hvp,
            labelled_continue_outer_hessian,
            labelled_continue_outer_twin
        )
        .verify(&x, EXACT)
    });
    sweep("labelled_loop_search", joined(vec(0.1..1.0, 1..6), scalar(0.5, 5.0)), 0.9, |p| {
        slice_scalar_case!(
            labelled_loop_search,
            labelled_loop_search_grad,
            labelled_loop_search_jvp,
            labelled_loop_search_vjp,
            labelled_loop_search_hvp,
            labelled_loop_search_hessian,
            labelled_loop_search_twin
        )
        .verify(&p, EXACT)
    });
}

/// A `while` nested in a `for`, its trip count set by the size of each entry.
#[differentiate(order = 2)]
fn nested_while_normalize(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for &v in x {
        let mut y = v;
        let mut k = 0;
        while y.abs() > 1.0 {
            y *= 0.5;
            k += 1;
        }
        s += y * y * (k as f64 + 1.0) + y;
    }
    s
}

fn nested_while_normalize_twin<D: Re>(x: &[D], path: &mut Path) -> D {
    let mut s = c::<D>(0.0);
    for &v in x {
        let mut y = v;
        let mut k = 0;
        while y.abs() > 1.0 {
            y *= 0.5;
            k += 1;
        }
        path.push(k);
        s += y * y * (k as f64 + 1.0) + y;
    }
    s
}

#[test]
fn while_nested_in_for_with_data_dependent_trip_counts() {
    sweep("nested_while_normalize", vec(-8.0..8.0, 0..7), 0.9, |x| {
        slice_case!(
            nested_while_normalize,
            nested_while_normalize_grad,
            nested_while_normalize_jvp,
            nested_while_normalize_vjp,
            nested_while_normalize_hvp,
            nested_while_normalize_hessian,
            nested_while_normalize_twin
        )
        .verify(&x, EXACT)
    });
}

// ---- match inside loops -----------------------------------------------------------------

#[differentiate(order = 2)]
fn match_in_loop(x: &[f64]) -> f64 {
    let mut s = 0.0;
    let mut p = 1.0;
    for i in 0..x.len() {
        let v = x[i];
        match i % 4 {
            0 => s += v * v,
            1 | 2 => p *= 1.0 + 0.5 * v,
            _ => {
                s = s * v;
                p += s;
            }
        }
    }
    s + p
}

fn match_in_loop_twin<D: Re>(x: &[D], _: &mut Path) -> D {
    let mut s = c::<D>(0.0);
    let mut p = c::<D>(1.0);
    for (i, &v) in x.iter().enumerate() {
        match i % 4 {
            0 => s += v * v,
            1 | 2 => p *= v * 0.5 + 1.0,
            _ => {
                s = s * v;
                p += s;
            }
        }
    }
    s + p
}

/// Integer ranges, `|`, a guard on an active value, a binding with a guard.
#[differentiate(order = 2)]
fn match_ranges_guards(x: &[f64], k: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        let v = x[i];
        let w = match i + k {
            0..=2 => v.sin(),
            3 | 5 if v > 0.0 => v.sqrt(),
            3..=6 => v * v,
            n if n > 9 => v / n as f64,
            _ => v.exp(),
        };
        s = s * 0.9 + w;
    }
    s
}

fn match_ranges_guards_twin<D: Re>(x: &[D], k: usize, path: &mut Path) -> D {
    let mut s = c::<D>(0.0);
    for (i, &v) in x.iter().enumerate() {
        let w = match i + k {
            0..=2 => v.sin(),
            3 | 5 if v > 0.0 => {
                path.push(i as i64);
                v.sqrt()
            }
            3..=6 => v * v,
            n if n > 9 => v / n as f64,
            _ => v.exp(),
        };
        s = s * 0.9 + w;
    }
    s
}

/// `match` on a boolean computed from active values.
#[differentiate(order = 2)]
fn match_bool_active(x: &[f64]) -> f64 {
    let mut m = 0.0;
    let mut s = 1.0;
    for &v in x {
        match v > m {
            true => {
                s *= 1.0 + (v - m);
                m = v;
            }
            false => s += 0.5 * v * m,
        }
    }
    s * m + s
}

fn match_bool_active_twin<D: Re>(x: &[D], path: &mut Path) -> D {
    let mut m = c::<D>(0.0);
    let mut s = c::<D>(1.0);
    for &v in x {
        match v > m {
            true => {
                path.push(1);
                s *= v - m + 1.0;
                m = v;
            }
            false => {
                path.push(0);
                s += v * m * 0.5;
            }
        }
    }
    s * m + s
}

#[test]
fn matches_inside_loops() {
    sweep("match_in_loop", vec(-1.0..1.0, 0..10), 1.0, |x| {
        slice_case!(
            match_in_loop,
            match_in_loop_grad,
            match_in_loop_jvp,
            match_in_loop_vjp,
            match_in_loop_hvp,
            match_in_loop_hessian,
            match_in_loop_twin
        )
        .verify(&x, EXACT)
    });
    sweep("match_bool_active", vec(-1.0..1.0, 0..8), 0.9, |x| {
        slice_case!(
            match_bool_active,
            match_bool_active_grad,
            match_bool_active_jvp,
            match_bool_active_vjp,
            match_bool_active_hvp,
            match_bool_active_hessian,
            match_bool_active_twin
        )
        .verify(&x, EXACT)
    });
}

#[test]
fn match_with_ranges_and_guards_inside_a_loop() {
    // Entries away from 0, where sqrt's derivative blows up and the guard switches.
    let entry = prop_oneof![0.1..1.0, -1.0..-0.1];
    sweep("match_ranges_guards", (vec(entry, 0..8), 0..8usize), 1.0, |(x, k)| {
        Case {
            name: "match_ranges_guards",
            primal: &|p: &[f64]| match_ranges_guards(p, k),
            grad: &|p: &[f64]| match_ranges_guards_grad(p, k),
            jvp: &|p: &[f64], t: &[f64]| match_ranges_guards_jvp(p, k, t),
            vjp: &|p: &[f64], d: f64| match_ranges_guards_vjp(p, k, d),
            hvp: &|p: &[f64], t: &[f64]| hvp_flat(match_ranges_guards_hvp(p, k, t)),
            hessian: &|p: &[f64]| hessian_flat(match_ranges_guards_hessian(p, k)),
            twin: &|p: &[Dual64], r: &mut Path| match_ranges_guards_twin(p, k, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| match_ranges_guards_twin(p, k, r),
        }
        .verify(&x, EXACT)
    });
}

// ---- local arrays written and read back -------------------------------------------------

/// Prefix sums into a local array, read back weighted, then suffix-accumulated in place.
#[differentiate(order = 2)]
fn prefix_sums(x: &[f64; 6]) -> f64 {
    let mut p = [0.0; 6];
    p[0] = x[0];
    for i in 1..6 {
        p[i] = p[i - 1] + x[i];
    }
    let mut s = 0.0;
    for i in 0..6 {
        s += p[i] * p[i] * (i as f64 + 1.0);
    }
    for i in (0..5).rev() {
        p[i] += p[i + 1] * 0.5;
    }
    s + p[0] * p[0]
}

fn prefix_sums_twin<D: Re>(x: &[D], _: &mut Path) -> D {
    let mut p = [c::<D>(0.0); 6];
    p[0] = x[0];
    for i in 1..6 {
        p[i] = p[i - 1] + x[i];
    }
    let mut s = c::<D>(0.0);
    for i in 0..6 {
        s += p[i] * p[i] * (i as f64 + 1.0);
    }
    for i in (0..5).rev() {
        p[i] = p[i] + p[i + 1] * 0.5;
    }
    s + p[0] * p[0]
}

/// Three passes of a tridiagonal (1/4, 1/2, 1/4) smoother, each into a fresh local
/// array that is copied back through a nonlinearity, then a sum over the local array.
#[differentiate(order = 2)]
fn tridiagonal_smoothing(x: &[f64; 6]) -> f64 {
    let mut y = [0.0; 6];
    for i in 0..6 {
        y[i] = x[i];
    }
    for _ in 0..3 {
        let mut z = [0.0; 6];
        z[0] = 0.75 * y[0] + 0.25 * y[1];
        for i in 1..5 {
            z[i] = 0.25 * y[i - 1] + 0.5 * y[i] + 0.25 * y[i + 1];
        }
        z[5] = 0.25 * y[4] + 0.75 * y[5];
        for i in 0..6 {
            y[i] = z[i] * (1.0 + 0.1 * z[i]);
        }
    }
    y.iter().map(|v| v * v).sum::<f64>()
}

fn tridiagonal_smoothing_twin<D: Re>(x: &[D], _: &mut Path) -> D {
    let mut y: [D; 6] = arr_of(x);
    for _ in 0..3 {
        let mut z = [c::<D>(0.0); 6];
        z[0] = y[0] * 0.75 + y[1] * 0.25;
        for i in 1..5 {
            z[i] = y[i - 1] * 0.25 + y[i] * 0.5 + y[i + 1] * 0.25;
        }
        z[5] = y[4] * 0.25 + y[5] * 0.75;
        for i in 0..6 {
            y[i] = z[i] * (z[i] * 0.1 + 1.0);
        }
    }
    y.iter().map(|&v| v * v).sum()
}

fn arr_of<D: Copy, const N: usize>(x: &[D]) -> [D; N] {
    std::array::from_fn(|i| x[i])
}

/// The Thomas algorithm for a tridiagonal system with an active diagonal: forward
/// elimination into two local arrays, back substitution into a third.
#[differentiate(order = 2)]
fn thomas_solve(d: &[f64; 5], diag: f64) -> f64 {
    let mut cp = [0.0; 5];
    let mut dp = [0.0; 5];
    cp[0] = -1.0 / diag;
    dp[0] = d[0] / diag;
    for i in 1..5 {
        let m = diag + cp[i - 1];
        cp[i] = -1.0 / m;
        dp[i] = (d[i] + dp[i - 1]) / m;
    }
    let mut x = [0.0; 5];
    x[4] = dp[4];
    for i in (0..4).rev() {
        x[i] = dp[i] - cp[i] * x[i + 1];
    }
    let mut s = 0.0;
    for i in 0..5 {
        s += x[i] * (i as f64 + 1.0);
    }
    s
}

fn thomas_solve_twin<D: Re>(p: &[D], _: &mut Path) -> D {
    let (d, diag) = (&p[..5], p[5]);
    let mut cp = [c::<D>(0.0); 5];
    let mut dp = [c::<D>(0.0); 5];
    cp[0] = -diag.recip();
    dp[0] = d[0] / diag;
    for i in 1..5 {
        let m = diag + cp[i - 1];
        cp[i] = -m.recip();
        dp[i] = (d[i] + dp[i - 1]) / m;
    }
    let mut x = [c::<D>(0.0); 5];
    x[4] = dp[4];
    for i in (0..4).rev() {
        x[i] = dp[i] - cp[i] * x[i + 1];
    }
    let mut s = c::<D>(0.0);
    for i in 0..5 {
        s += x[i] * (i as f64 + 1.0);
    }
    s
}

/// A `vec!` local, written with `+=` and `*=` and read back in reverse.
#[differentiate(order = 2)]
fn vec_local(x: &[f64]) -> f64 {
    let n = x.len();
    let mut y = vec![0.0; n];
    for i in 0..n {
        y[i] += x[i];
        if i > 0 {
            y[i] += 0.5 * y[i - 1];
        }
        y[i] *= 1.0 + 0.1 * x[i];
    }
    let mut s = 0.0;
    for i in (0..n).rev() {
        s = s * 0.5 + y[i] * y[i];
    }
    s
}

fn vec_local_twin<D: Re>(x: &[D], _: &mut Path) -> D {
    let n = x.len();
    let mut y = vec![c::<D>(0.0); n];
    for i in 0..n {
        y[i] += x[i];
        if i > 0 {
            y[i] = y[i] + y[i - 1] * 0.5;
        }
        y[i] *= x[i] * 0.1 + 1.0;
    }
    let mut s = c::<D>(0.0);
    for i in (0..n).rev() {
        s = s * 0.5 + y[i] * y[i];
    }
    s
}

/// A nested local array: an outer product plus the identity, scaled in place by
/// column, then `trace(M²)`.
#[differentiate(order = 2)]
fn outer_product_trace(x: &[f64; 4]) -> f64 {
    let mut m = [[0.0; 4]; 4];
    for i in 0..4 {
        for j in 0..4 {
            m[i][j] = x[i] * x[j] + if i == j { 1.0 } else { 0.0 };
        }
    }
    for i in 0..4 {
        for j in 0..4 {
            m[i][j] *= 0.5 + 0.1 * x[j];
        }
    }
    let mut t = 0.0;
    for i in 0..4 {
        for k in 0..4 {
            t += m[i][k] * m[k][i];
        }
    }
    t
}

fn outer_product_trace_twin<D: Re>(x: &[D], _: &mut Path) -> D {
    let mut m = [[c::<D>(0.0); 4]; 4];
    for i in 0..4 {
        for j in 0..4 {
            m[i][j] = x[i] * x[j] + if i == j { 1.0 } else { 0.0 };
        }
    }
    for i in 0..4 {
        for j in 0..4 {
            m[i][j] *= x[j] * 0.1 + 0.5;
        }
    }
    let mut t = c::<D>(0.0);
    for i in 0..4 {
        for k in 0..4 {
            t += m[i][k] * m[k][i];
        }
    }
    t
}

/// Twenty power iterations on `AᵀA`, built into a nested local array; returns the
/// Rayleigh quotient.
#[differentiate(order = 2)]
fn power_iteration(a: &[[f64; 3]; 4]) -> f64 {
    let mut m = [[0.0; 3]; 3];
    for i in 0..3 {
        for j in 0..3 {
            for k in 0..4 {
                m[i][j] += a[k][i] * a[k][j];
            }
        }
    }
    let mut v = [1.0; 3];
    v[1] = 0.5;
    v[2] = 0.25;
    let mut lambda = 0.0;
    for _ in 0..20 {
        let mut w = [0.0; 3];
        for i in 0..3 {
            for j in 0..3 {
                w[i] += m[i][j] * v[j];
            }
        }
        let mut norm = 0.0;
        for i in 0..3 {
            norm += w[i] * w[i];
        }
        norm = norm.sqrt();
        lambda = 0.0;
        for i in 0..3 {
            lambda += v[i] * w[i];
        }
        for i in 0..3 {
            v[i] = w[i] / norm;
        }
    }
    lambda
}

fn power_iteration_twin<D: Re>(a: &[D], _: &mut Path) -> D {
    let mut m = [[c::<D>(0.0); 3]; 3];
    for i in 0..3 {
        for j in 0..3 {
            for k in 0..4 {
                m[i][j] += a[3 * k + i] * a[3 * k + j];
            }
        }
    }
    let mut v = [c::<D>(1.0), c(0.5), c(0.25)];
    let mut lambda = c::<D>(0.0);
    for _ in 0..20 {
        let mut w = [c::<D>(0.0); 3];
        for i in 0..3 {
            for j in 0..3 {
                w[i] += m[i][j] * v[j];
            }
        }
        let mut norm = c::<D>(0.0);
        for i in 0..3 {
            norm += w[i] * w[i];
        }
        norm = norm.sqrt();
        lambda = c(0.0);
        for i in 0..3 {
            lambda += v[i] * w[i];
        }
        for i in 0..3 {
            v[i] = w[i] / norm;
        }
    }
    lambda
}

#[test]
fn local_arrays_written_and_read_back() {
    sweep("prefix_sums", vec(-1.0..1.0, 6), 1.0, |x| {
        array_case!(
            prefix_sums,
            prefix_sums_grad,
            prefix_sums_jvp,
            prefix_sums_vjp,
            prefix_sums_hvp,
            prefix_sums_hessian,
            prefix_sums_twin
        )
        .verify(&x, EXACT)
    });
    sweep("tridiagonal_smoothing", vec(-2.0..2.0, 6), 1.0, |x| {
        array_case!(
            tridiagonal_smoothing,
            tridiagonal_smoothing_grad,
            tridiagonal_smoothing_jvp,
            tridiagonal_smoothing_vjp,
            tridiagonal_smoothing_hvp,
            tridiagonal_smoothing_hessian,
            tridiagonal_smoothing_twin
        )
        .verify(&x, EXACT)
    });
    // A diagonal of at least 2.5 keeps the system diagonally dominant.
    sweep("thomas_solve", joined(vec(-2.0..2.0, 5), scalar(2.5, 4.0)), 1.0, |p| {
        Case {
            name: "thomas_solve",
            primal: &|p: &[f64]| thomas_solve(&arr(&p[..5]), p[5]),
            grad: &|p: &[f64]| {
                let (y, (gd, gdiag)) = thomas_solve_grad(&arr(&p[..5]), p[5]);
                let mut g = gd.to_vec();
                g.push(gdiag);
                (y, g)
            },
            jvp: &|p: &[f64], t: &[f64]| thomas_solve_jvp(&arr(&p[..5]), p[5], arr(&t[..5]), t[5]),
            vjp: &|p: &[f64], d: f64| {
                let (y, (gd, gdiag)) = thomas_solve_vjp(&arr(&p[..5]), p[5], d);
                let mut g = gd.to_vec();
                g.push(gdiag);
                (y, g)
            },
            hvp: &|p: &[f64], t: &[f64]| {
                hvp_flat(thomas_solve_hvp(&arr(&p[..5]), p[5], arr(&t[..5]), t[5]))
            },
            hessian: &|p: &[f64]| hessian_flat(thomas_solve_hessian(&arr(&p[..5]), p[5])),
            twin: &|p: &[Dual64], r: &mut Path| thomas_solve_twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| thomas_solve_twin(p, r),
        }
        .verify(&p, EXACT)
    });
    sweep("vec_local", vec(-1.5..1.5, 0..8), 1.0, |x| {
        slice_case!(
            vec_local,
            vec_local_grad,
            vec_local_jvp,
            vec_local_vjp,
            vec_local_hvp,
            vec_local_hessian,
            vec_local_twin
        )
        .verify(&x, EXACT)
    });
}

#[test]
fn nested_local_array_outer_product() {
    sweep("outer_product_trace", vec(-1.5..1.5, 4), 1.0, |x| {
        array_case!(
            outer_product_trace,
            outer_product_trace_grad,
            outer_product_trace_jvp,
            outer_product_trace_vjp,
            outer_product_trace_hvp,
            outer_product_trace_hessian,
            outer_product_trace_twin
        )
        .verify(&x, EXACT)
    });
}

#[test]
fn nested_local_array_power_iteration() {
    // Shifting the diagonal by 3, 2, 1 separates the eigenvalues of AᵀA, so twenty
    // iterations converge and the iterate is a smooth function of A.
    let shifted = vec(-1.0..1.0, 12).prop_map(|mut a| {
        for i in 0..3 {
            a[3 * i + i] += 3.0 - i as f64;
        }
        a
    });
    sweep("power_iteration", shifted, 1.0, |a| {
        grid_case!(
            power_iteration,
            power_iteration_grad,
            power_iteration_jvp,
            power_iteration_vjp,
            power_iteration_hvp,
            power_iteration_hessian,
            power_iteration_twin
        )
        .verify(&a, EXACT)
    });
}

// ---- iterator chains --------------------------------------------------------------------

#[differentiate(order = 2)]
fn zip_map_sum(x: &[f64], y: &[f64]) -> f64 {
    let d = x.iter().zip(y.iter()).map(|(a, b)| (a - b) * (a - b)).sum::<f64>();
    (d + 1.0).sqrt()
}

fn zip_map_sum_twin<D: Re>(p: &[D], _: &mut Path) -> D {
    let (x, y) = p.split_at(p.len() / 2);
    let d: D = x.iter().zip(y).map(|(&a, &b)| (a - b) * (a - b)).sum();
    (d + 1.0).sqrt()
}

#[differentiate(order = 2)]
fn map_product(x: &[f64]) -> f64 {
    let p: f64 = x.iter().map(|v| 1.0 + 0.5 * v * v).product();
    p * x.iter().copied().map(|v| v.cos()).sum::<f64>()
}

fn map_product_twin<D: Re>(x: &[D], _: &mut Path) -> D {
    let p: D = x.iter().map(|&v| v * v * 0.5 + 1.0).product();
    p * x.iter().map(|v| v.cos()).sum::<D>()
}

/// A fold whose accumulator is multiplied, not only added to.
#[differentiate(order = 2)]
fn enumerate_fold(x: &[f64]) -> f64 {
    x.iter()
        .enumerate()
        .fold(1.0, |acc, (i, &v)| acc * (0.5 + 0.1 * v) + v * (i as f64 + 1.0) * acc)
}

fn enumerate_fold_twin<D: Re>(x: &[D], _: &mut Path) -> D {
    x.iter()
        .enumerate()
        .fold(c::<D>(1.0), |acc, (i, &v)| acc * (v * 0.1 + 0.5) + v * (i as f64 + 1.0) * acc)
}

/// The maximum of a mapped sequence by `fold(NEG_INFINITY, f64::max)`.
#[differentiate(order = 2)]
fn map_fold_max(x: &[f64]) -> f64 {
    let m = x.iter().copied().map(|v| (2.0 * v).sin() + v).fold(f64::NEG_INFINITY, f64::max);
    let q = x.iter().map(|v| v * v).sum::<f64>();
    m * q + m
}

fn map_fold_max_twin<D: Re>(x: &[D], path: &mut Path) -> D {
    let mut m = c::<D>(f64::NEG_INFINITY);
    for &v in x {
        m = max_rec(m, (v * 2.0).sin() + v, path);
    }
    let q: D = x.iter().map(|&v| v * v).sum();
    m * q + m
}

#[test]
fn iterator_chains() {
    sweep("zip_map_sum", (1..7usize).prop_flat_map(|n| vec(-2.0..2.0, 2 * n)), 1.0, |p| {
        Case {
            name: "zip_map_sum",
            primal: &|p: &[f64]| zip_map_sum(&p[..p.len() / 2], &p[p.len() / 2..]),
            grad: &|p: &[f64]| {
                let (y, (mut gx, gy)) = zip_map_sum_grad(&p[..p.len() / 2], &p[p.len() / 2..]);
                gx.extend(gy);
                (y, gx)
            },
            jvp: &|p: &[f64], t: &[f64]| {
                let n = p.len() / 2;
                zip_map_sum_jvp(&p[..n], &p[n..], &t[..n], &t[n..])
            },
            vjp: &|p: &[f64], d: f64| {
                let (y, (mut gx, gy)) = zip_map_sum_vjp(&p[..p.len() / 2], &p[p.len() / 2..], d);
                gx.extend(gy);
                (y, gx)
            },
            hvp: &|p: &[f64], t: &[f64]| {
                hvp_flat({
                    let n = p.len() / 2;
                    zip_map_sum_hvp(&p[..n], &p[n..], &t[..n], &t[n..])
                })
            },
            hessian: &|p: &[f64]| {
                hessian_flat(zip_map_sum_hessian(&p[..p.len() / 2], &p[p.len() / 2..]))
            },
            twin: &|p: &[Dual64], r: &mut Path| zip_map_sum_twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| zip_map_sum_twin(p, r),
        }
        .verify(&p, EXACT)
    });
    sweep("map_product", vec(-1.5..1.5, 0..8), 1.0, |x| {
        slice_case!(
            map_product,
            map_product_grad,
            map_product_jvp,
            map_product_vjp,
            map_product_hvp,
            map_product_hessian,
            map_product_twin
        )
        .verify(&x, EXACT)
    });
    sweep("enumerate_fold", vec(-1.0..1.0, 0..8), 1.0, |x| {
        slice_case!(
            enumerate_fold,
            enumerate_fold_grad,
            enumerate_fold_jvp,
            enumerate_fold_vjp,
            enumerate_fold_hvp,
            enumerate_fold_hessian,
            enumerate_fold_twin
        )
        .verify(&x, EXACT)
    });
    sweep("map_fold_max", vec(-2.0..2.0, 1..8), 0.9, |x| {
        slice_case!(
            map_fold_max,
            map_fold_max_grad,
            map_fold_max_jvp,
            map_fold_max_vjp,
            map_fold_max_hvp,
            map_fold_max_hessian,
            map_fold_max_twin
        )
        .verify(&x, EXACT)
    });
}

// ---- explicit Euler, 100 steps ----------------------------------------------------------

/// A damped pendulum, `θ'' = -c θ' - sin θ`, by explicit Euler with 100 steps of 0.02.
#[differentiate(order = 2)]
fn euler_pendulum(theta0: f64, omega0: f64, damping: f64) -> f64 {
    let dt = 0.02;
    let mut th = theta0;
    let mut om = omega0;
    for _ in 0..100 {
        let acc = -damping * om - th.sin();
        th += dt * om;
        om += dt * acc;
    }
    th * th + om
}

fn euler_pendulum_twin<D: Re>(p: &[D], _: &mut Path) -> D {
    let (mut th, mut om, damping) = (p[0], p[1], p[2]);
    for _ in 0..100 {
        let acc = -damping * om - th.sin();
        th += om * 0.02;
        om += acc * 0.02;
    }
    th * th + om
}

/// Lotka-Volterra with four active rates and an active initial state passed by value.
#[differentiate(order = 2)]
fn lotka_volterra(p: &[f64; 4], u0: [f64; 2]) -> f64 {
    let dt = 0.01;
    let mut u = u0[0];
    let mut v = u0[1];
    for _ in 0..100 {
        let du = p[0] * u - p[1] * u * v;
        let dv = p[2] * u * v - p[3] * v;
        u += dt * du;
        v += dt * dv;
    }
    u + 2.0 * v
}

fn lotka_volterra_twin<D: Re>(q: &[D], _: &mut Path) -> D {
    let (p, mut u, mut v) = (&q[..4], q[4], q[5]);
    for _ in 0..100 {
        let du = p[0] * u - p[1] * u * v;
        let dv = p[2] * u * v - p[3] * v;
        u += du * 0.01;
        v += dv * 0.01;
    }
    u + v * 2.0
}

#[test]
fn explicit_euler_integration() {
    let points = (-1.0..1.0, -1.0..1.0, 0.0..0.5).prop_map(|(a, b, c)| vec![a, b, c]);
    sweep("euler_pendulum", points, 1.0, |p| {
        Case {
            name: "euler_pendulum",
            primal: &|p: &[f64]| euler_pendulum(p[0], p[1], p[2]),
            grad: &|p: &[f64]| {
                let (y, (a, b, c)) = euler_pendulum_grad(p[0], p[1], p[2]);
                (y, vec![a, b, c])
            },
            jvp: &|p: &[f64], t: &[f64]| euler_pendulum_jvp(p[0], p[1], p[2], t[0], t[1], t[2]),
            vjp: &|p: &[f64], d: f64| {
                let (y, (a, b, c)) = euler_pendulum_vjp(p[0], p[1], p[2], d);
                (y, vec![a, b, c])
            },
            hvp: &|p: &[f64], t: &[f64]| {
                hvp_flat(euler_pendulum_hvp(p[0], p[1], p[2], t[0], t[1], t[2]))
            },
            hessian: &|p: &[f64]| hessian_flat(euler_pendulum_hessian(p[0], p[1], p[2])),
            twin: &|p: &[Dual64], r: &mut Path| euler_pendulum_twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| euler_pendulum_twin(p, r),
        }
        .verify(&p, EXACT)
    });
    sweep("lotka_volterra", joined(vec(0.5..1.5, 4), vec(0.5..2.0, 2)), 1.0, |p| {
        Case {
            name: "lotka_volterra",
            primal: &|p: &[f64]| lotka_volterra(&arr(&p[..4]), arr(&p[4..])),
            grad: &|p: &[f64]| {
                let (y, (gp, gu)) = lotka_volterra_grad(&arr(&p[..4]), arr(&p[4..]));
                let mut g = gp.to_vec();
                g.extend(gu);
                (y, g)
            },
            jvp: &|p: &[f64], t: &[f64]| {
                lotka_volterra_jvp(&arr(&p[..4]), arr(&p[4..]), arr(&t[..4]), arr(&t[4..]))
            },
            vjp: &|p: &[f64], d: f64| {
                let (y, (gp, gu)) = lotka_volterra_vjp(&arr(&p[..4]), arr(&p[4..]), d);
                let mut g = gp.to_vec();
                g.extend(gu);
                (y, g)
            },
            hvp: &|p: &[f64], t: &[f64]| {
                hvp_flat(lotka_volterra_hvp(
                    &arr(&p[..4]),
                    arr(&p[4..]),
                    arr(&t[..4]),
                    arr(&t[4..]),
                ))
            },
            hessian: &|p: &[f64]| hessian_flat(lotka_volterra_hessian(&arr(&p[..4]), arr(&p[4..]))),
            twin: &|p: &[Dual64], r: &mut Path| lotka_volterra_twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| lotka_volterra_twin(p, r),
        }
        .verify(&p, EXACT)
    });
}

// ---- recurrences and losses -------------------------------------------------------------

/// An Elman RNN cell over a sequence, with active weights and inputs.
#[differentiate(order = 2)]
fn rnn(w: &[f64; 4], xs: &[f64]) -> f64 {
    let mut h = 0.0;
    let mut out = 0.0;
    for &x in xs {
        h = (w[0] * h + w[1] * x + w[2]).tanh();
        out += w[3] * h;
    }
    out
}

fn rnn_twin<D: Re>(p: &[D], _: &mut Path) -> D {
    let (w, xs) = p.split_at(4);
    let mut h = c::<D>(0.0);
    let mut out = c::<D>(0.0);
    for &x in xs {
        h = (w[0] * h + w[1] * x + w[2]).tanh();
        out += w[3] * h;
    }
    out
}

/// An LSTM-like cell: forget, input and output gates and a cell state.
#[differentiate(order = 2)]
fn lstm(p: &[f64; 8], xs: &[f64]) -> f64 {
    let mut h = 0.0;
    let mut cell = 0.0;
    for t in 0..xs.len() {
        let x = xs[t];
        let forget = 1.0 / (1.0 + (-(p[0] * x + p[1] * h)).exp());
        let input = 1.0 / (1.0 + (-(p[2] * x + p[3] * h)).exp());
        let output = 1.0 / (1.0 + (-(p[4] * x + p[5] * h)).exp());
        let g = (p[6] * x + p[7] * h).tanh();
        cell = forget * cell + input * g;
        h = output * cell.tanh();
    }
    h + cell
}

fn lstm_twin<D: Re>(q: &[D], _: &mut Path) -> D {
    let (p, xs) = q.split_at(8);
    let mut h = c::<D>(0.0);
    let mut cell = c::<D>(0.0);
    for &x in xs {
        let forget = sigmoid(p[0] * x + p[1] * h);
        let input = sigmoid(p[2] * x + p[3] * h);
        let output = sigmoid(p[4] * x + p[5] * h);
        let g = (p[6] * x + p[7] * h).tanh();
        cell = forget * cell + input * g;
        h = output * cell.tanh();
    }
    h + cell
}

/// A [`Case`] for `f(w: &[f64; N], xs: &[f64])`, flat as `w` followed by `xs`.
macro_rules! weights_sequence_case {
    (
        $n:literal, $f:ident, $grad:ident, $jvp:ident, $vjp:ident, $hvp:ident, $hessian:ident,
        $twin:ident
    ) => {
        Case {
            name: stringify!($f),
            primal: &|p: &[f64]| $f(&arr(&p[..$n]), &p[$n..]),
            grad: &|p: &[f64]| {
                let (y, (gw, gx)) = $grad(&arr(&p[..$n]), &p[$n..]);
                let mut g = gw.to_vec();
                g.extend(gx);
                (y, g)
            },
            jvp: &|p: &[f64], t: &[f64]| $jvp(&arr(&p[..$n]), &p[$n..], arr(&t[..$n]), &t[$n..]),
            vjp: &|p: &[f64], d: f64| {
                let (y, (gw, gx)) = $vjp(&arr(&p[..$n]), &p[$n..], d);
                let mut g = gw.to_vec();
                g.extend(gx);
                (y, g)
            },
            hvp: &|p: &[f64], t: &[f64]| {
                hvp_flat($hvp(&arr(&p[..$n]), &p[$n..], arr(&t[..$n]), &t[$n..]))
            },
            hessian: &|p: &[f64]| hessian_flat($hessian(&arr(&p[..$n]), &p[$n..])),
            twin: &|p: &[Dual64], r: &mut Path| $twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| $twin(p, r),
        }
    };
}

#[test]
fn recurrent_cells_over_sequences() {
    sweep("rnn", joined(vec(-1.5..1.5, 4), vec(-2.0..2.0, 0..10)), 1.0, |p| {
        weights_sequence_case!(4, rnn, rnn_grad, rnn_jvp, rnn_vjp, rnn_hvp, rnn_hessian, rnn_twin)
            .verify(&p, EXACT)
    });
    sweep("lstm", joined(vec(-1.5..1.5, 8), vec(-2.0..2.0, 0..10)), 1.0, |p| {
        weights_sequence_case!(
            8,
            lstm,
            lstm_grad,
            lstm_jvp,
            lstm_vjp,
            lstm_hvp,
            lstm_hessian,
            lstm_twin
        )
        .verify(&p, EXACT)
    });
}

/// Softmax cross-entropy of one example, shifted by the maximum logit.
#[differentiate(order = 2)]
fn softmax_cross_entropy(logits: &[f64], label: usize) -> f64 {
    let mut m = logits[0];
    for &z in logits.iter() {
        if z > m {
            m = z;
        }
    }
    let mut s = 0.0;
    for z in logits {
        s += (z - m).exp();
    }
    m + s.ln() - logits[label]
}

fn softmax_cross_entropy_twin<D: Re>(logits: &[D], label: usize, _: &mut Path) -> D {
    let mut m = logits[0];
    for &z in logits {
        if z > m {
            m = z;
        }
    }
    let s: D = logits.iter().map(|&z| (z - m).exp()).sum();
    m + s.ln() - logits[label]
}

/// Mean softmax cross-entropy of a batch of four rows, labels a constant array.
#[differentiate(order = 2)]
fn batch_cross_entropy(a: &[[f64; 3]; 4], labels: &[usize; 4]) -> f64 {
    let mut loss = 0.0;
    for i in 0..4 {
        let mut m = f64::NEG_INFINITY;
        for j in 0..3 {
            m = m.max(a[i][j]);
        }
        let mut s = 0.0;
        for j in 0..3 {
            s += (a[i][j] - m).exp();
        }
        loss += m + s.ln() - a[i][labels[i]];
    }
    loss / 4.0
}

fn batch_cross_entropy_twin<D: Re>(a: &[D], labels: &[usize; 4], _: &mut Path) -> D {
    let mut loss = c::<D>(0.0);
    for i in 0..4 {
        let row = &a[3 * i..3 * i + 3];
        let mut m = c::<D>(f64::NEG_INFINITY);
        for &v in row {
            m = max_rec(m, v, &mut Path::new());
        }
        let s: D = row.iter().map(|&v| (v - m).exp()).sum();
        loss += m + s.ln() - row[labels[i]];
    }
    loss / 4.0
}

#[test]
fn softmax_cross_entropy_losses() {
    let example = (1..7usize).prop_flat_map(|n| (vec(-4.0..4.0, n), 0..n));
    sweep("softmax_cross_entropy", example, 1.0, |(z, label)| {
        let case = Case {
            name: "softmax_cross_entropy",
            primal: &|p: &[f64]| softmax_cross_entropy(p, label),
            grad: &|p: &[f64]| softmax_cross_entropy_grad(p, label),
            jvp: &|p: &[f64], t: &[f64]| softmax_cross_entropy_jvp(p, label, t),
            vjp: &|p: &[f64], d: f64| softmax_cross_entropy_vjp(p, label, d),
            hvp: &|p: &[f64], t: &[f64]| hvp_flat(softmax_cross_entropy_hvp(p, label, t)),
            hessian: &|p: &[f64]| hessian_flat(softmax_cross_entropy_hessian(p, label)),
            twin: &|p: &[Dual64], r: &mut Path| softmax_cross_entropy_twin(p, label, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| softmax_cross_entropy_twin(p, label, r),
        };
        let coverage = case.verify(&z, EXACT);
        // The gradient is softmax minus the one-hot label.
        let (_, g) = softmax_cross_entropy_grad(&z, label);
        let total: f64 = z.iter().map(|v| v.exp()).sum();
        for (i, (gi, zi)) in g.iter().zip(&z).enumerate() {
            let want = zi.exp() / total - if i == label { 1.0 } else { 0.0 };
            assert_close(*gi, want, 1e-13, "softmax_cross_entropy gradient vs softmax - onehot");
        }
        coverage
    });
    let batch = (vec(-4.0..4.0, 12), proptest::array::uniform4(0..3usize));
    sweep("batch_cross_entropy", batch, 1.0, |(a, labels)| {
        Case {
            name: "batch_cross_entropy",
            primal: &|p: &[f64]| batch_cross_entropy(&grid(p), &labels),
            grad: &|p: &[f64]| {
                let (y, g) = batch_cross_entropy_grad(&grid(p), &labels);
                (y, flat_grid(&g))
            },
            jvp: &|p: &[f64], t: &[f64]| batch_cross_entropy_jvp(&grid(p), &labels, grid(t)),
            vjp: &|p: &[f64], d: f64| {
                let (y, g) = batch_cross_entropy_vjp(&grid(p), &labels, d);
                (y, flat_grid(&g))
            },
            hvp: &|p: &[f64], t: &[f64]| {
                hvp_flat(batch_cross_entropy_hvp(&grid(p), &labels, grid(t)))
            },
            hessian: &|p: &[f64]| hessian_flat(batch_cross_entropy_hessian(&grid(p), &labels)),
            twin: &|p: &[Dual64], r: &mut Path| batch_cross_entropy_twin(p, &labels, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| batch_cross_entropy_twin(p, &labels, r),
        }
        .verify(&a, EXACT)
    });
}

// ---- range forms, sorting, iteration forms, quadrature ----------------------------------

/// Stepped, inclusive and reversed ranges with bounds from a const generic.
#[differentiate(order = 2)]
fn stepped_ranges<const N: usize>(x: &[f64; N]) -> f64 {
    let mut s = 0.0;
    for i in (0..N).step_by(2) {
        s += x[i] * x[i];
    }
    for i in (1..=N - 1).rev() {
        s = s * 0.9 + x[i] * x[i - 1];
    }
    for i in (1..N).rev().step_by(3) {
        s *= 1.0 + 0.1 * x[i];
    }
    s
}

fn stepped_ranges_twin<D: Re>(x: &[D], _: &mut Path) -> D {
    let n = x.len();
    let mut s = c::<D>(0.0);
    for i in (0..n).step_by(2) {
        s += x[i] * x[i];
    }
    for i in (1..n).rev() {
        s = s * 0.9 + x[i] * x[i - 1];
    }
    for i in (1..n).rev().step_by(3) {
        s *= x[i] * 0.1 + 1.0;
    }
    s
}

fn check_stepped_ranges<const N: usize>() {
    sweep(&format!("stepped_ranges::<{N}>"), vec(-1.5..1.5, N), 1.0, |x| {
        Case {
            name: "stepped_ranges",
            primal: &|p: &[f64]| stepped_ranges::<N>(&arr(p)),
            grad: &|p: &[f64]| {
                let (y, g) = stepped_ranges_grad::<N>(&arr(p));
                (y, g.to_vec())
            },
            jvp: &|p: &[f64], t: &[f64]| stepped_ranges_jvp::<N>(&arr(p), arr(t)),
            vjp: &|p: &[f64], d: f64| {
                let (y, g) = stepped_ranges_vjp::<N>(&arr(p), d);
                (y, g.to_vec())
            },
            hvp: &|p: &[f64], t: &[f64]| hvp_flat(stepped_ranges_hvp::<N>(&arr(p), arr(t))),
            hessian: &|p: &[f64]| hessian_flat(stepped_ranges_hessian::<N>(&arr(p))),
            twin: &|p: &[Dual64], r: &mut Path| stepped_ranges_twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| stepped_ranges_twin(p, r),
        }
        .verify(&x, EXACT)
    });
}

#[test]
fn range_forms_with_const_generic_bounds() {
    check_stepped_ranges::<5>();
    check_stepped_ranges::<8>();
}

/// Bubble sort of a `Vec` taken by value, into a local `vec!`, with swaps on active
/// comparisons; then the sorted entries weighted by rank.
#[differentiate(order = 2)]
fn bubble_sort_weighted(x: Vec<f64>) -> f64 {
    let n = x.len();
    let mut y = vec![0.0; n];
    for i in 0..n {
        y[i] = x[i];
    }
    for i in 0..n {
        for j in 0..n - 1 - i {
            if y[j] > y[j + 1] {
                let t = y[j];
                y[j] = y[j + 1];
                y[j + 1] = t;
            }
        }
    }
    let mut s = 0.0;
    for i in 0..n {
        s += y[i] * (i as f64 + 1.0) + 0.1 * y[i] * y[i];
    }
    s
}

fn bubble_sort_weighted_twin<D: Re>(x: &[D], path: &mut Path) -> D {
    let n = x.len();
    let mut y = x.to_vec();
    for i in 0..n {
        for j in 0..n - 1 - i {
            if y[j] > y[j + 1] {
                path.push((16 * i + j) as i64);
                y.swap(j, j + 1);
            }
        }
    }
    let mut s = c::<D>(0.0);
    for (i, &v) in y.iter().enumerate() {
        s += v * (i as f64 + 1.0) + v * v * 0.1;
    }
    s
}

#[test]
fn sorting_by_swaps_in_a_local_vec() {
    sweep("bubble_sort_weighted", vec(-2.0..2.0, 1..8), 0.9, |x| {
        let case = Case {
            name: "bubble_sort_weighted",
            primal: &|p: &[f64]| bubble_sort_weighted(p.to_vec()),
            grad: &|p: &[f64]| bubble_sort_weighted_grad(p.to_vec()),
            jvp: &|p: &[f64], t: &[f64]| bubble_sort_weighted_jvp(p.to_vec(), t),
            vjp: &|p: &[f64], d: f64| bubble_sort_weighted_vjp(p.to_vec(), d),
            hvp: &|p: &[f64], t: &[f64]| hvp_flat(bubble_sort_weighted_hvp(p.to_vec(), t)),
            hessian: &|p: &[f64]| hessian_flat(bubble_sort_weighted_hessian(p.to_vec())),
            twin: &|p: &[Dual64], r: &mut Path| bubble_sort_weighted_twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| bubble_sort_weighted_twin(p, r),
        };
        let coverage = case.verify(&x, EXACT);
        // Each entry's derivative is its rank plus 0.2 times itself; the sort is stable,
        // so equal entries keep their order.
        let (_, g) = bubble_sort_weighted_grad(x.clone());
        for (k, &v) in x.iter().enumerate() {
            let below = x.iter().filter(|&&w| w < v).count();
            let rank = (below + x[..k].iter().filter(|&&w| w == v).count()) as f64;
            assert_close(g[k], rank + 1.0 + 0.2 * v, 1e-15, "bubble_sort_weighted rank");
        }
        coverage
    });
}

/// `for` over `zip`, `enumerate`, `copied` and a `&Vec` directly.
#[differentiate(order = 2)]
fn iteration_forms(x: &[f64], y: &Vec<f64>) -> f64 {
    let mut s = 0.0;
    for (a, b) in x.iter().zip(y.iter()) {
        s = s * a + b;
    }
    for (i, v) in y.iter().enumerate() {
        s += v * v * i as f64;
    }
    for v in x.iter().copied() {
        s *= 1.0 + 0.1 * v;
    }
    for v in y {
        s -= 0.5 * v;
    }
    s
}

fn iteration_forms_twin<D: Re>(p: &[D], _: &mut Path) -> D {
    let (x, y) = p.split_at(p.len() / 2);
    let mut s = c::<D>(0.0);
    for (&a, &b) in x.iter().zip(y) {
        s = s * a + b;
    }
    for (i, &v) in y.iter().enumerate() {
        s += v * v * i as f64;
    }
    for &v in x {
        s *= v * 0.1 + 1.0;
    }
    for &v in y {
        s -= v * 0.5;
    }
    s
}

/// The composite trapezoid rule for `∫ₐᵇ sin(k t) dt` with 50 panels and active bounds.
#[differentiate(order = 2)]
fn trapezoid(a: f64, b: f64, k: f64) -> f64 {
    let n = 50;
    let h = (b - a) / n as f64;
    let mut s = 0.0;
    for i in 0..=n {
        let t = a + h * i as f64;
        let w = if i == 0 || i == n { 0.5 } else { 1.0 };
        s += w * (k * t).sin();
    }
    s * h
}

fn trapezoid_twin<D: Re>(p: &[D], _: &mut Path) -> D {
    let (a, b, k) = (p[0], p[1], p[2]);
    let n = 50;
    let h = (b - a) / n as f64;
    let mut s = c::<D>(0.0);
    for i in 0..=n {
        let t = a + h * i as f64;
        let w = if i == 0 || i == n { 0.5 } else { 1.0 };
        s += (k * t).sin() * w;
    }
    s * h
}

#[test]
fn iteration_forms_and_quadrature() {
    sweep("iteration_forms", (0..7usize).prop_flat_map(|n| vec(-1.0..1.0, 2 * n)), 1.0, |p| {
        Case {
            name: "iteration_forms",
            primal: &|p: &[f64]| iteration_forms(&p[..p.len() / 2], &p[p.len() / 2..].to_vec()),
            grad: &|p: &[f64]| {
                let n = p.len() / 2;
                let (y, (mut gx, gy)) = iteration_forms_grad(&p[..n], &p[n..].to_vec());
                gx.extend(gy);
                (y, gx)
            },
            jvp: &|p: &[f64], t: &[f64]| {
                let n = p.len() / 2;
                iteration_forms_jvp(&p[..n], &p[n..].to_vec(), &t[..n], &t[n..])
            },
            vjp: &|p: &[f64], d: f64| {
                let n = p.len() / 2;
                let (y, (mut gx, gy)) = iteration_forms_vjp(&p[..n], &p[n..].to_vec(), d);
                gx.extend(gy);
                (y, gx)
            },
            hvp: &|p: &[f64], t: &[f64]| {
                hvp_flat({
                    let n = p.len() / 2;
                    iteration_forms_hvp(&p[..n], &p[n..].to_vec(), &t[..n], &t[n..])
                })
            },
            hessian: &|p: &[f64]| {
                hessian_flat(iteration_forms_hessian(&p[..p.len() / 2], &p[p.len() / 2..].to_vec()))
            },
            twin: &|p: &[Dual64], r: &mut Path| iteration_forms_twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| iteration_forms_twin(p, r),
        }
        .verify(&p, EXACT)
    });
    let points = (-1.0..0.0, 0.5..2.0, 0.5..3.0).prop_map(|(a, b, k)| vec![a, b, k]);
    sweep("trapezoid", points, 1.0, |p| {
        let case = Case {
            name: "trapezoid",
            primal: &|p: &[f64]| trapezoid(p[0], p[1], p[2]),
            grad: &|p: &[f64]| {
                let (y, (a, b, k)) = trapezoid_grad(p[0], p[1], p[2]);
                (y, vec![a, b, k])
            },
            jvp: &|p: &[f64], t: &[f64]| trapezoid_jvp(p[0], p[1], p[2], t[0], t[1], t[2]),
            vjp: &|p: &[f64], d: f64| {
                let (y, (a, b, k)) = trapezoid_vjp(p[0], p[1], p[2], d);
                (y, vec![a, b, k])
            },
            hvp: &|p: &[f64], t: &[f64]| {
                hvp_flat(trapezoid_hvp(p[0], p[1], p[2], t[0], t[1], t[2]))
            },
            hessian: &|p: &[f64]| hessian_flat(trapezoid_hessian(p[0], p[1], p[2])),
            twin: &|p: &[Dual64], r: &mut Path| trapezoid_twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| trapezoid_twin(p, r),
        };
        let coverage = case.verify(&p, EXACT);
        // The fundamental theorem, up to the rule's O(h²) error: d/db ≈ sin(k b).
        let (_, (ga, gb, _)) = trapezoid_grad(p[0], p[1], p[2]);
        assert!((gb - (p[2] * p[1]).sin()).abs() < 0.05, "trapezoid d/db = {gb}");
        assert!((ga + (p[2] * p[0]).sin()).abs() < 0.05, "trapezoid d/da = {ga}");
        coverage
    });
}

// ---- edge cases of iteration ------------------------------------------------------------

/// `zip` of slices of different lengths stops at the shorter one, in a `for` and in a
/// chain.
#[differentiate(order = 2)]
fn zip_unequal(x: &[f64], y: &[f64]) -> f64 {
    let mut s = 0.0;
    for (a, b) in x.iter().zip(y.iter()) {
        s = s * a + b * b;
    }
    s + x.iter().zip(y).map(|(a, b)| a * b).sum::<f64>()
}

fn zip_unequal_twin<D: Re>(x: &[D], y: &[D], _: &mut Path) -> D {
    let mut s = c::<D>(0.0);
    for (&a, &b) in x.iter().zip(y) {
        s = s * a + b * b;
    }
    s + x.iter().zip(y).map(|(&a, &b)| a * b).sum::<D>()
}

#[test]
fn zip_of_unequal_lengths() {
    let points = (vec(-1.5..1.5, 0..6), vec(-1.5..1.5, 0..6));
    sweep("zip_unequal", points, 1.0, |(x, y)| {
        let nx = x.len();
        let mut p = x;
        p.extend(y);
        Case {
            name: "zip_unequal",
            primal: &|p: &[f64]| zip_unequal(&p[..nx], &p[nx..]),
            grad: &|p: &[f64]| {
                let (v, (mut gx, gy)) = zip_unequal_grad(&p[..nx], &p[nx..]);
                gx.extend(gy);
                (v, gx)
            },
            jvp: &|p: &[f64], t: &[f64]| zip_unequal_jvp(&p[..nx], &p[nx..], &t[..nx], &t[nx..]),
            vjp: &|p: &[f64], d: f64| {
                let (v, (mut gx, gy)) = zip_unequal_vjp(&p[..nx], &p[nx..], d);
                gx.extend(gy);
                (v, gx)
            },
            hvp: &|p: &[f64], t: &[f64]| {
                hvp_flat(zip_unequal_hvp(&p[..nx], &p[nx..], &t[..nx], &t[nx..]))
            },
            hessian: &|p: &[f64]| hessian_flat(zip_unequal_hessian(&p[..nx], &p[nx..])),
            twin: &|p: &[Dual64], r: &mut Path| zip_unequal_twin(&p[..nx], &p[nx..], r),
            twin2: &|p: &[HyperDual64], r: &mut Path| zip_unequal_twin(&p[..nx], &p[nx..], r),
        }
        .verify(&p, EXACT)
    });
}

/// `step_by` before `rev`, `rev` before `step_by`, and a step from a parameter.
#[differentiate(order = 2)]
fn step_forms(x: &[f64; 8], k: usize) -> f64 {
    let mut s = 0.0;
    for i in (0..8).step_by(3).rev() {
        s = s * x[i] + 1.0;
    }
    for i in (1..8).rev().step_by(2) {
        s = s * 0.5 + x[i];
    }
    for i in (2..8).step_by(k) {
        s *= 1.0 + 0.1 * x[i];
    }
    s
}

fn step_forms_twin<D: Re>(x: &[D], k: usize, _: &mut Path) -> D {
    let mut s = c::<D>(0.0);
    for i in (0..8).step_by(3).rev() {
        s = s * x[i] + 1.0;
    }
    for i in (1..8).rev().step_by(2) {
        s = s * 0.5 + x[i];
    }
    for i in (2..8).step_by(k) {
        s *= x[i] * 0.1 + 1.0;
    }
    s
}

/// Inclusive ranges with `step_by`, before and after `rev`, one step from a parameter.
#[differentiate(order = 2)]
fn inclusive_steps(x: &[f64; 8], k: usize) -> f64 {
    let mut s = 0.0;
    for i in (1..=7).step_by(2) {
        s = s * 0.5 + x[i];
    }
    for i in (0..=7).rev().step_by(k) {
        s = s * x[i] + 1.0;
    }
    s
}

fn inclusive_steps_twin<D: Re>(x: &[D], k: usize, _: &mut Path) -> D {
    let mut s = c::<D>(0.0);
    for i in (1..=7).step_by(2) {
        s = s * 0.5 + x[i];
    }
    for i in (0..=7).rev().step_by(k) {
        s = s * x[i] + 1.0;
    }
    s
}

#[test]
fn step_by_and_rev_in_either_order() {
    sweep("step_forms", (vec(-1.5..1.5, 8), 1..9usize), 1.0, |(x, k)| {
        Case {
            name: "step_forms",
            primal: &|p: &[f64]| step_forms(&arr(p), k),
            grad: &|p: &[f64]| {
                let (y, g) = step_forms_grad(&arr(p), k);
                (y, g.to_vec())
            },
            jvp: &|p: &[f64], t: &[f64]| step_forms_jvp(&arr(p), k, arr(t)),
            vjp: &|p: &[f64], d: f64| {
                let (y, g) = step_forms_vjp(&arr(p), k, d);
                (y, g.to_vec())
            },
            hvp: &|p: &[f64], t: &[f64]| hvp_flat(step_forms_hvp(&arr(p), k, arr(t))),
            hessian: &|p: &[f64]| hessian_flat(step_forms_hessian(&arr(p), k)),
            twin: &|p: &[Dual64], r: &mut Path| step_forms_twin(p, k, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| step_forms_twin(p, k, r),
        }
        .verify(&x, EXACT)
    });
    sweep("inclusive_steps", (vec(-1.5..1.5, 8), 1..9usize), 1.0, |(x, k)| {
        Case {
            name: "inclusive_steps",
            primal: &|p: &[f64]| inclusive_steps(&arr(p), k),
            grad: &|p: &[f64]| {
                let (y, g) = inclusive_steps_grad(&arr(p), k);
                (y, g.to_vec())
            },
            jvp: &|p: &[f64], t: &[f64]| inclusive_steps_jvp(&arr(p), k, arr(t)),
            vjp: &|p: &[f64], d: f64| {
                let (y, g) = inclusive_steps_vjp(&arr(p), k, d);
                (y, g.to_vec())
            },
            hvp: &|p: &[f64], t: &[f64]| hvp_flat(inclusive_steps_hvp(&arr(p), k, arr(t))),
            hessian: &|p: &[f64]| hessian_flat(inclusive_steps_hessian(&arr(p), k)),
            twin: &|p: &[Dual64], r: &mut Path| inclusive_steps_twin(p, k, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| inclusive_steps_twin(p, k, r),
        }
        .verify(&x, EXACT)
    });
}

/// A slice of fixed-size rows, iterated row by row and entry by entry.
#[differentiate(order = 2)]
fn rows_of_slice(x: &[[f64; 3]]) -> f64 {
    let mut s = 0.0;
    for row in x {
        for &v in row {
            s = s * 0.5 + v * v;
        }
    }
    s
}

fn rows_of_slice_twin<D: Re>(x: &[D], _: &mut Path) -> D {
    let mut s = c::<D>(0.0);
    for &v in x {
        s = s * 0.5 + v * v;
    }
    s
}

fn rows(p: &[f64]) -> Vec<[f64; 3]> {
    p.chunks(3).map(arr).collect()
}

#[test]
fn slice_of_arrays_row_by_row() {
    sweep("rows_of_slice", (0..5usize).prop_flat_map(|n| vec(-1.5..1.5, 3 * n)), 1.0, |x| {
        Case {
            name: "rows_of_slice",
            primal: &|p: &[f64]| rows_of_slice(&rows(p)),
            grad: &|p: &[f64]| {
                let (y, g) = rows_of_slice_grad(&rows(p));
                (y, g.iter().flatten().copied().collect())
            },
            jvp: &|p: &[f64], t: &[f64]| rows_of_slice_jvp(&rows(p), &rows(t)),
            vjp: &|p: &[f64], d: f64| {
                let (y, g) = rows_of_slice_vjp(&rows(p), d);
                (y, g.iter().flatten().copied().collect())
            },
            hvp: &|p: &[f64], t: &[f64]| hvp_flat(rows_of_slice_hvp(&rows(p), &rows(t))),
            hessian: &|p: &[f64]| hessian_flat(rows_of_slice_hessian(&rows(p))),
            twin: &|p: &[Dual64], r: &mut Path| rows_of_slice_twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| rows_of_slice_twin(p, r),
        }
        .verify(&x, EXACT)
    });
}

/// A local `vec!` written with `=`, `/=` and `-=`, then iterated with `.iter()`.
#[differentiate(order = 2)]
fn local_vec_iter(x: &[f64]) -> f64 {
    let n = x.len();
    let mut y = vec![0.0; n];
    for i in 0..n {
        y[i] = x[i] * x[i];
        y[i] /= 1.0 + x[i] * x[i];
        y[i] -= 0.5 * x[i];
    }
    let mut s = 0.0;
    for v in y.iter() {
        s = s * 0.9 + v;
    }
    s
}

fn local_vec_iter_twin<D: Re>(x: &[D], _: &mut Path) -> D {
    let mut s = c::<D>(0.0);
    for &v in x {
        let y = v * v / (v * v + 1.0) - v * 0.5;
        s = s * 0.9 + y;
    }
    s
}

/// A `return` from a `match` arm inside a `while`, after shadowing in the body.
#[differentiate(order = 2)]
fn match_return_in_while(x: &[f64]) -> f64 {
    let mut s = 1.0;
    let mut i = 0;
    while i < x.len() {
        let v = x[i];
        let v = v * v + s;
        i += 1;
        match v > 2.5 {
            true => return s * v,
            false => s = s * 0.5 + v,
        }
    }
    s
}

fn match_return_in_while_twin<D: Re>(x: &[D], path: &mut Path) -> D {
    let mut s = c::<D>(1.0);
    for (i, &v) in x.iter().enumerate() {
        let v = v * v + s;
        if v > 2.5 {
            path.push(i as i64);
            return s * v;
        }
        s = s * 0.5 + v;
    }
    s
}

#[test]
fn local_vec_iteration_and_return_from_a_match_arm() {
    sweep("local_vec_iter", vec(-1.5..1.5, 0..8), 1.0, |x| {
        slice_case!(
            local_vec_iter,
            local_vec_iter_grad,
            local_vec_iter_jvp,
            local_vec_iter_vjp,
            local_vec_iter_hvp,
            local_vec_iter_hessian,
            local_vec_iter_twin
        )
        .verify(&x, EXACT)
    });
    sweep("match_return_in_while", vec(-1.5..1.5, 0..8), 0.9, |x| {
        slice_case!(
            match_return_in_while,
            match_return_in_while_grad,
            match_return_in_while_jvp,
            match_return_in_while_vjp,
            match_return_in_while_hvp,
            match_return_in_while_hessian,
            match_return_in_while_twin
        )
        .verify(&x, EXACT)
    });
}

// ---- scratch arrays rewritten at every iteration ---------------------------------------

/// The kernel of a Gaussian mixture's likelihood: per point, a local array of centred
/// coordinates and one of their product with a packed lower-triangular matrix, whose
/// entries an index counter walks (`lidx += 1`); the inner loop reads `xc[i]`, fixed
/// across it, and the square reads `q[j]` twice. `p` holds 4 centre coordinates, 6
/// triangle entries, then points of 4 coordinates.
#[differentiate(order = 2)]
fn packed_triangle(p: &[f64]) -> f64 {
    let d = 4;
    let n = (p.len() - 10) / d;
    let mut xc = vec![0.0; d];
    let mut q = vec![0.0; d];
    let mut total = 0.0;
    for ix in 0..n {
        for j in 0..d {
            xc[j] = p[10 + ix * d + j] - p[j];
        }
        for j in 0..d {
            q[j] = xc[j] * (1.0 + 0.5 * xc[j]);
        }
        let mut lidx = d;
        for i in 0..d {
            for j in i + 1..d {
                q[j] += p[lidx] * xc[i];
                lidx += 1;
            }
        }
        let mut sq = 0.0;
        for j in 0..d {
            sq += q[j] * q[j];
        }
        total += (-0.5 * sq).exp();
    }
    total
}

fn packed_triangle_twin<D: Re>(p: &[D], _: &mut Path) -> D {
    let d = 4;
    let n = (p.len() - 10) / d;
    let mut total = c::<D>(0.0);
    for ix in 0..n {
        let xc: Vec<D> = (0..d).map(|j| p[10 + ix * d + j] - p[j]).collect();
        let mut q: Vec<D> = xc.iter().map(|&v| v * (v * 0.5 + 1.0)).collect();
        let mut lidx = d;
        for i in 0..d {
            for j in i + 1..d {
                q[j] = q[j] + p[lidx] * xc[i];
                lidx += 1;
            }
        }
        let sq = q.iter().fold(c::<D>(0.0), |s, &v| s + v * v);
        total = total + (sq * -0.5).exp();
    }
    total
}

/// Two counters indexing a local array rewritten every round: one stepped up by a
/// stride fixed before the loop, one stepped down by one. Each iteration reads an
/// element before writing it (the value of an earlier round) and twice after.
#[differentiate(order = 2)]
fn strided_counters(x: &[f64]) -> f64 {
    let n = x.len();
    let stride = 2;
    let mut w = vec![0.0; 2 * n];
    let mut s = 0.0;
    for round in 0..3 {
        let mut up = round % 2;
        let mut down = n;
        for i in 0..n {
            w[up] = w[up] * 0.5 + x[i] * x[down - 1] + s * 0.1;
            s += w[up] * w[up].sin();
            up += stride;
            down -= 1;
        }
    }
    s
}

fn strided_counters_twin<D: Re>(x: &[D], _: &mut Path) -> D {
    let n = x.len();
    let mut w = vec![c::<D>(0.0); 2 * n];
    let mut s = c::<D>(0.0);
    for round in 0..3 {
        for i in 0..n {
            let up = round % 2 + 2 * i;
            w[up] = w[up] * 0.5 + x[i] * x[n - 1 - i] + s * 0.1;
            s = s + w[up] * w[up].sin();
        }
    }
    s
}

/// An inner range that is empty on the outer loop's last pass, where `w[i]` (fixed
/// across the inner loop) would be out of bounds: the function never reads it there; nor
/// `w[n]` in a loop that always breaks first.
#[differentiate(order = 2)]
fn empty_inner_range(x: &[f64]) -> f64 {
    let n = x.len();
    let mut w = vec![0.0; n];
    for i in 0..n {
        w[i] = x[i].tanh();
    }
    let mut s = 0.0;
    for i in 0..=n {
        for j in i..n {
            s += w[i] * x[j] * w[j];
        }
        for j in w.len()..i {
            s += w[i] * x[j];
        }
    }
    // A loop that always ends before its read of `w[n]` (out of bounds) never makes it.
    for j in 0..n {
        if j < n {
            break;
        }
        s += w[n] * x[j];
    }
    s
}

fn empty_inner_range_twin<D: Re>(x: &[D], _: &mut Path) -> D {
    let n = x.len();
    let w: Vec<D> = x.iter().map(|v| v.tanh()).collect();
    let mut s = c::<D>(0.0);
    for i in 0..n {
        for j in i..n {
            s = s + w[i] * x[j] * w[j];
        }
    }
    s
}

#[test]
fn scratch_arrays_rewritten_at_every_iteration() {
    sweep("packed_triangle", vec(-1.0..1.0, 18), 1.0, |p| {
        slice_case!(
            packed_triangle,
            packed_triangle_grad,
            packed_triangle_jvp,
            packed_triangle_vjp,
            packed_triangle_hvp,
            packed_triangle_hessian,
            packed_triangle_twin
        )
        .verify(&p, EXACT)
    });
    sweep("strided_counters", vec(-1.0..1.0, 1..8), 1.0, |x| {
        slice_case!(
            strided_counters,
            strided_counters_grad,
            strided_counters_jvp,
            strided_counters_vjp,
            strided_counters_hvp,
            strided_counters_hessian,
            strided_counters_twin
        )
        .verify(&x, EXACT)
    });
    sweep("empty_inner_range", vec(-1.5..1.5, 0..8), 1.0, |x| {
        slice_case!(
            empty_inner_range,
            empty_inner_range_grad,
            empty_inner_range_jvp,
            empty_inner_range_vjp,
            empty_inner_range_hvp,
            empty_inner_range_hessian,
            empty_inner_range_twin
        )
        .verify(&x, EXACT)
    });
}

// ---- indices computed from active comparisons, loops in branches ------------------------

/// The index of the running maximum, found by active comparisons, then used to index.
#[differentiate(order = 2)]
fn argmax_then_index(x: &[f64]) -> f64 {
    let mut best = x[0];
    let mut at = 0;
    for i in 1..x.len() {
        if x[i] > best {
            best = x[i];
            at = i;
        }
    }
    let mut s = 0.0;
    for i in 0..x.len() {
        s += x[i] * x[(i + at) % x.len()];
    }
    s + best * x[x.len() - 1 - at]
}

fn argmax_then_index_twin<D: Re>(x: &[D], path: &mut Path) -> D {
    let n = x.len();
    let mut at = 0;
    for i in 1..n {
        if x[i] > x[at] {
            at = i;
        }
    }
    path.push(at as i64);
    let mut s = c::<D>(0.0);
    for i in 0..n {
        s += x[i] * x[(i + at) % n];
    }
    s + x[at] * x[n - 1 - at]
}

/// A local ring buffer updated in place, `y[k]` from itself and its neighbour, until an
/// active running total passes a threshold.
#[differentiate(order = 2)]
fn ring_until_threshold(x: &[f64; 5], threshold: f64) -> f64 {
    let mut y = [0.0; 5];
    for i in 0..5 {
        y[i] = x[i];
    }
    let mut j = 0;
    let mut total = 0.0;
    while total < threshold && j < 100 {
        let k = j % 5;
        y[k] = (y[k] * y[(k + 1) % 5]).sin() + 1.0;
        total += y[k];
        j += 1;
    }
    total + y[0] * j as f64
}

fn ring_until_threshold_twin<D: Re>(p: &[D], path: &mut Path) -> D {
    let mut y: [D; 5] = arr_of(&p[..5]);
    let threshold = p[5];
    let mut j = 0;
    let mut total = c::<D>(0.0);
    while total < threshold && j < 100 {
        let k = j % 5;
        y[k] = (y[k] * y[(k + 1) % 5]).sin() + 1.0;
        total += y[k];
        j += 1;
    }
    path.push(j as i64);
    total + y[0] * j as f64
}

/// A `for` in one branch and a `while` in the other, chosen by an active condition.
#[differentiate(order = 2)]
fn loops_in_branches(x: &[f64], flag: f64) -> f64 {
    let mut s = 0.0;
    if flag > 0.0 {
        for &v in x {
            s = s * flag + v;
        }
    } else {
        let mut i = x.len();
        while i > 0 {
            i -= 1;
            s = s * 0.5 - x[i] * flag;
        }
    }
    s
}

fn loops_in_branches_twin<D: Re>(p: &[D], path: &mut Path) -> D {
    let (x, flag) = p.split_at(p.len() - 1);
    let flag = flag[0];
    let mut s = c::<D>(0.0);
    if flag > 0.0 {
        path.push(1);
        for &v in x {
            s = s * flag + v;
        }
    } else {
        path.push(0);
        for &v in x.iter().rev() {
            s = s * 0.5 - v * flag;
        }
    }
    s
}

/// Integer powers by the loop index, and a logarithm of the running sum.
#[differentiate(order = 2)]
fn powers_by_index(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += x[i].powi(i as i32 + 1) * (1.0 + s * s).ln();
        s += x[i];
    }
    s
}

fn powers_by_index_twin<D: Re>(x: &[D], _: &mut Path) -> D {
    let mut s = c::<D>(0.0);
    for (i, &v) in x.iter().enumerate() {
        s += v.powi(i as i32 + 1) * (s * s + 1.0).ln();
        s += v;
    }
    s
}

/// Two nested `loop`s: `continue` of the inner one, `break 'outer` from the inner one
/// on an active sum, and an unlabelled `break` of each.
#[differentiate(order = 2)]
fn nested_loops_labelled(x: &[f64], limit: f64) -> f64 {
    let mut s = 0.0;
    let mut i = 0;
    'outer: loop {
        let mut j = 0;
        loop {
            if j == x.len() {
                break;
            }
            let v = x[j] * x[i % x.len()];
            j += 1;
            if v < 0.0 {
                continue;
            }
            s += v;
            if s > limit {
                break 'outer;
            }
        }
        i += 1;
        if i >= 2 * x.len() {
            break;
        }
    }
    s * limit
}

fn nested_loops_labelled_twin<D: Re>(p: &[D], path: &mut Path) -> D {
    let (x, limit) = p.split_at(p.len() - 1);
    let limit = limit[0];
    let n = x.len();
    let mut s = c::<D>(0.0);
    'outer: for i in 0..2 * n {
        for j in 0..n {
            let v = x[j] * x[i % n];
            if v < 0.0 {
                path.push((i * 16 + j) as i64);
                continue;
            }
            s += v;
            if s > limit {
                path.push(-((i * 16 + j) as i64) - 1);
                break 'outer;
            }
        }
    }
    s * limit
}

/// A variable overwritten in every iteration, conditionally scaled, read after the loop.
#[differentiate(order = 2)]
fn last_value_after_loop(x: &[f64]) -> f64 {
    let mut s = 1.0;
    let mut last = 0.0;
    for &v in x {
        last = v * s;
        s += last * last;
        if v > 0.5 {
            last *= 2.0;
        }
    }
    last * s
}

fn last_value_after_loop_twin<D: Re>(x: &[D], path: &mut Path) -> D {
    let mut s = c::<D>(1.0);
    let mut last = c::<D>(0.0);
    for &v in x {
        last = v * s;
        s += last * last;
        if v > 0.5 {
            path.push(1);
            last *= 2.0;
        } else {
            path.push(0);
        }
    }
    last * s
}

/// Scatter into a local `vec!` at computed indices, several writes to one entry.
#[differentiate(order = 2)]
fn scatter_by_index(x: &[f64]) -> f64 {
    let n = x.len();
    let mut y = vec![0.0; n];
    for i in 0..n {
        y[(i * 3) % n] += x[i] * x[n - 1 - i];
    }
    let mut s = 0.0;
    for i in 0..n {
        s += y[i] * y[i] * (i as f64 + 1.0);
    }
    s
}

fn scatter_by_index_twin<D: Re>(x: &[D], _: &mut Path) -> D {
    let n = x.len();
    let mut y = vec![c::<D>(0.0); n];
    for i in 0..n {
        y[(i * 3) % n] += x[i] * x[n - 1 - i];
    }
    let mut s = c::<D>(0.0);
    for (i, &v) in y.iter().enumerate() {
        s += v * v * (i as f64 + 1.0);
    }
    s
}

#[test]
fn computed_indices_and_loops_in_branches() {
    sweep("argmax_then_index", vec(-2.0..2.0, 1..8), 0.9, |x| {
        slice_case!(
            argmax_then_index,
            argmax_then_index_grad,
            argmax_then_index_jvp,
            argmax_then_index_vjp,
            argmax_then_index_hvp,
            argmax_then_index_hessian,
            argmax_then_index_twin
        )
        .verify(&x, EXACT)
    });
    sweep("ring_until_threshold", joined(vec(-1.5..1.5, 5), scalar(1.0, 6.0)), 0.9, |p| {
        Case {
            name: "ring_until_threshold",
            primal: &|p: &[f64]| ring_until_threshold(&arr(&p[..5]), p[5]),
            grad: &|p: &[f64]| {
                let (y, (gx, gt)) = ring_until_threshold_grad(&arr(&p[..5]), p[5]);
                let mut g = gx.to_vec();
                g.push(gt);
                (y, g)
            },
            jvp: &|p: &[f64], t: &[f64]| {
                ring_until_threshold_jvp(&arr(&p[..5]), p[5], arr(&t[..5]), t[5])
            },
            vjp: &|p: &[f64], d: f64| {
                let (y, (gx, gt)) = ring_until_threshold_vjp(&arr(&p[..5]), p[5], d);
                let mut g = gx.to_vec();
                g.push(gt);
                (y, g)
            },
            hvp: &|p: &[f64], t: &[f64]| {
                hvp_flat(ring_until_threshold_hvp(&arr(&p[..5]), p[5], arr(&t[..5]), t[5]))
            },
            hessian: &|p: &[f64]| hessian_flat(ring_until_threshold_hessian(&arr(&p[..5]), p[5])),
            twin: &|p: &[Dual64], r: &mut Path| ring_until_threshold_twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| ring_until_threshold_twin(p, r),
        }
        .verify(&p, EXACT)
    });
    let flag = prop_oneof![-1.5..-0.1, 0.1..1.5];
    sweep(
        "loops_in_branches",
        joined(vec(-1.5..1.5, 0..7), flag.prop_map(|f| vec![f])),
        1.0,
        |p| {
            slice_scalar_case!(
                loops_in_branches,
                loops_in_branches_grad,
                loops_in_branches_jvp,
                loops_in_branches_vjp,
                loops_in_branches_hvp,
                loops_in_branches_hessian,
                loops_in_branches_twin
            )
            .verify(&p, EXACT)
        },
    );
    sweep("powers_by_index", vec(-1.2..1.2, 0..8), 1.0, |x| {
        slice_case!(
            powers_by_index,
            powers_by_index_grad,
            powers_by_index_jvp,
            powers_by_index_vjp,
            powers_by_index_hvp,
            powers_by_index_hessian,
            powers_by_index_twin
        )
        .verify(&x, EXACT)
    });
    sweep("nested_loops_labelled", joined(vec(-1.0..1.0, 1..6), scalar(0.5, 5.0)), 0.9, |p| {
        slice_scalar_case!(
            nested_loops_labelled,
            nested_loops_labelled_grad,
            nested_loops_labelled_jvp,
            nested_loops_labelled_vjp,
            nested_loops_labelled_hvp,
            nested_loops_labelled_hessian,
            nested_loops_labelled_twin
        )
        .verify(&p, EXACT)
    });
    sweep("last_value_after_loop", vec(-1.0..1.0, 0..7), 0.9, |x| {
        slice_case!(
            last_value_after_loop,
            last_value_after_loop_grad,
            last_value_after_loop_jvp,
            last_value_after_loop_vjp,
            last_value_after_loop_hvp,
            last_value_after_loop_hessian,
            last_value_after_loop_twin
        )
        .verify(&x, EXACT)
    });
    sweep("scatter_by_index", vec(-1.5..1.5, 1..8), 1.0, |x| {
        slice_case!(
            scatter_by_index,
            scatter_by_index_grad,
            scatter_by_index_jvp,
            scatter_by_index_vjp,
            scatter_by_index_hvp,
            scatter_by_index_hessian,
            scatter_by_index_twin
        )
        .verify(&x, EXACT)
    });
}

// ---- closures capturing active values, shadowing, two-argument methods ------------------

/// Closures that capture an active scalar and a loop-carried active value.
#[differentiate(order = 2)]
fn captured_in_closures(x: &[f64], w: f64) -> f64 {
    let a = x.iter().map(|v| v * w).sum::<f64>();
    let b = x.iter().fold(1.0, |acc, v| acc * (1.0 + w * v));
    let mut s = 0.0;
    for _ in 0..3 {
        s += x.iter().map(|v| (v * s).sin() + w).sum::<f64>();
    }
    a * b + s
}

fn captured_in_closures_twin<D: Re>(p: &[D], _: &mut Path) -> D {
    let (x, w) = p.split_at(p.len() - 1);
    let w = w[0];
    let a: D = x.iter().map(|&v| v * w).sum();
    let b = x.iter().fold(c::<D>(1.0), |acc, &v| acc * (w * v + 1.0));
    let mut s = c::<D>(0.0);
    for _ in 0..3 {
        s += x.iter().map(|&v| (v * s).sin() + w).sum::<D>();
    }
    a * b + s
}

/// Shadowing inside a loop body (of the loop-carried variable and of the loop index by
/// an inner loop), a block expression and an `if` expression.
#[differentiate(order = 2)]
fn shadowing_in_loops(x: &[f64]) -> f64 {
    let s = 1.0;
    let mut t = 0.0;
    for i in 0..x.len() {
        let s = s * 2.0 + x[i];
        t += s * s;
        for i in 0..2 {
            t = t * 0.5 + x[i % x.len()] * s;
        }
        let v = {
            let u = (x[i] * t).sin();
            u * u
        };
        t = if v > 0.5 { t * v } else { t - v };
    }
    s + t
}

fn shadowing_in_loops_twin<D: Re>(x: &[D], path: &mut Path) -> D {
    let n = x.len();
    let mut t = c::<D>(0.0);
    for i in 0..n {
        let s = x[i] + 2.0;
        t += s * s;
        for k in 0..2 {
            t = t * 0.5 + x[k % n] * s;
        }
        let u = (x[i] * t).sin();
        let v = u * u;
        path.push(i64::from(v > 0.5));
        t = if v > 0.5 { t * v } else { t - v };
    }
    t + 1.0
}

/// `max`, `hypot`, `atan2`, `mul_add`, `abs` and `powf` with active arguments on both
/// sides, in a loop, after a tuple destructuring.
#[differentiate(order = 2)]
fn two_argument_methods(x: &[f64]) -> f64 {
    let mut s = 0.5;
    for &v in x {
        let (a, b) = (s * v, s + v);
        s = s * s + s;
        s = a.max(b) + s.hypot(v) * 0.1 + s.atan2(v) + v.mul_add(s, a) * 0.01;
        s = s.abs().powf(0.5 + 0.1 * v.abs()) * 0.5;
    }
    s
}

fn abs_rec<D: Re>(v: D, path: &mut Path) -> D {
    path.push(i64::from(v < 0.0));
    if v < 0.0 {
        -v
    } else {
        v
    }
}

fn two_argument_methods_twin<D: Re>(x: &[D], path: &mut Path) -> D {
    let mut s = c::<D>(0.5);
    for &v in x {
        let (a, b) = (s * v, s + v);
        s = s * s + s;
        let hypot = (s * s + v * v).sqrt();
        s = max_rec(a, b, path) + hypot * 0.1 + s.atan2(v) + (v * s + a) * 0.01;
        let exponent = abs_rec(v, path) * 0.1 + 0.5;
        s = abs_rec(s, path).powd(exponent) * 0.5;
    }
    s
}

#[test]
fn closures_shadowing_and_two_argument_methods() {
    sweep("captured_in_closures", joined(vec(-1.5..1.5, 0..6), scalar(-1.0, 1.0)), 1.0, |p| {
        slice_scalar_case!(
            captured_in_closures,
            captured_in_closures_grad,
            captured_in_closures_jvp,
            captured_in_closures_vjp,
            captured_in_closures_hvp,
            captured_in_closures_hessian,
            captured_in_closures_twin
        )
        .verify(&p, EXACT)
    });
    sweep("shadowing_in_loops", vec(-1.0..1.0, 1..6), 0.9, |x| {
        slice_case!(
            shadowing_in_loops,
            shadowing_in_loops_grad,
            shadowing_in_loops_jvp,
            shadowing_in_loops_vjp,
            shadowing_in_loops_hvp,
            shadowing_in_loops_hessian,
            shadowing_in_loops_twin
        )
        .verify(&x, EXACT)
    });
    // Entries away from 0, where `abs` kinks and `atan2` turns fast.
    let entry = prop_oneof![0.2..1.5, -1.5..-0.2];
    sweep("two_argument_methods", vec(entry, 0..6), 0.9, |x| {
        slice_case!(
            two_argument_methods,
            two_argument_methods_grad,
            two_argument_methods_jvp,
            two_argument_methods_vjp,
            two_argument_methods_hvp,
            two_argument_methods_hessian,
            two_argument_methods_twin
        )
        .verify(&x, EXACT)
    });
}

// ---- accumulators whose initial value the macro must recognise as a float ---------------

/// A named constant as the floor of a running maximum, read again in a second loop.
const FLOOR: f64 = 0.0;

#[differentiate(order = 2)]
fn floored_max_weighted(x: &[f64]) -> f64 {
    let mut best = FLOOR;
    for &v in x {
        if v > best {
            best = v;
        }
    }
    let mut s = 0.0;
    for &v in x {
        s += v * best;
    }
    s
}

fn floored_max_weighted_twin<D: Re>(x: &[D], path: &mut Path) -> D {
    let mut best = c::<D>(FLOOR);
    for &v in x {
        if v > best {
            path.push(1);
            best = v;
        } else {
            path.push(0);
        }
    }
    let mut s = c::<D>(0.0);
    for &v in x {
        s += v * best;
    }
    s
}

/// Generic over the float type: a running maximum started at `T::neg_infinity()`, an
/// accumulator started at `T::zero()`, both read again in a `while` loop.
#[differentiate(order = 2)]
fn generic_max_then_sum<T: Float>(x: T, y: T) -> T {
    let mut m = T::neg_infinity();
    let mut s = T::zero();
    for k in 0..3 {
        let v = if k == 1 { y } else { x * x };
        s = s * v + v;
        if v > m {
            m = v;
        }
    }
    let mut i = 0;
    while i < 2 {
        s = s + m * x;
        i += 1;
    }
    s
}

fn generic_max_then_sum_twin<D: Re>(p: &[D], path: &mut Path) -> D {
    let (x, y) = (p[0], p[1]);
    let mut m = c::<D>(f64::NEG_INFINITY);
    let mut s = c::<D>(0.0);
    for k in 0..3 {
        let v = if k == 1 { y } else { x * x };
        s = s * v + v;
        m = max_rec(m, v, path);
    }
    for _ in 0..2 {
        s += m * x;
    }
    s
}

#[test]
fn accumulator_started_from_a_named_constant() {
    sweep("floored_max_weighted", vec(-2.0..2.0, 1..8), 0.9, |x| {
        slice_case!(
            floored_max_weighted,
            floored_max_weighted_grad,
            floored_max_weighted_jvp,
            floored_max_weighted_vjp,
            floored_max_weighted_hvp,
            floored_max_weighted_hessian,
            floored_max_weighted_twin
        )
        .verify(&x, EXACT)
    });
}

#[test]
fn generic_accumulators_started_from_zero_and_neg_infinity() {
    let points = (-1.5..1.5, -1.5..1.5).prop_map(|(x, y)| vec![x, y]);
    sweep("generic_max_then_sum", points, 0.9, |p| {
        Case {
            name: "generic_max_then_sum",
            primal: &|p: &[f64]| generic_max_then_sum(p[0], p[1]),
            grad: &|p: &[f64]| {
                let (v, (gx, gy)) = generic_max_then_sum_grad(p[0], p[1]);
                (v, vec![gx, gy])
            },
            jvp: &|p: &[f64], t: &[f64]| generic_max_then_sum_jvp(p[0], p[1], t[0], t[1]),
            vjp: &|p: &[f64], d: f64| {
                let (v, (gx, gy)) = generic_max_then_sum_vjp(p[0], p[1], d);
                (v, vec![gx, gy])
            },
            hvp: &|p: &[f64], t: &[f64]| hvp_flat(generic_max_then_sum_hvp(p[0], p[1], t[0], t[1])),
            hessian: &|p: &[f64]| hessian_flat(generic_max_then_sum_hessian(p[0], p[1])),
            twin: &|p: &[Dual64], r: &mut Path| generic_max_then_sum_twin(p, r),
            twin2: &|p: &[HyperDual64], r: &mut Path| generic_max_then_sum_twin(p, r),
        }
        .verify(&p, EXACT)
    });
}

// ---- minimal reproductions ----------------------------------------------------------------
//
// The smallest functions that show a failure of the corpus above, with exact values.

/// `m` starts from a float literal with an exponent and no `.`, becomes active in one
/// loop, and is read in a later loop: `f(y) = y`.
#[differentiate]
fn exponent_literal_accumulator(y: f64) -> f64 {
    let mut m = 0e0;
    for _ in 0..1 {
        m = m + y;
    }
    let mut s = 0.0;
    for _ in 0..1 {
        s = s + m;
    }
    s
}

/// The same with a named constant: `f(y) = y / 2`.
const HALF: f64 = 0.5;

#[differentiate]
fn constant_item_accumulator(y: f64) -> f64 {
    let mut m = HALF;
    for _ in 0..1 {
        m = m * y;
    }
    let mut s = 0.0;
    for _ in 0..1 {
        s = s + m;
    }
    s
}

/// The same, generic, with `T::zero()`: `f(y) = y`.
#[differentiate]
fn generic_zero_accumulator<T: Float>(y: T) -> T {
    let mut m = T::zero();
    for _ in 0..1 {
        m = m + y;
    }
    let mut s = T::zero();
    for _ in 0..1 {
        s = s + m;
    }
    s
}

#[test]
fn accumulator_from_an_exponent_literal_read_in_a_later_loop() {
    assert_eq!(exponent_literal_accumulator(2.0), 2.0);
    assert_eq!(exponent_literal_accumulator_jvp(2.0, 1.0), (2.0, 1.0));
    assert_eq!(exponent_literal_accumulator_grad(2.0), (2.0, 1.0));
}

#[test]
fn accumulator_from_a_constant_item_read_in_a_later_loop() {
    assert_eq!(constant_item_accumulator(2.0), 1.0);
    assert_eq!(constant_item_accumulator_jvp(2.0, 1.0), (1.0, 0.5));
    assert_eq!(constant_item_accumulator_grad(2.0), (1.0, 0.5));
}

#[test]
fn generic_accumulator_from_zero_read_in_a_later_loop() {
    assert_eq!(generic_zero_accumulator(2.0f64), 2.0);
    assert_eq!(generic_zero_accumulator_jvp(2.0f64, 1.0), (2.0, 1.0));
    assert_eq!(generic_zero_accumulator_grad(2.0f64), (2.0, 1.0));
    assert_eq!(generic_zero_accumulator_grad(2.0f32), (2.0, 1.0));
}
