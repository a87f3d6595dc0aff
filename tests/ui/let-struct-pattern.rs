// A `let` with a struct pattern is refused at the pattern.
use autodiff_core::differentiate;

#[derive(Clone, Copy)]
pub struct Pair {
    a: f64,
    b: f64,
}

#[differentiate]
fn f(x: f64, p: Pair) -> f64 {
    let Pair { a, b } = p;
    a * x + b
}

fn main() {}
