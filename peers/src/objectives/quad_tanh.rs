//! A Hessian: f(x) = 1/2 x^T A x + sum tanh(x_i), A dense and symmetric, differentiated
//! with respect to x, so that H = A + diag(-2 tanh(x_i) (1 - tanh(x_i)^2)).

use autodiff_core::differentiate;

use crate::{HessianModel, Real};

/// The plain function; only `x` is active. `a` is row-major, n x n.
#[differentiate(wrt(x), order = 2)]
pub fn quad_tanh(a: &[f64], x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 0..n {
        let mut ax = 0.0;
        for j in 0..n {
            ax += a[i * n + j] * x[j];
        }
        s += 0.5 * x[i] * ax + x[i].tanh();
    }
    s
}

/// By hand: the value, and A with tanh's second derivative added on the diagonal.
pub fn quad_tanh_hand(a: &[f64], x: &[f64]) -> (f64, Vec<Vec<f64>>) {
    let n = x.len();
    let mut s = 0.0;
    let mut h = Vec::with_capacity(n);
    for i in 0..n {
        let row = &a[i * n..(i + 1) * n];
        let mut ax = 0.0;
        for j in 0..n {
            ax += row[j] * x[j];
        }
        let t = x[i].tanh();
        s += 0.5 * x[i] * ax + t;
        let mut hrow = row.to_vec();
        hrow[i] += -2.0 * t * (1.0 - t * t);
        h.push(hrow);
    }
    (s, h)
}

/// Generic, for the peers.
pub fn quad_tanh_generic<T: Real>(a: &[f64], x: &[T]) -> T {
    let n = x.len();
    let mut s = T::cst(0.0);
    for i in 0..n {
        let mut ax = T::cst(0.0);
        for j in 0..n {
            ax = ax + T::cst(a[i * n + j]) * x[j].clone();
        }
        s = s + T::cst(0.5) * x[i].clone() * ax + x[i].tanh();
    }
    s
}

/// The function at `n` inputs.
#[derive(Debug)]
pub struct QuadTanh {
    /// The number of inputs.
    pub n: usize,
    a: Vec<f64>,
}

impl QuadTanh {
    /// A symmetric `A` (so that the quadratic's Hessian is A itself), entries of size
    /// about 1/16.
    pub fn new(n: usize) -> Self {
        let a = (0..n * n)
            .map(|k| {
                let (i, j) = (k / n, k % n);
                (((i * 31 + j * 31) % 97) as f64 / 97.0 - 0.5) / 8.0
            })
            .collect();
        QuadTanh { n, a }
    }
}

fn flatten(rows: &[Vec<f64>], h: &mut [f64]) {
    let mut at = 0;
    for row in rows {
        crate::put(h, &mut at, row);
    }
}

impl HessianModel for QuadTanh {
    fn family(&self) -> &'static str {
        "1/2 x'Ax + sum tanh x"
    }
    fn size(&self) -> String {
        format!("n={}", self.n)
    }
    fn point(&self) -> Vec<f64> {
        (0..self.n).map(|i| ((i % 11) as f64 - 5.0) / 5.0).collect()
    }
    fn primal(&self, p: &[f64]) -> f64 {
        quad_tanh(&self.a, p)
    }
    fn gradient(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (y, grad) = quad_tanh_grad(&self.a, p);
        g.copy_from_slice(&grad);
        y
    }
    fn ours(&self, p: &[f64], h: &mut [f64]) -> f64 {
        let (y, _, hess) = quad_tanh_hessian(&self.a, p);
        flatten(&hess, h);
        y
    }
    fn ours_hvp(&self, p: &[f64], v: &[f64], hv: &mut [f64]) -> f64 {
        let (y, _, out) = quad_tanh_hvp(&self.a, p, v);
        hv.copy_from_slice(&out);
        y
    }
    fn hand(&self, p: &[f64], h: &mut [f64]) -> f64 {
        let (y, hess) = quad_tanh_hand(&self.a, p);
        flatten(&hess, h);
        y
    }
    fn generic<T: Real>(&self, p: &[T]) -> T {
        quad_tanh_generic(&self.a, p)
    }
}
