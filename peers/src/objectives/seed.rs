//! The seed: phi = (a w1 + b1)^2, straight-line code through named intermediates.

use autodiff_core::differentiate;

use crate::{Model, Real, Shape};

/// The one-neuron "network" of the README.
#[differentiate]
#[allow(clippy::let_and_return)] // the seed names every intermediate on purpose
pub fn phi(w1: f64, a: f64, b1: f64) -> f64 {
    let y1 = a * w1;
    let y2 = y1 + b1;
    let y3 = y2 * y2;
    y3
}

/// By hand: dphi/dw1 = 2 a y2, dphi/da = 2 w1 y2, dphi/db1 = 2 y2.
pub fn phi_hand(w1: f64, a: f64, b1: f64) -> (f64, (f64, f64, f64)) {
    let y2 = a * w1 + b1;
    let t = 2.0 * y2;
    (y2 * y2, (t * a, t * w1, t))
}

/// Generic, for the peers: `p = [w1, a, b1]`.
pub fn phi_generic<T: Real>(p: &[T]) -> T {
    let y1 = p[1].clone() * p[0].clone();
    let y2 = y1 + p[2].clone();
    y2.sq()
}

/// The seed at one point.
#[derive(Debug)]
pub struct Seed;

impl Model for Seed {
    fn family(&self) -> &'static str {
        "seed phi"
    }
    fn size(&self) -> String {
        "n=3".into()
    }
    fn shape(&self) -> Shape {
        Shape::StraightLine
    }
    fn point(&self) -> Vec<f64> {
        vec![1.5, 2.0, 0.5]
    }
    fn primal(&self, p: &[f64]) -> f64 {
        phi(p[0], p[1], p[2])
    }
    fn ours(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (y, (dw1, da, db1)) = phi_grad(p[0], p[1], p[2]);
        g[0] = dw1;
        g[1] = da;
        g[2] = db1;
        y
    }
    fn hand(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (y, (dw1, da, db1)) = phi_hand(p[0], p[1], p[2]);
        g[0] = dw1;
        g[1] = da;
        g[2] = db1;
        y
    }
    fn generic<T: Real>(&self, p: &[T]) -> T {
        phi_generic(p)
    }
    fn returns_vec(&self) -> bool {
        false
    }
}
