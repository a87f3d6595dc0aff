// Destructuring the tuple returned by a differentiated call is refused at the pattern
// (its derivative would be a tuple).
use autodiff_core::differentiate;

#[differentiate]
fn split(x: f64) -> (f64, f64) {
    (x * x, 3.0 * x)
}

#[differentiate]
fn f(x: f64) -> f64 {
    let (a, b) = split(x);
    a * x + b
}

fn main() {}
