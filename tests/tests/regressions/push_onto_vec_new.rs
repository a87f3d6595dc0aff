// `Vec::new()` reads no local, and was taken for a constant: each `push` went into a
// fresh `Vec::new()`, and the output was that constant (the generated code did not
// compile: an empty `Vec` has no element type to infer).
use autodiff_core::differentiate;

#[differentiate]
fn pushed(x: &[f64]) -> (f64, Vec<f64>) {
    let mut v = Vec::new();
    let mut s = 0.0;
    for xi in x {
        v.push(xi.sin());
        s += xi * xi;
    }
    (s, v)
}

fn main() {
    let x = [0.3, -0.7];
    let ((s, v), (ds, dv)) = pushed_jacobian(&x);
    assert_eq!((s, v.clone()), pushed(&x));
    assert_eq!(v, vec![x[0].sin(), x[1].sin()]);
    assert_eq!(ds, vec![2.0 * x[0], 2.0 * x[1]]);
    assert_eq!(dv, vec![vec![x[0].cos(), 0.0], vec![0.0, x[1].cos()]]);
}
