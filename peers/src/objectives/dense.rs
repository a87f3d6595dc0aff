//! A dense layer with a squared error: sum_i (tanh(sum_j W[i][j] x[j] + b[i]) - t[i])^2,
//! differentiated with respect to W (row-major, m x n).

use autodiff_core::differentiate;

use crate::rng::Rng;
use crate::{Contender, Model, Real, Shape};

/// The plain function; only `w` is active.
#[differentiate(wrt(w))]
pub fn dense(w: &[f64], x: &[f64], b: &[f64], t: &[f64]) -> f64 {
    let n = x.len();
    let mut e = 0.0;
    for i in 0..b.len() {
        let mut s = b[i];
        for j in 0..n {
            s += w[i * n + j] * x[j];
        }
        let r = s.tanh() - t[i];
        e += r * r;
    }
    e
}

/// By hand: the error's derivative through tanh, times x, row by row.
pub fn dense_hand(w: &[f64], x: &[f64], b: &[f64], t: &[f64]) -> (f64, Vec<f64>) {
    let n = x.len();
    let mut g = vec![0.0; w.len()];
    let mut e = 0.0;
    for i in 0..b.len() {
        let row = &w[i * n..(i + 1) * n];
        let mut s = b[i];
        for j in 0..n {
            s += row[j] * x[j];
        }
        let y = s.tanh();
        let r = y - t[i];
        e += r * r;
        let ds = 2.0 * r * (1.0 - y * y);
        let grow = &mut g[i * n..(i + 1) * n];
        for j in 0..n {
            grow[j] = ds * x[j];
        }
    }
    (e, g)
}

/// Generic, for the peers: `w` active, the data constants.
pub fn dense_generic<T: Real>(w: &[T], x: &[f64], b: &[f64], t: &[f64]) -> T {
    let n = x.len();
    let mut e = T::cst(0.0);
    for i in 0..b.len() {
        let mut s = T::cst(b[i]);
        for j in 0..n {
            s = s + w[i * n + j].clone() * T::cst(x[j]);
        }
        let r = s.tanh() - T::cst(t[i]);
        e = e + r.sq();
    }
    e
}

/// A square layer of `n` units with `n` inputs: `n * n` parameters.
#[derive(Debug)]
pub struct Dense {
    /// Inputs and outputs.
    pub n: usize,
    x: Vec<f64>,
    b: Vec<f64>,
    t: Vec<f64>,
    w: Vec<f64>,
}

impl Dense {
    /// The layer with seeded data; the weights scaled by 1/sqrt(n) so that tanh does not
    /// saturate.
    pub fn new(n: usize) -> Self {
        let mut rng = Rng::new(0xDE05E + n as u64);
        let scale = 1.0 / (n as f64).sqrt();
        let w = rng.normals(n * n).into_iter().map(|v| v * scale).collect();
        Dense { n, x: rng.normals(n), b: rng.ranges(n, -0.5, 0.5), t: rng.ranges(n, -0.9, 0.9), w }
    }
}

impl Model for Dense {
    fn family(&self) -> &'static str {
        "dense tanh layer"
    }
    fn size(&self) -> String {
        format!("{0}x{0}", self.n)
    }
    fn shape(&self) -> Shape {
        Shape::Loops
    }
    fn point(&self) -> Vec<f64> {
        self.w.clone()
    }
    fn primal(&self, p: &[f64]) -> f64 {
        dense(p, &self.x, &self.b, &self.t)
    }
    fn ours(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (y, grad) = dense_grad(p, &self.x, &self.b, &self.t);
        g.copy_from_slice(&grad);
        y
    }
    fn hand(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (y, grad) = dense_hand(p, &self.x, &self.b, &self.t);
        g.copy_from_slice(&grad);
        y
    }
    fn generic<T: Real>(&self, p: &[T]) -> T {
        dense_generic(p, &self.x, &self.b, &self.t)
    }
    fn skip(&self, c: Contender) -> Option<&'static str> {
        // One forward sweep or two primals per weight: n^2 = 1M of them at n = 1024.
        match c {
            Contender::NumDual | Contender::FiniteDiff if self.n > 64 => {
                Some("n^2 sweeps; timed at 32x32")
            }
            _ => None,
        }
    }
}
