// The path form of a float method whose first argument is an unsuffixed literal
// (`f64::max(0.0, x)`, a common ReLU) compiles as written, so its siblings must too.
use autodiff_core::differentiate;

#[differentiate]
fn relu(x: f64) -> f64 {
    f64::max(0.0, x)
}

#[differentiate]
fn others(x: f64) -> f64 {
    f64::min(4.0, x) + f64::powf(2.0, x) + f64::atan2(1.5, x) + f64::mul_add(3.0, x, 0.5)
}

fn main() {
    assert_eq!(relu_grad(2.0), (relu(2.0), 1.0));
    assert_eq!(relu_grad(-2.0), (relu(-2.0), 0.0));
    let x = 1.0_f64;
    let want = 1.0 + 2.0_f64.ln() * 2.0 - 1.5 / (1.5 * 1.5 + 1.0) + 3.0;
    let (y, d) = others_grad(x);
    assert_eq!(y, others(x));
    assert!((d - want).abs() < 1e-12, "{d} vs {want}");
}
