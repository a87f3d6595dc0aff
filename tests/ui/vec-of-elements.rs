// `vec![a, b]` with a list of elements is refused; only `vec![constant; n]` is supported.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let v = vec![x, 2.0 * x];
    v[0] * v[1]
}

fn main() {}
