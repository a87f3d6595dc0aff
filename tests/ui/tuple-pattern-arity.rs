// A tuple pattern with a different number of names than the tuple it binds.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let (a, b) = (x, 2.0 * x, 3.0);
    a * b
}

fn main() {}
