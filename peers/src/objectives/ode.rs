//! An ODE integrated with explicit fourth-order Runge-Kutta, GradBench's "ode" eval
//! (after cmpad): `y' = f(x, y)` with `f_0 = x_0`, `f_i = x_i y_{i-1}`, `y(0) = 0`,
//! integrated to `t = 2` in `s` steps. The objective is the last component `y_{n-1}(2)`,
//! differentiated with respect to the coefficients `x`.

use autodiff_core::differentiate;

use crate::{Model, Real, Shape};

/// The plain function: `s` RK4 steps.
#[differentiate]
pub fn ode(x: &[f64], s: usize) -> f64 {
    let n = x.len();
    let h = 2.0 / s as f64;
    let mut y = vec![0.0; n];
    let mut k1 = vec![0.0; n];
    let mut k2 = vec![0.0; n];
    let mut k3 = vec![0.0; n];
    let mut k4 = vec![0.0; n];
    let mut tmp = vec![0.0; n];
    for _step in 0..s {
        k1[0] = x[0];
        for i in 1..n {
            k1[i] = x[i] * y[i - 1];
        }
        for i in 0..n {
            tmp[i] = y[i] + h * k1[i] / 2.0;
        }
        k2[0] = x[0];
        for i in 1..n {
            k2[i] = x[i] * tmp[i - 1];
        }
        for i in 0..n {
            tmp[i] = y[i] + h * k2[i] / 2.0;
        }
        k3[0] = x[0];
        for i in 1..n {
            k3[i] = x[i] * tmp[i - 1];
        }
        for i in 0..n {
            tmp[i] = y[i] + h * k3[i];
        }
        k4[0] = x[0];
        for i in 1..n {
            k4[i] = x[i] * tmp[i - 1];
        }
        for i in 0..n {
            y[i] += h * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]) / 6.0;
        }
    }
    y[n - 1]
}

/// `z = f(x, y)`.
fn rhs(x: &[f64], y: &[f64], z: &mut [f64]) {
    z[0] = x[0];
    for i in 1..x.len() {
        z[i] = x[i] * y[i - 1];
    }
}

/// The adjoint of `z = f(x, y)`: adds `z_bar`'s contributions to `x_bar` and `y_bar`.
fn rhs_adjoint(x: &[f64], y: &[f64], z_bar: &[f64], x_bar: &mut [f64], y_bar: &mut [f64]) {
    x_bar[0] += z_bar[0];
    for i in 1..x.len() {
        x_bar[i] += z_bar[i] * y[i - 1];
        y_bar[i - 1] += z_bar[i] * x[i];
    }
}

/// By hand: the discrete adjoint of RK4. The forward pass keeps the state at the start
/// of every step; the backward pass recomputes the step's stages from it.
pub fn ode_hand(x: &[f64], s: usize) -> (f64, Vec<f64>) {
    let n = x.len();
    let h = 2.0 / s as f64;
    let mut ys = vec![0.0; (s + 1) * n];
    let (mut k1, mut k2, mut k3, mut k4) = (vec![0.0; n], vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    let (mut y2, mut y3, mut y4) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    let stages = |y: &[f64],
                  k1: &mut [f64],
                  k2: &mut [f64],
                  k3: &mut [f64],
                  k4: &mut [f64],
                  y2: &mut [f64],
                  y3: &mut [f64],
                  y4: &mut [f64]| {
        rhs(x, y, k1);
        for i in 0..n {
            y2[i] = y[i] + h * k1[i] / 2.0;
        }
        rhs(x, y2, k2);
        for i in 0..n {
            y3[i] = y[i] + h * k2[i] / 2.0;
        }
        rhs(x, y3, k3);
        for i in 0..n {
            y4[i] = y[i] + h * k3[i];
        }
        rhs(x, y4, k4);
    };
    for step in 0..s {
        let (done, next) = ys.split_at_mut((step + 1) * n);
        let y = &done[step * n..];
        stages(y, &mut k1, &mut k2, &mut k3, &mut k4, &mut y2, &mut y3, &mut y4);
        for i in 0..n {
            next[i] = y[i] + h * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]) / 6.0;
        }
    }
    let value = ys[s * n + n - 1];

    let mut x_bar = vec![0.0; n];
    let mut y_bar = vec![0.0; n];
    y_bar[n - 1] = 1.0;
    let (mut k1_bar, mut k2_bar, mut k3_bar) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    let mut z_bar = vec![0.0; n];
    for step in (0..s).rev() {
        let y = &ys[step * n..(step + 1) * n];
        stages(y, &mut k1, &mut k2, &mut k3, &mut k4, &mut y2, &mut y3, &mut y4);
        // y' = y + h/6 (k1 + 2 k2 + 2 k3 + k4); y_bar carries through unchanged, and
        // k4_bar = k1_bar = h/6 y_bar, k2_bar = k3_bar = h/3 y_bar before the stages add.
        for i in 0..n {
            k1_bar[i] = h / 6.0 * y_bar[i];
            k2_bar[i] = h / 3.0 * y_bar[i];
            k3_bar[i] = k2_bar[i];
        }
        // k4 = f(y4), y4 = y + h k3 (k4_bar is k1_bar as it stands).
        z_bar.fill(0.0);
        rhs_adjoint(x, &y4, &k1_bar, &mut x_bar, &mut z_bar);
        for i in 0..n {
            y_bar[i] += z_bar[i];
            k3_bar[i] += h * z_bar[i];
        }
        // k3 = f(y3), y3 = y + h/2 k2.
        z_bar.fill(0.0);
        rhs_adjoint(x, &y3, &k3_bar, &mut x_bar, &mut z_bar);
        for i in 0..n {
            y_bar[i] += z_bar[i];
            k2_bar[i] += h / 2.0 * z_bar[i];
        }
        // k2 = f(y2), y2 = y + h/2 k1.
        z_bar.fill(0.0);
        rhs_adjoint(x, &y2, &k2_bar, &mut x_bar, &mut z_bar);
        for i in 0..n {
            y_bar[i] += z_bar[i];
            k1_bar[i] += h / 2.0 * z_bar[i];
        }
        // k1 = f(y).
        z_bar.fill(0.0);
        rhs_adjoint(x, y, &k1_bar, &mut x_bar, &mut z_bar);
        for i in 0..n {
            y_bar[i] += z_bar[i];
        }
    }
    (value, x_bar)
}

/// Generic, for the peers: the same computation as [`ode`].
pub fn ode_generic<T: Real>(x: &[T], s: usize) -> T {
    let n = x.len();
    let h = T::cst(2.0 / s as f64);
    let half_h = T::cst(1.0 / s as f64);
    let sixth_h = T::cst(2.0 / s as f64 / 6.0);
    let two = T::cst(2.0);
    let f = |y: &[T]| -> Vec<T> {
        let mut z = Vec::with_capacity(n);
        z.push(x[0].clone());
        for i in 1..n {
            z.push(x[i].clone() * y[i - 1].clone());
        }
        z
    };
    let mut y: Vec<T> = vec![T::cst(0.0); n];
    for _ in 0..s {
        let k1 = f(&y);
        let tmp: Vec<T> = (0..n).map(|i| y[i].clone() + half_h.clone() * k1[i].clone()).collect();
        let k2 = f(&tmp);
        let tmp: Vec<T> = (0..n).map(|i| y[i].clone() + half_h.clone() * k2[i].clone()).collect();
        let k3 = f(&tmp);
        let tmp: Vec<T> = (0..n).map(|i| y[i].clone() + h.clone() * k3[i].clone()).collect();
        let k4 = f(&tmp);
        for i in 0..n {
            y[i] = y[i].clone()
                + sixth_h.clone()
                    * (k1[i].clone()
                        + two.clone() * k2[i].clone()
                        + two.clone() * k3[i].clone()
                        + k4[i].clone());
        }
    }
    y[n - 1].clone()
}

/// The ODE with `n` coefficients integrated in `s` steps.
#[derive(Debug)]
pub struct Ode {
    /// Coefficients (and state components).
    pub n: usize,
    /// RK4 steps.
    pub s: usize,
}

impl Model for Ode {
    fn family(&self) -> &'static str {
        "ODE (RK4)"
    }
    fn size(&self) -> String {
        format!("n={} steps={}", self.n, self.s)
    }
    fn shape(&self) -> Shape {
        Shape::Loops
    }
    fn point(&self) -> Vec<f64> {
        // GradBench's input: x_i = i + 1 scaled down, so that the state stays moderate.
        (0..self.n).map(|i| 0.5 + 0.1 * i as f64).collect()
    }
    fn primal(&self, p: &[f64]) -> f64 {
        ode(p, self.s)
    }
    fn ours(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (y, grad) = ode_grad(p, self.s);
        g.copy_from_slice(&grad);
        y
    }
    fn hand(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (y, grad) = ode_hand(p, self.s);
        g.copy_from_slice(&grad);
        y
    }
    fn generic<T: Real>(&self, p: &[T]) -> T {
        ode_generic(p, self.s)
    }
}
