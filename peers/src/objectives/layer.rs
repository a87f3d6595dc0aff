//! A Jacobian: the layer y = tanh(W x + b), W dense n x n, differentiated with respect
//! to x, so that J[i][j] = (1 - y_i^2) W[i][j].

use autodiff_core::differentiate;

use crate::rng::Rng;
use crate::{Contender, JacobianModel, Real};

/// The plain function; only `x` is active. `w` is row-major, `b.len()` rows.
#[differentiate(wrt(x))]
pub fn layer(w: &[f64], b: &[f64], x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut y = vec![0.0; b.len()];
    for i in 0..b.len() {
        let mut s = b[i];
        for j in 0..n {
            s += w[i * n + j] * x[j];
        }
        y[i] = s.tanh();
    }
    y
}

/// By hand: the layer, then each row of W scaled by tanh's derivative, in the same
/// `Vec<Vec<f64>>` shape as the generated Jacobian.
pub fn layer_hand(w: &[f64], b: &[f64], x: &[f64]) -> (Vec<f64>, Vec<Vec<f64>>) {
    let n = x.len();
    let mut y = vec![0.0; b.len()];
    let mut jac = Vec::with_capacity(b.len());
    for i in 0..b.len() {
        let row = &w[i * n..(i + 1) * n];
        let mut s = b[i];
        for j in 0..n {
            s += row[j] * x[j];
        }
        y[i] = s.tanh();
        let d = 1.0 - y[i] * y[i];
        jac.push(row.iter().map(|wij| d * wij).collect());
    }
    (y, jac)
}

/// Generic, for the peers: `x` active, the weights constants.
pub fn layer_generic<T: Real>(w: &[f64], b: &[f64], x: &[T]) -> Vec<T> {
    let n = x.len();
    let mut y = Vec::with_capacity(b.len());
    for i in 0..b.len() {
        let mut s = T::cst(b[i]);
        for j in 0..n {
            s = s + T::cst(w[i * n + j]) * x[j].clone();
        }
        y.push(s.tanh());
    }
    y
}

/// The square layer at `n` inputs and outputs.
#[derive(Debug)]
pub struct Layer {
    /// Inputs and outputs.
    pub n: usize,
    w: Vec<f64>,
    b: Vec<f64>,
    x: Vec<f64>,
}

impl Layer {
    /// The layer with seeded data; the weights scaled by 1/sqrt(n) so that tanh does not
    /// saturate.
    pub fn new(n: usize) -> Self {
        let mut rng = Rng::new(0x1A7E + n as u64);
        let scale = 1.0 / (n as f64).sqrt();
        let w = rng.normals(n * n).into_iter().map(|v| v * scale).collect();
        Layer { n, w, b: rng.ranges(n, -0.5, 0.5), x: rng.normals(n) }
    }
}

fn flatten(rows: &[Vec<f64>], j: &mut [f64]) {
    let mut at = 0;
    for row in rows {
        crate::put(j, &mut at, row);
    }
}

impl JacobianModel for Layer {
    fn family(&self) -> &'static str {
        "tanh(W x + b)"
    }
    fn size(&self) -> String {
        format!("n={}", self.n)
    }
    fn point(&self) -> Vec<f64> {
        self.x.clone()
    }
    fn outputs(&self) -> usize {
        self.n
    }
    fn primal(&self, p: &[f64]) -> Vec<f64> {
        layer(&self.w, &self.b, p)
    }
    fn ours(&self, p: &[f64], j: &mut [f64]) -> Vec<f64> {
        let (y, jac) = layer_jacobian(&self.w, &self.b, p);
        flatten(&jac, j);
        y
    }
    fn hand(&self, p: &[f64], j: &mut [f64]) -> Vec<f64> {
        let (y, jac) = layer_hand(&self.w, &self.b, p);
        flatten(&jac, j);
        y
    }
    fn generic<T: Real>(&self, p: &[T]) -> Vec<T> {
        layer_generic(&self.w, &self.b, p)
    }
    fn skip(&self, c: Contender) -> Option<&'static str> {
        // A dual vector of n floats on each of the n^2 operations: n^3, seconds per call
        // from n = 1024 on, and gigabytes of short-lived vectors.
        match c {
            Contender::NumDual if self.n > 256 => Some("dual vectors of n floats; timed at n=256"),
            _ => None,
        }
    }
}
