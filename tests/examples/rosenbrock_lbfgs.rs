//! Minimising the extended Rosenbrock function (n = 100) with argmin's L-BFGS, the
//! gradient coming from `#[differentiate]`: the generated `rosenbrock_grad` is all that
//! argmin's `Gradient` trait asks for.
//!
//! Run with `cargo run -p autodiff-tests --release --example rosenbrock_lbfgs`.
//! `tests/tests/argmin_lbfgs.rs` runs the same code and checks the minimum.

use argmin::core::{CostFunction, Error, Executor, Gradient, IterState, State};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::quasinewton::LBFGS;
use autodiff_core::differentiate;

/// Extended Rosenbrock, the sum over i of 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2, as a
/// plain loop; its minimum is 0 at (1, .., 1).
#[differentiate]
pub fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

/// The glue: argmin asks for the cost and the gradient, and the macro wrote both.
#[derive(Debug)]
pub struct Rosenbrock;

impl CostFunction for Rosenbrock {
    type Param = Vec<f64>;
    type Output = f64;
    fn cost(&self, x: &Vec<f64>) -> Result<f64, Error> {
        Ok(rosenbrock(x))
    }
}

impl Gradient for Rosenbrock {
    type Param = Vec<f64>;
    type Gradient = Vec<f64>;
    fn gradient(&self, x: &Vec<f64>) -> Result<Vec<f64>, Error> {
        Ok(rosenbrock_grad(x).1)
    }
}

/// argmin's state of a gradient method on `Vec<f64>`.
pub type VecState = IterState<Vec<f64>, Vec<f64>, (), (), (), f64>;

/// L-BFGS (memory 7, More-Thuente line search) from the standard start point
/// (-1.2, 1, -1.2, 1, ..) of dimension `n`; returns argmin's final state.
pub fn minimise(n: usize) -> Result<VecState, Error> {
    let x0: Vec<f64> = (0..n).map(|i| if i % 2 == 0 { -1.2 } else { 1.0 }).collect();
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), 7).with_tolerance_grad(1e-10)?;
    let res = Executor::new(Rosenbrock, solver)
        .configure(|s| s.param(x0).max_iters(1000).counting(true))
        .run()?;
    Ok(res.state)
}

#[allow(dead_code)] // `tests/tests/argmin_lbfgs.rs` includes this file for `minimise`
fn main() -> Result<(), Error> {
    let n = 100;
    let state = minimise(n)?;
    let x = state.get_best_param().expect("L-BFGS returns a point");
    let max_err = x.iter().map(|v| (v - 1.0).abs()).fold(0.0, f64::max);
    let g = rosenbrock_grad(x).1;
    println!("extended Rosenbrock, n = {n}, L-BFGS from (-1.2, 1, -1.2, 1, ..)");
    println!("termination:    {}", state.get_termination_status());
    println!("iterations:     {}", state.get_iter());
    let counts = state.get_func_counts();
    println!(
        "evaluations:    {} costs, {} gradients",
        counts["cost_count"], counts["gradient_count"]
    );
    println!("final cost:     {:.3e}", state.get_best_cost());
    println!("|gradient|:     {:.3e}", g.iter().map(|v| v * v).sum::<f64>().sqrt());
    println!("max |x_i - 1|:  {max_err:.3e}");
    Ok(())
}
