//! A corpus of differentiated functions with vector and tensor outputs: `[f64; M]` from
//! scalars and arrays, nested arrays (generalized Jacobians), `Vec<f64>` from slices of
//! sizes that vary per case, `Vec<[f64; 2]>`, tuple outputs, several active parameters,
//! `wrt(..)` narrowing, out-parameters, loops with branches, early exits and local
//! arrays, iterator chains, calls of other differentiated functions, and the usual
//! applications (least-squares residuals, softmax, layer normalisation, ODE steps, a
//! two-layer network, polar coordinates, cross and matrix-vector products).
//!
//! Every function is checked at random points (proptest, fixed seed) through flat
//! vectors (active parameters in order, nested arrays row-major; outputs flattened the
//! same way, the parts of a tuple in order) against
//! - a twin written generically over `num_dual::DualNum<f64>`, evaluated with `Dual64`
//!   once per input coordinate, which gives one column of the Jacobian each, and once
//!   per tangent direction, which gives `J t`;
//! - central finite differences of the flattened function (`autodiff_core::check::
//!   jacobian`), column by column, where the column's two steps take the same discrete
//!   path as the point itself;
//! - the identities between siblings: `f_jvp(x, t) = J t` and `f_vjp(x, w) = wᵀ J` for
//!   two directions each, and `f_jacobian`, `f_jvp` and `f_vjp` all return the value of
//!   `f` bit for bit (for out-parameters: write the same buffer).
//!
//! The exact Rust types of values, tangents, cotangents, gradients and Jacobian blocks
//! are checked at compile time, by annotating every binding of a sibling's result.
//!
//! Each twin also records the discrete path it takes (branch choices, trip counts, exit
//! points) in a [`Path`]. Dual numbers compare by their real parts, so the twin follows
//! the path of `f` and its derivative is exact everywhere; central differences are only
//! meaningful where `x_j ± s` take the path of `x`, so a column is compared with them only
//! there, and each test asserts the share of columns that were compared (the domains
//! keep path changes within one step rare).
//!
//! Tolerances, in the mixed sense of `autodiff_core::check::close`
//! (`|a - b| ≤ tol · max(1, |a|, |b|)`):
//! - [`EXACT`] = 1e-11 between our Jacobian and num-dual's columns: both are exact
//!   derivatives of the same floating-point program, computed in different orders
//!   (reverse sweeps sum adjoints backwards, vector forward mode carries 16 lanes), so
//!   they differ only by rounding. The longest programs here (30 Euler steps, a bubble
//!   sort, Newton iterations, a 27-input network) perform at most a few hundred roundings
//!   of 1.1e-16 on quantities that the domains keep below about 1e2, i.e. at most ~1e-13
//!   (the worst seen is about 1e-15, `lotka_volterra`'s `f_vjp` against `wᵀ J`); a wrong
//!   term (a dropped block, a transposed index, a missing product-rule half) is off by
//!   orders of magnitude more.
//! - `J t` against `f_jvp` and against num-dual along `t`, and `wᵀ J` against `f_vjp`,
//!   use [`EXACT`] times `max(1, Σ |J_ij t_j|)` (or `Σ_i |w_i J_ij|`): the same products
//!   summed in another order, whose rounding scales with the sum of the magnitudes.
//! - [`FD`] = 1e-6 against central differences: their truncation and rounding error is
//!   about `ε^(2/3) ≈ 4e-11` times the size of the function and of its third derivative
//!   (see `autodiff_core::check`), which the domains keep moderate (away from the poles
//!   of `sqrt`, `ln` and divisions, and from the zeros of the norms divided by), so 1e-6
//!   leaves a wide margin (the worst seen is 1.7e-9, `chebyshev`'s `T_7` near `x = 1`)
//!   and still catches any wrong entry (a factor 1.001 on one entry of `polar` fails).
// The differentiated functions are written the way numeric code is (index loops, a
// swap through a temporary, explicit `return`s), because those are the forms under test;
// the Jacobian types are spelled out on purpose.
#![allow(
    clippy::needless_range_loop,
    clippy::manual_swap,
    clippy::needless_return,
    clippy::type_complexity,
    clippy::too_many_arguments
)]

use std::sync::atomic::{AtomicUsize, Ordering};

mod common;

use autodiff_core::check::{self, close, DEFAULT_STEP};
use autodiff_core::differentiate;
use common::{flatten, Flat};
use num_dual::{Dual64, DualNum};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

/// Between two exact derivatives (see the module docs).
const EXACT: f64 = 1e-11;
/// Against central differences (see the module docs).
const FD: f64 = 1e-6;

/// The discrete decisions a twin took, in order.
type Path = Vec<i64>;

/// The scalar type of the twins, which are evaluated with `Dual64` (and `f64` through
/// `Dual64` with a zero tangent).
trait Re: DualNum<Primitive = f64> + Copy {}
impl<D: DualNum<Primitive = f64> + Copy> Re for D {}

fn c<D: Re>(v: f64) -> D {
    D::from(v)
}

// ---- the harness ------------------------------------------------------------------------

/// One differentiated function seen through flat vectors of its active inputs and of its
/// output.
struct Case<'a> {
    name: &'a str,
    /// `f` as written, its output (or out-parameter) flattened.
    primal: &'a dyn Fn(&[f64]) -> Vec<f64>,
    /// `f_jacobian`: the value flattened and `J` as one row per flat output over the flat
    /// inputs.
    jacobian: &'a dyn Fn(&[f64]) -> (Vec<f64>, Vec<Vec<f64>>),
    /// `f_jvp` with the flat tangent split into the tangent parameters: value and tangent
    /// of the output, flattened.
    jvp: &'a dyn Fn(&[f64], &[f64]) -> (Vec<f64>, Vec<f64>),
    /// `f_vjp` with the flat cotangent shaped like the output: value and gradient,
    /// flattened.
    vjp: &'a dyn Fn(&[f64], &[f64]) -> (Vec<f64>, Vec<f64>),
    /// The num-dual twin, its output flattened like `primal`'s.
    twin: &'a dyn Fn(&[Dual64], &mut Path) -> Vec<Dual64>,
}

/// How many columns of the Jacobian were compared with central differences, out of how
/// many.
#[derive(Clone, Copy, Debug, Default)]
struct Coverage {
    compared: usize,
    columns: usize,
}

fn duals(x: &[f64], eps: impl Fn(usize) -> f64) -> Vec<Dual64> {
    x.iter().enumerate().map(|(i, &re)| Dual64::new(re, eps(i))).collect()
}

/// Two tangent directions over the inputs, deterministic and unremarkable.
fn tangents(n: usize) -> [Vec<f64>; 2] {
    [
        (0..n).map(|i| 1.0 - 0.37 * i as f64).collect(),
        (0..n).map(|i| ((i * 7 + 3) % 5) as f64 * 0.5 - 1.1).collect(),
    ]
}

/// Two cotangent directions over the outputs, different from the tangents.
fn cotangents(m: usize) -> [Vec<f64>; 2] {
    [
        (0..m).map(|i| 0.5 + 0.25 * i as f64).collect(),
        (0..m).map(|i| ((i * 3 + 1) % 4) as f64 * 0.75 - 1.3).collect(),
    ]
}

fn same_bits(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(a, b)| a.to_bits() == b.to_bits())
}

#[track_caller]
fn assert_close(got: f64, want: f64, tol: f64, what: &str) {
    assert!(
        close(got, want, tol),
        "{what}: got {got:e}, want {want:e} (|diff| {:e}, tol {tol:e})",
        (got - want).abs()
    );
}

/// `J` as rows over the flat inputs, from the blocks of one output part with `m`
/// entries: block `p` flattened is `m` runs of the flat size of parameter `p` (the
/// output's shape outside, the parameter's inside), and row `i` is the `i`-th run of
/// every block, in parameter order.
fn rows(m: usize, blocks: &[Vec<f64>]) -> Vec<Vec<f64>> {
    (0..m)
        .map(|i| {
            blocks
                .iter()
                .flat_map(|b| {
                    let n = b.len() / m;
                    b[i * n..(i + 1) * n].to_vec()
                })
                .collect()
        })
        .collect()
}

/// The flat blocks of a Jacobian entry with one active parameter or several.
fn blocks1<A: Flat>(a: &A) -> Vec<Vec<f64>> {
    vec![flatten(a)]
}

fn blocks2<A: Flat, B: Flat>((a, b): &(A, B)) -> Vec<Vec<f64>> {
    vec![flatten(a), flatten(b)]
}

fn blocks3<A: Flat, B: Flat, C: Flat>((a, b, c): &(A, B, C)) -> Vec<Vec<f64>> {
    vec![flatten(a), flatten(b), flatten(c)]
}

fn arr<const N: usize>(p: &[f64]) -> [f64; N] {
    p.try_into().expect("a flat vector of the array's length")
}

fn mat<const R: usize, const C: usize>(p: &[f64]) -> [[f64; C]; R] {
    std::array::from_fn(|i| std::array::from_fn(|j| p[C * i + j]))
}

/// `Σ_j a_j b_j` and `Σ_j |a_j b_j|`, the scale of its rounding.
fn dot_scale(a: impl Iterator<Item = f64>, b: impl Iterator<Item = f64>) -> (f64, f64) {
    a.zip(b).fold((0.0, 0.0), |(s, m), (x, y)| (s + x * y, m + (x * y).abs()))
}

impl Case<'_> {
    fn path(&self, x: &[f64]) -> (Vec<f64>, Path) {
        let mut path = Path::new();
        let y = (self.twin)(&duals(x, |_| 0.0), &mut path);
        (y.iter().map(|d| d.re).collect(), path)
    }

    /// Every check at `x`.
    #[track_caller]
    fn verify(&self, x: &[f64]) -> Coverage {
        let name = self.name;
        let n = x.len();
        let y = (self.primal)(x);
        let m = y.len();
        let (twin_y, path) = self.path(x);
        assert_eq!(twin_y.len(), m, "{name}: the twin's output length");
        for i in 0..m {
            assert_close(twin_y[i], y[i], EXACT, &format!("{name} at {x:?}: the twin's y[{i}]"));
        }

        let (jy, jac) = (self.jacobian)(x);
        assert!(same_bits(&jy, &y), "{name} at {x:?}: f_jacobian value {jy:?} is not f {y:?}");
        assert_eq!(jac.len(), m, "{name}: Jacobian rows");
        for (i, row) in jac.iter().enumerate() {
            assert_eq!(row.len(), n, "{name}: Jacobian row {i} length");
        }

        // Column j against the twin with eps = e_j.
        for j in 0..n {
            let column =
                (self.twin)(&duals(x, |i| if i == j { 1.0 } else { 0.0 }), &mut Path::new());
            for i in 0..m {
                assert_close(
                    jac[i][j],
                    column[i].eps,
                    EXACT,
                    &format!("{name} at {x:?}: J[{i}][{j}] vs num-dual"),
                );
            }
        }

        // f_jvp = J t, and num-dual along t.
        for t in tangents(n) {
            let (ty, dy) = (self.jvp)(x, &t);
            assert!(same_bits(&ty, &y), "{name} at {x:?}: f_jvp value {ty:?} is not f {y:?}");
            assert_eq!(dy.len(), m, "{name}: f_jvp tangent length");
            let dual = (self.twin)(&duals(x, |i| t[i]), &mut Path::new());
            for i in 0..m {
                let (want, scale) = dot_scale(jac[i].iter().copied(), t.iter().copied());
                let tol = EXACT * scale.max(dy[i].abs()).max(1.0);
                assert!(
                    (dy[i] - want).abs() <= tol,
                    "{name} at {x:?}: f_jvp along {t:?} [{i}] = {:e}, (J t)[{i}] = {want:e}",
                    dy[i]
                );
                assert!(
                    (dy[i] - dual[i].eps).abs() <= tol,
                    "{name} at {x:?}: f_jvp along {t:?} [{i}] = {:e}, num-dual {:e}",
                    dy[i],
                    dual[i].eps
                );
            }
        }

        // f_vjp = wᵀ J.
        for w in cotangents(m) {
            let (wy, g) = (self.vjp)(x, &w);
            assert!(same_bits(&wy, &y), "{name} at {x:?}: f_vjp value {wy:?} is not f {y:?}");
            assert_eq!(g.len(), n, "{name}: f_vjp gradient length");
            for j in 0..n {
                let (want, scale) = dot_scale(w.iter().copied(), jac.iter().map(|row| row[j]));
                assert!(
                    (g[j] - want).abs() <= EXACT * scale.max(g[j].abs()).max(1.0),
                    "{name} at {x:?}: f_vjp along {w:?} [{j}] = {:e}, (wᵀ J)[{j}] = {want:e}",
                    g[j]
                );
            }
        }

        // Central differences, column by column where both steps keep the path.
        let fd = check::jacobian(|p| (self.primal)(p), x, DEFAULT_STEP);
        let mut compared = 0;
        let mut point = x.to_vec();
        for j in 0..n {
            // The points `check::jacobian` evaluates.
            let s = DEFAULT_STEP * x[j].abs().max(1.0);
            let same_path = [x[j] - s, x[j] + s].iter().all(|&v| {
                point[j] = v;
                self.path(&point).1 == path
            });
            point[j] = x[j];
            if !same_path {
                continue;
            }
            for i in 0..m {
                assert_close(
                    jac[i][j],
                    fd[i][j],
                    FD,
                    &format!("{name} at {x:?}: J[{i}][{j}] vs central differences"),
                );
            }
            compared += 1;
        }
        Coverage { compared, columns: n }
    }
}

/// 32 random points per function: enough to visit every path shape of these small
/// inputs, and the file stays within seconds in debug builds.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 32,
        failure_persistence: None,
        // A fixed seed: the same points on every run, so that CI is reproducible.
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x00ad_d1ff),
        ..ProptestConfig::default()
    }
}

/// Runs `body` at points drawn from `strategy` and asserts that at least `min_share` of
/// all columns could be compared with central differences.
#[track_caller]
fn sweep<S: Strategy>(name: &str, strategy: S, min_share: f64, body: impl Fn(S::Value) -> Coverage)
where
    S::Value: std::fmt::Debug,
{
    let compared = AtomicUsize::new(0);
    let columns = AtomicUsize::new(0);
    let mut runner = TestRunner::new(config());
    let result = runner.run(&strategy, |v| {
        let c = body(v);
        compared.fetch_add(c.compared, Ordering::Relaxed);
        columns.fetch_add(c.columns, Ordering::Relaxed);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    let (compared, columns) = (compared.into_inner(), columns.into_inner());
    assert!(columns > 0, "{name}: no columns");
    assert!(
        compared as f64 >= min_share * columns as f64,
        "{name}: only {compared} of {columns} columns could be compared with central differences"
    );
}

/// A flat point of `n` coordinates in `lo..hi`.
fn point(n: usize, lo: f64, hi: f64) -> impl Strategy<Value = Vec<f64>> {
    vec(lo..hi, n)
}

// ---- `[f64; M]` outputs from scalars and arrays -----------------------------------------

/// Polar to Cartesian coordinates: two scalars, one array.
#[differentiate]
fn polar(r: f64, theta: f64) -> [f64; 2] {
    [r * theta.cos(), r * theta.sin()]
}

fn polar_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    vec![p[0] * p[1].cos(), p[0] * p[1].sin()]
}

#[test]
fn polar_to_cartesian() {
    sweep("polar", point(2, -3.0, 3.0), 1.0, |x| {
        Case {
            name: "polar",
            primal: &|p| polar(p[0], p[1]).to_vec(),
            jacobian: &|p| {
                let (y, j): ([f64; 2], ([f64; 2], [f64; 2])) = polar_jacobian(p[0], p[1]);
                (y.to_vec(), rows(2, &blocks2(&j)))
            },
            jvp: &|p, t| {
                let (y, d): ([f64; 2], [f64; 2]) = polar_jvp(p[0], p[1], t[0], t[1]);
                (y.to_vec(), d.to_vec())
            },
            vjp: &|p, w| {
                let (y, g): ([f64; 2], (f64, f64)) = polar_vjp(p[0], p[1], arr(w));
                (y.to_vec(), flatten(&g))
            },
            twin: &|p, r| polar_twin(p, r),
        }
        .verify(&x)
    });
}

/// One scalar to four features: a Jacobian of the output's shape.
#[differentiate]
fn features(x: f64) -> [f64; 4] {
    let e = (-0.5 * x * x).exp();
    [x, x * x - 1.0, x.sin() * e, (1.0 + x * x).ln() / (2.0 + x.cos())]
}

fn features_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    let x = p[0];
    let e = (x * x * -0.5).exp();
    vec![x, x * x - 1.0, x.sin() * e, (x * x + 1.0).ln() / (x.cos() + 2.0)]
}

#[test]
fn scalar_to_array() {
    sweep("features", point(1, -3.0, 3.0), 1.0, |x| {
        Case {
            name: "features",
            primal: &|p| features(p[0]).to_vec(),
            jacobian: &|p| {
                let (y, j): ([f64; 4], [f64; 4]) = features_jacobian(p[0]);
                (y.to_vec(), rows(4, &blocks1(&j)))
            },
            jvp: &|p, t| {
                let (y, d): ([f64; 4], [f64; 4]) = features_jvp(p[0], t[0]);
                (y.to_vec(), d.to_vec())
            },
            vjp: &|p, w| {
                let (y, g): ([f64; 4], f64) = features_vjp(p[0], arr(w));
                (y.to_vec(), vec![g])
            },
            twin: &|p, r| features_twin(p, r),
        }
        .verify(&x)
    });
}

/// The cross product: two arrays in, one out, a 3x3 block each.
#[differentiate]
fn cross(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
}

fn cross_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    let (a, b) = p.split_at(3);
    vec![a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
}

#[test]
fn cross_product() {
    sweep("cross", point(6, -2.0, 2.0), 1.0, |x| {
        Case {
            name: "cross",
            primal: &|p| cross(arr(&p[..3]), arr(&p[3..])).to_vec(),
            jacobian: &|p| {
                let (y, j): ([f64; 3], ([[f64; 3]; 3], [[f64; 3]; 3])) =
                    cross_jacobian(arr(&p[..3]), arr(&p[3..]));
                (y.to_vec(), rows(3, &blocks2(&j)))
            },
            jvp: &|p, t| {
                let (y, d): ([f64; 3], [f64; 3]) =
                    cross_jvp(arr(&p[..3]), arr(&p[3..]), arr(&t[..3]), arr(&t[3..]));
                (y.to_vec(), d.to_vec())
            },
            vjp: &|p, w| {
                let (y, g): ([f64; 3], ([f64; 3], [f64; 3])) =
                    cross_vjp(arr(&p[..3]), arr(&p[3..]), arr(w));
                (y.to_vec(), flatten(&g))
            },
            twin: &|p, r| cross_twin(p, r),
        }
        .verify(&x)
    });
}

/// A matrix-vector product by loops, both factors active: 9 inputs, 2 outputs.
#[differentiate]
fn matvec(a: &[[f64; 3]; 2], x: &[f64; 3]) -> [f64; 2] {
    let mut y = [0.0; 2];
    for i in 0..2 {
        for j in 0..3 {
            y[i] += a[i][j] * x[j];
        }
    }
    y
}

fn matvec_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    let (a, x) = p.split_at(6);
    (0..2).map(|i| (0..3).fold(c::<D>(0.0), |s, j| s + a[3 * i + j] * x[j])).collect()
}

#[test]
fn matrix_vector_product() {
    sweep("matvec", point(9, -2.0, 2.0), 1.0, |x| {
        Case {
            name: "matvec",
            primal: &|p| matvec(&mat(&p[..6]), &arr(&p[6..])).to_vec(),
            jacobian: &|p| {
                let (y, j): ([f64; 2], ([[[f64; 3]; 2]; 2], [[f64; 3]; 2])) =
                    matvec_jacobian(&mat(&p[..6]), &arr(&p[6..]));
                (y.to_vec(), rows(2, &blocks2(&j)))
            },
            jvp: &|p, t| {
                let (y, d): ([f64; 2], [f64; 2]) =
                    matvec_jvp(&mat(&p[..6]), &arr(&p[6..]), mat(&t[..6]), arr(&t[6..]));
                (y.to_vec(), d.to_vec())
            },
            vjp: &|p, w| {
                let (y, g): ([f64; 2], ([[f64; 3]; 2], [f64; 3])) =
                    matvec_vjp(&mat(&p[..6]), &arr(&p[6..]), arr(w));
                (y.to_vec(), flatten(&g))
            },
            twin: &|p, r| matvec_twin(p, r),
        }
        .verify(&x)
    });
}

/// The right-hand side of the Lorenz system, differentiated only with respect to `rho`
/// and the state, in that order (`wrt` narrows and orders the blocks).
#[differentiate(wrt(rho, s))]
fn lorenz(s: [f64; 3], sigma: f64, rho: f64, beta: f64) -> [f64; 3] {
    [sigma * (s[1] - s[0]), s[0] * (rho - s[2]) - s[1], s[0] * s[1] - beta * s[2]]
}

const SIGMA: f64 = 10.0;
const BETA: f64 = 8.0 / 3.0;

/// The flat point is `rho` then the state.
fn lorenz_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    let (rho, s) = (p[0], &p[1..]);
    vec![(s[1] - s[0]) * SIGMA, s[0] * (rho - s[2]) - s[1], s[0] * s[1] - s[2] * BETA]
}

#[test]
fn wrt_narrows_and_orders_the_blocks() {
    sweep("lorenz", point(4, -5.0, 5.0), 1.0, |x| {
        Case {
            name: "lorenz",
            primal: &|p| lorenz(arr(&p[1..]), SIGMA, p[0], BETA).to_vec(),
            jacobian: &|p| {
                let (y, j): ([f64; 3], ([f64; 3], [[f64; 3]; 3])) =
                    lorenz_jacobian(arr(&p[1..]), SIGMA, p[0], BETA);
                (y.to_vec(), rows(3, &blocks2(&j)))
            },
            jvp: &|p, t| {
                let (y, d): ([f64; 3], [f64; 3]) =
                    lorenz_jvp(arr(&p[1..]), SIGMA, p[0], BETA, t[0], arr(&t[1..]));
                (y.to_vec(), d.to_vec())
            },
            vjp: &|p, w| {
                let (y, g): ([f64; 3], (f64, [f64; 3])) =
                    lorenz_vjp(arr(&p[1..]), SIGMA, p[0], BETA, arr(w));
                (y.to_vec(), flatten(&g))
            },
            twin: &|p, r| lorenz_twin(p, r),
        }
        .verify(&x)
    });
}

// ---- nested array outputs: generalized Jacobians ----------------------------------------

/// 2x2 in, 2x3 out, loop-free.
#[differentiate]
fn tensor_map(x: [[f64; 2]; 2]) -> [[f64; 3]; 2] {
    let det = x[0][0] * x[1][1] - x[0][1] * x[1][0];
    [
        [det, (x[0][0] + x[0][1]).sin(), x[1][0].exp() * x[0][1]],
        [
            x[1][1].tanh() * det,
            (x[0][0] * x[0][0] + x[1][0] * x[1][0] + 1.0).sqrt(),
            x[0][1] / (1.0 + x[1][1] * x[1][1]),
        ],
    ]
}

fn tensor_map_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    let [a, b, cc, d] = [p[0], p[1], p[2], p[3]];
    let det = a * d - b * cc;
    vec![
        det,
        (a + b).sin(),
        cc.exp() * b,
        d.tanh() * det,
        (a * a + cc * cc + 1.0).sqrt(),
        b / (d * d + 1.0),
    ]
}

#[test]
fn generalized_jacobian_2x2_to_2x3() {
    sweep("tensor_map", point(4, -1.5, 1.5), 1.0, |x| {
        Case {
            name: "tensor_map",
            primal: &|p| flatten(&tensor_map(mat(p))),
            jacobian: &|p| {
                let (y, j): ([[f64; 3]; 2], [[[[f64; 2]; 2]; 3]; 2]) = tensor_map_jacobian(mat(p));
                (flatten(&y), rows(6, &blocks1(&j)))
            },
            jvp: &|p, t| {
                let (y, d): ([[f64; 3]; 2], [[f64; 3]; 2]) = tensor_map_jvp(mat(p), mat(t));
                (flatten(&y), flatten(&d))
            },
            vjp: &|p, w| {
                let (y, g): ([[f64; 3]; 2], [[f64; 2]; 2]) = tensor_map_vjp(mat(p), mat(w));
                (flatten(&y), flatten(&g))
            },
            twin: &|p, r| tensor_map_twin(p, r),
        }
        .verify(&x)
    });
}

/// The Gram matrix `X Xᵀ` of three points of the plane, by nested loops: 3x2 in, 3x3 out.
#[differentiate]
fn gram(x: [[f64; 2]; 3]) -> [[f64; 3]; 3] {
    let mut g = [[0.0; 3]; 3];
    for i in 0..3 {
        for k in 0..3 {
            for j in 0..2 {
                g[i][k] += x[i][j] * x[k][j];
            }
        }
    }
    g
}

fn gram_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    let mut out = Vec::new();
    for i in 0..3 {
        for k in 0..3 {
            out.push((0..2).fold(c::<D>(0.0), |s, j| s + p[2 * i + j] * p[2 * k + j]));
        }
    }
    out
}

/// An outer product passed through `tanh`, two active parameters: 2 and 3 in, 2x3 out.
#[differentiate]
fn outer_tanh(u: [f64; 2], v: &[f64; 3]) -> [[f64; 3]; 2] {
    let mut y = [[0.0; 3]; 2];
    for i in 0..2 {
        for j in 0..3 {
            y[i][j] = (u[i] * v[j]).tanh() + u[i];
        }
    }
    y
}

fn outer_tanh_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    let (u, v) = p.split_at(2);
    u.iter().flat_map(|&a| v.iter().map(move |&b| (a * b).tanh() + a)).collect()
}

#[test]
fn generalized_jacobians_from_loops() {
    sweep("gram", point(6, -2.0, 2.0), 1.0, |x| {
        Case {
            name: "gram",
            primal: &|p| flatten(&gram(mat(p))),
            jacobian: &|p| {
                let (y, j): ([[f64; 3]; 3], [[[[f64; 2]; 3]; 3]; 3]) = gram_jacobian(mat(p));
                (flatten(&y), rows(9, &blocks1(&j)))
            },
            jvp: &|p, t| {
                let (y, d): ([[f64; 3]; 3], [[f64; 3]; 3]) = gram_jvp(mat(p), mat(t));
                (flatten(&y), flatten(&d))
            },
            vjp: &|p, w| {
                let (y, g): ([[f64; 3]; 3], [[f64; 2]; 3]) = gram_vjp(mat(p), mat(w));
                (flatten(&y), flatten(&g))
            },
            twin: &|p, r| gram_twin(p, r),
        }
        .verify(&x)
    });
    sweep("outer_tanh", point(5, -1.5, 1.5), 1.0, |x| {
        Case {
            name: "outer_tanh",
            primal: &|p| flatten(&outer_tanh(arr(&p[..2]), &arr(&p[2..]))),
            jacobian: &|p| {
                let (y, j): ([[f64; 3]; 2], ([[[f64; 2]; 3]; 2], [[[f64; 3]; 3]; 2])) =
                    outer_tanh_jacobian(arr(&p[..2]), &arr(&p[2..]));
                (flatten(&y), rows(6, &blocks2(&j)))
            },
            jvp: &|p, t| {
                let (y, d): ([[f64; 3]; 2], [[f64; 3]; 2]) =
                    outer_tanh_jvp(arr(&p[..2]), &arr(&p[2..]), arr(&t[..2]), arr(&t[2..]));
                (flatten(&y), flatten(&d))
            },
            vjp: &|p, w| {
                let (y, g): ([[f64; 3]; 2], ([f64; 2], [f64; 3])) =
                    outer_tanh_vjp(arr(&p[..2]), &arr(&p[2..]), mat(w));
                (flatten(&y), flatten(&g))
            },
            twin: &|p, r| outer_tanh_twin(p, r),
        }
        .verify(&x)
    });
}

// ---- `Vec` outputs from slices, sizes varying per case ----------------------------------

/// Softmax with the usual shift by the running maximum (a branch per element) and the
/// normaliser by an iterator chain.
#[differentiate]
fn softmax(x: &[f64]) -> Vec<f64> {
    let mut m = x[0];
    for &v in x.iter() {
        if v > m {
            m = v;
        }
    }
    let z = x.iter().map(|v| (v - m).exp()).sum::<f64>();
    let mut y = vec![0.0; x.len()];
    for i in 0..x.len() {
        y[i] = (x[i] - m).exp() / z;
    }
    y
}

fn softmax_twin<D: Re>(x: &[D], path: &mut Path) -> Vec<D> {
    let mut m = x[0];
    for (i, &v) in x.iter().enumerate() {
        if v > m {
            m = v;
            path.push(i as i64);
        }
    }
    let z: D = x.iter().map(|&v| (v - m).exp()).sum();
    x.iter().map(|&v| (v - m).exp() / z).collect()
}

/// Layer normalisation with a gain: mean and variance by iterator chains, two slices.
#[differentiate]
fn layer_norm(x: &[f64], g: &[f64]) -> Vec<f64> {
    let n = x.len() as f64;
    let mean = x.iter().map(|v| v / n).sum::<f64>();
    let var = x.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    let inv = 1.0 / (var + 0.1).sqrt();
    let mut y = vec![0.0; x.len()];
    for i in 0..x.len() {
        y[i] = g[i] * (x[i] - mean) * inv;
    }
    y
}

/// The flat point is `x` then `g`, of equal lengths.
fn layer_norm_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    let (x, g) = p.split_at(p.len() / 2);
    let n = x.len() as f64;
    let mean: D = x.iter().map(|&v| v / n).sum();
    let var = x.iter().map(|&v| (v - mean) * (v - mean)).sum::<D>() / n;
    let inv = (var + 0.1).sqrt().recip();
    x.iter().zip(g).map(|(&v, &gi)| gi * (v - mean) * inv).collect()
}

#[test]
fn softmax_and_layer_norm_of_slices() {
    sweep("softmax", vec(-3.0..3.0, 1..8), 0.95, |x| {
        Case {
            name: "softmax",
            primal: &|p| softmax(p),
            jacobian: &|p| {
                let (y, j): (Vec<f64>, Vec<Vec<f64>>) = softmax_jacobian(p);
                let m = y.len();
                (y, rows(m, &blocks1(&j)))
            },
            jvp: &|p, t| {
                let (y, d): (Vec<f64>, Vec<f64>) = softmax_jvp(p, t);
                (y, d)
            },
            vjp: &|p, w| {
                let (y, g): (Vec<f64>, Vec<f64>) = softmax_vjp(p, w);
                (y, g)
            },
            twin: &|p, r| softmax_twin(p, r),
        }
        .verify(&x)
    });
    let points = (1..7usize).prop_flat_map(|n| point(2 * n, -2.0, 2.0));
    sweep("layer_norm", points, 1.0, |x| {
        Case {
            name: "layer_norm",
            primal: &|p| {
                let (a, b) = p.split_at(p.len() / 2);
                layer_norm(a, b)
            },
            jacobian: &|p| {
                let (a, b) = p.split_at(p.len() / 2);
                let (y, j): (Vec<f64>, (Vec<Vec<f64>>, Vec<Vec<f64>>)) = layer_norm_jacobian(a, b);
                let m = y.len();
                (y, rows(m, &blocks2(&j)))
            },
            jvp: &|p, t| {
                let (a, b) = p.split_at(p.len() / 2);
                let (ta, tb) = t.split_at(t.len() / 2);
                let (y, d): (Vec<f64>, Vec<f64>) = layer_norm_jvp(a, b, ta, tb);
                (y, d)
            },
            vjp: &|p, w| {
                let (a, b) = p.split_at(p.len() / 2);
                let (y, g): (Vec<f64>, (Vec<f64>, Vec<f64>)) = layer_norm_vjp(a, b, w);
                (y, flatten(&g))
            },
            twin: &|p, r| layer_norm_twin(p, r),
        }
        .verify(&x)
    });
}

/// The residuals of fitting `p0 e^(-p1 t) + p2` to data `(t, y)`: a least-squares
/// problem's residual function, differentiated only with respect to the parameters.
#[differentiate(wrt(p))]
fn decay_residuals(p: &[f64; 3], t: &[f64], y: &[f64]) -> Vec<f64> {
    let mut r = vec![0.0; t.len()];
    for i in 0..t.len() {
        r[i] = p[0] * (-p[1] * t[i]).exp() + p[2] - y[i];
    }
    r
}

fn decay_residuals_twin<D: Re>(p: &[D], t: &[f64], y: &[f64]) -> Vec<D> {
    t.iter().zip(y).map(|(&ti, &yi)| p[0] * (-p[1] * ti).exp() + p[2] - yi).collect()
}

#[test]
fn least_squares_residuals() {
    let points = (point(3, -1.5, 1.5), vec(-1.0..2.0f64, 1..9));
    sweep("decay_residuals", points, 1.0, |(x, data)| {
        let t: Vec<f64> = (0..data.len()).map(|i| 0.25 * i as f64).collect();
        let y = data.as_slice();
        Case {
            name: "decay_residuals",
            primal: &|p| decay_residuals(&arr(p), &t, y),
            jacobian: &|p| {
                let (r, j): (Vec<f64>, Vec<[f64; 3]>) = decay_residuals_jacobian(&arr(p), &t, y);
                let m = r.len();
                (r, rows(m, &blocks1(&j)))
            },
            jvp: &|p, tp| {
                let (r, d): (Vec<f64>, Vec<f64>) = decay_residuals_jvp(&arr(p), &t, y, arr(tp));
                (r, d)
            },
            vjp: &|p, w| {
                let (r, g): (Vec<f64>, [f64; 3]) = decay_residuals_vjp(&arr(p), &t, y, w);
                (r, g.to_vec())
            },
            twin: &|p, _| decay_residuals_twin(p, &t, y),
        }
        .verify(&x)
    });
}

/// Chebyshev polynomials `T_0 .. T_{n-1}` at `x` by their recurrence: one scalar in,
/// a `Vec` whose length is a constant parameter out.
#[differentiate]
fn chebyshev(x: f64, n: usize) -> Vec<f64> {
    let mut y = vec![0.0; n];
    let mut prev = 1.0;
    let mut cur = x;
    for k in 0..n {
        y[k] = prev;
        let next = 2.0 * x * cur - prev;
        prev = cur;
        cur = next;
    }
    y
}

fn chebyshev_twin<D: Re>(x: D, n: usize) -> Vec<D> {
    let mut y = Vec::new();
    let (mut prev, mut cur) = (c::<D>(1.0), x);
    for _ in 0..n {
        y.push(prev);
        let next = x * cur * 2.0 - prev;
        prev = cur;
        cur = next;
    }
    y
}

#[test]
fn scalar_to_vec() {
    sweep("chebyshev", (point(1, -1.2, 1.2), 1..9usize), 1.0, |(x, n)| {
        Case {
            name: "chebyshev",
            primal: &|p| chebyshev(p[0], n),
            jacobian: &|p| {
                let (y, j): (Vec<f64>, Vec<f64>) = chebyshev_jacobian(p[0], n);
                let m = y.len();
                (y, rows(m, &blocks1(&j)))
            },
            jvp: &|p, t| {
                let (y, d): (Vec<f64>, Vec<f64>) = chebyshev_jvp(p[0], n, t[0]);
                (y, d)
            },
            vjp: &|p, w| {
                let (y, g): (Vec<f64>, f64) = chebyshev_vjp(p[0], n, w);
                (y, vec![g])
            },
            twin: &|p, _| chebyshev_twin(p[0], n),
        }
        .verify(&x)
    });
}

/// The rows of a matrix of any height times a vector: a `&[[f64; 3]]` parameter gives
/// blocks of `[f64; 3]` rows inside the `Vec` of outputs.
#[differentiate]
fn matvec_rows(a: &[[f64; 3]], x: &[f64; 3]) -> Vec<f64> {
    let mut y = vec![0.0; a.len()];
    for i in 0..a.len() {
        let row = a[i][0] * x[0] + a[i][1] * x[1] + a[i][2] * x[2];
        y[i] = row.sin() + row;
    }
    y
}

/// The flat point is the rows of `a`, then `x`.
fn matvec_rows_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    let (a, x) = p.split_at(p.len() - 3);
    a.chunks(3)
        .map(|r| {
            let row = r[0] * x[0] + r[1] * x[1] + r[2] * x[2];
            row.sin() + row
        })
        .collect()
}

fn rows_of(p: &[f64]) -> Vec<[f64; 3]> {
    p.chunks(3).map(arr).collect()
}

#[test]
fn slice_of_arrays_parameter() {
    let points = (1..5usize).prop_flat_map(|n| point(3 * n + 3, -1.5, 1.5));
    sweep("matvec_rows", points, 1.0, |x| {
        Case {
            name: "matvec_rows",
            primal: &|p| matvec_rows(&rows_of(&p[..p.len() - 3]), &arr(&p[p.len() - 3..])),
            jacobian: &|p| {
                let (a, v) = (rows_of(&p[..p.len() - 3]), arr(&p[p.len() - 3..]));
                let (y, j): (Vec<f64>, (Vec<Vec<[f64; 3]>>, Vec<[f64; 3]>)) =
                    matvec_rows_jacobian(&a, &v);
                let m = y.len();
                (y, rows(m, &blocks2(&j)))
            },
            jvp: &|p, t| {
                let (a, v) = (rows_of(&p[..p.len() - 3]), arr(&p[p.len() - 3..]));
                let ta = rows_of(&t[..t.len() - 3]);
                let (y, d): (Vec<f64>, Vec<f64>) =
                    matvec_rows_jvp(&a, &v, &ta, arr(&t[t.len() - 3..]));
                (y, d)
            },
            vjp: &|p, w| {
                let (a, v) = (rows_of(&p[..p.len() - 3]), arr(&p[p.len() - 3..]));
                let (y, g): (Vec<f64>, (Vec<[f64; 3]>, [f64; 3])) = matvec_rows_vjp(&a, &v, w);
                (y, flatten(&g))
            },
            twin: &|p, r| matvec_rows_twin(p, r),
        }
        .verify(&x)
    });
}

// ---- `Vec<[f64; 2]>` and tuple outputs --------------------------------------------------

/// The vertices of a polyline of unit-free segments turned by the angles `a`, scaled by
/// `r`: a `Vec` of points out, a slice and a scalar in.
#[differentiate]
fn polyline(a: &[f64], r: f64) -> Vec<[f64; 2]> {
    let mut out = vec![[0.0; 2]; a.len()];
    let mut theta = 0.0;
    let mut px = 0.0;
    let mut py = 0.0;
    for i in 0..a.len() {
        theta += a[i];
        px += r * theta.cos();
        py += r * theta.sin();
        out[i][0] = px;
        out[i][1] = py;
    }
    out
}

/// The flat point is `a`, then `r`.
fn polyline_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    let (a, r) = (&p[..p.len() - 1], p[p.len() - 1]);
    let (mut theta, mut px, mut py) = (c::<D>(0.0), c::<D>(0.0), c::<D>(0.0));
    let mut out = Vec::new();
    for &ai in a {
        theta += ai;
        px += r * theta.cos();
        py += r * theta.sin();
        out.push(px);
        out.push(py);
    }
    out
}

#[test]
fn vec_of_arrays_output() {
    let points = (1..7usize).prop_flat_map(|n| point(n + 1, -2.0, 2.0));
    sweep("polyline", points, 1.0, |x| {
        Case {
            name: "polyline",
            primal: &|p| flatten(&polyline(&p[..p.len() - 1], p[p.len() - 1])),
            jacobian: &|p| {
                let (y, j): (Vec<[f64; 2]>, (Vec<[Vec<f64>; 2]>, Vec<[f64; 2]>)) =
                    polyline_jacobian(&p[..p.len() - 1], p[p.len() - 1]);
                (flatten(&y), rows(2 * y.len(), &blocks2(&j)))
            },
            jvp: &|p, t| {
                let n = p.len() - 1;
                let (y, d): (Vec<[f64; 2]>, Vec<[f64; 2]>) =
                    polyline_jvp(&p[..n], p[n], &t[..n], t[n]);
                (flatten(&y), flatten(&d))
            },
            vjp: &|p, w| {
                let n = p.len() - 1;
                let w: Vec<[f64; 2]> = w.chunks(2).map(arr).collect();
                let (y, g): (Vec<[f64; 2]>, (Vec<f64>, f64)) = polyline_vjp(&p[..n], p[n], &w);
                (flatten(&y), flatten(&g))
            },
            twin: &|p, r| polyline_twin(p, r),
        }
        .verify(&x)
    });
}

/// The energy of an anharmonic spring and the force, its negative gradient: a tuple
/// `(f64, [f64; 2])` out, two active parameters.
#[differentiate]
fn spring(q: [f64; 2], k: f64) -> (f64, [f64; 2]) {
    let r2 = q[0] * q[0] + q[1] * q[1];
    let e = 0.5 * k * r2 + 0.25 * r2 * r2;
    let s = k + r2;
    (e, [-s * q[0], -s * q[1]])
}

fn spring_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    let (q, k) = (&p[..2], p[2]);
    let r2 = q[0] * q[0] + q[1] * q[1];
    let e = k * r2 * 0.5 + r2 * r2 * 0.25;
    let s = k + r2;
    vec![e, -s * q[0], -s * q[1]]
}

/// The norm of a vector and the vector normalised: a tuple `(f64, Vec<f64>)` out.
#[differentiate]
fn normalize(x: &[f64]) -> (f64, Vec<f64>) {
    let norm = x.iter().map(|v| v * v).sum::<f64>().sqrt();
    let mut u = vec![0.0; x.len()];
    for i in 0..x.len() {
        u[i] = x[i] / norm;
    }
    (norm, u)
}

fn normalize_twin<D: Re>(x: &[D], _: &mut Path) -> Vec<D> {
    let norm = x.iter().map(|&v| v * v).sum::<D>().sqrt();
    let mut out = vec![norm];
    out.extend(x.iter().map(|&v| v / norm));
    out
}

#[test]
fn tuple_outputs() {
    sweep("spring", point(3, -1.5, 1.5), 1.0, |x| {
        Case {
            name: "spring",
            primal: &|p| flatten(&spring(arr(&p[..2]), p[2])),
            jacobian: &|p| {
                let (y, (je, jf)): ((f64, [f64; 2]), (([f64; 2], f64), ([[f64; 2]; 2], [f64; 2]))) =
                    spring_jacobian(arr(&p[..2]), p[2]);
                let mut r = rows(1, &blocks2(&je));
                r.extend(rows(2, &blocks2(&jf)));
                (flatten(&y), r)
            },
            jvp: &|p, t| {
                let (y, d): ((f64, [f64; 2]), (f64, [f64; 2])) =
                    spring_jvp(arr(&p[..2]), p[2], arr(&t[..2]), t[2]);
                (flatten(&y), flatten(&d))
            },
            vjp: &|p, w| {
                let (y, g): ((f64, [f64; 2]), ([f64; 2], f64)) =
                    spring_vjp(arr(&p[..2]), p[2], (w[0], arr(&w[1..])));
                (flatten(&y), flatten(&g))
            },
            twin: &|p, r| spring_twin(p, r),
        }
        .verify(&x)
    });
    // Away from the zero vector, where the norm has no derivative.
    let points = vec(-2.0..2.0f64, 1..7)
        .prop_filter("norm at least 0.5", |x| x.iter().map(|v| v * v).sum::<f64>() > 0.25);
    sweep("normalize", points, 1.0, |x| {
        Case {
            name: "normalize",
            primal: &|p| flatten(&normalize(p)),
            jacobian: &|p| {
                let (y, (jn, ju)): ((f64, Vec<f64>), (Vec<f64>, Vec<Vec<f64>>)) =
                    normalize_jacobian(p);
                let mut r = rows(1, &blocks1(&jn));
                r.extend(rows(p.len(), &blocks1(&ju)));
                (flatten(&y), r)
            },
            jvp: &|p, t| {
                let (y, d): ((f64, Vec<f64>), (f64, Vec<f64>)) = normalize_jvp(p, t);
                (flatten(&y), flatten(&d))
            },
            vjp: &|p, w| {
                let (y, g): ((f64, Vec<f64>), Vec<f64>) = normalize_vjp(p, (w[0], &w[1..]));
                (flatten(&y), g)
            },
            twin: &|p, r| normalize_twin(p, r),
        }
        .verify(&x)
    });
}

// ---- out-parameters ---------------------------------------------------------------------

/// The residuals of the extended Rosenbrock problem, written into the caller's buffer
/// (two per consecutive pair of coordinates): the shape least-squares solvers call.
#[differentiate]
fn rosenbrock_residuals(p: &[f64], out: &mut [f64]) {
    for i in 0..p.len() - 1 {
        out[2 * i] = 10.0 * (p[i + 1] - p[i] * p[i]);
        out[2 * i + 1] = 1.0 - p[i];
    }
}

fn rosenbrock_residuals_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    p.windows(2).flat_map(|w| [(w[1] - w[0] * w[0]) * 10.0, -w[0] + 1.0]).collect()
}

/// A rotation by `a` and a scaling by `s` of `v`, into a fixed-size buffer.
#[differentiate]
fn rotate_scale(a: f64, v: [f64; 2], s: f64, out: &mut [f64; 2]) {
    let (sn, cs) = (a.sin(), a.cos());
    out[0] = s * (cs * v[0] - sn * v[1]);
    out[1] = s * (sn * v[0] + cs * v[1]);
}

/// The flat point is `a`, `v`, `s`.
fn rotate_scale_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    let (a, v, s) = (p[0], &p[1..3], p[3]);
    let (sn, cs) = (a.sin(), a.cos());
    vec![s * (cs * v[0] - sn * v[1]), s * (sn * v[0] + cs * v[1])]
}

#[test]
fn out_parameters() {
    let points = (2..7usize).prop_flat_map(|n| point(n, -2.0, 2.0));
    sweep("rosenbrock_residuals", points, 1.0, |x| {
        let m = 2 * (x.len() - 1);
        Case {
            name: "rosenbrock_residuals",
            primal: &|p| {
                let mut r = vec![0.0; m];
                rosenbrock_residuals(p, &mut r);
                r
            },
            jacobian: &|p| {
                let mut r = vec![f64::NAN; m];
                let j: Vec<Vec<f64>> = rosenbrock_residuals_jacobian(p, &mut r);
                (r, rows(m, &blocks1(&j)))
            },
            jvp: &|p, t| {
                let mut r = vec![f64::NAN; m];
                let d: Vec<f64> = rosenbrock_residuals_jvp(p, &mut r, t);
                (r, d)
            },
            vjp: &|p, w| {
                let mut r = vec![f64::NAN; m];
                let g: Vec<f64> = rosenbrock_residuals_vjp(p, &mut r, w);
                (r, g)
            },
            twin: &|p, r| rosenbrock_residuals_twin(p, r),
        }
        .verify(&x)
    });
    sweep("rotate_scale", point(4, -3.0, 3.0), 1.0, |x| {
        Case {
            name: "rotate_scale",
            primal: &|p| {
                let mut o = [0.0; 2];
                rotate_scale(p[0], arr(&p[1..3]), p[3], &mut o);
                o.to_vec()
            },
            jacobian: &|p| {
                let mut o = [f64::NAN; 2];
                let j: ([f64; 2], [[f64; 2]; 2], [f64; 2]) =
                    rotate_scale_jacobian(p[0], arr(&p[1..3]), p[3], &mut o);
                (o.to_vec(), rows(2, &blocks3(&j)))
            },
            jvp: &|p, t| {
                let mut o = [f64::NAN; 2];
                let d: [f64; 2] =
                    rotate_scale_jvp(p[0], arr(&p[1..3]), p[3], &mut o, t[0], arr(&t[1..3]), t[3]);
                (o.to_vec(), d.to_vec())
            },
            vjp: &|p, w| {
                let mut o = [f64::NAN; 2];
                let g: (f64, [f64; 2], f64) =
                    rotate_scale_vjp(p[0], arr(&p[1..3]), p[3], &mut o, arr(w));
                (o.to_vec(), flatten(&g))
            },
            twin: &|p, r| rotate_scale_twin(p, r),
        }
        .verify(&x)
    });
}

// ---- loops with branches, early exits and local arrays ----------------------------------

/// A damped running sum, soft-clipped above 1: a `break` leaves the rest of the output at
/// zero, a `continue` skips an entry, and the clipping is a branch on a carried value.
#[differentiate]
fn clipped_scan(x: &[f64]) -> Vec<f64> {
    let mut y = vec![0.0; x.len()];
    let mut s = 0.0;
    for i in 0..x.len() {
        if x[i] > 1.6 {
            break;
        }
        if x[i] < -1.2 {
            continue;
        }
        s = 0.8 * s + x[i];
        if s > 1.0 {
            s = 1.0 + (s - 1.0).ln_1p() * 0.5;
        }
        y[i] = s * x[i].cos();
    }
    y
}

fn clipped_scan_twin<D: Re>(x: &[D], path: &mut Path) -> Vec<D> {
    let mut y = vec![c::<D>(0.0); x.len()];
    let mut s = c::<D>(0.0);
    for i in 0..x.len() {
        if x[i] > c::<D>(1.6) {
            path.push(-1);
            break;
        }
        if x[i] < c::<D>(-1.2) {
            path.push(-2);
            continue;
        }
        s = s * 0.8 + x[i];
        if s > c::<D>(1.0) {
            path.push(1);
            s = (s - 1.0).ln_1p() * 0.5 + 1.0;
        } else {
            path.push(0);
        }
        y[i] = s * x[i].cos();
    }
    y
}

/// The first coordinate above `level` decides the output, which the loop overwrites and
/// leaves by `break`; none above keeps the default.
#[differentiate]
fn first_above(x: [f64; 5], level: f64) -> [f64; 2] {
    let mut out = [0.0; 2];
    out[0] = x[0].sin();
    out[1] = level * x[4];
    for i in 1..5 {
        if x[i] > level {
            out[0] = x[i] * x[i - 1];
            out[1] = (x[i] - level + 1.0).sqrt() * level;
            break;
        }
    }
    out
}

/// The flat point is `x`, then `level`.
fn first_above_twin<D: Re>(p: &[D], path: &mut Path) -> Vec<D> {
    let (x, level) = (&p[..5], p[5]);
    for i in 1..5 {
        if x[i] > level {
            path.push(i as i64);
            return vec![x[i] * x[i - 1], (x[i] - level + 1.0).sqrt() * level];
        }
    }
    path.push(0);
    vec![x[0].sin(), level * x[4]]
}

/// A bubble sort in a local copy, then features of the sorted values written into a
/// local output array.
#[differentiate]
fn sorted_features(x: [f64; 4]) -> [f64; 4] {
    let mut a = x;
    for pass in 0..3 {
        for i in 0..3 - pass {
            if a[i] > a[i + 1] {
                let t = a[i];
                a[i] = a[i + 1];
                a[i + 1] = t;
            }
        }
    }
    let mut out = [0.0; 4];
    out[0] = a[0];
    out[1] = a[1] * a[2];
    out[2] = a[2].sin() + a[0];
    out[3] = a[3] - a[0];
    out
}

fn sorted_features_twin<D: Re>(x: &[D], path: &mut Path) -> Vec<D> {
    let mut a = x.to_vec();
    for pass in 0..3 {
        for i in 0..3 - pass {
            if a[i] > a[i + 1] {
                a.swap(i, i + 1);
                path.push(1);
            } else {
                path.push(0);
            }
        }
    }
    vec![a[0], a[1] * a[2], a[2].sin() + a[0], a[3] - a[0]]
}

/// Square roots by Newton's method, each iterated until converged: a `while` loop whose
/// trip count depends on the active value.
#[differentiate]
fn newton_sqrt(a: &[f64]) -> Vec<f64> {
    let mut y = vec![0.0; a.len()];
    for i in 0..a.len() {
        let mut r = 1.0;
        let mut k = 0;
        while (r * r - a[i]).abs() > 1e-12 && k < 60 {
            r = 0.5 * (r + a[i] / r);
            k += 1;
        }
        y[i] = r;
    }
    y
}

fn newton_sqrt_twin<D: Re>(a: &[D], path: &mut Path) -> Vec<D> {
    a.iter()
        .map(|&ai| {
            let mut r = c::<D>(1.0);
            let mut k = 0;
            while (r * r - ai).abs() > c::<D>(1e-12) && k < 60 {
                r = (r + ai / r) * 0.5;
                k += 1;
            }
            path.push(k);
            r
        })
        .collect()
}

#[test]
fn loops_with_branches_and_exits() {
    sweep("clipped_scan", vec(-2.0..2.0, 1..9), 0.95, |x| {
        Case {
            name: "clipped_scan",
            primal: &|p| clipped_scan(p),
            jacobian: &|p| {
                let (y, j): (Vec<f64>, Vec<Vec<f64>>) = clipped_scan_jacobian(p);
                let m = y.len();
                (y, rows(m, &blocks1(&j)))
            },
            jvp: &|p, t| {
                let (y, d): (Vec<f64>, Vec<f64>) = clipped_scan_jvp(p, t);
                (y, d)
            },
            vjp: &|p, w| {
                let (y, g): (Vec<f64>, Vec<f64>) = clipped_scan_vjp(p, w);
                (y, g)
            },
            twin: &|p, r| clipped_scan_twin(p, r),
        }
        .verify(&x)
    });
    sweep("first_above", point(6, -1.0, 1.0), 0.95, |x| {
        Case {
            name: "first_above",
            primal: &|p| first_above(arr(&p[..5]), p[5]).to_vec(),
            jacobian: &|p| {
                let (y, j): ([f64; 2], ([[f64; 5]; 2], [f64; 2])) =
                    first_above_jacobian(arr(&p[..5]), p[5]);
                (y.to_vec(), rows(2, &blocks2(&j)))
            },
            jvp: &|p, t| {
                let (y, d): ([f64; 2], [f64; 2]) =
                    first_above_jvp(arr(&p[..5]), p[5], arr(&t[..5]), t[5]);
                (y.to_vec(), d.to_vec())
            },
            vjp: &|p, w| {
                let (y, g): ([f64; 2], ([f64; 5], f64)) =
                    first_above_vjp(arr(&p[..5]), p[5], arr(w));
                (y.to_vec(), flatten(&g))
            },
            twin: &|p, r| first_above_twin(p, r),
        }
        .verify(&x)
    });
    sweep("sorted_features", point(4, -2.0, 2.0), 0.95, |x| {
        Case {
            name: "sorted_features",
            primal: &|p| sorted_features(arr(p)).to_vec(),
            jacobian: &|p| {
                let (y, j): ([f64; 4], [[f64; 4]; 4]) = sorted_features_jacobian(arr(p));
                (y.to_vec(), rows(4, &blocks1(&j)))
            },
            jvp: &|p, t| {
                let (y, d): ([f64; 4], [f64; 4]) = sorted_features_jvp(arr(p), arr(t));
                (y.to_vec(), d.to_vec())
            },
            vjp: &|p, w| {
                let (y, g): ([f64; 4], [f64; 4]) = sorted_features_vjp(arr(p), arr(w));
                (y.to_vec(), g.to_vec())
            },
            twin: &|p, r| sorted_features_twin(p, r),
        }
        .verify(&x)
    });
    sweep("newton_sqrt", vec(0.2..4.0, 1..6), 0.9, |x| {
        Case {
            name: "newton_sqrt",
            primal: &|p| newton_sqrt(p),
            jacobian: &|p| {
                let (y, j): (Vec<f64>, Vec<Vec<f64>>) = newton_sqrt_jacobian(p);
                let m = y.len();
                (y, rows(m, &blocks1(&j)))
            },
            jvp: &|p, t| {
                let (y, d): (Vec<f64>, Vec<f64>) = newton_sqrt_jvp(p, t);
                (y, d)
            },
            vjp: &|p, w| {
                let (y, g): (Vec<f64>, Vec<f64>) = newton_sqrt_vjp(p, w);
                (y, g)
            },
            twin: &|p, r| newton_sqrt_twin(p, r),
        }
        .verify(&x)
    });
}

// ---- ODE steps, calls of differentiated functions, a network ----------------------------

/// A damped pendulum's right-hand side.
#[differentiate]
fn pendulum(y: [f64; 2], k: f64) -> [f64; 2] {
    [y[1], -y[0].sin() - k * y[1]]
}

/// One classical Runge-Kutta step of the pendulum, through four calls of the
/// differentiated right-hand side; the step `h` is a constant.
#[differentiate(wrt(y, k))]
fn rk4_step(y: [f64; 2], k: f64, h: f64) -> [f64; 2] {
    let k1 = pendulum(y, k);
    let y2 = [y[0] + 0.5 * h * k1[0], y[1] + 0.5 * h * k1[1]];
    let k2 = pendulum(y2, k);
    let y3 = [y[0] + 0.5 * h * k2[0], y[1] + 0.5 * h * k2[1]];
    let k3 = pendulum(y3, k);
    let y4 = [y[0] + h * k3[0], y[1] + h * k3[1]];
    let k4 = pendulum(y4, k);
    [
        y[0] + h / 6.0 * (k1[0] + 2.0 * k2[0] + 2.0 * k3[0] + k4[0]),
        y[1] + h / 6.0 * (k1[1] + 2.0 * k2[1] + 2.0 * k3[1] + k4[1]),
    ]
}

fn pendulum_twin<D: Re>(y: [D; 2], k: D) -> [D; 2] {
    [y[1], -y[0].sin() - k * y[1]]
}

const H: f64 = 0.1;

/// The flat point is `y`, then `k`.
fn rk4_step_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    let (y, k, h) = ([p[0], p[1]], p[2], H);
    let k1 = pendulum_twin(y, k);
    let k2 = pendulum_twin([y[0] + k1[0] * (0.5 * h), y[1] + k1[1] * (0.5 * h)], k);
    let k3 = pendulum_twin([y[0] + k2[0] * (0.5 * h), y[1] + k2[1] * (0.5 * h)], k);
    let k4 = pendulum_twin([y[0] + k3[0] * h, y[1] + k3[1] * h], k);
    (0..2).map(|i| y[i] + (k1[i] + k2[i] * 2.0 + k3[i] * 2.0 + k4[i]) * (h / 6.0)).collect()
}

/// Thirty explicit Euler steps of the Lotka-Volterra equations, the state carried in a
/// local array, with the rates as a second active parameter.
#[differentiate]
fn lotka_volterra(y0: [f64; 2], rates: [f64; 2]) -> [f64; 2] {
    let mut z = y0;
    for _ in 0..30 {
        let dx = rates[0] * z[0] - 0.4 * z[0] * z[1];
        let dy = 0.3 * z[0] * z[1] - rates[1] * z[1];
        z[0] += 0.05 * dx;
        z[1] += 0.05 * dy;
    }
    z
}

fn lotka_volterra_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    let mut z = [p[0], p[1]];
    let rates = [p[2], p[3]];
    for _ in 0..30 {
        let dx = rates[0] * z[0] - z[0] * z[1] * 0.4;
        let dy = z[0] * z[1] * 0.3 - rates[1] * z[1];
        z[0] += dx * 0.05;
        z[1] += dy * 0.05;
    }
    z.to_vec()
}

/// A logistic-like smooth step, differentiated on its own and called elementwise.
#[differentiate]
fn softplus(x: f64) -> f64 {
    if x > 0.0 {
        x + (-x).exp().ln_1p()
    } else {
        x.exp().ln_1p()
    }
}

/// A layer of softplus units with a shared bias, through calls of the differentiated
/// scalar function inside a loop.
#[differentiate]
fn softplus_layer(x: &[f64], b: f64) -> Vec<f64> {
    let mut y = vec![0.0; x.len()];
    for i in 0..x.len() {
        y[i] = softplus(x[i] + b) - softplus(b) * x[i];
    }
    y
}

fn softplus_twin<D: Re>(x: D, path: &mut Path) -> D {
    if x > c::<D>(0.0) {
        path.push(1);
        x + (-x).exp().ln_1p()
    } else {
        path.push(0);
        x.exp().ln_1p()
    }
}

/// The flat point is `x`, then `b`.
fn softplus_layer_twin<D: Re>(p: &[D], path: &mut Path) -> Vec<D> {
    let (x, b) = (&p[..p.len() - 1], p[p.len() - 1]);
    x.iter().map(|&v| softplus_twin(v + b, path) - softplus_twin(b, path) * v).collect()
}

#[test]
fn ode_steps_and_calls() {
    sweep("pendulum", point(3, -2.0, 2.0), 1.0, |x| {
        Case {
            name: "pendulum",
            primal: &|p| pendulum(arr(&p[..2]), p[2]).to_vec(),
            jacobian: &|p| {
                let (y, j): ([f64; 2], ([[f64; 2]; 2], [f64; 2])) =
                    pendulum_jacobian(arr(&p[..2]), p[2]);
                (y.to_vec(), rows(2, &blocks2(&j)))
            },
            jvp: &|p, t| {
                let (y, d): ([f64; 2], [f64; 2]) =
                    pendulum_jvp(arr(&p[..2]), p[2], arr(&t[..2]), t[2]);
                (y.to_vec(), d.to_vec())
            },
            vjp: &|p, w| {
                let (y, g): ([f64; 2], ([f64; 2], f64)) = pendulum_vjp(arr(&p[..2]), p[2], arr(w));
                (y.to_vec(), flatten(&g))
            },
            twin: &|p, _| pendulum_twin([p[0], p[1]], p[2]).to_vec(),
        }
        .verify(&x)
    });
    sweep("rk4_step", point(3, -2.0, 2.0), 1.0, |x| {
        Case {
            name: "rk4_step",
            primal: &|p| rk4_step(arr(&p[..2]), p[2], H).to_vec(),
            jacobian: &|p| {
                let (y, j): ([f64; 2], ([[f64; 2]; 2], [f64; 2])) =
                    rk4_step_jacobian(arr(&p[..2]), p[2], H);
                (y.to_vec(), rows(2, &blocks2(&j)))
            },
            jvp: &|p, t| {
                let (y, d): ([f64; 2], [f64; 2]) =
                    rk4_step_jvp(arr(&p[..2]), p[2], H, arr(&t[..2]), t[2]);
                (y.to_vec(), d.to_vec())
            },
            vjp: &|p, w| {
                let (y, g): ([f64; 2], ([f64; 2], f64)) =
                    rk4_step_vjp(arr(&p[..2]), p[2], H, arr(w));
                (y.to_vec(), flatten(&g))
            },
            twin: &|p, r| rk4_step_twin(p, r),
        }
        .verify(&x)
    });
    let points = (point(2, 0.5, 2.0), point(2, 0.3, 1.0)).prop_map(|(mut a, b)| {
        a.extend(b);
        a
    });
    sweep("lotka_volterra", points, 1.0, |x| {
        Case {
            name: "lotka_volterra",
            primal: &|p| lotka_volterra(arr(&p[..2]), arr(&p[2..])).to_vec(),
            jacobian: &|p| {
                let (y, j): ([f64; 2], ([[f64; 2]; 2], [[f64; 2]; 2])) =
                    lotka_volterra_jacobian(arr(&p[..2]), arr(&p[2..]));
                (y.to_vec(), rows(2, &blocks2(&j)))
            },
            jvp: &|p, t| {
                let (y, d): ([f64; 2], [f64; 2]) =
                    lotka_volterra_jvp(arr(&p[..2]), arr(&p[2..]), arr(&t[..2]), arr(&t[2..]));
                (y.to_vec(), d.to_vec())
            },
            vjp: &|p, w| {
                let (y, g): ([f64; 2], ([f64; 2], [f64; 2])) =
                    lotka_volterra_vjp(arr(&p[..2]), arr(&p[2..]), arr(w));
                (y.to_vec(), flatten(&g))
            },
            twin: &|p, r| lotka_volterra_twin(p, r),
        }
        .verify(&x)
    });
    let points = (1..7usize).prop_flat_map(|n| point(n + 1, -2.0, 2.0));
    sweep("softplus_layer", points, 0.95, |x| {
        Case {
            name: "softplus_layer",
            primal: &|p| softplus_layer(&p[..p.len() - 1], p[p.len() - 1]),
            jacobian: &|p| {
                let (y, j): (Vec<f64>, (Vec<Vec<f64>>, Vec<f64>)) =
                    softplus_layer_jacobian(&p[..p.len() - 1], p[p.len() - 1]);
                let m = y.len();
                (y, rows(m, &blocks2(&j)))
            },
            jvp: &|p, t| {
                let n = p.len() - 1;
                let (y, d): (Vec<f64>, Vec<f64>) = softplus_layer_jvp(&p[..n], p[n], &t[..n], t[n]);
                (y, d)
            },
            vjp: &|p, w| {
                let n = p.len() - 1;
                let (y, g): (Vec<f64>, (Vec<f64>, f64)) = softplus_layer_vjp(&p[..n], p[n], w);
                (y, flatten(&g))
            },
            twin: &|p, r| softplus_layer_twin(p, r),
        }
        .verify(&x)
    });
}

/// A two-layer network, `W2 tanh(W1 x + b1)`: four active parameters, 27 inputs and two
/// outputs, so the Jacobian is built from reverse sweeps.
#[differentiate]
fn mlp(x: &[f64; 3], w1: &[[f64; 3]; 4], b1: &[f64; 4], w2: &[[f64; 4]; 2]) -> [f64; 2] {
    let mut h = [0.0; 4];
    for i in 0..4 {
        let mut s = b1[i];
        for j in 0..3 {
            s += w1[i][j] * x[j];
        }
        h[i] = s.tanh();
    }
    let mut y = [0.0; 2];
    for k in 0..2 {
        for i in 0..4 {
            y[k] += w2[k][i] * h[i];
        }
    }
    y
}

/// The flat point is `x` (3), `w1` (12), `b1` (4), `w2` (8).
fn mlp_twin<D: Re>(p: &[D], _: &mut Path) -> Vec<D> {
    let (x, rest) = p.split_at(3);
    let (w1, rest) = rest.split_at(12);
    let (b1, w2) = rest.split_at(4);
    let h: Vec<D> =
        (0..4).map(|i| (0..3).fold(b1[i], |s, j| s + w1[3 * i + j] * x[j]).tanh()).collect();
    (0..2).map(|k| (0..4).fold(c::<D>(0.0), |s, i| s + w2[4 * k + i] * h[i])).collect()
}

/// The four parameters of `mlp` from a flat point.
fn mlp_params(p: &[f64]) -> ([f64; 3], [[f64; 3]; 4], [f64; 4], [[f64; 4]; 2]) {
    (arr(&p[..3]), mat(&p[3..15]), arr(&p[15..19]), mat(&p[19..27]))
}

#[test]
fn two_layer_tanh_network() {
    sweep("mlp", point(27, -1.0, 1.0), 1.0, |x| {
        Case {
            name: "mlp",
            primal: &|p| {
                let (x, w1, b1, w2) = mlp_params(p);
                mlp(&x, &w1, &b1, &w2).to_vec()
            },
            jacobian: &|p| {
                let (x, w1, b1, w2) = mlp_params(p);
                let (y, (jx, jw1, jb1, jw2)): (
                    [f64; 2],
                    ([[f64; 3]; 2], [[[f64; 3]; 4]; 2], [[f64; 4]; 2], [[[f64; 4]; 2]; 2]),
                ) = mlp_jacobian(&x, &w1, &b1, &w2);
                let blocks = [flatten(&jx), flatten(&jw1), flatten(&jb1), flatten(&jw2)];
                (y.to_vec(), rows(2, &blocks))
            },
            jvp: &|p, t| {
                let (x, w1, b1, w2) = mlp_params(p);
                let (tx, tw1, tb1, tw2) = mlp_params(t);
                let (y, d): ([f64; 2], [f64; 2]) = mlp_jvp(&x, &w1, &b1, &w2, tx, tw1, tb1, tw2);
                (y.to_vec(), d.to_vec())
            },
            vjp: &|p, w| {
                let (x, w1, b1, w2) = mlp_params(p);
                let (y, (gx, gw1, gb1, gw2)): (
                    [f64; 2],
                    ([f64; 3], [[f64; 3]; 4], [f64; 4], [[f64; 4]; 2]),
                ) = mlp_vjp(&x, &w1, &b1, &w2, arr(w));
                let mut g = flatten(&gx);
                g.extend(flatten(&gw1));
                g.extend(flatten(&gb1));
                g.extend(flatten(&gw2));
                (y.to_vec(), g)
            },
            twin: &|p, r| mlp_twin(p, r),
        }
        .verify(&x)
    });
}

// ---- refused, kept out of the corpus ------------------------------------------------------
//
// An early `return` of a whole array or `Vec` output from inside a branch does not compile:
// the macro reports "an `if` that chooses between whole arrays, slices or `Vec`s is not
// supported; index inside the branches so that they give floats" at the `if`, although the
// `if` is a statement and chooses no value (the same `return` of a tuple of floats, and a
// `break` out of the loop as in `first_above`, are accepted). The smallest form:
//
//     #[differentiate]
//     fn early_array_return(x: [f64; 2]) -> [f64; 2] {
//         if x[0] > 0.0 {
//             return [x[0], x[1]];
//         }
//         [x[1], x[0]]
//     }
//
// and alike with `let mut out = [0.0; 2]; .. if x[0] > 0.0 { out[0] = x[0]; return out; }`,
// and for a `Vec<f64>` output returned from inside a loop.
