// Arrays pushed onto an unannotated `Vec::new()`: reverse mode reset each element's
// adjoint with a float's zero (the `Vec`'s element type is written nowhere), which did not
// compile (`[f64; 2]: Float` is not satisfied).
use autodiff_core::differentiate;

#[differentiate]
fn pairs(x: &[f64]) -> Vec<[f64; 2]> {
    let mut y = Vec::new();
    for i in 0..x.len() - 1 {
        y.push([x[i] * x[i + 1], x[i] - x[i + 1]]);
    }
    y
}

fn main() {
    let x = [0.5, -2.0, 3.0];
    let (y, g) = pairs_vjp(&x, &[[1.0, 0.0], [0.0, 1.0]]);
    assert_eq!(y, pairs(&x));
    // d/dx of y[0][0] + y[1][1] = x0 x1 + x1 - x2.
    assert_eq!(g, vec![x[1], x[0] + 1.0, -1.0]);
    let (_, j) = pairs_jacobian(&x);
    assert_eq!(j[1], [vec![0.0, x[2], x[1]], vec![0.0, 1.0, -1.0]]);
}
