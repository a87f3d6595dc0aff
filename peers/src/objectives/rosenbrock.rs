//! Extended (chained) Rosenbrock: sum of 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2.

use autodiff_core::differentiate;

use crate::{HessianModel, Model, Real, Shape};

/// The plain function.
#[differentiate(order = 2)]
pub fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

/// By hand: one fused loop.
pub fn rosenbrock_hand(x: &[f64]) -> (f64, Vec<f64>) {
    let mut s = 0.0;
    let mut g = vec![0.0; x.len()];
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
        g[i] += -400.0 * a * x[i] - 2.0 * b;
        g[i + 1] += 200.0 * a;
    }
    (s, g)
}

/// By hand: the Hessian, tridiagonal, row-major (n x n, zeros included).
pub fn rosenbrock_hessian_hand(x: &[f64]) -> (f64, Vec<f64>) {
    let n = x.len();
    let mut s = 0.0;
    let mut h = vec![0.0; n * n];
    for i in 0..n - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
        // d/dx_i (-400 a x_i - 2 b) and d/dx_{i+1} (200 a).
        h[i * n + i] += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
        h[i * n + i + 1] -= 400.0 * x[i];
        h[(i + 1) * n + i] -= 400.0 * x[i];
        h[(i + 1) * n + i + 1] += 200.0;
    }
    (s, h)
}

/// Generic, for the peers.
pub fn rosenbrock_generic<T: Real>(x: &[T]) -> T {
    let hundred = T::cst(100.0);
    let one = T::cst(1.0);
    let mut s = T::cst(0.0);
    for i in 0..x.len() - 1 {
        let a = x[i + 1].clone() - x[i].sq();
        let b = one.clone() - x[i].clone();
        s = s + hundred.clone() * a.sq() + b.sq();
    }
    s
}

/// Rosenbrock at `n` parameters.
#[derive(Debug)]
pub struct Rosenbrock {
    /// The number of parameters.
    pub n: usize,
}

impl Model for Rosenbrock {
    fn family(&self) -> &'static str {
        "rosenbrock"
    }
    fn size(&self) -> String {
        format!("n={}", self.n)
    }
    fn shape(&self) -> Shape {
        Shape::Loops
    }
    fn point(&self) -> Vec<f64> {
        (0..self.n).map(|i| 0.5 + 0.4 * ((i as f64) * 0.37).sin()).collect()
    }
    fn primal(&self, p: &[f64]) -> f64 {
        rosenbrock(p)
    }
    fn ours(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (y, grad) = rosenbrock_grad(p);
        g.copy_from_slice(&grad);
        y
    }
    fn hand(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (y, grad) = rosenbrock_hand(p);
        g.copy_from_slice(&grad);
        y
    }
    fn generic<T: Real>(&self, p: &[T]) -> T {
        rosenbrock_generic(p)
    }
}

/// Rosenbrock's Hessian at `n` parameters.
#[derive(Debug)]
pub struct RosenbrockHessian {
    /// The number of parameters.
    pub n: usize,
}

impl HessianModel for RosenbrockHessian {
    fn family(&self) -> &'static str {
        "rosenbrock"
    }
    fn size(&self) -> String {
        format!("n={}", self.n)
    }
    fn point(&self) -> Vec<f64> {
        Model::point(&Rosenbrock { n: self.n })
    }
    fn primal(&self, p: &[f64]) -> f64 {
        rosenbrock(p)
    }
    fn gradient(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (y, grad) = rosenbrock_grad(p);
        g.copy_from_slice(&grad);
        y
    }
    fn ours(&self, p: &[f64], h: &mut [f64]) -> f64 {
        let (y, _, hess) = rosenbrock_hessian(p);
        let mut at = 0;
        for row in &hess {
            crate::put(h, &mut at, row);
        }
        y
    }
    fn ours_hvp(&self, p: &[f64], v: &[f64], hv: &mut [f64]) -> f64 {
        let (y, _, out) = rosenbrock_hvp(p, v);
        hv.copy_from_slice(&out);
        y
    }
    fn hand(&self, p: &[f64], h: &mut [f64]) -> f64 {
        let (y, hess) = rosenbrock_hessian_hand(p);
        h.copy_from_slice(&hess);
        y
    }
    fn generic<T: Real>(&self, p: &[T]) -> T {
        rosenbrock_generic(p)
    }
}
