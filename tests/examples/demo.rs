//! The path "from derivatives to Jacobians", one step at a time. Every derivative that
//! `#[differentiate]` generated is printed beside a central finite-difference check.
//!
//! Run with `cargo run -p autodiff-tests --example demo`.

#![allow(clippy::needless_range_loop)] // the examples index the way numeric code does

use autodiff_core::check;
use autodiff_core::differentiate;

/// Derivative: R -> R.
#[differentiate]
fn bump(x: f64) -> f64 {
    (-x * x).exp() * x.sin()
}

/// The seed example, a one-neuron "network": phi = (a w1 + b1)^2 through named
/// intermediates; dphi/dw1 = 2 a (a w1 + b1).
#[differentiate]
#[allow(clippy::let_and_return)] // the seed names every intermediate on purpose
fn phi(w1: f64, a: f64, b1: f64) -> f64 {
    let y1 = a * w1;
    let y2 = y1 + b1;
    let y3 = y2 * y2;
    y3
}

/// Gradient: R^3 -> R, with a branch on an active value and an early return.
#[differentiate]
fn soft_norm(x: [f64; 3]) -> f64 {
    let s = x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
    if s < 1e-12 {
        return 0.0;
    }
    let r = s.sqrt();
    if r > 1.0 {
        r.ln() + 1.0
    } else {
        r
    }
}

/// A gradient through loops: extended Rosenbrock. Reverse mode replays the range
/// backwards and needs no tape here.
#[differentiate]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

/// A running product: one saved value per iteration, exact even with a zero entry.
#[differentiate]
fn product(x: &[f64]) -> f64 {
    x.iter().product()
}

/// Jacobian: R^2 -> R^3, the seed's layer with three weights: y_k = (a_k w + b)^2.
#[differentiate]
fn layer(p: [f64; 2]) -> [f64; 3] {
    let a = [1.0, -2.0, 0.5];
    let mut y = [0.0; 3];
    for k in 0..3 {
        y[k] = (a[k] * p[0] + p[1]).powi(2);
    }
    y
}

/// Generalized Jacobian: a 2x2 matrix in, a 2x3 matrix out; J is 2x3 outside, 2x2 inside.
#[differentiate]
fn features(x: [[f64; 2]; 2]) -> [[f64; 3]; 2] {
    let mut y = [[0.0; 3]; 2];
    for i in 0..2 {
        for k in 0..3 {
            y[i][k] = (x[i][0] * (k as f64 + 1.0) + x[i][1] * x[1 - i][0]).tanh();
        }
    }
    y
}

fn show(name: &str, ours: &[f64], fd: &[f64]) {
    let worst = ours.iter().zip(fd).map(|(a, b)| (a - b).abs()).fold(0.0_f64, f64::max);
    println!("  {name:<28} generated {ours:?}");
    println!("  {:<28} finite diff {fd:?}  (max |diff| {worst:.1e})", "");
}

fn main() {
    println!("1. derivative  f: R -> R");
    let x = 0.7;
    let (y, dy) = bump_grad(x);
    let fd = check::derivative(bump, x, check::DEFAULT_STEP);
    println!("  bump({x}) = {y:.6}");
    show("d bump / dx", &[dy], &[fd]);

    println!("\n2. the seed: phi = (a w1 + b1)^2");
    let (w1, a, b1) = (1.5, 2.0, 0.5);
    let (y, (dw1, da, db1)) = phi_grad(w1, a, b1);
    println!("  phi = {y}, dphi/dw1 = {dw1} (2a(a w1 + b1) = {})", 2.0 * a * (a * w1 + b1));
    let fd = check::gradient(|p| phi(p[0], p[1], p[2]), &[w1, a, b1], check::DEFAULT_STEP);
    show("(dw1, da, db1)", &[dw1, da, db1], &fd);

    println!("\n3. gradient  f: R^3 -> R");
    let p = [0.3, -1.2, 0.8];
    let (y, g) = soft_norm_grad(p);
    println!("  soft_norm({p:?}) = {y:.6}");
    let fd = check::gradient(|q| soft_norm([q[0], q[1], q[2]]), &p, check::DEFAULT_STEP);
    show("gradient", &g, &fd);

    println!("\n   forward mode gives one directional derivative per sweep:");
    let t = [1.0, 0.0, 0.0];
    let (_, d) = soft_norm_jvp(p, t);
    println!("  d soft_norm . e0 = {d:.12} (gradient[0] = {:.12})", g[0]);
    println!("\n4. gradients through loops");
    let x = [-1.2, 1.0, 0.8, 1.5, 0.3];
    let (y, g) = rosenbrock_grad(&x);
    println!("  rosenbrock({x:?}) = {y:.6}");
    let fd = check::gradient(rosenbrock, &x, check::DEFAULT_STEP);
    show("gradient", &g, &fd);
    let x = [2.0, 0.0, 3.0, 0.5];
    let (y, g) = product_grad(&x);
    assert_eq!(y, product(&x));
    println!("  product({x:?}) = {y}; gradient {g:?} (the product of the other entries)");

    println!("\n5. Jacobian  f: R^2 -> R^3 (forward columns: fewer inputs than outputs)");
    let p = [0.7, -0.3];
    let (y, j) = layer_jacobian(p);
    println!("  layer({p:?}) = {y:?}");
    let fd = check::jacobian(|q| layer([q[0], q[1]]).to_vec(), &p, check::DEFAULT_STEP);
    for k in 0..3 {
        show(&format!("row {k}"), &j[k], &fd[k]);
    }

    println!("\n6. generalized Jacobian  f: R^(2x2) -> R^(2x3), J of shape (2x3) x (2x2)");
    let x = [[0.3, -0.5], [0.8, 0.1]];
    let (_, j) = features_jacobian(x);
    let flat =
        |q: &[f64]| features([[q[0], q[1]], [q[2], q[3]]]).iter().flatten().copied().collect();
    let fd = check::jacobian(flat, &[0.3, -0.5, 0.8, 0.1], check::DEFAULT_STEP);
    for i in 0..2 {
        for k in 0..3 {
            let ours: Vec<f64> = j[i][k].iter().flatten().copied().collect();
            show(&format!("d y[{i}][{k}] / d x"), &ours, &fd[3 * i + k]);
        }
    }
}
