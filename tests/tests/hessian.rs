//! Second derivatives: `f_hvp`, `f_hessian` and `f_vjp_jvp`, each against hand-derived
//! Hessians, num-dual's hyper-dual numbers (`HyperDual64`: one evaluation per pair of
//! coordinates gives `∂²f/∂x_i∂x_j` exactly) and central differences of the gradient.
//!
//! Tolerances, in the mixed sense of `autodiff_core::check::close`:
//! - [`EXACT`] = 1e-11 against hand formulas and num-dual: both are exact second
//!   derivatives of the same program evaluated in different orders, so they differ by a
//!   few hundred roundings at most on values of order 1-100;
//! - [`FD`] = 1e-6 against central differences of our gradient (step `ε^(1/3)` scaled by
//!   the coordinate): truncation and rounding are about `ε^(2/3) ≈ 4e-11` times the size
//!   of the third derivatives, which these smooth functions keep moderate.
#![allow(clippy::needless_range_loop)]

use autodiff_core::check::{close, derivative, DEFAULT_STEP};
use autodiff_core::differentiate;
use num_dual::{DualNum, HyperDual64};

/// The twins are written on hyper-dual numbers directly.
type H = HyperDual64;

const EXACT: f64 = 1e-11;
const FD: f64 = 1e-6;

/// `∂²f/∂x_i∂x_j` for every pair, from hyper-dual numbers.
fn hyper_hessian(f: impl Fn(&[HyperDual64]) -> HyperDual64, x: &[f64]) -> Vec<Vec<f64>> {
    let n = x.len();
    (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    let p: Vec<HyperDual64> = (0..n)
                        .map(|k| {
                            let e1 = if k == i { 1.0 } else { 0.0 };
                            let e2 = if k == j { 1.0 } else { 0.0 };
                            HyperDual64::new(x[k], e1, e2, 0.0)
                        })
                        .collect();
                    f(&p).eps1eps2
                })
                .collect()
        })
        .collect()
}

/// The Hessian by central differences of a gradient, column by column.
fn fd_hessian(grad: impl Fn(&[f64]) -> Vec<f64>, x: &[f64]) -> Vec<Vec<f64>> {
    let n = x.len();
    let mut h = vec![vec![0.0; n]; n];
    for j in 0..n {
        for i in 0..n {
            h[i][j] = derivative(
                |v| {
                    let mut p = x.to_vec();
                    p[j] = v;
                    grad(&p)[i]
                },
                x[j],
                DEFAULT_STEP,
            );
        }
    }
    h
}

#[track_caller]
fn assert_matrix(got: &[Vec<f64>], want: &[Vec<f64>], tol: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: size");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        for (j, (a, b)) in g.iter().zip(w).enumerate() {
            assert!(close(*a, *b, tol), "{what}: H[{i}][{j}] = {a:e}, want {b:e}");
        }
    }
}

fn rows<const N: usize>(h: [[f64; N]; N]) -> Vec<Vec<f64>> {
    h.iter().map(|r| r.to_vec()).collect()
}

// ---- The seed ------------------------------------------------------------------------

#[differentiate(order = 2)]
fn phi(a: f64, w1: f64, b1: f64) -> f64 {
    let y = a * w1 + b1;
    y * y
}

#[test]
fn the_seeds_hessian_is_the_hand_derived_one() {
    let (a, w1, b1) = (2.0, 3.0, 1.0);
    let (y, g, h) = phi_hessian(a, w1, b1);
    let s = a * w1 + b1;
    assert_eq!(y, phi(a, w1, b1));
    assert_eq!(g, (2.0 * s * w1, 2.0 * s * a, 2.0 * s));
    let want = [
        [2.0 * w1 * w1, 2.0 * s + 2.0 * a * w1, 2.0 * w1],
        [2.0 * s + 2.0 * a * w1, 2.0 * a * a, 2.0 * a],
        [2.0 * w1, 2.0 * a, 2.0],
    ];
    assert_eq!(h, want);
    // One product along (1, -1, 0.5).
    let (_, _, hv) = phi_hvp(a, w1, b1, 1.0, -1.0, 0.5);
    let v = [1.0, -1.0, 0.5];
    let want_hv: Vec<f64> =
        want.iter().map(|r| r.iter().zip(&v).map(|(p, q)| p * q).sum()).collect();
    assert_eq!([hv.0, hv.1, hv.2].to_vec(), want_hv);
}

// ---- Every differentiable primitive --------------------------------------------------

#[differentiate(order = 2)]
fn unary_mix(x: f64, y: f64) -> f64 {
    let a = (x * y).sin() + (x - y).cos() + (0.3 * x).tan();
    let b = (0.4 * x).asin() + (0.3 * y).acos() + (x * y).atan();
    let c = (0.5 * x).sinh() + (0.5 * y).cosh() + (x - y).tanh();
    let d = (x * y).asinh() + (x * x + 1.5).acosh() + (0.3 * y).atanh();
    let e = (0.5 * x).exp() + (0.3 * y).exp2() + (0.2 * x).exp_m1();
    let f = (x * x + y).ln() + (x * y).ln_1p() + (x + 2.0).log2() + (y + 3.0).log10();
    let g = (x * x + y * y).sqrt() + (x * y).cbrt() + (x - 3.0).abs() + (x + y).recip();
    let h = x * (180.0 / std::f64::consts::PI) * (y * (std::f64::consts::PI / 180.0))
        + (x * y).fract()
        + x.powi(3) * y.powi(-2);
    a + b + c + d + e + f + g + h
}

fn unary_mix_twin(x: H, y: H) -> H {
    let a = (x * y).sin() + (x - y).cos() + (x * 0.3).tan();
    let b = (x * 0.4).asin() + (y * 0.3).acos() + (x * y).atan();
    let c = (x * 0.5).sinh() + (y * 0.5).cosh() + (x - y).tanh();
    let d = (x * y).asinh() + (x * x + 1.5).acosh() + (y * 0.3).atanh();
    let e = (x * 0.5).exp() + (y * 0.3).exp2() + (x * 0.2).exp_m1();
    let f = (x * x + y).ln() + (x * y).ln_1p() + (x + 2.0).log2() + (y + 3.0).log10();
    // |x - 3| = 3 - x on the points below; fract(x y) = x y - floor(x y).
    let frac = x * y - (x * y).re.floor();
    let g = (x * x + y * y).sqrt() + (x * y).cbrt() + (-x + 3.0) + (x + y).recip();
    let h = x * (180.0 / std::f64::consts::PI) * (y * (std::f64::consts::PI / 180.0))
        + frac
        + x.powi(3) * y.powi(-2);
    a + b + c + d + e + f + g + h
}

#[differentiate(order = 2)]
fn binary_mix(x: f64, y: f64, z: f64) -> f64 {
    x.atan2(y)
        + x.hypot(z)
        + x.powf(y)
        + (x + 2.0).log(y + 1.5)
        + x.mul_add(y, z)
        + x.max(z) * y.min(z)
        + (x * 7.0) % (y + 1.0)
}

fn binary_mix_twin(x: H, y: H, z: H) -> H {
    // max(x, z) = z, min(y, z) = y and trunc(7x / (y + 1)) = 2 at the points below.
    let rem = x * 7.0 - (y + 1.0) * 2.0;
    x.atan2(y)
        + (x * x + z * z).sqrt()
        + x.powd(y)
        + (x + 2.0).ln() / (y + 1.5).ln()
        + (x * y + z)
        + z * y
        + rem
}

#[test]
fn every_primitive_has_its_second_derivative() {
    for (x, y) in [(0.7, 0.9), (1.1, 0.4), (0.35, 1.3)] {
        let (v, _, h) = unary_mix_hessian(x, y);
        assert_eq!(v, unary_mix(x, y));
        let want = hyper_hessian(|p| unary_mix_twin(p[0], p[1]), &[x, y]);
        assert_matrix(&rows(h), &want, EXACT, &format!("unary_mix at ({x}, {y})"));
        let fd = fd_hessian(|p| <[f64; 2]>::from(unary_mix_grad(p[0], p[1]).1).to_vec(), &[x, y]);
        assert_matrix(&rows(h), &fd, FD, &format!("unary_mix vs FD at ({x}, {y})"));
    }
    for (x, y, z) in [(0.6, 0.8, 1.2), (0.45, 0.7, 1.9)] {
        let (v, _, h) = binary_mix_hessian(x, y, z);
        assert_eq!(v, binary_mix(x, y, z));
        let want = hyper_hessian(|p| binary_mix_twin(p[0], p[1], p[2]), &[x, y, z]);
        assert_matrix(&rows(h), &want, EXACT, &format!("binary_mix at ({x}, {y}, {z})"));
    }
}

// ---- Loops, tapes and branches -------------------------------------------------------

#[differentiate(order = 2)]
fn running_product(x: &[f64]) -> f64 {
    let mut p = 1.0;
    for i in 0..x.len() {
        p *= x[i];
    }
    p
}

#[differentiate(order = 2)]
fn log_sum_exp(x: &[f64]) -> f64 {
    let mut m = x[0];
    for i in 1..x.len() {
        if x[i] > m {
            m = x[i];
        }
    }
    let mut s = 0.0;
    for i in 0..x.len() {
        s += (x[i] - m).exp();
    }
    m + s.ln()
}

#[differentiate(order = 2)]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

/// A `while` loop whose trip count depends on the input, with a `break` and a local
/// array written and read back.
#[differentiate(order = 2)]
fn damped(x: &[f64]) -> f64 {
    let mut v = [0.0; 4];
    let mut k = 0;
    let mut s = x[0];
    while s.abs() < 50.0 {
        s = s * x[1] + x[2].sin();
        v[k % 4] = s;
        k += 1;
        if k > 6 {
            break;
        }
    }
    v[0] * v[1] + s * x[0]
}

fn damped_twin(x: &[H]) -> H {
    let mut v = [H::from_re(0.0); 4];
    let mut k = 0;
    let mut s = x[0];
    while s.re.abs() < 50.0 {
        s = s * x[1] + x[2].sin();
        v[k % 4] = s;
        k += 1;
        if k > 6 {
            break;
        }
    }
    v[0] * v[1] + s * x[0]
}

#[test]
fn through_loops_the_hessians_are_the_hand_derived_ones() {
    // Running product: H_ij = prod_{k != i, j} x_k off the diagonal, 0 on it.
    let x = [0.7, -1.3, 2.1, 0.4, 1.6];
    let (y, _, h) = running_product_hessian(&x);
    assert_eq!(y, running_product(&x));
    let n = x.len();
    let want: Vec<Vec<f64>> = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    if i == j {
                        0.0
                    } else {
                        (0..n).filter(|&k| k != i && k != j).map(|k| x[k]).product()
                    }
                })
                .collect()
        })
        .collect();
    assert_matrix(&h, &want, EXACT, "running product");

    // Log-sum-exp: H = diag(p) - p p^T with p = softmax(x).
    let x = [0.3, -1.2, 2.5, 0.9];
    let (y, _, h) = log_sum_exp_hessian(&x);
    assert_eq!(y, log_sum_exp(&x));
    let z: f64 = x.iter().map(|v| v.exp()).sum();
    let p: Vec<f64> = x.iter().map(|v| v.exp() / z).collect();
    let want: Vec<Vec<f64>> = (0..4)
        .map(|i| (0..4).map(|j| if i == j { p[i] } else { 0.0 } - p[i] * p[j]).collect())
        .collect();
    assert_matrix(&h, &want, EXACT, "log-sum-exp");

    // Extended Rosenbrock: tridiagonal.
    let x = [-1.2, 1.0, 0.8, -0.5, 1.3];
    let (y, _, h) = rosenbrock_hessian(&x);
    assert_eq!(y, rosenbrock(&x));
    let mut want = vec![vec![0.0; 5]; 5];
    for i in 0..4 {
        want[i][i] += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
        want[i][i + 1] -= 400.0 * x[i];
        want[i + 1][i] -= 400.0 * x[i];
        want[i + 1][i + 1] += 200.0;
    }
    assert_matrix(&h, &want, EXACT, "Rosenbrock");
    let fd = fd_hessian(|p| rosenbrock_grad(p).1, &x);
    assert_matrix(&h, &fd, FD, "Rosenbrock vs FD");
}

/// A chain whose couplings depend on the point: term i couples x_i with x_{i+3} only
/// where x_i > 0.
#[differentiate(order = 2)]
fn switching_chain(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 0..n {
        if x[i] > 0.0 {
            s += x[i] * x[(i + 3) % n].sin();
        } else {
            s += x[i] * x[i] * x[i];
        }
    }
    s
}

fn switching_chain_twin(x: &[H]) -> H {
    let n = x.len();
    let mut s = H::from_re(0.0);
    for i in 0..n {
        if x[i].re > 0.0 {
            s += x[i] * x[(i + 3) % n].sin();
        } else {
            s += x[i] * x[i] * x[i];
        }
    }
    s
}

/// More than 32 inputs: `f_hessian` finds the sparsity of the Hessian and computes
/// columns that share no row in one lane (see `autodiff_core`'s `sparse` module), or
/// keeps the dense sweeps when every row is full.
#[test]
fn large_hessians_through_their_sparsity() {
    for n in [40, 64, 150] {
        let x: Vec<f64> = (0..n).map(|i| ((i * 37 % 23) as f64 - 11.0) / 7.0).collect();
        // Rosenbrock: tridiagonal, every other entry exactly zero.
        let (y, g, h) = rosenbrock_hessian(&x);
        assert_eq!((y, g), rosenbrock_grad(&x));
        let mut want = vec![vec![0.0; n]; n];
        for i in 0..n - 1 {
            want[i][i] += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
            want[i][i + 1] -= 400.0 * x[i];
            want[i + 1][i] -= 400.0 * x[i];
            want[i + 1][i + 1] += 200.0;
        }
        assert_matrix(&h, &want, EXACT, "Rosenbrock");
        for i in 0..n {
            for j in 0..n {
                if i.abs_diff(j) > 1 {
                    assert_eq!(h[i][j], 0.0, "Rosenbrock H[{i}][{j}]");
                }
            }
        }
        // Log-sum-exp: every entry non-zero, the dense sweeps.
        let (_, _, h) = log_sum_exp_hessian(&x);
        let z: f64 = x.iter().map(|v| v.exp()).sum();
        let p: Vec<f64> = x.iter().map(|v| v.exp() / z).collect();
        let want: Vec<Vec<f64>> = (0..n)
            .map(|i| (0..n).map(|j| if i == j { p[i] } else { 0.0 } - p[i] * p[j]).collect())
            .collect();
        assert_matrix(&h, &want, EXACT, "log-sum-exp");
    }
    // A pattern that changes with the point, against hyper-dual numbers and central
    // differences of the gradient, at a point and at its negation.
    let x: Vec<f64> = (0..48).map(|i| ((i * 29 % 17) as f64 - 8.5) / 6.0).collect();
    let minus: Vec<f64> = x.iter().map(|v| -v).collect();
    for p in [&x, &minus] {
        let (y, _, h) = switching_chain_hessian(p);
        assert_eq!(y, switching_chain(p));
        assert_matrix(&h, &hyper_hessian(switching_chain_twin, p), EXACT, "switching chain");
        let fd = fd_hessian(|q| switching_chain_grad(q).1, p);
        assert_matrix(&h, &fd, FD, "switching chain vs FD");
        for i in 0..48 {
            assert_eq!(h[i][(i + 3) % 48] != 0.0, p[i] > 0.0, "coupling of {i}");
        }
    }
}

#[test]
fn through_a_while_loop_with_an_exit_and_a_written_array() {
    for x in [[1.3, 1.7, 0.4], [0.8, 2.3, -0.2], [2.0, 1.2, 0.9]] {
        let (y, g, h) = damped_hessian(&x);
        assert_eq!(y, damped(&x));
        assert_eq!(g, damped_grad(&x).1);
        let want = hyper_hessian(damped_twin, &x);
        assert_matrix(&h, &want, EXACT, &format!("damped at {x:?}"));
    }
}

// ---- Calls, recursion, methods, generics ----------------------------------------------

#[differentiate(order = 2)]
fn softplus(x: f64) -> f64 {
    (1.0 + x.exp()).ln()
}

mod physics {
    use autodiff_core::differentiate;

    #[differentiate(order = 2)]
    pub fn spring(x: f64, k: f64) -> f64 {
        0.5 * k * x * x
    }
}

#[differentiate(order = 2)]
fn model(x: &[f64], k: f64) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += softplus(x[i] * k) + physics::spring(x[i], k);
    }
    s
}

fn model_twin(p: &[H]) -> H {
    let k = p[p.len() - 1];
    let mut s = H::from_re(0.0);
    for xi in &p[..p.len() - 1] {
        s += (H::from_re(1.0) + (*xi * k).exp()).ln() + k * *xi * *xi * 0.5;
    }
    s
}

#[differentiate(order = 2)]
fn tower(x: f64, n: u32) -> f64 {
    if n == 0 {
        x
    } else {
        (tower(x, n - 1) * 0.5).sin() + x
    }
}

fn tower_twin(x: H, n: u32) -> H {
    if n == 0 {
        x
    } else {
        (tower_twin(x, n - 1) * 0.5).sin() + x
    }
}

#[test]
fn through_calls_and_recursion() {
    let x = [0.3, -0.8, 1.4];
    let k = 0.7;
    let (y, (gx, gk), h) = model_hessian(&x, k);
    assert_eq!(y, model(&x, k));
    assert_eq!((gx.clone(), gk), model_grad(&x, k).1);
    let p = [x[0], x[1], x[2], k];
    let want = hyper_hessian(model_twin, &p);
    assert_matrix(&h, &want, EXACT, "model");

    for x in [0.4, 1.7] {
        let (_, _, h) = tower_hessian(x, 4);
        let want = hyper_hessian(|q| tower_twin(q[0], 4), &[x]);
        assert!(close(h[0][0], want[0][0], EXACT), "tower at {x}: {} vs {}", h[0][0], want[0][0]);
    }
}

struct Layer {
    w: [f64; 3],
}

impl Layer {
    #[differentiate(order = 2)]
    fn energy(&self, x: [f64; 3]) -> f64 {
        let mut s = 0.0;
        for i in 0..3 {
            s += (self.w[i] * x[i]).tanh() * x[(i + 1) % 3];
        }
        s
    }
}

fn energy_twin(w: &[f64; 3], x: &[H]) -> H {
    let mut s = H::from_re(0.0);
    for i in 0..3 {
        s += (x[i] * w[i]).tanh() * x[(i + 1) % 3];
    }
    s
}

#[test]
fn a_method_with_an_array_parameter() {
    let layer = Layer { w: [0.5, -1.5, 2.0] };
    let x = [0.2, 0.7, -0.4];
    let (y, g, h): (f64, [f64; 3], [[f64; 3]; 3]) = layer.energy_hessian(x);
    assert_eq!((y, g), layer.energy_grad(x));
    let want = hyper_hessian(|q| energy_twin(&layer.w, q), &x);
    assert_matrix(&rows(h), &want, EXACT, "method");
}

#[differentiate(order = 2)]
fn generic_mix<T: num_traits::Float>(x: T, y: T) -> T {
    let two = T::one() + T::one();
    (x * y).sin() * two + x.exp() / (y * y + T::one())
}

#[test]
fn generic_functions_at_f32_and_f64() {
    let (x, y) = (0.4, 1.1);
    let (v, _, h) = generic_mix_hessian(x, y);
    assert_eq!(v, generic_mix(x, y));
    let want =
        hyper_hessian(|q| (q[0] * q[1]).sin() * 2.0 + q[0].exp() / (q[1] * q[1] + 1.0), &[x, y]);
    assert_matrix(&rows(h), &want, EXACT, "generic at f64");
    let (_, _, h32) = generic_mix_hessian(x as f32, y as f32);
    for i in 0..2 {
        for j in 0..2 {
            assert!(
                (f64::from(h32[i][j]) - want[i][j]).abs() < 1e-4,
                "generic at f32: H[{i}][{j}]"
            );
        }
    }
}

// ---- Hessian shapes --------------------------------------------------------------------

#[differentiate(order = 2)]
fn mixed_params(a: f64, v: &[f64], m: [[f64; 2]; 2]) -> f64 {
    a * v[0] * m[0][1] + v[1].powi(2) * m[1][0] + a.sin() * m[1][1] * m[0][0]
}

#[test]
fn several_parameters_flatten_in_order() {
    let (a, v, m) = (0.5, [1.5, -0.5], [[0.3, 0.8], [1.2, -0.6]]);
    let (y, _, h) = mixed_params_hessian(a, &v, m);
    assert_eq!(y, mixed_params(a, &v, m));
    assert_eq!(h.len(), 7);
    let flat = [a, v[0], v[1], m[0][0], m[0][1], m[1][0], m[1][1]];
    let want = hyper_hessian(
        |q| q[0] * q[1] * q[4] + q[2].powi(2) * q[5] + q[0].sin() * q[6] * q[3],
        &flat,
    );
    assert_matrix(&h, &want, EXACT, "mixed parameters");
}

#[differentiate(order = 2, wrt(y))]
fn narrowed(x: f64, y: [f64; 2]) -> f64 {
    x * y[0] * y[0] * y[1]
}

#[test]
fn wrt_narrows_the_hessian() {
    let (y, _, h): (f64, [f64; 2], [[f64; 2]; 2]) = narrowed_hessian(3.0, [2.0, 5.0]);
    assert_eq!(y, narrowed(3.0, [2.0, 5.0]));
    assert_eq!(h, [[3.0 * 2.0 * 5.0, 3.0 * 2.0 * 2.0], [3.0 * 2.0 * 2.0, 0.0]]);
}

// ---- The JVP of the VJP, for vector outputs -------------------------------------------

#[differentiate(order = 2)]
fn polar(r: f64, theta: f64) -> [f64; 2] {
    [r * theta.cos(), r * theta.sin()]
}

#[test]
fn vjp_jvp_is_the_derivative_of_the_vjp() {
    let (r, th) = (1.5, 0.6);
    let w = [0.7, -1.3];
    let (t_r, t_th, t_w) = (0.4, -0.9, [0.2, 0.5]);
    let ((y, g), (y_dot, g_dot)) = polar_vjp_jvp(r, th, w, t_r, t_th, t_w);
    assert_eq!((y, g), polar_vjp(r, th, w));
    assert_eq!(y, polar(r, th));
    assert_eq!(y_dot, polar_jvp(r, th, t_r, t_th).1);
    // d/ds of the VJP at (r, th, w) + s (t_r, t_th, t_w), by central differences.
    let at = |s: f64| {
        let w = [w[0] + s * t_w[0], w[1] + s * t_w[1]];
        polar_vjp(r + s * t_r, th + s * t_th, w).1
    };
    let fd0 = derivative(|s| at(s).0, 0.0, DEFAULT_STEP);
    let fd1 = derivative(|s| at(s).1, 0.0, DEFAULT_STEP);
    assert!(close(g_dot.0, fd0, FD), "{} vs {fd0}", g_dot.0);
    assert!(close(g_dot.1, fd1, FD), "{} vs {fd1}", g_dot.1);
}
