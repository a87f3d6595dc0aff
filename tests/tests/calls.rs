//! Calls between differentiated functions: the chain rule through `g_jvp` and `g_vjp`,
//! by path, in loops, across modules, and recursively.
#![allow(clippy::needless_range_loop)]

use autodiff_core::{check, differentiate};

#[differentiate]
fn softplus(x: f64) -> f64 {
    if x > 30.0 {
        x
    } else {
        (1.0 + x.exp()).ln()
    }
}

#[differentiate]
fn weighted(a: f64, b: f64) -> f64 {
    a * b + a.sin()
}

mod physics {
    use autodiff_core::differentiate;

    #[differentiate]
    pub fn spring(x: f64, k: f64) -> f64 {
        0.5 * k * x * x
    }

    #[differentiate]
    pub fn energy(v: &[f64]) -> f64 {
        let mut e = 0.0;
        for i in 0..v.len() {
            e += v[i] * v[i];
        }
        e
    }
}

#[differentiate]
fn model(x: &[f64], k: f64) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += softplus(x[i] * k) + weighted(x[i], k);
    }
    s + physics::spring(x[0], 2.0 * k) + physics::energy(x) * k
}

/// A custom derivative: `clipped` is written by hand with its siblings (the contract's
/// signatures), and the macro differentiates through them.
fn clipped(x: f64) -> f64 {
    x.clamp(-1.0, 1.0)
}
fn clipped_jvp(x: f64, t: f64) -> (f64, f64) {
    // A straight-through derivative: 1 everywhere, by choice.
    (clipped(x), t)
}
fn clipped_vjp(x: f64, dout: f64) -> (f64, f64) {
    (clipped(x), dout)
}
/// The second-order sibling, for callers' Hessians: forward mode over `clipped_vjp`,
/// `(clipped_vjp(x, dout), its tangent along (x_dot, dout_dot))`.
fn clipped_vjp_jvp(x: f64, dout: f64, x_dot: f64, dout_dot: f64) -> ((f64, f64), (f64, f64)) {
    (clipped_vjp(x, dout), (x_dot, dout_dot))
}

#[differentiate(order = 2)]
fn uses_custom(x: f64) -> f64 {
    clipped(3.0 * x) * x
}

/// A custom pair without a second-order sibling is all that callers with the default
/// attribute (first order) need.
fn halved(x: f64) -> f64 {
    x / 2.0
}
fn halved_jvp(x: f64, t: f64) -> (f64, f64) {
    (halved(x), t / 2.0)
}
fn halved_vjp(x: f64, dout: f64) -> (f64, f64) {
    (halved(x), dout / 2.0)
}

#[differentiate]
fn uses_first_order_pair(x: f64) -> f64 {
    halved(x) * x
}

#[differentiate]
fn power_tower(x: f64, n: u32) -> f64 {
    if n == 0 {
        x
    } else {
        (power_tower(x, n - 1) * 0.5).sin() + x
    }
}

#[test]
fn chain_rule_through_calls() {
    let x = [0.3, -0.8, 1.4];
    let k = 0.7;
    let (y, (gx, gk)) = model_grad(&x, k);
    assert_eq!(y, model(&x, k));
    let mut p = x.to_vec();
    p.push(k);
    let mut g = gx.clone();
    g.push(gk);
    check::check_gradient(|q| model(&q[..3], q[3]), &p, &g, 1e-6).unwrap();
    let (_, d) = model_jvp(&x, k, &[1.0, 0.0, 0.0], 0.0);
    assert!((d - gx[0]).abs() < 1e-12);
}

#[test]
fn a_hand_written_pair_is_a_custom_derivative() {
    // d/dx [clipped(3x) x] with the straight-through rule: 3 x + clipped(3x).
    let x = 0.5;
    let (y, d) = uses_custom_grad(x);
    assert_eq!(y, uses_custom(x));
    assert_eq!(d, 3.0 * x + clipped(3.0 * x));
    assert_eq!(uses_custom_jvp(x, 1.0).1, d);
    // Second order through the pair's `clipped_vjp_jvp`: d²/dx² = 3 + 3 = 6.
    let (_, g, h) = uses_custom_hessian(x);
    assert_eq!((g, h), (d, [[6.0]]));
    assert_eq!(uses_first_order_pair_grad(3.0), (uses_first_order_pair(3.0), 3.0));
    assert_eq!(uses_first_order_pair_jvp(3.0, 1.0), (4.5, 3.0));
}

#[test]
fn recursion() {
    for n in 0..4 {
        let x = 0.9;
        let (_, d) = power_tower_grad(x, n);
        let fd = check::derivative(|x| power_tower(x, n), x, check::DEFAULT_STEP);
        assert!((d - fd).abs() < 1e-6, "n = {n}: {d} vs {fd}");
    }
}

struct Model {
    scale: f64,
    bias: f64,
}

impl Model {
    #[differentiate]
    fn unit(&self, x: f64) -> f64 {
        (self.scale * x).tanh() + self.bias
    }

    #[differentiate]
    fn layer(&self, x: &[f64]) -> f64 {
        let mut s = 0.0;
        for &v in x {
            s += self.unit(v) * v;
        }
        s
    }
}

#[test]
fn methods_calling_methods() {
    let m = Model { scale: 0.8, bias: 0.1 };
    let x = [0.2, -0.7, 1.3];
    let (y, g) = m.layer_grad(&x);
    assert_eq!(y, m.layer(&x));
    check::check_gradient(|p| m.layer(p), &x, &g, 1e-6).unwrap();
    let (_, d) = m.unit_grad(0.4);
    let t = (0.8_f64 * 0.4).tanh();
    assert!((d - 0.8 * (1.0 - t * t)).abs() < 1e-15);
}

/// Callees that take `&f64` and `&[f64; N]`: their tangents are by value (the contract's),
/// whether the caller passes `&x` or its own `&[f64; N]` parameter on.
#[differentiate(order = 2)]
fn scaled_by_ref(x: &f64, k: f64) -> f64 {
    *x * *x * k
}

#[differentiate(order = 2)]
fn weighted_row(w: &[f64; 3], s: f64) -> f64 {
    w[0] * s + w[1] * w[2]
}

#[differentiate(order = 2)]
fn through_references(w: &[f64; 3], x: f64) -> f64 {
    let local = [x, 2.0 * x, w[0]];
    scaled_by_ref(&x, w[1]) + weighted_row(w, x) + weighted_row(&local, 1.0)
}

#[test]
fn callees_with_reference_parameters() {
    let (w, x) = ([0.5, -1.5, 2.0], 0.75);
    let (y, (gw, gx)) = through_references_grad(&w, x);
    assert_eq!(y, through_references(&w, x));
    // y = x^2 w1 + (w0 x + w1 w2) + (x + 2x w0)
    let want_w = [x + 2.0 * x, x * x + w[2], w[1]];
    let want_x = 2.0 * x * w[1] + w[0] + 1.0 + 2.0 * w[0];
    for i in 0..3 {
        assert!((gw[i] - want_w[i]).abs() < 1e-12, "dy/dw{i}");
    }
    assert!((gx - want_x).abs() < 1e-12, "dy/dx");
    let (_, t) = through_references_jvp(&w, x, [0.0, 0.0, 0.0], 1.0);
    assert!((t - want_x).abs() < 1e-12, "jvp");
    let mut p = w.to_vec();
    p.push(x);
    let mut g = gw.to_vec();
    g.push(gx);
    check::check_gradient(|q| through_references(&[q[0], q[1], q[2]], q[3]), &p, &g, 1e-6).unwrap();
    // d2y/dx2 = 2 w1; d2y/dx dw = (3, 2x, 0).
    let (_, _, (hw, hx)) = through_references_hvp(&w, x, [0.0, 0.0, 0.0], 1.0);
    assert!((hx - 2.0 * w[1]).abs() < 1e-12, "d2y/dx2");
    let want_hw = [3.0, 2.0 * x, 0.0];
    for i in 0..3 {
        assert!((hw[i] - want_hw[i]).abs() < 1e-12, "d2y/dx dw{i}");
    }
}

/// A generic callee returning a `Vec`, called with the caller's slice and a constant of
/// the float type (`T::one()`), as argmin's `ackley_derivative` calls
/// `ackley_abc_derivative`: its cotangent goes to `squares_vjp` as `&[T]`, and the
/// constant gets a zero tangent. `squares(x, a)_i = a x_i^2`.
#[differentiate(order = 2)]
fn squares<T: num_traits::Float>(x: &[T], a: T) -> Vec<T> {
    let mut out = vec![T::zero(); x.len()];
    for i in 0..x.len() {
        out[i] = a * x[i] * x[i];
    }
    out
}

#[differentiate(order = 2)]
fn unit_squares<T: num_traits::Float>(x: &[T]) -> Vec<T> {
    squares(x, T::one())
}

/// The `Vec` result read by index: `f = squares(x, 2)_0 * squares(x, 2)_1 = 4 x_0^2 x_1^2`.
#[differentiate(order = 2)]
fn product_of_squares<T: num_traits::Float>(x: &[T]) -> T {
    let two = T::one() + T::one();
    let v = squares(x, two);
    v[0] * v[1]
}

#[test]
fn a_vec_returning_generic_callee() {
    let x = [1.5_f64, -0.5, 2.0];
    let (y, j) = unit_squares_jacobian(&x);
    assert_eq!(y, unit_squares(&x));
    for i in 0..3 {
        for k in 0..3 {
            let want = if i == k { 2.0 * x[i] } else { 0.0 };
            assert_eq!(j[i][k], want, "d y_{i} / d x_{k}");
        }
    }
    let (_, g) = unit_squares_vjp(&x, &[1.0, 0.0, -1.0]);
    assert_eq!(g, vec![2.0 * x[0], 0.0, -2.0 * x[2]]);
    let (v, g) = product_of_squares_grad(&x);
    assert_eq!(v, 4.0 * x[0] * x[0] * x[1] * x[1]);
    assert_eq!(g, vec![8.0 * x[0] * x[1] * x[1], 8.0 * x[0] * x[0] * x[1], 0.0]);
    let (_, _, h) = product_of_squares_hessian(&x);
    let want = [
        [8.0 * x[1] * x[1], 16.0 * x[0] * x[1], 0.0],
        [16.0 * x[0] * x[1], 8.0 * x[0] * x[0], 0.0],
        [0.0, 0.0, 0.0],
    ];
    for i in 0..3 {
        for k in 0..3 {
            assert!(
                (h[i][k] - want[i][k]).abs() < 1e-12,
                "H[{i}][{k}] = {} not {}",
                h[i][k],
                want[i][k]
            );
        }
    }
    check::check_gradient(product_of_squares::<f64>, &x, &g, 1e-6).unwrap();
}

/// Horner's rule with active coefficients, called with a constant slice literal: the
/// constant gets a zero tangent of its shape. `p(z) = 1 + 2z + 3z^2`.
#[differentiate]
fn horner(z: f64, c: &[f64]) -> f64 {
    let mut s = 0.0;
    for k in (0..c.len()).rev() {
        s = s * z + c[k];
    }
    s
}

#[differentiate]
fn fixed_polynomial(z: f64) -> f64 {
    horner(z, &[1.0, 2.0, 3.0]) * z
}

#[test]
fn a_constant_slice_literal_passed_to_a_differentiated_callee() {
    for z in [0.5, -2.0] {
        let (v, g) = fixed_polynomial_grad(z);
        assert_eq!(v, fixed_polynomial(z));
        // d/dz (z + 2z^2 + 3z^3) = 1 + 4z + 9z^2.
        assert!((g - (1.0 + 4.0 * z + 9.0 * z * z)).abs() < 1e-12, "{g}");
        assert_eq!(fixed_polynomial_jvp(z, 2.0), (v, 2.0 * g));
    }
}

/// A callee's `Vec`, owned by a `let mut` and then written in place: the element written
/// takes its new derivative, the others keep the callee's.
/// `f = 3 x_1 + x_1^2` (element 0 replaced, element 1 the callee's `x_1^2`).
#[differentiate(order = 2)]
fn patched(x: &[f64]) -> f64 {
    let mut m = squares(x, 1.0);
    m[0] = 3.0 * x[1];
    m[0] + m[1]
}

#[test]
fn a_callees_vec_written_in_place() {
    let x = [2.0_f64, -0.5];
    let (v, g) = patched_grad(&x);
    assert_eq!(v, patched(&x));
    assert_eq!(v, 3.0 * x[1] + x[1] * x[1]);
    assert_eq!(g, vec![0.0, 3.0 + 2.0 * x[1]]);
    let (_, t) = patched_jvp(&x, &[1.0, 1.0]);
    assert_eq!(t, 3.0 + 2.0 * x[1]);
    let (_, _, h) = patched_hessian(&x);
    assert_eq!(h, vec![vec![0.0, 0.0], vec![0.0, 2.0]]);
}
