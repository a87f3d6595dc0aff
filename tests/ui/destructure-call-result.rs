// Destructuring the tuple returned by a call is refused at the pattern.
use autodiff_core::differentiate;

fn pair() -> (f64, f64) {
    (1.0, 2.0)
}

#[differentiate]
fn f(x: f64) -> f64 {
    let (a, b) = pair();
    a * x + b
}

fn main() {}
