//! Log-sum-exp with the max shift: m + ln(sum exp(x[i] - m)), m = max x.

use autodiff_core::differentiate;

use crate::{Model, Real, Shape};

/// The plain function.
#[differentiate]
pub fn log_sum_exp(x: &[f64]) -> f64 {
    let mut m = f64::NEG_INFINITY;
    for &v in x {
        if v > m {
            m = v;
        }
    }
    let mut s = 0.0;
    for v in x.iter() {
        s += (v - m).exp();
    }
    m + s.ln()
}

/// By hand: the gradient is the softmax.
pub fn log_sum_exp_hand(x: &[f64]) -> (f64, Vec<f64>) {
    let m = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut g: Vec<f64> = x.iter().map(|v| (v - m).exp()).collect();
    let s: f64 = g.iter().sum();
    for gi in &mut g {
        *gi /= s;
    }
    (m + s.ln(), g)
}

/// Generic, for the peers. The shift is chosen on values; its derivative cancels.
pub fn log_sum_exp_generic<T: Real>(x: &[T]) -> T {
    let mut m = x[0].clone();
    for v in &x[1..] {
        if v.val() > m.val() {
            m = v.clone();
        }
    }
    let mut s = T::cst(0.0);
    for v in x {
        s = s + (v.clone() - m.clone()).exp();
    }
    m + s.ln()
}

/// Log-sum-exp of `n` values.
#[derive(Debug)]
pub struct LogSumExp {
    /// The number of parameters.
    pub n: usize,
}

impl Model for LogSumExp {
    fn family(&self) -> &'static str {
        "log-sum-exp"
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
        log_sum_exp(p)
    }
    fn ours(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (y, grad) = log_sum_exp_grad(p);
        g.copy_from_slice(&grad);
        y
    }
    fn hand(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (y, grad) = log_sum_exp_hand(p);
        g.copy_from_slice(&grad);
        y
    }
    fn generic<T: Real>(&self, p: &[T]) -> T {
        log_sum_exp_generic(p)
    }
}
