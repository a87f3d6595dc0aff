// A gradient with a zero tangent in a slice or `Vec` parameter (the function is linear in
// it): `f_hvp` and `f_vjp_jvp` built that zero from the gradient `x_bar` after `x_bar`
// had moved into the returned tuple (E0382). Found by the differential fuzzer.
use autodiff_core::differentiate;

#[differentiate(order = 2)]
fn first(x: &[f64]) -> f64 {
    x[0]
}

#[differentiate(order = 2)]
fn mixed(x: &[f64], y: f64) -> f64 {
    x[0] * 2.0 + y * y
}

#[differentiate(order = 2)]
fn branchy(x: Vec<f64>) -> f64 {
    if x[0] > 0.0 {
        x[0]
    } else {
        0.75
    }
}

fn main() {
    let x = [0.3, -0.7];
    let (v, g, hv) = first_hvp(&x, &[1.0, 2.0]);
    assert_eq!((v, g, hv), (0.3, vec![1.0, 0.0], vec![0.0, 0.0]));
    let (v, (gx, gy), h) = mixed_hessian(&x, 1.5);
    assert_eq!((v, gx, gy), (0.6 + 2.25, vec![2.0, 0.0], 3.0));
    // Over (x[0], x[1], y): only ∂²/∂y² = 2.
    assert_eq!(h, vec![vec![0.0, 0.0, 0.0], vec![0.0, 0.0, 0.0], vec![0.0, 0.0, 2.0]]);
    let (v, g, hv) = branchy_hvp(vec![0.5, 1.0], &[1.0, 1.0]);
    assert_eq!((v, g, hv), (0.5, vec![1.0, 0.0], vec![0.0, 0.0]));
    let ((v, g), (_, g_dot)) = mixed_vjp_jvp(&x, 1.5, 1.0, &[1.0, 1.0], 1.0, 0.0);
    assert_eq!((v, g.0, g.1, g_dot.0, g_dot.1), (2.85, vec![2.0, 0.0], 3.0, vec![0.0, 0.0], 2.0));
}
