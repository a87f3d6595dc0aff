//! The running product x[0] x[1] ... x[n-1]: a loop whose carried value the reverse
//! sweep needs, so the generated gradient saves it (one float per iteration).

use autodiff_core::differentiate;

use crate::{Model, Real, Shape};

/// The plain function.
#[differentiate]
pub fn running_product(x: &[f64]) -> f64 {
    let mut p = 1.0;
    for i in 0..x.len() {
        p *= x[i];
    }
    p
}

/// By hand: prefix and suffix products, exact with zero entries, no division.
pub fn running_product_hand(x: &[f64]) -> (f64, Vec<f64>) {
    let n = x.len();
    let mut g = vec![1.0; n];
    let mut prefix = 1.0;
    for i in 0..n {
        g[i] = prefix;
        prefix *= x[i];
    }
    let mut suffix = 1.0;
    for i in (0..n).rev() {
        g[i] *= suffix;
        suffix *= x[i];
    }
    (prefix, g)
}

/// Generic, for the peers.
pub fn running_product_generic<T: Real>(x: &[T]) -> T {
    let mut p = T::cst(1.0);
    for v in x {
        p = p * v.clone();
    }
    p
}

/// The product of `n` values near one (so that it neither underflows into subnormal
/// numbers nor overflows).
#[derive(Debug)]
pub struct RunningProduct {
    /// The number of parameters.
    pub n: usize,
}

impl Model for RunningProduct {
    fn family(&self) -> &'static str {
        "running product"
    }
    fn size(&self) -> String {
        format!("n={}", self.n)
    }
    fn shape(&self) -> Shape {
        Shape::Loops
    }
    fn point(&self) -> Vec<f64> {
        (0..self.n).map(|i| 1.0 + 0.01 * ((i as f64) * 0.37).sin()).collect()
    }
    fn primal(&self, p: &[f64]) -> f64 {
        running_product(p)
    }
    fn ours(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (y, grad) = running_product_grad(p);
        g.copy_from_slice(&grad);
        y
    }
    fn hand(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (y, grad) = running_product_hand(p);
        g.copy_from_slice(&grad);
        y
    }
    fn generic<T: Real>(&self, p: &[T]) -> T {
        running_product_generic(p)
    }
}
