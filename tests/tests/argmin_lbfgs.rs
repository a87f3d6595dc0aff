//! argmin's L-BFGS on the extended Rosenbrock function (n = 100), with the gradient that
//! `#[differentiate]` generated, reaches the minimum at (1, .., 1) from the standard start.

use argmin::core::State;

#[path = "../examples/rosenbrock_lbfgs.rs"]
mod rosenbrock_lbfgs;

use rosenbrock_lbfgs::{minimise, rosenbrock, rosenbrock_grad};

#[test]
fn lbfgs_minimises_extended_rosenbrock_from_the_standard_start() {
    let state = minimise(100).unwrap();
    let x = state.get_best_param().unwrap();
    let cost = state.get_best_cost();
    assert_eq!(x.len(), 100);
    // Converged by its own criterion, not by the iteration cap.
    assert!(state.get_iter() < 1000, "{} iterations", state.get_iter());
    assert!(cost < 1e-10, "cost {cost:e}");
    assert_eq!(cost, rosenbrock(x));
    // Every coordinate within 1e-6 of the minimiser (1, .., 1); L-BFGS lands at about
    // 3e-8, with the cost near 4e-16.
    for (i, v) in x.iter().enumerate() {
        assert!((v - 1.0).abs() < 1e-6, "x[{i}] = {v}");
    }
    let g = rosenbrock_grad(x).1;
    assert!(g.iter().all(|d| d.abs() < 1e-6), "gradient {g:?}");
}
