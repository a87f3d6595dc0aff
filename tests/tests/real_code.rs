//! Real numeric code from public repositories, kept exactly as its authors wrote it, with
//! `#[differentiate]` put on it: the functions of the corpus that differentiate unchanged
//! (class "works unchanged" in `tests/real_code/CORPUS.md`, which lists every function
//! tried, in the order found, and why the others are not here).
//!
//! Each function is in its own module, named after it and its number in `CORPUS.md`,
//! with the `use` lines of its file and the helpers and constants it calls (`num::` is
//! spelled `num_traits::`, the crate that `num` re-exports). The modules are kept out of
//! rustfmt's reach so that the code stays as written.
//!
//! Each is checked at fixed points away from kinks against central finite differences
//! (`autodiff_core::check`), and against the source's own hand-written derivative where
//! the source has one (argmin's `*_derivative`/`*_hessian`, the activations'
//! `*_deriv`/`*_diff`), or a known formula (statrs's `polynomial` by hand, `ln_gamma` and
//! `gamma` by statrs's `digamma`, `logit` by `1 / (p (1 - p))`, the incomplete gamma
//! functions in `x` by `± x^(a - 1) e^(-x)`, logistic regression's `derivative` by the
//! logistic loss's gradient and Hessian written out). Functions returning `Option` or `Result` are
//! checked on their success path, and on their failures for the same `None` or `Err` from
//! `f_grad`, `f_jvp` and `f_vjp`. Where a test calls `f_jvp` and `f_vjp` (and, with
//! `order = 2`, `f_hvp` and `f_vjp_jvp`), it compares them with the Jacobian (and the
//! Hessian) it has checked. argmin's `rosenbrock_ab_hessian` is right at `a = 1` only
//! (it writes `2 a` for the second derivative of `(a - x_i)^2`); its test shows it at
//! `a = 3`. The source writes no derivative of its `*_hessian`s (a third derivative):
//! their Jacobians are checked against central differences of their own code, and their
//! values against the macro's Hessian (`order = 2`) of the objective where the objective
//! has one here (`levy`, `rosenbrock`, `rosenbrock_ab`), or against argmin's Hessian on
//! slices (`rastrigin_a_hessian_const`, `rastrigin_hessian_const`). One exception: statrs's
//! `inv_digamma` is a bisection, whose derivative as written (the sign steps have
//! derivative 0) is not the function's; its test asserts the derivative of the code and
//! shows how central differences differ.
//! Where the source returns a constant on a guarded branch (argmin's zeros while
//! `|x1² - x2²| <= ε`, `cholesky`'s empty factor for `n == 0` and its 0 for a NaN on the
//! diagonal), the test also checks there that the derivatives are those of a constant,
//! against central differences with steps that stay on that branch.
//! Functions of `f32` are checked against `f32` central differences of a wider step
//! (1e-2, truncation error about 1e-5 on these functions) at a tolerance of 1e-3.

// The code is kept as its authors wrote it: imports their files have but these
// functions do not use, `return` at the end of a body, `1 as f32`, literals with more
// digits than an f64 holds, parentheses around a closure's body.
#![allow(
    unused_imports,
    unused_parens,
    clippy::needless_return,
    clippy::unnecessary_cast,
    clippy::excessive_precision
)]

use autodiff_core::check::{check_gradient, check_jacobian, close, jacobian, DEFAULT_STEP};

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/ackley.rs, fn ackley (with the helpers it calls: ackley_abc)
#[rustfmt::skip]
pub mod ackley_001 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn ackley<T>(param: &[T]) -> T
where
    T: Float + FromPrimitive + Sum,
{
    ackley_abc(
        param,
        T::from_f64(20.0).unwrap(),
        T::from_f64(0.2).unwrap(),
        T::from_f64(2.0 * PI).unwrap(),
    )
}

#[differentiate]
pub fn ackley_abc<T>(param: &[T], a: T, b: T, c: T) -> T
where
    T: Float + FromPrimitive + Sum,
{
    let num1 = T::from_f64(1.0).unwrap();
    let n = T::from_usize(param.len()).unwrap();
    -a * (-b * ((num1 / n) * param.iter().map(|x| x.powi(2)).sum()).sqrt()).exp()
        - ((num1 / n) * param.iter().map(|x| (c * *x).cos()).sum()).exp()
        + a
        + num1.exp()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/ackley.rs, fn ackley_abc
#[rustfmt::skip]
pub mod ackley_abc_002 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn ackley_abc<T>(param: &[T], a: T, b: T, c: T) -> T
where
    T: Float + FromPrimitive + Sum,
{
    let num1 = T::from_f64(1.0).unwrap();
    let n = T::from_usize(param.len()).unwrap();
    -a * (-b * ((num1 / n) * param.iter().map(|x| x.powi(2)).sum()).sqrt()).exp()
        - ((num1 / n) * param.iter().map(|x| (c * *x).cos()).sum()).exp()
        + a
        + num1.exp()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/ackley.rs, fn ackley_derivative (with the helpers it calls: ackley_abc_derivative)
#[rustfmt::skip]
pub mod ackley_derivative_003 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn ackley_derivative<T>(param: &[T]) -> Vec<T>
where
    T: Float + FromPrimitive + Sum,
{
    ackley_abc_derivative(
        param,
        T::from_f64(20.0).unwrap(),
        T::from_f64(0.2).unwrap(),
        T::from_f64(2.0 * PI).unwrap(),
    )
}

#[differentiate]
pub fn ackley_abc_derivative<T>(param: &[T], a: T, b: T, c: T) -> Vec<T>
where
    T: Float + FromPrimitive + Sum,
{
    let d = T::from_usize(param.len()).unwrap();
    let n0 = T::from_f64(0.0).unwrap();
    let eps = T::epsilon();

    let norm = param.iter().map(|x| x.powi(2)).sum::<T>().sqrt();

    let f1 = (c * (param.iter().map(|&x| (c * x).cos()).sum::<T>() / d).exp()) / d;
    let f2 = if norm <= eps {
        n0
    } else {
        (a * b * (-b * norm / d.sqrt()).exp()) / (d.sqrt() * norm)
    };

    param
        .iter()
        .map(|&x| ((c * x).sin() * f1) + x * f2)
        .collect()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/ackley.rs, fn ackley_abc_derivative
#[rustfmt::skip]
pub mod ackley_abc_derivative_004 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn ackley_abc_derivative<T>(param: &[T], a: T, b: T, c: T) -> Vec<T>
where
    T: Float + FromPrimitive + Sum,
{
    let d = T::from_usize(param.len()).unwrap();
    let n0 = T::from_f64(0.0).unwrap();
    let eps = T::epsilon();

    let norm = param.iter().map(|x| x.powi(2)).sum::<T>().sqrt();

    let f1 = (c * (param.iter().map(|&x| (c * x).cos()).sum::<T>() / d).exp()) / d;
    let f2 = if norm <= eps {
        n0
    } else {
        (a * b * (-b * norm / d.sqrt()).exp()) / (d.sqrt() * norm)
    };

    param
        .iter()
        .map(|&x| ((c * x).sin() * f1) + x * f2)
        .collect()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/ackley.rs, fn ackley_derivative_const (with the helpers it calls: ackley_abc_derivative_const)
#[rustfmt::skip]
pub mod ackley_derivative_const_005 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn ackley_derivative_const<const N: usize, T>(param: &[T; N]) -> [T; N]
where
    T: Float + FromPrimitive + Sum,
{
    ackley_abc_derivative_const(
        param,
        T::from_f64(20.0).unwrap(),
        T::from_f64(0.2).unwrap(),
        T::from_f64(2.0 * PI).unwrap(),
    )
}

#[differentiate]
pub fn ackley_abc_derivative_const<const N: usize, T>(param: &[T; N], a: T, b: T, c: T) -> [T; N]
where
    T: Float + FromPrimitive + Sum,
{
    let d = T::from_usize(param.len()).unwrap();
    let n0 = T::from_f64(0.0).unwrap();
    let eps = T::epsilon();

    let norm = param.iter().map(|x| x.powi(2)).sum::<T>().sqrt();

    let f1 = (c * (param.iter().map(|&x| (c * x).cos()).sum::<T>() / d).exp()) / d;
    let f2 = if norm <= eps {
        n0
    } else {
        (a * b * (-b * norm / d.sqrt()).exp()) / (d.sqrt() * norm)
    };

    let mut out = [n0; N];
    param
        .iter()
        .zip(out.iter_mut())
        .map(|(&x, o)| *o = ((c * x).sin() * f1) + x * f2)
        .count();

    out
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/ackley.rs, fn ackley_abc_derivative_const
#[rustfmt::skip]
pub mod ackley_abc_derivative_const_006 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn ackley_abc_derivative_const<const N: usize, T>(param: &[T; N], a: T, b: T, c: T) -> [T; N]
where
    T: Float + FromPrimitive + Sum,
{
    let d = T::from_usize(param.len()).unwrap();
    let n0 = T::from_f64(0.0).unwrap();
    let eps = T::epsilon();

    let norm = param.iter().map(|x| x.powi(2)).sum::<T>().sqrt();

    let f1 = (c * (param.iter().map(|&x| (c * x).cos()).sum::<T>() / d).exp()) / d;
    let f2 = if norm <= eps {
        n0
    } else {
        (a * b * (-b * norm / d.sqrt()).exp()) / (d.sqrt() * norm)
    };

    let mut out = [n0; N];
    param
        .iter()
        .zip(out.iter_mut())
        .map(|(&x, o)| *o = ((c * x).sin() * f1) + x * f2)
        .count();

    out
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/ackley.rs, fn ackley_hessian (with the helpers it calls: ackley_abc_hessian)
#[rustfmt::skip]
pub mod ackley_hessian_007 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn ackley_hessian<T>(param: &[T]) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive + Sum + std::fmt::Debug,
{
    ackley_abc_hessian(
        param,
        T::from_f64(20.0).unwrap(),
        T::from_f64(0.2).unwrap(),
        T::from_f64(2.0 * PI).unwrap(),
    )
}

#[differentiate]
pub fn ackley_abc_hessian<T>(param: &[T], a: T, b: T, c: T) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive + Sum,
{
    let du = param.len();
    assert!(du >= 1);
    let d = T::from_usize(du).unwrap();
    let n0 = T::from_f64(0.0).unwrap();
    let eps = T::epsilon();

    // rename for convenience
    let x = param;

    let sqsum = param.iter().map(|x| x.powi(2)).sum::<T>();
    let norm = sqsum.sqrt();
    let nexp = (-b * norm / d.sqrt()).exp();

    let f1 = -c.powi(2) * (x.iter().map(|&x| (c * x).cos()).sum::<T>() / d).exp();
    let f2 = (a * b.powi(2) * nexp) / (d * sqsum);
    let f3 = (a * b * nexp) / (d.sqrt() * norm.powi(3));
    let f4 = (a * b * nexp) / (d.sqrt() * norm);
    let f5 = (a * b.powi(2) * nexp) / (d * sqsum);
    let f6 = (a * b * nexp) / (d.sqrt() * norm.powi(3));

    let mut out = vec![vec![n0; du]; du];
    for i in 0..du {
        for j in 0..du {
            if i == j {
                out[i][j] = (c * x[i]).sin().powi(2) * f1 / d.powi(2)
                    - (c * x[i]).cos() * f1 / d
                    - if norm <= eps {
                        n0
                    } else {
                        x[i].powi(2) * (f2 + f3) - f4
                    };
            } else {
                let tmp = (c * x[i]).sin() * (c * x[j]).sin() * f1 / d.powi(2)
                    + x[i] * x[j] * if norm <= eps { n0 } else { -f5 - f6 };
                out[i][j] = tmp;
                out[j][i] = tmp;
            };
        }
    }

    out
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/ackley.rs, fn ackley_abc_hessian
#[rustfmt::skip]
pub mod ackley_abc_hessian_008 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn ackley_abc_hessian<T>(param: &[T], a: T, b: T, c: T) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive + Sum,
{
    let du = param.len();
    assert!(du >= 1);
    let d = T::from_usize(du).unwrap();
    let n0 = T::from_f64(0.0).unwrap();
    let eps = T::epsilon();

    // rename for convenience
    let x = param;

    let sqsum = param.iter().map(|x| x.powi(2)).sum::<T>();
    let norm = sqsum.sqrt();
    let nexp = (-b * norm / d.sqrt()).exp();

    let f1 = -c.powi(2) * (x.iter().map(|&x| (c * x).cos()).sum::<T>() / d).exp();
    let f2 = (a * b.powi(2) * nexp) / (d * sqsum);
    let f3 = (a * b * nexp) / (d.sqrt() * norm.powi(3));
    let f4 = (a * b * nexp) / (d.sqrt() * norm);
    let f5 = (a * b.powi(2) * nexp) / (d * sqsum);
    let f6 = (a * b * nexp) / (d.sqrt() * norm.powi(3));

    let mut out = vec![vec![n0; du]; du];
    for i in 0..du {
        for j in 0..du {
            if i == j {
                out[i][j] = (c * x[i]).sin().powi(2) * f1 / d.powi(2)
                    - (c * x[i]).cos() * f1 / d
                    - if norm <= eps {
                        n0
                    } else {
                        x[i].powi(2) * (f2 + f3) - f4
                    };
            } else {
                let tmp = (c * x[i]).sin() * (c * x[j]).sin() * f1 / d.powi(2)
                    + x[i] * x[j] * if norm <= eps { n0 } else { -f5 - f6 };
                out[i][j] = tmp;
                out[j][i] = tmp;
            };
        }
    }

    out
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/ackley.rs, fn ackley_hessian_const (with the helpers it calls: ackley_abc_hessian_const)
#[rustfmt::skip]
pub mod ackley_hessian_const_009 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn ackley_hessian_const<const N: usize, T>(param: &[T; N]) -> [[T; N]; N]
where
    T: Float + FromPrimitive + Sum,
{
    ackley_abc_hessian_const(
        param,
        T::from_f64(20.0).unwrap(),
        T::from_f64(0.2).unwrap(),
        T::from_f64(2.0 * PI).unwrap(),
    )
}

#[differentiate]
pub fn ackley_abc_hessian_const<const N: usize, T>(param: &[T; N], a: T, b: T, c: T) -> [[T; N]; N]
where
    T: Float + FromPrimitive + Sum,
{
    assert!(N >= 1);
    let d = T::from_usize(N).unwrap();
    let n0 = T::from_f64(0.0).unwrap();
    let eps = T::epsilon();

    // rename for convenience
    let x = param;

    let sqsum = param.iter().map(|x| x.powi(2)).sum::<T>();
    let norm = sqsum.sqrt();
    let nexp = (-b * norm / d.sqrt()).exp();

    let f1 = -c.powi(2) * (x.iter().map(|&x| (c * x).cos()).sum::<T>() / d).exp();
    let f2 = (a * b.powi(2) * nexp) / (d * sqsum);
    let f3 = (a * b * nexp) / (d.sqrt() * norm.powi(3));
    let f4 = (a * b * nexp) / (d.sqrt() * norm);
    let f5 = (a * b.powi(2) * nexp) / (d * sqsum);
    let f6 = (a * b * nexp) / (d.sqrt() * norm.powi(3));

    let mut out = [[n0; N]; N];
    for i in 0..N {
        for j in 0..N {
            if i == j {
                out[i][j] = (c * x[i]).sin().powi(2) * f1 / d.powi(2)
                    - (c * x[i]).cos() * f1 / d
                    - if norm <= eps {
                        n0
                    } else {
                        x[i].powi(2) * (f2 + f3) - f4
                    };
            } else {
                let tmp = (c * x[i]).sin() * (c * x[j]).sin() * f1 / d.powi(2)
                    + x[i] * x[j] * if norm <= eps { n0 } else { -f5 - f6 };
                out[i][j] = tmp;
                out[j][i] = tmp;
            };
        }
    }

    out
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/ackley.rs, fn ackley_abc_hessian_const
#[rustfmt::skip]
pub mod ackley_abc_hessian_const_010 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn ackley_abc_hessian_const<const N: usize, T>(param: &[T; N], a: T, b: T, c: T) -> [[T; N]; N]
where
    T: Float + FromPrimitive + Sum,
{
    assert!(N >= 1);
    let d = T::from_usize(N).unwrap();
    let n0 = T::from_f64(0.0).unwrap();
    let eps = T::epsilon();

    // rename for convenience
    let x = param;

    let sqsum = param.iter().map(|x| x.powi(2)).sum::<T>();
    let norm = sqsum.sqrt();
    let nexp = (-b * norm / d.sqrt()).exp();

    let f1 = -c.powi(2) * (x.iter().map(|&x| (c * x).cos()).sum::<T>() / d).exp();
    let f2 = (a * b.powi(2) * nexp) / (d * sqsum);
    let f3 = (a * b * nexp) / (d.sqrt() * norm.powi(3));
    let f4 = (a * b * nexp) / (d.sqrt() * norm);
    let f5 = (a * b.powi(2) * nexp) / (d * sqsum);
    let f6 = (a * b * nexp) / (d.sqrt() * norm.powi(3));

    let mut out = [[n0; N]; N];
    for i in 0..N {
        for j in 0..N {
            if i == j {
                out[i][j] = (c * x[i]).sin().powi(2) * f1 / d.powi(2)
                    - (c * x[i]).cos() * f1 / d
                    - if norm <= eps {
                        n0
                    } else {
                        x[i].powi(2) * (f2 + f3) - f4
                    };
            } else {
                let tmp = (c * x[i]).sin() * (c * x[j]).sin() * f1 / d.powi(2)
                    + x[i] * x[j] * if norm <= eps { n0 } else { -f5 - f6 };
                out[i][j] = tmp;
                out[j][i] = tmp;
            };
        }
    }

    out
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/beale.rs, fn beale
#[rustfmt::skip]
pub mod beale_011 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn beale<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;
    (T::from_f64(1.5).unwrap() - x1 + x1 * x2).powi(2)
        + (T::from_f64(2.25).unwrap() - x1 + x1 * (x2.powi(2))).powi(2)
        + (T::from_f64(2.625).unwrap() - x1 + x1 * (x2.powi(3))).powi(2)
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/beale.rs, fn beale_derivative
#[rustfmt::skip]
pub mod beale_derivative_012 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn beale_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let n0_5 = T::from_f64(0.5).unwrap();
    let n1 = T::from_f64(1.0).unwrap();
    let n1_5 = T::from_f64(1.5).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n2_625 = T::from_f64(2.625).unwrap();
    let n3 = T::from_f64(3.0).unwrap();
    let n4_5 = T::from_f64(4.5).unwrap();
    let n5_25 = T::from_f64(5.25).unwrap();
    let n6 = T::from_f64(6.0).unwrap();
    let n12_75 = T::from_f64(12.75).unwrap();

    let [x1, x2] = *param;

    let x2p2 = x2.powi(2);
    let x2p3 = x2.powi(3);
    let x2p4 = x2.powi(4);
    let x2p5 = x2.powi(5);
    let x2p6 = x2.powi(6);

    [
        n5_25 * x2p3
            + n4_5 * x2p2
            + n3 * x2
            + n2 * x1 * (x2p6 + x2p4 - n2 * x2p3 - x2p2 - n2 * x2 + n3)
            - n12_75,
        n6 * x1
            * (n2_625 * x2p2
                + n1_5 * x2
                + x1 * (x2p5 + (n2 / n3) * x2p3 - x2p2 - (n1 / n3) * (x2 + n1))
                + n0_5),
    ]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/beale.rs, fn beale_hessian
#[rustfmt::skip]
pub mod beale_hessian_013 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn beale_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let n2 = T::from_f64(2.0).unwrap();
    let n3 = T::from_f64(3.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n8 = T::from_f64(8.0).unwrap();
    let n9 = T::from_f64(9.0).unwrap();
    let n12 = T::from_f64(12.0).unwrap();
    let n15_75 = T::from_f64(15.75).unwrap();
    let n30 = T::from_f64(30.0).unwrap();
    let n31_5 = T::from_f64(31.5).unwrap();

    let [x1, x2] = *param;

    let x1p2 = x1.powi(2);
    let x2p2 = x2.powi(2);
    let x2p3 = x2.powi(3);
    let x2p4 = x2.powi(4);
    let x2p5 = x2.powi(5);
    let x2p6 = x2.powi(6);

    let offdiag = n12 * x1 * x2p5 + n8 * x1 * x2p3 - n12 * x1 * x2p2 + n15_75 * x2p2 - n4 * x1 * x2
        + n9 * x2
        - n4 * x1
        + n3;

    [
        [
            n2 * (x2p6 + x2p4 - n2 * x2p3 - x2p2 - n2 * x2 + n3),
            offdiag,
        ],
        [
            offdiag,
            n30 * x1p2 * x2p4 + n12 * x1p2 * x2p2 - n12 * x1p2 * x2 + n31_5 * x1 * x2 - n2 * x1p2
                + n9 * x1,
        ],
    ]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/booth.rs, fn booth
#[rustfmt::skip]
pub mod booth_014 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn booth<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let n2 = T::from_f64(2.0).unwrap();
    let n5 = T::from_f64(5.0).unwrap();
    let n7 = T::from_f64(7.0).unwrap();

    let [x1, x2] = *param;
    (x1 + n2 * x2 - n7).powi(2) + (n2 * x1 + x2 - n5).powi(2)
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/booth.rs, fn booth_derivative
#[rustfmt::skip]
pub mod booth_derivative_015 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn booth_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let n8 = T::from_f64(8.0).unwrap();
    let n10 = T::from_f64(10.0).unwrap();
    let n34 = T::from_f64(34.0).unwrap();
    let n38 = T::from_f64(38.0).unwrap();

    let [x1, x2] = *param;

    [n10 * x1 + n8 * x2 - n34, n8 * x1 + n10 * x2 - n38]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/booth.rs, fn booth_hessian
#[rustfmt::skip]
pub mod booth_hessian_016 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn booth_hessian<T>(_param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let n8 = T::from_f64(8.0).unwrap();
    let n10 = T::from_f64(10.0).unwrap();

    [[n10, n8], [n8, n10]]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/bukin.rs, fn bukin_n6
#[rustfmt::skip]
pub mod bukin_n6_017 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn bukin_n6<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;
    let n001 = T::from_f64(0.01).unwrap();
    let n10 = T::from_f64(10.0).unwrap();
    let n100 = T::from_f64(100.0).unwrap();
    n100 * (x2 - n001 * x1.powi(2)).abs().sqrt() + n001 * (x1 + n10).abs()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/bukin.rs, fn bukin_n6_derivative
#[rustfmt::skip]
pub mod bukin_n6_derivative_018 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn bukin_n6_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n0 = T::from_f64(0.0).unwrap();
    let n0_01 = T::from_f64(0.01).unwrap();
    let n10 = T::from_f64(10.0).unwrap();
    let n50 = T::from_f64(50.0).unwrap();
    let eps = T::epsilon();

    let denom = (x2 - n0_01 * x1.powi(2)).abs().powi(3).sqrt();
    let tmp = x2 - n0_01 * x1.powi(2);

    if denom.abs() <= eps {
        // Deriviative is actually not defined at optimum. Therefore, as soon as we get close,
        // we'll set the derivative to 0
        [n0, n0]
    } else {
        [
            n0_01 * (x1 + n10).signum() - x1 * tmp / denom,
            n50 * tmp / denom,
        ]
    }
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/bukin.rs, fn bukin_n6_hessian
#[rustfmt::skip]
pub mod bukin_n6_hessian_019 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn bukin_n6_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n0 = T::from_f64(0.0).unwrap();
    let n0_01 = T::from_f64(0.01).unwrap();
    let n0_02 = T::from_f64(0.02).unwrap();
    let n0_0001 = T::from_f64(0.0001).unwrap();
    let n0_5 = T::from_f64(0.5).unwrap();
    let n25 = T::from_f64(25.0).unwrap();
    let eps = T::epsilon() * T::from_f64(1e-4).unwrap();

    let tmp = x2 - n0_01 * x1.powi(2);
    let denom = tmp.abs().powi(7).sqrt();

    if denom.abs() <= eps {
        // Hessian is actually not defined at optimum. Therefore, as soon as we get close,
        // we'll set the Hessian to 0
        [[n0, n0], [n0, n0]]
    } else {
        let offdiag = n0_5 * x1 * tmp.powi(2) / denom;
        [
            [
                x2 * (-n0_0001 * x1.powi(4) + n0_02 * x2 * x1.powi(2) - x2.powi(2)) / denom,
                offdiag,
            ],
            [offdiag, -n25 * tmp.powi(2) / denom],
        ]
    }
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/crossintray.rs, fn cross_in_tray
#[rustfmt::skip]
pub mod cross_in_tray_020 {
use autodiff_core::differentiate;
use std::f64::consts::PI;
use num_traits::{Float, FromPrimitive};

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn cross_in_tray<T>(param: &[T; 2]) -> T
where
    T: Float + Into<f64> + FromPrimitive,
{
    let x1: f64 = param[0].into();
    let x2: f64 = param[1].into();
    T::from_f64(
        -0.0001
            * ((x1.sin() * x2.sin() * (100.0 - (x1.powi(2) + x2.powi(2)).sqrt() / PI).abs().exp())
                .abs()
                + 1.0)
                .powf(0.1),
    )
    .unwrap()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/crossintray.rs, fn cross_in_tray_derivative
#[rustfmt::skip]
pub mod cross_in_tray_derivative_021 {
use autodiff_core::differentiate;
use std::f64::consts::PI;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn cross_in_tray_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + Into<f64> + FromPrimitive,
{
    let x1: f64 = param[0].into();
    let x2: f64 = param[1].into();

    let a = (x1.powi(2) + x2.powi(2)).sqrt();
    let b = a / PI - 100.0;
    let c = b.abs().exp();
    let x2sin = x2.sin();
    let x2sinabs = x2sin.abs();
    let x1sin = x1.sin();
    let x1sinabs = x1sin.abs();
    let x1cos = x1.cos();
    let x2cos = x2.cos();
    let denom = PI * a * b.abs();

    [
        T::from_f64({
            -1e-5
                * (if denom.abs() <= f64::EPSILON {
                    0.0
                } else {
                    (x2sinabs * x1 * b * c * x1sinabs) / denom
                } + if x1sinabs <= f64::EPSILON {
                    0.0
                } else {
                    (x2sinabs * x1sin * x1cos * c) / x1sinabs
                })
                / (x2sinabs * x1sinabs * c + 1.0).powf(0.9)
        })
        .unwrap(),
        T::from_f64({
            -1e-5
                * (if denom.abs() <= f64::EPSILON {
                    0.0
                } else {
                    (x2sinabs * x2 * b * c * x1sinabs) / denom
                } + if x2sinabs <= f64::EPSILON {
                    0.0
                } else {
                    (x1sinabs * x2sin * x2cos * c) / x2sinabs
                })
                / (x2sinabs * x1sinabs * c + 1.0).powf(0.9)
        })
        .unwrap(),
    ]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/crossintray.rs, fn cross_in_tray_hessian
#[rustfmt::skip]
pub mod cross_in_tray_hessian_022 {
use autodiff_core::differentiate;
use std::f64::consts::PI;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn cross_in_tray_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + Into<f64> + FromPrimitive,
{
    let x1: f64 = param[0].into();
    let x2: f64 = param[1].into();

    let a = (x1.powi(2) + x2.powi(2)).sqrt();
    let b = a / PI - 100.0;
    let c = b.abs().exp();
    let x2sin = x2.sin();
    let x2sinabs = x2sin.abs();
    let x1sin = x1.sin();
    let x1sinabs = x1sin.abs();
    let x1cos = x1.cos();
    let x2cos = x2.cos();
    let denom = PI * a * b.abs();
    let d = x1sinabs * x2sinabs * b * c / denom;

    let h1 = T::from_f64({
        9.0 * 1e-6 * (d * x1 + (x1sin * x1cos * x2sinabs * c) / x1sinabs).powi(2)
            / (x1sinabs * x2sinabs * c + 1.0).powf(1.9)
            - 1e-5
                * (d - x1.powi(2)
                    * ((x1sinabs * x2sinabs * b * c) / (PI * a.powi(3) * b.abs())
                        - (x1sinabs * x2sinabs * c) / (PI.powi(2) * (x1.powi(2) + x2.powi(2))))
                    - x2sinabs * x1sinabs * c
                    + (2.0 * x1sin * x1cos * x2sinabs * x1 * b * c) / (denom * x1sinabs))
                / (x1sinabs * x2sinabs * c + 1.0).powf(0.9)
    })
    .unwrap();

    let h2 = T::from_f64({
        9.0 * 1e-6 * (d * x2 + (x2sin * x2cos * x1sinabs * c) / x2sinabs).powi(2)
            / (x1sinabs * x2sinabs * c + 1.0).powf(1.9)
            - 1e-5
                * (d - x2.powi(2)
                    * ((x1sinabs * x2sinabs * b * c) / (PI * a.powi(3) * b.abs())
                        - (x1sinabs * x2sinabs * c) / (PI.powi(2) * (x1.powi(2) + x2.powi(2))))
                    - x2sinabs * x1sinabs * c
                    + (2.0 * x2sin * x2cos * x1sinabs * x2 * b * c) / (denom * x2sinabs))
                / (x1sinabs * x2sinabs * c + 1.0).powf(0.9)
    })
    .unwrap();

    let offdiag = T::from_f64({
        (9.0 * 1e-6
            * (x1 * d + (x1sin * x1cos * x2sinabs * c) / x1sinabs)
            * (x2 * d + (x2sin * x2cos * x1sinabs * c) / x2sinabs))
            / (x1sinabs * x2sinabs * c + 1.0).powf(1.9)
            - ((x2 * x1sin * x1cos * x2sinabs * b * c) / (PI * x1sinabs * a * b.abs())
                - (x1 * x2 * x1sinabs * x2sinabs * b * c) / (PI * a.powi(3) * b.abs())
                + (x1 * x2 * x1sinabs * x2sinabs * c) / (PI.powi(2) * (x1.powi(2) + x2.powi(2)))
                + (x1 * x2sin * x2cos * x1sinabs * b * c) / (PI * a * b.abs() * x2sinabs)
                + (x1sin * x1cos * x2sin * x2cos * c) / (x1sinabs * x2sinabs))
                / (100_000.0 * (x1sinabs * x2sinabs * c + 1.0).powf(0.9))
    })
    .unwrap();

    [[h1, offdiag], [offdiag, h2]]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/easom.rs, fn easom
#[rustfmt::skip]
pub mod easom_023 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn easom<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;
    let pi = T::from_f64(PI).unwrap();
    -x1.cos() * x2.cos() * (-(x1 - pi).powi(2) - (x2 - pi).powi(2)).exp()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/easom.rs, fn easom_derivative
#[rustfmt::skip]
pub mod easom_derivative_024 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;

#[differentiate]
pub fn easom_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let pi = T::from_f64(PI).unwrap();
    let n2 = T::from_f64(2.0).unwrap();

    let factor = (-(x1 - pi).powi(2) - (x2 - pi).powi(2)).exp();

    [
        factor * x2.cos() * (x1.sin() + n2 * x1 * x1.cos() - n2 * pi * x1.cos()),
        factor * x1.cos() * (x2.sin() + n2 * x2 * x2.cos() - n2 * pi * x2.cos()),
    ]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/easom.rs, fn easom_hessian
#[rustfmt::skip]
pub mod easom_hessian_025 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;

#[differentiate]
pub fn easom_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let pi = T::from_f64(PI).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n3 = T::from_f64(3.0).unwrap();
    let n8 = T::from_f64(8.0).unwrap();

    let x1cos = x1.cos();
    let x1sin = x1.sin();
    let x2cos = x2.cos();
    let x2sin = x2.sin();
    let factor = (-(x1 - pi).powi(2) - (x2 - pi).powi(2)).exp();
    let offdiag = factor * (x1sin + n2 * (x1 - pi) * x1cos) * (n2 * (pi - x2) * x2cos - x2sin);

    [
        [
            factor
                * x2cos
                * (n4 * (pi - x1) * x1sin
                    + (-n4 * x1.powi(2) + n8 * pi * x1 - n4 * pi.powi(2) + n3) * x1cos),
            offdiag,
        ],
        [
            offdiag,
            factor
                * x1cos
                * (n4 * (pi - x2) * x2sin
                    + (-n4 * x2.powi(2) + n8 * pi * x2 - n4 * pi.powi(2) + n3) * x2cos),
        ],
    ]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/eggholder.rs, fn eggholder
#[rustfmt::skip]
pub mod eggholder_026 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn eggholder<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;
    let n47 = T::from_f64(47.0).unwrap();
    -(x2 + n47)
        * (x2 + x1 / T::from_f64(2.0).unwrap() + n47)
            .abs()
            .sqrt()
            .sin()
        - x1 * (x1 - (x2 + n47)).abs().sqrt().sin()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/eggholder.rs, fn eggholder_derivative
#[rustfmt::skip]
pub mod eggholder_derivative_027 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn eggholder_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let eps = T::epsilon();
    let n0 = T::from_f64(0.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n47 = T::from_f64(47.0).unwrap();

    let x1mx2m47 = x1 - x2 - n47;
    let x1mx2m47abs = x1mx2m47.abs();
    let x1mx2m47abssqrt = x1mx2m47abs.sqrt();
    let x1mx2m47abssqrtsin = x1mx2m47abssqrt.sin();
    let x1mx2m47abssqrtcos = x1mx2m47abssqrt.cos();
    let x1hpx2p47 = x1 / n2 + x2 + n47;
    let x1hpx2p47abs = x1hpx2p47.abs();
    let x1hpx2p47abssqrt = x1hpx2p47abs.sqrt();
    let x1hpx2p47abssqrtsin = x1hpx2p47abssqrt.sin();
    let x1hpx2p47abssqrtcos = x1hpx2p47abssqrt.cos();
    let x2mx1p47 = x2 - x1 + n47;
    let x2mx1p47abs = x2mx1p47.abs();
    let x2mx1p47abssqrt = x2mx1p47abs.sqrt();
    let x2mx1p47abssqrtcos = x2mx1p47abssqrt.cos();

    [
        -x1mx2m47abssqrtsin
            - if x1mx2m47abs <= eps {
                n0
            } else {
                (x1 * x1mx2m47 * x1mx2m47abssqrtcos) / (n2 * x1mx2m47abssqrt.powi(3))
            }
            - if x1hpx2p47abs <= eps {
                n0
            } else {
                ((x2 + n47) * x1hpx2p47abssqrtcos * x1hpx2p47) / (n4 * x1hpx2p47abssqrt.powi(3))
            },
        -x1hpx2p47abssqrtsin
            - if x1hpx2p47abs <= eps {
                n0
            } else {
                ((x2 + n47) * x1hpx2p47 * x1hpx2p47abssqrtcos) / (n2 * x1hpx2p47abssqrt.powi(3))
            }
            - if x2mx1p47abs <= eps {
                n0
            } else {
                (x1 * x2mx1p47 * x2mx1p47abssqrtcos) / (n2 * x2mx1p47abssqrt.powi(3))
            },
    ]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/eggholder.rs, fn eggholder_hessian
#[rustfmt::skip]
pub mod eggholder_hessian_028 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn eggholder_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let eps = T::epsilon();
    let n0 = T::from_f64(0.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n3 = T::from_f64(3.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n8 = T::from_f64(8.0).unwrap();
    let n16 = T::from_f64(16.0).unwrap();
    let n47 = T::from_f64(47.0).unwrap();

    let x1mx2m47 = x1 - x2 - n47;
    let x1mx2m47abs = x1mx2m47.abs();
    let x1mx2m47abssqrt = x1mx2m47abs.sqrt();
    let x1mx2m47abssqrtsin = x1mx2m47abssqrt.sin();
    let x1mx2m47abssqrtcos = x1mx2m47abssqrt.cos();
    let x1hpx2p47 = x1 / n2 + x2 + n47;
    let x1hpx2p47abs = x1hpx2p47.abs();
    let x1hpx2p47abssqrt = x1hpx2p47abs.sqrt();
    let x1hpx2p47abssqrtsin = x1hpx2p47abssqrt.sin();
    let x1hpx2p47abssqrtcos = x1hpx2p47abssqrt.cos();
    let x2mx1p47 = x2 - x1 + n47;
    let x2mx1p47abs = x2mx1p47.abs();
    let x2mx1p47abssqrt = x2mx1p47abs.sqrt();
    let x2mx1p47abssqrtcos = x2mx1p47abssqrt.cos();
    let x2mx1p47abssqrtsin = x2mx1p47abssqrt.sin();

    let a = if x1mx2m47abs <= eps {
        n0
    } else {
        (x1 * x1mx2m47abssqrtsin) / (n4 * x1mx2m47abs)
            - (x1mx2m47 * x1mx2m47abssqrtcos) / (x1mx2m47abssqrt.powi(3))
            + (n3 * x1 * x1mx2m47.powi(2) * x1mx2m47abssqrtcos) / (n4 * x1mx2m47abssqrt.powi(7))
    } + if x1mx2m47abs <= eps && x1.abs() <= eps {
        n0
    } else {
        -(x1 * x1mx2m47abssqrtcos) / (n2 * x1mx2m47abssqrt.powi(3))
    } + if x1hpx2p47abs <= eps {
        n0
    } else {
        (n3 * (x2 + n47) * x1hpx2p47abssqrtcos * x1hpx2p47.powi(2))
            / (n16 * x1hpx2p47abssqrt.powi(7))
            + ((x2 + n47) * x1hpx2p47abssqrtsin) / (n16 * x1hpx2p47abs)
    } - if x1hpx2p47abs <= eps && (x1 + n47).abs() <= eps {
        n0
    } else {
        ((x2 + n47) * x1hpx2p47abssqrtcos) / (n8 * x1hpx2p47abssqrt.powi(3))
    };

    let b = if x1hpx2p47abs <= eps {
        n0
    } else {
        ((x2 + n47) * x1hpx2p47abssqrtsin) / (n4 * x1hpx2p47abs)
            - (x1hpx2p47 * x1hpx2p47abssqrtcos) / (x1hpx2p47abssqrt.powi(3))
            + (n3 * (x2 + n47) * x1hpx2p47.powi(2) * x1hpx2p47abssqrtcos)
                / (n4 * x1hpx2p47abssqrt.powi(7))
    } - if x1hpx2p47abs <= eps && (x2 + n47).abs() <= eps {
        n0
    } else {
        ((x2 + n47) * x1hpx2p47abssqrtcos) / (n2 * x1hpx2p47abssqrt.powi(3))
    } + if x2mx1p47abs <= eps {
        n0
    } else {
        (x1 * x2mx1p47abssqrtsin) / (n4 * x2mx1p47abs)
            + (n3 * x1 * x2mx1p47.powi(2) * x2mx1p47abssqrtcos) / (n4 * x2mx1p47abssqrt.powi(7))
    } - if x2mx1p47abs <= eps && x1.abs() <= eps {
        n0
    } else {
        (x1 * x2mx1p47abssqrtcos) / (n2 * x2mx1p47abssqrt.powi(3))
    };

    let offdiag = if x1hpx2p47abs <= eps {
        n0
    } else {
        ((x2 + n47) * x1hpx2p47abssqrtsin) / (n8 * x1hpx2p47abs)
            - (x1hpx2p47 * x1hpx2p47abssqrtcos) / (n4 * x1hpx2p47abssqrt.powi(3))
            + (n3 * (x2 + n47) * x1hpx2p47.powi(2) * x1hpx2p47abssqrtcos)
                / (n8 * x1hpx2p47abssqrt.powi(7))
    } - if x1hpx2p47abs <= eps && (x2 + n47).abs() <= eps {
        n0
    } else {
        ((x2 + n47) * x1hpx2p47abssqrtcos) / (n4 * x1hpx2p47abssqrt.powi(3))
    } + if x2mx1p47abs <= eps {
        n0
    } else {
        -(x1 * x2mx1p47 * x2mx1p47abssqrtsin) / (n4 * x2mx1p47 * x2mx1p47abs)
            - (x2mx1p47 * x2mx1p47abssqrtcos) / (n2 * x2mx1p47abssqrt.powi(3))
            - (n3 * x1 * x2mx1p47.powi(2) * x2mx1p47abssqrtcos) / (n4 * x2mx1p47abssqrt.powi(7))
    } + if x2mx1p47abs <= eps && x1.abs() <= eps {
        n0
    } else {
        (x1 * x2mx1p47abssqrtcos) / (n2 * x2mx1p47abssqrt.powi(3))
    };

    [[a, offdiag], [offdiag, b]]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/goldsteinprice.rs, fn goldsteinprice
#[rustfmt::skip]
pub mod goldsteinprice_029 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn goldsteinprice<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;
    let n1 = T::from_f64(1.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n3 = T::from_f64(3.0).unwrap();
    let n6 = T::from_f64(6.0).unwrap();
    let n12 = T::from_f64(12.0).unwrap();
    let n14 = T::from_f64(14.0).unwrap();
    let n18 = T::from_f64(18.0).unwrap();
    let n19 = T::from_f64(19.0).unwrap();
    let n27 = T::from_f64(27.0).unwrap();
    let n30 = T::from_f64(30.0).unwrap();
    let n32 = T::from_f64(32.0).unwrap();
    let n36 = T::from_f64(36.0).unwrap();
    let n48 = T::from_f64(48.0).unwrap();
    (n1 + (x1 + x2 + n1).powi(2)
        * (n19 - n14 * (x1 + x2) + n3 * (x1.powi(2) + x2.powi(2)) + n6 * x1 * x2))
        * (n30
            + (n2 * x1 - n3 * x2).powi(2)
                * (n18 - n32 * x1 + n12 * x1.powi(2) + n48 * x2 - n36 * x1 * x2 + n27 * x2.powi(2)))
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/goldsteinprice.rs, fn goldsteinprice_derivative
#[rustfmt::skip]
pub mod goldsteinprice_derivative_030 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn goldsteinprice_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n1 = T::from_f64(1.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n3 = T::from_f64(3.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n6 = T::from_f64(6.0).unwrap();
    let n12 = T::from_f64(12.0).unwrap();
    let n14 = T::from_f64(14.0).unwrap();
    let n18 = T::from_f64(18.0).unwrap();
    let n19 = T::from_f64(19.0).unwrap();
    let n24 = T::from_f64(24.0).unwrap();
    let n27 = T::from_f64(27.0).unwrap();
    let n30 = T::from_f64(30.0).unwrap();
    let n32 = T::from_f64(32.0).unwrap();
    let n36 = T::from_f64(36.0).unwrap();
    let n48 = T::from_f64(48.0).unwrap();
    let n54 = T::from_f64(54.0).unwrap();

    let x1s = x1.powi(2);
    let x2s = x2.powi(2);

    [
        (n2 * (x1 + x2 + n1) * (n3 * x1s + n6 * x2 * x1 - n14 * x1 + n3 * x2s - n14 * x2 + n19)
            + (x1 + x2 + n1).powi(2) * (n6 * x1 + n6 * x2 - n14))
            * ((n2 * x1 - n3 * x2).powi(2)
                * (n12 * x1s - n36 * x2 * x1 - n32 * x1 + n27 * x2s + n48 * x2 + n18)
                + n30)
            + ((x1 + x2 + n1).powi(2)
                * (n3 * x1s + n6 * x2 * x1 - n14 * x1 + n3 * x2s - n14 * x2 + n19)
                + n1)
                * (n4
                    * (n2 * x1 - n3 * x2)
                    * (n12 * x1s - n36 * x2 * x1 - n32 * x1 + n27 * x2s + n48 * x2 + n18)
                    + (n2 * x1 - n3 * x2).powi(2) * (n24 * x1 - n36 * x2 - n32)),
        ((x2 + x1 + n1).powi(2) * (n3 * x2s + n6 * x1 * x2 - n14 * x2 + n3 * x1s - n14 * x1 + n19)
            + n1)
            * ((n2 * x1 - n3 * x2).powi(2) * (n54 * x2 - n36 * x1 + n48)
                - n6 * (n2 * x1 - n3 * x2)
                    * (n27 * x2s - n36 * x1 * x2 + n48 * x2 + n12 * x1s - n32 * x1 + n18))
            + (n2
                * (x2 + x1 + n1)
                * (n3 * x2s + n6 * x1 * x2 - n14 * x2 + n3 * x1s - n14 * x1 + n19)
                + (x2 + x1 + n1).powi(2) * (n6 * x2 + n6 * x1 - n14))
                * ((n2 * x1 - n3 * x2).powi(2)
                    * (n27 * x2s - n36 * x1 * x2 + n48 * x2 + n12 * x1s - n32 * x1 + n18)
                    + n30),
    ]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/goldsteinprice.rs, fn goldsteinprice_hessian
#[rustfmt::skip]
pub mod goldsteinprice_hessian_031 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn goldsteinprice_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n840 = T::from_f64(840.0).unwrap();
    let n1296 = T::from_f64(1296.0).unwrap();
    let n2016 = T::from_f64(2016.0).unwrap();
    let n2520 = T::from_f64(2520.0).unwrap();
    let n2916 = T::from_f64(2916.0).unwrap();
    let n3360 = T::from_f64(3360.0).unwrap();
    let n4680 = T::from_f64(4680.0).unwrap();
    let n5184 = T::from_f64(5184.0).unwrap();
    let n5940 = T::from_f64(5940.0).unwrap();
    let n6120 = T::from_f64(6120.0).unwrap();
    let n6432 = T::from_f64(6432.0).unwrap();
    let n6804 = T::from_f64(6804.0).unwrap();
    let n7344 = T::from_f64(7344.0).unwrap();
    let n7440 = T::from_f64(7440.0).unwrap();
    let n7776 = T::from_f64(7776.0).unwrap();
    let n8064 = T::from_f64(8064.0).unwrap();
    let n10080 = T::from_f64(10080.0).unwrap();
    let n10740 = T::from_f64(10740.0).unwrap();
    let n11016 = T::from_f64(11016.0).unwrap();
    let n11160 = T::from_f64(11160.0).unwrap();
    let n11664 = T::from_f64(11664.0).unwrap();
    let n12096 = T::from_f64(12096.0).unwrap();
    let n14688 = T::from_f64(14688.0).unwrap();
    let n15552 = T::from_f64(15552.0).unwrap();
    let n15660 = T::from_f64(15660.0).unwrap();
    let n17352 = T::from_f64(17352.0).unwrap();
    let n17460 = T::from_f64(17460.0).unwrap();
    let n17496 = T::from_f64(17496.0).unwrap();
    let n18360 = T::from_f64(18360.0).unwrap();
    let n19440 = T::from_f64(19440.0).unwrap();
    let n19680 = T::from_f64(19680.0).unwrap();
    let n20880 = T::from_f64(20880.0).unwrap();
    let n23760 = T::from_f64(23760.0).unwrap();
    let n24480 = T::from_f64(24480.0).unwrap();
    let n25920 = T::from_f64(25920.0).unwrap();
    let n26880 = T::from_f64(26880.0).unwrap();
    let n27216 = T::from_f64(27216.0).unwrap();
    let n27540 = T::from_f64(27540.0).unwrap();
    let n28560 = T::from_f64(28560.0).unwrap();
    let n29448 = T::from_f64(29448.0).unwrap();
    let n30240 = T::from_f64(30240.0).unwrap();
    let n30720 = T::from_f64(30720.0).unwrap();
    let n31104 = T::from_f64(31104.0).unwrap();
    let n32256 = T::from_f64(32256.0).unwrap();
    let n34704 = T::from_f64(34704.0).unwrap();
    let n36720 = T::from_f64(36720.0).unwrap();
    let n38592 = T::from_f64(38592.0).unwrap();
    let n38880 = T::from_f64(38880.0).unwrap();
    let n40320 = T::from_f64(40320.0).unwrap();
    let n40824 = T::from_f64(40824.0).unwrap();
    let n41760 = T::from_f64(41760.0).unwrap();
    let n42960 = T::from_f64(42960.0).unwrap();
    let n43740 = T::from_f64(43740.0).unwrap();
    let n47520 = T::from_f64(47520.0).unwrap();
    let n48960 = T::from_f64(48960.0).unwrap();
    let n51840 = T::from_f64(51840.0).unwrap();
    let n58320 = T::from_f64(58320.0).unwrap();
    let n59040 = T::from_f64(59040.0).unwrap();
    let n64440 = T::from_f64(64440.0).unwrap();
    let n69840 = T::from_f64(69840.0).unwrap();
    let n70848 = T::from_f64(70848.0).unwrap();
    let n73440 = T::from_f64(73440.0).unwrap();
    let n73728 = T::from_f64(73728.0).unwrap();
    let n92160 = T::from_f64(92160.0).unwrap();
    let n104760 = T::from_f64(104760.0).unwrap();
    let n132840 = T::from_f64(132840.0).unwrap();
    let n142560 = T::from_f64(142560.0).unwrap();
    let n141696 = T::from_f64(141696.0).unwrap();
    let n172152 = T::from_f64(172152.0).unwrap();

    let x1p2 = x1.powi(2);
    let x1p3 = x1.powi(3);
    let x1p4 = x1.powi(4);
    let x1p5 = x1.powi(5);
    let x1p6 = x1.powi(6);
    let x2p2 = x2.powi(2);
    let x2p3 = x2.powi(3);
    let x2p4 = x2.powi(4);
    let x2p5 = x2.powi(5);
    let x2p6 = x2.powi(6);

    let a = n8064 * x1p6
        + (-n12096 * x2 - n32256) * x1p5
        + (-n19440 * x2p2 + n40320 * x2 + n28560) * x1p4
        + (n24480 * x2p3 + n51840 * x2p2 - n3360 * x2 + n26880) * x1p3
        + (n15660 * x2p4 - n48960 * x2p3 - n64440 * x2p2 - n92160 * x2 - n29448) * x1p2
        + (-n11016 * x2p5 - n20880 * x2p4 + n7440 * x2p3 + n59040 * x2p2 + n34704 * x2 - n6432)
            * x1
        - n2916 * x2p6
        + n7344 * x2p5
        + n17460 * x2p4
        + n10080 * x2p3
        + n15552 * x2p2
        + n14688 * x2
        + n2520;

    let b = n40824 * x2p6
        + (n40824 * x1 - n27216) * x2p5
        + (-n43740 * x1p2 + n58320 * x1 - n132840) * x2p4
        + (-n36720 * x1p3 + n73440 * x1p2 - n23760 * x1 + n38880) * x2p3
        + (n15660 * x1p4 - n41760 * x1p3 + n104760 * x1p2 - n142560 * x1 + n172152) * x2p2
        + (n7344 * x1p5 - n24480 * x1p4 + n7440 * x1p3 + n30240 * x1p2 - n141696 * x1 + n73728)
            * x2
        - n1296 * x1p6
        + n5184 * x1p5
        - n10740 * x1p4
        + n19680 * x1p3
        + n15552 * x1p2
        - n38592 * x1
        + n6120;

    let offdiag = n6804 * x2p6
        + (n11664 - n17496 * x1) * x2p5
        + (-n27540 * x1p2 + n36720 * x1 - n5940) * x2p4
        + (n20880 * x1p3 - n41760 * x1p2 + n69840 * x1 - n47520) * x2p3
        + (n18360 * x1p4 - n48960 * x1p3 + n11160 * x1p2 + n30240 * x1 - n70848) * x2p2
        + (-n7776 * x1p5 + n25920 * x1p4 - n42960 * x1p3 + n59040 * x1p2 + n31104 * x1 - n38592)
            * x2
        - n2016 * x1p6
        + n8064 * x1p5
        - n840 * x1p4
        - n30720 * x1p3
        + n17352 * x1p2
        + n14688 * x1
        - n4680;

    [[a, offdiag], [offdiag, b]]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/himmelblau.rs, fn himmelblau
#[rustfmt::skip]
pub mod himmelblau_032 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn himmelblau<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;
    let n7 = T::from_f64(7.0).unwrap();
    let n11 = T::from_f64(11.0).unwrap();
    (x1.powi(2) + x2 - n11).powi(2) + (x1 + x2.powi(2) - n7).powi(2)
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/himmelblau.rs, fn himmelblau_derivative
#[rustfmt::skip]
pub mod himmelblau_derivative_033 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn himmelblau_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n7 = T::from_f64(7.0).unwrap();
    let n11 = T::from_f64(11.0).unwrap();

    [
        n4 * x1 * (x1.powi(2) + x2 - n11) + n2 * (x1 + x2.powi(2) - n7),
        n4 * x2 * (x2.powi(2) + x1 - n7) + n2 * (x2 + x1.powi(2) - n11),
    ]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/himmelblau.rs, fn himmelblau_hessian
#[rustfmt::skip]
pub mod himmelblau_hessian_034 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn himmelblau_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n7 = T::from_f64(7.0).unwrap();
    let n8 = T::from_f64(8.0).unwrap();
    let n11 = T::from_f64(11.0).unwrap();

    let offdiag = n4 * (x1 + x2);

    [
        [n4 * (x1.powi(2) + x2 - n11) + n8 * x1.powi(2) + n2, offdiag],
        [offdiag, n4 * (x2.powi(2) + x1 - n7) + n8 * x2.powi(2) + n2],
    ]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/holdertable.rs, fn holder_table
#[rustfmt::skip]
pub mod holder_table_035 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn holder_table<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;
    let pi = T::from_f64(PI).unwrap();
    let n1 = T::from_f64(1.0).unwrap();
    -(x1.sin() * x2.cos() * (n1 - (x1.powi(2) + x2.powi(2)).sqrt() / pi).abs().exp()).abs()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/holdertable.rs, fn holder_table_derivative
#[rustfmt::skip]
pub mod holder_table_derivative_036 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;

#[differentiate]
pub fn holder_table_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let pi = T::from_f64(PI).unwrap();
    let n0 = T::from_f64(0.0).unwrap();
    let n1 = T::from_f64(1.0).unwrap();
    let eps = T::epsilon();

    let x1sin = x1.sin();
    let x2sin = x2.sin();
    let x1cos = x1.cos();
    let x2cos = x2.cos();
    let x1sinabs = x1sin.abs();
    let x2cosabs = x2cos.abs();
    let a = (x1.powi(2) + x2.powi(2)).sqrt();
    let b = a / pi - n1;
    let c = b.abs();
    let d = c.exp();

    if a <= eps {
        [n0, n0]
    } else {
        [
            -(x1 * x1sinabs * x2cosabs * b * d) / (pi * a * c)
                - if x1sinabs <= eps {
                    n0
                } else {
                    (x1sin * x1cos * x2cosabs * d) / (x1sinabs)
                },
            -(x2 * x1sinabs * x2cosabs * b * d) / (pi * a * c)
                + if x2cosabs <= eps {
                    n0
                } else {
                    (x2sin * x2cos * x1sinabs * d) / (x2cosabs)
                },
        ]
    }
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/holdertable.rs, fn holder_table_hessian
#[rustfmt::skip]
pub mod holder_table_hessian_037 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;

#[differentiate]
pub fn holder_table_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let pi = T::from_f64(PI).unwrap();
    let n0 = T::from_f64(0.0).unwrap();
    let n1 = T::from_f64(1.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let eps = T::epsilon();

    let x1sin = x1.sin();
    let x2sin = x2.sin();
    let x1cos = x1.cos();
    let x2cos = x2.cos();
    let x1sinabs = x1sin.abs();
    let x2cosabs = x2cos.abs();
    let a = (x1.powi(2) + x2.powi(2)).sqrt();
    let b = a / pi - n1;
    let c = b.abs();
    let d = c.exp();

    let d1 = (x1sinabs * x2cosabs * d)
        * (if a <= eps {
            n0
        } else {
            -b / (pi * a * c) + (x1.powi(2) * b) / (pi * a.powi(3) * c)
                - (x1.powi(2)) / (pi.powi(2) * (x1.powi(2) + x2.powi(2)))
        } + n1)
        - if x1sinabs <= eps || a <= eps {
            n0
        } else {
            (n2 * x1 * x1sin * x1cos * x2cosabs * b * d) / (pi * a * c * x1sinabs)
        };

    let d2 = (x1sinabs * x2cosabs * d)
        * (if a <= eps {
            n0
        } else {
            -b / (pi * a * c) + (x2.powi(2) * b) / (pi * a.powi(3) * c)
                - (x2.powi(2)) / (pi.powi(2) * (x1.powi(2) + x2.powi(2)))
        } + n1)
        + if x2cosabs <= eps || a <= eps {
            n0
        } else {
            (n2 * x2 * x2sin * x2cos * x1sinabs * b * d) / (pi * a * c * x2cosabs)
        };

    let offdiag = if a <= eps || x1sinabs <= eps || x2cosabs <= eps {
        n0
    } else {
        d * (-(x2 * x1sin * x1cos * x2cosabs * b) / (pi * x1sinabs * a * c)
            + (x1 * x2 * x1sinabs * x2cosabs * b) / (pi * a.powi(3) * c)
            - (x1 * x2 * x1sinabs * x2cosabs) / (pi.powi(2) * (x1.powi(2) + x2.powi(2)))
            + (x1 * x1sinabs * x2sin * x2cos * b) / (pi * a * c * x2cosabs)
            + (x1sin * x1cos * x2sin * x2cos) / (x1sinabs * x2cosabs))
    };

    [[d1, offdiag], [offdiag, d2]]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/levy.rs, fn levy
#[rustfmt::skip]
pub mod levy_038 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn levy<T>(param: &[T]) -> T
where
    T: Float + FromPrimitive + Sum,
{
    let plen = param.len();
    assert!(plen >= 2);

    let n1 = T::from_f64(1.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n10 = T::from_f64(10.0).unwrap();
    let pi = T::from_f64(PI).unwrap();

    let w = |x: T| n1 + (x - n1) / n4;

    (pi * w(param[0])).sin().powi(2)
        + param[1..(plen - 1)]
            .iter()
            .map(|x| w(*x))
            .map(|wi: T| (wi - n1).powi(2) * (n1 + n10 * (pi * wi + n1).sin().powi(2)))
            .sum()
        + (w(param[plen - 1]) - n1).powi(2) * (n1 + (n2 * pi * w(param[plen - 1])).sin().powi(2))
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/levy.rs, fn levy_derivative
#[rustfmt::skip]
pub mod levy_derivative_039 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn levy_derivative<T>(param: &[T]) -> Vec<T>
where
    T: Float + FromPrimitive + Sum,
{
    let d = param.len();
    assert!(d >= 2);

    let n1 = T::from_f64(1.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n5 = T::from_f64(5.0).unwrap();
    let n8 = T::from_f64(8.0).unwrap();
    let n10 = T::from_f64(10.0).unwrap();
    let n16 = T::from_f64(16.0).unwrap();
    let pi = T::from_f64(PI).unwrap();

    param
        .iter()
        .enumerate()
        .map(|(i, x)| (i, x, pi * ((*x - n1) / n4 + n1)))
        .map(|(i, &x, wp)| {
            if i == 0 {
                pi / n2 * wp.cos() * wp.sin()
            } else if i == d - 1 {
                ((n2 * wp).sin().powi(2) + n1) * (x - n1) / n8
                    + pi / n16 * (n2 * wp).cos() * (n2 * wp).sin() * (x - n1).powi(2)
            } else {
                (n10 * (wp + n1).sin().powi(2) + n1) * (x - n1) / n8
                    + n5 / n16 * pi * (wp + n1).cos() * (wp + n1).sin() * (x - n1).powi(2)
            }
        })
        .collect()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/levy.rs, fn levy_derivative_const
#[rustfmt::skip]
pub mod levy_derivative_const_040 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn levy_derivative_const<const N: usize, T>(param: &[T; N]) -> [T; N]
where
    T: Float + FromPrimitive + Sum,
{
    assert!(N >= 2);

    let n1 = T::from_f64(1.0).unwrap();
    let n0 = T::from_f64(0.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n5 = T::from_f64(5.0).unwrap();
    let n8 = T::from_f64(8.0).unwrap();
    let n10 = T::from_f64(10.0).unwrap();
    let n16 = T::from_f64(16.0).unwrap();
    let pi = T::from_f64(PI).unwrap();

    let mut out = [n0; N];

    param
        .iter()
        .zip(out.iter_mut())
        .enumerate()
        .map(|(i, (x, o))| (i, x, pi * ((*x - n1) / n4 + n1), o))
        .map(|(i, &x, wp, o)| {
            *o = if i == 0 {
                pi / n2 * wp.cos() * wp.sin()
            } else if i == N - 1 {
                ((n2 * wp).sin().powi(2) + n1) * (x - n1) / n8
                    + pi / n16 * (n2 * wp).cos() * (n2 * wp).sin() * (x - n1).powi(2)
            } else {
                (n10 * (wp + n1).sin().powi(2) + n1) * (x - n1) / n8
                    + n5 / n16 * pi * (wp + n1).cos() * (wp + n1).sin() * (x - n1).powi(2)
            }
        })
        .count();
    out
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/levy.rs, fn levy_hessian
#[rustfmt::skip]
pub mod levy_hessian_041 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn levy_hessian<T>(param: &[T]) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive + Sum,
{
    let d = param.len();
    assert!(d >= 2);

    let x = param;

    let n0 = T::from_f64(0.0).unwrap();
    let n1 = T::from_f64(1.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n5 = T::from_f64(5.0).unwrap();
    let n6 = T::from_f64(6.0).unwrap();
    let n8 = T::from_f64(8.0).unwrap();
    let n10 = T::from_f64(10.0).unwrap();
    let n32 = T::from_f64(32.0).unwrap();
    let n64 = T::from_f64(64.0).unwrap();
    let pi = T::from_f64(PI).unwrap();
    let pi2 = T::from_f64(PI.powi(2)).unwrap();

    let mut out = vec![vec![n0; d]; d];

    for i in 0..d {
        let xin1 = x[i] - n1;
        let wp = pi * (xin1 / n4 + n1);
        out[i][i] = if i == 0 {
            pi2 / n8 * (wp.cos().powi(2) - wp.sin().powi(2))
        } else if i == d - 1 {
            -(n4 * pi * xin1 * (pi * x[i]).sin() + (pi2 * xin1.powi(2) - n2) * (pi * x[i]).cos()
                - n6)
                / n32
        } else {
            let wp1cos = (wp + n1).cos();
            let wp1sin = (wp + n1).sin();
            n5 / n4 * pi * wp1cos * wp1sin * xin1
                + n5 / n64 * pi2 * xin1.powi(2) * (wp1cos.powi(2) - wp1sin.powi(2))
                + (n10 * wp1sin.powi(2) + n1) / n8
        }
    }

    out
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/levy.rs, fn levy_hessian_const
#[rustfmt::skip]
pub mod levy_hessian_const_042 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn levy_hessian_const<const N: usize, T>(param: &[T; N]) -> [[T; N]; N]
where
    T: Float + FromPrimitive + Sum,
{
    assert!(N >= 2);

    let x = param;

    let n0 = T::from_f64(0.0).unwrap();
    let n1 = T::from_f64(1.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n5 = T::from_f64(5.0).unwrap();
    let n6 = T::from_f64(6.0).unwrap();
    let n8 = T::from_f64(8.0).unwrap();
    let n10 = T::from_f64(10.0).unwrap();
    let n32 = T::from_f64(32.0).unwrap();
    let n64 = T::from_f64(64.0).unwrap();
    let pi = T::from_f64(PI).unwrap();
    let pi2 = T::from_f64(PI.powi(2)).unwrap();

    let mut out = [[n0; N]; N];

    for i in 0..N {
        let xin1 = x[i] - n1;
        let wp = pi * (xin1 / n4 + n1);
        out[i][i] = if i == 0 {
            pi2 / n8 * (wp.cos().powi(2) - wp.sin().powi(2))
        } else if i == N - 1 {
            -(n4 * pi * xin1 * (pi * x[i]).sin() + (pi2 * xin1.powi(2) - n2) * (pi * x[i]).cos()
                - n6)
                / n32
        } else {
            let wp1cos = (wp + n1).cos();
            let wp1sin = (wp + n1).sin();
            n5 / n4 * pi * wp1cos * wp1sin * xin1
                + n5 / n64 * pi2 * xin1.powi(2) * (wp1cos.powi(2) - wp1sin.powi(2))
                + (n10 * wp1sin.powi(2) + n1) / n8
        }
    }

    out
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/levy.rs, fn levy_n13
#[rustfmt::skip]
pub mod levy_n13_043 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn levy_n13<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive + Sum,
{
    let [x1, x2] = *param;

    let n1 = T::from_f64(1.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n3 = T::from_f64(3.0).unwrap();
    let pi = T::from_f64(PI).unwrap();

    (n3 * pi * x1).sin().powi(2)
        + (x1 - n1).powi(2) * (n1 + (n3 * pi * x2).sin().powi(2))
        + (x2 - n1).powi(2) * (n1 + (n2 * pi * x2).sin().powi(2))
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/levy.rs, fn levy_n13_derivative
#[rustfmt::skip]
pub mod levy_n13_derivative_044 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn levy_n13_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive + Sum,
{
    let [x1, x2] = *param;

    let n1 = T::from_f64(1.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n3 = T::from_f64(3.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n6 = T::from_f64(6.0).unwrap();
    let pi = T::from_f64(PI).unwrap();

    let x1t3 = n3 * pi * x1;
    let x2t3 = n3 * pi * x2;
    let x2t2 = n2 * pi * x2;
    let x1t3s = x1t3.sin();
    let x1t3c = x1t3.cos();
    let x2t3s = x2t3.sin();
    let x2t3c = x2t3.cos();
    let x2t3s2 = x2t3s.powi(2);
    let x2t2s = x2t2.sin();
    let x2t2c = x2t2.cos();
    let x2t2s2 = x2t2s.powi(2);

    [
        n6 * pi * x1t3c * x1t3s + n2 * (x2t3s2 + n1) * (x1 - n1),
        n6 * pi * (x1 - n1).powi(2) * x2t3c * x2t3s
            + n2 * (x2 - n1) * (x2t2s2 + n1)
            + n4 * pi * (x2 - n1).powi(2) * x2t2c * x2t2s,
    ]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/levy.rs, fn levy_n13_hessian
#[rustfmt::skip]
pub mod levy_n13_hessian_045 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn levy_n13_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive + Sum,
{
    let [x1, x2] = *param;

    let n1 = T::from_f64(1.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n3 = T::from_f64(3.0).unwrap();
    let n8 = T::from_f64(8.0).unwrap();
    let n12 = T::from_f64(12.0).unwrap();
    let n16 = T::from_f64(16.0).unwrap();
    let n18 = T::from_f64(18.0).unwrap();
    let pi = T::from_f64(PI).unwrap();
    let pi2 = T::from_f64(PI.powi(2)).unwrap();

    let x1t3 = n3 * pi * x1;
    let x2t3 = n3 * pi * x2;
    let x2t2 = n2 * pi * x2;
    let x1t3s = x1t3.sin();
    let x1t3c = x1t3.cos();
    let x2t3s = x2t3.sin();
    let x2t3c = x2t3.cos();
    let x1t3s2 = x1t3s.powi(2);
    let x1t3c2 = x1t3c.powi(2);
    let x2t3s2 = x2t3s.powi(2);
    let x2t3c2 = x2t3c.powi(2);
    let x2t2s = x2t2.sin();
    let x2t2c = x2t2.cos();
    let x2t2s2 = x2t2s.powi(2);
    let x2t2c2 = x2t2c.powi(2);

    let a = n18 * pi2 * (-x1t3s2 + x1t3c2) + n2 * (x2t3s2 + n1);
    let b = n18 * pi2 * (x1 - n1).powi(2) * (-x2t3s2 + x2t3c2)
        + n2 * (x2t2s2 + n1)
        + n8 * pi2 * (x2 - n1).powi(2) * (-x2t2s2 + x2t2c2)
        + n16 * pi * (x2 - n1) * x2t2s * x2t2c;
    let offdiag = n12 * pi * (x1 - n1) * x2t3c * x2t3s;

    [[a, offdiag], [offdiag, b]]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/matyas.rs, fn matyas
#[rustfmt::skip]
pub mod matyas_046 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn matyas<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n026 = T::from_f64(0.26).unwrap();
    let n048 = T::from_f64(0.48).unwrap();

    n026 * (x1.powi(2) + x2.powi(2)) - n048 * x1 * x2
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/matyas.rs, fn matyas_derivative
#[rustfmt::skip]
pub mod matyas_derivative_047 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn matyas_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n0_52 = T::from_f64(0.52).unwrap();
    let n0_48 = T::from_f64(0.48).unwrap();

    [n0_52 * x1 - n0_48 * x2, n0_52 * x2 - n0_48 * x1]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/matyas.rs, fn matyas_hessian
#[rustfmt::skip]
pub mod matyas_hessian_048 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn matyas_hessian<T>(_param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let n0_52 = T::from_f64(0.52).unwrap();
    let n0_48 = T::from_f64(0.48).unwrap();

    [[n0_52, -n0_48], [-n0_48, n0_52]]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/mccormick.rs, fn mccormick
#[rustfmt::skip]
pub mod mccormick_049 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn mccormick<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;
    (x1 + x2).sin() + (x1 - x2).powi(2) - T::from_f64(1.5).unwrap() * x1
        + T::from_f64(2.5).unwrap() * x2
        + T::from_f64(1.0).unwrap()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/mccormick.rs, fn mccormick_derivative
#[rustfmt::skip]
pub mod mccormick_derivative_050 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn mccormick_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n2 = T::from_f64(2.0).unwrap();
    let n3 = T::from_f64(3.0).unwrap();
    let n5 = T::from_f64(5.0).unwrap();

    [
        (x1 + x2).cos() + n2 * (x1 - x2) - n3 / n2,
        (x1 + x2).cos() - n2 * (x1 - x2) + n5 / n2,
    ]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/mccormick.rs, fn mccormick_hessian
#[rustfmt::skip]
pub mod mccormick_hessian_051 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn mccormick_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n2 = T::from_f64(2.0).unwrap();

    let a = (x1 + x2).sin();

    let diag = n2 - a;
    let offdiag = -n2 - a;

    [[diag, offdiag], [offdiag, diag]]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/picheny.rs, fn picheny
#[rustfmt::skip]
pub mod picheny_052 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn picheny<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let n1 = T::from_f64(1.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n3 = T::from_f64(3.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n6 = T::from_f64(6.0).unwrap();
    let n12 = T::from_f64(12.0).unwrap();
    let n14 = T::from_f64(14.0).unwrap();
    let n18 = T::from_f64(18.0).unwrap();
    let n19 = T::from_f64(19.0).unwrap();
    let n27 = T::from_f64(27.0).unwrap();
    let n30 = T::from_f64(30.0).unwrap();
    let n32 = T::from_f64(32.0).unwrap();
    let n36 = T::from_f64(36.0).unwrap();
    let n48 = T::from_f64(48.0).unwrap();

    let [x1, x2] = param.map(|x| n4 * x - n2);

    T::from_f64(1.0 / 2.427).unwrap()
        * (((n1
            + (x1 + x2 + n1).powi(2)
                * (n19 - n14 * (x1 + x2) + n3 * (x1.powi(2) + x2.powi(2)) + n6 * x1 * x2))
            * (n30
                + (n2 * x1 - n3 * x2).powi(2)
                    * (n18 - n32 * x1 + n12 * x1.powi(2) + n48 * x2 - n36 * x1 * x2
                        + n27 * x2.powi(2))))
        .log10()
            - T::from_f64(8.693).unwrap())
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/picheny.rs, fn picheny_derivative
#[rustfmt::skip]
pub mod picheny_derivative_053 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn picheny_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let n1 = T::from_f64(1.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n3 = T::from_f64(3.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n6 = T::from_f64(6.0).unwrap();
    let n8 = T::from_f64(8.0).unwrap();
    let n10 = T::from_f64(10.0).unwrap();
    let n12 = T::from_f64(12.0).unwrap();
    let n14 = T::from_f64(14.0).unwrap();
    let n16 = T::from_f64(16.0).unwrap();
    let n18 = T::from_f64(18.0).unwrap();
    let n19 = T::from_f64(19.0).unwrap();
    let n24 = T::from_f64(24.0).unwrap();
    let n27 = T::from_f64(27.0).unwrap();
    let n30 = T::from_f64(30.0).unwrap();
    let n32 = T::from_f64(32.0).unwrap();
    let n36 = T::from_f64(36.0).unwrap();
    let n48 = T::from_f64(48.0).unwrap();
    let n56 = T::from_f64(56.0).unwrap();
    let n96 = T::from_f64(96.0).unwrap();
    let n128 = T::from_f64(128.0).unwrap();
    let n144 = T::from_f64(144.0).unwrap();
    let n192 = T::from_f64(192.0).unwrap();
    let n216 = T::from_f64(216.0).unwrap();
    let factor = T::from_f64(1.0 / 2.427).unwrap();

    let [x1, x2] = *param;

    let a = (factor
        * ((n8
            * (n4 * x1 + n4 * x2 - n3)
            * (n3 * (n4 * x1 - n2).powi(2) + n6 * (n4 * x2 - n2) * (n4 * x1 - n2)
                - n14 * (n4 * x1 - n2)
                + n3 * (n4 * x2 - n2).powi(2)
                - n14 * (n4 * x2 - n2)
                + n19)
            + (n4 * x1 + n4 * x2 - n3).powi(2)
                * (n24 * (n4 * x1 - n2) + n24 * (n4 * x2 - n2) - n56))
            * ((n2 * (n4 * x1 - n2) - n3 * (n4 * x2 - n2)).powi(2)
                * (n12 * (n4 * x1 - n2).powi(2)
                    - n36 * (n4 * x2 - n2) * (n4 * x1 - n2)
                    - n32 * (n4 * x1 - n2)
                    + n27 * (n4 * x2 - n2).powi(2)
                    + n48 * (n4 * x2 - n2)
                    + n18)
                + n30)
            + ((n4 * x1 + n4 * x2 - n3).powi(2)
                * (n3 * (n4 * x1 - n2).powi(2) + n6 * (n4 * x2 - n2) * (n4 * x1 - n2)
                    - n14 * (n4 * x1 - n2)
                    + n3 * (n4 * x2 - n2).powi(2)
                    - n14 * (n4 * x2 - n2)
                    + n19)
                + n1)
                * (n16
                    * (n2 * (n4 * x1 - n2) - n3 * (n4 * x2 - n2))
                    * (n12 * (n4 * x1 - n2).powi(2)
                        - n36 * (n4 * x2 - n2) * (n4 * x1 - n2)
                        - n32 * (n4 * x1 - n2)
                        + n27 * (n4 * x2 - n2).powi(2)
                        + n48 * (n4 * x2 - n2)
                        + n18)
                    + (n2 * (n4 * x1 - n2) - n3 * (n4 * x2 - n2)).powi(2)
                        * (n96 * (n4 * x1 - n2) - n144 * (n4 * x2 - n2) - n128))))
        / (n10.ln()
            * ((n4 * x1 + n4 * x2 - n3).powi(2)
                * (n3 * (n4 * x1 - n2).powi(2) + n6 * (n4 * x2 - n2) * (n4 * x1 - n2)
                    - n14 * (n4 * x1 - n2)
                    + n3 * (n4 * x2 - n2).powi(2)
                    - n14 * (n4 * x2 - n2)
                    + n19)
                + n1)
            * ((n2 * (n4 * x1 - n2) - n3 * (n4 * x2 - n2)).powi(2)
                * (n12 * (n4 * x1 - n2).powi(2)
                    - n36 * (n4 * x2 - n2) * (n4 * x1 - n2)
                    - n32 * (n4 * x1 - n2)
                    + n27 * (n4 * x2 - n2).powi(2)
                    + n48 * (n4 * x2 - n2)
                    + n18)
                + n30));

    let b = (factor
        * ((n8
            * (n4 * x2 + n4 * x1 - n3)
            * (n3 * (n4 * x2 - n2).powi(2) + n6 * (n4 * x1 - n2) * (n4 * x2 - n2)
                - n14 * (n4 * x2 - n2)
                + n3 * (n4 * x1 - n2).powi(2)
                - n14 * (n4 * x1 - n2)
                + n19)
            + (n4 * x2 + n4 * x1 - n3).powi(2)
                * (n24 * (n4 * x2 - n2) + n24 * (n4 * x1 - n2) - n56))
            * ((n2 * (n4 * x1 - n2) - n3 * (n4 * x2 - n2)).powi(2)
                * (n27 * (n4 * x2 - n2).powi(2) - n36 * (n4 * x1 - n2) * (n4 * x2 - n2)
                    + n48 * (n4 * x2 - n2)
                    + n12 * (n4 * x1 - n2).powi(2)
                    - n32 * (n4 * x1 - n2)
                    + n18)
                + n30)
            + ((n4 * x2 + n4 * x1 - n3).powi(2)
                * (n3 * (n4 * x2 - n2).powi(2) + n6 * (n4 * x1 - n2) * (n4 * x2 - n2)
                    - n14 * (n4 * x2 - n2)
                    + n3 * (n4 * x1 - n2).powi(2)
                    - n14 * (n4 * x1 - n2)
                    + n19)
                + n1)
                * ((n2 * (n4 * x1 - n2) - n3 * (n4 * x2 - n2)).powi(2)
                    * (n216 * (n4 * x2 - n2) - n144 * (n4 * x1 - n2) + n192)
                    - n24
                        * (n2 * (n4 * x1 - n2) - n3 * (n4 * x2 - n2))
                        * (n27 * (n4 * x2 - n2).powi(2) - n36 * (n4 * x1 - n2) * (n4 * x2 - n2)
                            + n48 * (n4 * x2 - n2)
                            + n12 * (n4 * x1 - n2).powi(2)
                            - n32 * (n4 * x1 - n2)
                            + n18))))
        / (n10.ln()
            * ((n4 * x2 + n4 * x1 - n3).powi(2)
                * (n3 * (n4 * x2 - n2).powi(2) + n6 * (n4 * x1 - n2) * (n4 * x2 - n2)
                    - n14 * (n4 * x2 - n2)
                    + n3 * (n4 * x1 - n2).powi(2)
                    - n14 * (n4 * x1 - n2)
                    + n19)
                + n1)
            * ((n2 * (n4 * x1 - n2) - n3 * (n4 * x2 - n2)).powi(2)
                * (n27 * (n4 * x2 - n2).powi(2) - n36 * (n4 * x1 - n2) * (n4 * x2 - n2)
                    + n48 * (n4 * x2 - n2)
                    + n12 * (n4 * x1 - n2).powi(2)
                    - n32 * (n4 * x1 - n2)
                    + n18)
                + n30));

    [a, b]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rastrigin.rs, fn rastrigin (with the helpers it calls: rastrigin_a)
#[rustfmt::skip]
pub mod rastrigin_055 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn rastrigin<T>(param: &[T]) -> T
where
    T: Float + FromPrimitive + Sum,
{
    rastrigin_a(param, T::from_f64(10.0).unwrap())
}

#[differentiate]
pub fn rastrigin_a<T>(param: &[T], a: T) -> T
where
    T: Float + FromPrimitive + Sum,
{
    a * T::from_usize(param.len()).unwrap()
        + param
            .iter()
            .map(|&x| x.powi(2) - a * (T::from_f64(2.0 * PI).unwrap() * x).cos())
            .sum()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rastrigin.rs, fn rastrigin_a
#[rustfmt::skip]
pub mod rastrigin_a_056 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn rastrigin_a<T>(param: &[T], a: T) -> T
where
    T: Float + FromPrimitive + Sum,
{
    a * T::from_usize(param.len()).unwrap()
        + param
            .iter()
            .map(|&x| x.powi(2) - a * (T::from_f64(2.0 * PI).unwrap() * x).cos())
            .sum()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rastrigin.rs, fn rastrigin_a_derivative
#[rustfmt::skip]
pub mod rastrigin_a_derivative_057 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn rastrigin_a_derivative<T>(param: &[T], a: T) -> Vec<T>
where
    T: Float + FromPrimitive + Sum + Into<f64>,
{
    let npi2 = T::from_f64(2.0 * PI).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    param
        .iter()
        .map(|x| n2 * *x + npi2 * a * T::from_f64(f64::sin((npi2 * *x).into())).unwrap())
        .collect()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rastrigin.rs, fn rastrigin_derivative (with the helpers it calls: rastrigin_a_derivative)
#[rustfmt::skip]
pub mod rastrigin_derivative_058 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn rastrigin_derivative<T>(param: &[T]) -> Vec<T>
where
    T: Float + FromPrimitive + Sum + Into<f64>,
{
    rastrigin_a_derivative(param, T::from_f64(10.0).unwrap())
}

#[differentiate]
pub fn rastrigin_a_derivative<T>(param: &[T], a: T) -> Vec<T>
where
    T: Float + FromPrimitive + Sum + Into<f64>,
{
    let npi2 = T::from_f64(2.0 * PI).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    param
        .iter()
        .map(|x| n2 * *x + npi2 * a * T::from_f64(f64::sin((npi2 * *x).into())).unwrap())
        .collect()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rastrigin.rs, fn rastrigin_a_derivative_const
#[rustfmt::skip]
pub mod rastrigin_a_derivative_const_059 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn rastrigin_a_derivative_const<const N: usize, T>(param: &[T; N], a: T) -> [T; N]
where
    T: Float + FromPrimitive + Sum + Into<f64>,
{
    let npi2 = T::from_f64(2.0 * PI).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let mut result = [T::from_f64(0.0).unwrap(); N];
    for i in 0..N {
        result[i] =
            n2 * param[i] + npi2 * a * T::from_f64(f64::sin((npi2 * param[i]).into())).unwrap();
    }
    result
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rastrigin.rs, fn rastrigin_derivative_const (with the helpers it calls: rastrigin_a_derivative_const)
#[rustfmt::skip]
pub mod rastrigin_derivative_const_060 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn rastrigin_derivative_const<const N: usize, T>(param: &[T; N]) -> [T; N]
where
    T: Float + FromPrimitive + Sum + Into<f64>,
{
    rastrigin_a_derivative_const(param, T::from_f64(10.0).unwrap())
}

#[differentiate]
pub fn rastrigin_a_derivative_const<const N: usize, T>(param: &[T; N], a: T) -> [T; N]
where
    T: Float + FromPrimitive + Sum + Into<f64>,
{
    let npi2 = T::from_f64(2.0 * PI).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let mut result = [T::from_f64(0.0).unwrap(); N];
    for i in 0..N {
        result[i] =
            n2 * param[i] + npi2 * a * T::from_f64(f64::sin((npi2 * param[i]).into())).unwrap();
    }
    result
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rastrigin.rs, fn rastrigin_a_hessian
#[rustfmt::skip]
pub mod rastrigin_a_hessian_061 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn rastrigin_a_hessian<T>(param: &[T], a: T) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive + Sum + Into<f64>,
{
    let npi2 = T::from_f64(2.0 * PI).unwrap();
    let n4pisq = T::from_f64(4.0 * PI.powi(2)).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n0 = T::from_f64(0.0).unwrap();

    let n = param.len();
    let mut hessian = vec![vec![n0; n]; n];

    for i in 0..n {
        hessian[i][i] = n2 + n4pisq * a * T::from_f64(f64::cos((npi2 * param[i]).into())).unwrap();
    }
    hessian
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rastrigin.rs, fn rastrigin_hessian (with the helpers it calls: rastrigin_a_hessian)
#[rustfmt::skip]
pub mod rastrigin_hessian_062 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn rastrigin_hessian<T>(param: &[T]) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive + Sum + Into<f64>,
{
    rastrigin_a_hessian(param, T::from_f64(10.0).unwrap())
}

#[differentiate]
pub fn rastrigin_a_hessian<T>(param: &[T], a: T) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive + Sum + Into<f64>,
{
    let npi2 = T::from_f64(2.0 * PI).unwrap();
    let n4pisq = T::from_f64(4.0 * PI.powi(2)).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n0 = T::from_f64(0.0).unwrap();

    let n = param.len();
    let mut hessian = vec![vec![n0; n]; n];

    for i in 0..n {
        hessian[i][i] = n2 + n4pisq * a * T::from_f64(f64::cos((npi2 * param[i]).into())).unwrap();
    }
    hessian
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rastrigin.rs, fn rastrigin_a_hessian_const
#[rustfmt::skip]
pub mod rastrigin_a_hessian_const_063 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn rastrigin_a_hessian_const<const N: usize, T>(param: &[T], a: T) -> [[T; N]; N]
where
    T: Float + FromPrimitive + Sum + Into<f64>,
{
    let npi2 = T::from_f64(2.0 * PI).unwrap();
    let n4pisq = T::from_f64(4.0 * PI.powi(2)).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n0 = T::from_f64(0.0).unwrap();

    let mut hessian = [[n0; N]; N];

    for i in 0..N {
        hessian[i][i] = n2 + n4pisq * a * T::from_f64(f64::cos((npi2 * param[i]).into())).unwrap();
    }
    hessian
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rastrigin.rs, fn rastrigin_hessian_const (with the helpers it calls: rastrigin_a_hessian_const)
#[rustfmt::skip]
pub mod rastrigin_hessian_const_064 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::f64::consts::PI;
use std::iter::Sum;

#[differentiate]
pub fn rastrigin_hessian_const<const N: usize, T>(param: &[T; N]) -> [[T; N]; N]
where
    T: Float + FromPrimitive + Sum + Into<f64>,
{
    rastrigin_a_hessian_const(param, T::from_f64(10.0).unwrap())
}

#[differentiate]
pub fn rastrigin_a_hessian_const<const N: usize, T>(param: &[T], a: T) -> [[T; N]; N]
where
    T: Float + FromPrimitive + Sum + Into<f64>,
{
    let npi2 = T::from_f64(2.0 * PI).unwrap();
    let n4pisq = T::from_f64(4.0 * PI.powi(2)).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n0 = T::from_f64(0.0).unwrap();

    let mut hessian = [[n0; N]; N];

    for i in 0..N {
        hessian[i][i] = n2 + n4pisq * a * T::from_f64(f64::cos((npi2 * param[i]).into())).unwrap();
    }
    hessian
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rosenbrock.rs, fn rosenbrock (with the helpers it calls: rosenbrock_ab)
#[rustfmt::skip]
pub mod rosenbrock_065 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::{iter::Sum, ops::AddAssign};

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn rosenbrock<T>(param: &[T]) -> T
where
    T: Float + FromPrimitive + Sum,
{
    rosenbrock_ab(
        param,
        T::from_f64(1.0).unwrap(),
        T::from_f64(100.0).unwrap(),
    )
}

#[differentiate(order = 2)] // its caller's Hessian calls its second-order siblings
pub fn rosenbrock_ab<T>(param: &[T], a: T, b: T) -> T
where
    T: Float + FromPrimitive + Sum,
{
    param
        .iter()
        .zip(param.iter().skip(1))
        .map(|(&xi, &xi1)| (a - xi).powi(2) + b * (xi1 - xi.powi(2)).powi(2))
        .sum()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rosenbrock.rs, fn rosenbrock_ab
#[rustfmt::skip]
pub mod rosenbrock_ab_066 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::{iter::Sum, ops::AddAssign};

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn rosenbrock_ab<T>(param: &[T], a: T, b: T) -> T
where
    T: Float + FromPrimitive + Sum,
{
    param
        .iter()
        .zip(param.iter().skip(1))
        .map(|(&xi, &xi1)| (a - xi).powi(2) + b * (xi1 - xi.powi(2)).powi(2))
        .sum()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rosenbrock.rs, fn rosenbrock_derivative (with the helpers it calls: rosenbrock_ab_derivative)
#[rustfmt::skip]
pub mod rosenbrock_derivative_067 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::{iter::Sum, ops::AddAssign};

#[differentiate]
pub fn rosenbrock_derivative<T>(param: &[T]) -> Vec<T>
where
    T: Float + FromPrimitive + AddAssign,
{
    rosenbrock_ab_derivative(
        param,
        T::from_f64(1.0).unwrap(),
        T::from_f64(100.0).unwrap(),
    )
}

#[differentiate]
pub fn rosenbrock_ab_derivative<T>(param: &[T], a: T, b: T) -> Vec<T>
where
    T: Float + FromPrimitive + AddAssign,
{
    let n0 = T::from_f64(0.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();

    let n = param.len();

    let mut result = vec![n0; n];

    for i in 0..(n - 1) {
        let xi = param[i];
        let xi1 = param[i + 1];

        let t1 = -n4 * b * xi * (xi1 - xi.powi(2));
        let t2 = n2 * b * (xi1 - xi.powi(2));

        result[i] += t1 + n2 * (xi - a);
        result[i + 1] += t2;
    }
    result
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rosenbrock.rs, fn rosenbrock_ab_derivative
#[rustfmt::skip]
pub mod rosenbrock_ab_derivative_068 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::{iter::Sum, ops::AddAssign};

#[differentiate]
pub fn rosenbrock_ab_derivative<T>(param: &[T], a: T, b: T) -> Vec<T>
where
    T: Float + FromPrimitive + AddAssign,
{
    let n0 = T::from_f64(0.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();

    let n = param.len();

    let mut result = vec![n0; n];

    for i in 0..(n - 1) {
        let xi = param[i];
        let xi1 = param[i + 1];

        let t1 = -n4 * b * xi * (xi1 - xi.powi(2));
        let t2 = n2 * b * (xi1 - xi.powi(2));

        result[i] += t1 + n2 * (xi - a);
        result[i + 1] += t2;
    }
    result
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rosenbrock.rs, fn rosenbrock_hessian (with the helpers it calls: rosenbrock_ab_hessian)
#[rustfmt::skip]
pub mod rosenbrock_hessian_069 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::{iter::Sum, ops::AddAssign};

#[differentiate]
pub fn rosenbrock_hessian<T>(param: &[T]) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive + AddAssign,
{
    rosenbrock_ab_hessian(
        param,
        T::from_f64(1.0).unwrap(),
        T::from_f64(100.0).unwrap(),
    )
}

#[differentiate]
pub fn rosenbrock_ab_hessian<T>(param: &[T], a: T, b: T) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive + AddAssign,
{
    let n0 = T::from_f64(0.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n12 = T::from_f64(12.0).unwrap();

    let n = param.len();
    let mut hessian = vec![vec![n0; n]; n];

    for i in 0..n - 1 {
        let xi = param[i];
        let xi1 = param[i + 1];

        hessian[i][i] += n12 * b * xi.powi(2) - n4 * b * xi1 + n2 * a;
        hessian[i + 1][i + 1] = n2 * b;
        hessian[i][i + 1] = -n4 * b * xi;
        hessian[i + 1][i] = -n4 * b * xi;
    }
    hessian
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rosenbrock.rs, fn rosenbrock_ab_hessian
#[rustfmt::skip]
pub mod rosenbrock_ab_hessian_070 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::{iter::Sum, ops::AddAssign};

#[differentiate]
pub fn rosenbrock_ab_hessian<T>(param: &[T], a: T, b: T) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive + AddAssign,
{
    let n0 = T::from_f64(0.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n12 = T::from_f64(12.0).unwrap();

    let n = param.len();
    let mut hessian = vec![vec![n0; n]; n];

    for i in 0..n - 1 {
        let xi = param[i];
        let xi1 = param[i + 1];

        hessian[i][i] += n12 * b * xi.powi(2) - n4 * b * xi1 + n2 * a;
        hessian[i + 1][i + 1] = n2 * b;
        hessian[i][i + 1] = -n4 * b * xi;
        hessian[i + 1][i] = -n4 * b * xi;
    }
    hessian
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rosenbrock.rs, fn rosenbrock_derivative_const (with the helpers it calls: rosenbrock_ab_derivative_const)
#[rustfmt::skip]
pub mod rosenbrock_derivative_const_071 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::{iter::Sum, ops::AddAssign};

#[differentiate]
pub fn rosenbrock_derivative_const<const N: usize, T>(param: &[T; N]) -> [T; N]
where
    T: Float + FromPrimitive + AddAssign,
{
    rosenbrock_ab_derivative_const(
        param,
        T::from_f64(1.0).unwrap(),
        T::from_f64(100.0).unwrap(),
    )
}

#[differentiate]
pub fn rosenbrock_ab_derivative_const<const N: usize, T>(param: &[T; N], a: T, b: T) -> [T; N]
where
    T: Float + FromPrimitive + AddAssign,
{
    let n0 = T::from_f64(0.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();

    let mut result = [n0; N];

    for i in 0..(N - 1) {
        let xi = param[i];
        let xi1 = param[i + 1];

        let t1 = -n4 * b * xi * (xi1 - xi.powi(2));
        let t2 = n2 * b * (xi1 - xi.powi(2));

        result[i] += t1 + n2 * (xi - a);
        result[i + 1] += t2;
    }
    result
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rosenbrock.rs, fn rosenbrock_ab_derivative_const
#[rustfmt::skip]
pub mod rosenbrock_ab_derivative_const_072 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::{iter::Sum, ops::AddAssign};

#[differentiate]
pub fn rosenbrock_ab_derivative_const<const N: usize, T>(param: &[T; N], a: T, b: T) -> [T; N]
where
    T: Float + FromPrimitive + AddAssign,
{
    let n0 = T::from_f64(0.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();

    let mut result = [n0; N];

    for i in 0..(N - 1) {
        let xi = param[i];
        let xi1 = param[i + 1];

        let t1 = -n4 * b * xi * (xi1 - xi.powi(2));
        let t2 = n2 * b * (xi1 - xi.powi(2));

        result[i] += t1 + n2 * (xi - a);
        result[i + 1] += t2;
    }
    result
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rosenbrock.rs, fn rosenbrock_hessian_const (with the helpers it calls: rosenbrock_ab_hessian_const)
#[rustfmt::skip]
pub mod rosenbrock_hessian_const_073 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::{iter::Sum, ops::AddAssign};

#[differentiate]
pub fn rosenbrock_hessian_const<const N: usize, T>(param: &[T; N]) -> [[T; N]; N]
where
    T: Float + FromPrimitive + AddAssign,
{
    rosenbrock_ab_hessian_const(
        param,
        T::from_f64(1.0).unwrap(),
        T::from_f64(100.0).unwrap(),
    )
}

#[differentiate]
pub fn rosenbrock_ab_hessian_const<const N: usize, T>(x: &[T; N], a: T, b: T) -> [[T; N]; N]
where
    T: Float + FromPrimitive + AddAssign,
{
    let n0 = T::from_f64(0.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n12 = T::from_f64(12.0).unwrap();

    let mut hessian = [[n0; N]; N];

    for i in 0..(N - 1) {
        let xi = x[i];
        let xi1 = x[i + 1];

        hessian[i][i] += n12 * b * xi.powi(2) - n4 * b * xi1 + n2 * a;
        hessian[i + 1][i + 1] = n2 * b;
        hessian[i][i + 1] = -n4 * b * xi;
        hessian[i + 1][i] = -n4 * b * xi;
    }
    hessian
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rosenbrock.rs, fn rosenbrock_ab_hessian_const
#[rustfmt::skip]
pub mod rosenbrock_ab_hessian_const_074 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::{iter::Sum, ops::AddAssign};

#[differentiate]
pub fn rosenbrock_ab_hessian_const<const N: usize, T>(x: &[T; N], a: T, b: T) -> [[T; N]; N]
where
    T: Float + FromPrimitive + AddAssign,
{
    let n0 = T::from_f64(0.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n12 = T::from_f64(12.0).unwrap();

    let mut hessian = [[n0; N]; N];

    for i in 0..(N - 1) {
        let xi = x[i];
        let xi1 = x[i + 1];

        hessian[i][i] += n12 * b * xi.powi(2) - n4 * b * xi1 + n2 * a;
        hessian[i + 1][i + 1] = n2 * b;
        hessian[i][i + 1] = -n4 * b * xi;
        hessian[i + 1][i] = -n4 * b * xi;
    }
    hessian
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/schaffer.rs, fn schaffer_n2
#[rustfmt::skip]
pub mod schaffer_n2_075 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn schaffer_n2<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n0_001 = T::from_f64(0.001).unwrap();
    let n0_5 = T::from_f64(0.5).unwrap();
    let n1 = T::from_f64(1.0).unwrap();

    n0_5 + ((x1.powi(2) - x2.powi(2)).sin().powi(2) - n0_5)
        / (n1 + n0_001 * (x1.powi(2) + x2.powi(2))).powi(2)
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/schaffer.rs, fn schaffer_n2_derivative
#[rustfmt::skip]
pub mod schaffer_n2_derivative_076 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn schaffer_n2_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n0_001 = T::from_f64(0.001).unwrap();
    let n0_004 = T::from_f64(0.004).unwrap();
    let n0_5 = T::from_f64(0.5).unwrap();
    let n1 = T::from_f64(1.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();

    let x1spx2s = x1.powi(2) + x2.powi(2);
    let x1smx2s = x1.powi(2) - x2.powi(2);
    let x2smx1s = x2.powi(2) - x1.powi(2);
    let tmp = n0_001 * x1spx2s + n1;
    let denom2 = tmp.powi(2);
    let denom3 = tmp.powi(3);
    let a = x1smx2s.sin() * x1smx2s.cos();
    let a2 = x2smx1s.sin() * x2smx1s.cos();
    let b = n0_004 * (x1smx2s.sin().powi(2) - n0_5);

    [
        (n4 * x1 * a) / denom2 - (x1 * b) / denom3,
        (n4 * x2 * a2) / denom2 - (x2 * b) / denom3,
    ]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/schaffer.rs, fn schaffer_n2_hessian
#[rustfmt::skip]
pub mod schaffer_n2_hessian_077 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn schaffer_n2_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n0_001 = T::from_f64(0.001).unwrap();
    let n0_004 = T::from_f64(0.004).unwrap();
    let n0_006 = T::from_f64(0.006).unwrap();
    let n0_032 = T::from_f64(0.032).unwrap();
    let n0_5 = T::from_f64(0.5).unwrap();
    let n1 = T::from_f64(1.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n8 = T::from_f64(8.0).unwrap();

    let x1s = x1.powi(2);
    let x2s = x2.powi(2);
    let x1spx2s = x1s + x2s;
    let x1smx2s = x1s - x2s;
    let x2smx1s = x2s - x1s;
    let x1smx2ssin2 = x1smx2s.sin().powi(2);
    let x2smx1ssin2 = x2smx1s.sin().powi(2);
    let x1smx2scos2 = x1smx2s.cos().powi(2);
    let x2smx1scos2 = x2smx1s.cos().powi(2);
    let tmp = n0_001 * x1spx2s + n1;
    let denom2 = tmp.powi(2);
    let denom3 = tmp.powi(3);
    let denom4 = tmp.powi(4);
    let a = x1smx2s.sin() * x1smx2s.cos();
    let a2 = x2smx1s.sin() * x2smx1s.cos();
    let b = n0_004 * (x1smx2ssin2 - n0_5);

    let offdiag =
        (n8 * x1 * x2 * (x1smx2ssin2 - x1smx2scos2)) / denom2 + (n0_006 * x1 * x2 * b) / denom4;

    [
        [
            (-(n8 * x1s * x1smx2ssin2) + (n4 * a) + (n8 * x1s * x1smx2scos2)) / denom2
                - (b + (n0_032 * x1s * a)) / denom3
                + (n0_006 * x1s * b) / denom4,
            offdiag,
        ],
        [
            offdiag,
            (-(n8 * x2s * x2smx1ssin2) + (n4 * a2) + (n8 * x2s * x2smx1scos2)) / denom2
                - (b + (n0_032 * x2s * a2)) / denom3
                + (n0_006 * x2s * b) / denom4,
        ],
    ]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/schaffer.rs, fn schaffer_n4
#[rustfmt::skip]
pub mod schaffer_n4_078 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn schaffer_n4<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;
    let n05 = T::from_f64(0.5).unwrap();
    let n1 = T::from_f64(1.0).unwrap();
    let n0001 = T::from_f64(0.001).unwrap();
    n05 + ((x1.powi(2) - x2.powi(2)).abs().sin().cos().powi(2) - n05)
        / (n1 + n0001 * (x1.powi(2) + x2.powi(2))).powi(2)
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/schaffer.rs, fn schaffer_n4_derivative
#[rustfmt::skip]
pub mod schaffer_n4_derivative_079 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn schaffer_n4_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;
    let n0_5 = T::from_f64(0.5).unwrap();
    let n1 = T::from_f64(1.0).unwrap();
    let n0_001 = T::from_f64(0.001).unwrap();
    let n0_004 = T::from_f64(0.004).unwrap();
    let n4 = T::from_f64(4.0).unwrap();

    let x1smx2s = x1.powi(2) - x2.powi(2);
    let x2smx1s = x2.powi(2) - x1.powi(2);
    let x1spx2s = x1.powi(2) + x2.powi(2);
    let x1smx2scos = x1smx2s.cos();
    let x2smx1scos = x2smx1s.cos();
    let x1smx2sabs = x1smx2s.abs();
    let x1smx2sabssin = x1smx2sabs.sin();
    let x2smx1sabssin = x1smx2sabs.sin();
    let x1smx2sabssincos = x1smx2sabssin.cos();
    let x1smx2sabssinsin = x1smx2sabssin.sin();
    let x1smx2sabssincos2 = x1smx2sabssin.cos().powi(2);
    let x2smx1sabssincos = x2smx1sabssin.cos();
    let x2smx1sabssinsin = x2smx1sabssin.sin();
    let x2smx1sabssincos2 = x2smx1sabssin.cos().powi(2);
    let denom_a = (n0_001 * x1spx2s + n1).powi(2);
    let denom_b = (n0_001 * x1spx2s + n1).powi(3);

    [
        -(n4 * x1 * x1smx2s * x1smx2scos * x1smx2sabssincos * x1smx2sabssinsin)
            / (denom_a * x1smx2sabs)
            - (n0_004 * x1 * (x1smx2sabssincos2 - n0_5)) / denom_b,
        -(n4 * x2 * x2smx1s * x2smx1scos * x2smx1sabssincos * x2smx1sabssinsin)
            / (denom_a * x1smx2sabs)
            - (n0_004 * x2 * (x2smx1sabssincos2 - n0_5)) / denom_b,
    ]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/schaffer.rs, fn schaffer_n4_hessian
#[rustfmt::skip]
pub mod schaffer_n4_hessian_080 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn schaffer_n4_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let eps = T::epsilon();
    let n0_5 = T::from_f64(0.5).unwrap();
    let n0 = T::from_f64(0.0).unwrap();
    let n1 = T::from_f64(1.0).unwrap();
    let n0_001 = T::from_f64(0.001).unwrap();
    let n0_004 = T::from_f64(0.004).unwrap();
    let n0_006 = T::from_f64(0.006).unwrap();
    let n0_016 = T::from_f64(0.016).unwrap();
    let n0_032 = T::from_f64(0.032).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n8 = T::from_f64(8.0).unwrap();

    let x1s = x1.powi(2);
    let x2s = x2.powi(2);
    let x1smx2s = x1s - x2s;
    let x2smx1s = x2s - x1s;
    let x1spx2s = x1s + x2s;
    let x1smx2scos = x1smx2s.cos();
    let x1smx2ssin = x1smx2s.sin();
    let x2smx1ssin = x2smx1s.sin();
    let x2smx1scos = x2smx1s.cos();
    let x1smx2scos2 = x1smx2scos.powi(2);
    let x2smx1scos2 = x2smx1scos.powi(2);
    let x1smx2sabs = x1smx2s.abs();
    let x1smx2sabssin = x1smx2sabs.sin();
    let x2smx1sabssin = x1smx2sabs.sin();
    let x1smx2sabssincos = x1smx2sabssin.cos();
    let x1smx2sabssinsin = x1smx2sabssin.sin();
    let x2smx1sabssinsin = x2smx1sabssin.sin();
    let x1smx2sabssinsin2 = x1smx2sabssinsin.powi(2);
    let x2smx1sabssinsin2 = x2smx1sabssinsin.powi(2);
    let x1smx2sabssincos2 = x1smx2sabssin.cos().powi(2);
    let x2smx1sabssincos = x2smx1sabssin.cos();
    let x2smx1sabssinsin = x2smx1sabssin.sin();
    let x2smx1sabssincos2 = x2smx1sabssin.cos().powi(2);
    let denom_a = (n0_001 * x1spx2s + n1).powi(2);
    let denom_b = (n0_001 * x1spx2s + n1).powi(3);
    let denom_c = (n0_001 * x1spx2s + n1).powi(4);

    if x1smx2sabs <= eps {
        [[n0, n0], [n0, n0]]
    } else {
        let a = (n8 * x1s * x1smx2scos2 * x1smx2sabssinsin2
            - n8 * x1s * x1smx2scos2 * x1smx2sabssincos2)
            / denom_a
            + ((n8 * x1s * x1smx2s * x1smx2ssin * x1smx2sabssincos * x1smx2sabssinsin)
                - (n4 * x1smx2s * x1smx2scos * x1smx2sabssincos * x1smx2sabssinsin))
                / (denom_a * x1smx2sabs)
            + (n0_032 * x1s * x1smx2s * x1smx2scos * x1smx2sabssincos * x1smx2sabssinsin)
                / (denom_b * x1smx2sabs)
            + (-n0_004 * (x1smx2sabssincos2 - n0_5)) / denom_b
            + (n0_006 * n0_004 * x1s * (x1smx2sabssincos2 - n0_5)) / denom_c;

        let b = (n8 * x2s * x2smx1scos2 * x2smx1sabssinsin2
            - n8 * x2s * x2smx1scos2 * x2smx1sabssincos2)
            / denom_a
            + ((n8 * x2s * x2smx1s * x2smx1ssin * x2smx1sabssincos * x2smx1sabssinsin)
                - (n4 * x2smx1s * x2smx1scos * x2smx1sabssincos * x2smx1sabssinsin))
                / (denom_a * x1smx2sabs)
            + (n0_032 * x2s * x2smx1s * x2smx1scos * x2smx1sabssincos * x2smx1sabssinsin)
                / (denom_b * x1smx2sabs)
            + (-n0_004 * (x2smx1sabssincos2 - n0_5)) / denom_b
            + (n0_006 * n0_004 * x2s * (x2smx1sabssincos2 - n0_5)) / denom_c;

        let offdiag = (n8 * x1 * x2 * x1smx2s * x2smx1scos2 * x2smx1sabssinsin2)
            / (x2smx1s * denom_a)
            + (n8 * x1 * x2 * x1smx2s * x2smx1ssin * x2smx1sabssincos * x2smx1sabssinsin)
                / (x1smx2sabs * denom_a)
            + (n8 * x1 * x2 * x1smx2s * x2smx1scos * x2smx1sabssincos * x2smx1sabssinsin)
                / (x2smx1s * denom_a * x1smx2sabs)
            + (n8 * x1 * x2 * x2smx1scos * x2smx1sabssincos * x2smx1sabssinsin)
                / (denom_a * x1smx2sabs)
            + (n0_016 * x1 * x2 * x2smx1s * x2smx1scos * x2smx1sabssincos * x2smx1sabssinsin)
                / (denom_b * x1smx2sabs)
            + (n0_016 * x1 * x2 * x1smx2s * x2smx1scos * x2smx1sabssincos * x2smx1sabssinsin)
                / (denom_b * x1smx2sabs)
            + (-n8 * x1 * x2 * x1smx2s * x2smx1scos2 * x2smx1sabssincos2) / (denom_a * x2smx1s)
            + (n0_006 * n0_004 * x1 * x2 * (x2smx1sabssincos2 - n0_5)) / denom_c;

        [[a, offdiag], [offdiag, b]]
    }
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/sphere.rs, fn sphere
#[rustfmt::skip]
pub mod sphere_081 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::iter::Sum;

#[differentiate]
pub fn sphere<T>(param: &[T]) -> T
where
    T: Float + FromPrimitive + Sum,
{
    param.iter().map(|x| x.powi(2)).sum()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/sphere.rs, fn sphere_derivative
#[rustfmt::skip]
pub mod sphere_derivative_082 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::iter::Sum;

#[differentiate]
pub fn sphere_derivative<T>(param: &[T]) -> Vec<T>
where
    T: Float + FromPrimitive,
{
    let num2 = T::from_f64(2.0).unwrap();
    param.iter().map(|x| num2 * *x).collect()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/sphere.rs, fn sphere_derivative_const
#[rustfmt::skip]
pub mod sphere_derivative_const_083 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::iter::Sum;

#[differentiate]
pub fn sphere_derivative_const<const N: usize, T>(param: &[T; N]) -> [T; N]
where
    T: Float + FromPrimitive,
{
    let num2 = T::from_f64(2.0).unwrap();
    let mut deriv = [T::from_f64(0.0).unwrap(); N];
    for i in 0..N {
        deriv[i] = num2 * param[i];
    }
    deriv
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/sphere.rs, fn sphere_hessian
#[rustfmt::skip]
pub mod sphere_hessian_084 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::iter::Sum;

#[differentiate]
pub fn sphere_hessian<T>(param: &[T]) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive,
{
    let n = param.len();
    let mut hessian = vec![vec![T::from_f64(0.0).unwrap(); n]; n];
    for (i, row) in hessian.iter_mut().enumerate().take(n) {
        row[i] = T::from_f64(2.0).unwrap();
    }
    hessian
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/sphere.rs, fn sphere_hessian_const
#[rustfmt::skip]
pub mod sphere_hessian_const_085 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::iter::Sum;

#[differentiate]
pub fn sphere_hessian_const<const N: usize, T>(_param: &[T; N]) -> [[T; N]; N]
where
    T: Float + FromPrimitive,
{
    let mut hessian = [[T::from_f64(0.0).unwrap(); N]; N];
    for (i, row) in hessian.iter_mut().enumerate().take(N) {
        row[i] = T::from_f64(2.0).unwrap();
    }
    hessian
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/styblinskitang.rs, fn styblinski_tang
#[rustfmt::skip]
pub mod styblinski_tang_086 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::iter::Sum;

#[differentiate]
pub fn styblinski_tang<T>(param: &[T]) -> T
where
    T: Float + FromPrimitive + Sum,
{
    T::from_f64(0.5).unwrap()
        * param
            .iter()
            .map(|x| {
                x.powi(4) - T::from_f64(16.0).unwrap() * x.powi(2) + T::from_f64(5.0).unwrap() * *x
            })
            .sum()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/styblinskitang.rs, fn styblinski_tang_derivative
#[rustfmt::skip]
pub mod styblinski_tang_derivative_087 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::iter::Sum;

#[differentiate]
pub fn styblinski_tang_derivative<T>(param: &[T]) -> Vec<T>
where
    T: Float + FromPrimitive + Sum,
{
    let n2 = T::from_f64(2.0).unwrap();
    let n2_5 = T::from_f64(2.5).unwrap();
    let n16 = T::from_f64(16.0).unwrap();

    param
        .iter()
        .map(|x| n2 * x.powi(3) - n16 * *x + n2_5)
        .collect()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/styblinskitang.rs, fn styblinski_tang_derivative_const
#[rustfmt::skip]
pub mod styblinski_tang_derivative_const_088 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::iter::Sum;

#[differentiate]
pub fn styblinski_tang_derivative_const<const N: usize, T>(param: &[T; N]) -> [T; N]
where
    T: Float + FromPrimitive + Sum,
{
    let n0 = T::from_f64(0.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n2_5 = T::from_f64(2.5).unwrap();
    let n16 = T::from_f64(16.0).unwrap();

    let mut out = [n0; N];

    param
        .iter()
        .zip(out.iter_mut())
        .map(|(x, o)| *o = n2 * x.powi(3) - n16 * *x + n2_5)
        .count();

    out
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/styblinskitang.rs, fn styblinski_tang_hessian
#[rustfmt::skip]
pub mod styblinski_tang_hessian_089 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::iter::Sum;

#[differentiate]
pub fn styblinski_tang_hessian<T>(param: &[T]) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive + Sum,
{
    let n0 = T::from_f64(0.0).unwrap();
    let n6 = T::from_f64(6.0).unwrap();
    let n16 = T::from_f64(16.0).unwrap();

    let n = param.len();
    let mut out = vec![vec![n0; n]; n];

    param
        .iter()
        .enumerate()
        .map(|(i, x)| out[i][i] = n6 * x.powi(2) - n16)
        .count();

    out
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/styblinskitang.rs, fn styblinski_tang_hessian_const
#[rustfmt::skip]
pub mod styblinski_tang_hessian_const_090 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};
use std::iter::Sum;

#[differentiate]
pub fn styblinski_tang_hessian_const<const N: usize, T>(param: &[T; N]) -> [[T; N]; N]
where
    T: Float + FromPrimitive + Sum,
{
    let n0 = T::from_f64(0.0).unwrap();
    let n6 = T::from_f64(6.0).unwrap();
    let n16 = T::from_f64(16.0).unwrap();

    let mut out = [[n0; N]; N];

    param
        .iter()
        .enumerate()
        .map(|(i, x)| out[i][i] = n6 * x.powi(2) - n16)
        .count();

    out
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/threehumpcamel.rs, fn threehumpcamel
#[rustfmt::skip]
pub mod threehumpcamel_091 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate(order = 2)] // its Hessian is compared with the source's
pub fn threehumpcamel<T>(param: &[T; 2]) -> T
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    T::from_f64(2.0).unwrap() * x1.powi(2) - T::from_f64(1.05).unwrap() * x1.powi(4)
        + x1.powi(6) / T::from_f64(6.0).unwrap()
        + x1 * x2
        + x2.powi(2)
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/threehumpcamel.rs, fn threehumpcamel_derivative
#[rustfmt::skip]
pub mod threehumpcamel_derivative_092 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn threehumpcamel_derivative<T>(param: &[T; 2]) -> [T; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, x2] = *param;

    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n4_2 = T::from_f64(4.2).unwrap();

    [x1.powi(5) - n4_2 * x1.powi(3) + n4 * x1 + x2, n2 * x2 + x1]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/threehumpcamel.rs, fn threehumpcamel_hessian
#[rustfmt::skip]
pub mod threehumpcamel_hessian_093 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn threehumpcamel_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
where
    T: Float + FromPrimitive,
{
    let [x1, _] = *param;

    let n1 = T::from_f64(1.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n5 = T::from_f64(5.0).unwrap();
    let n12_6 = T::from_f64(12.6).unwrap();

    let a = n5 * x1.powi(4) - n12_6 * x1.powi(2) + n4;
    let b = n2;
    let offdiag = n1;

    [[a, offdiag], [offdiag, b]]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/zero.rs, fn zero
#[rustfmt::skip]
pub mod zero_094 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn zero<T>(_param: &[T]) -> T
where
    T: Float + FromPrimitive,
{
    T::from_f64(0.0).unwrap()
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/zero.rs, fn zero_derivative
#[rustfmt::skip]
pub mod zero_derivative_095 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn zero_derivative<T>(param: &[T]) -> Vec<T>
where
    T: Float + FromPrimitive,
{
    vec![T::from_f64(0.0).unwrap(); param.len()]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/zero.rs, fn zero_derivative_const
#[rustfmt::skip]
pub mod zero_derivative_const_096 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn zero_derivative_const<const N: usize, T>(_param: &[T; N]) -> [T; N]
where
    T: Float + FromPrimitive,
{
    [T::from_f64(0.0).unwrap(); N]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/zero.rs, fn zero_hessian
#[rustfmt::skip]
pub mod zero_hessian_097 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn zero_hessian<T>(param: &[T]) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive,
{
    vec![vec![T::from_f64(0.0).unwrap(); param.len()]; param.len()]
}
}

// Source: argmin-rs/argmin: crates/argmin-testfunctions/src/zero.rs, fn zero_hessian_const
#[rustfmt::skip]
pub mod zero_hessian_const_098 {
use autodiff_core::differentiate;
use num_traits::{Float, FromPrimitive};

#[differentiate]
pub fn zero_hessian_const<const N: usize, T>(_param: &[T; N]) -> [[T; N]; N]
where
    T: Float + FromPrimitive,
{
    [[T::from_f64(0.0).unwrap(); N]; N]
}
}

// Source: statrs-dev/statrs: src/function/logistic.rs, fn logistic
#[rustfmt::skip]
pub mod logistic_099 {
use autodiff_core::differentiate;
use num_traits::Float as _;

#[differentiate]
pub fn logistic(p: f64) -> f64 {
    1.0 / ((-p).exp() + 1.0)
}
}

// Source: statrs-dev/statrs: src/function/logistic.rs, fn logit (with the helpers it calls: checked_logit)
#[rustfmt::skip]
pub mod logit_100 {
use autodiff_core::differentiate;
use num_traits::Float as _;

#[differentiate]
pub fn logit(p: f64) -> f64 {
    checked_logit(p).unwrap()
}

#[differentiate]
pub fn checked_logit(p: f64) -> Option<f64> {
    if (0.0..=1.0).contains(&p) {
        Some((p / (1.0 - p)).ln())
    } else {
        None
    }
}
}

// Source: statrs-dev/statrs: src/function/evaluate.rs, fn polynomial
#[rustfmt::skip]
pub mod polynomial_102 {
use autodiff_core::differentiate;

#[differentiate]
pub fn polynomial(z: f64, coeff: &[f64]) -> f64 {
    coeff.iter().rev().fold(0_f64, |acc, val| acc * z + val)
}
}

// Source: statrs-dev/statrs: src/function/gamma.rs, fn ln_gamma
#[rustfmt::skip]
pub mod ln_gamma_109 {
use autodiff_core::differentiate;
// The crate's `crate::consts`, as written in src/consts.rs:
#[allow(dead_code)] // the constants this function does not use
mod consts {
    pub const SQRT_2PI: f64 = 2.5066282746310005024157652848110452530069867406099;
    pub const LN_PI: f64 = 1.1447298858494001741434273513530587116472948129153;
    pub const LN_SQRT_2PI: f64 = 0.91893853320467274178032973640561763986139747363778;
    pub const LN_SQRT_2PIE: f64 = 1.4189385332046727417803297364056176398613974736378;
    pub const LN_2_SQRT_E_OVER_PI: f64 = 0.6207822376352452223455184457816472122518527279025978;
    pub const TWO_SQRT_E_OVER_PI: f64 = 1.8603827342052657173362492472666631120594218414085755;
    pub const EULER_MASCHERONI: f64 =
        0.5772156649015328606065120900824024310421593359399235988057672348849;
}
use core::f64::consts as f64_consts;
use num_traits::Float as _;
const GAMMA_R: f64 = 10.900511;
const GAMMA_DK: &[f64] = &[
    2.48574089138753565546e-5,
    1.05142378581721974210,
    -3.45687097222016235469,
    4.51227709466894823700,
    -2.98285225323576655721,
    1.05639711577126713077,
    -1.95428773191645869583e-1,
    1.70970543404441224307e-2,
    -5.71926117404305781283e-4,
    4.63399473359905636708e-6,
    -2.71994908488607703910e-9,
];

#[differentiate]
pub fn ln_gamma(x: f64) -> f64 {
    if x < 0.5 {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (t.0 as f64 - x));

        consts::LN_PI
            - (f64_consts::PI * x).sin().ln()
            - s.ln()
            - consts::LN_2_SQRT_E_OVER_PI
            - (0.5 - x) * ((0.5 - x + GAMMA_R) / f64_consts::E).ln()
    } else {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (x + t.0 as f64 - 1.0));

        s.ln()
            + consts::LN_2_SQRT_E_OVER_PI
            + (x - 0.5) * ((x - 0.5 + GAMMA_R) / f64_consts::E).ln()
    }
}
}

// Source: statrs-dev/statrs: src/function/gamma.rs, fn gamma
#[rustfmt::skip]
pub mod gamma_110 {
use autodiff_core::differentiate;
// The crate's `crate::consts`, as written in src/consts.rs:
#[allow(dead_code)] // the constants this function does not use
mod consts {
    pub const SQRT_2PI: f64 = 2.5066282746310005024157652848110452530069867406099;
    pub const LN_PI: f64 = 1.1447298858494001741434273513530587116472948129153;
    pub const LN_SQRT_2PI: f64 = 0.91893853320467274178032973640561763986139747363778;
    pub const LN_SQRT_2PIE: f64 = 1.4189385332046727417803297364056176398613974736378;
    pub const LN_2_SQRT_E_OVER_PI: f64 = 0.6207822376352452223455184457816472122518527279025978;
    pub const TWO_SQRT_E_OVER_PI: f64 = 1.8603827342052657173362492472666631120594218414085755;
    pub const EULER_MASCHERONI: f64 =
        0.5772156649015328606065120900824024310421593359399235988057672348849;
}
use core::f64::consts as f64_consts;
use num_traits::Float as _;
const GAMMA_R: f64 = 10.900511;
const GAMMA_DK: &[f64] = &[
    2.48574089138753565546e-5,
    1.05142378581721974210,
    -3.45687097222016235469,
    4.51227709466894823700,
    -2.98285225323576655721,
    1.05639711577126713077,
    -1.95428773191645869583e-1,
    1.70970543404441224307e-2,
    -5.71926117404305781283e-4,
    4.63399473359905636708e-6,
    -2.71994908488607703910e-9,
];

#[differentiate]
pub fn gamma(x: f64) -> f64 {
    if x < 0.5 {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (t.0 as f64 - x));

        f64_consts::PI
            / ((f64_consts::PI * x).sin()
                * s
                * consts::TWO_SQRT_E_OVER_PI
                * ((0.5 - x + GAMMA_R) / f64_consts::E).powf(0.5 - x))
    } else {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (x + t.0 as f64 - 1.0));

        s * consts::TWO_SQRT_E_OVER_PI * ((x - 0.5 + GAMMA_R) / f64_consts::E).powf(x - 0.5)
    }
}
}

// Source: statrs-dev/statrs: src/function/gamma.rs, fn gamma_ui (with the helpers it calls: checked_gamma_ui, gamma, checked_gamma_ur, ln_gamma, gamma_lr, checked_gamma_lr)
#[rustfmt::skip]
pub mod gamma_ui_111 {
use autodiff_core::differentiate;
// The crate's `crate::consts`, as written in src/consts.rs:
#[allow(dead_code)] // the constants this function does not use
mod consts {
    pub const SQRT_2PI: f64 = 2.5066282746310005024157652848110452530069867406099;
    pub const LN_PI: f64 = 1.1447298858494001741434273513530587116472948129153;
    pub const LN_SQRT_2PI: f64 = 0.91893853320467274178032973640561763986139747363778;
    pub const LN_SQRT_2PIE: f64 = 1.4189385332046727417803297364056176398613974736378;
    pub const LN_2_SQRT_E_OVER_PI: f64 = 0.6207822376352452223455184457816472122518527279025978;
    pub const TWO_SQRT_E_OVER_PI: f64 = 1.8603827342052657173362492472666631120594218414085755;
    pub const EULER_MASCHERONI: f64 =
        0.5772156649015328606065120900824024310421593359399235988057672348849;
}
// The crate's `crate::prec`, whose `ulps_eq!` is the `approx` crate's (the one macro used here):
mod prec {
    pub(crate) use approx::ulps_eq;
}
use core::f64::consts as f64_consts;
use num_traits::Float as _;
const GAMMA_R: f64 = 10.900511;
const GAMMA_DK: &[f64] = &[
    2.48574089138753565546e-5,
    1.05142378581721974210,
    -3.45687097222016235469,
    4.51227709466894823700,
    -2.98285225323576655721,
    1.05639711577126713077,
    -1.95428773191645869583e-1,
    1.70970543404441224307e-2,
    -5.71926117404305781283e-4,
    4.63399473359905636708e-6,
    -2.71994908488607703910e-9,
];

#[derive(Copy, Clone, PartialEq, Eq, Debug, Hash)]
#[non_exhaustive]
pub enum GammaFuncError {
    /// `a` is infinite, zero or less than zero.
    AInvalid,

    /// `x` is infinite, zero or less than zero.
    XInvalid,
}

impl core::fmt::Display for GammaFuncError {
    fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        match self {
            GammaFuncError::AInvalid => write!(f, "a is infinite, zero or less than zero"),
            GammaFuncError::XInvalid => write!(f, "x is infinite, zero or less than zero"),
        }
    }
}

impl core::error::Error for GammaFuncError {}

#[differentiate]
pub fn gamma_ui(a: f64, x: f64) -> f64 {
    checked_gamma_ui(a, x).unwrap()
}

#[differentiate]
pub fn checked_gamma_ui(a: f64, x: f64) -> Result<f64, GammaFuncError> {
    checked_gamma_ur(a, x).map(|x| x * gamma(a))
}

#[differentiate]
pub fn gamma(x: f64) -> f64 {
    if x < 0.5 {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (t.0 as f64 - x));

        f64_consts::PI
            / ((f64_consts::PI * x).sin()
                * s
                * consts::TWO_SQRT_E_OVER_PI
                * ((0.5 - x + GAMMA_R) / f64_consts::E).powf(0.5 - x))
    } else {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (x + t.0 as f64 - 1.0));

        s * consts::TWO_SQRT_E_OVER_PI * ((x - 0.5 + GAMMA_R) / f64_consts::E).powf(x - 0.5)
    }
}

#[differentiate]
pub fn checked_gamma_ur(a: f64, x: f64) -> Result<f64, GammaFuncError> {
    if a.is_nan() || x.is_nan() {
        return Ok(f64::NAN);
    }
    if a <= 0.0 || a == f64::INFINITY {
        return Err(GammaFuncError::AInvalid);
    }
    if x <= 0.0 || x == f64::INFINITY {
        return Err(GammaFuncError::XInvalid);
    }

    let eps = 0.000000000000001;
    let big = 4503599627370496.0;
    let big_inv = 2.22044604925031308085e-16;

    if x < 1.0 || x <= a {
        return Ok(1.0 - gamma_lr(a, x));
    }

    let mut ax = a * x.ln() - x - ln_gamma(a);
    if ax < -709.78271289338399 {
        return if a < x { Ok(0.0) } else { Ok(1.0) };
    }

    ax = ax.exp();
    let mut y = 1.0 - a;
    let mut z = x + y + 1.0;
    let mut c = 0.0;
    let mut pkm2 = 1.0;
    let mut qkm2 = x;
    let mut pkm1 = x + 1.0;
    let mut qkm1 = z * x;
    let mut ans = pkm1 / qkm1;
    loop {
        y += 1.0;
        z += 2.0;
        c += 1.0;
        let yc = y * c;
        let pk = pkm1 * z - pkm2 * yc;
        let qk = qkm1 * z - qkm2 * yc;

        pkm2 = pkm1;
        pkm1 = pk;
        qkm2 = qkm1;
        qkm1 = qk;

        if pk.abs() > big {
            pkm2 *= big_inv;
            pkm1 *= big_inv;
            qkm2 *= big_inv;
            qkm1 *= big_inv;
        }

        if qk != 0.0 {
            let r = pk / qk;
            let t = ((ans - r) / r).abs();
            ans = r;

            if t <= eps {
                break;
            }
        }
    }
    Ok(ans * ax)
}

#[differentiate]
pub fn ln_gamma(x: f64) -> f64 {
    if x < 0.5 {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (t.0 as f64 - x));

        consts::LN_PI
            - (f64_consts::PI * x).sin().ln()
            - s.ln()
            - consts::LN_2_SQRT_E_OVER_PI
            - (0.5 - x) * ((0.5 - x + GAMMA_R) / f64_consts::E).ln()
    } else {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (x + t.0 as f64 - 1.0));

        s.ln()
            + consts::LN_2_SQRT_E_OVER_PI
            + (x - 0.5) * ((x - 0.5 + GAMMA_R) / f64_consts::E).ln()
    }
}

#[differentiate]
pub fn gamma_lr(a: f64, x: f64) -> f64 {
    checked_gamma_lr(a, x).unwrap()
}

#[differentiate]
pub fn checked_gamma_lr(a: f64, x: f64) -> Result<f64, GammaFuncError> {
    if a.is_nan() || x.is_nan() {
        return Ok(f64::NAN);
    }
    if a <= 0.0 || a == f64::INFINITY {
        return Err(GammaFuncError::AInvalid);
    }
    if x <= 0.0 || x == f64::INFINITY {
        return Err(GammaFuncError::XInvalid);
    }

    let eps = 0.000000000000001;
    let big = 4503599627370496.0;
    let big_inv = 2.22044604925031308085e-16;

    if prec::ulps_eq!(a, 0.0, epsilon = 0.0) {
        return Ok(1.0);
    }
    if prec::ulps_eq!(x, 0.0, epsilon = 0.0) {
        return Ok(0.0);
    }

    let ax = a * x.ln() - x - ln_gamma(a);
    if ax < -709.78271289338399 {
        if a < x {
            return Ok(1.0);
        }
        return Ok(0.0);
    }
    if x <= 1.0 || x <= a {
        let mut r2 = a;
        let mut c2 = 1.0;
        let mut ans2 = 1.0;
        loop {
            r2 += 1.0;
            c2 *= x / r2;
            ans2 += c2;

            if c2 / ans2 <= eps {
                break;
            }
        }
        return Ok(ax.exp() * ans2 / a);
    }

    let mut y = 1.0 - a;
    let mut z = x + y + 1.0;
    let mut c = 0;

    let mut p3 = 1.0;
    let mut q3 = x;
    let mut p2 = x + 1.0;
    let mut q2 = z * x;
    let mut ans = p2 / q2;

    loop {
        y += 1.0;
        z += 2.0;
        c += 1;
        let yc = y * f64::from(c);

        let p = p2 * z - p3 * yc;
        let q = q2 * z - q3 * yc;

        p3 = p2;
        p2 = p;
        q3 = q2;
        q2 = q;

        if p.abs() > big {
            p3 *= big_inv;
            p2 *= big_inv;
            q3 *= big_inv;
            q2 *= big_inv;
        }

        if q != 0.0 {
            let nextans = p / q;
            let error = ((ans - nextans) / nextans).abs();
            ans = nextans;

            if error <= eps {
                break;
            }
        }
    }
    Ok(1.0 - ax.exp() * ans)
}
}

// Source: statrs-dev/statrs: src/function/gamma.rs, fn gamma_li (with the helpers it calls: checked_gamma_li, gamma, checked_gamma_lr, ln_gamma)
#[rustfmt::skip]
pub mod gamma_li_113 {
use autodiff_core::differentiate;
// The crate's `crate::consts`, as written in src/consts.rs:
#[allow(dead_code)] // the constants this function does not use
mod consts {
    pub const SQRT_2PI: f64 = 2.5066282746310005024157652848110452530069867406099;
    pub const LN_PI: f64 = 1.1447298858494001741434273513530587116472948129153;
    pub const LN_SQRT_2PI: f64 = 0.91893853320467274178032973640561763986139747363778;
    pub const LN_SQRT_2PIE: f64 = 1.4189385332046727417803297364056176398613974736378;
    pub const LN_2_SQRT_E_OVER_PI: f64 = 0.6207822376352452223455184457816472122518527279025978;
    pub const TWO_SQRT_E_OVER_PI: f64 = 1.8603827342052657173362492472666631120594218414085755;
    pub const EULER_MASCHERONI: f64 =
        0.5772156649015328606065120900824024310421593359399235988057672348849;
}
// The crate's `crate::prec`, whose `ulps_eq!` is the `approx` crate's (the one macro used here):
mod prec {
    pub(crate) use approx::ulps_eq;
}
use core::f64::consts as f64_consts;
use num_traits::Float as _;
const GAMMA_R: f64 = 10.900511;
const GAMMA_DK: &[f64] = &[
    2.48574089138753565546e-5,
    1.05142378581721974210,
    -3.45687097222016235469,
    4.51227709466894823700,
    -2.98285225323576655721,
    1.05639711577126713077,
    -1.95428773191645869583e-1,
    1.70970543404441224307e-2,
    -5.71926117404305781283e-4,
    4.63399473359905636708e-6,
    -2.71994908488607703910e-9,
];

#[derive(Copy, Clone, PartialEq, Eq, Debug, Hash)]
#[non_exhaustive]
pub enum GammaFuncError {
    /// `a` is infinite, zero or less than zero.
    AInvalid,

    /// `x` is infinite, zero or less than zero.
    XInvalid,
}

impl core::fmt::Display for GammaFuncError {
    fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        match self {
            GammaFuncError::AInvalid => write!(f, "a is infinite, zero or less than zero"),
            GammaFuncError::XInvalid => write!(f, "x is infinite, zero or less than zero"),
        }
    }
}

impl core::error::Error for GammaFuncError {}

#[differentiate]
pub fn gamma_li(a: f64, x: f64) -> f64 {
    checked_gamma_li(a, x).unwrap()
}

#[differentiate]
pub fn checked_gamma_li(a: f64, x: f64) -> Result<f64, GammaFuncError> {
    checked_gamma_lr(a, x).map(|x| x * gamma(a))
}

#[differentiate]
pub fn gamma(x: f64) -> f64 {
    if x < 0.5 {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (t.0 as f64 - x));

        f64_consts::PI
            / ((f64_consts::PI * x).sin()
                * s
                * consts::TWO_SQRT_E_OVER_PI
                * ((0.5 - x + GAMMA_R) / f64_consts::E).powf(0.5 - x))
    } else {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (x + t.0 as f64 - 1.0));

        s * consts::TWO_SQRT_E_OVER_PI * ((x - 0.5 + GAMMA_R) / f64_consts::E).powf(x - 0.5)
    }
}

#[differentiate]
pub fn checked_gamma_lr(a: f64, x: f64) -> Result<f64, GammaFuncError> {
    if a.is_nan() || x.is_nan() {
        return Ok(f64::NAN);
    }
    if a <= 0.0 || a == f64::INFINITY {
        return Err(GammaFuncError::AInvalid);
    }
    if x <= 0.0 || x == f64::INFINITY {
        return Err(GammaFuncError::XInvalid);
    }

    let eps = 0.000000000000001;
    let big = 4503599627370496.0;
    let big_inv = 2.22044604925031308085e-16;

    if prec::ulps_eq!(a, 0.0, epsilon = 0.0) {
        return Ok(1.0);
    }
    if prec::ulps_eq!(x, 0.0, epsilon = 0.0) {
        return Ok(0.0);
    }

    let ax = a * x.ln() - x - ln_gamma(a);
    if ax < -709.78271289338399 {
        if a < x {
            return Ok(1.0);
        }
        return Ok(0.0);
    }
    if x <= 1.0 || x <= a {
        let mut r2 = a;
        let mut c2 = 1.0;
        let mut ans2 = 1.0;
        loop {
            r2 += 1.0;
            c2 *= x / r2;
            ans2 += c2;

            if c2 / ans2 <= eps {
                break;
            }
        }
        return Ok(ax.exp() * ans2 / a);
    }

    let mut y = 1.0 - a;
    let mut z = x + y + 1.0;
    let mut c = 0;

    let mut p3 = 1.0;
    let mut q3 = x;
    let mut p2 = x + 1.0;
    let mut q2 = z * x;
    let mut ans = p2 / q2;

    loop {
        y += 1.0;
        z += 2.0;
        c += 1;
        let yc = y * f64::from(c);

        let p = p2 * z - p3 * yc;
        let q = q2 * z - q3 * yc;

        p3 = p2;
        p2 = p;
        q3 = q2;
        q2 = q;

        if p.abs() > big {
            p3 *= big_inv;
            p2 *= big_inv;
            q3 *= big_inv;
            q2 *= big_inv;
        }

        if q != 0.0 {
            let nextans = p / q;
            let error = ((ans - nextans) / nextans).abs();
            ans = nextans;

            if error <= eps {
                break;
            }
        }
    }
    Ok(1.0 - ax.exp() * ans)
}

#[differentiate]
pub fn ln_gamma(x: f64) -> f64 {
    if x < 0.5 {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (t.0 as f64 - x));

        consts::LN_PI
            - (f64_consts::PI * x).sin().ln()
            - s.ln()
            - consts::LN_2_SQRT_E_OVER_PI
            - (0.5 - x) * ((0.5 - x + GAMMA_R) / f64_consts::E).ln()
    } else {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (x + t.0 as f64 - 1.0));

        s.ln()
            + consts::LN_2_SQRT_E_OVER_PI
            + (x - 0.5) * ((x - 0.5 + GAMMA_R) / f64_consts::E).ln()
    }
}
}

// Source: statrs-dev/statrs: src/function/gamma.rs, fn gamma_ur (with the helpers it calls: checked_gamma_ur, ln_gamma, gamma_lr, checked_gamma_lr)
#[rustfmt::skip]
pub mod gamma_ur_115 {
use autodiff_core::differentiate;
// The crate's `crate::consts`, as written in src/consts.rs:
#[allow(dead_code)] // the constants this function does not use
mod consts {
    pub const SQRT_2PI: f64 = 2.5066282746310005024157652848110452530069867406099;
    pub const LN_PI: f64 = 1.1447298858494001741434273513530587116472948129153;
    pub const LN_SQRT_2PI: f64 = 0.91893853320467274178032973640561763986139747363778;
    pub const LN_SQRT_2PIE: f64 = 1.4189385332046727417803297364056176398613974736378;
    pub const LN_2_SQRT_E_OVER_PI: f64 = 0.6207822376352452223455184457816472122518527279025978;
    pub const TWO_SQRT_E_OVER_PI: f64 = 1.8603827342052657173362492472666631120594218414085755;
    pub const EULER_MASCHERONI: f64 =
        0.5772156649015328606065120900824024310421593359399235988057672348849;
}
// The crate's `crate::prec`, whose `ulps_eq!` is the `approx` crate's (the one macro used here):
mod prec {
    pub(crate) use approx::ulps_eq;
}
use core::f64::consts as f64_consts;
use num_traits::Float as _;
const GAMMA_R: f64 = 10.900511;
const GAMMA_DK: &[f64] = &[
    2.48574089138753565546e-5,
    1.05142378581721974210,
    -3.45687097222016235469,
    4.51227709466894823700,
    -2.98285225323576655721,
    1.05639711577126713077,
    -1.95428773191645869583e-1,
    1.70970543404441224307e-2,
    -5.71926117404305781283e-4,
    4.63399473359905636708e-6,
    -2.71994908488607703910e-9,
];

#[derive(Copy, Clone, PartialEq, Eq, Debug, Hash)]
#[non_exhaustive]
pub enum GammaFuncError {
    /// `a` is infinite, zero or less than zero.
    AInvalid,

    /// `x` is infinite, zero or less than zero.
    XInvalid,
}

impl core::fmt::Display for GammaFuncError {
    fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        match self {
            GammaFuncError::AInvalid => write!(f, "a is infinite, zero or less than zero"),
            GammaFuncError::XInvalid => write!(f, "x is infinite, zero or less than zero"),
        }
    }
}

impl core::error::Error for GammaFuncError {}

#[differentiate]
pub fn gamma_ur(a: f64, x: f64) -> f64 {
    checked_gamma_ur(a, x).unwrap()
}

#[differentiate]
pub fn checked_gamma_ur(a: f64, x: f64) -> Result<f64, GammaFuncError> {
    if a.is_nan() || x.is_nan() {
        return Ok(f64::NAN);
    }
    if a <= 0.0 || a == f64::INFINITY {
        return Err(GammaFuncError::AInvalid);
    }
    if x <= 0.0 || x == f64::INFINITY {
        return Err(GammaFuncError::XInvalid);
    }

    let eps = 0.000000000000001;
    let big = 4503599627370496.0;
    let big_inv = 2.22044604925031308085e-16;

    if x < 1.0 || x <= a {
        return Ok(1.0 - gamma_lr(a, x));
    }

    let mut ax = a * x.ln() - x - ln_gamma(a);
    if ax < -709.78271289338399 {
        return if a < x { Ok(0.0) } else { Ok(1.0) };
    }

    ax = ax.exp();
    let mut y = 1.0 - a;
    let mut z = x + y + 1.0;
    let mut c = 0.0;
    let mut pkm2 = 1.0;
    let mut qkm2 = x;
    let mut pkm1 = x + 1.0;
    let mut qkm1 = z * x;
    let mut ans = pkm1 / qkm1;
    loop {
        y += 1.0;
        z += 2.0;
        c += 1.0;
        let yc = y * c;
        let pk = pkm1 * z - pkm2 * yc;
        let qk = qkm1 * z - qkm2 * yc;

        pkm2 = pkm1;
        pkm1 = pk;
        qkm2 = qkm1;
        qkm1 = qk;

        if pk.abs() > big {
            pkm2 *= big_inv;
            pkm1 *= big_inv;
            qkm2 *= big_inv;
            qkm1 *= big_inv;
        }

        if qk != 0.0 {
            let r = pk / qk;
            let t = ((ans - r) / r).abs();
            ans = r;

            if t <= eps {
                break;
            }
        }
    }
    Ok(ans * ax)
}

#[differentiate]
pub fn ln_gamma(x: f64) -> f64 {
    if x < 0.5 {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (t.0 as f64 - x));

        consts::LN_PI
            - (f64_consts::PI * x).sin().ln()
            - s.ln()
            - consts::LN_2_SQRT_E_OVER_PI
            - (0.5 - x) * ((0.5 - x + GAMMA_R) / f64_consts::E).ln()
    } else {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (x + t.0 as f64 - 1.0));

        s.ln()
            + consts::LN_2_SQRT_E_OVER_PI
            + (x - 0.5) * ((x - 0.5 + GAMMA_R) / f64_consts::E).ln()
    }
}

#[differentiate]
pub fn gamma_lr(a: f64, x: f64) -> f64 {
    checked_gamma_lr(a, x).unwrap()
}

#[differentiate]
pub fn checked_gamma_lr(a: f64, x: f64) -> Result<f64, GammaFuncError> {
    if a.is_nan() || x.is_nan() {
        return Ok(f64::NAN);
    }
    if a <= 0.0 || a == f64::INFINITY {
        return Err(GammaFuncError::AInvalid);
    }
    if x <= 0.0 || x == f64::INFINITY {
        return Err(GammaFuncError::XInvalid);
    }

    let eps = 0.000000000000001;
    let big = 4503599627370496.0;
    let big_inv = 2.22044604925031308085e-16;

    if prec::ulps_eq!(a, 0.0, epsilon = 0.0) {
        return Ok(1.0);
    }
    if prec::ulps_eq!(x, 0.0, epsilon = 0.0) {
        return Ok(0.0);
    }

    let ax = a * x.ln() - x - ln_gamma(a);
    if ax < -709.78271289338399 {
        if a < x {
            return Ok(1.0);
        }
        return Ok(0.0);
    }
    if x <= 1.0 || x <= a {
        let mut r2 = a;
        let mut c2 = 1.0;
        let mut ans2 = 1.0;
        loop {
            r2 += 1.0;
            c2 *= x / r2;
            ans2 += c2;

            if c2 / ans2 <= eps {
                break;
            }
        }
        return Ok(ax.exp() * ans2 / a);
    }

    let mut y = 1.0 - a;
    let mut z = x + y + 1.0;
    let mut c = 0;

    let mut p3 = 1.0;
    let mut q3 = x;
    let mut p2 = x + 1.0;
    let mut q2 = z * x;
    let mut ans = p2 / q2;

    loop {
        y += 1.0;
        z += 2.0;
        c += 1;
        let yc = y * f64::from(c);

        let p = p2 * z - p3 * yc;
        let q = q2 * z - q3 * yc;

        p3 = p2;
        p2 = p;
        q3 = q2;
        q2 = q;

        if p.abs() > big {
            p3 *= big_inv;
            p2 *= big_inv;
            q3 *= big_inv;
            q2 *= big_inv;
        }

        if q != 0.0 {
            let nextans = p / q;
            let error = ((ans - nextans) / nextans).abs();
            ans = nextans;

            if error <= eps {
                break;
            }
        }
    }
    Ok(1.0 - ax.exp() * ans)
}
}

// Source: statrs-dev/statrs: src/function/gamma.rs, fn gamma_lr (with the helpers it calls: checked_gamma_lr, ln_gamma)
#[rustfmt::skip]
pub mod gamma_lr_117 {
use autodiff_core::differentiate;
// The crate's `crate::consts`, as written in src/consts.rs:
#[allow(dead_code)] // the constants this function does not use
mod consts {
    pub const SQRT_2PI: f64 = 2.5066282746310005024157652848110452530069867406099;
    pub const LN_PI: f64 = 1.1447298858494001741434273513530587116472948129153;
    pub const LN_SQRT_2PI: f64 = 0.91893853320467274178032973640561763986139747363778;
    pub const LN_SQRT_2PIE: f64 = 1.4189385332046727417803297364056176398613974736378;
    pub const LN_2_SQRT_E_OVER_PI: f64 = 0.6207822376352452223455184457816472122518527279025978;
    pub const TWO_SQRT_E_OVER_PI: f64 = 1.8603827342052657173362492472666631120594218414085755;
    pub const EULER_MASCHERONI: f64 =
        0.5772156649015328606065120900824024310421593359399235988057672348849;
}
// The crate's `crate::prec`, whose `ulps_eq!` is the `approx` crate's (the one macro used here):
mod prec {
    pub(crate) use approx::ulps_eq;
}
use core::f64::consts as f64_consts;
use num_traits::Float as _;
const GAMMA_R: f64 = 10.900511;
const GAMMA_DK: &[f64] = &[
    2.48574089138753565546e-5,
    1.05142378581721974210,
    -3.45687097222016235469,
    4.51227709466894823700,
    -2.98285225323576655721,
    1.05639711577126713077,
    -1.95428773191645869583e-1,
    1.70970543404441224307e-2,
    -5.71926117404305781283e-4,
    4.63399473359905636708e-6,
    -2.71994908488607703910e-9,
];

#[derive(Copy, Clone, PartialEq, Eq, Debug, Hash)]
#[non_exhaustive]
pub enum GammaFuncError {
    /// `a` is infinite, zero or less than zero.
    AInvalid,

    /// `x` is infinite, zero or less than zero.
    XInvalid,
}

impl core::fmt::Display for GammaFuncError {
    fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        match self {
            GammaFuncError::AInvalid => write!(f, "a is infinite, zero or less than zero"),
            GammaFuncError::XInvalid => write!(f, "x is infinite, zero or less than zero"),
        }
    }
}

impl core::error::Error for GammaFuncError {}

#[differentiate]
pub fn gamma_lr(a: f64, x: f64) -> f64 {
    checked_gamma_lr(a, x).unwrap()
}

#[differentiate]
pub fn checked_gamma_lr(a: f64, x: f64) -> Result<f64, GammaFuncError> {
    if a.is_nan() || x.is_nan() {
        return Ok(f64::NAN);
    }
    if a <= 0.0 || a == f64::INFINITY {
        return Err(GammaFuncError::AInvalid);
    }
    if x <= 0.0 || x == f64::INFINITY {
        return Err(GammaFuncError::XInvalid);
    }

    let eps = 0.000000000000001;
    let big = 4503599627370496.0;
    let big_inv = 2.22044604925031308085e-16;

    if prec::ulps_eq!(a, 0.0, epsilon = 0.0) {
        return Ok(1.0);
    }
    if prec::ulps_eq!(x, 0.0, epsilon = 0.0) {
        return Ok(0.0);
    }

    let ax = a * x.ln() - x - ln_gamma(a);
    if ax < -709.78271289338399 {
        if a < x {
            return Ok(1.0);
        }
        return Ok(0.0);
    }
    if x <= 1.0 || x <= a {
        let mut r2 = a;
        let mut c2 = 1.0;
        let mut ans2 = 1.0;
        loop {
            r2 += 1.0;
            c2 *= x / r2;
            ans2 += c2;

            if c2 / ans2 <= eps {
                break;
            }
        }
        return Ok(ax.exp() * ans2 / a);
    }

    let mut y = 1.0 - a;
    let mut z = x + y + 1.0;
    let mut c = 0;

    let mut p3 = 1.0;
    let mut q3 = x;
    let mut p2 = x + 1.0;
    let mut q2 = z * x;
    let mut ans = p2 / q2;

    loop {
        y += 1.0;
        z += 2.0;
        c += 1;
        let yc = y * f64::from(c);

        let p = p2 * z - p3 * yc;
        let q = q2 * z - q3 * yc;

        p3 = p2;
        p2 = p;
        q3 = q2;
        q2 = q;

        if p.abs() > big {
            p3 *= big_inv;
            p2 *= big_inv;
            q3 *= big_inv;
            q2 *= big_inv;
        }

        if q != 0.0 {
            let nextans = p / q;
            let error = ((ans - nextans) / nextans).abs();
            ans = nextans;

            if error <= eps {
                break;
            }
        }
    }
    Ok(1.0 - ax.exp() * ans)
}

#[differentiate]
pub fn ln_gamma(x: f64) -> f64 {
    if x < 0.5 {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (t.0 as f64 - x));

        consts::LN_PI
            - (f64_consts::PI * x).sin().ln()
            - s.ln()
            - consts::LN_2_SQRT_E_OVER_PI
            - (0.5 - x) * ((0.5 - x + GAMMA_R) / f64_consts::E).ln()
    } else {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (x + t.0 as f64 - 1.0));

        s.ln()
            + consts::LN_2_SQRT_E_OVER_PI
            + (x - 0.5) * ((x - 0.5 + GAMMA_R) / f64_consts::E).ln()
    }
}
}

// Source: statrs-dev/statrs: src/function/gamma.rs, fn digamma
#[rustfmt::skip]
pub mod digamma_119 {
use autodiff_core::differentiate;
use core::f64::consts as f64_consts;
use num_traits::Float as _;

#[differentiate]
pub fn digamma(x: f64) -> f64 {
    let c = 12.0;
    let d1 = -0.57721566490153286;
    let d2 = 1.6449340668482264365;
    let s = 1e-6;
    let s3 = 1.0 / 12.0;
    let s4 = 1.0 / 120.0;
    let s5 = 1.0 / 252.0;
    let s6 = 1.0 / 240.0;
    let s7 = 1.0 / 132.0;

    if x == f64::NEG_INFINITY || x.is_nan() {
        return f64::NAN;
    }
    if x <= 0.0 && x.floor() == x {
        return f64::NEG_INFINITY;
    }
    if x < 0.0 {
        return digamma(1.0 - x) + f64_consts::PI / (-f64_consts::PI * x).tan();
    }
    if x <= s {
        return d1 - 1.0 / x + d2 * x;
    }

    let mut result = 0.0;
    let mut z = x;
    while z < c {
        result -= 1.0 / z;
        z += 1.0;
    }

    if z >= c {
        let mut r = 1.0 / z;
        result += z.ln() - 0.5 * r;
        r *= r;

        result -= r * (s3 - r * (s4 - r * (s5 - r * (s6 - r * s7))));
    }
    result
}
}

// Source: statrs-dev/statrs: src/function/gamma.rs, fn inv_digamma (with the helpers it calls: digamma, signum)
#[rustfmt::skip]
pub mod inv_digamma_120 {
use autodiff_core::differentiate;
use core::f64::consts as f64_consts;
use num_traits::Float as _;

#[differentiate]
pub fn inv_digamma(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x == f64::NEG_INFINITY {
        return 0.0;
    }
    if x == f64::INFINITY {
        return f64::INFINITY;
    }
    let mut y = x.exp();
    let mut i = 1.0;
    while i > 1e-15 {
        y += i * signum(x - digamma(y));
        i /= 2.0;
    }
    y
}

#[differentiate]
pub fn digamma(x: f64) -> f64 {
    let c = 12.0;
    let d1 = -0.57721566490153286;
    let d2 = 1.6449340668482264365;
    let s = 1e-6;
    let s3 = 1.0 / 12.0;
    let s4 = 1.0 / 120.0;
    let s5 = 1.0 / 252.0;
    let s6 = 1.0 / 240.0;
    let s7 = 1.0 / 132.0;

    if x == f64::NEG_INFINITY || x.is_nan() {
        return f64::NAN;
    }
    if x <= 0.0 && x.floor() == x {
        return f64::NEG_INFINITY;
    }
    if x < 0.0 {
        return digamma(1.0 - x) + f64_consts::PI / (-f64_consts::PI * x).tan();
    }
    if x <= s {
        return d1 - 1.0 / x + d2 * x;
    }

    let mut result = 0.0;
    let mut z = x;
    while z < c {
        result -= 1.0 / z;
        z += 1.0;
    }

    if z >= c {
        let mut r = 1.0 / z;
        result += z.ln() - 0.5 * r;
        r *= r;

        result -= r * (s3 - r * (s4 - r * (s5 - r * (s6 - r * s7))));
    }
    result
}

#[differentiate]
fn signum(x: f64) -> f64 {
    if x == 0.0 { 0.0 } else { x.signum() }
}
}

// Source: statrs-dev/statrs: src/function/gamma.rs, fn signum
#[rustfmt::skip]
pub mod signum_121 {
use autodiff_core::differentiate;
use num_traits::Float as _;

#[differentiate]
fn signum(x: f64) -> f64 {
    if x == 0.0 { 0.0 } else { x.signum() }

}

    // The function is private to its file, so its check is a child of its module.
    #[cfg(test)]
    mod check {
        use super::*;

        #[test]
        fn signum_121() {
            for x in [0.7, -1.3] {
                let (y, g) = signum_grad(x);
                assert_eq!(y, signum(x));
                crate::assert_gradient(|v| signum(v[0]), &[x], &[g]);
            }
        }
    }
}

// Source: rust-pgrn/neural_network_tutorial: src/activation.rs, fn activation_function
#[rustfmt::skip]
pub mod activation_function_122 {
use autodiff_core::differentiate;
use std::cmp::max_by;

#[differentiate]
pub fn activation_function(f: f64) -> f64 {
    use std::f64::consts::E;
    1.0 / (1.0 + E.powf(-f))
    //if f > 0.0 {
    //f
    //} else {
    //0.0
    //}
}
}

// Source: DanielLacina/nlp_from_scratch: src/utils.rs, fn sigmoid_diff (with the helpers it calls: sigmoid)
#[rustfmt::skip]
pub mod sigmoid_diff_123 {
use autodiff_core::differentiate;

#[differentiate]
pub fn sigmoid_diff(x: f32) -> f32 {
    sigmoid(x) * (1 as f32 - sigmoid(x))
}

#[differentiate]
pub fn sigmoid(x: f32) -> f32 {
    1.0/ (1.0 + (-x).exp())
}
}

// Source: DanielLacina/nlp_from_scratch: src/utils.rs, fn sigmoid
#[rustfmt::skip]
pub mod sigmoid_124 {
use autodiff_core::differentiate;

#[differentiate]
pub fn sigmoid(x: f32) -> f32 {
    1.0/ (1.0 + (-x).exp())
}
}

// Source: DanielLacina/nlp_from_scratch: src/utils.rs, fn relu_diff
#[rustfmt::skip]
pub mod relu_diff_125 {
use autodiff_core::differentiate;

#[differentiate]
pub fn relu_diff(x: f32) -> f32 {
    if x > 0.0 {
        1.0
    } else {
        0.0
    }
}
}

// Source: DanielLacina/nlp_from_scratch: src/utils.rs, fn relu
#[rustfmt::skip]
pub mod relu_126 {
use autodiff_core::differentiate;

#[differentiate]
pub fn relu(x: f32) -> f32 {
    x.max(0.0) 
}
}

// Source: DanielLacina/nlp_from_scratch: src/utils.rs, fn squared_error
#[rustfmt::skip]
pub mod squared_error_127 {
use autodiff_core::differentiate;

#[differentiate]
pub fn squared_error(observed: f32, expected: f32) -> f32{
    return (expected - observed).powf(2.0)
}
}

// Source: DanielLacina/nlp_from_scratch: src/utils.rs, fn squared_error_diff
#[rustfmt::skip]
pub mod squared_error_diff_128 {
use autodiff_core::differentiate;

#[differentiate]
pub fn squared_error_diff(observed: f32, expected: f32) -> f32{
    return -2.0 * (expected - observed)
}
}

// Source: Hosi121/rustDeepLearning: deepLearning/src/activation_functions.rs, fn sigmoid
#[rustfmt::skip]
pub mod sigmoid_129 {
use autodiff_core::differentiate;

#[differentiate]
pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}
}

// Source: Hosi121/rustDeepLearning: deepLearning/src/activation_functions.rs, fn tanh
#[rustfmt::skip]
pub mod tanh_130 {
use autodiff_core::differentiate;

#[differentiate]
pub fn tanh(x: f64) -> f64 {
    x.tanh()
}
}

// Source: Hosi121/rustDeepLearning: deepLearning/src/activation_functions.rs, fn relu
#[rustfmt::skip]
pub mod relu_131 {
use autodiff_core::differentiate;

#[differentiate]
pub fn relu(x: f64) -> f64 {
    if x > 0.0 {
        x
    } else {
        0.0
    }
}
}

// Source: hugues31/newron: src/activation.rs, fn relu_activation
#[rustfmt::skip]
pub mod relu_activation_132 {
use autodiff_core::differentiate;

#[differentiate]
pub fn relu_activation(x: f64) -> f64 {
    if x < 0.0 {
        0.0
    } else {
        x
    }
}
}

// Source: hugues31/newron: src/activation.rs, fn relu_deriv
#[rustfmt::skip]
pub mod relu_deriv_133 {
use autodiff_core::differentiate;

#[differentiate]
pub fn relu_deriv(x: f64) -> f64 {
    if x < 0.0 {
        0.0
    } else {
        1.0
    }
}
}

// Source: hugues31/newron: src/activation.rs, fn sigmoid_activation
#[rustfmt::skip]
pub mod sigmoid_activation_134 {
use autodiff_core::differentiate;

#[differentiate]
pub fn sigmoid_activation(x: f64) -> f64 {
    1. / (1. + (-x).exp())
}
}

// Source: hugues31/newron: src/activation.rs, fn sigmoid_deriv (with the helpers it calls: sigmoid_activation)
#[rustfmt::skip]
pub mod sigmoid_deriv_135 {
use autodiff_core::differentiate;

#[differentiate]
pub fn sigmoid_deriv(x: f64) -> f64 {
    sigmoid_activation(x) * (1. - sigmoid_activation(x))
}

#[differentiate]
pub fn sigmoid_activation(x: f64) -> f64 {
    1. / (1. + (-x).exp())
}
}

// Source: hugues31/newron: src/activation.rs, fn tanh_activation
#[rustfmt::skip]
pub mod tanh_activation_136 {
use autodiff_core::differentiate;

#[differentiate]
pub fn tanh_activation(x: f64) -> f64 {
    (2.0 / (1.0 + (-2.0 * x).exp())) - 1.0
}
}

// Source: hugues31/newron: src/activation.rs, fn tanh_deriv (with the helpers it calls: tanh_activation)
#[rustfmt::skip]
pub mod tanh_deriv_137 {
use autodiff_core::differentiate;

#[differentiate]
pub fn tanh_deriv(x: f64) -> f64 {
    1.0 - tanh_activation(x).powi(2)
}

#[differentiate]
pub fn tanh_activation(x: f64) -> f64 {
    (2.0 / (1.0 + (-2.0 * x).exp())) - 1.0
}
}

// Source: caltechmsc/screampp: crates/scream-core/src/core/forcefield/potentials.rs, fn lennard_jones_12_6
#[rustfmt::skip]
pub mod lennard_jones_12_6_138 {
use autodiff_core::differentiate;
use std::f64::consts::PI;

#[differentiate]
#[inline]
pub fn lennard_jones_12_6(dist: f64, r_min: f64, well_depth: f64) -> f64 {
    if dist < 1e-6 {
        return 1e10; // Return a large positive energy for clashes
    }
    let rho = r_min / dist;
    let rho6 = rho.powi(6);
    let rho12 = rho6 * rho6;
    well_depth * (rho12 - 2.0 * rho6)
}
}

// Source: caltechmsc/screampp: crates/scream-core/src/core/forcefield/potentials.rs, fn buckingham_exp_6
#[rustfmt::skip]
pub mod buckingham_exp_6_139 {
use autodiff_core::differentiate;
use std::f64::consts::PI;

#[differentiate]
#[inline]
pub fn buckingham_exp_6(dist: f64, r_min: f64, well_depth: f64, gamma: f64) -> f64 {
    if dist < 1e-6 {
        return 1e10;
    }
    let rho = dist / r_min;

    if rho < 0.1 {
        return 1e10; // Prevent numerical issues for very small distances
    }

    let factor = gamma / (gamma - 6.0);
    well_depth * (6.0 / (gamma - 6.0) * (gamma * (1.0 - rho)).exp() - factor * rho.powi(-6))
}
}

// Source: caltechmsc/screampp: crates/scream-core/src/core/forcefield/potentials.rs, fn coulomb
#[rustfmt::skip]
pub mod coulomb_140 {
use autodiff_core::differentiate;
use std::f64::consts::PI;
const COULOMB_CONSTANT: f64 = 332.0637;

#[differentiate]
#[inline]
pub fn coulomb(dist: f64, q1: f64, q2: f64, dielectric: f64) -> f64 {
    if dist < 1e-6 {
        return q1.signum() * q2.signum() * 1e10; // Return a large energy of the correct sign
    }
    COULOMB_CONSTANT * q1 * q2 / (dielectric * dist)
}
}

// Source: kevindadi/RustPTA: example/thousands_code/src/machine_learning/loss_function/mean_squared_error_loss.rs, fn mse_loss
#[rustfmt::skip]
pub mod mse_loss_146 {
use autodiff_core::differentiate;

#[differentiate]
pub fn mse_loss(predicted: &[f64], actual: &[f64]) -> f64 {
    let mut total_loss: f64 = 0.0;
    for (p, a) in predicted.iter().zip(actual.iter()) {
        let diff: f64 = p - a;
        total_loss += diff * diff;
    }
    total_loss / (predicted.len() as f64)
}
}

// Source: kevindadi/RustPTA: example/thousands_code/src/machine_learning/loss_function/average_margin_ranking_loss.rs, fn average_margin_ranking_loss (with the helper it calls: check_input, whose output is not numeric, and the error enum)
#[rustfmt::skip]
pub mod average_margin_ranking_loss_147 {
use autodiff_core::differentiate;

#[differentiate]
pub fn average_margin_ranking_loss(
    x_first: &[f64],
    x_second: &[f64],
    margin: f64,
    y_true: f64,
) -> Result<f64, MarginalRankingLossError> {
    check_input(x_first, x_second, margin, y_true)?;

    let total_loss: f64 = x_first
        .iter()
        .zip(x_second.iter())
        .map(|(f, s)| (margin - y_true * (f - s)).max(0.0))
        .sum();
    Ok(total_loss / (x_first.len() as f64))
}

fn check_input(
    x_first: &[f64],
    x_second: &[f64],
    margin: f64,
    y_true: f64,
) -> Result<(), MarginalRankingLossError> {
    if x_first.len() != x_second.len() {
        return Err(MarginalRankingLossError::InputsHaveDifferentLength);
    }
    if x_first.is_empty() {
        return Err(MarginalRankingLossError::EmptyInputs);
    }
    if margin < 0.0 {
        return Err(MarginalRankingLossError::NegativeMargin);
    }
    if y_true != 1.0 && y_true != -1.0 {
        return Err(MarginalRankingLossError::InvalidValues);
    }

    Ok(())
}

#[derive(Debug, PartialEq, Eq)]
pub enum MarginalRankingLossError {
    InputsHaveDifferentLength,
    EmptyInputs,
    InvalidValues,
    NegativeMargin,
}
}

// Source: kevindadi/RustPTA: example/thousands_code/src/machine_learning/loss_function/hinge_loss.rs, fn hng_loss
#[rustfmt::skip]
pub mod hng_loss_148 {
use autodiff_core::differentiate;

#[differentiate]
pub fn hng_loss(y_true: &[f64], y_pred: &[f64]) -> f64 {
    let mut total_loss: f64 = 0.0;
    for (p, a) in y_pred.iter().zip(y_true.iter()) {
        let loss = (1.0 - a * p).max(0.0);
        total_loss += loss;
    }
    total_loss / (y_pred.len() as f64)
}
}

// Source: kevindadi/RustPTA: example/thousands_code/src/machine_learning/loss_function/huber_loss.rs, fn huber_loss
#[rustfmt::skip]
pub mod huber_loss_149 {
use autodiff_core::differentiate;

#[differentiate]
pub fn huber_loss(y_true: &[f64], y_pred: &[f64], delta: f64) -> Option<f64> {
    if y_true.len() != y_pred.len() || y_pred.is_empty() {
        return None;
    }

    let loss: f64 = y_true
        .iter()
        .zip(y_pred.iter())
        .map(|(&true_val, &pred_val)| {
            let residual = (true_val - pred_val).abs();
            match residual {
                r if r <= delta => 0.5 * r.powi(2),
                _ => delta * residual - 0.5 * delta.powi(2),
            }
        })
        .sum();

    Some(loss / (y_pred.len() as f64))
}
}

// Source: kevindadi/RustPTA: example/thousands_code/src/machine_learning/loss_function/kl_divergence_loss.rs, fn kld_loss
#[rustfmt::skip]
pub mod kld_loss_150 {
use autodiff_core::differentiate;

#[differentiate]
pub fn kld_loss(actual: &[f64], predicted: &[f64]) -> f64 {
    
    let eps = 0.00001f64;
    let loss: f64 = actual
        .iter()
        .zip(predicted.iter())
        .map(|(&a, &p)| ((a + eps) * ((a + eps) / (p + eps)).ln()))
        .sum();
    loss
}
}

// Source: kevindadi/RustPTA: example/thousands_code/src/machine_learning/loss_function/mean_absolute_error_loss.rs, fn mae_loss
#[rustfmt::skip]
pub mod mae_loss_151 {
use autodiff_core::differentiate;

#[differentiate]
pub fn mae_loss(predicted: &[f64], actual: &[f64]) -> f64 {
    let mut total_loss: f64 = 0.0;
    for (p, a) in predicted.iter().zip(actual.iter()) {
        let diff: f64 = p - a;
        let absolute_diff = diff.abs();
        total_loss += absolute_diff;
    }
    total_loss / (predicted.len() as f64)
}
}

// Source: kevindadi/RustPTA: example/thousands_code/src/machine_learning/loss_function/negative_log_likelihood.rs, fn neg_log_likelihood (with the helper it calls: are_all_values_in_range, whose output is not numeric, and the error enum)
#[rustfmt::skip]
pub mod neg_log_likelihood_152 {
use autodiff_core::differentiate;

#[differentiate]
pub fn neg_log_likelihood(
    y_true: &[f64],
    y_pred: &[f64],
) -> Result<f64, NegativeLogLikelihoodLossError> {
    if y_true.len() != y_pred.len() {
        return Err(NegativeLogLikelihoodLossError::InputsHaveDifferentLength);
    }
    if y_pred.is_empty() {
        return Err(NegativeLogLikelihoodLossError::EmptyInputs);
    }
    if !are_all_values_in_range(y_true) || !are_all_values_in_range(y_pred) {
        return Err(NegativeLogLikelihoodLossError::InvalidValues);
    }

    let mut total_loss: f64 = 0.0;
    for (p, a) in y_pred.iter().zip(y_true.iter()) {
        let loss: f64 = -a * p.ln() - (1.0 - a) * (1.0 - p).ln();
        total_loss += loss;
    }
    Ok(total_loss / (y_pred.len() as f64))
}

#[derive(Debug, PartialEq, Eq)]
pub enum NegativeLogLikelihoodLossError {
    InputsHaveDifferentLength,
    EmptyInputs,
    InvalidValues,
}

fn are_all_values_in_range(values: &[f64]) -> bool {
    values.iter().all(|&x| (0.0..=1.0).contains(&x))
}
}

// Source: naatebarber/jeanjacket: manifold/src/arch/f/loss.rs, fn mean_squared_error
#[rustfmt::skip]
pub mod mean_squared_error_153 {
use autodiff_core::differentiate;

#[differentiate]
pub fn mean_squared_error(pred: &[f64], actual: &[f64]) -> f64 {
    let diff = actual
        .iter()
        .enumerate()
        .map(|(i, e)| (e - pred[i]).powi(2))
        .collect::<Vec<f64>>();

    let loss = diff.into_iter().fold(0. as f64, |a, e| a + e) / pred.len() as f64;
    // println!("LOSS {}", loss);
    loss
}
}

// Source: naatebarber/jeanjacket: manifold/src/arch/f/loss.rs, fn binary_cross_entropy
#[rustfmt::skip]
pub mod binary_cross_entropy_154 {
use autodiff_core::differentiate;

#[differentiate]
pub fn binary_cross_entropy(pred: &[f64], actual: &[f64]) -> f64 {
    let eps = 1e-9;

    let loss: f64 = actual
        .iter()
        .zip(pred.iter())
        .map(|(&y, &y_hat)| {
            let y_hat_clipped = y_hat.max(eps).min(1.0 - eps);
            if y == 1.0 {
                -y * y_hat_clipped.ln()
            } else {
                -(1.0 - y) * (1.0 - y_hat_clipped).ln()
            }
        })
        .sum();

    loss / actual.len() as f64
}
}

// Source: haradama/reservoir-rs: crates/eval/src/lib.rs, fn mse
#[rustfmt::skip]
pub mod mse_155 {
use autodiff_core::differentiate;

#[differentiate]
pub fn mse(y_true: &[f32], y_pred: &[f32]) -> f32 {
    y_true
        .iter()
        .zip(y_pred)
        .map(|(t, p)| (t - p).powi(2))
        .sum::<f32>()
        / y_true.len() as f32
}
}

// Source: haradama/reservoir-rs: crates/eval/src/lib.rs, fn nrmse (with the helpers it calls: mse)
#[rustfmt::skip]
pub mod nrmse_156 {
use autodiff_core::differentiate;

#[differentiate]
pub fn nrmse(y_true: &[f32], y_pred: &[f32]) -> f32 {
    let rmse = mse(y_true, y_pred).sqrt();
    let range = y_true.iter().fold(f32::MIN, |a, &b| a.max(b))
        - y_true.iter().fold(f32::MAX, |a, &b| a.min(b));
    rmse / range
}

#[differentiate]
pub fn mse(y_true: &[f32], y_pred: &[f32]) -> f32 {
    y_true
        .iter()
        .zip(y_pred)
        .map(|(t, p)| (t - p).powi(2))
        .sum::<f32>()
        / y_true.len() as f32
}
}

// Source: haradama/reservoir-rs: crates/eval/src/lib.rs, fn rmse (with the helpers it calls: mse)
#[rustfmt::skip]
pub mod rmse_157 {
use autodiff_core::differentiate;

#[differentiate]
pub fn rmse(y_true: &[f32], y_pred: &[f32]) -> f32 {
    mse(y_true, y_pred).sqrt()
}

#[differentiate]
pub fn mse(y_true: &[f32], y_pred: &[f32]) -> f32 {
    y_true
        .iter()
        .zip(y_pred)
        .map(|(t, p)| (t - p).powi(2))
        .sum::<f32>()
        / y_true.len() as f32
}
}

// Source: haradama/reservoir-rs: crates/eval/src/lib.rs, fn rsquare
#[rustfmt::skip]
pub mod rsquare_158 {
use autodiff_core::differentiate;

#[differentiate]
pub fn rsquare(y_true: &[f32], y_pred: &[f32]) -> f32 {
    let mean = y_true.iter().copied().sum::<f32>() / y_true.len() as f32;
    let ss_tot: f32 = y_true.iter().map(|v| (v - mean).powi(2)).sum();
    let ss_res: f32 = y_true.iter().zip(y_pred).map(|(t, p)| (t - p).powi(2)).sum();
    1.0 - ss_res / ss_tot
}
}

// Source: kevindadi/RustPTA: example/thousands_code/src/machine_learning/cholesky.rs, fn cholesky
#[rustfmt::skip]
pub mod cholesky_159 {
use autodiff_core::differentiate;

#[differentiate]
pub fn cholesky(mat: Vec<f64>, n: usize) -> Vec<f64> {
    if (mat.is_empty()) || (n == 0) {
        return vec![];
    }
    let mut res = vec![0.0; mat.len()];
    for i in 0..n {
        for j in 0..(i + 1) {
            let mut s = 0.0;
            for k in 0..j {
                s += res[i * n + k] * res[j * n + k];
            }
            let value = if i == j {
                let diag_value = mat[i * n + i] - s;
                if diag_value.is_nan() {
                    0.0
                } else {
                    diag_value.sqrt()
                }
            } else {
                let off_diag_value = 1.0 / res[j * n + j] * (mat[i * n + j] - s);
                if off_diag_value.is_nan() {
                    0.0
                } else {
                    off_diag_value
                }
            };
            res[i * n + j] = value;
        }
    }
    res
}
}

// Source: kevindadi/RustPTA: example/thousands_code/src/machine_learning/logistic_regression.rs, fn derivative
#[rustfmt::skip]
pub mod derivative_162 {
use autodiff_core::differentiate;
use std::f64::consts::E;

#[differentiate]
fn derivative(params: &[f64], data_points: &[(Vec<f64>, f64)]) -> Vec<f64> {
    let num_features = params.len();
    let mut gradients = vec![0.0; num_features];

    for (features, y_i) in data_points {
        let z = params[0]
            + params[1..]
                .iter()
                .zip(features)
                .map(|(p, x)| p * x)
                .sum::<f64>();
        let prediction = 1.0 / (1.0 + E.powf(-z));

        gradients[0] += prediction - y_i;
        for (i, x_i) in features.iter().enumerate() {
            gradients[i + 1] += (prediction - y_i) * x_i;
        }
    }

    gradients
}

    // The function is private to its file, so its check is a child of its module.
    #[cfg(test)]
    mod check {
        use super::*;

        /// The gradient of the logistic loss, `Σ_i (σ(z_i) - y_i) [1, x_i]` with
        /// `z_i = params[0] + params[1..] · x_i`, written out here.
        fn logistic_gradient(params: &[f64], data: &[(Vec<f64>, f64)]) -> Vec<f64> {
            let mut g = vec![0.0; params.len()];
            for (x, y) in data {
                let z = params[0] + (0..x.len()).map(|k| params[k + 1] * x[k]).sum::<f64>();
                let r = 1.0 / (1.0 + (-z).exp()) - y;
                g[0] += r;
                for k in 0..x.len() {
                    g[k + 1] += r * x[k];
                }
            }
            g
        }

        /// Its Jacobian, the logistic loss's Hessian `Σ_i σ(z_i) (1 - σ(z_i)) u_i u_iᵀ`
        /// with `u_i = [1, x_i]`.
        fn logistic_hessian(params: &[f64], data: &[(Vec<f64>, f64)]) -> Vec<Vec<f64>> {
            let n = params.len();
            let mut h = vec![vec![0.0; n]; n];
            for (x, _) in data {
                let u: Vec<f64> = [&[1.0][..], &x[..]].concat();
                let z: f64 = params.iter().zip(&u).map(|(p, u)| p * u).sum();
                let s = 1.0 / (1.0 + (-z).exp());
                for j in 0..n {
                    for k in 0..n {
                        h[j][k] += s * (1.0 - s) * u[j] * u[k];
                    }
                }
            }
            h
        }

        #[test]
        fn derivative_162() {
            let data = vec![
                (vec![0.5, -1.2], 1.0),
                (vec![-0.3, 0.8], 0.0),
                (vec![1.4, 0.1], 1.0),
                (vec![-0.9, -0.6], 0.0),
            ];
            let (t, w) = ([0.6, -0.25, 1.1], [-0.8, 0.35, 1.4]);
            for params in [[0.3, -1.1, 2.4], [-0.7, 0.45, -0.2]] {
                let (d, j) = derivative_jacobian(&params, &data);
                assert_eq!(d, derivative(&params, &data));
                crate::assert_close_all(&d, &logistic_gradient(&params, &data), "the gradient");
                crate::assert_jacobian(|v| derivative(v, &data), &params, &j);
                crate::assert_close_all(
                    &j.concat(),
                    &logistic_hessian(&params, &data).concat(),
                    "the Hessian",
                );
                let ((d_t, jt), (d_w, wj)) =
                    (derivative_jvp(&params, &data, &t), derivative_vjp(&params, &data, &w));
                assert_eq!((&d_t, &d_w), (&d, &d));
                crate::assert_jvp_vjp(&j, &t, &jt, &w, &wj);
            }
        }
    }
}

// Source: eachampagne/Quantum-Solver: src/potentials.rs, fn squ_well_v
#[rustfmt::skip]
pub mod squ_well_v_165 {
use autodiff_core::differentiate;

#[differentiate]
pub fn squ_well_v(x:f64) -> f64 {
    if f64::abs(x) < 1.0 {
        0.0
    } else {
        f64::MAX 
    }
}
}

// Source: eachampagne/Quantum-Solver: src/potentials.rs, fn lin_v
#[rustfmt::skip]
pub mod lin_v_166 {
use autodiff_core::differentiate;

#[differentiate]
pub fn lin_v(x:f64) -> f64 {
    let alpha:f64 = 1.0; //in eV per angstrom
    alpha * f64::abs(x)
}
}

// Source: eachampagne/Quantum-Solver: src/potentials.rs, fn lin_half_v
#[rustfmt::skip]
pub mod lin_half_v_167 {
use autodiff_core::differentiate;

#[differentiate]
pub fn lin_half_v(x:f64) -> f64 {
    let alpha:f64 = 1.0; //in eV per angstrom
    if x > 0.0 {
        alpha * x
    } else {
        f64::MAX
    }
}
}

// Source: eachampagne/Quantum-Solver: src/potentials.rs, fn quad_v
#[rustfmt::skip]
pub mod quad_v_168 {
use autodiff_core::differentiate;

#[differentiate]
pub fn quad_v(x:f64) -> f64 {
    let alpha:f64 = 3.0; //in eV per angstrom^2
    alpha * x * x
}
}

// Source: eachampagne/Quantum-Solver: src/potentials.rs, fn quad_half_v
#[rustfmt::skip]
pub mod quad_half_v_169 {
use autodiff_core::differentiate;

#[differentiate]
pub fn quad_half_v(x:f64) -> f64 {
    let alpha:f64 = 3.0; //in eV per angstrom^2
    if x > 0.0 {
        alpha * x * x
    } else {
        f64::MAX
    }
}
}

// Source: eachampagne/Quantum-Solver: src/potentials.rs, fn cub_v
#[rustfmt::skip]
pub mod cub_v_170 {
use autodiff_core::differentiate;

#[differentiate]
pub fn cub_v(x:f64) -> f64 {
    let alpha:f64 = 5.0; //in eV per angstrom^3
    alpha * f64::abs(x) * x * x
}
}

// Source: eachampagne/Quantum-Solver: src/potentials.rs, fn cub_half_v
#[rustfmt::skip]
pub mod cub_half_v_171 {
use autodiff_core::differentiate;

#[differentiate]
pub fn cub_half_v(x:f64) -> f64 {
    let alpha:f64 = 5.0; //in eV per angstrom^3
    if x > 0.0 {
        alpha * x * x * x
    } else {
        f64::MAX
    }
}
}

// Source: eachampagne/Quantum-Solver: src/potentials.rs, fn quart_v
#[rustfmt::skip]
pub mod quart_v_172 {
use autodiff_core::differentiate;

#[differentiate]
pub fn quart_v(x:f64) -> f64 {
    let alpha:f64 = 5.0; //in eV per angstrom^4
    alpha * x * x * x * x
}
}

// Source: eachampagne/Quantum-Solver: src/potentials.rs, fn quart_half_v
#[rustfmt::skip]
pub mod quart_half_v_173 {
use autodiff_core::differentiate;

#[differentiate]
pub fn quart_half_v(x:f64) -> f64 {
    let alpha:f64 = 5.0; //in eV per angstrom^4
    if x > 0.0 {
        alpha * x * x * x * x
    } else {
        f64::MAX
    }
}
}

/// The source's own hand-written derivatives whose functions are not in a module above
/// (the macro refuses them; `bukin_n6_derivative`, `bukin_n6_hessian` and
/// `holder_table_derivative` have a NaN `f_vjp` at their guarded points, see `CORPUS.md`;
/// for `picheny_hessian`, rustc overflows its stack on the generated code), copied as
/// written, without `#[differentiate]`.
mod source_derivatives {
    // Source: argmin-rs/argmin: crates/argmin-testfunctions/src/picheny.rs, fn picheny_hessian
    #[rustfmt::skip]
    pub mod picheny_hessian_054 {
    use num_traits::{Float, FromPrimitive};

    pub fn picheny_hessian<T>(param: &[T; 2]) -> [[T; 2]; 2]
    where
        T: Float + FromPrimitive,
    {
        // oh dear...
        let n2 = T::from_f64(2.0).unwrap();
        let n3 = T::from_f64(3.0).unwrap();
        let n4 = T::from_f64(4.0).unwrap();
        let n5 = T::from_f64(5.0).unwrap();
        let n6 = T::from_f64(6.0).unwrap();
        let n10 = T::from_f64(10.0).unwrap();
        let n11 = T::from_f64(11.0).unwrap();
        let n96 = T::from_f64(96.0).unwrap();
        let n144 = T::from_f64(144.0).unwrap();
        let n192 = T::from_f64(192.0).unwrap();
        let n277 = T::from_f64(277.0).unwrap();
        let n432 = T::from_f64(432.0).unwrap();
        let n576 = T::from_f64(576.0).unwrap();
        let n768 = T::from_f64(768.0).unwrap();
        let n864 = T::from_f64(864.0).unwrap();
        let n896 = T::from_f64(896.0).unwrap();
        let n1080 = T::from_f64(1080.0).unwrap();
        let n1152 = T::from_f64(1152.0).unwrap();
        let n1167 = T::from_f64(1167.0).unwrap();
        let n1512 = T::from_f64(1512.0).unwrap();
        let n1603 = T::from_f64(1603.0).unwrap();
        let n2048 = T::from_f64(2048.0).unwrap();
        let n2304 = T::from_f64(2304.0).unwrap();
        let n2688 = T::from_f64(2688.0).unwrap();
        let n3024 = T::from_f64(3024.0).unwrap();
        let n5376 = T::from_f64(5376.0).unwrap();
        let n5594 = T::from_f64(5594.0).unwrap();
        let n5874 = T::from_f64(5874.0).unwrap();
        let n6144 = T::from_f64(6144.0).unwrap();
        let n6912 = T::from_f64(6912.0).unwrap();
        let n9216 = T::from_f64(9216.0).unwrap();
        let n13824 = T::from_f64(13824.0).unwrap();
        let n20736 = T::from_f64(20736.0).unwrap();
        let n21546 = T::from_f64(21546.0).unwrap();
        let n24576 = T::from_f64(24576.0).unwrap();
        let n27648 = T::from_f64(27648.0).unwrap();
        let n31104 = T::from_f64(31104.0).unwrap();
        let n36864 = T::from_f64(36864.0).unwrap();
        let n77456 = T::from_f64(77456.0).unwrap();
        let n82944 = T::from_f64(82944.0).unwrap();
        let n85088 = T::from_f64(85088.0).unwrap();
        let n98304 = T::from_f64(98304.0).unwrap();
        let n118688 = T::from_f64(118688.0).unwrap();
        let n124416 = T::from_f64(124416.0).unwrap();
        let n127904 = T::from_f64(127904.0).unwrap();
        let n155024 = T::from_f64(155024.0).unwrap();
        let n163936 = T::from_f64(163936.0).unwrap();
        let n165888 = T::from_f64(165888.0).unwrap();
        let n248832 = T::from_f64(248832.0).unwrap();
        let n255264 = T::from_f64(255264.0).unwrap();
        let n255808 = T::from_f64(255808.0).unwrap();
        let n327872 = T::from_f64(327872.0).unwrap();
        let n331776 = T::from_f64(331776.0).unwrap();
        let n393216 = T::from_f64(393216.0).unwrap();
        let n442368 = T::from_f64(442368.0).unwrap();
        let n497664 = T::from_f64(497664.0).unwrap();
        let n516096 = T::from_f64(516096.0).unwrap();
        let n679936 = T::from_f64(679936.0).unwrap();
        let n688128 = T::from_f64(688128.0).unwrap();
        let n705280 = T::from_f64(705280.0).unwrap();
        let n995328 = T::from_f64(995328.0).unwrap();
        let n1057536 = T::from_f64(1057536.0).unwrap();
        let n1057920 = T::from_f64(1057920.0).unwrap();
        let n1136640 = T::from_f64(1136640.0).unwrap();
        let n1253376 = T::from_f64(1253376.0).unwrap();
        let n1290240 = T::from_f64(1290240.0).unwrap();
        let n1298688 = T::from_f64(1298688.0).unwrap();
        let n1327104 = T::from_f64(1327104.0).unwrap();
        let n1435136 = T::from_f64(1435136.0).unwrap();
        let n1441280 = T::from_f64(1441280.0).unwrap();
        let n1490944 = T::from_f64(1490944.0).unwrap();
        let n1515520 = T::from_f64(1515520.0).unwrap();
        let n1556736 = T::from_f64(1556736.0).unwrap();
        let n1781760 = T::from_f64(1781760.0).unwrap();
        let n1854464 = T::from_f64(1854464.0).unwrap();
        let n1880064 = T::from_f64(1880064.0).unwrap();
        let n1990656 = T::from_f64(1990656.0).unwrap();
        let n2088960 = T::from_f64(2088960.0).unwrap();
        let n2161920 = T::from_f64(2161920.0).unwrap();
        let n2322432 = T::from_f64(2322432.0).unwrap();
        let n2363520 = T::from_f64(2363520.0).unwrap();
        let n2520320 = T::from_f64(2520320.0).unwrap();
        let n2550112 = T::from_f64(2550112.0).unwrap();
        let n2580480 = T::from_f64(2580480.0).unwrap();
        let n2654208 = T::from_f64(2654208.0).unwrap();
        let n2752512 = T::from_f64(2752512.0).unwrap();
        let n2985984 = T::from_f64(2985984.0).unwrap();
        let n3113472 = T::from_f64(3113472.0).unwrap();
        let n3133440 = T::from_f64(3133440.0).unwrap();
        let n3896064 = T::from_f64(3896064.0).unwrap();
        let n4079616 = T::from_f64(4079616.0).unwrap();
        let n4231680 = T::from_f64(4231680.0).unwrap();
        let n4323840 = T::from_f64(4323840.0).unwrap();
        let n4523520 = T::from_f64(4523520.0).unwrap();
        let n4546560 = T::from_f64(4546560.0).unwrap();
        let n5040640 = T::from_f64(5040640.0).unwrap();
        let n5287680 = T::from_f64(5287680.0).unwrap();
        let n5492736 = T::from_f64(5492736.0).unwrap();
        let n5971968 = T::from_f64(5971968.0).unwrap();
        let n6266880 = T::from_f64(6266880.0).unwrap();
        let n6785280 = T::from_f64(6785280.0).unwrap();
        let n6850560 = T::from_f64(6850560.0).unwrap();
        let n7127040 = T::from_f64(7127040.0).unwrap();
        let n7175680 = T::from_f64(7175680.0).unwrap();
        let n7399680 = T::from_f64(7399680.0).unwrap();
        let n7728640 = T::from_f64(7728640.0).unwrap();
        let n8515584 = T::from_f64(8515584.0).unwrap();
        let n9089280 = T::from_f64(9089280.0).unwrap();
        let n9134080 = T::from_f64(9134080.0).unwrap();
        let n9400320 = T::from_f64(9400320.0).unwrap();
        let n9454080 = T::from_f64(9454080.0).unwrap();
        let n10081280 = T::from_f64(10081280.0).unwrap();
        let n13284864 = T::from_f64(13284864.0).unwrap();
        let n13570560 = T::from_f64(13570560.0).unwrap();
        let n13731840 = T::from_f64(13731840.0).unwrap();
        let n13934592 = T::from_f64(13934592.0).unwrap();
        let n14799360 = T::from_f64(14799360.0).unwrap();
        let n23185920 = T::from_f64(23185920.0).unwrap();
        let n27463680 = T::from_f64(27463680.0).unwrap();
        let n29598720 = T::from_f64(29598720.0).unwrap();
        let n27402240 = T::from_f64(27402240.0).unwrap();

        let factor = T::from_f64(9.88875154511743).unwrap();

        let [x_1, x_2] = *param;

        let offdiag = -(factor
            * (n768 * x_2.powi(3) + x_1 * (n2304 * x_2.powi(2) - n5376 * x_2 + n3024)
                - n2688 * x_2.powi(2)
                + x_1.powi(2) * (n2304 * x_2 - n2688)
                + n3024 * x_2
                + n768 * x_1.powi(3)
                - n1080)
            * (n331776 * x_2.powi(7) - n497664 * x_2.powi(6)
                + x_1
                    * (-n995328 * x_2.powi(6) + n5492736 * x_2.powi(5) - n7399680 * x_2.powi(4)
                        + n1441280 * x_2.powi(3)
                        + n1556736 * x_2.powi(2)
                        - n255808 * x_2
                        + n5594)
                - n1057536 * x_2.powi(5)
                + x_1.powi(2)
                    * (-n1880064 * x_2.powi(5) + n1136640 * x_2.powi(4) + n7728640 * x_2.powi(3)
                        - n6785280 * x_2.powi(2)
                        - n255264 * x_2
                        + n77456)
                + x_1.powi(3)
                    * (n1781760 * x_2.powi(4) - n9134080 * x_2.powi(3)
                        + n5040640 * x_2.powi(2)
                        + n4231680 * x_2
                        - n118688)
                + n2363520 * x_2.powi(4)
                + x_1.powi(4)
                    * (n2088960 * x_2.powi(3) + n1290240 * x_2.powi(2) - n7175680 * x_2 - n705280)
                - n1298688 * x_2.powi(3)
                + n163936 * x_2.powi(2)
                + x_1.powi(5) * (-n1327104 * x_2.powi(2) + n4079616 * x_2 + n1854464)
                + n5874 * x_2
                + x_1.powi(6) * (-n688128 * x_2 - n1490944)
                + n393216 * x_1.powi(7)
                - n1603))
            / (n10.ln()
                * (n192 * x_2.powi(4)
                    + x_1 * (n768 * x_2.powi(3) - n2688 * x_2.powi(2) + n3024 * x_2 - n1080)
                    - n896 * x_2.powi(3)
                    + x_1.powi(2) * (n1152 * x_2.powi(2) - n2688 * x_2 + n1512)
                    + n1512 * x_2.powi(2)
                    + x_1.powi(3) * (n768 * x_2 - n896)
                    - n1080 * x_2
                    + n192 * x_1.powi(4)
                    + n277)
                    .powi(2)
                * (n31104 * x_2.powi(4) - n6912 * x_2.powi(3)
                    + x_1 * (-n82944 * x_2.powi(3) + n13824 * x_2.powi(2) + n576 * x_2 - n96)
                    + x_1.powi(2) * (n82944 * x_2.powi(2) - n9216 * x_2 - n192)
                    - n432 * x_2.powi(2)
                    + n144 * x_2
                    + x_1.powi(3) * (n2048 - n36864 * x_2)
                    + n6144 * x_1.powi(4)
                    + n11))
            - (factor
                * (n124416 * x_2.powi(3) - n20736 * x_2.powi(2)
                    + x_1 * (-n248832 * x_2.powi(2) + n27648 * x_2 + n576)
                    + x_1.powi(2) * (n165888 * x_2 - n9216)
                    - n864 * x_2
                    - n36864 * x_1.powi(3)
                    + n144)
                * (n331776 * x_2.powi(7) - n497664 * x_2.powi(6)
                    + x_1
                        * (-n995328 * x_2.powi(6) + n5492736 * x_2.powi(5) - n7399680 * x_2.powi(4)
                            + n1441280 * x_2.powi(3)
                            + n1556736 * x_2.powi(2)
                            - n255808 * x_2
                            + n5594)
                    - n1057536 * x_2.powi(5)
                    + x_1.powi(2)
                        * (-n1880064 * x_2.powi(5) + n1136640 * x_2.powi(4) + n7728640 * x_2.powi(3)
                            - n6785280 * x_2.powi(2)
                            - n255264 * x_2
                            + n77456)
                    + x_1.powi(3)
                        * (n1781760 * x_2.powi(4) - n9134080 * x_2.powi(3)
                            + n5040640 * x_2.powi(2)
                            + n4231680 * x_2
                            - n118688)
                    + n2363520 * x_2.powi(4)
                    + x_1.powi(4)
                        * (n2088960 * x_2.powi(3) + n1290240 * x_2.powi(2)
                            - n7175680 * x_2
                            - n705280)
                    - n1298688 * x_2.powi(3)
                    + n163936 * x_2.powi(2)
                    + x_1.powi(5) * (-n1327104 * x_2.powi(2) + n4079616 * x_2 + n1854464)
                    + n5874 * x_2
                    + x_1.powi(6) * (-n688128 * x_2 - n1490944)
                    + n393216 * x_1.powi(7)
                    - n1603))
                / (n10.ln()
                    * (n192 * x_2.powi(4)
                        + x_1 * (n768 * x_2.powi(3) - n2688 * x_2.powi(2) + n3024 * x_2 - n1080)
                        - n896 * x_2.powi(3)
                        + x_1.powi(2) * (n1152 * x_2.powi(2) - n2688 * x_2 + n1512)
                        + n1512 * x_2.powi(2)
                        + x_1.powi(3) * (n768 * x_2 - n896)
                        - n1080 * x_2
                        + n192 * x_1.powi(4)
                        + n277)
                    * (n31104 * x_2.powi(4) - n6912 * x_2.powi(3)
                        + x_1 * (-n82944 * x_2.powi(3) + n13824 * x_2.powi(2) + n576 * x_2 - n96)
                        + x_1.powi(2) * (n82944 * x_2.powi(2) - n9216 * x_2 - n192)
                        - n432 * x_2.powi(2)
                        + n144 * x_2
                        + x_1.powi(3) * (n2048 - n36864 * x_2)
                        + n6144 * x_1.powi(4)
                        + n11)
                        .powi(2))
            + (factor
                * (n2322432 * x_2.powi(6) - n2985984 * x_2.powi(5)
                    + x_1
                        * (-n5971968 * x_2.powi(5) + n27463680 * x_2.powi(4)
                            - n29598720 * x_2.powi(3)
                            + n4323840 * x_2.powi(2)
                            + n3113472 * x_2
                            - n255808)
                    - n5287680 * x_2.powi(4)
                    + x_1.powi(2)
                        * (-n9400320 * x_2.powi(4)
                            + n4546560 * x_2.powi(3)
                            + n23185920 * x_2.powi(2)
                            - n13570560 * x_2
                            - n255264)
                    + x_1.powi(3)
                        * (n7127040 * x_2.powi(3) - n27402240 * x_2.powi(2)
                            + n10081280 * x_2
                            + n4231680)
                    + n9454080 * x_2.powi(3)
                    + x_1.powi(4) * (n6266880 * x_2.powi(2) + n2580480 * x_2 - n7175680)
                    - n3896064 * x_2.powi(2)
                    + n327872 * x_2
                    + x_1.powi(5) * (n4079616 - n2654208 * x_2)
                    - n688128 * x_1.powi(6)
                    + n5874))
                / (n10.ln()
                    * (n192 * x_2.powi(4)
                        + x_1 * (n768 * x_2.powi(3) - n2688 * x_2.powi(2) + n3024 * x_2 - n1080)
                        - n896 * x_2.powi(3)
                        + x_1.powi(2) * (n1152 * x_2.powi(2) - n2688 * x_2 + n1512)
                        + n1512 * x_2.powi(2)
                        + x_1.powi(3) * (n768 * x_2 - n896)
                        - n1080 * x_2
                        + n192 * x_1.powi(4)
                        + n277)
                    * (n31104 * x_2.powi(4) - n6912 * x_2.powi(3)
                        + x_1 * (-n82944 * x_2.powi(3) + n13824 * x_2.powi(2) + n576 * x_2 - n96)
                        + x_1.powi(2) * (n82944 * x_2.powi(2) - n9216 * x_2 - n192)
                        - n432 * x_2.powi(2)
                        + n144 * x_2
                        + x_1.powi(3) * (n2048 - n36864 * x_2)
                        + n6144 * x_1.powi(4)
                        + n11));

        let b = -(factor
            * (n768 * x_2.powi(3)
                + n3 * (n768 * x_1 - n896) * x_2.powi(2)
                + n2 * (n1152 * x_1.powi(2) - n2688 * x_1 + n1512) * x_2
                + n768 * x_1.powi(3)
                - n2688 * x_1.powi(2)
                + n3024 * x_1
                - n1080)
            * (n1990656 * x_2.powi(7)
                + (n2322432 * x_1 - n8515584) * x_2.powi(6)
                + (-n2985984 * x_1.powi(2) - n2985984 * x_1 + n13284864) * x_2.powi(5)
                + (-n3133440 * x_1.powi(3) + n13731840 * x_1.powi(2) - n5287680 * x_1 - n9089280)
                    * x_2.powi(4)
                + (n1781760 * x_1.powi(4) + n1515520 * x_1.powi(3) - n14799360 * x_1.powi(2)
                    + n9454080 * x_1
                    + n2550112)
                    * x_2.powi(3)
                + (n1253376 * x_1.powi(5) - n6850560 * x_1.powi(4)
                    + n7728640 * x_1.powi(3)
                    + n2161920 * x_1.powi(2)
                    - n3896064 * x_1
                    - n155024)
                    * x_2.powi(2)
                + (-n442368 * x_1.powi(6) + n516096 * x_1.powi(5) + n2520320 * x_1.powi(4)
                    - n4523520 * x_1.powi(3)
                    + n1556736 * x_1.powi(2)
                    + n327872 * x_1
                    - n21546)
                    * x_2
                - n98304 * x_1.powi(7)
                + n679936 * x_1.powi(6)
                - n1435136 * x_1.powi(5)
                + n1057920 * x_1.powi(4)
                - n85088 * x_1.powi(3)
                - n127904 * x_1.powi(2)
                + n5874 * x_1
                + n1167))
            / (n10.ln()
                * (n192 * x_2.powi(4)
                    + (n768 * x_1 - n896) * x_2.powi(3)
                    + (n1152 * x_1.powi(2) - n2688 * x_1 + n1512) * x_2.powi(2)
                    + (n768 * x_1.powi(3) - n2688 * x_1.powi(2) + n3024 * x_1 - n1080) * x_2
                    + n192 * x_1.powi(4)
                    - n896 * x_1.powi(3)
                    + n1512 * x_1.powi(2)
                    - n1080 * x_1
                    + n277)
                    .powi(2)
                * (n31104 * x_2.powi(4)
                    + (-n82944 * x_1 - n6912) * x_2.powi(3)
                    + (n82944 * x_1.powi(2) + n13824 * x_1 - n432) * x_2.powi(2)
                    + (-n36864 * x_1.powi(3) - n9216 * x_1.powi(2) + n576 * x_1 + n144) * x_2
                    + n6144 * x_1.powi(4)
                    + n2048 * x_1.powi(3)
                    - n192 * x_1.powi(2)
                    - n96 * x_1
                    + n11))
            - (factor
                * (n124416 * x_2.powi(3)
                    + n3 * (-n82944 * x_1 - n6912) * x_2.powi(2)
                    + n2 * (n82944 * x_1.powi(2) + n13824 * x_1 - n432) * x_2
                    - n36864 * x_1.powi(3)
                    - n9216 * x_1.powi(2)
                    + n576 * x_1
                    + n144)
                * (n1990656 * x_2.powi(7)
                    + (n2322432 * x_1 - n8515584) * x_2.powi(6)
                    + (-n2985984 * x_1.powi(2) - n2985984 * x_1 + n13284864) * x_2.powi(5)
                    + (-n3133440 * x_1.powi(3) + n13731840 * x_1.powi(2) - n5287680 * x_1 - n9089280)
                        * x_2.powi(4)
                    + (n1781760 * x_1.powi(4) + n1515520 * x_1.powi(3) - n14799360 * x_1.powi(2)
                        + n9454080 * x_1
                        + n2550112)
                        * x_2.powi(3)
                    + (n1253376 * x_1.powi(5) - n6850560 * x_1.powi(4)
                        + n7728640 * x_1.powi(3)
                        + n2161920 * x_1.powi(2)
                        - n3896064 * x_1
                        - n155024)
                        * x_2.powi(2)
                    + (-n442368 * x_1.powi(6) + n516096 * x_1.powi(5) + n2520320 * x_1.powi(4)
                        - n4523520 * x_1.powi(3)
                        + n1556736 * x_1.powi(2)
                        + n327872 * x_1
                        - n21546)
                        * x_2
                    - n98304 * x_1.powi(7)
                    + n679936 * x_1.powi(6)
                    - n1435136 * x_1.powi(5)
                    + n1057920 * x_1.powi(4)
                    - n85088 * x_1.powi(3)
                    - n127904 * x_1.powi(2)
                    + n5874 * x_1
                    + n1167))
                / (n10.ln()
                    * (n192 * x_2.powi(4)
                        + (n768 * x_1 - n896) * x_2.powi(3)
                        + (n1152 * x_1.powi(2) - n2688 * x_1 + n1512) * x_2.powi(2)
                        + (n768 * x_1.powi(3) - n2688 * x_1.powi(2) + n3024 * x_1 - n1080) * x_2
                        + n192 * x_1.powi(4)
                        - n896 * x_1.powi(3)
                        + n1512 * x_1.powi(2)
                        - n1080 * x_1
                        + n277)
                    * (n31104 * x_2.powi(4)
                        + (-n82944 * x_1 - n6912) * x_2.powi(3)
                        + (n82944 * x_1.powi(2) + n13824 * x_1 - n432) * x_2.powi(2)
                        + (-n36864 * x_1.powi(3) - n9216 * x_1.powi(2) + n576 * x_1 + n144) * x_2
                        + n6144 * x_1.powi(4)
                        + n2048 * x_1.powi(3)
                        - n192 * x_1.powi(2)
                        - n96 * x_1
                        + n11)
                        .powi(2))
            + (factor
                * (n13934592 * x_2.powi(6)
                    + n6 * (n2322432 * x_1 - n8515584) * x_2.powi(5)
                    + n5 * (-n2985984 * x_1.powi(2) - n2985984 * x_1 + n13284864) * x_2.powi(4)
                    + n4 * (-n3133440 * x_1.powi(3) + n13731840 * x_1.powi(2)
                        - n5287680 * x_1
                        - n9089280)
                        * x_2.powi(3)
                    + n3 * (n1781760 * x_1.powi(4) + n1515520 * x_1.powi(3)
                        - n14799360 * x_1.powi(2)
                        + n9454080 * x_1
                        + n2550112)
                        * x_2.powi(2)
                    + n2 * (n1253376 * x_1.powi(5) - n6850560 * x_1.powi(4)
                        + n7728640 * x_1.powi(3)
                        + n2161920 * x_1.powi(2)
                        - n3896064 * x_1
                        - n155024)
                        * x_2
                    - n442368 * x_1.powi(6)
                    + n516096 * x_1.powi(5)
                    + n2520320 * x_1.powi(4)
                    - n4523520 * x_1.powi(3)
                    + n1556736 * x_1.powi(2)
                    + n327872 * x_1
                    - n21546))
                / (n10.ln()
                    * (n192 * x_2.powi(4)
                        + (n768 * x_1 - n896) * x_2.powi(3)
                        + (n1152 * x_1.powi(2) - n2688 * x_1 + n1512) * x_2.powi(2)
                        + (n768 * x_1.powi(3) - n2688 * x_1.powi(2) + n3024 * x_1 - n1080) * x_2
                        + n192 * x_1.powi(4)
                        - n896 * x_1.powi(3)
                        + n1512 * x_1.powi(2)
                        - n1080 * x_1
                        + n277)
                    * (n31104 * x_2.powi(4)
                        + (-n82944 * x_1 - n6912) * x_2.powi(3)
                        + (n82944 * x_1.powi(2) + n13824 * x_1 - n432) * x_2.powi(2)
                        + (-n36864 * x_1.powi(3) - n9216 * x_1.powi(2) + n576 * x_1 + n144) * x_2
                        + n6144 * x_1.powi(4)
                        + n2048 * x_1.powi(3)
                        - n192 * x_1.powi(2)
                        - n96 * x_1
                        + n11));

        let a = -(factor
            * (n768 * x_1.powi(3)
                + n3 * (n768 * x_2 - n896) * x_1.powi(2)
                + n2 * (n1152 * x_2.powi(2) - n2688 * x_2 + n1512) * x_1
                + n768 * x_2.powi(3)
                - n2688 * x_2.powi(2)
                + n3024 * x_2
                - n1080)
            * (n393216 * x_1.powi(7)
                + (-n688128 * x_2 - n1490944) * x_1.powi(6)
                + (-n1327104 * x_2.powi(2) + n4079616 * x_2 + n1854464) * x_1.powi(5)
                + (n2088960 * x_2.powi(3) + n1290240 * x_2.powi(2) - n7175680 * x_2 - n705280)
                    * x_1.powi(4)
                + (n1781760 * x_2.powi(4) - n9134080 * x_2.powi(3)
                    + n5040640 * x_2.powi(2)
                    + n4231680 * x_2
                    - n118688)
                    * x_1.powi(3)
                + (-n1880064 * x_2.powi(5) + n1136640 * x_2.powi(4) + n7728640 * x_2.powi(3)
                    - n6785280 * x_2.powi(2)
                    - n255264 * x_2
                    + n77456)
                    * x_1.powi(2)
                + (-n995328 * x_2.powi(6) + n5492736 * x_2.powi(5) - n7399680 * x_2.powi(4)
                    + n1441280 * x_2.powi(3)
                    + n1556736 * x_2.powi(2)
                    - n255808 * x_2
                    + n5594)
                    * x_1
                + n331776 * x_2.powi(7)
                - n497664 * x_2.powi(6)
                - n1057536 * x_2.powi(5)
                + n2363520 * x_2.powi(4)
                - n1298688 * x_2.powi(3)
                + n163936 * x_2.powi(2)
                + n5874 * x_2
                - n1603))
            / (n10.ln()
                * (n192 * x_1.powi(4)
                    + (n768 * x_2 - n896) * x_1.powi(3)
                    + (n1152 * x_2.powi(2) - n2688 * x_2 + n1512) * x_1.powi(2)
                    + (n768 * x_2.powi(3) - n2688 * x_2.powi(2) + n3024 * x_2 - n1080) * x_1
                    + n192 * x_2.powi(4)
                    - n896 * x_2.powi(3)
                    + n1512 * x_2.powi(2)
                    - n1080 * x_2
                    + n277)
                    .powi(2)
                * (n6144 * x_1.powi(4)
                    + (n2048 - n36864 * x_2) * x_1.powi(3)
                    + (n82944 * x_2.powi(2) - n9216 * x_2 - n192) * x_1.powi(2)
                    + (-n82944 * x_2.powi(3) + n13824 * x_2.powi(2) + n576 * x_2 - n96) * x_1
                    + n31104 * x_2.powi(4)
                    - n6912 * x_2.powi(3)
                    - n432 * x_2.powi(2)
                    + n144 * x_2
                    + n11))
            - (factor
                * (n24576 * x_1.powi(3)
                    + n3 * (n2048 - n36864 * x_2) * x_1.powi(2)
                    + n2 * (n82944 * x_2.powi(2) - n9216 * x_2 - n192) * x_1
                    - n82944 * x_2.powi(3)
                    + n13824 * x_2.powi(2)
                    + n576 * x_2
                    - n96)
                * (n393216 * x_1.powi(7)
                    + (-n688128 * x_2 - n1490944) * x_1.powi(6)
                    + (-n1327104 * x_2.powi(2) + n4079616 * x_2 + n1854464) * x_1.powi(5)
                    + (n2088960 * x_2.powi(3) + n1290240 * x_2.powi(2) - n7175680 * x_2 - n705280)
                        * x_1.powi(4)
                    + (n1781760 * x_2.powi(4) - n9134080 * x_2.powi(3)
                        + n5040640 * x_2.powi(2)
                        + n4231680 * x_2
                        - n118688)
                        * x_1.powi(3)
                    + (-n1880064 * x_2.powi(5) + n1136640 * x_2.powi(4) + n7728640 * x_2.powi(3)
                        - n6785280 * x_2.powi(2)
                        - n255264 * x_2
                        + n77456)
                        * x_1.powi(2)
                    + (-n995328 * x_2.powi(6) + n5492736 * x_2.powi(5) - n7399680 * x_2.powi(4)
                        + n1441280 * x_2.powi(3)
                        + n1556736 * x_2.powi(2)
                        - n255808 * x_2
                        + n5594)
                        * x_1
                    + n331776 * x_2.powi(7)
                    - n497664 * x_2.powi(6)
                    - n1057536 * x_2.powi(5)
                    + n2363520 * x_2.powi(4)
                    - n1298688 * x_2.powi(3)
                    + n163936 * x_2.powi(2)
                    + n5874 * x_2
                    - n1603))
                / (n10.ln()
                    * (n192 * x_1.powi(4)
                        + (n768 * x_2 - n896) * x_1.powi(3)
                        + (n1152 * x_2.powi(2) - n2688 * x_2 + n1512) * x_1.powi(2)
                        + (n768 * x_2.powi(3) - n2688 * x_2.powi(2) + n3024 * x_2 - n1080) * x_1
                        + n192 * x_2.powi(4)
                        - n896 * x_2.powi(3)
                        + n1512 * x_2.powi(2)
                        - n1080 * x_2
                        + n277)
                    * (n6144 * x_1.powi(4)
                        + (n2048 - n36864 * x_2) * x_1.powi(3)
                        + (n82944 * x_2.powi(2) - n9216 * x_2 - n192) * x_1.powi(2)
                        + (-n82944 * x_2.powi(3) + n13824 * x_2.powi(2) + n576 * x_2 - n96) * x_1
                        + n31104 * x_2.powi(4)
                        - n6912 * x_2.powi(3)
                        - n432 * x_2.powi(2)
                        + n144 * x_2
                        + n11)
                        .powi(2))
            + (factor
                * (n2752512 * x_1.powi(6)
                    + n6 * (-n688128 * x_2 - n1490944) * x_1.powi(5)
                    + n5 * (-n1327104 * x_2.powi(2) + n4079616 * x_2 + n1854464) * x_1.powi(4)
                    + n4 * (n2088960 * x_2.powi(3) + n1290240 * x_2.powi(2)
                        - n7175680 * x_2
                        - n705280)
                        * x_1.powi(3)
                    + n3 * (n1781760 * x_2.powi(4) - n9134080 * x_2.powi(3)
                        + n5040640 * x_2.powi(2)
                        + n4231680 * x_2
                        - n118688)
                        * x_1.powi(2)
                    + n2 * (-n1880064 * x_2.powi(5)
                        + n1136640 * x_2.powi(4)
                        + n7728640 * x_2.powi(3)
                        - n6785280 * x_2.powi(2)
                        - n255264 * x_2
                        + n77456)
                        * x_1
                    - n995328 * x_2.powi(6)
                    + n5492736 * x_2.powi(5)
                    - n7399680 * x_2.powi(4)
                    + n1441280 * x_2.powi(3)
                    + n1556736 * x_2.powi(2)
                    - n255808 * x_2
                    + n5594))
                / (n10.ln()
                    * (n192 * x_1.powi(4)
                        + (n768 * x_2 - n896) * x_1.powi(3)
                        + (n1152 * x_2.powi(2) - n2688 * x_2 + n1512) * x_1.powi(2)
                        + (n768 * x_2.powi(3) - n2688 * x_2.powi(2) + n3024 * x_2 - n1080) * x_1
                        + n192 * x_2.powi(4)
                        - n896 * x_2.powi(3)
                        + n1512 * x_2.powi(2)
                        - n1080 * x_2
                        + n277)
                    * (n6144 * x_1.powi(4)
                        + (n2048 - n36864 * x_2) * x_1.powi(3)
                        + (n82944 * x_2.powi(2) - n9216 * x_2 - n192) * x_1.powi(2)
                        + (-n82944 * x_2.powi(3) + n13824 * x_2.powi(2) + n576 * x_2 - n96) * x_1
                        + n31104 * x_2.powi(4)
                        - n6912 * x_2.powi(3)
                        - n432 * x_2.powi(2)
                        + n144 * x_2
                        + n11));

        [[a, offdiag], [offdiag, b]]
    }
    }
}

/// Against central differences: see `autodiff_core::check`.
const FD: f64 = 1e-6;
/// Against the source's hand-written derivative: both exact up to rounding.
const EXACT: f64 = 1e-12;

fn assert_gradient(f: impl FnMut(&[f64]) -> f64, x: &[f64], claimed: &[f64]) {
    if let Err(m) = check_gradient(f, x, claimed, FD) {
        panic!("at {x:?}: {m}");
    }
}

fn assert_jacobian(f: impl FnMut(&[f64]) -> Vec<f64>, x: &[f64], claimed: &[Vec<f64>]) {
    if let Err(m) = check_jacobian(f, x, claimed, FD) {
        panic!("at {x:?}: {m}");
    }
}

fn assert_close(ours: f64, theirs: f64, what: &str) {
    assert!(close(ours, theirs, EXACT), "{what}: {ours} from the macro, {theirs} from the source");
}

/// The derivative of an `f32` function by `f32` central differences of step 1e-2.
fn fd_f32(f: impl Fn(f32) -> f32, x: f32) -> f32 {
    let h = 1e-2;
    (f(x + h) - f(x - h)) / (2.0 * h)
}

fn assert_close_f32(ours: f32, theirs: f32, what: &str) {
    assert!(
        (ours - theirs).abs() <= 1e-3 * ours.abs().max(theirs.abs()).max(1.0),
        "{what}: {ours} from the macro, {theirs} to compare"
    );
}

/// Checks the gradient of a function of two slices, `(ga, gb)`, against central
/// differences over the two concatenated.
fn assert_gradient_2(
    f: impl Fn(&[f64], &[f64]) -> f64,
    a: &[f64],
    b: &[f64],
    (ga, gb): &(Vec<f64>, Vec<f64>),
) {
    let n = a.len();
    let x = [a, b].concat();
    assert_gradient(|v| f(&v[..n], &v[n..]), &x, &[&ga[..], &gb[..]].concat());
}

/// The same for `f32`, by `f32` central differences of step 1e-2, entry by entry.
fn assert_gradient_2_f32(
    f: impl Fn(&[f32], &[f32]) -> f32,
    a: &[f32],
    b: &[f32],
    (ga, gb): &(Vec<f32>, Vec<f32>),
) {
    let n = a.len();
    let x = [a, b].concat();
    let g = [&ga[..], &gb[..]].concat();
    for i in 0..x.len() {
        let fd = fd_f32(
            |t| {
                let mut v = x.clone();
                v[i] = t;
                f(&v[..n], &v[n..])
            },
            x[i],
        );
        assert_close_f32(g[i], fd, &format!("entry {i} of the gradient at {x:?}"));
    }
}

/// Rows of a Jacobian block `[[[f64; N]; C]; R]` (output `[[f64; C]; R]`, parameter
/// `[f64; N]`), output entries in row-major order.
fn rows_3<const N: usize, const C: usize, const R: usize>(j: &[[[f64; N]; C]; R]) -> Vec<Vec<f64>> {
    j.iter().flatten().map(|row| row.to_vec()).collect()
}

fn flat_2<const C: usize, const R: usize>(m: &[[f64; C]; R]) -> Vec<f64> {
    m.iter().flatten().copied().collect()
}

fn rows_2<const N: usize, const R: usize>(j: &[[f64; N]; R]) -> Vec<Vec<f64>> {
    j.iter().map(|row| row.to_vec()).collect()
}

/// A Jacobian's rows with the columns of further scalar parameters appended, one entry
/// of each column per row.
fn with_columns(mut rows: Vec<Vec<f64>>, columns: &[Vec<f64>]) -> Vec<Vec<f64>> {
    for (i, row) in rows.iter_mut().enumerate() {
        row.extend(columns.iter().map(|c| c[i]));
    }
    rows
}

fn assert_close_all(ours: &[f64], theirs: &[f64], what: &str) {
    assert_eq!(ours.len(), theirs.len(), "{what}");
    for (i, (&o, &t)) in ours.iter().zip(theirs).enumerate() {
        assert_close(o, t, &format!("{what}, entry {i}"));
    }
}

/// `got` against the products `Σ_j a[i][j] v[j]`, entry by entry, to EXACT times the sum
/// of the terms' magnitudes (the rounding of such a sum), or times 1 below that.
fn assert_product(got: &[f64], a: &[Vec<f64>], v: &[f64], what: &str) {
    assert_eq!(got.len(), a.len(), "{what}: number of entries");
    for (i, (&g, row)) in got.iter().zip(a).enumerate() {
        assert_eq!(row.len(), v.len(), "{what}: length of row {i}");
        let terms = row.iter().zip(v).map(|(aij, vj)| aij * vj);
        let (sum, size) = terms.fold((0.0, 0.0), |(s, m), p: f64| (s + p, m + p.abs()));
        assert!(
            (g - sum).abs() <= EXACT * size.max(1.0),
            "{what}, entry {i}: {g} from the macro, {sum} from the product"
        );
    }
}

fn transpose(rows: &[Vec<f64>]) -> Vec<Vec<f64>> {
    (0..rows[0].len()).map(|j| rows.iter().map(|row| row[j]).collect()).collect()
}

/// The forward and reverse siblings against the Jacobian `rows` (checked against central
/// differences on its own): `f_jvp` along `t` gives `J t`, `f_vjp` of `w` gives `wᵀ J`.
/// A scalar function's Jacobian is its gradient, as one row.
fn assert_jvp_vjp(rows: &[Vec<f64>], t: &[f64], jvp: &[f64], w: &[f64], vjp: &[f64]) {
    assert_product(jvp, rows, t, "f_jvp against J t");
    assert_product(vjp, &transpose(rows), w, "f_vjp against wᵀ J");
}

/// The second-order siblings against the gradient `g` and Hessian `h` of a scalar
/// function (checked on their own): `f_hvp` along `v` gives `H v`, and `f_vjp_jvp` with
/// cotangent `w` and tangents `v`, `w_dot` gives `w g` and its tangent
/// `w_dot g + w H v`, with `g · v` the tangent of the value.
fn assert_second_order(
    (g, h): (&[f64], &[Vec<f64>]),
    v: &[f64],
    hv: &[f64],
    (w, w_dot): (f64, f64),
    (gw, dy, gw_dot): (&[f64], f64, &[f64]),
) {
    assert_product(hv, h, v, "f_hvp against H v");
    assert_product(gw, &transpose(&[g.to_vec()]), &[w], "f_vjp_jvp: w g");
    assert_product(&[dy], &[g.to_vec()], v, "f_vjp_jvp: g · v");
    let rows: Vec<Vec<f64>> = g.iter().zip(h).map(|(gk, hk)| [&[*gk][..], hk].concat()).collect();
    let wv: Vec<f64> = v.iter().map(|vj| w * vj).collect();
    assert_product(gw_dot, &rows, &[&[w_dot][..], &wv].concat(), "f_vjp_jvp: w_dot g + w H v");
}

#[test]
fn ackley_001() {
    use ackley_001::*;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (y, g) = ackley_grad(&x);
        assert_eq!(y, ackley(&x));
        assert_gradient(ackley, &x, &g);
        // The source's own derivative.
        assert_close_all(&g, &ackley_derivative_003::ackley_derivative(&x), "ackley_derivative");
    }
}

#[test]
fn ackley_abc_002() {
    use ackley_abc_002::*;
    let [a, b, c] = [20.0, 0.2, 2.0 * std::f64::consts::PI];
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (y, (g, ga, gb, gc)) = ackley_abc_grad(&x, a, b, c);
        assert_eq!(y, ackley_abc(&x, a, b, c));
        let at = [&x[..], &[a, b, c]].concat();
        assert_gradient(
            |v| ackley_abc(&v[..3], v[3], v[4], v[5]),
            &at,
            &[&g[..], &[ga, gb, gc]].concat(),
        );
        // The source's own derivative in `param`.
        assert_close_all(
            &g,
            &ackley_abc_derivative_004::ackley_abc_derivative(&x, a, b, c),
            "ackley_abc_derivative",
        );
    }
}

#[test]
fn ackley_derivative_003() {
    use ackley_derivative_003::*;
    let (t, w) = ([0.6, -0.25, 1.1], [-0.8, 0.35, 1.4]);
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (d, j) = ackley_derivative_jacobian(&x);
        assert_eq!(d, ackley_derivative(&x));
        assert_jacobian(ackley_derivative, &x, &j);
        let ((d_t, jt), (d_w, wj)) = (ackley_derivative_jvp(&x, &t), ackley_derivative_vjp(&x, &w));
        assert_eq!((&d_t, &d_w), (&d, &d));
        assert_jvp_vjp(&j, &t, &jt, &w, &wj);
        // The source's own Hessian.
        assert_close_all(
            &j.concat(),
            &ackley_hessian_007::ackley_hessian(&x).concat(),
            "ackley_hessian",
        );
    }
}

#[test]
fn ackley_abc_derivative_004() {
    use ackley_abc_derivative_004::*;
    let [a, b, c] = [20.0, 0.2, 2.0 * std::f64::consts::PI];
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (d, (jp, ja, jb, jc)) = ackley_abc_derivative_jacobian(&x, a, b, c);
        assert_eq!(d, ackley_abc_derivative(&x, a, b, c));
        let at = [&x[..], &[a, b, c]].concat();
        assert_jacobian(
            |v| ackley_abc_derivative(&v[..3], v[3], v[4], v[5]),
            &at,
            &with_columns(jp.clone(), &[ja, jb, jc]),
        );
        // The source's own Hessian.
        assert_close_all(
            &jp.concat(),
            &ackley_abc_hessian_008::ackley_abc_hessian(&x, a, b, c).concat(),
            "ackley_abc_hessian",
        );
    }
}

#[test]
fn ackley_derivative_const_005() {
    use ackley_derivative_const_005::*;
    let (t, w) = ([0.6, -0.25, 1.1], [-0.8, 0.35, 1.4]);
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (d, j) = ackley_derivative_const_jacobian(&x);
        assert_eq!(d, ackley_derivative_const(&x));
        assert_jacobian(|v| ackley_derivative_const(&[v[0], v[1], v[2]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&ackley_hessian_const_009::ackley_hessian_const(&x)),
            "ackley_hessian_const",
        );
        let ((d_t, jt), (d_w, wj)) =
            (ackley_derivative_const_jvp(&x, t), ackley_derivative_const_vjp(&x, w));
        assert_eq!((d_t, d_w), (d, d));
        assert_jvp_vjp(&rows_2(&j), &t, &jt, &w, &wj);
    }
}

#[test]
fn ackley_abc_derivative_const_006() {
    use ackley_abc_derivative_const_006::*;
    let [a, b, c] = [20.0, 0.2, 2.0 * std::f64::consts::PI];
    let (t, w) = ([0.6, -0.25, 1.1, 0.3, -0.7, 0.45], [-0.8, 0.35, 1.4]);
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (o, (jp, ja, jb, jc)) = ackley_abc_derivative_const_jacobian(&x, a, b, c);
        assert_eq!(o, ackley_abc_derivative_const(&x, a, b, c));
        let rows = with_columns(rows_2(&jp), &[ja.to_vec(), jb.to_vec(), jc.to_vec()]);
        assert_jacobian(
            |v| ackley_abc_derivative_const(&[v[0], v[1], v[2]], v[3], v[4], v[5]).to_vec(),
            &[&x[..], &[a, b, c]].concat(),
            &rows,
        );
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&jp),
            &flat_2(&ackley_abc_hessian_const_010::ackley_abc_hessian_const(&x, a, b, c)),
            "ackley_abc_hessian_const",
        );
        let tx = [t[0], t[1], t[2]];
        let (o_t, jt) = ackley_abc_derivative_const_jvp(&x, a, b, c, tx, t[3], t[4], t[5]);
        let (o_w, (wp, wa, wb, wc)) = ackley_abc_derivative_const_vjp(&x, a, b, c, w);
        assert_eq!((o_t, o_w), (o, o));
        assert_jvp_vjp(&rows, &t, &jt, &w, &[&wp[..], &[wa, wb, wc]].concat());
    }
}

#[test]
fn ackley_hessian_007() {
    use ackley_hessian_007::*;
    let (t, w) = (
        [0.6, -0.25, 1.1],
        vec![vec![-0.8, 0.35, 1.4], vec![0.2, -1.5, 0.9], vec![1.1, 0.4, -0.3]],
    );
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (h, j) = ackley_hessian_jacobian(&x);
        assert_eq!(h, ackley_hessian(&x));
        assert_jacobian(|v| ackley_hessian(v).concat(), &x, &j.concat());
        let ((h_t, jt), (h_w, wj)) = (ackley_hessian_jvp(&x, &t), ackley_hessian_vjp(&x, &w));
        assert_eq!((&h_t, &h_w), (&h, &h));
        assert_jvp_vjp(&j.concat(), &t, &jt.concat(), &w.concat(), &wj);
    }
}

#[test]
fn ackley_abc_hessian_008() {
    use ackley_abc_hessian_008::*;
    let (t, w) = (
        [0.6, -0.25, 1.1, 0.3, -0.7, 0.45],
        vec![vec![-0.8, 0.35, 1.4], vec![0.2, -1.5, 0.9], vec![1.1, 0.4, -0.3]],
    );
    let [a, b, c] = [20.0, 0.2, 2.0 * std::f64::consts::PI];
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (h, (jp, ja, jb, jc)) = ackley_abc_hessian_jacobian(&x, a, b, c);
        assert_eq!(h, ackley_abc_hessian(&x, a, b, c));
        assert_jacobian(
            |v| ackley_abc_hessian(&v[..3], v[3], v[4], v[5]).concat(),
            &[&x[..], &[a, b, c]].concat(),
            &with_columns(jp.concat(), &[ja.concat(), jb.concat(), jc.concat()]),
        );
        let (h_t, jt) = ackley_abc_hessian_jvp(&x, a, b, c, &t[..3], t[3], t[4], t[5]);
        let (h_w, (wp, wa, wb, wc)) = ackley_abc_hessian_vjp(&x, a, b, c, &w);
        assert_eq!((&h_t, &h_w), (&h, &h));
        let rows = with_columns(jp.concat(), &[ja.concat(), jb.concat(), jc.concat()]);
        assert_jvp_vjp(&rows, &t, &jt.concat(), &w.concat(), &[&wp[..], &[wa, wb, wc]].concat());
    }
}

#[test]
fn ackley_hessian_const_009() {
    use ackley_hessian_const_009::*;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (o, jp) = ackley_hessian_const_jacobian(&x);
        assert_eq!(o, ackley_hessian_const(&x));
        assert_jacobian(|v| flat_2(&ackley_hessian_const(&[v[0], v[1], v[2]])), &x, &rows_3(&jp));
    }
}

#[test]
fn ackley_abc_hessian_const_010() {
    use ackley_abc_hessian_const_010::*;
    let [a, b, c] = [20.0, 0.2, 2.0 * std::f64::consts::PI];
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (o, (jp, ja, jb, jc)) = ackley_abc_hessian_const_jacobian(&x, a, b, c);
        assert_eq!(o, ackley_abc_hessian_const(&x, a, b, c));
        assert_jacobian(
            |v| flat_2(&ackley_abc_hessian_const(&[v[0], v[1], v[2]], v[3], v[4], v[5])),
            &[&x[..], &[a, b, c]].concat(),
            &with_columns(rows_3(&jp), &[flat_2(&ja), flat_2(&jb), flat_2(&jc)]),
        );
    }
}

#[test]
fn beale_011() {
    use beale_011::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (y, g) = beale_grad(&x);
        assert_eq!(y, beale(&x));
        assert_gradient(|v| beale(&[v[0], v[1]]), &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(&g, &beale_derivative_012::beale_derivative(&x), "beale_derivative");
        let (_, _, h) = beale_hessian(&x);
        assert_close_all(
            &flat_2(&h),
            &flat_2(&beale_hessian_013::beale_hessian(&x)),
            "beale_hessian",
        );
    }
}

#[test]
fn beale_derivative_012() {
    use beale_derivative_012::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (d, j) = beale_derivative_jacobian(&x);
        assert_eq!(d, beale_derivative(&x));
        assert_jacobian(|v| beale_derivative(&[v[0], v[1]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&beale_hessian_013::beale_hessian(&x)),
            "beale_hessian",
        );
    }
}

#[test]
fn beale_hessian_013() {
    use beale_hessian_013::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (h, j) = beale_hessian_jacobian(&x);
        assert_eq!(h, beale_hessian(&x));
        assert_jacobian(|v| flat_2(&beale_hessian(&[v[0], v[1]])), &x, &rows_3(&j));
    }
}

#[test]
fn booth_014() {
    use booth_014::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (y, g) = booth_grad(&x);
        assert_eq!(y, booth(&x));
        assert_gradient(|v| booth(&[v[0], v[1]]), &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(&g, &booth_derivative_015::booth_derivative(&x), "booth_derivative");
        let (_, _, h) = booth_hessian(&x);
        assert_close_all(
            &flat_2(&h),
            &flat_2(&booth_hessian_016::booth_hessian(&x)),
            "booth_hessian",
        );
    }
}

#[test]
fn booth_derivative_015() {
    use booth_derivative_015::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (d, j) = booth_derivative_jacobian(&x);
        assert_eq!(d, booth_derivative(&x));
        assert_jacobian(|v| booth_derivative(&[v[0], v[1]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&booth_hessian_016::booth_hessian(&x)),
            "booth_hessian",
        );
    }
}

#[test]
fn booth_hessian_016() {
    use booth_hessian_016::*;
    for x in [[1.0, 3.0], [-0.4, 2.2]] {
        let (h, j) = booth_hessian_jacobian(&x);
        assert_eq!(h, booth_hessian(&x));
        assert_jacobian(|v| flat_2(&booth_hessian(&[v[0], v[1]])), &x, &rows_3(&j));
    }
}

#[test]
fn bukin_n6_017() {
    use bukin_n6_017::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (y, g) = bukin_n6_grad(&x);
        assert_eq!(y, bukin_n6(&x));
        assert_gradient(|v| bukin_n6(&[v[0], v[1]]), &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(
            &g,
            &bukin_n6_derivative_018::bukin_n6_derivative(&x),
            "bukin_n6_derivative",
        );
        let (_, _, h) = bukin_n6_hessian(&x);
        assert_close_all(
            &flat_2(&h),
            &flat_2(&bukin_n6_hessian_019::bukin_n6_hessian(&x)),
            "bukin_n6_hessian",
        );
    }
}

#[test]
fn bukin_n6_derivative_018() {
    use bukin_n6_derivative_018::*;
    let (t, w) = ([0.6, -0.25], [-0.8, 0.35]);
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (d, j) = bukin_n6_derivative_jacobian(&x);
        assert_eq!(d, bukin_n6_derivative(&x));
        assert_jacobian(|v| bukin_n6_derivative(&[v[0], v[1]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&bukin_n6_hessian_019::bukin_n6_hessian(&x)),
            "bukin_n6_hessian",
        );
        let ((d_t, jt), (d_w, wj)) =
            (bukin_n6_derivative_jvp(&x, t), bukin_n6_derivative_vjp(&x, w));
        assert_eq!((d_t, d_w), (d, d));
        assert_jvp_vjp(&rows_2(&j), &t, &jt, &w, &wj);
    }
    // On the valley x2 = 0.01 x1², where the source returns [0, 0] while
    // |x2 - 0.01 x1²|^(3/2) <= ε (|x2 - 0.01 x1²| below about 3.7e-11).
    let x = [2.0, 0.04];
    let (d, j) = bukin_n6_derivative_jacobian(&x);
    assert_eq!(d, [0.0, 0.0]);
    let fd = jacobian(|v| bukin_n6_derivative(&[v[0], v[1]]).to_vec(), &x, 1e-12);
    assert_zero_on_branch(&rows_2(&j), &fd, "bukin_n6_derivative on x2 = 0.01 x1²");
    let ((_, jt), (_, wj)) = (bukin_n6_derivative_jvp(&x, t), bukin_n6_derivative_vjp(&x, w));
    assert_eq!((jt, wj), ([0.0; 2], [0.0; 2]));
}

#[test]
fn bukin_n6_hessian_019() {
    use bukin_n6_hessian_019::*;
    let (t, w) = ([0.6, -0.25], [[-0.8, 0.35], [1.4, 0.2]]);
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (h, j) = bukin_n6_hessian_jacobian(&x);
        assert_eq!(h, bukin_n6_hessian(&x));
        assert_jacobian(|v| flat_2(&bukin_n6_hessian(&[v[0], v[1]])), &x, &rows_3(&j));
        let ((h_t, jt), (h_w, wj)) = (bukin_n6_hessian_jvp(&x, t), bukin_n6_hessian_vjp(&x, w));
        assert_eq!((h_t, h_w), (h, h));
        assert_jvp_vjp(&rows_3(&j), &t, &flat_2(&jt), &flat_2(&w), &wj);
    }
    // On the valley x2 = 0.01 x1², where the source returns zeros while
    // |x2 - 0.01 x1²|^(7/2) <= 1e-4 ε (|x2 - 0.01 x1²| below about 2.4e-6).
    let x = [2.0, 0.04];
    let (h, j) = bukin_n6_hessian_jacobian(&x);
    assert_eq!(h, [[0.0; 2]; 2]);
    let fd = jacobian(|v| flat_2(&bukin_n6_hessian(&[v[0], v[1]])), &x, 1e-9);
    assert_zero_on_branch(&rows_3(&j), &fd, "bukin_n6_hessian on x2 = 0.01 x1²");
    let ((_, jt), (_, wj)) = (bukin_n6_hessian_jvp(&x, t), bukin_n6_hessian_vjp(&x, w));
    assert_eq!((jt, wj), ([[0.0; 2]; 2], [0.0; 2]));
}

#[test]
fn cross_in_tray_020() {
    use cross_in_tray_020::*;
    // Away from the kinks of the two `abs` (sin x1 sin x2 = 0, |x| = 100 π).
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (y, g) = cross_in_tray_grad(&x);
        assert_eq!(y, cross_in_tray(&x));
        assert_gradient(|v| cross_in_tray(&[v[0], v[1]]), &x, &g);
        // The source's own derivative and Hessian.
        let d = cross_in_tray_derivative_021::cross_in_tray_derivative(&x);
        assert_close(g[0], d[0], "cross_in_tray_derivative[0]");
        assert_close(g[1], d[1], "cross_in_tray_derivative[1]");
        let (_, _, h) = cross_in_tray_hessian(&x);
        let theirs = cross_in_tray_hessian_022::cross_in_tray_hessian(&x);
        for i in 0..2 {
            for j in 0..2 {
                assert_close(h[i][j], theirs[i][j], "cross_in_tray_hessian");
            }
        }
    }
}

#[test]
fn cross_in_tray_derivative_021() {
    use cross_in_tray_derivative_021::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (d, j) = cross_in_tray_derivative_jacobian(&x);
        assert_eq!(d, cross_in_tray_derivative(&x));
        let rows: Vec<Vec<f64>> = j.iter().map(|r| r.to_vec()).collect();
        assert_jacobian(|v| cross_in_tray_derivative(&[v[0], v[1]]).to_vec(), &x, &rows);
        // The source's own Hessian.
        let theirs = cross_in_tray_hessian_022::cross_in_tray_hessian(&x);
        for i in 0..2 {
            for k in 0..2 {
                assert_close(j[i][k], theirs[i][k], "cross_in_tray_hessian");
            }
        }
    }
}

#[test]
fn cross_in_tray_hessian_022() {
    use cross_in_tray_hessian_022::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (h, j) = cross_in_tray_hessian_jacobian(&x);
        assert_eq!(h, cross_in_tray_hessian(&x));
        assert_jacobian(|v| flat_2(&cross_in_tray_hessian(&[v[0], v[1]])), &x, &rows_3(&j));
    }
}

#[test]
fn easom_023() {
    use easom_023::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (y, g) = easom_grad(&x);
        assert_eq!(y, easom(&x));
        assert_gradient(|v| easom(&[v[0], v[1]]), &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(&g, &easom_derivative_024::easom_derivative(&x), "easom_derivative");
        let (_, _, h) = easom_hessian(&x);
        assert_close_all(
            &flat_2(&h),
            &flat_2(&easom_hessian_025::easom_hessian(&x)),
            "easom_hessian",
        );
    }
}

#[test]
fn easom_derivative_024() {
    use easom_derivative_024::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (d, j) = easom_derivative_jacobian(&x);
        assert_eq!(d, easom_derivative(&x));
        assert_jacobian(|v| easom_derivative(&[v[0], v[1]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&easom_hessian_025::easom_hessian(&x)),
            "easom_hessian",
        );
    }
}

#[test]
fn easom_hessian_025() {
    use easom_hessian_025::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (h, j) = easom_hessian_jacobian(&x);
        assert_eq!(h, easom_hessian(&x));
        assert_jacobian(|v| flat_2(&easom_hessian(&[v[0], v[1]])), &x, &rows_3(&j));
    }
}

#[test]
fn eggholder_026() {
    use eggholder_026::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (y, g) = eggholder_grad(&x);
        assert_eq!(y, eggholder(&x));
        assert_gradient(|v| eggholder(&[v[0], v[1]]), &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(
            &g,
            &eggholder_derivative_027::eggholder_derivative(&x),
            "eggholder_derivative",
        );
        let (_, _, h) = eggholder_hessian(&x);
        assert_close_all(
            &flat_2(&h),
            &flat_2(&eggholder_hessian_028::eggholder_hessian(&x)),
            "eggholder_hessian",
        );
    }
}

#[test]
fn eggholder_derivative_027() {
    use eggholder_derivative_027::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (d, j) = eggholder_derivative_jacobian(&x);
        assert_eq!(d, eggholder_derivative(&x));
        assert_jacobian(|v| eggholder_derivative(&[v[0], v[1]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&eggholder_hessian_028::eggholder_hessian(&x)),
            "eggholder_hessian",
        );
    }
}

#[test]
fn eggholder_hessian_028() {
    use eggholder_hessian_028::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (h, j) = eggholder_hessian_jacobian(&x);
        assert_eq!(h, eggholder_hessian(&x));
        assert_jacobian(|v| flat_2(&eggholder_hessian(&[v[0], v[1]])), &x, &rows_3(&j));
    }
}

#[test]
fn goldsteinprice_029() {
    use goldsteinprice_029::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (y, g) = goldsteinprice_grad(&x);
        assert_eq!(y, goldsteinprice(&x));
        assert_gradient(|v| goldsteinprice(&[v[0], v[1]]), &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(
            &g,
            &goldsteinprice_derivative_030::goldsteinprice_derivative(&x),
            "goldsteinprice_derivative",
        );
        let (_, _, h) = goldsteinprice_hessian(&x);
        assert_close_all(
            &flat_2(&h),
            &flat_2(&goldsteinprice_hessian_031::goldsteinprice_hessian(&x)),
            "goldsteinprice_hessian",
        );
    }
}

#[test]
fn goldsteinprice_derivative_030() {
    use goldsteinprice_derivative_030::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (d, j) = goldsteinprice_derivative_jacobian(&x);
        assert_eq!(d, goldsteinprice_derivative(&x));
        assert_jacobian(|v| goldsteinprice_derivative(&[v[0], v[1]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&goldsteinprice_hessian_031::goldsteinprice_hessian(&x)),
            "goldsteinprice_hessian",
        );
    }
}

#[test]
fn goldsteinprice_hessian_031() {
    use goldsteinprice_hessian_031::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (h, j) = goldsteinprice_hessian_jacobian(&x);
        assert_eq!(h, goldsteinprice_hessian(&x));
        assert_jacobian(|v| flat_2(&goldsteinprice_hessian(&[v[0], v[1]])), &x, &rows_3(&j));
    }
}

#[test]
fn himmelblau_032() {
    use himmelblau_032::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (y, g) = himmelblau_grad(&x);
        assert_eq!(y, himmelblau(&x));
        assert_gradient(|v| himmelblau(&[v[0], v[1]]), &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(
            &g,
            &himmelblau_derivative_033::himmelblau_derivative(&x),
            "himmelblau_derivative",
        );
        let (_, _, h) = himmelblau_hessian(&x);
        assert_close_all(
            &flat_2(&h),
            &flat_2(&himmelblau_hessian_034::himmelblau_hessian(&x)),
            "himmelblau_hessian",
        );
    }
}

#[test]
fn himmelblau_derivative_033() {
    use himmelblau_derivative_033::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (d, j) = himmelblau_derivative_jacobian(&x);
        assert_eq!(d, himmelblau_derivative(&x));
        assert_jacobian(|v| himmelblau_derivative(&[v[0], v[1]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&himmelblau_hessian_034::himmelblau_hessian(&x)),
            "himmelblau_hessian",
        );
    }
}

#[test]
fn himmelblau_hessian_034() {
    use himmelblau_hessian_034::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (h, j) = himmelblau_hessian_jacobian(&x);
        assert_eq!(h, himmelblau_hessian(&x));
        assert_jacobian(|v| flat_2(&himmelblau_hessian(&[v[0], v[1]])), &x, &rows_3(&j));
    }
}

#[test]
fn holder_table_035() {
    use holder_table_035::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (y, g) = holder_table_grad(&x);
        assert_eq!(y, holder_table(&x));
        assert_gradient(|v| holder_table(&[v[0], v[1]]), &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(
            &g,
            &holder_table_derivative_036::holder_table_derivative(&x),
            "holder_table_derivative",
        );
        let (_, _, h) = holder_table_hessian(&x);
        assert_close_all(
            &flat_2(&h),
            &flat_2(&holder_table_hessian_037::holder_table_hessian(&x)),
            "holder_table_hessian",
        );
    }
}

#[test]
fn holder_table_derivative_036() {
    use holder_table_derivative_036::*;
    let (t, w) = ([0.6, -0.25], [-0.8, 0.35]);
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (d, j) = holder_table_derivative_jacobian(&x);
        assert_eq!(d, holder_table_derivative(&x));
        assert_jacobian(|v| holder_table_derivative(&[v[0], v[1]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&holder_table_hessian_037::holder_table_hessian(&x)),
            "holder_table_hessian",
        );
        let ((d_t, jt), (d_w, wj)) =
            (holder_table_derivative_jvp(&x, t), holder_table_derivative_vjp(&x, w));
        assert_eq!((d_t, d_w), (d, d));
        assert_jvp_vjp(&rows_2(&j), &t, &jt, &w, &wj);
    }
    // At the origin, where the source returns [0, 0] while |x| <= ε.
    let x = [0.0, 0.0];
    let (d, j) = holder_table_derivative_jacobian(&x);
    assert_eq!(d, [0.0, 0.0]);
    let fd = jacobian(|v| holder_table_derivative(&[v[0], v[1]]).to_vec(), &x, 1e-17);
    assert_zero_on_branch(&rows_2(&j), &fd, "holder_table_derivative at the origin");
    let ((_, jt), (_, wj)) =
        (holder_table_derivative_jvp(&x, t), holder_table_derivative_vjp(&x, w));
    assert_eq!((jt, wj), ([0.0; 2], [0.0; 2]));
}

#[test]
fn holder_table_hessian_037() {
    use holder_table_hessian_037::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (h, j) = holder_table_hessian_jacobian(&x);
        assert_eq!(h, holder_table_hessian(&x));
        assert_jacobian(|v| flat_2(&holder_table_hessian(&[v[0], v[1]])), &x, &rows_3(&j));
    }
}

#[test]
fn levy_038() {
    use levy_038::*;
    let (v, (w, w_dot)) = ([0.6, -0.25, 1.1], (-0.8, 0.35));
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (y, g) = levy_grad(&x);
        assert_eq!(y, levy(&x));
        assert_gradient(levy, &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(&g, &levy_derivative_039::levy_derivative(&x), "levy_derivative");
        let (_, _, h) = levy_hessian(&x);
        assert_close_all(&h.concat(), &levy_hessian_041::levy_hessian(&x).concat(), "levy_hessian");
        let ((_, dy), (_, gw)) = (levy_jvp(&x, &v), levy_vjp(&x, w));
        assert_jvp_vjp(std::slice::from_ref(&g), &v, &[dy], &[w], &gw);
        let (_, _, hv) = levy_hvp(&x, &v);
        let ((_, gw), (dy, gw_dot)) = levy_vjp_jvp(&x, w, &v, w_dot);
        assert_second_order((&g, &h), &v, &hv, (w, w_dot), (&gw, dy, &gw_dot));
    }
}

#[test]
fn levy_derivative_039() {
    use levy_derivative_039::*;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (d, j) = levy_derivative_jacobian(&x);
        assert_eq!(d, levy_derivative(&x));
        assert_jacobian(levy_derivative, &x, &j);
        // The source's own Hessian.
        assert_close_all(&j.concat(), &levy_hessian_041::levy_hessian(&x).concat(), "levy_hessian");
    }
}

#[test]
fn levy_derivative_const_040() {
    use levy_derivative_const_040::*;
    let (t, w) = ([0.6, -0.25, 1.1], [-0.8, 0.35, 1.4]);
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (d, j) = levy_derivative_const_jacobian(&x);
        assert_eq!(d, levy_derivative_const(&x));
        assert_jacobian(|v| levy_derivative_const(&[v[0], v[1], v[2]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&levy_hessian_const_042::levy_hessian_const(&x)),
            "levy_hessian_const",
        );
        let ((d_t, jt), (d_w, wj)) =
            (levy_derivative_const_jvp(&x, t), levy_derivative_const_vjp(&x, w));
        assert_eq!((d_t, d_w), (d, d));
        assert_jvp_vjp(&rows_2(&j), &t, &jt, &w, &wj);
    }
}

#[test]
fn levy_hessian_041() {
    use levy_hessian_041::*;
    let (t, w) = (
        [0.6, -0.25, 1.1],
        vec![vec![-0.8, 0.35, 1.4], vec![0.2, -1.5, 0.9], vec![1.1, 0.4, -0.3]],
    );
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (h, j) = levy_hessian_jacobian(&x);
        assert_eq!(h, levy_hessian(&x));
        assert_jacobian(|v| levy_hessian(v).concat(), &x, &j.concat());
        let ((h_t, jt), (h_w, wj)) = (levy_hessian_jvp(&x, &t), levy_hessian_vjp(&x, &w));
        assert_eq!((&h_t, &h_w), (&h, &h));
        assert_jvp_vjp(&j.concat(), &t, &jt.concat(), &w.concat(), &wj);
        // The value against the macro's Hessian of `levy`.
        let (_, _, theirs) = levy_038::levy_hessian(&x);
        assert_close_all(&h.concat(), &theirs.concat(), "levy's Hessian");
    }
}

#[test]
fn levy_hessian_const_042() {
    use levy_hessian_const_042::*;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (o, jp) = levy_hessian_const_jacobian(&x);
        assert_eq!(o, levy_hessian_const(&x));
        assert_jacobian(|v| flat_2(&levy_hessian_const(&[v[0], v[1], v[2]])), &x, &rows_3(&jp));
    }
}

#[test]
fn levy_n13_043() {
    use levy_n13_043::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (y, g) = levy_n13_grad(&x);
        assert_eq!(y, levy_n13(&x));
        assert_gradient(|v| levy_n13(&[v[0], v[1]]), &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(
            &g,
            &levy_n13_derivative_044::levy_n13_derivative(&x),
            "levy_n13_derivative",
        );
        let (_, _, h) = levy_n13_hessian(&x);
        assert_close_all(
            &flat_2(&h),
            &flat_2(&levy_n13_hessian_045::levy_n13_hessian(&x)),
            "levy_n13_hessian",
        );
    }
}

#[test]
fn levy_n13_derivative_044() {
    use levy_n13_derivative_044::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (d, j) = levy_n13_derivative_jacobian(&x);
        assert_eq!(d, levy_n13_derivative(&x));
        assert_jacobian(|v| levy_n13_derivative(&[v[0], v[1]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&levy_n13_hessian_045::levy_n13_hessian(&x)),
            "levy_n13_hessian",
        );
    }
}

#[test]
fn levy_n13_hessian_045() {
    use levy_n13_hessian_045::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (h, j) = levy_n13_hessian_jacobian(&x);
        assert_eq!(h, levy_n13_hessian(&x));
        assert_jacobian(|v| flat_2(&levy_n13_hessian(&[v[0], v[1]])), &x, &rows_3(&j));
    }
}

#[test]
fn matyas_046() {
    use matyas_046::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (y, g) = matyas_grad(&x);
        assert_eq!(y, matyas(&x));
        assert_gradient(|v| matyas(&[v[0], v[1]]), &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(&g, &matyas_derivative_047::matyas_derivative(&x), "matyas_derivative");
        let (_, _, h) = matyas_hessian(&x);
        assert_close_all(
            &flat_2(&h),
            &flat_2(&matyas_hessian_048::matyas_hessian(&x)),
            "matyas_hessian",
        );
    }
}

#[test]
fn matyas_derivative_047() {
    use matyas_derivative_047::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (d, j) = matyas_derivative_jacobian(&x);
        assert_eq!(d, matyas_derivative(&x));
        assert_jacobian(|v| matyas_derivative(&[v[0], v[1]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&matyas_hessian_048::matyas_hessian(&x)),
            "matyas_hessian",
        );
    }
}

#[test]
fn matyas_hessian_048() {
    use matyas_hessian_048::*;
    for x in [[0.5, -1.5], [2.0, 1.0]] {
        let (h, j) = matyas_hessian_jacobian(&x);
        assert_eq!(h, matyas_hessian(&x));
        assert_jacobian(|v| flat_2(&matyas_hessian(&[v[0], v[1]])), &x, &rows_3(&j));
    }
}

#[test]
fn mccormick_049() {
    use mccormick_049::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (y, g) = mccormick_grad(&x);
        assert_eq!(y, mccormick(&x));
        assert_gradient(|v| mccormick(&[v[0], v[1]]), &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(
            &g,
            &mccormick_derivative_050::mccormick_derivative(&x),
            "mccormick_derivative",
        );
        let (_, _, h) = mccormick_hessian(&x);
        assert_close_all(
            &flat_2(&h),
            &flat_2(&mccormick_hessian_051::mccormick_hessian(&x)),
            "mccormick_hessian",
        );
    }
}

#[test]
fn mccormick_derivative_050() {
    use mccormick_derivative_050::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (d, j) = mccormick_derivative_jacobian(&x);
        assert_eq!(d, mccormick_derivative(&x));
        assert_jacobian(|v| mccormick_derivative(&[v[0], v[1]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&mccormick_hessian_051::mccormick_hessian(&x)),
            "mccormick_hessian",
        );
    }
}

#[test]
fn mccormick_hessian_051() {
    use mccormick_hessian_051::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (h, j) = mccormick_hessian_jacobian(&x);
        assert_eq!(h, mccormick_hessian(&x));
        assert_jacobian(|v| flat_2(&mccormick_hessian(&[v[0], v[1]])), &x, &rows_3(&j));
    }
}

#[test]
fn picheny_052() {
    use picheny_052::*;
    let (v, (w, w_dot)) = ([0.6, -0.25], (-0.8, 0.35));
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (y, g) = picheny_grad(&x);
        assert_eq!(y, picheny(&x));
        assert_gradient(|v| picheny(&[v[0], v[1]]), &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(&g, &picheny_derivative_053::picheny_derivative(&x), "picheny_derivative");
        let (_, _, h) = picheny_hessian(&x);
        assert_close_all(
            &flat_2(&h),
            &flat_2(&source_derivatives::picheny_hessian_054::picheny_hessian(&x)),
            "picheny_hessian",
        );
        let ((_, dy), (_, gw)) = (picheny_jvp(&x, v), picheny_vjp(&x, w));
        assert_jvp_vjp(&[g.to_vec()], &v, &[dy], &[w], &gw);
        let (_, _, hv) = picheny_hvp(&x, v);
        let ((_, gw), (dy, gw_dot)) = picheny_vjp_jvp(&x, w, v, w_dot);
        assert_second_order((&g, &rows_2(&h)), &v, &hv, (w, w_dot), (&gw, dy, &gw_dot));
    }
}

#[test]
fn picheny_derivative_053() {
    use picheny_derivative_053::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (d, j) = picheny_derivative_jacobian(&x);
        assert_eq!(d, picheny_derivative(&x));
        assert_jacobian(|v| picheny_derivative(&[v[0], v[1]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&source_derivatives::picheny_hessian_054::picheny_hessian(&x)),
            "picheny_hessian",
        );
    }
}

#[test]
fn rastrigin_055() {
    use rastrigin_055::*;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (y, g) = rastrigin_grad(&x);
        assert_eq!(y, rastrigin(&x));
        assert_gradient(rastrigin, &x, &g);
        // The source's own derivative.
        assert_close_all(
            &g,
            &rastrigin_derivative_058::rastrigin_derivative(&x),
            "rastrigin_derivative",
        );
    }
}

#[test]
fn rastrigin_a_056() {
    use rastrigin_a_056::*;
    let [a] = [10.0];
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (y, (g, ga)) = rastrigin_a_grad(&x, a);
        assert_eq!(y, rastrigin_a(&x, a));
        let at = [&x[..], &[a]].concat();
        assert_gradient(|v| rastrigin_a(&v[..3], v[3]), &at, &[&g[..], &[ga]].concat());
        // The source's own derivative in `param`.
        assert_close_all(
            &g,
            &rastrigin_a_derivative_057::rastrigin_a_derivative(&x, a),
            "rastrigin_a_derivative",
        );
    }
}

#[test]
fn rastrigin_a_derivative_057() {
    use rastrigin_a_derivative_057::*;
    let a = 10.0;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (d, (jp, ja)) = rastrigin_a_derivative_jacobian(&x, a);
        assert_eq!(d, rastrigin_a_derivative(&x, a));
        let at = [&x[..], &[a]].concat();
        assert_jacobian(
            |v| rastrigin_a_derivative(&v[..3], v[3]),
            &at,
            &with_columns(jp.clone(), &[ja]),
        );
        // The source's own Hessian.
        assert_close_all(
            &jp.concat(),
            &rastrigin_a_hessian_061::rastrigin_a_hessian(&x, a).concat(),
            "rastrigin_a_hessian",
        );
    }
}

#[test]
fn rastrigin_derivative_058() {
    use rastrigin_derivative_058::*;
    let (t, w) = ([0.6, -0.25, 1.1], [-0.8, 0.35, 1.4]);
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (d, j) = rastrigin_derivative_jacobian(&x);
        assert_eq!(d, rastrigin_derivative(&x));
        assert_jacobian(rastrigin_derivative, &x, &j);
        let ((d_t, jt), (d_w, wj)) =
            (rastrigin_derivative_jvp(&x, &t), rastrigin_derivative_vjp(&x, &w));
        assert_eq!((&d_t, &d_w), (&d, &d));
        assert_jvp_vjp(&j, &t, &jt, &w, &wj);
        // The source's own Hessian.
        assert_close_all(
            &j.concat(),
            &rastrigin_hessian_062::rastrigin_hessian(&x).concat(),
            "rastrigin_hessian",
        );
    }
}

#[test]
fn rastrigin_a_derivative_const_059() {
    use rastrigin_a_derivative_const_059::*;
    let a = 10.0;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (d, (jp, ja)) = rastrigin_a_derivative_const_jacobian(&x, a);
        assert_eq!(d, rastrigin_a_derivative_const(&x, a));
        let rows: Vec<Vec<f64>> = jp.iter().zip(ja).map(|(r, c)| [&r[..], &[c]].concat()).collect();
        let at = [x[0], x[1], x[2], a];
        assert_jacobian(
            |v| rastrigin_a_derivative_const(&[v[0], v[1], v[2]], v[3]).to_vec(),
            &at,
            &rows,
        );
        // The source's own Hessian.
        let theirs = rastrigin_a_hessian_const_063::rastrigin_a_hessian_const::<3, f64>(&x, a);
        for i in 0..3 {
            for k in 0..3 {
                assert_close(jp[i][k], theirs[i][k], "rastrigin_a_hessian_const");
            }
        }
    }
}

#[test]
fn rastrigin_derivative_const_060() {
    use rastrigin_derivative_const_060::*;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (o, jp) = rastrigin_derivative_const_jacobian(&x);
        assert_eq!(o, rastrigin_derivative_const(&x));
        assert_jacobian(
            |v| (rastrigin_derivative_const(&[v[0], v[1], v[2]])).to_vec(),
            &x,
            &rows_2(&jp),
        );
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&jp),
            &flat_2(&rastrigin_hessian_const_064::rastrigin_hessian_const(&x)),
            "rastrigin_hessian_const",
        );
    }
}

#[test]
fn rastrigin_a_hessian_061() {
    use rastrigin_a_hessian_061::*;
    let (t, w) = (
        [0.6, -0.25, 1.1, 0.3],
        vec![vec![-0.8, 0.35, 1.4], vec![0.2, -1.5, 0.9], vec![1.1, 0.4, -0.3]],
    );
    let a = 10.0;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (h, (jp, ja)) = rastrigin_a_hessian_jacobian(&x, a);
        assert_eq!(h, rastrigin_a_hessian(&x, a));
        assert_jacobian(
            |v| rastrigin_a_hessian(&v[..3], v[3]).concat(),
            &[&x[..], &[a]].concat(),
            &with_columns(jp.concat(), &[ja.concat()]),
        );
        let (h_t, jt) = rastrigin_a_hessian_jvp(&x, a, &t[..3], t[3]);
        let (h_w, (wp, wa)) = rastrigin_a_hessian_vjp(&x, a, &w);
        assert_eq!((&h_t, &h_w), (&h, &h));
        let rows = with_columns(jp.concat(), &[ja.concat()]);
        assert_jvp_vjp(&rows, &t, &jt.concat(), &w.concat(), &[&wp[..], &[wa]].concat());
    }
}

#[test]
fn rastrigin_hessian_062() {
    use rastrigin_hessian_062::*;
    let (t, w) = (
        [0.6, -0.25, 1.1],
        vec![vec![-0.8, 0.35, 1.4], vec![0.2, -1.5, 0.9], vec![1.1, 0.4, -0.3]],
    );
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (h, j) = rastrigin_hessian_jacobian(&x);
        assert_eq!(h, rastrigin_hessian(&x));
        assert_jacobian(|v| rastrigin_hessian(v).concat(), &x, &j.concat());
        let ((h_t, jt), (h_w, wj)) = (rastrigin_hessian_jvp(&x, &t), rastrigin_hessian_vjp(&x, &w));
        assert_eq!((&h_t, &h_w), (&h, &h));
        assert_jvp_vjp(&j.concat(), &t, &jt.concat(), &w.concat(), &wj);
    }
}

#[test]
fn rastrigin_a_hessian_const_063() {
    use rastrigin_a_hessian_const_063::*;
    let (t, w) = ([0.6, -0.25, 1.1, 0.3], [[-0.8, 0.35, 1.4], [0.2, -1.5, 0.9], [1.1, 0.4, -0.3]]);
    for a in [10.0, 3.0] {
        for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
            let (h, (jp, ja)) = rastrigin_a_hessian_const_jacobian::<3, f64>(&x, a);
            assert_eq!(h, rastrigin_a_hessian_const::<3, f64>(&x, a));
            let rows: Vec<Vec<f64>> = jp
                .iter()
                .flatten()
                .zip(ja.iter().flatten())
                .map(|(r, c)| [&r[..], &[*c]].concat())
                .collect();
            assert_jacobian(
                |v| flat_2(&rastrigin_a_hessian_const::<3, f64>(&v[..3], v[3])),
                &[&x[..], &[a]].concat(),
                &rows,
            );
            // The source's Hessian on slices, the same values.
            assert_close_all(
                &flat_2(&h),
                &rastrigin_a_hessian_061::rastrigin_a_hessian(&x, a).concat(),
                "rastrigin_a_hessian",
            );
            let (h_t, jt) = rastrigin_a_hessian_const_jvp::<3, f64>(&x, a, &t[..3], t[3]);
            let (h_w, (wp, wa)) = rastrigin_a_hessian_const_vjp::<3, f64>(&x, a, w);
            assert_eq!((h_t, h_w), (h, h));
            assert_jvp_vjp(&rows, &t, &flat_2(&jt), &flat_2(&w), &[&wp[..], &[wa]].concat());
        }
    }
}

#[test]
fn rastrigin_hessian_const_064() {
    use rastrigin_hessian_const_064::*;
    let (t, w) = ([0.6, -0.25, 1.1], [[-0.8, 0.35, 1.4], [0.2, -1.5, 0.9], [1.1, 0.4, -0.3]]);
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (h, j) = rastrigin_hessian_const_jacobian(&x);
        assert_eq!(h, rastrigin_hessian_const(&x));
        assert_jacobian(|v| flat_2(&rastrigin_hessian_const(&[v[0], v[1], v[2]])), &x, &rows_3(&j));
        // The source's Hessian on slices, the same values.
        assert_close_all(
            &flat_2(&h),
            &rastrigin_hessian_062::rastrigin_hessian(&x).concat(),
            "rastrigin_hessian",
        );
        let (h_t, jt) = rastrigin_hessian_const_jvp(&x, t);
        let (h_w, wj) = rastrigin_hessian_const_vjp(&x, w);
        assert_eq!((h_t, h_w), (h, h));
        assert_jvp_vjp(&rows_3(&j), &t, &flat_2(&jt), &flat_2(&w), &wj);
    }
}

#[test]
fn rosenbrock_065() {
    use rosenbrock_065::*;
    let (v, (w, w_dot)) = ([0.6, -0.25, 1.1], (-0.8, 0.35));
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (y, g) = rosenbrock_grad(&x);
        assert_eq!(y, rosenbrock(&x));
        assert_gradient(rosenbrock, &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(
            &g,
            &rosenbrock_derivative_067::rosenbrock_derivative(&x),
            "rosenbrock_derivative",
        );
        let (_, _, h) = rosenbrock_hessian(&x);
        assert_close_all(
            &h.concat(),
            &rosenbrock_hessian_069::rosenbrock_hessian(&x).concat(),
            "rosenbrock_hessian",
        );
        let ((_, dy), (_, gw)) = (rosenbrock_jvp(&x, &v), rosenbrock_vjp(&x, w));
        assert_jvp_vjp(std::slice::from_ref(&g), &v, &[dy], &[w], &gw);
        let (_, _, hv) = rosenbrock_hvp(&x, &v);
        let ((_, gw), (dy, gw_dot)) = rosenbrock_vjp_jvp(&x, w, &v, w_dot);
        assert_second_order((&g, &h), &v, &hv, (w, w_dot), (&gw, dy, &gw_dot));
    }
}

#[test]
fn rosenbrock_ab_066() {
    use rosenbrock_ab_066::*;
    let (v, (w, w_dot)) = ([0.6, -0.25, 1.1, 0.3, -0.7], (-0.8, 0.35));
    // The gradient over (param, a, b), flattened.
    let grad = |p: &[f64]| {
        let (_, (gp, ga, gb)) = rosenbrock_ab_grad(&p[..3], p[3], p[4]);
        [&gp[..], &[ga, gb]].concat()
    };
    let [a, b] = [1.0, 100.0];
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let at = [&x[..], &[a, b]].concat();
        let (y, (gp, ga, gb)) = rosenbrock_ab_grad(&x, a, b);
        assert_eq!(y, rosenbrock_ab(&x, a, b));
        let g = [&gp[..], &[ga, gb]].concat();
        assert_gradient(|v| rosenbrock_ab(&v[..3], v[3], v[4]), &at, &g);
        // The Hessian over (param, a, b), against central differences of the gradient.
        let (_, _, h) = rosenbrock_ab_hessian(&x, a, b);
        assert_jacobian(grad, &at, &h);
        // The source's own derivative and Hessian, in `param`.
        assert_close_all(
            &gp,
            &rosenbrock_ab_derivative_068::rosenbrock_ab_derivative(&x, a, b),
            "rosenbrock_ab_derivative",
        );
        let block: Vec<f64> = h[..3].iter().flat_map(|row| row[..3].to_vec()).collect();
        assert_close_all(
            &block,
            &rosenbrock_ab_hessian_070::rosenbrock_ab_hessian(&x, a, b).concat(),
            "rosenbrock_ab_hessian",
        );
        let (_, dy) = rosenbrock_ab_jvp(&x, a, b, &v[..3], v[3], v[4]);
        let (_, (wp, wa, wb)) = rosenbrock_ab_vjp(&x, a, b, w);
        assert_jvp_vjp(std::slice::from_ref(&g), &v, &[dy], &[w], &[&wp[..], &[wa, wb]].concat());
        let (_, _, (hp, ha, hb)) = rosenbrock_ab_hvp(&x, a, b, &v[..3], v[3], v[4]);
        let ((_, (wp, wa, wb)), (dy, (dp, da, db))) =
            rosenbrock_ab_vjp_jvp(&x, a, b, w, &v[..3], v[3], v[4], w_dot);
        assert_second_order(
            (&g, &h),
            &v,
            &[&hp[..], &[ha, hb]].concat(),
            (w, w_dot),
            (&[&wp[..], &[wa, wb]].concat(), dy, &[&dp[..], &[da, db]].concat()),
        );
    }
    // argmin's `rosenbrock_ab_hessian` writes `2 a` for the second derivative of
    // `(a - x_i)^2`, which is 2: it agrees with the function's Hessian at a = 1 only (the
    // comparison above). At a = 3 the macro's Hessian still agrees with central
    // differences, and argmin's diagonal (but for the last entry) exceeds it by 2 (a - 1).
    let (x, a) = ([0.3, -1.1, 2.4], 3.0);
    let (_, _, h) = rosenbrock_ab_hessian(&x, a, b);
    assert_jacobian(grad, &[&x[..], &[a, b]].concat(), &h);
    let theirs = rosenbrock_ab_hessian_070::rosenbrock_ab_hessian(&x, a, b);
    for i in 0..3 {
        let excess = if i < 2 { 2.0 * (a - 1.0) } else { 0.0 };
        assert_close(h[i][i] + excess, theirs[i][i], "rosenbrock_ab_hessian's diagonal at a = 3");
    }
}

#[test]
fn rosenbrock_derivative_067() {
    use rosenbrock_derivative_067::*;
    let (t, w) = ([0.6, -0.25, 1.1], [-0.8, 0.35, 1.4]);
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (d, j) = rosenbrock_derivative_jacobian(&x);
        assert_eq!(d, rosenbrock_derivative(&x));
        assert_jacobian(rosenbrock_derivative, &x, &j);
        let ((d_t, jt), (d_w, wj)) =
            (rosenbrock_derivative_jvp(&x, &t), rosenbrock_derivative_vjp(&x, &w));
        assert_eq!((&d_t, &d_w), (&d, &d));
        assert_jvp_vjp(&j, &t, &jt, &w, &wj);
        // The source's own Hessian.
        assert_close_all(
            &j.concat(),
            &rosenbrock_hessian_069::rosenbrock_hessian(&x).concat(),
            "rosenbrock_hessian",
        );
    }
}

#[test]
fn rosenbrock_ab_derivative_068() {
    use rosenbrock_ab_derivative_068::*;
    let [a, b] = [1.0, 100.0];
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (d, (jp, ja, jb)) = rosenbrock_ab_derivative_jacobian(&x, a, b);
        assert_eq!(d, rosenbrock_ab_derivative(&x, a, b));
        let at = [&x[..], &[a, b]].concat();
        assert_jacobian(
            |v| rosenbrock_ab_derivative(&v[..3], v[3], v[4]),
            &at,
            &with_columns(jp.clone(), &[ja, jb]),
        );
        // The source's own Hessian.
        assert_close_all(
            &jp.concat(),
            &rosenbrock_ab_hessian_070::rosenbrock_ab_hessian(&x, a, b).concat(),
            "rosenbrock_ab_hessian",
        );
    }
}

#[test]
fn rosenbrock_hessian_069() {
    use rosenbrock_hessian_069::*;
    let (t, w) = (
        [0.6, -0.25, 1.1],
        vec![vec![-0.8, 0.35, 1.4], vec![0.2, -1.5, 0.9], vec![1.1, 0.4, -0.3]],
    );
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (h, j) = rosenbrock_hessian_jacobian(&x);
        assert_eq!(h, rosenbrock_hessian(&x));
        assert_jacobian(|v| rosenbrock_hessian(v).concat(), &x, &j.concat());
        let ((h_t, jt), (h_w, wj)) =
            (rosenbrock_hessian_jvp(&x, &t), rosenbrock_hessian_vjp(&x, &w));
        assert_eq!((&h_t, &h_w), (&h, &h));
        assert_jvp_vjp(&j.concat(), &t, &jt.concat(), &w.concat(), &wj);
        // The value against the macro's Hessian of `rosenbrock`.
        let (_, _, theirs) = rosenbrock_065::rosenbrock_hessian(&x);
        assert_close_all(&h.concat(), &theirs.concat(), "rosenbrock's Hessian");
    }
}

#[test]
fn rosenbrock_ab_hessian_070() {
    use rosenbrock_ab_hessian_070::*;
    let (t, w) = (
        [0.6, -0.25, 1.1, 0.3, -0.7],
        vec![vec![-0.8, 0.35, 1.4], vec![0.2, -1.5, 0.9], vec![1.1, 0.4, -0.3]],
    );
    let b = 100.0;
    // Its derivative is that of the code as written at any `a` (the code is wrong but
    // for a = 1, see rosenbrock_ab_066).
    for (x, a) in [([0.3, -1.1, 2.4], 1.0), ([1.7, 0.45, -0.2], 1.0), ([0.3, -1.1, 2.4], 3.0)] {
        let (h, (jp, ja, jb)) = rosenbrock_ab_hessian_jacobian(&x, a, b);
        assert_eq!(h, rosenbrock_ab_hessian(&x, a, b));
        assert_jacobian(
            |v| rosenbrock_ab_hessian(&v[..3], v[3], v[4]).concat(),
            &[&x[..], &[a, b]].concat(),
            &with_columns(jp.concat(), &[ja.concat(), jb.concat()]),
        );
        let (h_t, jt) = rosenbrock_ab_hessian_jvp(&x, a, b, &t[..3], t[3], t[4]);
        let (h_w, (wp, wa, wb)) = rosenbrock_ab_hessian_vjp(&x, a, b, &w);
        assert_eq!((&h_t, &h_w), (&h, &h));
        let rows = with_columns(jp.concat(), &[ja.concat(), jb.concat()]);
        assert_jvp_vjp(&rows, &t, &jt.concat(), &w.concat(), &[&wp[..], &[wa, wb]].concat());
        // The value against the macro's Hessian of `rosenbrock_ab` in `param`, at a = 1,
        // where argmin's is right.
        if a == 1.0 {
            let (_, _, theirs) = rosenbrock_ab_066::rosenbrock_ab_hessian(&x, a, b);
            let block: Vec<f64> = theirs[..3].iter().flat_map(|row| row[..3].to_vec()).collect();
            assert_close_all(&h.concat(), &block, "rosenbrock_ab's Hessian");
        }
    }
}

#[test]
fn rosenbrock_derivative_const_071() {
    use rosenbrock_derivative_const_071::*;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (o, jp) = rosenbrock_derivative_const_jacobian(&x);
        assert_eq!(o, rosenbrock_derivative_const(&x));
        assert_jacobian(
            |v| (rosenbrock_derivative_const(&[v[0], v[1], v[2]])).to_vec(),
            &x,
            &rows_2(&jp),
        );
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&jp),
            &flat_2(&rosenbrock_hessian_const_073::rosenbrock_hessian_const(&x)),
            "rosenbrock_hessian_const",
        );
    }
}

#[test]
fn rosenbrock_ab_derivative_const_072() {
    use rosenbrock_ab_derivative_const_072::*;
    let [a, b] = [1.0, 100.0];
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (o, (jp, ja, jb)) = rosenbrock_ab_derivative_const_jacobian(&x, a, b);
        assert_eq!(o, rosenbrock_ab_derivative_const(&x, a, b));
        assert_jacobian(
            |v| (rosenbrock_ab_derivative_const(&[v[0], v[1], v[2]], v[3], v[4])).to_vec(),
            &[&x[..], &[a, b]].concat(),
            &with_columns(rows_2(&jp), &[ja.to_vec(), jb.to_vec()]),
        );
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&jp),
            &flat_2(&rosenbrock_ab_hessian_const_074::rosenbrock_ab_hessian_const(&x, a, b)),
            "rosenbrock_ab_hessian_const",
        );
    }
}

#[test]
fn rosenbrock_hessian_const_073() {
    use rosenbrock_hessian_const_073::*;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (o, jp) = rosenbrock_hessian_const_jacobian(&x);
        assert_eq!(o, rosenbrock_hessian_const(&x));
        assert_jacobian(
            |v| flat_2(&rosenbrock_hessian_const(&[v[0], v[1], v[2]])),
            &x,
            &rows_3(&jp),
        );
    }
}

#[test]
fn rosenbrock_ab_hessian_const_074() {
    use rosenbrock_ab_hessian_const_074::*;
    let [a, b] = [1.0, 100.0];
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (o, (jp, ja, jb)) = rosenbrock_ab_hessian_const_jacobian(&x, a, b);
        assert_eq!(o, rosenbrock_ab_hessian_const(&x, a, b));
        assert_jacobian(
            |v| flat_2(&rosenbrock_ab_hessian_const(&[v[0], v[1], v[2]], v[3], v[4])),
            &[&x[..], &[a, b]].concat(),
            &with_columns(rows_3(&jp), &[flat_2(&ja), flat_2(&jb)]),
        );
    }
}

#[test]
fn schaffer_n2_075() {
    use schaffer_n2_075::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (y, g) = schaffer_n2_grad(&x);
        assert_eq!(y, schaffer_n2(&x));
        assert_gradient(|v| schaffer_n2(&[v[0], v[1]]), &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(
            &g,
            &schaffer_n2_derivative_076::schaffer_n2_derivative(&x),
            "schaffer_n2_derivative",
        );
        let (_, _, h) = schaffer_n2_hessian(&x);
        assert_close_all(
            &flat_2(&h),
            &flat_2(&schaffer_n2_hessian_077::schaffer_n2_hessian(&x)),
            "schaffer_n2_hessian",
        );
    }
}

#[test]
fn schaffer_n2_derivative_076() {
    use schaffer_n2_derivative_076::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (d, j) = schaffer_n2_derivative_jacobian(&x);
        assert_eq!(d, schaffer_n2_derivative(&x));
        assert_jacobian(|v| schaffer_n2_derivative(&[v[0], v[1]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&schaffer_n2_hessian_077::schaffer_n2_hessian(&x)),
            "schaffer_n2_hessian",
        );
    }
}

#[test]
fn schaffer_n2_hessian_077() {
    use schaffer_n2_hessian_077::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (h, j) = schaffer_n2_hessian_jacobian(&x);
        assert_eq!(h, schaffer_n2_hessian(&x));
        assert_jacobian(|v| flat_2(&schaffer_n2_hessian(&[v[0], v[1]])), &x, &rows_3(&j));
    }
}

#[test]
fn schaffer_n4_078() {
    use schaffer_n4_078::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (y, g) = schaffer_n4_grad(&x);
        assert_eq!(y, schaffer_n4(&x));
        assert_gradient(|v| schaffer_n4(&[v[0], v[1]]), &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(
            &g,
            &schaffer_n4_derivative_079::schaffer_n4_derivative(&x),
            "schaffer_n4_derivative",
        );
        let (_, _, h) = schaffer_n4_hessian(&x);
        assert_close_all(
            &flat_2(&h),
            &flat_2(&schaffer_n4_hessian_080::schaffer_n4_hessian(&x)),
            "schaffer_n4_hessian",
        );
    }
}

#[test]
fn schaffer_n4_derivative_079() {
    use schaffer_n4_derivative_079::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (d, j) = schaffer_n4_derivative_jacobian(&x);
        assert_eq!(d, schaffer_n4_derivative(&x));
        assert_jacobian(|v| schaffer_n4_derivative(&[v[0], v[1]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&schaffer_n4_hessian_080::schaffer_n4_hessian(&x)),
            "schaffer_n4_hessian",
        );
    }
}

/// At a point of a guarded branch whose result is constant: central differences `fd`
/// with steps small enough to stay on the branch are all zero (the steps did stay
/// there), and so is the macro's Jacobian `rows`.
fn assert_zero_on_branch(rows: &[Vec<f64>], fd: &[Vec<f64>], what: &str) {
    assert_eq!(rows.len(), fd.len(), "{what}: number of rows");
    for (i, (row, fd_row)) in rows.iter().zip(fd).enumerate() {
        assert!(fd_row.iter().all(|&d| d == 0.0), "{what}: differences {fd_row:?}, row {i}");
        assert!(row.iter().all(|&d| d == 0.0), "{what}: row {i} of the Jacobian is {row:?}");
    }
}

#[test]
fn schaffer_n4_hessian_080() {
    use schaffer_n4_hessian_080::*;
    let (t, w) = ([0.6, -0.25], [[-0.8, 0.35], [1.4, 0.2]]);
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (h, j) = schaffer_n4_hessian_jacobian(&x);
        assert_eq!(h, schaffer_n4_hessian(&x));
        assert_jacobian(|v| flat_2(&schaffer_n4_hessian(&[v[0], v[1]])), &x, &rows_3(&j));
        let ((h_t, jt), (h_w, wj)) =
            (schaffer_n4_hessian_jvp(&x, t), schaffer_n4_hessian_vjp(&x, w));
        assert_eq!((h_t, h_w), (h, h));
        assert_jvp_vjp(&rows_3(&j), &t, &flat_2(&jt), &flat_2(&w), &wj);
    }
    // On the diagonal x1 = x2, where the source returns zeros while |x1² - x2²| <= ε.
    let x = [0.25, 0.25];
    let (h, j) = schaffer_n4_hessian_jacobian(&x);
    assert_eq!(h, [[0.0; 2]; 2]);
    let fd = jacobian(|v| flat_2(&schaffer_n4_hessian(&[v[0], v[1]])), &x, 1e-16);
    assert_zero_on_branch(&rows_3(&j), &fd, "schaffer_n4_hessian on x1 = x2");
    let ((_, jt), (_, wj)) = (schaffer_n4_hessian_jvp(&x, t), schaffer_n4_hessian_vjp(&x, w));
    assert_eq!((jt, wj), ([[0.0; 2]; 2], [0.0; 2]));
}

#[test]
fn sphere_081() {
    use sphere_081::*;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (y, g) = sphere_grad(&x);
        assert_eq!(y, sphere(&x));
        assert_gradient(sphere, &x, &g);
        // The source's own derivative.
        assert_close_all(&g, &sphere_derivative_082::sphere_derivative(&x), "sphere_derivative");
    }
}

#[test]
fn sphere_derivative_082() {
    use sphere_derivative_082::*;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (d, j) = sphere_derivative_jacobian(&x);
        assert_eq!(d, sphere_derivative(&x));
        assert_jacobian(sphere_derivative, &x, &j);
        // The source's own Hessian.
        assert_close_all(
            &j.concat(),
            &sphere_hessian_084::sphere_hessian(&x).concat(),
            "sphere_hessian",
        );
    }
}

#[test]
fn sphere_derivative_const_083() {
    use sphere_derivative_const_083::*;
    for x in [[0.3, -1.1, 2.4, 5.0], [1.0, 0.0, -2.0, 0.5]] {
        let (d, j) = sphere_derivative_const_jacobian(&x);
        assert_eq!(d, sphere_derivative_const(&x));
        let rows: Vec<Vec<f64>> = j.iter().map(|r| r.to_vec()).collect();
        assert_jacobian(|v| sphere_derivative_const(&[v[0], v[1], v[2], v[3]]).to_vec(), &x, &rows);
        // The source's own Hessian.
        assert_eq!(j, sphere_hessian_const_085::sphere_hessian_const(&x));
    }
}

#[test]
fn sphere_hessian_084() {
    use sphere_hessian_084::*;
    let (t, w) = (
        [0.6, -0.25, 1.1],
        vec![vec![-0.8, 0.35, 1.4], vec![0.2, -1.5, 0.9], vec![1.1, 0.4, -0.3]],
    );
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (h, j) = sphere_hessian_jacobian(&x);
        assert_eq!(h, sphere_hessian(&x));
        assert_jacobian(|v| sphere_hessian(v).concat(), &x, &j.concat());
        let ((h_t, jt), (h_w, wj)) = (sphere_hessian_jvp(&x, &t), sphere_hessian_vjp(&x, &w));
        assert_eq!((&h_t, &h_w), (&h, &h));
        assert_jvp_vjp(&j.concat(), &t, &jt.concat(), &w.concat(), &wj);
    }
}

#[test]
fn sphere_hessian_const_085() {
    use sphere_hessian_const_085::*;
    let (t, w) = ([0.6, -0.25, 1.1], [[-0.8, 0.35, 1.4], [0.2, -1.5, 0.9], [1.1, 0.4, -0.3]]);
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (h, j) = sphere_hessian_const_jacobian(&x);
        assert_eq!(h, sphere_hessian_const(&x));
        assert_jacobian(|v| flat_2(&sphere_hessian_const(&[v[0], v[1], v[2]])), &x, &rows_3(&j));
        let ((h_t, jt), (h_w, wj)) =
            (sphere_hessian_const_jvp(&x, t), sphere_hessian_const_vjp(&x, w));
        assert_eq!((h_t, h_w), (h, h));
        assert_jvp_vjp(&rows_3(&j), &t, &flat_2(&jt), &flat_2(&w), &wj);
    }
}

#[test]
fn styblinski_tang_086() {
    use styblinski_tang_086::*;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (y, g) = styblinski_tang_grad(&x);
        assert_eq!(y, styblinski_tang(&x));
        assert_gradient(styblinski_tang, &x, &g);
        // The source's own derivative.
        assert_close_all(
            &g,
            &styblinski_tang_derivative_087::styblinski_tang_derivative(&x),
            "styblinski_tang_derivative",
        );
    }
}

#[test]
fn styblinski_tang_derivative_087() {
    use styblinski_tang_derivative_087::*;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (d, j) = styblinski_tang_derivative_jacobian(&x);
        assert_eq!(d, styblinski_tang_derivative(&x));
        assert_jacobian(styblinski_tang_derivative, &x, &j);
        // The source's own Hessian.
        assert_close_all(
            &j.concat(),
            &styblinski_tang_hessian_089::styblinski_tang_hessian(&x).concat(),
            "styblinski_tang_hessian",
        );
    }
}

#[test]
fn styblinski_tang_derivative_const_088() {
    use styblinski_tang_derivative_const_088::*;
    let (t, w) = ([0.6, -0.25, 1.1], [-0.8, 0.35, 1.4]);
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (d, j) = styblinski_tang_derivative_const_jacobian(&x);
        assert_eq!(d, styblinski_tang_derivative_const(&x));
        assert_jacobian(
            |v| styblinski_tang_derivative_const(&[v[0], v[1], v[2]]).to_vec(),
            &x,
            &rows_2(&j),
        );
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&styblinski_tang_hessian_const_090::styblinski_tang_hessian_const(&x)),
            "styblinski_tang_hessian_const",
        );
        let (d_t, jt) = styblinski_tang_derivative_const_jvp(&x, t);
        let (d_w, wj) = styblinski_tang_derivative_const_vjp(&x, w);
        assert_eq!((d_t, d_w), (d, d));
        assert_jvp_vjp(&rows_2(&j), &t, &jt, &w, &wj);
    }
}

#[test]
fn styblinski_tang_hessian_089() {
    use styblinski_tang_hessian_089::*;
    let (t, w) = (
        [0.6, -0.25, 1.1],
        vec![vec![-0.8, 0.35, 1.4], vec![0.2, -1.5, 0.9], vec![1.1, 0.4, -0.3]],
    );
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (h, j) = styblinski_tang_hessian_jacobian(&x);
        assert_eq!(h, styblinski_tang_hessian(&x));
        assert_jacobian(|v| styblinski_tang_hessian(v).concat(), &x, &j.concat());
        let ((h_t, jt), (h_w, wj)) =
            (styblinski_tang_hessian_jvp(&x, &t), styblinski_tang_hessian_vjp(&x, &w));
        assert_eq!((&h_t, &h_w), (&h, &h));
        assert_jvp_vjp(&j.concat(), &t, &jt.concat(), &w.concat(), &wj);
    }
}

#[test]
fn styblinski_tang_hessian_const_090() {
    use styblinski_tang_hessian_const_090::*;
    let (t, w) = ([0.6, -0.25, 1.1], [[-0.8, 0.35, 1.4], [0.2, -1.5, 0.9], [1.1, 0.4, -0.3]]);
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (h, j) = styblinski_tang_hessian_const_jacobian(&x);
        assert_eq!(h, styblinski_tang_hessian_const(&x));
        assert_jacobian(
            |v| flat_2(&styblinski_tang_hessian_const(&[v[0], v[1], v[2]])),
            &x,
            &rows_3(&j),
        );
        let (h_t, jt) = styblinski_tang_hessian_const_jvp(&x, t);
        let (h_w, wj) = styblinski_tang_hessian_const_vjp(&x, w);
        assert_eq!((h_t, h_w), (h, h));
        assert_jvp_vjp(&rows_3(&j), &t, &flat_2(&jt), &flat_2(&w), &wj);
    }
}

#[test]
fn threehumpcamel_091() {
    use threehumpcamel_091::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (y, g) = threehumpcamel_grad(&x);
        assert_eq!(y, threehumpcamel(&x));
        assert_gradient(|v| threehumpcamel(&[v[0], v[1]]), &x, &g);
        // The source's own derivative and Hessian.
        assert_close_all(
            &g,
            &threehumpcamel_derivative_092::threehumpcamel_derivative(&x),
            "threehumpcamel_derivative",
        );
        let (_, _, h) = threehumpcamel_hessian(&x);
        assert_close_all(
            &flat_2(&h),
            &flat_2(&threehumpcamel_hessian_093::threehumpcamel_hessian(&x)),
            "threehumpcamel_hessian",
        );
    }
}

#[test]
fn threehumpcamel_derivative_092() {
    use threehumpcamel_derivative_092::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (d, j) = threehumpcamel_derivative_jacobian(&x);
        assert_eq!(d, threehumpcamel_derivative(&x));
        assert_jacobian(|v| threehumpcamel_derivative(&[v[0], v[1]]).to_vec(), &x, &rows_2(&j));
        // The source's own Hessian.
        assert_close_all(
            &flat_2(&j),
            &flat_2(&threehumpcamel_hessian_093::threehumpcamel_hessian(&x)),
            "threehumpcamel_hessian",
        );
    }
}

#[test]
fn threehumpcamel_hessian_093() {
    use threehumpcamel_hessian_093::*;
    for x in [[1.3, -0.7], [-2.1, 0.4]] {
        let (h, j) = threehumpcamel_hessian_jacobian(&x);
        assert_eq!(h, threehumpcamel_hessian(&x));
        assert_jacobian(|v| flat_2(&threehumpcamel_hessian(&[v[0], v[1]])), &x, &rows_3(&j));
    }
}

#[test]
fn zero_094() {
    use zero_094::*;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (y, g) = zero_grad(&x);
        assert_eq!(y, zero(&x));
        assert_gradient(zero, &x, &g);
        // The source's own derivative.
        assert_close_all(&g, &zero_derivative_095::zero_derivative(&x), "zero_derivative");
    }
}

#[test]
fn zero_derivative_095() {
    use zero_derivative_095::*;
    let x = vec![0.3, -1.1, 2.4];
    let (d, j) = zero_derivative_jacobian(&x);
    assert_eq!(d, zero_derivative(&x));
    assert_jacobian(zero_derivative, &x, &j);
    assert_eq!(j, zero_hessian_097::zero_hessian(&x));
}

#[test]
fn zero_derivative_const_096() {
    use zero_derivative_const_096::*;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (o, jp) = zero_derivative_const_jacobian(&x);
        assert_eq!(o, zero_derivative_const(&x));
        assert_jacobian(
            |v| (zero_derivative_const(&[v[0], v[1], v[2]])).to_vec(),
            &x,
            &rows_2(&jp),
        );
    }
}

#[test]
fn zero_hessian_097() {
    use zero_hessian_097::*;
    let (t, w) = (
        [0.6, -0.25, 1.1],
        vec![vec![-0.8, 0.35, 1.4], vec![0.2, -1.5, 0.9], vec![1.1, 0.4, -0.3]],
    );
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (h, j) = zero_hessian_jacobian(&x);
        assert_eq!(h, zero_hessian(&x));
        assert_jacobian(|v| zero_hessian(v).concat(), &x, &j.concat());
        let ((h_t, jt), (h_w, wj)) = (zero_hessian_jvp(&x, &t), zero_hessian_vjp(&x, &w));
        assert_eq!((&h_t, &h_w), (&h, &h));
        assert_jvp_vjp(&j.concat(), &t, &jt.concat(), &w.concat(), &wj);
    }
}

#[test]
fn zero_hessian_const_098() {
    use zero_hessian_const_098::*;
    for x in [[0.3, -1.1, 2.4], [1.7, 0.45, -0.2]] {
        let (o, jp) = zero_hessian_const_jacobian(&x);
        assert_eq!(o, zero_hessian_const(&x));
        assert_jacobian(|v| flat_2(&zero_hessian_const(&[v[0], v[1], v[2]])), &x, &rows_3(&jp));
    }
}

#[test]
fn logistic_099() {
    use logistic_099::*;
    for p in [0.3, -2.0, 4.5] {
        let (y, g) = logistic_grad(p);
        assert_eq!(y, logistic(p));
        assert_gradient(|v| logistic(v[0]), &[p], &[g]);
    }
}

#[test]
fn logit_100() {
    use logit_100::*;
    for p in [0.2, 0.5, 0.9] {
        let (y, g) = logit_grad(p);
        assert_eq!(y, logit(p));
        assert_gradient(|v| logit(v[0]), &[p], &[g]);
        // By hand: d/dp ln(p / (1 - p)) = 1 / (p (1 - p)).
        assert_close(g, 1.0 / (p * (1.0 - p)), "1 / (p (1 - p))");
        let ((_, dy), (_, gw)) = (logit_jvp(p, 0.6), logit_vjp(p, -0.8));
        assert_jvp_vjp(&[vec![g]], &[0.6], &[dy], &[-0.8], &[gw]);
        // The helper (101) inside [0, 1]: `Some`, with the same value and derivative.
        let (cy, cg) = checked_logit_grad(p).unwrap();
        assert_eq!(Some(cy), checked_logit(p));
        assert_eq!((cy, cg), (y, g));
        assert_eq!(checked_logit_jvp(p, 0.6), Some((y, dy)));
        assert_eq!(checked_logit_vjp(p, -0.8), Some((y, gw)));
    }
    // Outside [0, 1]: `None` from the function and from every sibling.
    for p in [-0.5, 1.5] {
        assert_eq!(checked_logit(p), None);
        assert_eq!(checked_logit_grad(p), None);
        assert_eq!(checked_logit_jvp(p, 1.0), None);
        assert_eq!(checked_logit_vjp(p, 1.0), None);
    }
}

#[test]
fn polynomial_102() {
    use polynomial_102::*;
    for (z, coeff) in [(0.7, vec![1.5, -2.0, 0.25, 3.0]), (-1.3, vec![0.5, 1.0, -0.75])] {
        let (y, (gz, gc)) = polynomial_grad(z, &coeff);
        assert_eq!(y, polynomial(z, &coeff));
        let at = [&[z][..], &coeff].concat();
        let g = [&[gz][..], &gc].concat();
        assert_gradient(|v| polynomial(v[0], &v[1..]), &at, &g);
        // By hand: the polynomial is the sum of c_k z^k, so its derivative in z is the sum
        // of k c_k z^(k - 1) and its derivative in c_k is z^k.
        let dz = (1..coeff.len()).map(|k| k as f64 * coeff[k] * z.powi(k as i32 - 1)).sum();
        assert_close(gz, dz, "the sum of k c_k z^(k - 1)");
        let dc: Vec<f64> = (0..coeff.len()).map(|k| z.powi(k as i32)).collect();
        assert_close_all(&gc, &dc, "z^k");
        let t = [0.6, -0.25, 1.1, 0.3, -0.7][..at.len()].to_vec();
        let w = -0.8;
        let (_, dy) = polynomial_jvp(z, &coeff, t[0], &t[1..]);
        let (_, (wz, wc)) = polynomial_vjp(z, &coeff, w);
        assert_jvp_vjp(&[g], &t, &[dy], &[w], &[&[wz][..], &wc].concat());
    }
}

#[test]
fn ln_gamma_109() {
    use ln_gamma_109::*;
    // The reflection below 0.5 (where sin(pi x) > 0) and the Lanczos sum above.
    for x in [0.3, -1.5, 2.5, 7.3] {
        let (y, g) = ln_gamma_grad(x);
        assert_eq!(y, ln_gamma(x));
        assert_gradient(|v| ln_gamma(v[0]), &[x], &[g]);
        // d/dx ln |gamma(x)| = digamma(x), statrs's own (module 119).
        assert_close(g, digamma_119::digamma(x), "digamma");
        let ((_, dy), (_, gw)) = (ln_gamma_jvp(x, 0.6), ln_gamma_vjp(x, -0.8));
        assert_jvp_vjp(&[vec![g]], &[0.6], &[dy], &[-0.8], &[gw]);
    }
}

#[test]
fn gamma_110() {
    use gamma_110::*;
    // The reflection below 0.5 and the Lanczos sum above.
    for x in [0.3, -1.5, -0.5, 2.5, 7.3] {
        let (y, g) = gamma_grad(x);
        assert_eq!(y, gamma(x));
        assert_gradient(|v| gamma(v[0]), &[x], &[g]);
        // d/dx gamma(x) = gamma(x) digamma(x), with statrs's digamma (module 119).
        assert_close(g, y * digamma_119::digamma(x), "gamma digamma");
        let ((_, dy), (_, gw)) = (gamma_jvp(x, 0.6), gamma_vjp(x, -0.8));
        assert_jvp_vjp(&[vec![g]], &[0.6], &[dy], &[-0.8], &[gw]);
    }
}

/// `x^(a - 1) e^(-x)`, the derivative in `x` of the lower incomplete gamma function
/// (and minus that of the upper one), by the formula; statrs's `ln_gamma` (module 109)
/// divides it by `Γ(a)` for the regularized ones.
fn gamma_density(a: f64, x: f64) -> f64 {
    ((a - 1.0) * x.ln() - x).exp()
}

// The points: `x <= 1` or `x <= a` (statrs's series), and `x > 1`, `x > a` (its continued
// fraction); `gamma_ur` takes `1 - gamma_lr` below `x < 1 || x <= a`.
const GAMMA_POINTS: [(f64, f64); 4] = [(2.5, 1.5), (0.7, 0.4), (1.5, 4.0), (3.2, 6.5)];
// `a <= 0` and `x <= 0`, statrs's errors.
const GAMMA_FAILURES: [(f64, f64); 2] = [(-1.0, 2.0), (1.5, 0.0)];

#[test]
fn gamma_ui_111() {
    use gamma_ui_111::*;
    for (a, x) in GAMMA_POINTS {
        let (y, (ga, gx)) = gamma_ui_grad(a, x);
        assert_eq!(y, gamma_ui(a, x));
        assert_gradient(|v| gamma_ui(v[0], v[1]), &[a, x], &[ga, gx]);
        assert_close(gx, -gamma_density(a, x), "-x^(a - 1) e^(-x)");
        let ((_, dy), (_, (wa, wx))) = (gamma_ui_jvp(a, x, 0.6, -0.3), gamma_ui_vjp(a, x, -0.8));
        assert_jvp_vjp(&[vec![ga, gx]], &[0.6, -0.3], &[dy], &[-0.8], &[wa, wx]);
        // The helper (112): `Ok` with the same value and derivatives.
        assert_eq!(checked_gamma_ui_grad(a, x), Ok((y, (ga, gx))));
        assert_eq!(checked_gamma_ui_jvp(a, x, 0.6, -0.3), Ok((y, dy)));
        assert_eq!(checked_gamma_ui_vjp(a, x, -0.8), Ok((y, (wa, wx))));
    }
    for (a, x) in GAMMA_FAILURES {
        let e = checked_gamma_ui(a, x).unwrap_err();
        assert_eq!(checked_gamma_ui_grad(a, x), Err(e));
        assert_eq!(checked_gamma_ui_jvp(a, x, 1.0, 1.0), Err(e));
        assert_eq!(checked_gamma_ui_vjp(a, x, 1.0), Err(e));
    }
}

#[test]
fn gamma_li_113() {
    use gamma_li_113::*;
    for (a, x) in GAMMA_POINTS {
        let (y, (ga, gx)) = gamma_li_grad(a, x);
        assert_eq!(y, gamma_li(a, x));
        assert_gradient(|v| gamma_li(v[0], v[1]), &[a, x], &[ga, gx]);
        assert_close(gx, gamma_density(a, x), "x^(a - 1) e^(-x)");
        let ((_, dy), (_, (wa, wx))) = (gamma_li_jvp(a, x, 0.6, -0.3), gamma_li_vjp(a, x, -0.8));
        assert_jvp_vjp(&[vec![ga, gx]], &[0.6, -0.3], &[dy], &[-0.8], &[wa, wx]);
        // The helper (114).
        assert_eq!(checked_gamma_li_grad(a, x), Ok((y, (ga, gx))));
        assert_eq!(checked_gamma_li_jvp(a, x, 0.6, -0.3), Ok((y, dy)));
        assert_eq!(checked_gamma_li_vjp(a, x, -0.8), Ok((y, (wa, wx))));
    }
    for (a, x) in GAMMA_FAILURES {
        let e = checked_gamma_li(a, x).unwrap_err();
        assert_eq!(checked_gamma_li_grad(a, x), Err(e));
        assert_eq!(checked_gamma_li_jvp(a, x, 1.0, 1.0), Err(e));
        assert_eq!(checked_gamma_li_vjp(a, x, 1.0), Err(e));
    }
}

#[test]
fn gamma_ur_115() {
    use gamma_ur_115::*;
    for (a, x) in GAMMA_POINTS {
        let (y, (ga, gx)) = gamma_ur_grad(a, x);
        assert_eq!(y, gamma_ur(a, x));
        assert_gradient(|v| gamma_ur(v[0], v[1]), &[a, x], &[ga, gx]);
        let want = -gamma_density(a, x) / ln_gamma_109::ln_gamma(a).exp();
        assert_close(gx, want, "-x^(a - 1) e^(-x) / Γ(a)");
        let ((_, dy), (_, (wa, wx))) = (gamma_ur_jvp(a, x, 0.6, -0.3), gamma_ur_vjp(a, x, -0.8));
        assert_jvp_vjp(&[vec![ga, gx]], &[0.6, -0.3], &[dy], &[-0.8], &[wa, wx]);
        // The helper (116).
        assert_eq!(checked_gamma_ur_grad(a, x), Ok((y, (ga, gx))));
        assert_eq!(checked_gamma_ur_jvp(a, x, 0.6, -0.3), Ok((y, dy)));
        assert_eq!(checked_gamma_ur_vjp(a, x, -0.8), Ok((y, (wa, wx))));
    }
    for (a, x) in GAMMA_FAILURES {
        let e = checked_gamma_ur(a, x).unwrap_err();
        assert_eq!(checked_gamma_ur_grad(a, x), Err(e));
        assert_eq!(checked_gamma_ur_jvp(a, x, 1.0, 1.0), Err(e));
        assert_eq!(checked_gamma_ur_vjp(a, x, 1.0), Err(e));
    }
}

#[test]
fn gamma_lr_117() {
    use gamma_lr_117::*;
    for (a, x) in GAMMA_POINTS {
        let (y, (ga, gx)) = gamma_lr_grad(a, x);
        assert_eq!(y, gamma_lr(a, x));
        assert_gradient(|v| gamma_lr(v[0], v[1]), &[a, x], &[ga, gx]);
        let want = gamma_density(a, x) / ln_gamma_109::ln_gamma(a).exp();
        assert_close(gx, want, "x^(a - 1) e^(-x) / Γ(a)");
        let ((_, dy), (_, (wa, wx))) = (gamma_lr_jvp(a, x, 0.6, -0.3), gamma_lr_vjp(a, x, -0.8));
        assert_jvp_vjp(&[vec![ga, gx]], &[0.6, -0.3], &[dy], &[-0.8], &[wa, wx]);
        // The helper (118).
        assert_eq!(checked_gamma_lr_grad(a, x), Ok((y, (ga, gx))));
        assert_eq!(checked_gamma_lr_jvp(a, x, 0.6, -0.3), Ok((y, dy)));
        assert_eq!(checked_gamma_lr_vjp(a, x, -0.8), Ok((y, (wa, wx))));
    }
    for (a, x) in GAMMA_FAILURES {
        let e = checked_gamma_lr(a, x).unwrap_err();
        assert_eq!(checked_gamma_lr_grad(a, x), Err(e));
        assert_eq!(checked_gamma_lr_jvp(a, x, 1.0, 1.0), Err(e));
        assert_eq!(checked_gamma_lr_vjp(a, x, 1.0), Err(e));
    }
}

#[test]
fn digamma_119() {
    use digamma_119::*;
    // The loop of small arguments, the asymptotic series, the reflection of negative ones.
    for x in [3.7, 0.2, 20.0, -1.3] {
        let (y, g) = digamma_grad(x);
        assert_eq!(y, digamma(x));
        assert_gradient(|v| digamma(v[0]), &[x], &[g]);
    }
}

#[test]
fn inv_digamma_120() {
    use inv_digamma_120::*;
    for x in [0.5, -1.2] {
        let (y, g) = inv_digamma_grad(x);
        assert_eq!(y, inv_digamma(x));
        // The derivative of the code as written: `y = exp(x)` and then steps
        // `i * signum(..)`, whose derivative is 0, so `dy/dx = exp(x)`.
        assert_close(g, x.exp(), "d inv_digamma / dx of the code as written");
        // The function it approximates, the inverse of digamma, has derivative
        // 1 / digamma'(y), which central differences see and the code's derivative is not.
        let (_, trigamma) = digamma_119::digamma_grad(y);
        let fd =
            autodiff_core::check::derivative(inv_digamma, x, autodiff_core::check::DEFAULT_STEP);
        assert!(close(fd, 1.0 / trigamma, 1e-5), "{fd} against 1 / trigamma = {}", 1.0 / trigamma);
        assert!(!close(g, fd, 1e-2), "{g} against {fd}");
    }
}

#[test]
fn activation_function_122() {
    use activation_function_122::*;
    for f in [0.3, -2.0, 4.5] {
        let (y, g) = activation_function_grad(f);
        assert_eq!(y, activation_function(f));
        assert_gradient(|v| activation_function(v[0]), &[f], &[g]);
    }
}

#[test]
fn sigmoid_diff_123() {
    use sigmoid_diff_123::*;
    for x in [0.3f32, -2.0, 4.5] {
        let (y, g) = sigmoid_diff_grad(x);
        assert_eq!(y, sigmoid_diff(x));
        assert_close_f32(g, fd_f32(sigmoid_diff, x), "d sigmoid_diff / dx");
    }
}

#[test]
fn sigmoid_124() {
    use sigmoid_124::*;
    for x in [0.3f32, -2.0, 4.5] {
        let (y, g) = sigmoid_grad(x);
        assert_eq!(y, sigmoid(x));
        assert_close_f32(g, fd_f32(sigmoid, x), "d sigmoid / dx");
        // The source's own derivative.
        assert_close_f32(g, sigmoid_diff_123::sigmoid_diff(x), "sigmoid_diff");
    }
}

#[test]
fn relu_diff_125() {
    use relu_diff_125::*;
    for x in [0.3f32, -2.0] {
        let (y, g) = relu_diff_grad(x);
        assert_eq!(y, relu_diff(x));
        assert_close_f32(g, fd_f32(relu_diff, x), "d relu_diff / dx");
    }
}

#[test]
fn relu_126() {
    use relu_126::*;
    for x in [0.3f32, -2.0, 4.5] {
        let (y, g) = relu_grad(x);
        assert_eq!(y, relu(x));
        assert_close_f32(g, fd_f32(relu, x), "d relu / dx");
        assert_close_f32(g, relu_diff_125::relu_diff(x), "relu_diff");
    }
}

#[test]
fn squared_error_127() {
    use squared_error_127::*;
    for (o, e) in [(0.3f32, 1.0f32), (-2.0, 0.5)] {
        let (y, (go, ge)) = squared_error_grad(o, e);
        assert_eq!(y, squared_error(o, e));
        assert_close_f32(go, fd_f32(|v| squared_error(v, e), o), "d squared_error / d observed");
        assert_close_f32(ge, fd_f32(|v| squared_error(o, v), e), "d squared_error / d expected");
        assert_close_f32(
            go,
            squared_error_diff_128::squared_error_diff(o, e),
            "squared_error_diff",
        );
    }
}

#[test]
fn squared_error_diff_128() {
    use squared_error_diff_128::*;
    for (o, e) in [(0.3f32, 1.0f32), (-2.0, 0.5)] {
        let (y, (go, ge)) = squared_error_diff_grad(o, e);
        assert_eq!(y, squared_error_diff(o, e));
        assert_close_f32(go, fd_f32(|v| squared_error_diff(v, e), o), "d/d observed");
        assert_close_f32(ge, fd_f32(|v| squared_error_diff(o, v), e), "d/d expected");
    }
}

#[test]
fn sigmoid_129() {
    use sigmoid_129::*;
    for x in [0.3, -2.0, 4.5] {
        let (y, g) = sigmoid_grad(x);
        assert_eq!(y, sigmoid(x));
        assert_gradient(|v| sigmoid(v[0]), &[x], &[g]);
    }
}

#[test]
fn tanh_130() {
    use tanh_130::*;
    for x in [0.3, -2.0, 1.5] {
        let (y, g) = tanh_grad(x);
        assert_eq!(y, tanh(x));
        assert_gradient(|v| tanh(v[0]), &[x], &[g]);
    }
}

#[test]
fn relu_131() {
    use relu_131::*;
    for x in [0.3, -2.0, 4.5] {
        let (y, g) = relu_grad(x);
        assert_eq!(y, relu(x));
        assert_gradient(|v| relu(v[0]), &[x], &[g]);
    }
}

#[test]
fn relu_activation_132() {
    use relu_activation_132::*;
    for x in [0.3, -2.0, 4.5] {
        let (y, g) = relu_activation_grad(x);
        assert_eq!(y, relu_activation(x));
        assert_gradient(|v| relu_activation(v[0]), &[x], &[g]);
        assert_close(g, relu_deriv_133::relu_deriv(x), "relu_deriv");
    }
}

#[test]
fn relu_deriv_133() {
    use relu_deriv_133::*;
    for x in [0.3, -2.0] {
        let (y, g) = relu_deriv_grad(x);
        assert_eq!(y, relu_deriv(x));
        assert_gradient(|v| relu_deriv(v[0]), &[x], &[g]);
    }
}

#[test]
fn sigmoid_activation_134() {
    use sigmoid_activation_134::*;
    for x in [0.3, -2.0, 4.5] {
        let (y, g) = sigmoid_activation_grad(x);
        assert_eq!(y, sigmoid_activation(x));
        assert_gradient(|v| sigmoid_activation(v[0]), &[x], &[g]);
        assert_close(g, sigmoid_deriv_135::sigmoid_deriv(x), "sigmoid_deriv");
    }
}

#[test]
fn sigmoid_deriv_135() {
    use sigmoid_deriv_135::*;
    for x in [0.3, -2.0, 4.5] {
        let (y, g) = sigmoid_deriv_grad(x);
        assert_eq!(y, sigmoid_deriv(x));
        assert_gradient(|v| sigmoid_deriv(v[0]), &[x], &[g]);
    }
}

#[test]
fn tanh_activation_136() {
    use tanh_activation_136::*;
    for x in [0.3, -2.0, 1.5] {
        let (y, g) = tanh_activation_grad(x);
        assert_eq!(y, tanh_activation(x));
        assert_gradient(|v| tanh_activation(v[0]), &[x], &[g]);
        assert_close(g, tanh_deriv_137::tanh_deriv(x), "tanh_deriv");
    }
}

#[test]
fn tanh_deriv_137() {
    use tanh_deriv_137::*;
    for x in [0.3, -2.0, 1.5] {
        let (y, g) = tanh_deriv_grad(x);
        assert_eq!(y, tanh_deriv(x));
        assert_gradient(|v| tanh_deriv(v[0]), &[x], &[g]);
    }
}

#[test]
fn lennard_jones_12_6_138() {
    use lennard_jones_12_6_138::*;
    for x in [[1.2, 1.0, 0.5], [3.9, 4.2, 0.2]] {
        let (y, (g0, g1, g2)) = lennard_jones_12_6_grad(x[0], x[1], x[2]);
        assert_eq!(y, lennard_jones_12_6(x[0], x[1], x[2]));
        assert_gradient(|v| lennard_jones_12_6(v[0], v[1], v[2]), &x, &[g0, g1, g2]);
    }
}

#[test]
fn buckingham_exp_6_139() {
    use buckingham_exp_6_139::*;
    for x in [[3.5, 3.8, 0.1, 12.0], [4.6, 4.0, 0.3, 13.5]] {
        let (y, (g0, g1, g2, g3)) = buckingham_exp_6_grad(x[0], x[1], x[2], x[3]);
        assert_eq!(y, buckingham_exp_6(x[0], x[1], x[2], x[3]));
        assert_gradient(|v| buckingham_exp_6(v[0], v[1], v[2], v[3]), &x, &[g0, g1, g2, g3]);
    }
}

#[test]
fn coulomb_140() {
    use coulomb_140::*;
    for x in [[3.0, 0.4, -0.6, 2.5], [7.5, -1.0, -0.3, 4.0]] {
        let (y, (g0, g1, g2, g3)) = coulomb_grad(x[0], x[1], x[2], x[3]);
        assert_eq!(y, coulomb(x[0], x[1], x[2], x[3]));
        assert_gradient(|v| coulomb(v[0], v[1], v[2], v[3]), &x, &[g0, g1, g2, g3]);
    }
}

#[test]
fn mse_loss_146() {
    use mse_loss_146::*;
    for (p, a) in [
        (vec![1.0, 2.0, 3.0, 4.0], vec![1.0, 3.0, 3.5, 4.5]),
        (vec![0.3, -1.2, 2.5], vec![0.1, 0.4, -0.7]),
    ] {
        let (y, g) = mse_loss_grad(&p, &a);
        assert_eq!(y, mse_loss(&p, &a));
        assert_gradient_2(mse_loss, &p, &a, &g);
    }
}

#[test]
fn average_margin_ranking_loss_147() {
    use average_margin_ranking_loss_147::*;
    // Away from the kinks margin = y (f - s); the second term is clipped to 0.
    let (f, s) = (vec![1.0, 2.5, 3.0], vec![2.0, 1.0, 3.4]);
    for (margin, y_true) in [(1.0, 1.0), (0.5, -1.0)] {
        let (v, (gf, gs, gm, gy)) =
            average_margin_ranking_loss_grad(&f, &s, margin, y_true).unwrap();
        assert_eq!(Ok(v), average_margin_ranking_loss(&f, &s, margin, y_true));
        let n = f.len();
        let at = [&f[..], &s[..], &[margin][..]].concat();
        let g = [&gf[..], &gs[..], &[gm][..]].concat();
        assert_gradient(
            |p| average_margin_ranking_loss(&p[..n], &p[n..2 * n], p[2 * n], y_true).unwrap(),
            &at,
            &g,
        );
        // `y_true` is ±1 (any other value is an error): its derivative by hand,
        // -(f - s) / n summed over the unclipped terms.
        let dy: f64 = f
            .iter()
            .zip(&s)
            .filter(|&(a, b)| margin - y_true * (a - b) > 0.0)
            .map(|(a, b)| -(a - b))
            .sum();
        assert_close(gy, dy / n as f64, "-(f - s) / n over the active terms");
    }
    // The errors of `check_input`, through `?`, from every sibling.
    for (f, s, margin, y_true) in [
        (vec![1.0, 2.0], vec![1.0], 1.0, 1.0),
        (vec![], vec![], 1.0, 1.0),
        (vec![1.0], vec![2.0], -1.0, 1.0),
        (vec![1.0], vec![2.0], 1.0, 2.0),
    ] {
        let e = average_margin_ranking_loss(&f, &s, margin, y_true).unwrap_err();
        assert_eq!(average_margin_ranking_loss_grad(&f, &s, margin, y_true).unwrap_err(), e);
        let (tf, ts) = (vec![1.0; f.len()], vec![1.0; s.len()]);
        let jvp = average_margin_ranking_loss_jvp(&f, &s, margin, y_true, &tf, &ts, 1.0, 1.0);
        assert_eq!(jvp.unwrap_err(), e);
        assert_eq!(average_margin_ranking_loss_vjp(&f, &s, margin, y_true, 1.0).unwrap_err(), e);
    }
}

#[test]
fn hng_loss_148() {
    use hng_loss_148::*;
    // Away from the kinks 1 - a p = 0; one term is clipped to 0.
    let (t, p) = (vec![-1.0, 1.0, 1.0, -1.0], vec![0.3, -0.2, 2.0, 0.5]);
    let (y, g) = hng_loss_grad(&t, &p);
    assert_eq!(y, hng_loss(&t, &p));
    assert_gradient_2(hng_loss, &t, &p, &g);
}

#[test]
fn huber_loss_149() {
    use huber_loss_149::*;
    // Residuals 0.3, 1.2, 0.6, 2.5: both branches, away from r = delta and r = 0.
    let (t, p) = (vec![1.0, 2.0, -0.5, 3.0], vec![1.3, 0.8, 0.1, 0.5]);
    let delta = 0.9;
    let (v, (gt, gp, gd)) = huber_loss_grad(&t, &p, delta).unwrap();
    assert_eq!(Some(v), huber_loss(&t, &p, delta));
    let n = t.len();
    let at = [&t[..], &p[..], &[delta][..]].concat();
    let g = [&gt[..], &gp[..], &[gd][..]].concat();
    assert_gradient(|x| huber_loss(&x[..n], &x[n..2 * n], x[2 * n]).unwrap(), &at, &g);
    let tan: Vec<f64> = (0..at.len()).map(|i| 0.3 - 0.1 * i as f64).collect();
    let (vj, dy) = huber_loss_jvp(&t, &p, delta, &tan[..n], &tan[n..2 * n], tan[2 * n]).unwrap();
    let (vv, (wt, wp, wd)) = huber_loss_vjp(&t, &p, delta, -0.8).unwrap();
    assert_eq!((vj, vv), (v, v));
    assert_jvp_vjp(&[g], &tan, &[dy], &[-0.8], &[&wt[..], &wp[..], &[wd][..]].concat());
    // Different lengths and an empty prediction: `None` from every sibling.
    for (t, p) in [(vec![1.0, 2.0, 3.0], vec![1.0, 2.0]), (vec![1.0], vec![])] {
        assert_eq!(huber_loss(&t, &p, delta), None);
        assert_eq!(huber_loss_grad(&t, &p, delta), None);
        let (tt, tp) = (vec![1.0; t.len()], vec![1.0; p.len()]);
        assert_eq!(huber_loss_jvp(&t, &p, delta, &tt, &tp, 1.0), None);
        assert_eq!(huber_loss_vjp(&t, &p, delta, 1.0), None);
    }
}

#[test]
fn kld_loss_150() {
    use kld_loss_150::*;
    for (a, p) in [
        (vec![1.346112, 1.337432, 1.246655], vec![1.033836, 1.082015, 1.117323]),
        (vec![0.2, 0.5, 0.3], vec![0.4, 0.4, 0.2]),
    ] {
        let (y, g) = kld_loss_grad(&a, &p);
        assert_eq!(y, kld_loss(&a, &p));
        assert_gradient_2(kld_loss, &a, &p, &g);
    }
}

#[test]
fn mae_loss_151() {
    use mae_loss_151::*;
    // Away from the kinks p = a.
    let (p, a) = (vec![1.2, 2.0, 3.0, 4.0], vec![1.0, 3.0, 3.5, 4.5]);
    let (y, g) = mae_loss_grad(&p, &a);
    assert_eq!(y, mae_loss(&p, &a));
    assert_gradient_2(mae_loss, &p, &a, &g);
}

#[test]
fn neg_log_likelihood_152() {
    use neg_log_likelihood_152::*;
    // Inside (0, 1), where the central differences' steps stay valid values.
    for (a, p) in [
        (vec![0.95, 0.05, 0.9], vec![0.9, 0.1, 0.8]),
        (vec![0.3, 0.6, 0.1, 0.8], vec![0.2, 0.7, 0.4, 0.55]),
    ] {
        let (y, (ga, gp)) = neg_log_likelihood_grad(&a, &p).unwrap();
        assert_eq!(Ok(y), neg_log_likelihood(&a, &p));
        let g = (ga, gp);
        assert_gradient_2(|a, p| neg_log_likelihood(a, p).unwrap(), &a, &p, &g);
        // By hand: d/dp_i = (p_i - a_i) / (p_i (1 - p_i) n).
        let n = p.len() as f64;
        let dp: Vec<f64> = p.iter().zip(&a).map(|(p, a)| (p - a) / (p * (1.0 - p) * n)).collect();
        assert_close_all(&g.1, &dp, "(p - a) / (p (1 - p) n)");
    }
    // The three errors, from every sibling.
    for (a, p) in [
        (vec![0.9, 0.0, 0.8], vec![0.9, 0.1]),
        (vec![], vec![]),
        (vec![1.1, 0.0, 0.8], vec![0.1, 0.2, 0.3]),
    ] {
        let e = neg_log_likelihood(&a, &p).unwrap_err();
        assert_eq!(neg_log_likelihood_grad(&a, &p).unwrap_err(), e);
        let (ta, tp) = (vec![1.0; a.len()], vec![1.0; p.len()]);
        assert_eq!(neg_log_likelihood_jvp(&a, &p, &ta, &tp).unwrap_err(), e);
        assert_eq!(neg_log_likelihood_vjp(&a, &p, 1.0).unwrap_err(), e);
    }
}

#[test]
fn mean_squared_error_153() {
    use mean_squared_error_153::*;
    for (p, a) in [
        (vec![1.0, 2.0, 3.0, 4.0], vec![1.0, 3.0, 3.5, 4.5]),
        (vec![0.3, -1.2, 2.5], vec![0.1, 0.4, -0.7]),
    ] {
        let (y, g) = mean_squared_error_grad(&p, &a);
        assert_eq!(y, mean_squared_error(&p, &a));
        assert_gradient_2(mean_squared_error, &p, &a, &g);
    }
}

#[test]
fn binary_cross_entropy_154() {
    use binary_cross_entropy_154::*;
    // The clipping to [1e-9, 1 - 1e-9] does not bind here. The loss jumps at a label
    // `y == 1.0` (its two branches do not meet there), so the derivative along such a
    // label is left out of the comparison: central differences across the jump measure
    // nothing.
    let (pred, actual) = (vec![0.9, 0.2, 0.6], vec![1.0, 0.0, 0.3]);
    let (y, (gp, ga)) = binary_cross_entropy_grad(&pred, &actual);
    assert_eq!(y, binary_cross_entropy(&pred, &actual));
    assert_gradient(|v| binary_cross_entropy(v, &actual), &pred, &gp);
    assert_gradient(|v| binary_cross_entropy(&pred, &[1.0, v[0], v[1]]), &actual[1..], &ga[1..]);
    // On the branch of the label 1.0, -y ln(p): its derivative in y is -ln(p) / n.
    assert_close(ga[0], -(0.9f64.ln()) / 3.0, "d/d actual[0] on its branch");
}

#[test]
fn mse_155() {
    use mse_155::*;
    let (t, p) = (vec![0.5f32, 1.5, -0.3, 2.0], vec![0.7f32, 1.1, 0.1, 2.5]);
    let (y, g) = mse_grad(&t, &p);
    assert_eq!(y, mse(&t, &p));
    assert_gradient_2_f32(mse, &t, &p, &g);
}

#[test]
fn nrmse_156() {
    use nrmse_156::*;
    // The range max - min of `y_true` moves with its largest and smallest entries.
    let (t, p) = (vec![0.5f32, 1.5, -0.3, 2.0], vec![0.7f32, 1.1, 0.1, 2.5]);
    let (y, g) = nrmse_grad(&t, &p);
    assert_eq!(y, nrmse(&t, &p));
    assert_gradient_2_f32(nrmse, &t, &p, &g);
}

#[test]
fn rmse_157() {
    use rmse_157::*;
    let (t, p) = (vec![0.5f32, 1.5, -0.3, 2.0], vec![0.7f32, 1.1, 0.1, 2.5]);
    let (y, g) = rmse_grad(&t, &p);
    assert_eq!(y, rmse(&t, &p));
    assert_gradient_2_f32(rmse, &t, &p, &g);
}

#[test]
fn rsquare_158() {
    use rsquare_158::*;
    let (t, p) = (vec![0.5f32, 1.5, -0.3, 2.0], vec![0.7f32, 1.1, 0.1, 2.5]);
    let (y, g) = rsquare_grad(&t, &p);
    assert_eq!(y, rsquare(&t, &p));
    assert_gradient_2_f32(rsquare, &t, &p, &g);
}

#[test]
fn cholesky_159() {
    use cholesky_159::*;
    // Symmetric positive definite matrices, row-major (the function reads the lower
    // triangle only, so the columns of the upper entries are zero).
    let spd =
        [(vec![4.0, 2.0, -1.0, 2.0, 5.0, 0.5, -1.0, 0.5, 3.0], 3), (vec![2.5, 0.3, 0.3, 1.7], 2)];
    for (a, n) in spd {
        let (l, j) = cholesky_jacobian(a.clone(), n);
        assert_eq!(l, cholesky(a.clone(), n));
        // The factor: lower triangular, with L Lᵀ = A.
        for r in 0..n {
            for c in 0..n {
                if c > r {
                    assert_eq!(l[r * n + c], 0.0, "entry ({r}, {c}) of L");
                }
                let llt: f64 = (0..n).map(|k| l[r * n + k] * l[c * n + k]).sum();
                assert_close(llt, a[r * n + c], &format!("entry ({r}, {c}) of L Lᵀ against A"));
            }
        }
        assert_jacobian(|v| cholesky(v.to_vec(), n), &a, &j);
        let t: Vec<f64> = (0..n * n).map(|k| 0.3 - 0.17 * k as f64).collect();
        let w: Vec<f64> = (0..n * n).map(|k| -0.4 + 0.23 * k as f64).collect();
        let ((l_t, jt), (l_w, wj)) =
            (cholesky_jvp(a.clone(), n, &t), cholesky_vjp(a.clone(), n, &w));
        assert_eq!((&l_t, &l_w), (&l, &l));
        assert_jvp_vjp(&j, &t, &jt, &w, &wj);
        // The tangent dL along t solves dL Lᵀ + L dLᵀ = dA, where dA is t's lower
        // triangle made symmetric (the entries that are read).
        for r in 0..n {
            for c in 0..n {
                let lhs: f64 = (0..n)
                    .map(|k| jt[r * n + k] * l[c * n + k] + l[r * n + k] * jt[c * n + k])
                    .sum();
                let da = t[r.max(c) * n + r.min(c)];
                assert!(
                    close(lhs, da, 1e-12),
                    "entry ({r}, {c}): dL Lᵀ + L dLᵀ = {lhs}, dA = {da}"
                );
            }
        }
    }
    // The guarded branches. `n == 0` returns an empty factor: no rows.
    let (l, j) = cholesky_jacobian(vec![1.0, 2.0], 0);
    assert!(l.is_empty() && j.is_empty());
    assert_eq!(jacobian(|v| cholesky(v.to_vec(), 0), &[1.0, 2.0], DEFAULT_STEP).len(), 0);
    let (_, wj) = cholesky_vjp(vec![1.0, 2.0], 0, &[]);
    assert_eq!(wj, [0.0, 0.0]);
    // A NaN on the diagonal makes that entry of the factor 0 (whatever the other
    // entries), so its row is zero; the other rows do not read the NaN.
    let a = [4.0, 9.0, 2.0, f64::NAN];
    let (l, j) = cholesky_jacobian(a.to_vec(), 2);
    assert_eq!(l, [2.0, 0.0, 1.0, 0.0]);
    let finite: Vec<Vec<f64>> = j.iter().map(|row| row[..3].to_vec()).collect();
    assert_jacobian(|v| cholesky(vec![v[0], v[1], v[2], f64::NAN], 2), &a[..3], &finite);
    assert!(j.iter().all(|row| row[3] == 0.0), "column of the NaN: {j:?}");
    assert!(j[3].iter().all(|&d| d == 0.0), "row of the NaN's entry: {:?}", j[3]);
}

#[test]
fn squ_well_v_165() {
    use squ_well_v_165::*;
    // Outside the well the potential is the constant f64::MAX, whose derivative is 0.
    for x in [0.5, -0.3, 2.0, -1.7] {
        let (y, g) = squ_well_v_grad(x);
        assert_eq!(y, squ_well_v(x));
        assert_gradient(|v| squ_well_v(v[0]), &[x], &[g]);
    }
}

#[test]
fn lin_v_166() {
    use lin_v_166::*;
    // Away from the kink of `abs` at 0.
    for x in [0.7, -1.3] {
        let (y, g) = lin_v_grad(x);
        assert_eq!(y, lin_v(x));
        assert_gradient(|v| lin_v(v[0]), &[x], &[g]);
    }
}

#[test]
fn lin_half_v_167() {
    use lin_half_v_167::*;
    // Outside the well the potential is the constant f64::MAX, whose derivative is 0.
    for x in [0.7, -1.3] {
        let (y, g) = lin_half_v_grad(x);
        assert_eq!(y, lin_half_v(x));
        assert_gradient(|v| lin_half_v(v[0]), &[x], &[g]);
    }
}

#[test]
fn quad_v_168() {
    use quad_v_168::*;
    for x in [0.7, -1.3] {
        let (y, g) = quad_v_grad(x);
        assert_eq!(y, quad_v(x));
        assert_gradient(|v| quad_v(v[0]), &[x], &[g]);
    }
}

#[test]
fn quad_half_v_169() {
    use quad_half_v_169::*;
    // Outside the well the potential is the constant f64::MAX, whose derivative is 0.
    for x in [0.7, -1.3] {
        let (y, g) = quad_half_v_grad(x);
        assert_eq!(y, quad_half_v(x));
        assert_gradient(|v| quad_half_v(v[0]), &[x], &[g]);
    }
}

#[test]
fn cub_v_170() {
    use cub_v_170::*;
    // Away from the kink of `abs` at 0.
    for x in [0.7, -1.3] {
        let (y, g) = cub_v_grad(x);
        assert_eq!(y, cub_v(x));
        assert_gradient(|v| cub_v(v[0]), &[x], &[g]);
    }
}

#[test]
fn cub_half_v_171() {
    use cub_half_v_171::*;
    // Outside the well the potential is the constant f64::MAX, whose derivative is 0.
    for x in [0.7, -1.3] {
        let (y, g) = cub_half_v_grad(x);
        assert_eq!(y, cub_half_v(x));
        assert_gradient(|v| cub_half_v(v[0]), &[x], &[g]);
    }
}

#[test]
fn quart_v_172() {
    use quart_v_172::*;
    for x in [0.7, -1.3] {
        let (y, g) = quart_v_grad(x);
        assert_eq!(y, quart_v(x));
        assert_gradient(|v| quart_v(v[0]), &[x], &[g]);
    }
}

#[test]
fn quart_half_v_173() {
    use quart_half_v_173::*;
    // Outside the well the potential is the constant f64::MAX, whose derivative is 0.
    for x in [0.7, -1.3] {
        let (y, g) = quart_half_v_grad(x);
        assert_eq!(y, quart_half_v(x));
        assert_gradient(|v| quart_half_v(v[0]), &[x], &[g]);
    }
}
