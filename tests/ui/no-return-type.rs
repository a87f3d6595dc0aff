// A function that returns nothing has no derivative.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) {
    let _ = x * x;
}

fn main() {}
