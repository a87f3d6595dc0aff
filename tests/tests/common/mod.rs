//! The oracles every numeric test compares `#[differentiate]` against, and the checks
//! that tie a function's three siblings together.
//!
//! - central finite differences, through the runtime's own `autodiff_core::check`;
//! - forward-mode dual numbers from num-dual: each function under test has a twin
//!   written generically over `D: DualNum<Primitive = f64>`, evaluated once per input
//!   direction with `Dual64`;
//! - the contract's identities between siblings: `f_grad(x) == f_vjp(x, 1.0)`,
//!   `f_vjp(x, dout) = dout · f_grad(x)`, `f_jvp(x, t) = f_grad(x) · t`.
//!
//! Every function is seen here through flat vectors: a [`Case`] holds closures that
//! unflatten a point into the function's own parameter types and flatten gradients back
//! (row-major for nested arrays, in parameter order).
//!
//! Tolerances, all in the mixed sense of `autodiff_core::check::close`
//! (`|a - b| ≤ tol · max(1, |a|, |b|)`):
//! - [`EXACT`] (1e-12) between two exact derivatives, ours and num-dual's, or ours and a
//!   hand-derived formula: both are exact up to rounding, and the few dozen roundings of
//!   a loop-free body, amplified by the condition numbers of the domains we sample,
//!   stay orders of magnitude below it;
//! - [`FD`] (1e-6) against central differences: their truncation and rounding error is
//!   about `ε^(2/3) ≈ 4e-11` times the size of the function and of its third
//!   derivative (see `autodiff_core::check`), so 1e-6 leaves four orders of magnitude
//!   for the moderate third derivatives of our domains and still catches any wrong
//!   term of a derivative.
// Each test binary uses a different part of this module.
#![allow(dead_code, unused_macros, unused_imports)]

use autodiff_core::check::{check_gradient, close};
use num_dual::{Dual64, DualNum, DualStruct};

/// Between two exact derivatives (see the module docs).
pub const EXACT: f64 = 1e-12;
/// Against central finite differences (see the module docs).
pub const FD: f64 = 1e-6;

/// Panics unless `got` and `want` are close in the mixed sense, naming `what`.
#[track_caller]
pub fn assert_close(got: f64, want: f64, tol: f64, what: &str) {
    assert!(
        close(got, want, tol),
        "{what}: got {got:e}, want {want:e} (|diff| {:e}, tol {tol:e})",
        (got - want).abs()
    );
}

/// Entry-wise [`assert_close`] of two flat vectors of the same length.
#[track_caller]
pub fn assert_all_close(got: &[f64], want: &[f64], tol: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: lengths differ");
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        assert_close(g, w, tol, &format!("{what}[{i}]"));
    }
}

/// Checks a claimed gradient against central finite differences of `f` at `x`.
#[track_caller]
pub fn assert_fd(f: impl FnMut(&[f64]) -> f64, x: &[f64], claimed: &[f64], tol: f64, what: &str) {
    if let Err(m) = check_gradient(f, x, claimed, tol) {
        panic!("{what} at {x:?}: {m}");
    }
}

/// The gradient of `f` at `x` by forward-mode dual numbers, one pass per coordinate,
/// with the value.
pub fn dual_gradient(f: impl Fn(&[Dual64]) -> Dual64, x: &[f64]) -> (f64, Vec<f64>) {
    let mut value = f64::NAN;
    let grad = (0..x.len())
        .map(|j| {
            let point = seeded(x, |i| if i == j { 1.0 } else { 0.0 });
            let y = f(&point);
            value = y.re;
            y.eps
        })
        .collect();
    if x.is_empty() {
        value = f(&[]).re;
    }
    (value, grad)
}

/// The derivative of `f` at `x` along `t` by one pass of dual numbers.
pub fn dual_directional(f: impl Fn(&[Dual64]) -> Dual64, x: &[f64], t: &[f64]) -> f64 {
    f(&seeded(x, |i| t[i])).eps
}

fn seeded(x: &[f64], eps: impl Fn(usize) -> f64) -> Vec<Dual64> {
    x.iter().enumerate().map(|(i, &re)| Dual64::new(re, eps(i))).collect()
}

pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len(), "dot of vectors of different lengths");
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// A function's value and flat gradient at a flat point (`f_grad`).
pub type GradFn<'a> = &'a dyn Fn(&[f64]) -> (f64, Vec<f64>);
/// A function's value and flat `dout`-scaled gradient at a flat point (`f_vjp`).
pub type VjpFn<'a> = &'a dyn Fn(&[f64], f64) -> (f64, Vec<f64>);
/// A function's value and directional derivative along a flat tangent (`f_jvp`).
pub type JvpFn<'a> = &'a dyn Fn(&[f64], &[f64]) -> (f64, f64);

/// One differentiated function seen through flat vectors of its active inputs.
pub struct Case<'a> {
    pub name: &'a str,
    /// The function itself as written (not a sibling).
    pub primal: &'a dyn Fn(&[f64]) -> f64,
    /// `f_grad`, its gradient flattened.
    pub grad: GradFn<'a>,
    /// `f_vjp` with the given `dout`, its gradient flattened.
    pub vjp: VjpFn<'a>,
    /// `f_jvp` with the flat tangent split into the function's tangent parameters.
    pub jvp: JvpFn<'a>,
    /// The num-dual twin of the function.
    pub dual: &'a dyn Fn(&[Dual64]) -> Dual64,
}

/// Tangent directions, deterministic and unremarkable, for the jvp checks.
fn tangents(n: usize) -> [Vec<f64>; 2] {
    [
        (0..n).map(|i| 1.0 - 0.37 * i as f64).collect(),
        (0..n).map(|i| ((i * 7 + 3) % 5) as f64 * 0.5 - 1.1).collect(),
    ]
}

impl Case<'_> {
    /// Every check of a case at `x`: the value, the sibling identities, num-dual, and
    /// central differences at tolerance `fd_tol`. Returns the gradient for further checks.
    #[track_caller]
    pub fn verify(&self, x: &[f64], fd_tol: f64) -> Vec<f64> {
        let name = self.name;
        let y = (self.primal)(x);
        let (gy, g) = (self.grad)(x);
        assert_eq!(g.len(), x.len(), "{name}: gradient length");
        assert!(
            gy == y || (gy.is_nan() && y.is_nan()),
            "{name} at {x:?}: f_grad value {gy:e} is not f {y:e}"
        );

        // The contract: f_grad(args) == f_vjp(args, 1.0).
        let (vy, vg) = (self.vjp)(x, 1.0);
        assert!(vy == y, "{name} at {x:?}: f_vjp value {vy:e} is not f {y:e}");
        assert!(
            vg.iter().zip(&g).all(|(a, b)| a == b || (a.is_nan() && b.is_nan())),
            "{name} at {x:?}: f_vjp(.., 1.0) = {vg:?} is not f_grad = {g:?}"
        );
        for dout in [-2.5, 0.375] {
            let (vy, vg) = (self.vjp)(x, dout);
            assert!(vy == y, "{name}: f_vjp value with dout {dout}");
            let want: Vec<f64> = g.iter().map(|gi| dout * gi).collect();
            assert_all_close(&vg, &want, EXACT, &format!("{name} f_vjp(dout = {dout})"));
        }

        for t in tangents(x.len()) {
            let (jy, jd) = (self.jvp)(x, &t);
            assert!(jy == y, "{name} at {x:?}: f_jvp value {jy:e} is not f {y:e}");
            // Rounding in a dot product scales with the sum of the magnitudes.
            let scale: f64 = g.iter().zip(&t).map(|(a, b)| (a * b).abs()).sum();
            let want = dot(&g, &t);
            assert!(
                (jd - want).abs() <= EXACT * scale.max(1.0),
                "{name} at {x:?}: f_jvp along {t:?} = {jd:e}, gradient · t = {want:e}"
            );
            let dual = dual_directional(self.dual, x, &t);
            assert_close(jd, dual, EXACT, &format!("{name} f_jvp vs num-dual at {x:?}"));
        }

        let (dy, dg) = dual_gradient(self.dual, x);
        assert_close(dy, y, EXACT, &format!("{name} num-dual twin value at {x:?}"));
        assert_all_close(&g, &dg, EXACT, &format!("{name} f_grad vs num-dual at {x:?}"));

        assert_fd(self.primal, x, &g, fd_tol, name);
        g
    }
}

// ---- num-dual twins of the std float methods num-dual does not have ---------------
//
// Each follows the convention of the matching autodiff-core rule at its
// non-differentiable points, which the tests avoid anyway.

pub fn hypot<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
    (a * a + b * b).sqrt()
}

/// Ties go to `a`, as in `d_min`.
pub fn min<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
    if b.re() < a.re() {
        b
    } else {
        a
    }
}

/// Ties go to `a`, as in `d_max`.
pub fn max<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
    if b.re() > a.re() {
        b
    } else {
        a
    }
}

pub fn clamp<D: DualNum<Primitive = f64> + Copy>(x: D, lo: D, hi: D) -> D {
    if x.re() < lo.re() {
        lo
    } else if x.re() > hi.re() {
        hi
    } else {
        x
    }
}

/// A piecewise-constant function (`floor`, `signum`, ...) of a dual: derivative 0.
pub fn flat<D: DualNum<Primitive = f64> + Copy>(x: D, f: fn(f64) -> f64) -> D {
    D::from(f(x.re()))
}

pub fn fract<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    x - D::from(x.re().trunc())
}

/// `a % b` for floats: `a - b · trunc(a / b)`.
pub fn rem<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
    a - b * D::from((a.re() / b.re()).trunc())
}

pub fn rem_euclid<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
    a - b * D::from(a.re().div_euclid(b.re()))
}

/// `a.powf(b)` with an active exponent (`a > 0`).
pub fn powf<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
    a.powd(b)
}

/// `a.log(b)` with an active base.
pub fn log<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
    a.ln() / b.ln()
}

pub fn to_degrees<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    x * (180.0 / std::f64::consts::PI)
}

pub fn to_radians<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    x * (std::f64::consts::PI / 180.0)
}

/// A constant as a dual of any type.
pub fn c<D: DualNum<Primitive = f64> + Copy>(v: f64) -> D {
    D::from(v)
}

/// A [`Case`] for a function of scalar parameters only, all active, named as
/// `check_scalars!(f, f_grad, f_jvp, f_vjp, f_dual; (x, x_t), (y, y_t))`: each pair is
/// a parameter and a name for its tangent. One parameter gives a bare derivative, several
/// a tuple, as the contract says; the closures destructure accordingly.
macro_rules! scalar_case {
    ($f:path, $grad:path, $jvp:path, $vjp:path, $dual:path; ($x:ident, $t:ident)) => {
        $crate::common::Case {
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
        }
    };
    ($f:path, $grad:path, $jvp:path, $vjp:path, $dual:path; $(($x:ident, $t:ident)),+) => {
        $crate::common::Case {
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
        }
    };
}
pub(crate) use scalar_case;

/// The floats of a gradient or tangent, in the order of the flat points (parameters in
/// order, nested arrays row-major).
pub trait Flat {
    fn push_to(&self, out: &mut Vec<f64>);
}

impl Flat for f64 {
    fn push_to(&self, out: &mut Vec<f64>) {
        out.push(*self);
    }
}

impl<T: Flat, const N: usize> Flat for [T; N] {
    fn push_to(&self, out: &mut Vec<f64>) {
        self.iter().for_each(|t| t.push_to(out));
    }
}

impl<T: Flat> Flat for Vec<T> {
    fn push_to(&self, out: &mut Vec<f64>) {
        self.iter().for_each(|t| t.push_to(out));
    }
}

impl<A: Flat, B: Flat> Flat for (A, B) {
    fn push_to(&self, out: &mut Vec<f64>) {
        self.0.push_to(out);
        self.1.push_to(out);
    }
}

impl<A: Flat, B: Flat, C: Flat> Flat for (A, B, C) {
    fn push_to(&self, out: &mut Vec<f64>) {
        self.0.push_to(out);
        self.1.push_to(out);
        self.2.push_to(out);
    }
}

pub fn flatten<T: Flat>(v: &T) -> Vec<f64> {
    let mut out = Vec::new();
    v.push_to(&mut out);
    out
}

/// The two shapes of `f_hessian`'s matrix, `[[f64; n]; n]` and `Vec<Vec<f64>>`, as rows.
pub trait SquareRows {
    fn into_rows(self) -> Vec<Vec<f64>>;
}

impl<const N: usize> SquareRows for [[f64; N]; N] {
    fn into_rows(self) -> Vec<Vec<f64>> {
        self.iter().map(|row| row.to_vec()).collect()
    }
}

impl SquareRows for Vec<Vec<f64>> {
    fn into_rows(self) -> Vec<Vec<f64>> {
        self
    }
}

/// `f_hvp`'s result, flattened.
pub fn hvp_flat<G: Flat>((y, g, hv): (f64, G, G)) -> (f64, Vec<f64>, Vec<f64>) {
    (y, flatten(&g), flatten(&hv))
}

/// `f_hessian`'s result, the gradient flattened and the matrix as rows.
pub fn hessian_flat<G: Flat, H: SquareRows>(
    (y, g, h): (f64, G, H),
) -> (f64, Vec<f64>, Vec<Vec<f64>>) {
    (y, flatten(&g), h.into_rows())
}
