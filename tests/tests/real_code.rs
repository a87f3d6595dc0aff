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
//! `*_deriv`/`*_diff`). One exception: statrs's `inv_digamma` is a bisection, whose
//! derivative as written (the sign steps have derivative 0) is not the function's; its
//! test asserts the derivative of the code and shows how central differences differ.
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

use autodiff_core::check::{check_gradient, check_jacobian, close};

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

/// The source's own hand-written derivatives whose functions the macro refuses (so they
/// are not in a module above), copied as written, without `#[differentiate]`.
mod source_derivatives {
    use num_traits::{Float, FromPrimitive};
    use std::f64::consts::PI;
    use std::iter::Sum;

    // Source: argmin-rs/argmin: crates/argmin-testfunctions/src/sphere.rs, fn sphere_hessian_const
    #[rustfmt::skip]
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

    // Source: argmin-rs/argmin: crates/argmin-testfunctions/src/rastrigin.rs, fn rastrigin_a_hessian_const
    #[rustfmt::skip]
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

    // Source: argmin-rs/argmin: crates/argmin-testfunctions/src/zero.rs, fn zero_hessian
    #[rustfmt::skip]
    pub fn zero_hessian<T>(param: &[T]) -> Vec<Vec<T>>
    where
        T: Float + FromPrimitive,
    {
        vec![vec![T::from_f64(0.0).unwrap(); param.len()]; param.len()]
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
fn matyas_hessian_048() {
    use matyas_hessian_048::*;
    for x in [[0.5, -1.5], [2.0, 1.0]] {
        let (h, j) = matyas_hessian_jacobian(&x);
        assert_eq!(h, matyas_hessian(&x));
        assert_jacobian(|v| flat_2(&matyas_hessian(&[v[0], v[1]])), &x, &rows_3(&j));
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
        let theirs = source_derivatives::rastrigin_a_hessian_const::<3, f64>(&x, a);
        for i in 0..3 {
            for k in 0..3 {
                assert_close(jp[i][k], theirs[i][k], "rastrigin_a_hessian_const");
            }
        }
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
        assert_eq!(j, source_derivatives::sphere_hessian_const(&x));
    }
}

#[test]
fn zero_derivative_095() {
    use zero_derivative_095::*;
    let x = vec![0.3, -1.1, 2.4];
    let (d, j) = zero_derivative_jacobian(&x);
    assert_eq!(d, zero_derivative(&x));
    assert_jacobian(zero_derivative, &x, &j);
    assert_eq!(j, source_derivatives::zero_hessian(&x));
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
fn hng_loss_148() {
    use hng_loss_148::*;
    // Away from the kinks 1 - a p = 0; one term is clipped to 0.
    let (t, p) = (vec![-1.0, 1.0, 1.0, -1.0], vec![0.3, -0.2, 2.0, 0.5]);
    let (y, g) = hng_loss_grad(&t, &p);
    assert_eq!(y, hng_loss(&t, &p));
    assert_gradient_2(hng_loss, &t, &p, &g);
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
